"""What a page tells search engines and link previews: breadcrumbs and schema.org data.

Views build the structured data from the objects the page shows, with the queries
the page already made; ``{% structured_data %}`` writes it as JSON-LD. The
breadcrumbs are shown on the page and described in the same data, so the two
cannot disagree.
"""

from django.conf import settings

from .links import reverse

SCHEMA_ORG = "https://schema.org"


def absolute_url(request, url):
    """``url`` readable from anywhere: storage services already give full URLs."""
    if url.startswith(("http://", "https://", "//")):
        return url
    return request.build_absolute_uri(url)


def graph(*nodes):
    """One JSON-LD document of the page's nodes, leaving out the empty ones."""
    return {"@context": SCHEMA_ORG, "@graph": [node for node in nodes if node]}


def compact(node):
    """``node`` without keys whose value is empty: schema.org has no use for them."""
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}


def publisher(request):
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri(reverse("home")),
    }


def website(request):
    """The site itself, with the search box that search engines may offer."""
    search_url = request.build_absolute_uri(reverse("search:index"))
    return {
        "@type": "WebSite",
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri(reverse("home")),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search_url}?q={{query}}"},
            "query-input": "required name=query",
        },
    }


def breadcrumbs(*trail):
    """The trail from the front page to this page: (name, url) pairs, this page last.

    This page's own entry has no link, in the page and in the data.
    """
    return [("Home", reverse("home")), *trail]


def breadcrumb_list(request, trail):
    items = []
    for position, (name, url) in enumerate(trail, 1):
        item = {"@type": "ListItem", "position": position, "name": name}
        if url:
            item["item"] = request.build_absolute_uri(url)
        items.append(item)
    return {"@type": "BreadcrumbList", "itemListElement": items}


def trail_data(request, trail):
    """The data of a page that describes nothing more than where it sits."""
    return graph(breadcrumb_list(request, trail))


def person_reference(request, person):
    return {
        "@type": "Person",
        "name": person.name,
        "url": request.build_absolute_uri(person.get_absolute_url()),
    }


def image_object(request, photo, caption=None, page_url=None, position=None):
    """A photo as schema.org knows it: its full-size file, size, caption, credit and
    licence (the licence's deed, and the page the photo came from)."""
    full = photo.rendition("full")
    if full is None:
        return None
    return compact(
        {
            "@type": "ImageObject",
            "name": photo.title,
            "contentUrl": absolute_url(request, full.url),
            "url": request.build_absolute_uri(page_url) if page_url else None,
            "width": full.width,
            "height": full.height,
            "caption": photo.caption if caption is None else caption,
            "creditText": photo.credit,
            "license": photo.licence_url,
            "acquireLicensePage": photo.source_url,
            "position": position,
        }
    )


def date(value):
    return value.isoformat() if value else None
