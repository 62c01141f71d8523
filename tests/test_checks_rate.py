"""rate-conflict: totals over a window against stated rates."""

from __future__ import annotations

import pytest

from checker.engine import check_claims
from checker.ruleset import RuleSet
from tests.test_checks_common import claim, table

SINCE_AUGUST = "'since August of last year' read as 2023-08-01..2023-08-31 to 2024-10-26"


def eight_million_since_august(text="about eight million shells", low=7.5e6, high=8.5e6, **fields) -> dict:
    values = dict(
        sentence="North Korea has supplied about eight million shells since August of last year, officials said.",
        sentence_start=0,
        line=14,
        column=26,
        relation="supply",
        cumulative=True,
        window_text="since August of last year",
        window_start="2023-08-01",
        window_start_latest="2023-08-31",
        window_end_earliest="2024-10-26",
        window_end="2024-10-26",
        per_year_low=5.82e6,
        per_year_high=7.62e6,
        assumptions=[SINCE_AUGUST],
    )
    values.update(fields)
    return claim(text, low, high, **values)


def three_million_annually(text="three million shells", low=2.85e6, high=3.15e6, **fields) -> dict:
    values = dict(
        sentence="Analysts say North Korea supplies three million shells annually.",
        sentence_start=500,
        line=16,
        column=35,
        relation="supply",
        period="P1Y",
        per_year_low=2.85e6,
        per_year_high=3.15e6,
    )
    values.update(fields)
    return claim(text, low, high, **values)


def run(*claims, **options):
    ruleset = RuleSet.load(select=["rate-conflict", "value-conflict"], **options)
    return check_claims(table(*claims), ruleset, canonical_item=lambda item: item).findings


def test_seed_case_is_a_rate_conflict_about_two_point_two():
    findings = run(eight_million_since_august(), three_million_annually())
    assert [f.rule for f in findings] == ["rate-conflict"]
    finding = findings[0]
    assert finding.ratio == pytest.approx(2.22, abs=0.01)
    assert finding.message == (
        "about eight million shells since August of last year (≈ 5.8–7.6 million a year) "
        "vs three million shells a year (≈ 2.85–3.15 million a year): about 2.2× apart"
    )
    assert finding.steps[0] == f"about eight million shells: {SINCE_AUGUST}"
    assert finding.steps[-1].endswith("ratio of geometric midpoints ≈ 2.2")
    assert [(c["line"], c["column"]) for c in finding.claims] == [(14, 26), (16, 35)]


def test_a_rate_of_counted_things_keeps_its_fractions():
    """A yearly rate is an average: 2.5 shells a year is one every five months, not a count to round."""
    total = eight_million_since_august("about 12 shells", 10.8, 13.2, per_year_low=8.73, per_year_high=11.42)
    rate = three_million_annually("3 shells", 2.5, 3.5, per_year_low=2.5, per_year_high=3.5)
    (finding,) = run(total, rate)
    assert finding.message.endswith("vs 3 shells a year (≈ 2.5–3.5 a year): about 3.4× apart")
    assert finding.steps[-2] == "'3 shells a year' read as 2.5–3.5 a year"


def test_consistent_rate_is_not_flagged():
    assert run(eight_million_since_august(),
               three_million_annually(text="seven million shells", per_year_low=6.65e6, per_year_high=7.35e6)) == []


def test_unresolved_window_never_yields_a_rate_finding():
    undated_total = eight_million_since_august(
        window_text="since the spring", window_start=None, window_start_latest=None,
        window_end=None, window_end_earliest=None, per_year_low=5.82e6, per_year_high=7.62e6,
    )
    assert run(undated_total, three_million_annually()) == []


def test_two_totals_without_a_stated_rate_are_left_to_other_checks():
    other_total = eight_million_since_august(text="about two million shells", low=1.5e6, high=2.5e6,
                                             per_year_low=1.4e6, per_year_high=2.3e6, start=300,
                                             sentence_start=250)
    assert [f.rule for f in run(eight_million_since_august(), other_total)] == ["value-conflict"]


def test_rates_for_windows_that_do_not_overlap_are_not_compared():
    rate_2020 = three_million_annually(window_text="in 2020", window_start="2020-01-01", window_end="2020-12-31")
    assert run(eight_million_since_august(), rate_2020) == []
    rate_2024 = three_million_annually(window_text="in 2024", window_start="2024-01-01", window_end="2024-12-31")
    assert len(run(eight_million_since_august(), rate_2024)) == 1


def test_open_rate_interval_overlaps_anything_above_it():
    at_least = three_million_annually(text="at least three million shells", per_year_low=3e6, per_year_high=None)
    assert run(eight_million_since_august(), at_least) == []


def test_min_ratio_threshold_hides_small_rate_gaps():
    close = three_million_annually(text="five million shells", per_year_low=4.75e6, per_year_high=5.25e6)
    findings = run(eight_million_since_august(), close)  # 6.66 / 4.99 million ≈ 1.3
    assert [round(f.ratio, 1) for f in findings] == [1.3]
    assert run(eight_million_since_august(), close, overrides={"rate-conflict": {"min_ratio": 1.5}}) == []
