"""What each kind of record contributes to the search index.

A source names the model, the queryset of records readers may see (the model's
own ``published()`` for publishable models) and how to turn a record into a
document: a title, keywords counted as title, and body text.
"""

from dataclasses import dataclass

from django.db.models import Prefetch

from articles.models import Article, Block
from gallery.models import Gallery, Photo
from missions.models import Mission, Person

from .models import Kind
from .text import plain_text


@dataclass(frozen=True)
class Document:
    title: str
    url: str
    keywords: str = ""
    body: str = ""


def article_document(article):
    texts = [plain_text(block.text) for block in article.blocks.all() if not block.photo_id]
    return Document(
        title=article.headline,
        url=article.get_absolute_url(),
        body="\n".join(filter(None, [article.standfirst.strip(), *texts])),
    )


def essay_document(gallery):
    return Document(title=gallery.title, url=gallery.get_absolute_url(), body=gallery.introduction)


def photo_document(photo):
    return Document(title=photo.title, url=photo.get_absolute_url(), body=photo.caption)


def person_document(person):
    return Document(
        title=person.name,
        url=person.get_absolute_url(),
        keywords="\n".join(person.other_name_list),
        body="\n".join(filter(None, [person.role, person.bio])),
    )


def mission_document(mission):
    facts = [mission.spacecraft, mission.launch_vehicle, mission.summary]
    return Document(
        title=mission.name,
        url=mission.get_absolute_url(),
        body="\n".join(part.strip() for part in facts if part.strip()),
    )


@dataclass(frozen=True)
class Source:
    kind: str
    model: type
    document: object
    prefetch: tuple = ()

    def visible(self):
        """The records readers may see, the only ones search may return."""
        manager = self.model._default_manager
        return manager.published() if hasattr(manager, "published") else manager.all()

    def for_indexing(self):
        return self.model._default_manager.prefetch_related(*self.prefetch)


SOURCES = {
    source.kind: source
    for source in [
        Source(
            Kind.ARTICLE,
            Article,
            article_document,
            (Prefetch("blocks", queryset=Block.objects.filter(photo__isnull=True)),),
        ),
        Source(Kind.ESSAY, Gallery, essay_document),
        Source(Kind.PHOTO, Photo, photo_document),
        Source(Kind.PERSON, Person, person_document),
        Source(Kind.MISSION, Mission, mission_document),
    ]
}

KIND_OF_MODEL = {source.model: kind for kind, source in SOURCES.items()}
