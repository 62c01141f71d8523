"""The local engine: ingest -> segment -> extract -> normalize -> claim table.

Stages are called here, in order; none of them calls another stage to its
right. The claim table is a pandas DataFrame with ``CLAIM_COLUMNS``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pandas as pd

from checker.extraction import Draft, extract_drafts
from checker.extraction.context import Cues
from checker.lexicon import Lexicon
from checker.model import CLAIM_COLUMNS, Claim, Document, InputError, LineIndex
from checker.normalize import iso, per_year, to_canonical, written_interval


def normalize_draft(document: Document, draft: Draft, lines: LineIndex) -> Claim:
    """Turn one extracted mention into a normalized claim (one table row)."""
    mention, context = draft.mention, draft.context
    window = context.window
    written, notes = written_interval(mention)
    interval, base_unit = to_canonical(written, mention.unit)
    rate = per_year(interval, base_unit, context.rate or window)
    line, column = lines.line_col(mention.start)
    assumptions = [*notes, *rate.notes]
    if window is not None and window.assumption:
        assumptions.insert(0, window.assumption)
    return Claim(
        document=document.id,
        line=line,
        column=column,
        start=mention.start,
        end=mention.end,
        text=document.text[mention.start:mention.end],
        value=mention.value,
        value_to=mention.value_to,
        unit=mention.unit,
        item=context.item,
        qualifier=mention.qualifier,
        low=interval.low,
        high=interval.high,
        base_unit=base_unit,
        subject=context.subject,
        period=rate.period,
        window_start=iso(window.window_start) if window else None,
        window_end=iso(window.window_end) if window else None,
        per_year_low=rate.per_year.low if rate.per_year else None,
        per_year_high=rate.per_year.high if rate.per_year else None,
        modality=context.modality,
        attribution=context.attribution,
        claim_id=f"{document.id}#{draft.index + 1}",
        relation=context.relation,
        published=iso(document.published),
        window_start_latest=iso(window.window_start_latest) if window else None,
        window_end_earliest=iso(window.window_end_earliest) if window else None,
        window_text=window.text if window else None,
        cumulative=bool(window and window.cumulative),
        is_change=mention.is_change,
        part_of=f"{document.id}#{draft.part_of + 1}" if draft.part_of is not None else None,
        boilerplate=context.boilerplate,
        sentence_start=draft.sentence.start,
        sentence_end=draft.sentence.end,
        sentence=draft.sentence.text,
        assumptions=assumptions,
    )


def document_claims(document: Document, lexicon: Lexicon | None = None, cues: Cues | None = None) -> list[Claim]:
    """All normalized claims of one document, in reading order."""
    lines = LineIndex(document.text)
    return [normalize_draft(document, d, lines) for d in extract_drafts(document, lexicon, cues)]


def claims_table(claims: Iterable[Claim]) -> pd.DataFrame:
    """The claim table: one row per claim, columns in ``CLAIM_COLUMNS`` order."""
    rows = [c.as_row() for c in claims]
    frame = pd.DataFrame.from_records(rows, columns=list(CLAIM_COLUMNS))
    return frame


@dataclass(slots=True)
class CorpusResult:
    """Claims of a corpus plus what could not be read; nothing is dropped silently."""

    claims: list[Claim] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    documents: int = 0
    failed: int = 0
    remote_claims: int = 0  # claims extracted elsewhere (a Dask cluster) and not held here

    @property
    def claim_count(self) -> int:
        return len(self.claims) + self.remote_claims

    @property
    def table(self) -> pd.DataFrame:
        return claims_table(self.claims)


def extract_corpus(items: Iterable[Document | InputError], lexicon: Lexicon | None = None) -> CorpusResult:
    """Run extraction and normalization over documents, collecting input errors."""
    result = CorpusResult()
    for item in items:
        if isinstance(item, InputError):
            result.errors.append(item)
            continue
        result.documents += 1
        try:
            result.claims.extend(document_claims(item, lexicon))
        except Exception as exc:  # a bug on one document must not lose the corpus
            result.failed += 1
            result.errors.append(InputError(item.id, f"internal error while extracting: {type(exc).__name__}: {exc}"))
    return result


def iter_claims(documents: Iterable[Document], lexicon: Lexicon | None = None) -> Iterator[Claim]:
    for document in documents:
        yield from document_claims(document, lexicon)
