"""Clause boundaries: a figure's modality, relation and time belong to its clause."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Clause boundaries: a figure's modality, relation and time belong to its clause.
# Read as: "[;:]", or ", which|who|...", or "\s+but|while|whereas\s". Written with the first character
# as a class (and a look-behind per branch) so the engine skips to the next ";:," or space in C.
_CLAUSE_BREAK = re.compile(
    r"[;:,\s](?:(?<=[;:])|(?<=,)\s+(?:of which|of whom|while|whereas|but|and|including|with|which|who|where|when|whose)\b"
    r"|(?<=\s)\s*(?:but|while|whereas)\s)"
)
# The same without its last branch, for sentences without those words: the engine stops only at ";:,".
_CLAUSE_BREAK_PUNCTUATION = re.compile(
    r"[;:,](?:(?<=[;:])|(?<=,)\s+(?:of which|of whom|while|whereas|but|and|including|with|which|who|where|when|whose)\b)"
)
_CONJUNCTIONS = frozenset(("but", "while", "whereas"))

_RELATIVE_OPENERS = ("which", "who", "whose", "where", "when")


@dataclass(slots=True)  # internal and built per figure: a frozen init costs a setattr call per field
class Clause:
    start: int
    end: int
    relative: bool  # ", which employs 640 people,"


# A clause is read at most this far either side of its figure: real clauses are
# shorter, and the bound keeps a pathological "sentence" of 5,000 figures linear.
MAX_CLAUSE_REACH = 300

NEAR_REACH = 600


def near(items: list, starts: list[int], start: int, end: int) -> list:
    """The items (sorted by start) that begin within ``NEAR_REACH`` of a figure."""
    if len(items) <= 16:
        return items
    return items[bisect.bisect_left(starts, start - NEAR_REACH):bisect.bisect_right(starts, end + NEAR_REACH)]


def clause_breaks(text: str, words: set[str] | None = None) -> list[re.Match[str]]:
    """Where the clauses of a sentence meet, found once per sentence.

    ``words``, the sentence's ``words_of`` (lower-cased), if known: without
    "but", "while" or "whereas" among them the last branch cannot match."""
    if words is not None and _CONJUNCTIONS.isdisjoint(words):
        return list(_CLAUSE_BREAK_PUNCTUATION.finditer(text))
    return list(_CLAUSE_BREAK.finditer(text))


def clause_of(text: str, start: int, end: int, breaks: list[re.Match[str]] | None = None) -> Clause:
    """The clause of ``text`` that holds the span [start, end).

    A relative clause (", which employs 640 people,") ends at its closing comma,
    so "opened in 1987" after it is not read as the time of the 640.
    """
    breaks = clause_breaks(text) if breaks is None else breaks
    left, right, relative = 0, len(text), False
    first_after = bisect.bisect_left([m.start() for m in breaks], end) if len(breaks) > 8 else 0
    before = breaks[max(0, first_after - 1):first_after] if len(breaks) > 8 else breaks
    for m in before:
        if m.end() <= start:
            left = m.start() if m.group(0).startswith(",") and "of which" in m.group(0) else m.end()
            relative = m.group(0).split()[-1] in _RELATIVE_OPENERS
    for m in breaks[first_after:]:
        if m.start() >= end:
            right = m.start()
            break
    left, right = max(left, start - MAX_CLAUSE_REACH), min(right, end + MAX_CLAUSE_REACH)
    if relative:
        comma = text.find(",", end, right)
        if comma != -1:
            right = comma
    return Clause(left, right, relative)
