"""A figure's modality (planned, forecast, estimate, target): the cue in its clause or right after it."""

from __future__ import annotations

import re

from checker.extraction.cues import Cues, may_cue
from checker.model import Mention, TimeExpression


def modality(
    text: str,
    c_start: int,
    c_end: int,
    mentions: list[Mention],
    index: int,
    targets: list[TimeExpression],
    cues: Cues,
    cued: bool = True,
    places: list[tuple[int, int]] | None = None,
) -> str:
    """The nearest modality cue before the figure in its clause; with none, the nearest cue after it that is
    still the figure's (``_cue_after``).

    A modal verb ("will", "could") does not undo an estimate or forecast cue
    before it: "analysts estimate that the cuts will cost 600 million euros" is
    their estimate. A deadline ("by the end of 2026") makes a target of a
    figure with no cue, unless a past tense says it is a fact ("had been laid
    by the end of June") or another figure stands between them.

    ``text`` is the lower-cased sentence (same offsets); ``targets``, the time expressions of kind
    "target" that may lie in the clause (most sentences have none); ``cued`` is False when
    it holds no cue phrase at all (most sentences), and the cues are not searched;
    ``places``, its ``Cues.modality_places`` if known, tells which ranges to search."""
    mention = mentions[index]
    best, said_actual, view_end = "actual", False, -1
    if cued and may_cue(places, text, c_start, mention.start):
        for m in cues.modality_cues(text, c_start, mention.start):
            name = m.lastgroup or best
            if best in _VIEWS and m.group(name) in cues.modal_verbs and not any(
                view_end <= other.start < m.start() for other in mentions
            ):
                continue  # "estimate that ... will cost"; not "The line, estimated to cost 6.2 billion, would"
            best, said_actual, view_end = name, name == "actual", m.end()
    if best == "actual" and cued:
        tail = text[mention.end:mention.end + 60].lstrip(" ,")
        m = cues.modality.match(tail)
        if m and m.lastgroup != "actual":
            return m.lastgroup or best
        after = _cue_after(text, mention.end, c_end, mentions, index, cues) if may_cue(
            places, text, mention.end, c_end) else None
        if after in _STATED_AFTER:
            return after
        said_actual = said_actual or after == "actual"
    if best == "actual" and not said_actual and targets and any(
        c_start <= t.start < c_end and not _figure_between(mentions, index, t.start, t.end) for t in targets
    ):
        return "target"  # "... to cut 4,000 jobs by the end of 2026"
    return best


# Cues that say whose view a figure is: a modal verb after one of them does not replace it.
_VIEWS = frozenset(("estimate", "forecast"))
# What a cue after the figure may make of it: "10,000 soldiers are to be sent", "1,500 are believed to be".
_STATED_AFTER = frozenset(("planned", "forecast", "estimate"))
# The words that may join a figure to the next one of a list sharing its verb: "1,500 soldiers and 300 tanks".
_LIST_BETWEEN = re.compile(r"\s*(?:[a-z-]+\s+){0,2}?(?:,\s*(?:and|or)|,|and|or)\s*")
# "handled 1.9 mln tonnes in 2023 and aims to lift throughput to 2.5 mln tonnes": the cue opens another verb.
_SECOND_PREDICATE = re.compile(r"\b(?:and|but)\s+(?:also\s+|[a-z]+ly\s+)?$")
# "damage estimated at $30 billion", "estimates of 64,900": the figure right after a cue is the cue's.
_CUE_OF = re.compile(r"\s*(?:(?:at|of|to|as|around|about|nearly|some)\s+)?")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their)\s+$")
_SAID_WORD = re.compile(r"\b(?:said|says|told|reported|reports|announced|added|stated)\b")


def _cue_after(text: str, end: int, c_end: int, mentions: list[Mention], index: int, cues: Cues) -> str | None:
    """The modality of the nearest cue in ``text[end:c_end]`` that is the figure's, if any.

    A cue past another figure is that figure's ("rose 6.3 pct, ... above the
    1.5 pct rise economists had forecast"), unless the two are a list sharing
    one verb; a cue past a "said" is not the quoted figure's ("5,000 workers
    joined strikes at 14 sites, the union said, against the plan to close");
    a cue that opens a second verb with a figure of its own, or that a figure
    follows at once, governs that one ("has spent 1.1 billion and plans to
    invest 2.4 billion", "killed 1,700 people and caused damage estimated at
    $30 billion"); one after "the" describes its noun ("the proposed corridor")."""
    for m in cues.modality_cues(text, end, c_end):
        at, cue_end = m.span(m.lastgroup or 0)
        if _figure_between(mentions, index, end, at, text) or _SAID_WORD.search(text, end, at):
            return None
        if _DETERMINER_BEFORE.search(text, max(end, at - 8), at):
            continue  # "within the proposed corridor": the cue describes that noun
        later = [other for other in mentions[index + 1:] if at < other.start < c_end]
        if later and (
            _SECOND_PREDICATE.search(text, max(end, at - 20), at) or _CUE_OF.fullmatch(text, cue_end, later[0].start)
        ):
            return None
        return m.lastgroup
    return None


def _figure_between(mentions: list[Mention], index: int, start: int, end: int, text: str | None = None) -> bool:
    """Whether a figure other than ``mentions[index]`` lies between it and ``[start, end)`` (on either side).

    With ``text``, figures listed right after this one ("1,500 soldiers and 300 tanks") do not count."""
    mention = mentions[index]
    low, high = (mention.end, start) if start >= mention.end else (end, mention.start)
    previous = mention
    for other in mentions:
        if other is mention or not (low <= other.start and other.end <= high):
            continue
        if text is not None and other.start >= mention.end and _LIST_BETWEEN.fullmatch(text, previous.end, other.start):
            previous = other
            continue
        return True
    return False
