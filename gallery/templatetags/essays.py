"""``{% essay_card gallery %}``: a photo essay's card in lists of stories.

Written in Python rather than included, as the article card is, for the same
reason: a list shows twenty. The HTML is the one the card's template gave.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from gallery.templatetags.photos import card_image
from publishing.text import publish_date

register = template.Library()


@register.simple_tag
def essay_card(gallery, level=2, sizes="card"):
    """The card of ``gallery`` (read with ``gallery.views.gallery_cards``), its title
    a heading of ``level``: its cover, else its first slide, and its photo count.
    ``sizes`` is the image's, as for ``{% picture %}``."""
    if gallery.cover:
        image = f"\n  {card_image(gallery.cover, sizes)}\n  "
    elif gallery.first_slides:
        image = f"\n  {card_image(gallery.first_slides[0].photo, sizes)}\n  "
    else:
        image = ""
    count = gallery.slide_count
    level = conditional_escape(level or 2)
    url = conditional_escape(gallery.get_absolute_url())
    title = conditional_escape(gallery.title)
    return mark_safe(  # noqa: S308 - every value in it is escaped above
        '<article class="card">\n'
        f"  {image}\n"
        '  <div class="card-body">\n'
        '    <p class="kicker">Photo essay</p>\n'
        f'    <h{level} class="card-title"><a href="{url}">{title}</a></h{level}>\n'
        f'    <p class="meta">{count} photo{"" if count == 1 else "s"} '
        f'<span aria-hidden="true" class="sep">·</span> {publish_date(gallery.publish_at)}</p>\n'
        "  </div>\n"
        "</article>\n"
    )
