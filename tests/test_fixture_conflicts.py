"""`claimcheck check` on the labelled fixture corpus: every planted conflict is
found, nothing unlabelled is flagged, and no look-alike is flagged.

A planted conflict the checker cannot find yet is listed in ``KNOWN_MISSES``
with the reason; those tests are strict xfails, so they turn red the day the
checker finds them and the list must shrink. ``benchmarks/conflicts.py``
prints precision and recall.
"""

from __future__ import annotations

import pytest

from tests.conflict_labels import conflict_labels, corpus_findings, describe, matches, score

CONFLICTS, LOOK_ALIKES = conflict_labels()

# Planted conflicts out of reach today, by the first claim's text, and why.
KNOWN_MISSES = {
}


def _conflict_id(label: dict) -> str:
    return f"{label['rule']}:{label['claims'][0]['text']}"


def _params():
    for label in CONFLICTS:
        reason = KNOWN_MISSES.get(label["claims"][0]["text"])
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        yield pytest.param(label, id=_conflict_id(label), marks=marks)


@pytest.mark.parametrize("label", list(_params()))
def test_planted_conflict_is_found(label):
    assert any(matches(f, label) for f in corpus_findings()), label.get("why", "")


def test_no_finding_without_a_label():
    unexpected = score().unexpected
    assert not unexpected, "\n".join(describe(f) for f in unexpected)


def test_look_alikes_are_not_flagged():
    flagged = score().look_alikes_flagged
    assert not flagged, "\n".join(" vs ".join(c["text"] for c in label["claims"]) for label in flagged)


def test_the_seed_shells_are_a_rate_conflict_about_two_apart():
    shells = [f for f in corpus_findings() if f.rule == "rate-conflict" and "shells" in f.message]
    assert len(shells) == 1
    finding = shells[0]
    assert 2.0 <= finding.ratio <= 2.4
    assert [c["text"] for c in finding.claims] == ["eight million shells", "three million shells"]
    assert "5.8–7.6 million a year" in finding.message
    assert any("2023-08-01" in step and "2024-10-26" in step for step in finding.steps)


def test_nothing_else_in_the_seed_article_is_flagged():
    seed = [f for f in corpus_findings() if any(c["document"].endswith("a-seed-dprk-troops.md") for c in f.claims)]
    assert [f.rule for f in seed] == ["rate-conflict", "cumulative-decrease"]  # the later article drops to 70 missiles
