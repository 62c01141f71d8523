"""The local engine: ingest -> segment -> extract -> normalize -> claim table.

Stages are called here, in order; none of them calls another stage to its
right. The claim table is a pandas DataFrame with ``CLAIM_COLUMNS``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from checker.extraction import Draft, extract_drafts
from checker.extraction.cues import Cues
from checker.lexicon import Lexicon, default_lexicon
from checker.model import Claim, Document, InputError, LineIndex
from checker.normalize import iso, per_year, to_canonical, written_interval
from checker.table import ClaimChunk, TableBuilder, claims_chunk, claims_frame, table_claims


def normalize_draft(
    document: Document, draft: Draft, lines: LineIndex, levels: frozenset[str] | None = None
) -> Claim:
    """Turn one extracted mention into a normalized claim (one table row).

    ``levels``: verbs of a level held at a time (``Lexicon.level_relations``, the shipped
    lexicon's by default), whose figures a window dates without implying a yearly rate."""
    return Claim(*claim_values(document, draft, lines, levels))


def claim_values(document: Document, draft: Draft, lines: LineIndex, levels: frozenset[str] | None = None) -> tuple:
    """The values of ``normalize_draft``'s claim in ``CLAIM_COLUMNS`` order: the row a worker
    sends, without building the ``Claim`` record only to read it back."""
    if levels is None:
        levels = default_lexicon().level_relations
    mention, context, sentence = draft.mention, draft.context, draft.sentence
    start = sentence.start + mention.start  # the draft's mention counts from its sentence
    end = sentence.start + mention.end
    window = context.window
    written, notes = written_interval(mention)
    interval, base_unit = to_canonical(written, mention.unit)
    rate = per_year(interval, base_unit, context.rate or window, level=context.relation in levels)
    line, column = lines.line_col(start)
    if rate.notes:
        notes += rate.notes
    per_year_low, per_year_high = rate.per_year if rate.per_year else (None, None)
    if window is None:  # most figures: every window column is empty
        window_start = window_end = window_start_latest = window_end_earliest = window_text = None
        cumulative = False
    else:
        if window.assumption:
            notes.insert(0, window.assumption)
        window_start, window_end = iso(window.window_start), iso(window.window_end)
        window_start_latest, window_end_earliest = iso(window.window_start_latest), iso(window.window_end_earliest)
        window_text, cumulative = window.text, bool(window.cumulative)
    # In ``CLAIM_COLUMNS`` order (each line's comment names its columns).
    return (
        document.id, line, column, start, end,  # document, line, column, start, end
        sentence.text[mention.start:mention.end],  # text
        mention.value, mention.value_to, mention.unit, context.item, mention.qualifier,  # value .. qualifier
        interval.low, interval.high, base_unit, context.subject, rate.period,  # low .. period
        window_start, window_end, per_year_low, per_year_high,  # window_start .. per_year_high
        context.modality, context.attribution,  # modality, attribution
        f"{document.id}#{draft.index + 1}", context.relation, iso(document.published),  # claim_id, relation, published
        window_start_latest, window_end_earliest, window_text, cumulative,  # window_start_latest .. cumulative
        mention.is_change,  # is_change
        f"{document.id}#{draft.part_of + 1}" if draft.part_of is not None else None,  # part_of
        context.boilerplate, sentence.start, sentence.end, sentence.text,  # boilerplate .. sentence
        notes,  # assumptions
    )


def document_claims(document: Document, lexicon: Lexicon | None = None, cues: Cues | None = None) -> list[Claim]:
    """All normalized claims of one document, in reading order."""
    return [Claim(*values) for values in document_rows(document, lexicon, cues)]


def document_rows(document: Document, lexicon: Lexicon | None = None, cues: Cues | None = None) -> list[tuple]:
    """``document_claims`` as table rows (``claim_values``): what the engines' workers send."""
    lines = LineIndex(document.text)
    lexicon = lexicon or default_lexicon()
    levels = lexicon.level_relations
    return [claim_values(document, d, lines, levels) for d in extract_drafts(document, lexicon, cues)]


# Claims gathered before they become one chunk of the table.
CLAIMS_PER_FRAME = 10_000


def claims_table(claims: Iterable[Claim]) -> pd.DataFrame:
    """The claim table: one row per claim, columns in ``CLAIM_COLUMNS`` order, held
    compactly (``checker.table``: numbers as numpy columns, repeated strings as categoricals)."""
    return claims_frame(claims)


@dataclass(slots=True)
class CorpusResult:
    """Claims of a corpus plus what could not be read; nothing is dropped silently.

    The claims are held once, as the compact claim table built chunk by chunk
    (``add_chunk``); ``claims`` gives them back as records for small corpora.
    """

    errors: list[InputError] = field(default_factory=list)
    documents: int = 0
    failed: int = 0
    remote_claims: int = 0  # claims extracted elsewhere (a Dask cluster) and not held here
    builder: TableBuilder = field(default_factory=TableBuilder)

    def add_chunk(self, chunk: ClaimChunk) -> None:
        """Append claims (``checker.table.rows_chunk``) in input order."""
        self.builder.add(chunk)

    def add_claims(self, claims: Iterable[Claim]) -> None:
        self.builder.add(claims_chunk(claims))

    @property
    def claim_count(self) -> int:
        return len(self.builder) + self.remote_claims

    @property
    def table(self) -> pd.DataFrame:
        return self.builder.table()

    @property
    def claims(self) -> list[Claim]:
        """The claims as ``Claim`` records, rebuilt from the table: for small corpora and tests."""
        return table_claims(self.table)


def failure_message(exc: BaseException) -> str:
    """How a document that extraction gave up on is reported, by every engine and the
    archive alike, so reports do not depend on --jobs or --engine."""
    return f"internal error while extracting: {type(exc).__name__}: {exc}"


def extract_corpus(items: Iterable[Document | InputError], lexicon: Lexicon | None = None) -> CorpusResult:
    """Run extraction and normalization over documents, collecting input errors."""
    result = CorpusResult()
    pending: list[Claim] = []  # added to the table in batches: a chunk per document costs more than its claims
    for item in items:
        if isinstance(item, InputError):
            result.errors.append(item)
            continue
        result.documents += 1
        try:
            pending.extend(document_claims(item, lexicon))
        except Exception as exc:  # a bug on one document must not lose the corpus
            result.failed += 1
            result.errors.append(InputError(item.id, failure_message(exc)))
        if len(pending) >= CLAIMS_PER_FRAME:
            result.add_claims(pending)
            pending = []
    result.add_claims(pending)
    return result
