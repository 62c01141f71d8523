"""Every labelled article yields the claims its label file lists, normalized right."""

from __future__ import annotations

import math
from functools import cache

import pytest

from checker.lexicon import default_lexicon
from checker.model import Claim
from checker.pipeline import document_claims
from tests.labels import Span, article_labels, document, locate

ENTRIES = article_labels()


@cache
def claims_of(doc_id: str, file: str, row_id: str | None) -> tuple[Claim, ...]:
    return tuple(document_claims(document(file, row_id)))


def overlapping(span: Span, claims: tuple[Claim, ...]) -> list[Claim]:
    return [c for c in claims if c.start < span.end and span.start < c.end]


def _same(a, b) -> bool:
    if isinstance(b, (int, float)) and a is not None:
        return math.isclose(float(a), float(b), rel_tol=1e-6)
    return a == b


def check_claim(label: dict, span: Span, found: list[Claim]) -> list[str]:
    lexicon = default_lexicon()
    if not found:
        return [f"{span.text!r}: no claim extracted"]
    claim = found[0]
    problems = []
    expected = {
        "value": label.get("value"),
        "value_to": label.get("value_to"),
        "unit": label.get("unit"),
        "qualifier": label.get("qualifier"),
        "modality": label.get("modality"),
        "period": label.get("period"),
    }
    for key, want in expected.items():
        if key in label and not _same(getattr(claim, key), want):
            problems.append(f"{span.text!r}: {key} is {getattr(claim, key)!r}, label says {want!r}")
    if label.get("item") is not None:
        want_item = lexicon.item(str(label["item"]))
        if claim.item != want_item:
            problems.append(f"{span.text!r}: item is {claim.item!r}, label says {want_item!r}")
    if label.get("subject") is not None:
        want_subject = lexicon.entity(str(label["subject"])) or label["subject"]
        if claim.subject != want_subject:
            problems.append(f"{span.text!r}: subject is {claim.subject!r}, label says {want_subject!r}")
    if label.get("window"):
        start, end = (str(d) if d else None for d in label["window"])
        if (claim.window_start, claim.window_end) != (start, end):
            problems.append(f"{span.text!r}: window is {claim.window_start}..{claim.window_end}, label says {start}..{end}")
    return problems


@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{e['file']}{'#' + str(e['id']) if e.get('id') else ''}" for e in ENTRIES])
def test_article_yields_its_labelled_claims(entry):
    doc = document(entry["file"], entry.get("id"))
    claims = claims_of(doc.id, entry["file"], entry.get("id"))
    problems: list[str] = []
    for label in entry.get("claims") or []:
        span = locate(doc, label["text"], label.get("occurrence", 1))
        problems += check_claim(label, span, overlapping(span, claims))
    for text in entry.get("not_claims") or []:
        span = locate(doc, text)
        wrong = [c for c in overlapping(span, claims) if not c.boilerplate]
        if wrong:
            problems.append(f"{text!r} must not be a claim, got {[c.text for c in wrong]}")
    for text in entry.get("boilerplate") or []:
        span = locate(doc, text)
        found = overlapping(span, claims)
        if any(not c.boilerplate for c in found):
            problems.append(f"{text!r} must be marked boilerplate")
    assert not problems, f"{entry['file']}:\n  " + "\n  ".join(problems)
