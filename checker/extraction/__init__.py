"""Extract stage: sentences -> mentions with their context ("drafts").

The number grammar (``numbers``), units and items (``quantities``), time
expressions (``timeexpr``) and the clause context (``context``) each have a
module; this one only walks a document's sentences and puts them together.
Nothing is normalized here: that is the next stage's job.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from checker.extraction.article import DocumentContext
from checker.extraction.breakdown import link_regional_parts
from checker.extraction.context import MentionContext, describe
from checker.extraction.cues import Cues, cues_for
from checker.extraction.quantities import find_mentions
from checker.extraction.timeexpr import find_times_and_points
from checker.lexicon import Lexicon, default_lexicon
from checker.model import Document, Mention, Sentence, TimeExpression
from checker.segment import split_sentences

_PARAGRAPH = re.compile(r"\S(?:.|\n(?!\s*\n))*", re.M)
# "\beuros?\b" and "\bdollars?\b", any case, written to begin with a character
# class: the engine then skips through the article to an "e" or "d" in a tight loop.
_EURO_WORD = re.compile(r"[eE](?<!\w[eE])(?i:uros?)\b")
_DOLLAR_WORD = re.compile(r"[dD](?<!\w[dD])(?i:ollars?)\b")


def article_currency(text: str, lowered: str | None = None) -> str | None:
    """EUR when an article writes euros and never dollars: its bare "cent" is a euro cent.

    ``lowered``: ``text.lower()``, when the caller has it already."""
    lowered = lowered or text.lower()
    if "€" not in text and ("euro" not in lowered or not _writes_euro(text, lowered)):
        return None  # most articles: no dollars to look for
    if "$" in text or _DOLLAR_WORD.search(text) is not None:
        return None
    return "EUR"


def _writes_euro(text: str, lowered: str) -> bool:
    """Whether ``_EURO_WORD`` matches in ``text`` (``lowered``: its lower case).

    Every match holds "euro" in some case (no other letter folds to u, r or o), so it is
    tried only where the lower-cased article has "euro": a substring search is cheaper than
    the scan, and "European" is in many articles that never write a euro.
    """
    if len(lowered) != len(text):  # a letter whose lower case is longer: offsets differ
        return _EURO_WORD.search(text) is not None
    at = lowered.find("euro")
    while at != -1:
        if _EURO_WORD.match(text, at) is not None:
            return True
        at = lowered.find("euro", at + 1)
    return False


def boilerplate_paragraphs(text: str, cues: Cues, lowered: str | None = None) -> list[tuple[int, int]]:
    """Paragraphs holding an advertising cue: every figure in them is page furniture.

    ``lowered``: ``text.lower()``, when the caller has it already."""
    if lowered is None:
        lowered = text.lower()
    if len(lowered) != len(text) or not all(cues.boilerplate_phrases):
        # A letter whose lower case is longer: offsets differ, search paragraph by paragraph
        # (as for an empty phrase, which every paragraph holds).
        if not cues.is_boilerplate(lowered):
            return []
        return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if cues.boilerplate.search(m.group(0).lower())]
    # Matching ``_PARAGRAPH`` over the whole article walks it character by character, and
    # most paragraphs hold no cue: only the paragraph around each place a cue is written is read
    # (an article without a cue finds none, so it needs no ``is_boilerplate`` test first).
    spans: set[tuple[int, int]] = set()
    for phrase in cues.boilerplate_phrases:
        at = lowered.find(phrase)
        while at != -1:
            span = _paragraph_at(text, at)
            if span is not None and at + len(phrase) <= span[1]:
                spans.add(span)
                at = lowered.find(phrase, span[1])  # more of it in the same paragraph adds nothing
            else:
                at = lowered.find(phrase, at + 1)
    return sorted(spans)


# Where a paragraph (a ``_PARAGRAPH`` match) ends: a newline that a blank line follows.
_PARAGRAPH_BREAK = re.compile(r"\n(?=\s*\n)")
_BLANK_LINE_AFTER = re.compile(r"\s*\n")
_NON_SPACE = re.compile(r"\S")


def _paragraph_at(text: str, position: int) -> tuple[int, int] | None:
    """Span of the ``_PARAGRAPH`` match holding ``position``, None between paragraphs.

    A match starts at the first non-space after the last paragraph break before it and
    ends at the next break: ``.`` takes every character but a newline, and the only
    newline it cannot take is a break.
    """
    line = text.rfind("\n", 0, position)
    while line != -1 and _BLANK_LINE_AFTER.match(text, line + 1) is None:
        line = text.rfind("\n", 0, line)
    first = _NON_SPACE.search(text, line + 1)
    if first is None or first.start() > position:
        return None
    end = _PARAGRAPH_BREAK.search(text, position)
    return first.start(), len(text) if end is None else end.start()


class Draft(NamedTuple):
    """A mention with its sentence and context, not yet normalized.

    One per figure, so a tuple, and the mention keeps the offsets it was found
    at in its sentence (``sentence.start`` away from the document's) instead of
    being copied to move them.
    """

    index: int  # position of the claim in its document, for claim ids
    mention: Mention  # offsets in ``sentence.text``
    sentence: Sentence
    context: MentionContext
    part_of: int | None  # index (in this document) of the whole this is a part of


def sentence_times(text: str, published) -> list[TimeExpression]:
    """Rates, windows and targets, plus single days ("on Sunday, November 17") as one-day windows."""
    times, points = find_times_and_points(text, published)  # times in reading order
    if not points:
        return times
    taken = [(t.start, t.end) for t in times]
    points = [p for p in points if all(p.end <= s or e <= p.start for s, e in taken)]
    return sorted(times + points, key=lambda t: t.start)


def extract_drafts(document: Document, lexicon: Lexicon | None = None, cues: Cues | None = None) -> list[Draft]:
    """Every quantitative mention of a document, with what its clause says about it."""
    lexicon = lexicon or default_lexicon()
    cues = cues or cues_for(lexicon)
    drafts: list[Draft] = []
    previous_subject: str | None = None
    previous_end = 0
    text = document.text
    document_context = DocumentContext.read(text, document.title, lexicon)
    lowered = text.lower()  # one copy for the article-wide tests below, each of which would make its own
    may_advertise = cues.may_advertise(text, lowered)
    boilerplate_spans = boilerplate_paragraphs(text, cues, lowered) if may_advertise else []
    currency_hint = article_currency(text, lowered)
    sentences = split_sentences(document)
    for sentence in sentences:
        if text.find("\n\n", previous_end, sentence.start) != -1:  # searched in place: no copy of the gap
            previous_subject = None  # a new paragraph: do not carry a subject across it
        previous_end = sentence.end
        mentions = find_mentions(sentence.text, currency_hint)
        if not mentions:
            continue
        times = sentence_times(sentence.text, document.published)
        contexts = describe(
            sentence.text,
            mentions,
            times,
            lexicon,
            cues,
            previous_subject,
            document_context,
            boilerplate=bool(boilerplate_spans) and any(s <= sentence.start < e for s, e in boilerplate_spans),
            offset=sentence.start,
            article_may_advertise=may_advertise,
        )
        first = len(drafts)
        for mention, context in zip(mentions, contexts, strict=True):
            part_of = None if context.part_of is None else first + context.part_of
            drafts.append(Draft(len(drafts), mention, sentence, context, part_of))
        subjects = [c.subject for c in contexts if c.subject and not c.boilerplate]
        if subjects:
            previous_subject = subjects[-1]
    return link_regional_parts(drafts, sentences, text, lexicon)
