"""The labelled fixture corpus: every article yields the claims its labels list.

Two levels, on purpose:

* the figure itself (found at its span, value, range end, unit, hedge), what
  must not be a claim (dates, identifiers, phone numbers) and advertising
  figures are checked strictly, article by article;
* the attributes read from context (subject, item, modality, window, period)
  come from heuristics, so they are measured over the whole corpus and each
  must stay above a floor (``ATTRIBUTE_FLOORS``); ``benchmarks/label_accuracy.py``
  prints the figures and the misses. Raise a floor when the extractor improves.
"""

from __future__ import annotations

import math
from collections import defaultdict
from functools import cache

import pytest

from checker.lexicon import default_lexicon
from checker.model import Claim
from checker.pipeline import document_claims
from tests.labels import Span, article_labels, document, locate

ENTRIES = article_labels()
STRICT_FIELDS = ("found", "value", "value_to", "unit", "qualifier", "not_claim", "boilerplate")
# Share of labelled claims whose attribute is right, over the whole corpus.
# Measured with benchmarks/label_accuracy.py; raise a floor when the extractor improves.
ATTRIBUTE_FLOORS = {"subject": 0.73, "item": 0.75, "modality": 0.85, "window": 0.92, "period": 0.95}


@cache
def claims_of(file: str, row_id: str | None) -> tuple[Claim, ...]:
    return tuple(document_claims(document(file, row_id)))


def overlapping(span: Span, claims: tuple[Claim, ...]) -> list[Claim]:
    return [c for c in claims if c.start < span.end and span.start < c.end]


def _same(a, b) -> bool:
    if isinstance(b, (int, float)) and not isinstance(b, bool):
        return a is not None and math.isclose(float(a), float(b), rel_tol=1e-6)
    return a == b


def judge_claim(label: dict, span: Span, found: list[Claim]) -> list[tuple[str, bool, str]]:
    """(field, right?, message) for every labelled field of one claim."""
    where = f"{span.document.id}: {span.text!r}"
    if not found:
        return [("found", False, f"{where}: no claim extracted")]
    claim = min(found, key=lambda c: abs(c.start - span.start))
    lexicon = default_lexicon()
    verdicts = [("found", True, where)]
    for key in ("value", "value_to", "unit", "qualifier", "modality", "period"):
        if key in label:
            got = getattr(claim, key)
            verdicts.append((key, _same(got, label[key]), f"{where}: {key} is {got!r}, label says {label[key]!r}"))
    if label.get("item") is not None:
        want = lexicon.item(str(label["item"]))
        verdicts.append(("item", claim.item == want, f"{where}: item is {claim.item!r}, label says {want!r}"))
    if label.get("subject") is not None:
        want = lexicon.entity(str(label["subject"])) or label["subject"]
        verdicts.append(("subject", claim.subject == want, f"{where}: subject is {claim.subject!r}, label says {want!r}"))
    if label.get("window"):
        want = tuple(str(d) if d else None for d in label["window"])
        got = (claim.window_start, claim.window_end)
        verdicts.append(("window", got == want, f"{where}: window is {got[0]}..{got[1]}, label says {want[0]}..{want[1]}"))
    return verdicts


def judge_article(entry: dict, skip_known_gaps: bool = False) -> list[tuple[str, bool, str]]:
    """Verdicts for one article. A label with ``known_gap`` names a reading the
    extractor does not manage yet: it counts in the accuracy figures, and the
    strict test skips it (the reason stays in the label file, in plain sight)."""
    doc = document(entry["file"], entry.get("id"))
    claims = claims_of(entry["file"], entry.get("id"))
    verdicts: list[tuple[str, bool, str]] = []
    for label in entry.get("claims") or []:
        if skip_known_gaps and label.get("known_gap"):
            continue
        span = locate(doc, label["text"], label.get("occurrence", 1))
        verdicts += judge_claim(label, span, overlapping(span, claims))
    for text in entry.get("not_claims") or []:
        wrong = [c.text for c in overlapping(locate(doc, text), claims) if not c.boilerplate]
        verdicts.append(("not_claim", not wrong, f"{doc.id}: {text!r} must not be a claim, got {wrong}"))
    for text in entry.get("boilerplate") or []:
        found = overlapping(locate(doc, text), claims)
        ok = all(c.boilerplate for c in found)
        verdicts.append(("boilerplate", ok, f"{doc.id}: {text!r} must be marked boilerplate"))
    return verdicts


def field_results() -> dict[str, list[tuple[bool, str]]]:
    """Every verdict over the labelled corpus, grouped by field."""
    results: dict[str, list[tuple[bool, str]]] = defaultdict(list)
    for entry in ENTRIES:
        for name, ok, message in judge_article(entry):
            results[name].append((ok, message))
    return results


def _entry_id(entry: dict) -> str:
    return entry["file"] + (f"#{entry['id']}" if entry.get("id") else "")


@pytest.mark.parametrize("entry", ENTRIES, ids=[_entry_id(e) for e in ENTRIES])
def test_article_yields_its_labelled_figures(entry):
    problems = [m for name, ok, m in judge_article(entry, skip_known_gaps=True) if name in STRICT_FIELDS and not ok]
    assert not problems, "\n  ".join(["", *problems])


@pytest.mark.parametrize("name", sorted(ATTRIBUTE_FLOORS))
def test_context_attributes_stay_above_their_floor(name):
    outcomes = field_results()[name]
    assert outcomes, f"no label checks {name}"
    share = sum(ok for ok, _ in outcomes) / len(outcomes)
    misses = [m for ok, m in outcomes if not ok][:15]
    assert share >= ATTRIBUTE_FLOORS[name], f"{name}: {share:.1%} right, floor {ATTRIBUTE_FLOORS[name]:.0%}\n  " + "\n  ".join(misses)
