from django.core.paginator import Paginator
from django.shortcuts import render

from . import highlight, index
from .models import Kind
from .query import parse
from .text import MAX_QUERY_LENGTH

RESULTS_PER_PAGE = 10


def clean_query(raw):
    """The query as the page shows it back: control characters out, spaces single."""
    printable = "".join(c if c.isprintable() else " " for c in raw)
    return " ".join(printable.split())


def search(request):
    """The search page: every published record matching all words of ``q``.

    A name in ``q`` also matches its other spellings (search.query).
    """
    raw = request.GET.get("q", "")
    shortened = len(raw) > MAX_QUERY_LENGTH
    query = clean_query(raw[:MAX_QUERY_LENGTH])
    parsed = parse(query)
    # Other spellings of a name in the query are highlighted too.
    query_terms = parsed.words
    found = index.search(parsed)
    page = Paginator(found, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    results = [
        {
            "entry": entry,
            "kind": Kind(entry.kind).label,
            "title": highlight.highlight(entry.title, query_terms),
            "also": highlight.highlight(", ".join(entry.keywords.splitlines()), query_terms)
            if highlight.matches_any(entry.keywords, query_terms)
            else "",
            "snippet": highlight.snippet(entry.body, query_terms),
        }
        for entry in page.object_list
    ]
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "shortened": shortened,
            "max_length": MAX_QUERY_LENGTH,
            "searched": bool(query),
            "has_terms": bool(query_terms),
            "page_obj": page,
            "results": results,
            # More records match than are counted and listed: the page says so.
            "more_than": f"{found.most:,}" if query_terms and found.more else "",
        },
    )
