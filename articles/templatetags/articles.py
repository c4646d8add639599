"""``{% article_card article %}``: an article's card in lists of stories.

Written in Python rather than included, as the mission card is: a list page shows
twenty cards, and the card's includes (its image, its byline), lookups and filters
took a third of the page's time. The HTML is the one the card's template gave,
blank lines and all.
"""

from django import template
from django.template.defaultfilters import truncatewords
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from gallery.templatetags.photos import card_image
from publishing.text import publish_date

register = template.Library()

STANDFIRST_WORDS = 40


def authors(article):
    """ "By A, B and C", the names in byline order, and a separator; nothing without."""
    names = [conditional_escape(byline.person.name) for byline in article.bylines.all()]
    if not names:
        return ""
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f'<span class="byline">By {listed}</span> <span aria-hidden="true" class="sep">·</span> '


@register.simple_tag
def article_card(article, level=2):
    """The card of ``article`` (read with ``articles.views.article_cards``), its
    headline a heading of ``level``."""
    photo = article.lead_photo
    image = f"\n  {card_image(photo)}\n  " if photo else ""
    standfirst = (
        format_html(
            '<p class="card-text">{}</p>', truncatewords(article.standfirst, STANDFIRST_WORDS)
        )
        if article.standfirst
        else ""
    )
    level = conditional_escape(level or 2)
    url = conditional_escape(article.get_absolute_url())
    headline = conditional_escape(article.headline)
    return mark_safe(  # noqa: S308 - every value in it is escaped above
        '<article class="card">\n'
        f"  {image}\n"
        '  <div class="card-body">\n'
        f'    <h{level} class="card-title"><a href="{url}">{headline}</a></h{level}>\n'
        f"    {standfirst}\n"
        f'    <p class="meta">{authors(article)}{publish_date(article.publish_at)}\n</p>\n'
        "  </div>\n"
        "</article>\n"
    )
