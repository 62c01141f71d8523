"""Random and adversarial text through the whole extraction: no exception, sane spans.

Speed is measured in benchmarks/, not here; these inputs are the shapes that
make backtracking regexes or per-character loops blow up, so a quadratic
regression shows up as a run that does not finish.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.ingest import read_documents
from checker.model import Document
from checker.pipeline import document_claims

NEWSY = st.text(
    alphabet=st.sampled_from(list("0123456789 ,.-–%$€£()/:;'\"\nabcdefghijklmnopqrstuvwxyzAMJKS")) ,
    max_size=400,
)
WORDS = st.lists(
    st.sampled_from(
        ["about", "eight", "million", "shells", "since", "August", "of", "last", "year", "1,500", "2.5bn", "$",
         "per", "day", "annually", "more", "than", "up", "to", "between", "and", "-", "%", "km", "miles", ",",
         ".", "North", "Korea", "said", "in", "2023", "Article", "4", "the", "of which", "third", "a dozen"]
    ),
    max_size=80,
).map(" ".join)


def _claims(text: str, published: date | None = date(2024, 10, 26)):
    document = Document(id="fuzz.txt", text=text, published=published)
    claims = document_claims(document)
    for claim in claims:
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start:claim.end] == claim.text
        assert claim.low is None or claim.high is None or claim.low <= claim.high
    return claims


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY)
def test_random_characters_never_raise(text):
    _claims(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(WORDS, st.booleans())
def test_random_news_words_never_raise(text, dated):
    _claims(text, date(2024, 10, 26) if dated else None)


def test_adversarial_shapes_finish():
    shapes = [
        "9" * 100_000,
        "1," * 30_000 + "1 shells",
        "one hundred and " * 5_000 + "shells.",
        "(" * 20_000 + "about 3 km" + ")" * 20_000,
        "." * 50_000 + " 5 tonnes",
        "between 1 and " * 5_000 + "2 soldiers",
        "since August of last year, " * 3_000 + "8 million shells.",
        "-" * 40_000 + "3%",
    ]
    for text in shapes:
        _claims(text)


# Letters that case-insensitive matching takes for ASCII ones but ``str.lower`` does not turn into them:
# a word matched as "some" may be written "ſome", so every lookup keyed by matched words must fold them.
LOOKALIKES = str.maketrans({"s": "ſ", "i": "ı", "k": "\u212a"})
CAPITAL_LOOKALIKES = str.maketrans({"I": "İ", "S": "ſ", "K": "\u212a"})
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def fixture_documents() -> list[Document]:
    return [d for d in read_documents([str(FIXTURES)]) if isinstance(d, Document)]


@pytest.mark.parametrize("document", fixture_documents(), ids=lambda d: Path(d.id).name)
def test_case_lookalike_letters_never_raise(document):
    _claims(document.text.translate(LOOKALIKES), document.published)
    _claims(document.text.upper().translate(CAPITAL_LOOKALIKES), document.published)


def test_lookalike_hedge_reads_as_the_plain_one():
    plain, = _claims("Officials said some 300 soldiers had crossed.")
    written, = _claims("Officials said ſome 300 ſoldiers had crossed.")
    assert (written.qualifier, written.low, written.high) == (plain.qualifier, plain.low, plain.high) != (None,) * 3
