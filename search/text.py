"""How search reads text: words, folded the same way for the index and for queries."""

import html
import re
import unicodedata

from publishing.text import fold

# Letters and digits; punctuation, quotes, "%" and "_" only separate words, so no
# character a reader types reaches a query as syntax.
WORD = re.compile(r"[^\W_]+")
TAG = re.compile(r"<[^>]*>")
SPACE = re.compile(r"\s+")

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12


def words(text):
    return WORD.findall(fold(text))


def spaced_words(text):
    """The words of ``text`` as written (accents and case kept), one space apart."""
    return " ".join(WORD.findall(unicodedata.normalize("NFC", text)))


def folded(text):
    """Space-padded folded words, so " term" in it matches a word starting with term."""
    found = words(text)
    return f" {' '.join(found)} " if found else ""


def terms(query):
    """The distinct folded words of a reader's query, in order, at most MAX_TERMS."""
    return list(dict.fromkeys(words(query)))[:MAX_TERMS]


def plain_text(rich_text):
    """Sanitized rich text as plain text: tags become spaces, entities characters."""
    return SPACE.sub(" ", html.unescape(TAG.sub(" ", rich_text or ""))).strip()
