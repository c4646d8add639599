"""Writing records into the search index, and reading readers' searches from it."""

from django.db import transaction
from django.db.models import Q

from .backends import get_backend
from .documents import KIND_OF_MODEL, SOURCES
from .models import SearchEntry
from .text import folded


def index_object(obj):
    """Create or refresh the entry of ``obj`` (any searchable record)."""
    kind = KIND_OF_MODEL[type(obj)]
    document = SOURCES[kind].document(obj)
    with transaction.atomic():
        entry, _ = SearchEntry.objects.update_or_create(
            kind=kind,
            object_id=obj.pk,
            defaults={
                "url": document.url,
                "title": document.title[:300],
                "keywords": document.keywords,
                "body": document.body,
                "title_folded": folded(f"{document.title} {document.keywords}"),
                "body_folded": folded(document.body),
            },
        )
        get_backend().update_vector(entry)
    return entry


def index_by_pk(model, pk):
    """Refresh the entry of the record ``pk``, or drop it if the record is gone."""
    kind = KIND_OF_MODEL[model]
    obj = SOURCES[kind].for_indexing().filter(pk=pk).first()
    if obj is None:
        remove(model, pk)
    else:
        index_object(obj)


def remove(model, pk):
    SearchEntry.objects.filter(kind=KIND_OF_MODEL[model], object_id=pk).delete()


def rebuild():
    """Index every record again and drop entries whose record is gone.

    Returns the number of entries per kind.
    """
    counts = {}
    with transaction.atomic():
        for kind, source in SOURCES.items():
            count = 0
            for obj in source.for_indexing().iterator(chunk_size=200):
                index_object(obj)
                count += 1
            SearchEntry.objects.filter(kind=kind).exclude(
                object_id__in=source.model._default_manager.values("pk")
            ).delete()
            counts[kind] = count
    return counts


def visible_entries():
    """Entries whose record readers may see right now."""
    visible = Q()
    for kind, source in SOURCES.items():
        visible |= Q(kind=kind, object_id__in=source.visible().values("pk"))
    return SearchEntry.objects.filter(visible)


def search(terms):
    """Entries matching every term, title matches first; none for no terms."""
    if not terms:
        return SearchEntry.objects.none()
    return get_backend().search(visible_entries(), terms)
