"""``{% link "articles:index" %}``: the ``{% url %}`` tag, worked out once per process.

Every page links the same addresses in its header, footer and search form; see
``publishing.links`` for why they are kept.
"""

from django import template

from publishing.links import reverse

register = template.Library()


@register.simple_tag
def link(viewname, *args):
    return reverse(viewname, args)
