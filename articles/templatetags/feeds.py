"""``{% feed_links %}`` in <head>: the site's feeds, and the page's own where it has one."""

from django import template
from django.conf import settings

from missions.models import Mission, Person
from publishing.links import reverse

register = template.Library()


def feed_pair(title, rss_name, atom_name, *args):
    return [
        {
            "title": f"{title} (RSS)",
            "type": "application/rss+xml",
            "href": reverse(rss_name, args=args),
        },
        {
            "title": f"{title} (Atom)",
            "type": "application/atom+xml",
            "href": reverse(atom_name, args=args),
        },
    ]


@register.inclusion_tag("includes/feed_links.html", takes_context=True)
def feed_links(context):
    """Latest stories everywhere; a mission's page adds its feed, an author's page theirs."""
    feeds = feed_pair(
        f"{settings.SITE_NAME}: latest stories", "feeds:latest_rss", "feeds:latest_atom"
    )
    page_object = context.get("object")
    if isinstance(page_object, Mission):
        feeds += feed_pair(
            f"{settings.SITE_NAME}: {page_object.name}",
            "feeds:mission_rss",
            "feeds:mission_atom",
            page_object.slug,
        )
    elif isinstance(page_object, Person) and context.get("counts", {}).get("article_count"):
        # Counted by the person page for all its pages: those past the end of their
        # articles offer the feed too.
        feeds += feed_pair(
            f"{settings.SITE_NAME}: articles by {page_object.name}",
            "feeds:author_rss",
            "feeds:author_atom",
            page_object.slug,
        )
    return {"feeds": feeds}
