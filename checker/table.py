"""The claim table held compactly: one row per claim, each value stored once.

A corpus of 100,000 articles has over two million claims; as Python objects
(or a DataFrame of object columns) each costs kilobytes. Here numbers are
numpy columns, and every repeated string (document, subject, item, unit,
verb, dates, the list of assumptions) is a pandas categorical: a small
integer code per claim and each distinct value once. The sentence is
dictionary-encoded per chunk of articles (Arrow), claim ids are unique and
kept in pandas' string dtype. Nulls are NaN or NA (missing code -1).
Categories are kept sorted, so sorting by a categorical column sorts by its
values.

The table is built in chunks, as workers return them: ``rows_frame`` turns
claim rows into a compact frame, ``TableBuilder`` gathers frames in order
and joins them column by column, uniting the categories.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.api.types import union_categoricals

from checker.model import CLAIM_COLUMNS, Claim

INTEGER_COLUMNS = frozenset({"line", "column", "start", "end", "sentence_start", "sentence_end"})
FLOAT_COLUMNS = frozenset({"value", "value_to", "low", "high", "per_year_low", "per_year_high"})
BOOLEAN_COLUMNS = frozenset({"cumulative", "is_change", "boilerplate"})
STRING_COLUMNS = frozenset({"claim_id"})  # unique per claim: nothing to share
# Shared by the claims of one sentence, hardly ever across articles: each chunk
# keeps its own dictionary (Arrow), so joining chunks never hashes every sentence.
CHUNK_DICTIONARY_COLUMNS = frozenset({"sentence"})
# Every other column repeats across claims and is a categorical, the
# assumptions as tuples of strings (the same few readings recur everywhere).

# Chunks whose pieces of each column are joined into one block: bounds the
# overhead of many small pieces without copying the table at every chunk.
PENDING_FRAMES = 64


def _column(name: str, values: list) -> np.ndarray | pd.api.extensions.ExtensionArray:
    if name in INTEGER_COLUMNS:
        return np.array(values, dtype=np.int64)
    if name in FLOAT_COLUMNS:
        return np.array(values, dtype=np.float64)  # None becomes NaN
    if name in BOOLEAN_COLUMNS:
        return np.array([bool(v) for v in values], dtype=bool)
    if name in STRING_COLUMNS:
        return pd.array(values, dtype="str")
    if name in CHUNK_DICTIONARY_COLUMNS:
        return pd.arrays.ArrowExtensionArray(pa.array(values, type=pa.string()).dictionary_encode())
    if name == "assumptions":
        return pd.Categorical([tuple(v) if isinstance(v, list | tuple) else () for v in values])
    return _categorical(values)


def _categorical(values: list) -> pd.Categorical:
    """Strings (or None) as a categorical with sorted ``str`` categories.

    Built from codes found with a dict: ``pd.Categorical(values)`` infers the
    type of every value first and costs about three times as much, and a
    worker builds some thirty of these per chunk of articles.
    """
    distinct = {v for v in values if v is not None}
    if not all(isinstance(v, str) for v in distinct):
        return pd.Categorical(values)
    categories = sorted(distinct)
    position = {v: i for i, v in enumerate(categories)}
    codes = np.array([-1 if v is None else position[v] for v in values], dtype=np.int32)
    # "str" categories even when every value is missing, so that chunks unite
    return pd.Categorical.from_codes(codes, categories=pd.Index(categories, dtype="str"))


claim_row: Callable[[Claim], tuple] = attrgetter(*CLAIM_COLUMNS)  # a claim's values in column order


def rows_frame(rows: Sequence[Sequence]) -> pd.DataFrame:
    """A compact frame from claim rows (values in ``CLAIM_COLUMNS`` order)."""
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(CLAIM_COLUMNS)
    return pd.DataFrame(
        {name: _column(name, list(values)) for name, values in zip(CLAIM_COLUMNS, columns, strict=True)},
        columns=list(CLAIM_COLUMNS),
    )


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """A compact frame of claims."""
    return rows_frame([claim_row(c) for c in claims])


Column = np.ndarray | pd.api.extensions.ExtensionArray


def _values(column: pd.Series) -> Column:
    """A column's values without copying: a Categorical, a string array or a numpy array."""
    return column.array if isinstance(column.dtype, pd.api.extensions.ExtensionDtype) else column.to_numpy()


def _joined(parts: list[Column]) -> Column:
    """Column pieces one after the other; categories are united (and kept sorted)."""
    if len(parts) == 1:
        return parts[0]
    if isinstance(parts[0], pd.Categorical):
        return union_categoricals(parts, sort_categories=True)
    if isinstance(parts[0], np.ndarray):
        return np.concatenate(parts)
    return type(parts[0])._concat_same_type(parts)


@dataclass(slots=True)
class TableBuilder:
    """Gathers compact frames in order into one claim table.

    Frames are kept as pieces of columns. Every ``PENDING_FRAMES`` chunks the
    recent pieces of each column are joined; when the table is asked for, the
    columns are joined one at a time, each column's pieces let go as soon as
    it is done, so building the table needs little more than the table.
    """

    _columns: dict[str, list[Column]] = field(default_factory=dict)
    _joined_upto: int = 0  # pieces of each column before this index are already joined blocks
    _rows: int = 0

    def add(self, frame: pd.DataFrame) -> None:
        if frame.empty:
            return
        for name in frame.columns:
            self._columns.setdefault(name, []).append(_values(frame[name]))
        self._rows += len(frame)
        pieces = len(next(iter(self._columns.values())))
        if pieces - self._joined_upto >= PENDING_FRAMES:
            for parts in self._columns.values():
                parts[self._joined_upto :] = [_joined(parts[self._joined_upto :])]
            self._joined_upto += 1

    def __len__(self) -> int:
        return self._rows

    def table(self) -> pd.DataFrame:
        """All rows so far, as one frame (kept, so asking twice costs nothing)."""
        if not self._columns:
            return rows_frame([])
        for parts in self._columns.values():
            joined = _joined(parts)
            parts.clear()  # the pieces can go before the next column is joined
            parts.append(joined)
        self._joined_upto = 1
        return pd.DataFrame({name: parts[0] for name, parts in self._columns.items()}, copy=False)


def table_claims(table: pd.DataFrame) -> list[Claim]:
    """The rows of a claim table as ``Claim`` records (nulls as None), for small corpora."""
    frame = table.reindex(columns=list(CLAIM_COLUMNS)).astype(object)
    frame = frame.where(frame.notna(), None)
    claims = []
    for row in frame.itertuples(index=False, name=None):
        values = dict(zip(CLAIM_COLUMNS, row, strict=True))
        values["assumptions"] = list(values["assumptions"] or ())
        claims.append(Claim(**values))
    return claims
