"""Normalization: intervals, hedges, units and per-year rates (docs/normalization.md)."""

from dataclasses import fields
from datetime import date

import pytest

import checker
from checker.model import CLAIM_COLUMNS, Claim, Mention, TimeExpression
from checker.normalize import Interval, per_year, to_canonical, written_interval


def mention(value, *, unit=None, qualifier=None, rounding=0.0, value_to=None):
    return Mention(start=0, end=1, value=value, value_to=value_to, unit=unit, qualifier=qualifier, rounding=rounding)


SINCE_AUGUST = TimeExpression(
    start=0, end=25, kind="window", text="since August of last year",
    window_start=date(2023, 8, 1), window_start_latest=date(2023, 8, 31),
    window_end=date(2024, 10, 26), window_end_earliest=date(2024, 10, 26), cumulative=True,
)
ANNUALLY = TimeExpression(start=0, end=8, kind="rate", text="annually", period="P1Y")


def test_about_eight_million_widens_by_ten_percent_not_by_rounding_alone():
    interval, notes = written_interval(mention(8e6, qualifier="about", rounding=5e5))
    assert interval == Interval(pytest.approx(7.2e6), pytest.approx(8.8e6))
    assert any("about" in n for n in notes)


def test_rounding_is_capped_at_five_percent():
    # "10,000" is written to the nearest 10,000, but is not read as 5,000-15,000.
    interval, _ = written_interval(mention(10_000, rounding=5_000))
    assert interval == Interval(9_500, 10_500)
    interval, _ = written_interval(mention(1_537, rounding=0.5))
    assert interval == Interval(1_536.5, 1_537.5)


@pytest.mark.parametrize(
    ("qualifier", "expected"),
    [
        ("more than", Interval(1000, None)),
        ("at least", Interval(1000, None)),
        ("up to", Interval(None, 1000)),
        ("fewer than", Interval(None, 1000)),
        ("nearly", Interval(900, 1000)),
    ],
)
def test_bounds_open_one_side(qualifier, expected):
    assert written_interval(mention(1000, qualifier=qualifier, rounding=50))[0] == expected


def test_a_stated_range_keeps_both_ends():
    interval, _ = written_interval(mention(2000, value_to=3000, rounding=500))
    assert interval == Interval(1900, 3150)


def test_units_convert_through_the_registry_with_offsets():
    interval, base = to_canonical(Interval(32, 212), "degree_Fahrenheit")
    assert base == "kelvin"
    assert interval.low == pytest.approx(273.15)
    assert interval.high == pytest.approx(373.15)
    miles, base = to_canonical(Interval(250, 250), "mile")
    assert base == "meter" and miles.low == pytest.approx(402_336)
    money, base = to_canonical(Interval(3000, None), "EUR")
    assert base == "EUR" and money == Interval(3000, None)


def test_seed_shells_since_august_is_about_six_to_seven_million_a_year():
    interval, _ = written_interval(mention(8e6, qualifier="about", rounding=5e5))
    rate = per_year(interval, "count", SINCE_AUGUST)
    assert rate.per_year.low == pytest.approx(5.818e6, rel=1e-3)  # 7.2 M over 452 days
    assert rate.per_year.high == pytest.approx(7.617e6, rel=1e-3)  # 8.8 M over 422 days
    assert "422–452 days" in rate.notes[0]


def test_three_million_annually_is_three_million_a_year():
    interval, _ = written_interval(mention(3e6, rounding=5e5))
    rate = per_year(interval, "count", ANNUALLY)
    assert rate.period == "P1Y"
    assert (rate.per_year.low, rate.per_year.high) == (pytest.approx(2.85e6), pytest.approx(3.15e6))


def test_daily_rate_scales_to_a_year():
    rate = per_year(Interval(100, 100), "count", TimeExpression(0, 5, "rate", "a day", period="P1D"))
    assert rate.per_year.low == pytest.approx(36_524.25)


def test_unresolved_window_gives_no_rate_and_says_why():
    unresolved = TimeExpression(0, 9, "window", "last year", unresolved="no publication date")
    rate = per_year(Interval(10, 12), "count", unresolved)
    assert rate.per_year is None
    assert "no publication date" in rate.notes[0]


def test_intensive_quantities_never_become_rates():
    in_2023 = TimeExpression(0, 7, "window", "in 2023", window_start=date(2023, 1, 1),
                             window_start_latest=date(2023, 1, 1), window_end=date(2023, 12, 31),
                             window_end_earliest=date(2023, 12, 31))
    assert per_year(Interval(300, 320), "kelvin", in_2023).per_year is None
    exports = per_year(Interval(3e9, 3e9), "kilogram", in_2023).per_year
    assert exports.low == pytest.approx(3e9 * 365.2425 / 365)


def test_a_level_is_dated_by_its_window_but_implies_no_rate():
    """"The plant employed 640 people last year": 640 at a time, not 640 a year."""
    claims = {c.text: c for c in checker.extract(
        "The plant employed 640 people last year and processed 310 million litres of milk.", published="2024-09-30")}
    staff, milk = claims["640 people"], claims["310 million litres of milk"]
    assert (staff.window_start, staff.window_end) == ("2023-01-01", "2023-12-31")
    assert staff.per_year_low is None and staff.per_year_high is None
    assert any("a level at a time" in note for note in staff.assumptions)
    assert milk.per_year_low == pytest.approx(305e6 / 1000 * 365.2425 / 365, rel=1e-3)  # in cubic metres a year


def test_claim_fields_are_the_table_columns_in_order():
    # normalize_draft builds each claim positionally, in column order.
    assert [f.name for f in fields(Claim)] == list(CLAIM_COLUMNS)
