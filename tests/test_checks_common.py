"""Shared interval arithmetic and wording, plus the claim-table builder the check tests use."""

from __future__ import annotations

import math
from itertools import count

import pandas as pd
import pytest

from checker.checks.intervals import disjoint, midpoint, ratio
from checker.checks.wording import (
    bound_text,
    describe_claim,
    format_interval,
    format_number,
    format_quantity,
    range_note,
)
from checker.model import CLAIM_COLUMNS

_ids = count(1)


_sentences = count(1)


def claim(text: str, low: float | None, high: float | None, **fields) -> dict:
    """One claim row with realistic defaults; ``fields`` override any column."""
    document = fields.get("document", "seed.md")
    sentence = fields.pop("sentence", f"Officials said {text} on Friday.")
    # Each hand-made claim stands in a sentence of its own unless a test says otherwise.
    sentence_start = fields.pop("sentence_start", 1000 * next(_sentences))
    start = fields.pop("start", sentence_start + sentence.find(text) if text in sentence else sentence_start)
    row = dict.fromkeys(CLAIM_COLUMNS)
    row.update(
        document=document,
        line=fields.pop("line", 1),
        column=fields.pop("column", 1),
        start=start,
        end=start + len(text),
        text=text,
        value=low if low is not None else high,
        low=low,
        high=high,
        base_unit="count",
        subject="North Korea",
        item="shell",
        modality="actual",
        claim_id=f"{document}#{next(_ids)}",
        published="2024-10-26",
        cumulative=False,
        is_change=False,
        boilerplate=False,
        sentence=sentence,
        sentence_start=sentence_start,
        sentence_end=sentence_start + len(sentence),
        assumptions=[],
    )
    row.update(fields)
    return row


def table(*claims: dict) -> pd.DataFrame:
    """A claim table as the normalizer produces it (NaN for missing numbers)."""
    return pd.DataFrame(list(claims), columns=list(CLAIM_COLUMNS))


def test_disjoint_intervals_and_open_sides():
    assert disjoint((5.8e6, 7.6e6), (2.85e6, 3.15e6))
    assert not disjoint((100, None), (250, 250))  # "more than 100" vs 250
    assert disjoint((None, 100), (250, 250))  # "fewer than 100" vs 250
    assert not disjoint((None, None), (1, 2))


def test_tolerance_widens_before_comparing():
    assert disjoint((100, 100), (104, 104))
    assert not disjoint((100, 100), (104, 104), tolerance=0.05)


def test_ratio_uses_geometric_midpoints():
    assert midpoint(4, 9) == pytest.approx(6)
    assert ratio((4, 9), (3, 3)) == pytest.approx(2)
    assert midpoint(100, None) == 100
    assert ratio((0, 0), (5, 5)) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [(8e6, "8 million"), (1500, "1,500"), (0.25, "0.25"), (1.5e9, "1.5 billion"), (100, "100")],
)
def test_numbers_read_like_news(value, expected):
    assert format_number(value) == expected


def test_intervals_read_like_news():
    assert format_interval(5.82e6, 7.62e6) == "5.8–7.6 million"
    assert format_interval(1450, 1550) == "1,450–1,550"
    assert format_interval(100, None) == "at least 100"
    assert format_interval(None, 100) == "at most 100"


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (113_773, 114_138.3, "113,773–114,138"),  # was "113,773–114138.3"
        (67_569.9, 71_222.3, "67,570–71,222"),  # was "67569.9–71222.3"
        (9_391.95, 11_479, "9,392–11,479"),
        (1_000.2, 1_000.4, "1,000.2–1,000.4"),  # decimals only when they tell the ends apart
        (-1_500.4, 1_500.4, "-1,500–1,500"),
        (-0.2, 1_500, "0–1,500"),
        (12.5, 13.5, "12.5–13.5"),  # below a thousand: unchanged
    ],
)
def test_intervals_in_the_thousands_format_both_ends_alike(low, high, expected):
    assert format_interval(low, high) == expected


def test_converted_quantities_in_the_thousands_format_both_ends_alike():
    assert format_quantity(113_773, 114_138.3, "count") == "113,773–114,138"
    assert format_quantity(1_500_000, 2_500_400, "meter") == "1,500–2,500 km"


def test_quantities_use_short_units():
    assert format_quantity(550_000, 550_000, "meter") == "550 km"
    assert format_quantity(283.15, 285.15, "kelvin") == "10–12 °C"
    assert format_quantity(1e6, 2e6, "USD") == "1–2 million USD"
    assert format_quantity(40, 45, "percent") == "40–45%"
    assert format_quantity(263.15, 268.15, "kelvin") == "-10–-5 °C"
    assert format_quantity(0.5, 0.6, "meter ** 3") == "500–600 l"
    assert math.isnan(float("nan"))  # NaN bounds are handled by callers as open sides


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (53.5, 54.5, "54"),  # "54 deaths", widened by half a death each way
        (311.5, 312.5, "312"),
        (140.5, 151.5, "141–151"),
        (1_349.5, 1_650.5, "1,350–1,650"),
        (1_350.0000000000002, 1_649.9999999999998, "1,350–1,650"),  # a float's error is not a thing more or less
        (-0.2, 1_500, "0–1,500"),
    ],
)
def test_counted_things_are_shown_whole(low, high, expected):
    assert format_quantity(low, high, "count") == expected


def test_open_sides_of_a_count_stay_open():
    assert format_quantity(325.5, None, "count") == "at least 326"
    assert format_quantity(None, 312.5, "count") == "at most 312"
    assert format_quantity(None, None, "count") == "any amount"


def test_a_count_narrower_than_one_thing_keeps_its_bounds():
    """[53.6, 53.9] holds no whole number: "54–53" or nothing at all would say less than the bounds."""
    assert format_quantity(53.6, 53.9, "count") == "53.6–53.9"


def test_counts_in_millions_keep_their_scaled_display():
    assert format_quantity(5_818_000.4, 7_617_000.6, "count") == "5.8–7.6 million"
    assert format_quantity(2.85e6, 3.15e6, "count") == "2.85–3.15 million"  # not "2.9–3.1": both ends as they are
    # Rounding inwards first would show "1.5–2.2 million": millions are left to the scaled display.
    assert format_quantity(1_499_999.5, 2_250_000.5, "count") == "1.5–2.3 million"


def test_measured_quantities_and_rates_keep_their_fractions():
    assert format_quantity(549_500, 550_500, "meter") == "549.5–550.5 km"
    assert format_quantity(12.5, 13.5, None) == "12.5–13.5"
    assert format_quantity(40.5, 41.5, "percent") == "40.5–41.5%"
    # A yearly rate of counted things is an average: 2.5 deaths a year is one every five months.
    assert format_quantity(2.5, 3.5, "count", rate=True) == "2.5–3.5"


def test_one_side_of_a_count_is_rounded_inwards():
    assert bound_text(325.5, "low", "count") == "326"
    assert bound_text(312.5, "high", "count") == "312"
    assert bound_text(1_350.0000000000002, "low", "count") == "1,350"
    assert bound_text(12_449.5, "low", "meter") == "12.45 km"


def test_a_range_note_is_left_out_when_it_only_repeats_the_figure():
    deaths = claim("54 deaths", 53.5, 54.5, value=54)
    about = claim("about 900 workers", 810, 990, value=900)
    assert range_note(deaths, 53.5, 54.5, "count") == ""
    assert range_note(about, 810, 990, "count") == " (810–990)"
    assert range_note(deaths, 53.6, 53.9, "count") == " (53.6–53.9)"
    assert range_note(claim("550 km", 549_500, 550_500, value=550), 549_500, 550_500, "meter") == " (549.5–550.5 km)"


def test_claim_description_adds_its_time_phrase():
    total = claim("about eight million shells", 7.5e6, 8.5e6, window_text="since August of last year")
    rate = claim("three million shells", 2.85e6, 3.15e6, period="P1Y")
    assert describe_claim(total) == "about eight million shells since August of last year"
    assert describe_claim(rate) == "three million shells a year"


def test_power_and_energy_get_prefixed_units():
    assert format_quantity(5.4e9, 6.6e9, "kilogram * meter ** 2 / second ** 3") == "5.4–6.6 GW"
    assert format_quantity(3.6e12, 3.6e12, "kilogram * meter ** 2 / second ** 2") == "1 GWh"
