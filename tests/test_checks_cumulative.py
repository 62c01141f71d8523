"""cumulative-decrease: running totals that shrink in later reports."""

from __future__ import annotations

from checker.engine import check_claims
from checker.ruleset import RuleSet
from tests.test_checks_common import claim, table


def evacuated(text, low, high, document, published, **fields):
    values = dict(
        subject="Ukraine",
        item="person",
        relation="evacuate",
        cumulative=True,
        window_text="since the war began",
        window_start="2022-02-24",
        window_end=published,
        document=document,
        published=published,
    )
    values.update(fields)
    return claim(text, low, high, **values)


def run(*claims, **options):
    ruleset = RuleSet.load(select=["cumulative-decrease", "value-conflict"], **options)
    return check_claims(table(*claims), ruleset, canonical_item=lambda item: item).findings


def test_later_smaller_total_is_flagged_across_articles():
    later = evacuated("900 people", 895, 905, "april.md", "2024-04-01")
    earlier = evacuated("1,200 people", 1195, 1205, "march.md", "2024-03-01")
    findings = run(later, earlier)
    assert [f.rule for f in findings] == ["cumulative-decrease"]
    finding = findings[0]
    assert finding.scope == "corpus"
    assert [c["document"] for c in finding.claims] == ["march.md", "april.md"]
    assert finding.message == (
        "running total 900 people since the war began on 2024-04-01 (895–905) "
        "is below 1,200 people since the war began on 2024-03-01 (1,195–1,205)"
    )


def test_counted_totals_are_quoted_in_whole_numbers():
    """54 people are 53.5-54.5 for the arithmetic; the message need not repeat "54 people (54)"."""
    later = evacuated("54 people", 53.5, 54.5, "april.md", "2024-04-01", value=54)
    earlier = evacuated("61 people", 60.5, 61.5, "march.md", "2024-03-01", value=61)
    (finding,) = run(later, earlier)
    assert finding.message == (
        "running total 54 people since the war began on 2024-04-01 is below 61 people since the war began on 2024-03-01"
    )
    assert finding.steps == [
        "'61 people since the war began' read as 61 as of 2024-03-01",
        "'54 people since the war began' read as 54 as of 2024-04-01",
        "a total since 2022-02-24 cannot fall between 2024-03-01 and 2024-04-01",
    ]
    assert [(c["low"], c["high"]) for c in finding.claims] == [(60.5, 61.5), (53.5, 54.5)]


def test_growing_total_is_fine():
    assert run(evacuated("1,200 people", 1195, 1205, "march.md", "2024-03-01"),
               evacuated("1,500 people", 1495, 1505, "april.md", "2024-04-01")) == []


def test_totals_from_different_start_dates_are_not_compared():
    assert run(evacuated("1,200 people", 1195, 1205, "march.md", "2024-03-01"),
               evacuated("900 people", 895, 905, "april.md", "2024-04-01",
                         window_start="2024-01-01", window_text="since January")) == []


def test_rounded_totals_that_overlap_are_fine():
    assert run(evacuated("about 1,000 people", 950, 1050, "march.md", "2024-03-01"),
               evacuated("nearly 1,000 people", 900, 1000, "april.md", "2024-04-01")) == []


def test_open_later_total_cannot_be_shown_to_decrease():
    assert run(evacuated("1,200 people", 1195, 1205, "march.md", "2024-03-01"),
               evacuated("more than 900 people", 900, None, "april.md", "2024-04-01")) == []


def test_same_day_reports_are_not_ordered():
    assert [f.rule for f in run(evacuated("1,200 people", 1195, 1205, "a.md", "2024-03-01"),
                                evacuated("900 people", 895, 905, "b.md", "2024-03-01"))] == ["value-conflict"]
