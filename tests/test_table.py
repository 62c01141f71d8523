"""The claim table built chunk by chunk, as workers send it, is the table built at once."""

from __future__ import annotations

import pickle
from datetime import date

import pandas as pd

from checker.model import Document
from checker.pipeline import document_claims
from checker.table import TableBuilder, claims_chunk, claims_frame

TEXTS = [
    "North Korea has supplied about eight million shells since August of last year, officials said.",
    "The ferry's 312 passengers included 190 adults and 141 children.",
    "Output rose 6.4 pct to 10.0 mln dlrs in the first quarter. About 3,000 soldiers are in training.",
]


def _claims() -> list[list]:
    return [document_claims(Document(id=f"doc-{n}.md", text=t, published=date(2024, 10, 26))) for n, t in enumerate(TEXTS)]


def test_chunks_sliced_pickled_and_resumed_give_the_table_built_at_once():
    per_document = _claims()
    everything = [c for claims in per_document for c in claims]
    builder = TableBuilder()
    first = pickle.loads(pickle.dumps(claims_chunk(per_document[0])))  # as a worker sends it
    builder.add(first)
    assert len(builder.table()) == len(per_document[0])  # asked for early: later chunks carry on from it
    joined = claims_chunk(per_document[1] + per_document[2])
    split = len(per_document[1])
    builder.add(joined.slice(0, split))
    builder.add(joined.slice(split, len(joined)))
    pd.testing.assert_frame_equal(builder.table(), claims_frame(everything), check_exact=True)
    assert list(builder.table().dtypes) == list(claims_frame(everything).dtypes)


def test_categories_are_sorted_and_nulls_stay_null():
    table = claims_frame([c for claims in _claims() for c in claims])
    items = table["item"].cat.categories
    assert list(items) == sorted(items)
    assert {"shell", "passenger", "soldier"} <= set(items)
    assert table["value_to"].isna().all()
    assert table["qualifier"].isna().any() and (table["qualifier"] == "about").any()


def test_empty_table_has_every_column_and_its_type():
    empty, full = claims_frame([]), claims_frame(_claims()[0])
    assert list(empty.columns) == list(full.columns)
    assert [_kind(d) for d in empty.dtypes] == [_kind(d) for d in full.dtypes]
    assert len(empty) == 0


def _kind(dtype: object) -> object:
    """A column's type; a categorical's by the type of its categories, not their values."""
    return ("category", str(dtype.categories.dtype)) if isinstance(dtype, pd.CategoricalDtype) else dtype
