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

The table is built in chunks, as workers return them: ``rows_chunk`` turns
claim rows into a ``ClaimChunk`` (numpy arrays and coded strings, cheap to
build and to pickle), ``TableBuilder`` gathers chunks in order, uniting each
column's distinct values, and builds the frame once, column by column.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa

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
PENDING_CHUNKS = 64

claim_row: Callable[[Claim], tuple] = attrgetter(*CLAIM_COLUMNS)  # a claim's values in column order


class Coded(NamedTuple):
    """Repeated values as integer codes into the distinct values, in order of first use (-1: null)."""

    codes: np.ndarray
    values: list


def _coded(values: Sequence) -> Coded:
    distinct = list(dict.fromkeys(values))  # in order of first use, at C speed (a worker codes ~30 columns a chunk)
    position = dict(zip(distinct, range(len(distinct)), strict=True))
    if None in position:
        distinct.remove(None)
        position = dict(zip(distinct, range(len(distinct)), strict=True))
    position[None] = -1
    return Coded(np.array(list(map(position.__getitem__, values)), dtype=_code_type(len(distinct))), distinct)


def _code_type(distinct: int) -> type:
    """The narrowest signed integer that holds ``distinct`` codes and -1, as pandas picks for a categorical."""
    return np.int8 if distinct < 127 else np.int16 if distinct < 32_767 else np.int32


class ClaimChunk:
    """Claim rows of one chunk of articles, column by column: what a worker sends back.

    Plain numpy arrays and lists pickle several times faster than a pandas
    frame of categoricals, and building one costs a worker a fraction of
    what pandas' constructors do. Repeated strings are ``Coded`` against the
    chunk's own distinct values; ``TableBuilder`` unites them.
    """

    __slots__ = ("columns", "rows")

    def __init__(self, rows: int, columns: dict[str, np.ndarray | Coded | list]) -> None:
        self.rows, self.columns = rows, columns

    def __len__(self) -> int:
        return self.rows

    def __getstate__(self) -> tuple:
        return self.rows, self.columns

    def __setstate__(self, state: tuple) -> None:
        self.rows, self.columns = state

    def slice(self, start: int, stop: int) -> ClaimChunk:
        """Rows [start, stop): the claims of some consecutive documents."""
        if (start, stop) == (0, self.rows):
            return self
        return ClaimChunk(stop - start, {
            name: Coded(column.codes[start:stop], column.values) if isinstance(column, Coded) else column[start:stop]
            for name, column in self.columns.items()
        })


def _encoded(name: str, values: Sequence) -> np.ndarray | Coded | list:
    if name in INTEGER_COLUMNS:
        return np.array(values, dtype=np.int64)
    if name in FLOAT_COLUMNS:
        return np.array(values, dtype=np.float64)  # None becomes NaN
    if name in BOOLEAN_COLUMNS:
        return np.array([bool(v) for v in values], dtype=bool)
    if name in STRING_COLUMNS:
        return list(values)
    if name == "assumptions":
        return _coded([tuple(v) if isinstance(v, list | tuple) else () for v in values])
    return _coded(values)


def rows_chunk(rows: Sequence[Sequence]) -> ClaimChunk:
    """A chunk from claim rows (values in ``CLAIM_COLUMNS`` order)."""
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(CLAIM_COLUMNS)
    return ClaimChunk(len(rows), {name: _encoded(name, values) for name, values in zip(CLAIM_COLUMNS, columns, strict=True)})


def claims_chunk(claims: Iterable[Claim]) -> ClaimChunk:
    return rows_chunk([claim_row(c) for c in claims])


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """A compact frame of claims."""
    builder = TableBuilder()
    builder.add(claims_chunk(claims))
    return builder.table()


@dataclass(slots=True)
class _Categories:
    """One categorical column being built: every distinct value once, codes piece by piece."""

    index: dict = field(default_factory=dict)  # value -> code, in order of first use
    pieces: list[np.ndarray] = field(default_factory=list)

    def add(self, column: Coded) -> None:
        known = [self.index.setdefault(v, len(self.index)) for v in column.values]
        lookup = np.array(known + [-1], dtype=_code_type(len(self.index)))  # code -1 reads the last entry
        self.pieces.append(lookup[column.codes])

    def compact(self) -> None:
        self.pieces[:] = [np.concatenate(self.pieces)] if len(self.pieces) > 1 else self.pieces

    def categorical(self, strings: bool = True) -> pd.Categorical:
        """Categories sorted, so that sorting by the column sorts by its values; ``str``
        categories unless ``strings`` is false (the assumptions are tuples)."""
        values = list(self.index)
        order = sorted(range(len(values)), key=values.__getitem__)
        rank = np.empty(len(values) + 1, dtype=_code_type(len(values)))
        rank[order] = np.arange(len(values))
        rank[-1] = -1
        codes = rank[np.concatenate(self.pieces)] if self.pieces else np.array([], dtype=np.int8)
        sorted_values = [values[i] for i in order]
        if strings:
            categories = pd.Index(sorted_values, dtype="str")  # "str" even when empty, so that tables join
        else:
            categories = pd.Index(sorted_values, dtype=object, tupleize_cols=False)
        return pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(categories))


@dataclass(slots=True)
class TableBuilder:
    """Gathers chunks in order into one claim table.

    Each categorical column keeps its distinct values once, across all chunks,
    and the chunks' codes translated to them. Numbers stay numpy pieces,
    joined every ``PENDING_CHUNKS`` chunks; a sentence keeps its chunk's
    dictionary (Arrow), so that joining chunks never hashes every sentence.
    When the table is asked for, the columns are built one at a time and each
    column's pieces let go as soon as it is done.
    """

    _categories: dict[str, _Categories] = field(default_factory=dict)
    _pieces: dict[str, list] = field(default_factory=dict)  # every other column: numpy or Arrow-backed pieces
    _chunks: int = 0
    _rows: int = 0
    _table: pd.DataFrame | None = None  # the last table asked for; more chunks start from it

    def add(self, chunk: ClaimChunk) -> None:
        if chunk.rows:
            self._add(chunk)

    def _add(self, chunk: ClaimChunk) -> None:
        if self._table is not None:
            self._resume()
        for name, column in chunk.columns.items():
            if name in CHUNK_DICTIONARY_COLUMNS:
                self._pieces.setdefault(name, []).append(_dictionary(column))
            elif isinstance(column, Coded):
                self._categories.setdefault(name, _Categories()).add(column)
            elif name in STRING_COLUMNS:
                self._pieces.setdefault(name, []).append(pd.array(column, dtype="str"))
            else:
                self._pieces.setdefault(name, []).append(column)
        self._rows += chunk.rows
        self._chunks += 1
        if self._chunks % PENDING_CHUNKS == 0:
            for parts in self._pieces.values():
                if len(parts) > 1 and isinstance(parts[0], np.ndarray):
                    parts[:] = [np.concatenate(parts)]
            for categories in self._categories.values():
                categories.compact()

    def __len__(self) -> int:
        return self._rows

    def table(self) -> pd.DataFrame:
        """All rows so far, as one frame (kept, so asking twice costs nothing)."""
        if self._table is not None:
            return self._table
        if not self._rows:
            self._add(rows_chunk([]))  # every column, with its type, and no rows
        columns: dict[str, Column] = {}
        for name in CLAIM_COLUMNS:  # one column at a time: its pieces go before the next is built
            if name in self._categories:
                columns[name] = self._categories.pop(name).categorical(strings=name != "assumptions")
            else:
                columns[name] = _joined(self._pieces.pop(name))
        self._table = pd.DataFrame(columns, copy=False)
        return self._table

    def _resume(self) -> None:
        """Chunks added after the table was asked for: carry on from the table's columns."""
        table, self._table = self._table, None
        for name in table.columns:
            column = table[name].array
            if isinstance(column, pd.Categorical):
                categories = _Categories({v: i for i, v in enumerate(column.categories)})
                categories.pieces.append(column.codes)
                self._categories[name] = categories
            else:
                self._pieces[name] = [column if name in STRING_COLUMNS or name in CHUNK_DICTIONARY_COLUMNS
                                      else table[name].to_numpy()]


Column = np.ndarray | pd.api.extensions.ExtensionArray


def _joined(parts: list[Column]) -> Column:
    if len(parts) == 1:
        return parts[0]
    if isinstance(parts[0], np.ndarray):
        return np.concatenate(parts)
    return type(parts[0])._concat_same_type(parts)


def _dictionary(column: Coded) -> pd.api.extensions.ExtensionArray:
    """A chunk's sentences as Arrow dictionary-encoded strings."""
    codes = pa.array(column.codes.astype(np.int32), mask=column.codes < 0)
    return pd.arrays.ArrowExtensionArray(pa.DictionaryArray.from_arrays(codes, pa.array(column.values, type=pa.string())))


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
