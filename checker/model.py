"""Shared records that flow between the pipeline stages.

Every stage only imports this module and the stages to its left:
ingest -> segment -> extract -> normalize -> match -> rules -> report.
Records are small dataclasses, read-only by convention: those built for
every sentence or figure (``Sentence``, ``Mention``, ``TimeExpression``) are
not frozen, because a frozen dataclass sets each field through
``object.__setattr__`` and that made building them cost several times more.
The corpus of claims is a pandas DataFrame whose columns are listed in
``CLAIM_COLUMNS`` (documented in ``docs/normalization.md``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Document:
    """One article. ``text`` is what every character offset points into.

    For ``.txt`` and ``.md`` files ``text`` is the whole file, so that line and
    column are the file's own; spans that are not prose (front matter, code
    blocks) are listed in ``excluded`` instead of being cut out.
    """

    id: str
    text: str
    published: date | None = None
    path: str | None = None
    format: str = "txt"
    title: str | None = None
    source: str | None = None
    url: str | None = None
    # Line of the file on which this document starts (JSONL/CSV rows), for reports.
    origin_line: int = 1
    excluded: tuple[tuple[int, int], ...] = ()
    suppress: str | None = None  # JSONL/CSV ``suppress`` field: "rate-conflict: reason; ..."


@dataclass(frozen=True, slots=True)
class InputError:
    """A problem with the input that a user can fix; never a traceback."""

    path: str
    message: str
    line: int | None = None
    severity: str = "error"  # "error": document skipped or failed; "warning": read with a caveat

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


@dataclass(slots=True)  # built per figure: see the module docstring
class Sentence:
    """A sentence of a document; ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


class LineIndex:
    """Maps character offsets of a text to 1-based (line, column)."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


@dataclass(slots=True)  # built per figure: see the module docstring
class Mention:
    """A figure found in a sentence, before any normalization.

    Offsets are relative to the string the extractor was given. ``unit`` is a
    pint unit name of our registry (``kilometer``, ``kilometer_per_hour``,
    ``degree_Celsius``), an ISO 4217 code for money (``USD``), ``percent``,
    ``percentage_point``, or None for a plain count.
    """

    start: int
    end: int
    value: float
    value_to: float | None = None
    unit: str | None = None
    item: str | None = None  # lemmatized counted or measured thing: "shell", "crude oil"
    qualifier: str | None = None  # canonical hedge: about, nearly, more than, at least, up to, fewer than
    # Half of one unit of the last significant digit the writer used, in the
    # written unit: "1,500" -> 50, "eight million" -> 500_000, "6.4" -> 0.05.
    rounding: float = 0.0
    approximate_words: bool = False  # written in words ("eight million", "a dozen")
    is_change: bool = False  # "rose by 3%", "percentage points": a difference, not a level


@dataclass(slots=True)  # built per figure: see the module docstring
class TimeExpression:
    """A rate, window or target expression found in a sentence.

    ``kind`` is ``rate`` ("annually", "a day"), ``window`` ("since August of
    last year", "in 2023") or ``target`` ("by 2035"). Offsets are relative to
    the sentence text.
    """

    start: int
    end: int
    kind: str
    text: str
    period: str | None = None  # ISO 8601 duration of a rate: P1Y, P1M, P1W, P1D
    window_start: date | None = None  # earliest possible start
    window_start_latest: date | None = None  # latest possible start (== window_start when exact)
    window_end: date | None = None  # latest possible end
    window_end_earliest: date | None = None  # earliest possible end
    cumulative: bool = False  # "since", "so far", "to date": a running total up to window_end
    unresolved: str | None = None  # why a relative expression could not be dated
    assumption: str | None = None  # how it was read, in words an editor checks


# Columns of the claim table, in order. Issue-facing columns first.
CLAIM_COLUMNS: tuple[str, ...] = (
    "document",
    "line",
    "column",
    "start",
    "end",
    "text",
    "value",
    "value_to",
    "unit",
    "item",
    "qualifier",
    "low",
    "high",
    "base_unit",
    "subject",
    "period",
    "window_start",
    "window_end",
    "per_year_low",
    "per_year_high",
    "modality",
    "attribution",
    # Further evidence used by matching, rules and reports.
    "claim_id",
    "relation",
    "published",
    "window_start_latest",
    "window_end_earliest",
    "window_text",
    "cumulative",
    "is_change",
    "part_of",
    "boilerplate",
    "sentence_start",
    "sentence_end",
    "sentence",
    "assumptions",
)


@dataclass(slots=True)
class Claim:
    """A normalized claim: one row of the claim table (see ``CLAIM_COLUMNS``)."""

    document: str
    line: int
    column: int
    start: int
    end: int
    text: str
    value: float
    value_to: float | None
    unit: str | None
    item: str | None
    qualifier: str | None
    low: float | None
    high: float | None
    base_unit: str | None
    subject: str | None = None
    period: str | None = None
    window_start: str | None = None
    window_end: str | None = None
    per_year_low: float | None = None
    per_year_high: float | None = None
    modality: str = "actual"
    attribution: str | None = None
    claim_id: str = ""
    relation: str | None = None
    published: str | None = None
    window_start_latest: str | None = None
    window_end_earliest: str | None = None
    window_text: str | None = None
    cumulative: bool = False
    is_change: bool = False
    part_of: str | None = None
    boilerplate: bool = False
    sentence_start: int = 0
    sentence_end: int = 0
    sentence: str = ""
    assumptions: list[str] = field(default_factory=list)

    def as_row(self) -> dict:
        return {name: getattr(self, name) for name in CLAIM_COLUMNS}
