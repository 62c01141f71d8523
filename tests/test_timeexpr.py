"""Rates, windows and targets found in news sentences, dated against publication."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.extraction import timeexpr
from checker.extraction.timeexpr import find_point_dates, find_time_expressions
from checker.model import TimeExpression

PUBLISHED = date(2024, 10, 26)  # a Saturday
D = date.fromisoformat


def expression(sentence: str, text: str, published: date | None = PUBLISHED) -> TimeExpression:
    """The one expression whose matched text is ``text``."""
    found = find_time_expressions(sentence, published)
    matching = [e for e in found if e.text == text]
    assert matching, f"{text!r} not found in {sentence!r}: {[e.text for e in found]}"
    assert len(matching) == 1
    return matching[0]


# --------------------------------------------------------------------------- rates

RATES = [
    ("North Korea supplies three million shells annually.", "annually", "P1Y"),
    ("The plant turns out 200,000 tonnes a year.", "a year", "P1Y"),
    ("Output is capped at 40 million tonnes per year.", "per year", "P1Y"),
    ("The port handles 1.2 million containers each year.", "each year", "P1Y"),
    ("Some 30,000 migrants cross every year.", "every year", "P1Y"),
    ("Yearly output reached 5 million units.", "Yearly", "P1Y"),
    ("The loan carries interest of 4% per annum.", "per annum", "P1Y"),
    ("Russia fires about 10,000 shells a day.", "a day", "P1D"),
    ("The field pumps 2 million barrels per day.", "per day", "P1D"),
    ("Some 600 trucks cross daily.", "daily", "P1D"),
    ("Ukraine loses around 50 drones each day.", "each day", "P1D"),
    ("Ten ferries sail every day.", "every day", "P1D"),
    ("The rent is $2,000 a month.", "a month", "P1M"),
    ("Imports of 300,000 tonnes per month were recorded.", "per month", "P1M"),
    ("The ministry publishes 12 reports monthly.", "monthly", "P1M"),
    ("About 3,000 recruits are trained each month.", "each month", "P1M"),
    ("The drug costs $400 a week.", "a week", "P1W"),
    ("Doctors see 60 patients per week.", "per week", "P1W"),
    ("The weekly tally rose to 900 cases.", "weekly", "P1W"),
    ("The smelter emits 5 Mt/yr of carbon dioxide.", "/yr", "P1Y"),
    ("Capacity is 8,000 barrels/day.", "/day", "P1D"),
    ("The bank earns $2bn a quarter.", "a quarter", "P3M"),
    ("The fund pays out $5m per quarter.", "per quarter", "P3M"),
    ("The company pays a quarterly dividend of $0.50.", "quarterly", "P3M"),
    ("Cleaners earn $15 an hour.", "an hour", "PT1H"),
    ("The machine bottles 2,000 litres per hour.", "per hour", "PT1H"),
    ("Parliamentary elections are held every two years.", "every two years", "P2Y"),
    ("A census of 2,000 households is taken every other year.", "every other year", "P2Y"),
    ("Inspectors visit 40 sites every three months.", "every three months", "P3M"),
    ("The company pays a dividend of $1 twice a year.", "twice a year", "P6M"),
    ("Sales of 2 million units four times a year were reported.", "four times a year", "P3M"),
    ("The board meets once a month to approve 20 loans.", "once a month", "P1M"),
    ("Warming of 0.2C a decade has been measured.", "a decade", "P10Y"),
    ("Troops advance 12 km a day in the east.", "a day", "P1D"),
    ("Prices rose 3% a year on average.", "a year", "P1Y"),
]


@pytest.mark.parametrize(("sentence", "text", "period"), RATES)
def test_rates_have_iso_periods(sentence: str, text: str, period: str) -> None:
    found = expression(sentence, text)
    assert found.kind == "rate"
    assert found.period == period
    assert sentence[found.start:found.end] == text


NOT_RATES = [
    "The train reached 120 km an hour on the new line.",
    "Winds of 75 miles per hour battered the coast.",
    "The car was clocked at 120 km/h.",
    "Output rose 5% year-on-year in September.",
    "Exports were 12% higher than a year earlier.",
    "The index stood at 3,400 a year ago.",
    "The bridge took a year to build and cost $40m.",
    "Loading 300 containers takes half an hour.",
    "A quarter of the 2,000 respondents disagreed.",
    "Shares fell by a quarter to $12.",
    "He spent a year in prison for stealing $3,000.",
    "A year on, 40 families are still homeless.",
    "The daily Kommersant reported 300 arrests.",
    "The committee meets three times a week.",  # 7 days do not split in three
]


@pytest.mark.parametrize("sentence", NOT_RATES)
def test_speeds_comparisons_and_durations_are_not_rates(sentence: str) -> None:
    assert [e.text for e in find_time_expressions(sentence, PUBLISHED) if e.kind == "rate"] == []


def test_twice_a_year_says_how_it_was_read() -> None:
    found = expression("The company pays a dividend of $1 twice a year.", "twice a year")
    assert found.assumption == "'twice a year' read as once every 6 months"


# --------------------------------------------------------------------------- windows

# sentence, matched text, window_start, window_start_latest, window_end, window_end_earliest, cumulative
WINDOWS = [
    ("North Korea has supplied about eight million shells since August of last year.",
     "since August of last year", "2023-08-01", "2023-08-31", "2024-10-26", "2024-10-26", True),
    ("Some 3,000 companies have left Russia since January 2020.",
     "since January 2020", "2020-01-01", "2020-01-31", "2024-10-26", "2024-10-26", True),
    ("Food prices have risen 40% since 2020.",
     "since 2020", "2020-01-01", "2020-12-31", "2024-10-26", "2024-10-26", True),
    ("The index has gained 12% since the start of the year.",
     "since the start of the year", "2024-01-01", "2024-01-01", "2024-10-26", "2024-10-26", True),
    ("More than 6 million refugees have fled since February 2022.",
     "since February 2022", "2022-02-01", "2022-02-28", "2024-10-26", "2024-10-26", True),
    ("Some 900 officials have resigned since Aug. 2023.",
     "since Aug. 2023", "2023-08-01", "2023-08-31", "2024-10-26", "2024-10-26", True),
    ("Some 200 hostages have been freed since Oct. 7.",
     "since Oct. 7", "2024-10-07", "2024-10-07", "2024-10-26", "2024-10-26", True),
    ("Exports have fallen by half since 24 February 2022.",
     "since 24 February 2022", "2022-02-24", "2022-02-24", "2024-10-26", "2024-10-26", True),
    ("About 40 ships have been sunk since mid-2023.",
     "since mid-2023", "2023-05-01", "2023-08-31", "2024-10-26", "2024-10-26", True),
    ("Exports have fallen by half since the February 2022 invasion.",
     "since the February 2022 invasion", "2022-02-01", "2022-02-28", "2024-10-26", "2024-10-26", True),
    ("Steel output fell 8% in 2023.", "in 2023", "2023-01-01", "2023-01-01", "2023-12-31", "2023-12-31", False),
    ("About 1,200 firms closed during 2023.",
     "during 2023", "2023-01-01", "2023-01-01", "2023-12-31", "2023-12-31", False),
    ("The army recruited 50,000 men throughout 2023.",
     "throughout 2023", "2023-01-01", "2023-01-01", "2023-12-31", "2023-12-31", False),
    ("The country exported 3 million tonnes of grain last year.",
     "last year", "2023-01-01", "2023-01-01", "2023-12-31", "2023-12-31", False),
    ("Inflation has averaged 4% this year.",
     "this year", "2024-01-01", "2024-01-01", "2024-10-26", "2024-10-26", False),
    ("Some 21,000 people have crossed so far this year.",
     "so far this year", "2024-01-01", "2024-01-01", "2024-10-26", "2024-10-26", True),
    ("Sales of 40,000 cars this year so far beat forecasts.",
     "this year so far", "2024-01-01", "2024-01-01", "2024-10-26", "2024-10-26", True),
    ("Year-to-date revenue was $3bn.",
     "Year-to-date", "2024-01-01", "2024-01-01", "2024-10-26", "2024-10-26", True),
    ("Rainfall reached 300 mm in March.", "in March", "2024-03-01", "2024-03-01", "2024-03-31", "2024-03-31", False),
    ("The bank lent $2bn in March 2022.",
     "in March 2022", "2022-03-01", "2022-03-01", "2022-03-31", "2022-03-31", False),
    ("In August last year, 300 soldiers arrived.",
     "In August last year", "2023-08-01", "2023-08-01", "2023-08-31", "2023-08-31", False),
    ("In October, 300 workers were hired.",
     "In October", "2024-10-01", "2024-10-01", "2024-10-26", "2024-10-26", False),
    ("Car sales fell 3% last month.", "last month", "2024-09-01", "2024-09-01", "2024-09-30", "2024-09-30", False),
    ("Police made 120 arrests last week.", "last week", "2024-10-14", "2024-10-14", "2024-10-20", "2024-10-20", False),
    ("Profit rose to $2bn in the first quarter.",
     "in the first quarter", "2024-01-01", "2024-01-01", "2024-03-31", "2024-03-31", False),
    ("Profit rose to $2bn in Q1.", "in Q1", "2024-01-01", "2024-01-01", "2024-03-31", "2024-03-31", False),
    ("First-quarter revenue was $2bn.",
     "First-quarter", "2024-01-01", "2024-01-01", "2024-03-31", "2024-03-31", False),
    ("Revenue was $9bn in the fourth quarter.",  # Q4 2024 had not ended by publication
     "in the fourth quarter", "2023-10-01", "2023-10-01", "2023-12-31", "2023-12-31", False),
    ("Inflation hit 3% in the third quarter of 2023.",
     "in the third quarter of 2023", "2023-07-01", "2023-07-01", "2023-09-30", "2023-09-30", False),
    ("Revenue rose 4% in the first half.",
     "in the first half", "2024-01-01", "2024-01-01", "2024-06-30", "2024-06-30", False),
    ("Revenue rose 4% in H1.", "in H1", "2024-01-01", "2024-01-01", "2024-06-30", "2024-06-30", False),
    ("H1 2023 sales were $4bn.", "H1 2023", "2023-01-01", "2023-01-01", "2023-06-30", "2023-06-30", False),
    ("Some 400 schools were built over the past five years.",
     "over the past five years", "2019-10-26", "2019-10-26", "2024-10-26", "2024-10-26", False),
    ("Some 400 schools were built in the last five years.",
     "in the last five years", "2019-10-26", "2019-10-26", "2024-10-26", "2024-10-26", False),
    ("Emissions fell 20% over the past decade.",
     "over the past decade", "2014-10-26", "2014-10-26", "2024-10-26", "2024-10-26", False),
    ("In the past 24 hours, 30 drones were shot down.",
     "In the past 24 hours", "2024-10-25", "2024-10-25", "2024-10-26", "2024-10-26", False),
    ("Between 2019 and 2022 output rose 12%.",
     "Between 2019 and 2022", "2019-01-01", "2019-01-01", "2022-12-31", "2022-12-31", False),
    ("Output rose 12% from 2019 to 2022.",
     "from 2019 to 2022", "2019-01-01", "2019-01-01", "2022-12-31", "2022-12-31", False),
    ("Output rose 12% in 2019-2022.",
     "in 2019-2022", "2019-01-01", "2019-01-01", "2022-12-31", "2022-12-31", False),
    ("The 2019–22 drought cost $4bn.", "2019–22", "2019-01-01", "2019-01-01", "2022-12-31", "2022-12-31", False),
    ("Sales rose 8% between August and October last year.",
     "between August and October last year", "2023-08-01", "2023-08-01", "2023-10-31", "2023-10-31", False),
    ("The firm earned $3bn in fiscal 2023.",
     "in fiscal 2023", "2023-01-01", "2023-01-01", "2023-12-31", "2023-12-31", False),
    ("FY2023 revenue was $3bn.", "FY2023", "2023-01-01", "2023-01-01", "2023-12-31", "2023-12-31", False),
    ("In the 1990s, the city had 2 million people.",
     "In the 1990s", "1990-01-01", "1990-01-01", "1999-12-31", "1999-12-31", False),
    ("Some 20 ships docked earlier this year.",
     "earlier this year", "2024-01-01", "2024-01-01", "2024-10-26", "2024-10-26", False),
    ("About 10 plants closed late last year.",
     "late last year", "2023-09-01", "2023-09-01", "2023-12-31", "2023-12-31", False),
]


@pytest.mark.parametrize(
    ("sentence", "text", "start", "start_latest", "end", "end_earliest", "cumulative"), WINDOWS
)
def test_windows_resolve_against_publication(
    sentence: str, text: str, start: str, start_latest: str, end: str, end_earliest: str, cumulative: bool
) -> None:
    found = expression(sentence, text)
    assert found.kind == "window"
    assert (found.window_start, found.window_start_latest) == (D(start), D(start_latest))
    assert (found.window_end, found.window_end_earliest) == (D(end), D(end_earliest))
    assert found.cumulative is cumulative
    assert found.unresolved is None
    assert found.period is None


@pytest.mark.parametrize(
    ("sentence", "text", "published", "start", "end"),
    [
        # A month back from a day its month lacks lands on that month's last day.
        ("Prices rose 5% over the past year.", "over the past year", "2024-02-29", "2023-02-28", "2024-02-29"),
        ("Prices rose 5% over the past three months.", "over the past three months", "2024-05-31", "2024-02-29",
         "2024-05-31"),
        ("Prices rose 5% over the past 18 months.", "over the past 18 months", "2025-08-31", "2024-02-29",
         "2025-08-31"),
        # Whole months, quarters and thirds of a month across the end of a year and a leap February.
        ("Car sales fell 3% last month.", "last month", "2024-03-31", "2024-02-01", "2024-02-29"),
        ("Car sales fell 3% last month.", "last month", "2024-01-10", "2023-12-01", "2023-12-31"),
        ("Output fell 2% last quarter.", "last quarter", "2024-01-15", "2023-10-01", "2023-12-31"),
        ("Output will rise 2% next quarter.", "next quarter", "2024-11-15", "2025-01-01", "2025-03-31"),
        ("About 10 plants closed in late February.", "in late February", "2024-03-10", "2024-02-21", "2024-02-29"),
        ("Sales rose 8% in December.", "in December", "2025-01-05", "2024-12-01", "2024-12-31"),
    ],
)
def test_month_arithmetic_at_month_and_year_ends(
    sentence: str, text: str, published: str, start: str, end: str
) -> None:
    found = expression(sentence, text, D(published))
    assert (found.window_start, found.window_end) == (D(start), D(end))


# Published on another day: sentence, matched text, published, window_start, window_start_latest, window_end, cumulative
WINDOWS_ELSEWHEN = [
    ("Officials have recorded 1,240 cholera cases since the outbreak was declared on January 9.",
     "since the outbreak was declared on January 9", "2024-02-05", "2024-01-09", "2024-01-09", "2024-02-05", True),
    ("At least 14 people have died of heatstroke since the heatwave began on May 18, officials said.",
     "since the heatwave began on May 18", "2024-05-24", "2024-05-18", "2024-05-18", "2024-05-24", True),
    ("About 120 kilometres of pipe has been laid since work began off the coast in April.",
     "since work began off the coast in April", "2024-07-02", "2024-04-01", "2024-04-30", "2024-07-02", True),
    ("Some 100 people have been treated for heatstroke since Saturday.",  # published on a Tuesday
     "since Saturday", "2024-07-23", "2024-07-20", "2024-07-20", "2024-07-23", True),
    ("Forecasters put the chance of a hot spell in August at 70%.",  # the month after publication
     "in August", "2024-07-30", "2024-08-01", "2024-08-01", "2024-08-31", False),
    ("The group reported 2023 sales of 1.1 billion euros.", "2023", "2024-02-12",
     "2023-01-01", "2023-01-01", "2023-12-31", False),
    ("Power cost more than 500 euros per megawatt hour during the 2022 energy crisis.", "2022", "2024-05-08",
     "2022-01-01", "2022-01-01", "2022-12-31", False),
]


@pytest.mark.parametrize(
    ("sentence", "text", "published", "start", "start_latest", "end", "cumulative"), WINDOWS_ELSEWHEN
)
def test_windows_dated_against_other_publication_days(
    sentence: str, text: str, published: str, start: str, start_latest: str, end: str, cumulative: bool
) -> None:
    found = expression(sentence, text, D(published))
    assert found.kind == "window"
    assert (found.window_start, found.window_start_latest, found.window_end) == (D(start), D(start_latest), D(end))
    assert found.cumulative is cumulative


def test_a_round_year_before_a_plural_noun_is_a_count() -> None:
    assert find_time_expressions("The 2000 troops arrived.", PUBLISHED) == []


def test_canonical_since_window_is_one_expression_with_its_assumption() -> None:
    sentence = "North Korea has supplied about eight million shells since August of last year."
    (found,) = find_time_expressions(sentence, PUBLISHED)
    assert found.text == "since August of last year"
    assert found.assumption == (
        "'since August of last year' read as a start between 2023-08-01 and 2023-08-31, "
        "up to 2024-10-26 (publication)"
    )


def test_month_without_year_says_which_month_was_taken() -> None:
    found = expression("Rainfall reached 300 mm in March.", "in March")
    assert "most recent March" in found.assumption


def test_fiscal_year_assumption_is_stated() -> None:
    found = expression("The firm earned $3bn in fiscal 2023.", "in fiscal 2023")
    assert "fiscal year taken as the calendar year" in found.assumption


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("More than 10,000 civilians have died since the war began.", "since the war began"),
        ("Grain exports have halved since the invasion.", "since the invasion"),
        ("Some 1,500 soldiers were deployed since the start of the war.", "since the start of the war"),
    ],
)
def test_named_events_are_cumulative_windows_without_a_start(sentence: str, text: str) -> None:
    found = expression(sentence, text)
    assert found.kind == "window"
    assert found.cumulative
    assert found.unresolved.startswith("named event")
    assert found.window_start is None and found.window_start_latest is None
    assert found.window_end == PUBLISHED


@pytest.mark.parametrize(
    ("sentence", "text"),
    [("The company has sold 4 million units to date.", "to date"), ("Some 2 million have fled so far.", "so far")],
)
def test_running_totals_without_a_start(sentence: str, text: str) -> None:
    found = expression(sentence, text)
    assert found.cumulative
    assert found.window_start is None
    assert (found.window_end, found.window_end_earliest) == (PUBLISHED, PUBLISHED)


def test_vague_lengths_are_windows_left_undated() -> None:
    found = expression("Some 5,000 farms closed over the past few years.", "over the past few years")
    assert found.kind == "window"
    assert found.unresolved == "vague length: 'few'"
    assert found.window_start is None and found.window_end is None


@pytest.mark.parametrize(
    "sentence",
    [
        "On October 28, the troops arrived.",
        "On Thursday, October 24, 3,000 soldiers crossed the border.",
        "Russia fired 100 missiles on Monday.",
        "Between 1500 and 2000 troops were sent.",
        "It was up to date with 300 entries.",
        "So far as we know, 20 people were hurt.",
        "Growth in the first half of the century was 2%.",
        "An H2 plant was built.",
    ],
)
def test_points_counts_and_idioms_are_not_windows(sentence: str) -> None:
    assert [e.text for e in find_time_expressions(sentence, PUBLISHED) if e.kind != "rate"] == []


# --------------------------------------------------------------------------- targets

# sentence, matched text, window_end_earliest, window_end
TARGETS = [
    ("The EU wants to cut emissions 90% by 2035.", "by 2035", "2035-01-01", "2035-12-31"),
    ("The army expects 10,000 recruits by the end of the year.",
     "by the end of the year", "2024-12-31", "2024-12-31"),
    ("Solar capacity should reach 500 GW by 2030.", "by 2030", "2030-01-01", "2030-12-31"),
    ("The plant should make 1,000 units by next year.", "by next year", "2025-01-01", "2025-12-31"),
    ("The ministry plans to hire 2,000 teachers by March.", "by March", "2025-03-01", "2025-03-31"),
    ("Some 10,000 soldiers are to be sent by December.", "by December", "2024-12-01", "2024-12-31"),
    ("The city will plant 1 million trees by the end of 2025.", "by the end of 2025", "2025-12-31", "2025-12-31"),
    ("The fund aims for $5bn by year-end.", "by year-end", "2024-12-31", "2024-12-31"),
]


@pytest.mark.parametrize(("sentence", "text", "end_earliest", "end"), TARGETS)
def test_targets_end_at_their_period(sentence: str, text: str, end_earliest: str, end: str) -> None:
    found = expression(sentence, text)
    assert found.kind == "target"
    assert (found.window_end_earliest, found.window_end) == (D(end_earliest), D(end))
    assert found.window_start == PUBLISHED
    assert "deadline" in found.assumption


def test_a_deadline_just_past_is_not_counted_from_publication() -> None:
    found = expression("About 120 km of pipe had been laid by the end of June.", "by the end of June", D("2024-07-02"))
    assert (found.window_end, found.window_start) == (D("2024-06-30"), None)
    assert "the month before publication" in found.assumption


@pytest.mark.parametrize(
    ("sentence", "text", "published", "end"),
    [
        ("About 120 km of pipe had been laid by the end of June.", "by the end of June", "2024-07-02", "2024-06-30"),
        # the deadline is the day of publication: a report of progress so far
        ("Farmers had sown 900,000 hectares by April 8.", "by April 8", "2024-04-08", "2024-04-08"),
        ("Its shares fell 2.1 pct by 1045 GMT.", None, None, None),
    ],
)
def test_a_deadline_not_after_publication_is_a_running_total_not_a_target(sentence, text, published, end) -> None:
    found = find_time_expressions(sentence, D(published or "2024-04-08"))
    assert all(e.kind != "target" for e in found)
    if text is not None:
        window = next(e for e in found if e.text == text)
        assert (window.kind, window.cumulative, window.window_end) == ("window", True, D(end))
        assert "running total" in window.assumption


def test_by_after_a_change_verb_is_an_amount_not_a_target() -> None:
    assert find_time_expressions("The number of licences rose by 2000 last year.", PUBLISHED)[0].text == "last year"
    assert all(e.kind != "target" for e in find_time_expressions("Output rose by 2000 units.", PUBLISHED))


# --------------------------------------------------------------------------- no publication date

@pytest.mark.parametrize(
    ("sentence", "text", "start", "end"),
    [
        ("Steel output fell 8% in 2023.", "in 2023", "2023-01-01", "2023-12-31"),
        ("Output rose 12% between 2019 and 2022.", "between 2019 and 2022", "2019-01-01", "2022-12-31"),
        ("In the 1990s, the city had 2 million people.", "In the 1990s", "1990-01-01", "1999-12-31"),
        ("The bank lent $2bn in March 2022.", "in March 2022", "2022-03-01", "2022-03-31"),
    ],
)
def test_absolute_windows_resolve_without_a_publication_date(sentence: str, text: str, start: str, end: str) -> None:
    found = expression(sentence, text, published=None)
    assert (found.window_start, found.window_end) == (D(start), D(end))
    assert found.unresolved is None


def test_absolute_since_without_publication_date_has_a_start_but_no_end() -> None:
    found = expression("Some 3,000 companies have left since January 2020.", "since January 2020", published=None)
    assert (found.window_start, found.window_start_latest) == (D("2020-01-01"), D("2020-01-31"))
    assert found.window_end is None and found.window_end_earliest is None
    assert found.unresolved == "no publication date: end of 'since' window unknown"
    assert found.cumulative


@pytest.mark.parametrize(
    ("sentence", "text", "kind"),
    [
        ("The country exported 3 million tonnes last year.", "last year", "window"),
        ("About 8 million shells have been sent since August.", "since August", "window"),
        ("Some 900 officials have resigned since August of last year.", "since August of last year", "window"),
        ("Inflation has averaged 4% this year.", "this year", "window"),
        ("Some 21,000 people have crossed so far this year.", "so far this year", "window"),
        ("Some 400 schools were built over the past five years.", "over the past five years", "window"),
        ("Profit rose to $2bn in the first quarter.", "in the first quarter", "window"),
        ("Rainfall reached 300 mm in March.", "in March", "window"),
        ("The company has sold 4 million units to date.", "to date", "window"),
        ("The army expects 10,000 recruits by the end of the year.", "by the end of the year", "target"),
    ],
)
def test_relative_expressions_stay_undated_without_a_publication_date(sentence: str, text: str, kind: str) -> None:
    found = expression(sentence, text, published=None)
    assert found.kind == kind
    assert found.unresolved == "no publication date"
    dates = (found.window_start, found.window_start_latest, found.window_end, found.window_end_earliest)
    assert dates == (None, None, None, None)


def test_absolute_target_without_publication_date_has_no_start() -> None:
    found = expression("The EU wants to cut emissions 90% by 2035.", "by 2035", published=None)
    assert found.window_end == D("2035-12-31")
    assert found.window_start is None


# --------------------------------------------------------------------------- point dates

@pytest.mark.parametrize(
    ("sentence", "text", "published", "day"),
    [
        ("Russia launched 120 missiles at the grid on Sunday, the air force said.", "on Sunday", "2024-11-18",
         "2024-11-17"),
        ("Cordoba airport recorded 46.9C on Monday afternoon.", "on Monday afternoon", "2024-07-23", "2024-07-22"),
        ("The reading of 112F on July 22 is the hottest on record.", "on July 22", "2024-07-30", "2024-07-22"),
        ("On Thursday, October 24, 3,000 soldiers crossed.", "On Thursday, October 24", "2024-10-26", "2024-10-24"),
    ],
)
def test_point_dates_are_single_days_kept_apart(sentence: str, text: str, published: str, day: str) -> None:
    (found,) = find_point_dates(sentence, D(published))
    assert found.text == text
    assert (found.window_start, found.window_end) == (D(day), D(day))
    assert [e for e in find_time_expressions(sentence, D(published)) if e.kind != "rate"] == []


def test_weekday_point_without_publication_date_is_undated() -> None:
    (found,) = find_point_dates("Russia launched 120 missiles on Sunday.", None)
    assert found.unresolved == "no publication date" and found.window_start is None


# --------------------------------------------------------------------------- whole sentences

def test_rate_and_window_in_one_sentence_are_both_reported_in_order() -> None:
    sentence = "Since 2022, the plant has produced 3,000 tonnes a month, Reuters reported on Friday."
    found = find_time_expressions(sentence, PUBLISHED)
    assert [(e.kind, e.text) for e in found] == [("window", "Since 2022"), ("rate", "a month")]


TIME_WORDS = [
    "since", "August", "of", "last", "year", "a", "per", "day", "in", "2023", "by", "2030", "so", "far",
    "this", "the", "past", "five", "years", "between", "and", "2019", "-", "22", "Q1", "first", "quarter",
    "km", "an", "hour", "twice", "every", "Aug.", "to", "date", "mid-2023", ",", "fiscal", "1990s", "war",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TIME_WORDS), max_size=30), st.sampled_from([PUBLISHED, None]))
def test_any_mix_of_time_words_gives_consistent_non_overlapping_spans(words: list[str], published) -> None:
    sentence = " ".join(words)
    found = find_time_expressions(sentence, published)
    for previous, current in zip(found, found[1:]):
        assert previous.end <= current.start
    for e in found:
        assert sentence[e.start:e.end] == e.text
        assert e.kind in ("rate", "window", "target")
        if e.window_start and e.window_start_latest:
            assert e.window_start <= e.window_start_latest
        if e.window_end and e.window_end_earliest:
            assert e.window_end_earliest <= e.window_end
        if published is None and (e.window_start or e.window_end):
            assert re.search(r"\d\d", e.text), "only written years may be dated without a publication date"


# --------------------------------------------------------------------------- searching from anchors

ANCHOR_WORDS = TIME_WORDS + [
    "times", "once", "single", "each", "weeks", "annually", "semi-annually", "half-yearly", "p.a.", "/yr", "/", "yr",
    "daily", "Daily", "late", "early", "earlier", "the", "whole", "end", "rest", "remainder", "22nd", "June", "May",
    "may", "Dec", "decade", "year-end", "H1", "FY24", "FY", "2nd-half", "first-quarter", "Q3", "(in", "x-in",
    "within", "other", "two-thirds", "from", "through", "till", "–", "2019–2022", "so", "thus", "date", "year-to-date",
    "YTD", "its", "sales", "1500", "troops", "ſince", "İn", "WEEK", "current", "next",
]
SEPARATORS = [" ", " ", "  ", "\n", " \n ", "\t", "(", "-", ", ", "\xa0", ""]
REFERENCE_PATTERNS = [
    (timeexpr._WINDOW_RE, timeexpr._WINDOW_LEAD), (timeexpr._SINCE_RE, timeexpr._SINCE_LEAD),
    (timeexpr._TARGET_RE, timeexpr._TARGET_LEAD), (timeexpr._RANGE_RE, timeexpr._RANGE_LEAD),
    (timeexpr._YEAR_MODIFIER_RE, timeexpr._YEAR_MODIFIER_LEAD), (timeexpr._YEAR_RANGE_RE, timeexpr._YEAR_RANGE_LEAD),
]


def found(matches) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(ANCHOR_WORDS), st.sampled_from(SEPARATORS)), max_size=16),
    st.sampled_from([str, str.upper, str.title]),
)
@example([("far", "-"), ("late", "-"), ("3rd", " "), ("Dec", "\n")], str)  # an edge joined by hyphens before its day
@example([("late-last", " "), ("May-Week", "  "), ("2023", " ")], str)
@example([("single", "  "), ("annually", " "), ("quarterly", " ")], str)  # an anchor overlapping two rates
@example([("2019", " "), ("ſince", " ")], str)  # folded unlike its lower case: year modifiers are matched as written
@example([("in", " \n "), ("the", "  "), ("first", "-"), ("quarter", " "), ("of", "\t"), ("2023", "")], str.upper)
def test_searching_from_anchors_finds_what_each_pattern_finds_at_every_position(pieces, case) -> None:
    sentence = case("".join(word + separator for word, separator in pieces))
    s = timeexpr._read_sentence(sentence, PUBLISHED)
    for pattern, lead in REFERENCE_PATTERNS:
        assert found(timeexpr._anchored_finditer(pattern, s, s.references, lead)) == found(pattern.finditer(sentence))
    so_far_anchors = sorted([*s.references, *timeexpr._SO_FAR_WORDS_RE.finditer(s.folded)], key=timeexpr._match_start)
    assert found(timeexpr._anchored_finditer(timeexpr._SO_FAR_RE, s, so_far_anchors, timeexpr._WINDOW_LEAD)) == found(
        timeexpr._SO_FAR_RE.finditer(sentence)
    )
    rate_anchors = timeexpr._RATE_ANCHORS.finditer(s.folded)
    assert found(timeexpr._anchored_finditer(timeexpr._RATE_RE, s, rate_anchors, timeexpr._RATE_LEAD)) == found(
        timeexpr._RATE_RE.finditer(sentence)
    )
    if not s.case_matters:  # then windows are matched over the folded sentence: the same spans, groups in lower case
        written = timeexpr._WINDOW_RE.finditer(sentence)
        lowered = [(m.span(), {k: v and v.lower() for k, v in m.groupdict().items()}) for m in written]
        assert found(timeexpr._WINDOW_RE_FOLDED.finditer(s.folded)) == lowered
    # As _find_year_modifiers: over the folded sentence only where that is its lower case ('ſ' folds to 's' but
    # lower-cases to itself); there the same spans, groups in lower case.
    if sentence.isascii() or not s.case_matters:
        written = timeexpr._YEAR_MODIFIER_RE.finditer(sentence)
        lowered = [(m.span(), {k: v and v.lower() for k, v in m.groupdict().items()}) for m in written]
        assert found(timeexpr._YEAR_MODIFIER_RE_FOLDED.finditer(s.folded)) == lowered


ANCHOR_FORMS = [
    (timeexpr._RATE_ANCHORS, timeexpr._RATE_ANCHOR_FORMS),
    (timeexpr._REFERENCE_ANCHORS, timeexpr._REFERENCE_ANCHOR_FORMS),
    (timeexpr._REFERENCE_ANCHORS_WRITTEN, timeexpr._REFERENCE_ANCHOR_FORMS_WRITTEN),
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(ANCHOR_WORDS + ["an", "a", "annual", "1st", "20", "third", "this", "Jul", "July",
                                                       "Sept.", "FYI", "every", "per"]),
                       st.sampled_from(SEPARATORS)), max_size=16),
    st.sampled_from([str, str.lower, str.upper, str.title]),
)
@example([("an", " "), ("annual", " "), ("a", " "), ("year", "")], str)
@example([("Sept.", " "), ("Sep", "\n"), ("June", " "), ("Jun.", "")], str)
def test_anchors_grouped_by_first_character_find_what_the_plain_alternation_finds(pieces, case) -> None:
    sentence = case("".join(word + separator for word, separator in pieces))
    for grouped, forms in ANCHOR_FORMS:
        plain = re.compile("|".join(forms))
        assert [m.span() for m in grouped.finditer(sentence)] == [m.span() for m in plain.finditer(sentence)]


def test_grouping_by_first_character_refuses_an_alternative_that_opens_with_a_class() -> None:
    with pytest.raises(ValueError):
        timeexpr._by_first_character(["1st", r"\d+th"])
    with pytest.raises(ValueError):
        timeexpr._by_first_character(["an", "a?b"])  # "a" is not the character that opens "a?b"


@pytest.mark.parametrize("text", [
    "Sales rose 5% in the fİrst quarter of 2023.",
    "Output fell earlİer this year.",
    "The plant has closed four sites over the paſt five yearſ.",
    "The Daİly bulletin is sent to 20,000 readers daİly.",
])
def test_letters_whose_lower_case_differs_are_read_like_their_ascii_twins(text):
    """'İ' matches 'i' in a caseless pattern but lower-cases to two characters; it must not crash
    the reading of the time phrase, and the phrase is quoted as written."""
    plain = text.replace("İ", "i").replace("ſ", "s")
    written = find_time_expressions(text, date(2024, 6, 5))
    expected = find_time_expressions(plain, date(2024, 6, 5))
    assert expected, "the plain sentence has a time phrase"
    assert [(t.start, t.end, t.window_start, t.window_end, t.period) for t in written] == \
        [(t.start, t.end, t.window_start, t.window_end, t.period) for t in expected]
    assert all(t.text == text[t.start:t.end] for t in written)
