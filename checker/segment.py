"""Split a document into sentences with exact character offsets.

Two regex passes find *cuts*: sentence ends (``. ! ?`` before an upper-case
letter, digit or quote, unless the word is an abbreviation or an initial) and
structure (blank lines, Markdown headings, rules and list-item markers, plus
the document's excluded spans). The text between consecutive cuts, trimmed of
whitespace, is a sentence. Offsets always point into ``document.text``, which is
never altered, so a heading marker ("## ") or list marker ("1. ") is left out of
the sentence span rather than removed. Linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.model import Document, Sentence

# Words that end with a period without ending the sentence (compared lower-cased).
# Dotted initials ("U.S.", "e.g.", "J. Smith") are recognized by their shape instead.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof st jr sr messrs mme mlle rev hon fr
    gov sen rep pres gen col lt maj capt cmdr adm sgt cpl pvt supt insp det
    inc corp ltd co bros plc llc dept univ assn
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    vs approx est cf al ca mt ft ave blvd rd fig figs vol vols
    """.split()
)
# Abbreviations only before a number ("No. 10", "Art. 5"): otherwise ordinary words.
NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "art", "p", "pp", "para"})

_UPPER_START = r"[^\W_a-z\xdf-\xff]"  # an upper-case letter or a digit, not a lower-case one
_SENTENCE_END = re.compile(
    rf"""[.!?](?<![.!?][.!?])[.!?]*+['"”’»)\]]*+  # terminator run, closing quotes/brackets
    (?=\s+['"“‘«(\[]*{_UPPER_START})  # space, then a capital, digit or opening quote""",
    re.X,
)
# Line-start structure; the scan below looks for it only after a newline, which
# keeps the pass a fast literal search instead of a match attempt at every character.
_LINE_START = r"""
    (?P<heading>[ \t]{0,3}\#{1,6})(?:[ \t]+|$)                  # "# Title"
    | [ \t]{0,3}(?P<rule>[-*_])(?:[ \t]*(?P=rule)){2,}[ \t]*$    # "---" between sections
    | (?P<setext>[^\n]*+)\n[ \t]{0,3}(?:=+|-+)[ \t]*$             # "Title" over "====="
    | (?P<bullet>[ \t]*[-*+•])[ \t]+                              # "- item"
    | (?P<number>[ \t]*\d{1,3}[.)])[ \t]+                         # "1. item"
"""
_FIRST_LINE = re.compile(_LINE_START, re.M | re.X)
_STRUCTURE = re.compile(
    rf"""\n(?:
    (?P<blank>[ \t]*(?:\n[ \t]*)*)(?=\n)                           # empty lines
    | {_LINE_START})""",
    re.M | re.X,
)
_FIRST_ITEM = re.compile(r"[ \t]*1[.)]")
_LIST_LINE = re.compile(r"[ \t]|[-*+•][ \t]|\d{1,3}[.)][ \t]")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")  # "J", "U.S", "e.g", "J.R.R"
_LEADING_PUNCTUATION = "\"'“‘«([{"
_SPACES = re.compile(r"\s*")  # what ``str.lstrip`` strips: ``\s`` is ``str.isspace``

Cut = tuple[int, int]  # text[cut[0]:cut[1]] belongs to no sentence


def split_sentences(document: Document) -> list[Sentence]:
    """Sentences of the document, skipping ``document.excluded`` spans.

    A sentence never crosses a blank line, a heading line or a list-item start.
    """
    text = document.text
    # One sort of all the cuts, in C, costs less than heapq.merge, a Python generator taking
    # them one at a time; each source gives its cuts in order, so the order is the same.
    cuts = [*document.excluded, *_structure_cuts(text), *_sentence_end_cuts(text)]
    cuts.sort()
    cuts.append((len(text), len(text)))  # the end of the text closes the last sentence
    sentences: list[Sentence] = []
    position = 0
    # The loop body runs once per sentence: inline, with no call it can do without.
    for cut_start, cut_end in cuts:
        if cut_start > position:
            # Stripped in two steps: what the left strip leaves ends at the cut, so its length gives
            # where the sentence starts, without searching the text for it.
            stripped = text[position:cut_start].lstrip()
            start = cut_start - len(stripped)
            stripped = stripped.rstrip()
            if stripped:
                sentences.append(Sentence(start, start + len(stripped), stripped))
        if cut_end > position:
            position = cut_end
    return sentences


def _structure_cuts(text: str) -> Iterator[Cut]:
    first = _FIRST_LINE.match(text)
    if first is not None:
        yield from _structure_cut(text, first)
    for found in _STRUCTURE.finditer(text):
        yield from _structure_cut(text, found)


def _structure_cut(text: str, found: re.Match[str]) -> Iterator[Cut]:
    kind = found.lastgroup
    if kind in ("blank", "rule"):
        yield found.span()
    elif kind == "heading":
        # The heading line is a sentence of its own: cut before it and after it.
        line_end = text.find("\n", found.end())
        yield found.span()
        yield (len(text), len(text)) if line_end == -1 else (line_end, line_end)
    elif kind == "setext":
        yield found.start(), found.start()
        yield found.end(kind), found.end()
    elif kind == "bullet" or _starts_ordered_item(text, found.start(kind)):
        yield found.span()


def _starts_ordered_item(text: str, line_start: int) -> bool:
    """Whether "12. " at a line start is a list item, not a wrapped line ending a sentence.

    As in CommonMark, a numbered item may interrupt a paragraph only as item 1;
    otherwise it follows a blank line, another item or an indented continuation.
    """
    if line_start == 0 or _FIRST_ITEM.match(text, line_start):
        return True
    previous_start = text.rfind("\n", 0, line_start - 1) + 1
    previous_line = text[previous_start : line_start - 1]
    return not previous_line.strip() or _LIST_LINE.match(previous_line) is not None


def _sentence_end_cuts(text: str) -> list[Cut]:
    cuts = []
    for found in _SENTENCE_END.finditer(text):
        period, end = found.span()
        # Only a period right after a letter can close an abbreviation or an initial (both end in a
        # letter, and no other character lower-cases to one): years and figures skip the call.
        if text[period] != "." or not text[period - 1 : period].isalpha() or not _is_abbreviation(text, period, end):
            cuts.append((end, end))
    return cuts


# Letters just before a period that make the word longer than any abbreviation.
_LONGER_THAN_ABBREVIATIONS = 1 + max(map(len, ABBREVIATIONS | NUMBER_ABBREVIATIONS))


def _is_abbreviation(text: str, period: int, end: int) -> bool:
    """Whether the word before the period is an abbreviation or initial, not a sentence end."""
    # Most sentences end on a word longer than any abbreviation: its last letters are
    # neither initials (a period before the last letter) nor a listed word, whatever precedes them.
    if period >= _LONGER_THAN_ABBREVIATIONS and text[period - _LONGER_THAN_ABBREVIATIONS : period].isalpha():
        return False
    before = text[max(0, period - 12) : period]
    if not before or before[-1].isspace():
        return False
    token = before.split()[-1]
    if len(token) == len(before) == 12:
        return False  # a long token ("www.example.com.") is no abbreviation
    word = token.lstrip(_LEADING_PUNCTUATION)
    # Initials alternate letters and periods: a longer word without a period second is none.
    if (len(word) < 2 or word[1] == ".") and _INITIALS.fullmatch(word) and (len(word) > 1 or word.isupper()):
        return True
    lowered = word.lower()
    if lowered in ABBREVIATIONS:
        return True
    if lowered not in NUMBER_ABBREVIATIONS:
        return False
    after = _SPACES.match(text, end).end()  # the next non-space, found without copying the rest of the text
    return text[after : after + 1].isdigit()
