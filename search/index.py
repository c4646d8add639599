"""Writing records into the search index, and reading readers' searches from it."""

from django.db import transaction

from .backends import Results, get_backend
from .documents import KIND_OF_MODEL, SOURCES
from .models import SearchEntry

# Records read and entries written per statement when indexing many at once.
BATCH_SIZE = 1000
WRITTEN_FIELDS = ["url", "title", "keywords", "body"]


def entry_for(kind, obj):
    """The unsaved entry of ``obj``, with what the database's backend adds to it."""
    document = SOURCES[kind].document(obj)
    title = f"{document.title} {document.keywords}"
    return SearchEntry(
        kind=kind,
        object_id=obj.pk,
        url=document.url,
        title=document.title[:300],
        keywords=document.keywords,
        body=document.body,
        **get_backend().index_fields(title, document.body),
    )


def write(entries):
    """Insert ``entries``, or refresh the ones already in the index, a batch a statement."""
    SearchEntry.objects.bulk_create(
        entries,
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["kind", "object_id"],
        update_fields=WRITTEN_FIELDS + get_backend().INDEX_FIELDS,
    )


def index_object(obj):
    """Create or refresh the entry of ``obj`` (any searchable record)."""
    write([entry_for(KIND_OF_MODEL[type(obj)], obj)])


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
    """Index every record again, drop entries whose record is gone, compact the index.

    Returns the number of entries per kind.
    """
    counts = {}
    with transaction.atomic():
        for kind, source in SOURCES.items():
            count, batch = 0, []
            for obj in source.for_indexing().iterator(chunk_size=BATCH_SIZE):
                batch.append(entry_for(kind, obj))
                if len(batch) == BATCH_SIZE:
                    write(batch)
                    count, batch = count + len(batch), []
            write(batch)
            counts[kind] = count + len(batch)
            SearchEntry.objects.filter(kind=kind).exclude(
                object_id__in=source.model._default_manager.values("pk")
            ).delete()
        get_backend().optimize()
    return counts


def search(query):
    """Visible entries matching ``query`` (search.query.Query), best first; none for none.

    Results (search.backends) counts and ranks at most MAX_RANKED of them.
    """
    return Results(get_backend(), query)
