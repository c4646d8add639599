"""Breadcrumbs and schema.org data of the article pages."""

from publishing.links import reverse
from publishing.metadata import (
    breadcrumb_list,
    breadcrumbs,
    compact,
    date,
    graph,
    image_object,
    person_reference,
    publisher,
    website,
)


def home_data(request):
    return graph(website(request))


def article_trail(article):
    return breadcrumbs(("Articles", reverse("articles:index")), (article.headline, None))


def article_data(request, article, trail):
    """A ``NewsArticle`` of what the page shows: its byline, dates and photos."""
    url = request.build_absolute_uri(article.get_absolute_url())
    photos = []
    if article.hero_photo:
        photos.append(image_object(request, article.hero_photo))
    photos += [
        image_object(request, block.photo, caption=block.display_caption)
        for block in article.blocks.all()
        if block.photo_id
    ]
    news_article = compact(
        {
            "@type": "NewsArticle",
            "@id": f"{url}#article",
            "headline": article.headline,
            "description": article.standfirst,
            "url": url,
            "mainEntityOfPage": url,
            "datePublished": date(article.publish_at),
            "dateModified": date(article.updated_at),
            "author": [person_reference(request, b.person) for b in article.bylines.all()],
            "publisher": publisher(request),
            "image": [photo for photo in photos if photo],
        }
    )
    return graph(news_article, breadcrumb_list(request, trail))
