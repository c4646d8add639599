"""Text helpers shared by the apps."""

import unicodedata


def fold(text):
    """Lower-case text without accents, for matching: “Auñón” becomes “aunon”."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
