"""What a reader's search asks for: its words, and the other spellings of names in it.

A query is a list of clauses that must all match. A clause is one typed word, or a
run of typed words that spells a person's name, with the other spellings of that
name as alternatives: "sergei prokopyev launch" asks for (sergei prokopyev, or
sergey prokopyev) and launch. The backends turn a query into their own syntax;
only folded words reach them, never a character the reader typed as syntax.
"""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q

from .documents import SOURCES
from .models import Kind
from .text import terms, words

# Enough for namesakes; a name shared by more people adds no more alternatives.
MAX_ALTERNATIVES = 8


@dataclass(frozen=True)
class Word:
    text: str
    # A typed word matches the start of a word, as readers type; the words of
    # another spelling are whole names and match whole words only.
    prefix: bool = True


@dataclass(frozen=True)
class Query:
    # Each clause: alternatives, any of which may match; each alternative: words
    # that must all match.
    clauses: tuple[tuple[tuple[Word, ...], ...], ...] = ()

    def __bool__(self):
        return bool(self.clauses)

    @property
    def words(self):
        """Every word the query may match, typed or another spelling, for highlighting."""
        found = (word.text for clause in self.clauses for alt in clause for word in alt)
        return list(dict.fromkeys(found))


def parse(text):
    """The query for what a reader typed: its words, names with their other spellings."""
    typed = terms(text)
    if not typed:
        return Query()
    spellings = other_spellings(typed)
    clauses, i = [], 0
    while i < len(typed):
        run = longest_name_at(typed, i, spellings)
        if run:
            alternatives = [tuple(Word(word) for word in run)]
            alternatives += [
                tuple(Word(word, prefix=False) for word in other)
                for other in spellings[run]
                if other != run
            ][: MAX_ALTERNATIVES - 1]
            clauses.append(tuple(alternatives))
            i += len(run)
        else:
            clauses.append(((Word(typed[i]),),))
            i += 1
    return Query(tuple(clauses))


def longest_name_at(typed, i, spellings):
    runs = [run for run in spellings if tuple(typed[i : i + len(run)]) == run]
    return max(runs, key=len, default=None)


def other_spellings(typed):
    """For each spelling of a name whose words the query holds: every spelling of it.

    Only people with other spellings count; each spelling is a tuple of folded words.
    """
    people = (
        SOURCES[Kind.PERSON]
        .visible()
        .exclude(other_names="")
        # A cheap first cut on the folded names; the exact check is below.
        .filter(reduce(or_, (Q(search_names__contains=term) for term in typed)))
        .only("name", "other_names")
    )
    spellings = {}
    for person in people:
        names = [tuple(words(name)) for name in [person.name, *person.other_name_list]]
        names = [name for name in dict.fromkeys(names) if name]
        for name in names:
            if set(name) <= set(typed):
                known = spellings.setdefault(name, [])
                known += [other for other in names if other not in known]
    return spellings
