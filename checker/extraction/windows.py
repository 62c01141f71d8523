"""A figure's time window and rate: the time expressions of its clause that own it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.extraction.clauses import Clause
from checker.model import Mention, TimeExpression


def figure_times(times: list[TimeExpression], source_spans: list[tuple[int, int]]) -> list[TimeExpression]:
    """Drop the day a source spoke ("the ministry said on Monday"): it dates the statement, not the figure."""
    if not source_spans:
        return times
    return [
        t
        for t in times
        if not (t.window_start and t.window_start == t.window_end and any(s <= t.start and t.end <= e for s, e in source_spans))
    ]


def rate_for(mention: Mention, mentions: list[Mention], times: list[TimeExpression], index: int) -> TimeExpression | None:
    """A rate binds to the figure just before it, or to the figure it is written in ("barrels per day")."""
    next_start = mentions[index + 1].start if index + 1 < len(mentions) else None
    for t in times:
        if t.kind != "rate":
            continue
        inside = mention.start < t.start and t.end <= mention.end
        after = t.start >= mention.end and (next_start is None or t.start < next_start) and t.start - mention.end <= 60
        if inside or after:
            return t
    return None


# A clause about the present: a date elsewhere in the sentence is not its time.
PRESENT_PHRASES = ("now", "currently", "nowadays", "today", "at present", "these days")
_PRESENT = re.compile(r"\b(?:" + "|".join(PRESENT_PHRASES) + r")\b")


def window_owners(text: str, mentions: Sequence[Mention], times: list[TimeExpression]) -> dict[int, int]:
    """The windows written right after a figure that is the base of a comparison ("from"), by start, with
    that figure's index: "to 1,563 bln euros from 1,585 bln euros in 2022" - the year is the second figure's.
    """
    owners: dict[int, int] = {}
    for index, mention in enumerate(mentions):
        if not text[max(0, mention.start - 6):mention.start].lower().endswith("from "):
            continue
        for t in times:
            if mention.end <= t.start and not text[mention.end:t.start].strip(" ,"):
                owners[t.start] = index
    return owners


def window_for(
    mention: Mention, times: list[TimeExpression], clause: Clause, lowered: str, may_say_present: bool = True,
    others: Sequence[TimeExpression] = (),
) -> TimeExpression | None:
    """A window or target binds to the figures of its clause, or of the sentence when the
    clause has none: never into a relative clause, nor past a word that puts the figure
    in the present ("founded in 1949 with 12 employees, now has about 48,000 staff").

    ``may_say_present``: False when the sentence holds none of ``PRESENT_PHRASES`` (most do not),
    and the clause is not searched for one (a search tries the pattern at every word).
    ``others``: the windows written right after another figure of the sentence. A figure takes one
    only when no other window fits: in "fell to 1,563 bln euros from 1,585 bln euros in 2022", 2022
    dates 1,585 and the first figure takes the sentence's "In 2023"; in "rose 4% to 1.2 bln euros in
    2023" the 4% still takes 2023."""
    windows = [t for t in times if t.kind in WINDOW_KINDS]
    if not windows:
        return None
    present = [m.span() for m in _PRESENT.finditer(lowered, clause.start, clause.end)] if may_say_present else []
    in_clause = [t for t in windows if clause.start <= t.start and t.end <= clause.end]
    if in_clause:
        windows = [t for t in in_clause if not any(_between(p, t, mention) for p in present)]
    elif clause.relative or present:
        return None
    else:
        # A year that modifies a noun ("2024 sales") dates what its sentence says after it, not a figure before it
        # in another clause ("won a 10.0 mln dlrs order, and expected 2024 sales to be flat").
        windows = [t for t in windows if t.start < mention.start or not t.text.isdigit()]
    if not windows:
        return None
    if others:
        windows = [t for t in windows if t not in others] or windows
    return min(windows, key=lambda t: min(abs(t.start - mention.end), abs(mention.start - t.end)))


WINDOW_KINDS = ("window", "target")


def _between(span: tuple[int, int], time: TimeExpression, mention: Mention) -> bool:
    """``span`` lies between a time expression and a figure, on either side."""
    start, end = span
    return time.end <= start and end <= mention.start or mention.end <= start and end <= time.start
