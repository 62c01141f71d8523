"""value-conflict: one quantity, one moment, two figures that cannot both hold."""

from __future__ import annotations

import pytest

from checker.engine import check_claims
from checker.ruleset import RuleSet
from tests.test_checks_common import claim, table

RANGE = dict(subject="Hwasong-11", item="range", relation=None)


def run(*claims, **ruleset_options):
    ruleset = RuleSet.load(select=["value-conflict"], **ruleset_options)
    return check_claims(table(*claims), ruleset, canonical_item=lambda item: item).findings


def test_disjoint_ranges_in_one_article_are_flagged():
    findings = run(
        claim("550 km", 549_500, 550_500, base_unit="meter", unit="kilometer", line=3, column=40, start=40, **RANGE),
        claim("300 miles", 482_000, 483_600, base_unit="meter", unit="mile", line=9, column=12, start=400, **RANGE),
    )
    assert [f.rule for f in findings] == ["value-conflict"]
    finding = findings[0]
    assert finding.severity == "warning"
    assert finding.message == "550 km (549.5–550.5 km) vs 300 miles (482–483.6 km): about 1.1× apart"
    assert [c["line"] for c in finding.claims] == [3, 9]
    assert finding.scope == "document"


def test_the_same_range_in_km_and_miles_is_not_flagged():
    findings = run(
        claim("550 km", 549_500, 550_500, base_unit="meter", unit="kilometer", start=40, **RANGE),
        claim("342 miles", 549_600, 551_200, base_unit="meter", unit="mile", start=400, **RANGE),
    )
    assert findings == []


def test_more_than_is_open_above():
    assert run(claim("more than 100 missiles", 100, None, item="missile", start=10),
               claim("250 missiles", 245, 255, item="missile", start=90)) == []
    flagged = run(claim("fewer than 100 missiles", None, 100, item="missile", start=10),
                  claim("250 missiles", 245, 255, item="missile", start=90))
    assert len(flagged) == 1 and "at most 100" in flagged[0].message


def test_figures_for_different_windows_are_not_compared():
    assert run(
        claim("1.2 million barrels", 1.15e6, 1.25e6, item="barrel", window_start="2023-01-01", window_end="2023-12-31", start=10),
        claim("2 million barrels", 1.95e6, 2.05e6, item="barrel", window_start="2024-01-01", window_end="2024-12-31", start=90),
    ) == []


def test_same_window_is_compared():
    window = dict(item="barrel", window_start="2023-01-01", window_end="2023-12-31", window_text="in 2023")
    assert len(run(claim("1.2 million barrels", 1.15e6, 1.25e6, start=10, **window),
                   claim("2 million barrels", 1.95e6, 2.05e6, start=90, **window))) == 1


def test_unresolved_window_is_never_compared():
    assert run(
        claim("1.2 million barrels", 1.15e6, 1.25e6, item="barrel", window_text="since last spring", start=10),
        claim("2 million barrels", 1.95e6, 2.05e6, item="barrel", window_text="since last spring", start=90),
    ) == []


def test_undated_figures_across_articles_need_close_publication_dates():
    first = claim("3,000 soldiers", 2950, 3050, item="soldier", document="a.md", published="2024-10-20")
    near = claim("12,000 soldiers", 11950, 12050, item="soldier", document="b.md", published="2024-10-26")
    far = claim("12,000 soldiers", 11950, 12050, item="soldier", document="c.md", published="2025-06-01")
    findings = run(first, near, far)
    assert [(f.claims[0]["document"], f.claims[1]["document"]) for f in findings] == [("a.md", "b.md")]
    assert findings[0].scope == "corpus"
    wider = run(first, near, far, overrides={"value-conflict": {"max_days_apart": 365}})
    assert [(f.claims[0]["document"], f.claims[1]["document"]) for f in wider] == [("a.md", "b.md"), ("a.md", "c.md")]


def test_min_ratio_drops_small_disagreements():
    pair = (claim("3,000 soldiers", 2950, 3050, item="soldier", start=10),
            claim("3,200 soldiers", 3150, 3250, item="soldier", start=90))
    assert len(run(*pair)) == 1
    assert run(*pair, overrides={"value-conflict": {"min_ratio": 1.5}}) == []
    assert run(*pair, overrides={"value-conflict": {"tolerance": 0.05}}) == []


def test_look_alikes_are_not_flagged():
    assert run(  # different verbs: working vs injured
        claim("100 people", 100, 100, item="person", relation="work", start=10),
        claim("20 people", 20, 20, item="person", relation="injure", start=90),
    ) == []
    assert run(  # founded with 12 members, now has 32
        claim("12 members", 12, 12, item="member", relation="found", start=10),
        claim("32 members", 32, 32, item="member", relation="have", start=90),
    ) == []
    assert run(  # plan vs actual
        claim("10,000 soldiers", 9950, 10050, item="soldier", modality="planned", start=10),
        claim("1,500 soldiers", 1450, 1550, item="soldier", start=90),
    ) == []
    assert run(  # different subjects
        claim("10,000 soldiers", 9950, 10050, item="soldier", subject="North Korea", start=10),
        claim("1,500 soldiers", 1450, 1550, item="soldier", subject="Russia", start=90),
    ) == []


def test_boilerplate_is_never_flagged():
    bonus = dict(subject=None, item="bonus", base_unit="EUR", unit="EUR")
    assert run(
        claim("€3,000", 3000, 3000, boilerplate=True, start=10, **bonus),
        claim("€500", 500, 500, start=90, **bonus),
    ) == []


def test_temperatures_are_apart_by_degrees_not_by_a_ratio():
    heat = dict(subject="Córdoba", item="temperature", base_unit="kelvin", relation=None)
    findings = run(
        claim("46.9C", 320.0, 320.1, unit="degree_Celsius", document="grid.md", published="2024-07-23", **heat),
        claim("112F", 317.3, 317.8, unit="degree_Fahrenheit", document="review.md", published="2024-07-30", **heat),
    )
    assert [f.message for f in findings] == [
        "46.9C (46.85–46.95 °C) vs 112F (44.2–44.7 °C): about 2.5 °C apart"
    ]
    assert findings[0].ratio == pytest.approx(1.008, abs=0.001)


def test_counts_are_quoted_in_whole_numbers():
    """312 passengers are 311.5-312.5 for the arithmetic, but no one counts half a passenger."""
    ferry = dict(subject="the ferry", item="passenger", relation=None)
    (finding,) = run(
        claim("312 passengers", 311.5, 312.5, value=312, start=40, **ferry),
        claim("about 280 passengers", 252, 308, value=280, start=400, **ferry),
    )
    assert finding.message == "312 passengers vs about 280 passengers (252–308): about 1.1× apart"
    assert finding.steps == [
        "'312 passengers' read as 312",
        "'about 280 passengers' read as 252–308",
        "312 and 252–308 do not overlap; ratio of geometric midpoints ≈ 1.1",
    ]
    assert [(c["low"], c["high"]) for c in finding.claims] == [(311.5, 312.5), (252, 308)]
    assert finding.ratio == pytest.approx((311.5 * 312.5) ** 0.5 / (252 * 308) ** 0.5)


def test_figures_written_in_one_unit_are_quoted_in_it():
    """Two figures in miles read back in miles; mixed units fall back to the canonical display."""
    both_miles = run(
        claim("300 miles", 482_000, 483_600, base_unit="meter", unit="mile", start=40, **RANGE),
        claim("400 miles", 643_000, 644_600, base_unit="meter", unit="mile", start=400, **RANGE),
    )
    assert both_miles[0].message == "300 miles (299.5–300.5 mi) vs 400 miles (399.5–400.5 mi): about 1.3× apart"
    mixed = run(
        claim("550 km", 549_500, 550_500, base_unit="meter", unit="kilometer", start=40, **RANGE),
        claim("300 miles", 482_000, 483_600, base_unit="meter", unit="mile", start=400, **RANGE),
    )
    assert "(482–483.6 km)" in mixed[0].message


def test_temperatures_written_in_fahrenheit_are_apart_in_fahrenheit():
    heat = dict(subject="Jacobabad", item="temperature", relation=None, base_unit="kelvin",
                unit="degree_Fahrenheit", window_start="2024-05-23", window_end="2024-05-23", window_text="on Thursday")
    findings = run(claim("119.8F", 321.8, 321.9, start=10, **heat), claim("112F", 317.3, 317.9, start=90, **heat))
    # midpoints 321.85 K and 317.6 K: 4.25 K apart, which is 7.65 °F
    assert findings[0].message.endswith("about 7.7 °F apart")
    assert "°F)" in findings[0].message
