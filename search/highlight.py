"""Highlighted titles and snippets: escape everything, then wrap matched words in <mark>."""

import unicodedata
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .text import WORD, words

SNIPPET_WORDS = 30
WORDS_BEFORE_MATCH = 10


@lru_cache(maxsize=16384)
def folded_word(word):
    """``word`` folded as search reads it: words recur, on a page and from page to page."""
    return "".join(words(word))


def is_match(word, terms):
    folded = folded_word(word)
    return any(folded.startswith(term) for term in terms)


def highlight(text, terms):
    """``text`` escaped, each word that starts with a term wrapped in <mark>."""
    text = unicodedata.normalize("NFC", text)
    parts, last = [], 0
    for match in WORD.finditer(text):
        if is_match(match.group(), terms):
            parts.append(escape(text[last : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # every piece of text above is escaped


def snippet(text, terms, size=SNIPPET_WORDS):
    """About ``size`` words of ``text`` around its first match, highlighted.

    Starts at the beginning when nothing in the text matches (a title match).
    """
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    # Words are read up to the snippet's end only: a long body is not read whole.
    found, first = [], None
    for i, match in enumerate(WORD.finditer(text)):
        found.append(match)
        if first is None and is_match(match.group(), terms):
            first = i
        if first is not None and i >= first + size:
            break
    if not found:
        return highlight(text, terms)
    first = first or 0
    start = max(0, min(first - WORDS_BEFORE_MATCH, len(found) - size))
    end = min(len(found), start + size)
    begin = 0 if start == 0 else found[start].start()
    finish = len(text) if end == len(found) else found[end - 1].end()
    excerpt = highlight(text[begin:finish], terms)
    return mark_safe(  # escaped excerpt, constant ellipses
        ("… " if begin else "") + excerpt + (" …" if finish < len(text) else "")
    )


def matches_any(text, terms):
    return any(is_match(match.group(), terms) for match in WORD.finditer(text))
