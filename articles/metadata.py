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
            # Changed for readers only by a correction or an update, not by every save.
            "dateModified": date(article.modified_at),
            "author": [person_reference(request, b.person) for b in article.bylines.all()],
            "publisher": publisher(request),
            "image": [photo for photo in photos if photo],
            **notes_data(article),
        }
    )
    return graph(news_article, breadcrumb_list(request, trail))


def notes_data(article):
    """The article's corrections and updates, newest first, as schema.org has them.

    A correction is a ``CorrectionComment`` under ``correction``, as schema.org asks.
    schema.org has no property or type of its own for an update to a news article
    (``liveBlogUpdate`` belongs to live blogs), so an update is a ``Comment`` under
    ``comment``: the type ``CorrectionComment`` itself refines, the article's own
    comment on itself, dated like a correction.
    """
    corrections, updates = [], []
    for note in article.notes.all():
        if note.kind == note.Kind.CORRECTION:
            corrections.append(note_data("CorrectionComment", note))
        else:
            updates.append(note_data("Comment", note))
    return {"correction": corrections, "comment": updates}


def note_data(kind, note):
    return {"@type": kind, "text": note.text, "datePublished": date(note.noted_at)}
