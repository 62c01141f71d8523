"""Number grammar: values, ranges, rounding, hedges, currencies, shares and non-numbers."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.newsgen import REPORTING_PROSE, articles
from checker.extraction import numbers
from checker.extraction.numbers import NumberSpan, find_numbers
from tests.labels import CORPUS


def spans_by_text(sentence: str) -> dict[str, NumberSpan]:
    return {sentence[span.start : span.end]: span for span in find_numbers(sentence)}


def the_span(sentence: str, written: str) -> NumberSpan:
    found = spans_by_text(sentence)
    assert written in found, f"{written!r} not found in {sorted(found)}"
    return found[written]


# sentence, number as written, expected attributes
VALUES = [
    ("A total of about 10,000 soldiers are planned to be sent, of which 1,500 have already been sent.",
     "1,500", dict(value=1500, rounding=50)),
    ("A total of about 10,000 soldiers are planned to be sent.", "10,000", dict(value=10_000, rounding=5000)),
    ("North Korea has supplied about eight million shells since August of last year.",
     "eight million", dict(value=8e6, rounding=5e5, words=True)),
    ("The Times reported that North Korea supplies three million shells annually.",
     "three million", dict(value=3e6, rounding=5e5, words=True)),
    ("It has also sent 100 missiles and anti-tank weapons.", "100", dict(value=100, rounding=50)),
    ("The company paid 1,537 workers a bonus.", "1,537", dict(value=1537, rounding=0.5)),
    ("Unemployment fell to 6.4 in October.", "6.4", dict(value=6.4, rounding=0.05)),
    ("The ratio dropped to 0.65 from .5 a year ago.", ".5", dict(value=0.5, rounding=0.05)),
    ("Some 10 000 people marched in Paris.", "10 000", dict(value=10_000, rounding=5000)),
    ("Debt reached 1.2m households.", "1.2m", dict(value=1.2e6, rounding=5e4)),
    ("Investors pulled 3bn out of the fund.", "3bn", dict(value=3e9, rounding=5e8)),
    ("Investors pulled 3 bn out of the fund.", "3 bn", dict(value=3e9)),
    ("The race drew 10k runners and 500K spectators.", "10k", dict(value=10_000, rounding=5000)),
    ("The race drew 10k runners and 500K spectators.", "500K", dict(value=500_000)),
    ("Sales rose to 10.0 mln dlrs from 2 bln stg.", "10.0 mln dlrs", dict(value=1e7, rounding=5e4, currency="USD")),
    ("Sales rose to 10.0 mln dlrs from 2 bln stg.", "2 bln stg", dict(value=2e9, currency="GBP")),
    ("Exports reached 1.5 trln yen last year.", "1.5 trln yen", dict(value=1.5e12, currency="JPY")),
    ("The fund holds 2.5 million barrels.", "2.5 million", dict(value=2.5e6, rounding=5e4, words=True)),
    ("One hundred and twenty people were rescued.", "One hundred and twenty", dict(value=120, words=True)),
    ("Twenty-one tanks were destroyed.", "Twenty-one", dict(value=21, rounding=0.5, words=True)),
    ("A hundred volunteers and a million euros of aid arrived.", "A hundred", dict(value=100, words=True)),
    ("Half a million people fled the city.", "Half a million", dict(value=5e5, rounding=5e4, words=True)),
    ("Police arrested a dozen protesters.", "a dozen", dict(value=12, rounding=0.5, words=True)),
    ("Two and a half million people voted.", "Two and a half million", dict(value=2.5e6, rounding=2.5e5)),
    ("Temperatures fell to -3.5 overnight.", "-3.5", dict(value=-3.5, rounding=0.05)),
    ("Temperatures fell to minus 3 in Moscow.", "minus 3", dict(value=-3)),
    ("The contract runs for three mths.", "three", dict(value=3, words=True)),
    ("Output in Maharashtra rose to Rs 500 crore.", "Rs 500 crore", dict(value=5e9, currency="INR")),
    ("Nearly 2023 people signed the petition.", "2023", dict(value=2023, maybe_year=True)),
    ("The club has 1500 members.", "1500", dict(value=1500, maybe_year=True, rounding=50)),
    ("A mole holds 6.02 x 10^23 molecules.", "6.02 x 10^23", dict(value=6.02e23, maybe_year=False)),
    ("Light covers 3×10⁸ metres a second.", "3×10⁸", dict(value=3e8)),
]


def test_a_negative_power_of_ten_keeps_the_digits_written() -> None:
    span = the_span("An electron weighs 9.11×10−31 kilograms.", "9.11×10−31")
    assert span.value == 9.11e-31 and span.rounding == 5e-34


def test_a_times_sign_without_a_power_of_ten_is_two_numbers() -> None:
    assert set(spans_by_text("The squad ran 4 x 100 metres and 3 × 10 laps.")) == {"4", "100", "3", "10"}


@pytest.mark.parametrize("sentence, written, expected", VALUES)
def test_values_and_rounding(sentence: str, written: str, expected: dict) -> None:
    span = the_span(sentence, written)
    for name, value in expected.items():
        actual = getattr(span, name)
        if isinstance(value, float | int) and not isinstance(value, bool):
            assert actual == pytest.approx(value), name
        else:
            assert actual == value, name


CURRENCIES = [
    ("The company lost $2.5bn in the quarter.", "$2.5bn", 2.5e9, "USD"),
    ("It raised US$5m from investors.", "US$5m", 5e6, "USD"),
    ("Bonus up to €3,000 for new players.", "€3,000", 3000, "EUR"),
    ("The Treasury found £2bn of savings.", "£2bn", 2e9, "GBP"),
    ("Tickets cost ¥5,000 in Tokyo.", "¥5,000", 5000, "JPY"),
    ("Ottawa pledged C$3bn to the province.", "C$3bn", 3e9, "CAD"),
    ("Canberra pledged A$4bn to the states.", "A$4bn", 4e9, "AUD"),
    ("The bank lent USD 5 million to the utility.", "USD 5 million", 5e6, "USD"),
    ("The yacht was quoted at USD10m.", "USD10m", 1e7, "USD"),
    ("Heineken Malaysia rose 18 sen to RM23.50.", "RM23.50", 23.5, "MYR"),
    ("It became a PS8.1bn hostile takeover.", "PS8.1bn", 8.1e9, "GBP"),
    ("The flat is worth $US55,931,000 ($A82,615,680).", "$US55,931,000", 55_931_000, "USD"),
    ("The flat is worth $US55,931,000 ($A82,615,680).", "$A82,615,680", 82_615_680, "AUD"),
]


@pytest.mark.parametrize("sentence, written, value, currency", CURRENCIES)
def test_currency_symbols_and_codes(sentence: str, written: str, value: float, currency: str) -> None:
    span = the_span(sentence, written)
    assert span.value == pytest.approx(value)
    assert span.currency == currency


RANGES = [
    ("Between 2,000 and 3,000 troops are in training.", "2,000 and 3,000", 2000, 3000),
    ("An estimated 2,000-3,000 troops are in training.", "2,000-3,000", 2000, 3000),
    ("Some 2,000 to 3,000 troops are in training.", "2,000 to 3,000", 2000, 3000),
    ("The field holds 2-3 million barrels.", "2-3 million", 2e6, 3e6),
    ("Two to three million people fled.", "Two to three million", 2e6, 3e6),
    ("The deal is worth $2-3m.", "$2-3m", 2e6, 3e6),
    ("Support stands at 20-30% of voters.", "20-30%", 20, 30),
    ("Between 20% and 30% of voters are undecided.", "20% and 30%", 20, 30),
    ("Hundreds of people gathered outside.", "Hundreds", 100, 1000),
    ("Thousands of people gathered outside.", "Thousands", 1000, 10_000),
    ("Tens of thousands of people gathered outside.", "Tens of thousands", 10_000, 100_000),
    ("Hundreds of thousands of people fled.", "Hundreds of thousands", 100_000, 1_000_000),
    ("Dozens of people were injured.", "Dozens", 24, 144),
    ("A few hundred people stayed behind.", "A few hundred", 200, 1000),
    ("Several thousand people stayed behind.", "Several thousand", 3000, 10_000),
    ("Each visit lasts two or three hours.", "two or three", 2, 3),
    ("Ten or 15 boats were still at sea.", "Ten or 15", 10, 15),
]


@pytest.mark.parametrize("sentence, written, low, high", RANGES)
def test_ranges(sentence: str, written: str, low: float, high: float) -> None:
    span = the_span(sentence, written)
    assert (span.value, span.value_to) == (pytest.approx(low), pytest.approx(high))


def test_either_or_is_a_choice_not_a_range() -> None:
    assert set(spans_by_text("The fine is either 5 or 50 dollars.")) == {"5", "50"}


def test_range_keeps_percent_and_currency_of_either_end() -> None:
    assert the_span("Support stands at 20-30% of voters.", "20-30%").percent
    assert the_span("The deal is worth $2-3m.", "$2-3m").currency == "USD"


def test_from_to_is_a_change_not_a_range() -> None:
    found = spans_by_text("Membership rose from 3,000 to 4,000 last year.")
    assert set(found) == {"3,000", "4,000"}
    assert found["3,000"].value_to is None


def test_a_change_from_a_range_keeps_the_range_on_both_sides() -> None:
    found = spans_by_text("The bank cut its outlook from 4-6% to 2-3% on Friday.")
    assert {k: (v.value, v.value_to) for k, v in found.items()} == {"4-6%": (4, 6), "2-3%": (2, 3)}
    found = spans_by_text("Analysts moved the target from 10 to 12 per cent to 8 per cent.")
    assert {k: (v.value, v.value_to) for k, v in found.items()} == {"10 to 12 per cent": (10, 12), "8 per cent": (8, None)}


def test_percentage_points_do_not_join_a_percent_into_a_range() -> None:
    found = spans_by_text("Inflation rose 2 percentage points to 40 per cent.")
    assert found["2 percentage points"].percentage_points
    assert not found["2 percentage points"].percent
    assert found["40 per cent"].percent and found["40 per cent"].value == 40


@pytest.mark.parametrize(
    "sentence, written, value",
    [
        ("A 200% Deposit Bonus for new players.", "200%", 200),
        ("Turnout was 40 per cent.", "40 per cent", 40),
        ("Turnout was 40 percent.", "40 percent", 40),
        ("Turnout was 40 pct.", "40 pct.", 40),
        ("Turnout was forty per cent.", "forty per cent", 40),
    ],
)
def test_percent(sentence: str, written: str, value: float) -> None:
    span = the_span(sentence, written)
    assert span.percent and span.value == value and not span.percentage_points


SHARES = [
    ("Seven in ten voters backed the plan.", "Seven in ten", 70, "7/10"),
    ("One in five adults smokes.", "One in five", 20, "1/5"),
    ("Nearly 1 in 4 adults smokes.", "1 in 4", 25, "1/4"),
    ("Nine out of 10 doctors agreed.", "Nine out of 10", 90, "9/10"),
    ("Three-quarters of the budget goes on salaries.", "Three-quarters", 75, "3/4"),
    ("Half of the shells were faulty.", "Half", 50, "1/2"),
    ("A third of voters stayed home.", "A third", 100 / 3, "1/3"),
    ("The bill needs a two-thirds majority.", "two-thirds", 200 / 3, "2/3"),
    ("Add 1/8 of a teaspoon of salt.", "1/8", 12.5, "1/8"),
    ("Add 3\u20448 of a cup of milk.", "3\u20448", 37.5, "3/8"),
]


def test_a_slash_is_a_fraction_only_of_a_thing() -> None:
    assert spans_by_text("The helpline runs 24/7 and 3\u20448 of the cost is paid.") == {}


@pytest.mark.parametrize("sentence, written, value, fraction", SHARES)
def test_shares_are_percentages(sentence: str, written: str, value: float, fraction: str) -> None:
    span = the_span(sentence, written)
    assert span.percent
    assert span.value == pytest.approx(value)
    assert span.fraction_of == fraction


@pytest.mark.parametrize(
    "sentence",
    [
        "In the second half of the season the team improved.",
        "Growth slowed in the third quarter.",
        "It was a quarter century ago.",
    ],
)
def test_half_and_quarter_as_periods_are_not_shares(sentence: str) -> None:
    assert not [s for s in find_numbers(sentence) if s.fraction_of]


HEDGES = [
    ("about 3,000 soldiers", "about", "about"),
    ("around 3,000 soldiers", "about", "around"),
    ("some 3,000 soldiers", "about", "some"),
    ("roughly 3,000 soldiers", "about", "roughly"),
    ("approximately 3,000 soldiers", "about", "approximately"),
    ("an estimated 3,000 soldiers", "about", "an estimated"),
    ("nearly 3,000 soldiers", "nearly", "nearly"),
    ("almost 3,000 soldiers", "nearly", "almost"),
    ("close to 3,000 soldiers", "nearly", "close to"),
    ("just under 3,000 soldiers", "nearly", "just under"),
    ("more than 3,000 soldiers", "more than", "more than"),
    ("over 3,000 soldiers", "more than", "over"),
    ("in excess of 3,000 soldiers", "more than", "in excess of"),
    ("upwards of 3,000 soldiers", "more than", "upwards of"),
    ("at least 3,000 soldiers", "at least", "at least"),
    ("no fewer than 3,000 soldiers", "at least", "no fewer than"),
    ("up to 3,000 soldiers", "up to", "up to"),
    ("as many as 3,000 soldiers", "up to", "as many as"),
    ("at most 3,000 soldiers", "up to", "at most"),
    ("limited to 3,000 soldiers", "up to", "limited to"),
    ("fewer than 3,000 soldiers", "fewer than", "fewer than"),
    ("less than 3,000 soldiers", "fewer than", "less than"),
    ("under 3,000 soldiers", "fewer than", "under"),
    ("below 3,000 soldiers", "fewer than", "below"),
    ("~3,000 soldiers", "about", "~"),
]


@pytest.mark.parametrize("phrase, canonical, hedge", HEDGES)
def test_hedges(phrase: str, canonical: str, hedge: str) -> None:
    sentence = f"The ministry said {phrase} were deployed."
    span = the_span(sentence, "3,000")
    assert span.qualifier == canonical
    assert span.qualifier_start is not None
    assert sentence[span.qualifier_start : span.start].strip() == hedge


def test_hedge_before_currency_and_at_sentence_start() -> None:
    span = the_span("More than $5bn was pledged.", "$5bn")
    assert span.qualifier == "more than" and span.qualifier_start == 0


def test_word_ending_like_a_hedge_is_not_one() -> None:
    assert the_span("Clover 300 seeds were sown.", "300").qualifier is None


NOT_NUMBERS = [
    "The second batch of troops is preparing to leave.",
    "Sat. Oct 26th, 2024",
    "They meet on Monday, October 28, in Brussels.",
    "They met on 28 October and again on Oct. 28, 2024.",
    "The 21st century began, as did the twenty-first.",
    "The filing is dated 2024-10-26 and 10/26/2024.",
    "The meeting starts at 10:30, or 10 a.m., or 5pm.",
    "Call 1-800-268-7116, +44 20 7946 0958 or (555) 123-4567.",
    "Relatives can call the helpline on 028 9054 0540 or 0402 282 115.",
    "He invoked Article 4 and Section 427 under Chapter 11 and Resolution 2231.",
    "Flight MH17 and the F-16 and the A320 and a Boeing 737 flew past.",
    "The Covid-19 crisis hit the G7 and No. 10 on Route 66.",
    "Windows 11, iPhone 15, page 3, version 2.1 and Level 4 alerts.",
    "The deficit grew in 2023, since 2020, and will shrink by 2035.",
    "The data cover 2019-2022 and between 2019 and 2022 and the 2019-20 season.",
    "In the 1990s and in 2023's budget and in FY2024.",
    "Write to desk2024@example.org or see https://example.org/2024/10/26/story-100.",
    "The 4x4 stalled; 5G masts and 3D printers; open 24/7 since 9/11.",
    "Arsenal won 3-1 on Saturday.",
    "One of the soldiers said no one had a one-off plan; at one point, one day.",
    "The talks were held in mid-2023 and pre-2020.",
    "Sony sold the PS5 and the PS4 at 10.45pm and at 1.56 p.m.",
    "No one could say; the one thing is, one day, at one point, that one of them was one or another.",
]


@pytest.mark.parametrize("sentence", NOT_NUMBERS)
def test_not_numbers(sentence: str) -> None:
    assert spans_by_text(sentence) == {}


def test_year_range_dropped_but_count_range_kept() -> None:
    found = spans_by_text("From 2019-2022 the army sent 2,000-3,000 troops.")
    assert set(found) == {"2,000-3,000"}


def test_numbers_next_to_dates_survive() -> None:
    found = spans_by_text("In March 3,000 people marched, and on May 5 officials counted 40 arrests.")
    assert set(found) == {"3,000", "40"}


def test_units_glued_to_numbers_are_left_to_the_caller() -> None:
    found = spans_by_text("A 550km range, 40mph winds and a 3m-high wall.")
    assert {k: v.value for k, v in found.items()} == {"550": 550, "40": 40, "3": 3}


def test_seed_article_figures() -> None:
    text = (
        "According to the documents, a total of about 10,000 soldiers are planned to be sent to Russia, "
        "of which 1,500 have already been sent. Since August of last year, North Korea has supplied Russia "
        "with about eight million shells, 100 missiles, and anti-tank weapons. "
        "On Monday, October 28, Bloomberg said about 3,000 soldiers are in training."
    )
    spans = find_numbers(text)
    assert [text[s.start : s.end] for s in spans] == ["10,000", "1,500", "eight million", "100", "3,000"]
    assert [s.qualifier for s in spans] == ["about", None, "about", None, "about"]


def test_pathological_word_run_keeps_a_valid_prefix() -> None:
    text = "one hundred and one hundred and five"
    spans = find_numbers(text)
    assert spans and text[spans[0].start : spans[0].end] == "one hundred and one"
    assert spans[0].value == 101


# --- robustness ---------------------------------------------------------------

NEWSY = st.text(
    alphabet=st.sampled_from(list("0123456789 ,.-–%$€£~()/:#+@'abcdefghmnorstuvwxyABCMNOT\n")) , max_size=300
)
FRAGMENTS = st.lists(
    st.sampled_from(
        ["one", "hundred", "and", "a", "half", "million", "$", "2,000", "-", "to", "between", "about",
         "1.5", "bn", "%", "in", "ten", "2019", "Oct.", "28", ",", "  ", "minus", "3", "per cent", "of",
         "dozens", "three-quarters", "US$", "5m", "Article", "F-16", "10:30", "1-800", "(", ")", "~"]
    ),
    max_size=60,
).map(" ".join)


def assert_well_formed(text: str, spans: list[NumberSpan]) -> None:
    previous_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= previous_end, "spans overlap or are out of order"
        previous_end = span.end
        if span.qualifier_start is not None:
            assert 0 <= span.qualifier_start < span.start
        if span.value_to is not None:
            assert span.value < span.value_to


@settings(max_examples=300, deadline=None)
@given(st.one_of(NEWSY, FRAGMENTS))
def test_any_text_gives_well_formed_spans(text: str) -> None:
    assert_well_formed(text, find_numbers(text))


@pytest.mark.parametrize(
    "text",
    [
        "1" * 100_000,
        "one hundred and " * 50_000,
        "(" * 100_000 + ")" * 100_000,
        "." * 200_000,
        "#1" * 50_000,
        "1,000" * 40_000,
        "twenty-" * 30_000,
        "$" * 100_000 + "5",
        "a." * 100_000,
    ],
    ids=["digit-run", "word-run", "brackets", "dots", "hashes", "commas", "hyphens", "dollars", "dotted-letters"],
)
def test_adversarial_text_is_handled(text: str) -> None:
    assert_well_formed(text, find_numbers(text))


def test_long_digit_run_is_not_a_number() -> None:
    assert find_numbers("code " + "7" * 100_000 + " end") == []


def test_candidate_pass_is_linear() -> None:
    """The candidate regex finds a bounded number of matches per repeated unit of text."""
    unit = "About 3,000 soldiers, $2.5bn and seven in ten voters on Oct. 28, 2024. "
    small = sum(1 for _ in numbers._CANDIDATES.finditer(" " + unit * 100))
    large = sum(1 for _ in numbers._CANDIDATES.finditer(" " + unit * 3000))
    assert large == small * 30
    assert len(find_numbers(unit * 3000)) == 30 * len(find_numbers(unit * 100))


def test_a_lone_one_counts_only_what_follows_it() -> None:
    sentence = "You have one solution; it cost one dollar and took one year."
    assert [(sentence[s.start : s.end], s.value) for s in find_numbers(sentence)] == [("one", 1.0)] * 3
    assert find_numbers("One proposal asks the board to act.")[0].value == 1
    assert [s.value for s in find_numbers("One NATO member and one UN agency objected.")] == [1, 1]


def test_minus_and_sub_glued_with_a_hyphen() -> None:
    assert the_span("The offense was minus-5 yards.", "minus-5").value == -5
    sub = the_span("Chipmakers produce sub-7 nanometer ICs.", "7")
    assert (sub.value, sub.qualifier) == (7, "fewer than")


def test_glued_m_before_a_length_in_feet_is_metres() -> None:
    found = spans_by_text("The 37m (121ft)-long skeleton.")
    assert found["37"].value == 37
    assert the_span("The floor area is 32m2.", "32").value == 32


def test_range_from_is_a_spread_but_change_then_level_is_two_figures() -> None:
    spread = the_span("Prices range from $370,000 to $5.5 million.", "$370,000 to $5.5 million")
    assert (spread.value, spread.value_to) == (370_000, 5.5e6)
    found = spans_by_text("The deficit increased by $43.6 billion to $419.2 billion.")
    assert set(found) == {"$43.6 billion", "$419.2 billion"}
    found = spans_by_text("Shares rose 5% to 10% of the index.")
    assert set(found) == {"5%", "10%"}
    change = the_span("Temperatures dropped by 1 to 1.5 degrees.", "1 to 1.5")
    assert change.value_to == 1.5


# Figures right next to each follower the plain-figure fast path must leave to the full grammar.
FAST_PATH_EDGES = [
    "At 5 am, 5 a.m., 5 AM, 5 pm, 5 p.m. and 5 o'clock.", "Since 1400 hrs and 1400 GMT.",
    "On 28 of October and 28 October, 2024.", "Three 3 in 10, 1 out of 5, 1 Out of 5, 3 ın 10.",
    "A 3 half, 2 thirds, 2 tenths, 3 quarters, 4 fifths, 5 sixths, 7 eighths, 3 fıfths, 3 Quarters.",
    "Call 555.123 4567 or 028 9054 0540 or 555 123 4567.", "At 10.45 pm and 10.45 am.",
    "The F-16 jets, 1,500 people, 2.5 per cent, 40%, 12; 7) and 3, then 9",
    "Mail 2024news@example.org or 3 persons at 1,000 tonnes and 2.5 hours, 7 in total.",
    "Items 1,0000 and 1,000,00 and 2.5.6 and 24/7 and 3x4 and 21st and 1990s and 3D.",
    "At 35C, 2.5bn, 10km/h, 5pm, 5AM, 10.45pm, 1400GMT, 1400hrs, 2nd, 3RD, 80s, 5G, 4x4 and 32m2.",
    "A 550-kilometre line, 3-quarters, 2-thirds, 1-half, a 50-year-old, 2024-news@example.org and 7-x@y.z.",
    "Since 2013. In 1.5. At 2.5.6. and 1,500.7.x 10.45.am 5.pm 3.x@y.z 4.-x@y.z 6.+x@y.z 7..x@y.z 8.'90s 9. 10.",
    "Call 555.123.4567 or 0.5.2 or 12.2024 or 1.2.3.4 or 1.500. Or 2.D 3.G 4.x4 or 21.st. The end: 40.",
    "In 2023 The board, 40 Democrats, 5 In 10, 3 Out of 5, 3 OUT of 5, 5 AM, 5 A.M., 5 PM, 5 O'clock, 5 O’clock.",
    "On 28 October, 28 Oct. 2024, 28 Sept 3, 12 May, 1400 GMT, 1400 CEST, 1400 EST, 3 Thirds, 3 THIRD, 2 Halves.",
    "Then 7 Eighths, 3 Tenths, 3 Fifths, 2 Sixths, 3 Quarters, 3 İn 10, 3 Kelvin, 9 Zed, 2 Fıfths and 1 Xmas.",
    "About 2,000 have left, 3 has gone, 4 had, 2 half, 2 HALF, 2 hALF, 1400 hrs, 1400 hRs, 2 haLves, 2 hıgh.",
    "One 1 of the 28 of October, 28 of  Oct, 5 of May, 3 of Mayors, 3 of  the, 2 ofOct and 1 of\tJan 5.",
    "At 2.5bn. Then 3bn.x@y.z, 4km.'s, 5a.m. 6p.m., 7pm., 8kg.. 9m.5, 10bn.-x@y.z, 11bn.+1 and 12bn.",
]


@pytest.mark.parametrize("sentence", FAST_PATH_EDGES)
def test_plain_figure_fast_path_changes_no_match(sentence: str) -> None:
    full = numbers.re.compile(numbers._CANDIDATES.pattern.replace(numbers._FAST_PATH, ""), numbers.re.VERBOSE)
    text = " " + sentence

    def matches(pattern) -> list:
        return [(m.span(), m.lastgroup, m.groups()) for m in pattern.finditer(text)]

    assert matches(numbers._CANDIDATES) == matches(full)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" 0123456789,.%;)-:/@apmofuinhrtqseidgkCDGMNOPT'", max_size=40))
def test_plain_figure_fast_path_changes_no_match_on_any_text(sentence: str) -> None:
    test_plain_figure_fast_path_changes_no_match(sentence)


# Figures before the words the fast path now takes (capitals, "of", "has", glued units and a stop)
# and those it must leave to the full grammar, in any case and spacing.
_FOLLOWERS = [
    "The", "Democrats", "In", "Out", "OUT", "AM", "A.M.", "P.m.", "O'clock", "October", "Oct.", "Sept", "May",
    "Mayors", "GMT", "CEST", "Thirds", "HALF", "haLves", "Tenth", "İn", "Fıfth", "of", "has", "have", "had",
    "hrs", "hRs", "bn.", "km.", "a.m.", "pm.", "x@y.z", "2024", "the", "Kelvin", "Zed",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_FOLLOWERS), st.text(alphabet="0123456789,. .-'@", max_size=6)), max_size=8))
def test_plain_figure_fast_path_changes_no_match_before_any_word(pieces: list[str]) -> None:
    test_plain_figure_fast_path_changes_no_match(" ".join(pieces))
    test_plain_figure_fast_path_changes_no_match("".join(pieces))


def test_plain_figure_fast_path_changes_no_match_in_the_fixture_articles() -> None:
    """Real reporting, line by line: dates, times, phones and figures at every sentence end."""
    lines = [line for path in sorted(CORPUS.iterdir()) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 500
    for line in lines:
        test_plain_figure_fast_path_changes_no_match(line)


def _plain_starts() -> numbers.re.Pattern[str]:
    """The words that may begin a match as a plain alternation, one class per first character."""
    plain = "|".join(f"[{numbers.re.escape(firsts)}](?:{rest})" for firsts, rest in numbers._STARTS)
    return numbers.re.compile(f"(?:{plain})")


@pytest.mark.parametrize("sentence", [
    "The 3 iPhone, iPad, İnterstate 5, ſeven, Kelvin, ARTICLE 4, art. 5, Art 6, § 7, p. 8 and pp. 9.",
    "US$5, U.S.$6, C$7, A$8, S$9, R$1, USD10m, usd 5, RM23.50, Rp 500, RMB5, PS12, PS5, PS1.5, Rs. 40 and Rs 50.",
    "An eighth, a few, a  hundred, an ſixth, HTTPS://x, http://y, www.z, Sept. 3, Jan 4, January, Model 3.",
    "the thousand thousands trillions zero one two twelve twenty half several minus dozens lakh crores",
])
def test_first_character_dispatch_accepts_what_the_plain_alternation_does(sentence: str) -> None:
    dispatch, plain = numbers.re.compile(numbers._LETTER_STARTS), _plain_starts()
    for start in range(len(sentence)):
        assert (dispatch.match(sentence, start) is None) == (plain.match(sentence, start) is None), sentence[start:]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" .$0123456789aAnNtTsSiIİıſKkpPrRwWhHuUmMbBeEjJcCdDlLoOvVzZ", max_size=30))
def test_first_character_dispatch_accepts_what_the_plain_alternation_does_on_any_text(sentence: str) -> None:
    test_first_character_dispatch_accepts_what_the_plain_alternation_does(sentence)


# --- the gate before the scan: a text it turns away holds no figure -------------------------

# Every kind of match ``find_numbers`` reads, reviewed against ``_MAY_HOLD_NUMBER``: a digit
# or a gate word is in each ("skip" and "skip_word" give no figure, so they need neither).
GATED_GROUPS = {
    "skip", "skip_word", "ratio", "ratio_num", "ratio_den", "fraction", "fraction_num", "fraction_joint",
    "fraction_den", "fraction_of", "slash", "slash_num", "slash_den", "half", "vague", "vague_outer",
    "vague_plural", "few", "few_word", "few_scale", "number", "currency", "sign", "digits", "exponent", "power",
    "scale_word", "scale_abbr", "words", "wire", "points", "percent",
}


def test_gate_was_reviewed_for_every_group_of_the_grammar() -> None:
    """A new alternative of ``_CANDIDATES`` must be checked against the gate, then added here."""
    assert set(numbers._CANDIDATES.groupindex) == GATED_GROUPS


def _grammar_reads_a_figure(sentence: str) -> bool:
    return any(m.lastgroup not in ("skip", "skip_word") for m in numbers._CANDIDATES.finditer(" " + sentence))


def _gate_passes(sentence: str) -> bool:
    return numbers._MAY_HOLD_NUMBER.search((" " + sentence).lower()) is not None


GATE_EDGES = [
    "About 10,000 soldiers.", "Eight million shells.", "A dozen eggs and half a million people.", "Half of them.",
    "A third of the rest.", "A dozen eggs.", "Seven in ten voters, one out of five.", "Hundreds of thousands.",
    "Several thousand and a few hundred.", "Three-quarters of it.", "Minus five degrees.", "$ five million",
    "ſix people", "SİX people", "sıx people", "Thouſands of them.", "MİLLİONS", "Twenty-one guns.",
    "٣ people and ३ more", "𝟑 people", "1/16 of a pint", ".5 of it", "−3 degrees", "Rs five lakh", "one US soldier",
    "TEN", "(555) 123-4567", "#1", "'90s", "§ 7", "Lakhs and crores of rupees.", "Dozens of people.",
    "Millions of them.", "eleven", "nineteen", "ninety-nine",
]


@pytest.mark.parametrize("sentence", GATE_EDGES)
def test_gate_passes_every_text_the_grammar_reads_a_figure_in(sentence: str) -> None:
    if _grammar_reads_a_figure(sentence):
        assert _gate_passes(sentence), sentence


@pytest.mark.parametrize("sentence", [
    "Bloomberg reported this on Friday, citing documents from South Korean intelligence.",
    "Someone often writes tenses and halfway prose; money, phones and attention are not numbers.",
])
def test_gate_turns_away_prose_without_a_figure(sentence: str) -> None:
    assert not _gate_passes(sentence)
    assert find_numbers(sentence) == []


def _grammar_vocabulary() -> set[str]:
    """Every word in the grammar module's word lists and tables, whatever list it is in."""
    words: set[str] = set()
    for value in vars(numbers).values():
        if isinstance(value, dict):
            value = [*value, *(v for v in value.values() if isinstance(v, (str, list)))]
        if isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                for entry in item if isinstance(item, list) else [item]:
                    if isinstance(entry, str):
                        words.update(numbers.re.findall(r"[A-Za-z]+", entry))
    return words


GATE_TEMPLATES = ["{} people", "a {} of them", "{} of the", "one {}", "{} in ten", "one in {}", "several {}",
                  "{} of thousands", "a {}", "a few {}", "half a {}", "two-{}", "$ {}"]


def test_gate_passes_every_word_of_the_grammar_that_reads_as_a_figure() -> None:
    vocabulary = _grammar_vocabulary()
    assert {"half", "dozen", "eight", "thousands", "third"} <= vocabulary
    for word in sorted(vocabulary):
        for spelled in (word, word.lower(), word.title(), word.upper()):
            for template in GATE_TEMPLATES:
                sentence = template.format(spelled)
                if _grammar_reads_a_figure(sentence):
                    assert _gate_passes(sentence), sentence


_GATE_PIECES = numbers._GATE_WORDS + [
    "a", "an", "and", "in", "of", "out", "the", "few", "several", "minus", "often", "someone", "Half", "TENS",
    "ſ", "ı", "İ", "K", "0", "7", "٣", "$", "€", "%", "-", "−", ".", ",", "/", "(", "#", "'", "§", "+", "x",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GATE_PIECES), st.sampled_from([" ", "", "-", "  ", "\n"])), max_size=8))
def test_gate_passes_every_text_the_grammar_reads_a_figure_in_on_any_text(pieces: list[tuple[str, str]]) -> None:
    sentence = "".join(piece + joint for piece, joint in pieces)
    if _grammar_reads_a_figure(sentence):
        assert _gate_passes(sentence), sentence


def test_gate_lower_cases_every_letter_the_grammar_folds_to_ascii_or_falls_back() -> None:
    """Case-insensitive matching takes "ſ" for "s": a gate word written with such a letter is not
    found in the lower-cased text, so the gate lets its sentence through on the letter itself."""
    ascii_letter = numbers.re.compile(r"(?i:[a-z])")
    for code in range(0x110000):
        char = chr(code)
        if ascii_letter.fullmatch(char) and not (char.lower().isascii() and char.lower().isalpha()):
            assert any(folded in numbers._FOLDED_AWAY for folded in char.lower()), hex(code)


# --- the same gate on ASCII text, done on its bytes ------------------------------------------


def _ascii_gate_passes(sentence: str) -> bool:
    return numbers._ascii_may_hold_number(" " + sentence)


def _agrees_with_the_gate(sentence: str) -> None:
    """The bytes test lets through every ASCII text the pattern does; without a "_" they agree."""
    if not sentence.isascii():
        return
    if "_" in sentence:
        assert _ascii_gate_passes(sentence) or not _gate_passes(sentence), sentence
    else:
        assert _ascii_gate_passes(sentence) == _gate_passes(sentence), sentence


@pytest.mark.parametrize("sentence", GATE_EDGES + [
    "Bloomberg reported this on Friday, citing documents.", "TEN_ and _ten and ten_ and x_ten", "ten_", "_ten",
    "Tens, TWENTY-ONE; thirds.", "halfway, money, someone, often, attention", "HUNDREDS\tof\nthousands",
])
def test_ascii_gate_agrees_with_the_gate(sentence: str) -> None:
    _agrees_with_the_gate(sentence)


_ASCII_GATE_PIECES = [piece for piece in _GATE_PIECES if piece.isascii()] + ["_", "ten_", "_six", "Ten", "tEn", "@"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_ASCII_GATE_PIECES), st.sampled_from([" ", "", "-", "  ", "\n", "_"])),
                max_size=8))
def test_ascii_gate_agrees_with_the_gate_on_any_text(pieces: list[tuple[str, str]]) -> None:
    _agrees_with_the_gate("".join(piece + joint for piece, joint in pieces))


def test_ascii_gate_agrees_with_the_gate_on_every_word_of_the_grammar_and_the_fixture_articles() -> None:
    for word in sorted(_grammar_vocabulary()):
        for spelled in (word, word.lower(), word.title(), word.upper()):
            for template in GATE_TEMPLATES:
                _agrees_with_the_gate(template.format(spelled))
    for path in sorted(CORPUS.iterdir()):
        for line in path.read_text(encoding="utf-8").splitlines():
            _agrees_with_the_gate(line)


# --- dated digits: a sentence whose only digits are dates skips the scan ---------------------


def _dated(sentence: str) -> bool:
    """``_only_dated_digits`` as ``find_numbers`` asks it."""
    text = " " + sentence
    if not text.isascii():
        return False
    data = text.encode()
    marks = data.translate(numbers._DIGIT_MARKS)
    digit = marks.find(b"0")
    return digit != -1 and numbers._only_dated_digits(text, data, marks, digit)


def _scanned(sentence: str) -> list[NumberSpan]:
    """``find_numbers`` with the scan run on every sentence."""
    with mock.patch.object(numbers, "_only_dated_digits", lambda *args: False):
        return find_numbers(sentence)


def _dated_agrees_with_the_scan(sentence: str) -> None:
    """A sentence the test turns away is one the scan finds no figure in."""
    if _dated(sentence):
        assert _scanned(sentence) == [], sentence
    assert find_numbers(sentence) == _scanned(sentence), sentence


DATED = [
    "Pavel Horak met counterparts in Madrid on Thursday, March 6, to discuss the reform.",
    "It was the latest such meeting between India and China in Tokyo since 2001.",
    "Talks began on Oct. 28, 2024 and resumed on Sept. 5th; they had stalled since 2019.",
    "In 2019, and again in May 2023, the office moved (as planned by 2020) from Lyon to Paris before 2021",
    "The Jan 3 vote was held during 1999; it was cancelled until June 30.",
]
NOT_DATED = [
    "since 2013%", "since 2013 bn.", "since 2013 per cent.", "since 2013, 5 people", "since 2213.", "since 999.",
    "since 20135.", "since 2013-14.", "since 2013.5", "since 2013 and", "since 2013,000", "(since 2013).",
    "since  2013.", "Since 2013 five people", "Article 5 since 2013.", "March 66.", "March 2023-24", "March, 2023",
    "on 6 March", "minus 2013.", "Year 2013.", "No 2013.", "Boeing No. 747", "since\n2013.", "SINCE 2013.",
    "since 2013 m", "in May 2023, 12 people", "March 6 half of them", "Marchx 6", "by 1999)5",
]


@pytest.mark.parametrize("sentence", DATED)
def test_sentences_whose_digits_are_all_dates_skip_the_scan(sentence: str) -> None:
    assert _dated(sentence), sentence
    assert _scanned(sentence) == []
    assert find_numbers(sentence) == []


@pytest.mark.parametrize("sentence", NOT_DATED)
def test_a_digit_outside_the_date_forms_takes_the_scan(sentence: str) -> None:
    assert not _dated(sentence), sentence
    assert find_numbers(sentence) == _scanned(sentence)


def test_dating_words_date_a_year() -> None:
    for word in numbers._DATING_WORDS:
        text = f" {word} "
        assert numbers._YEAR_CONTEXT_BEFORE.search(text, 0, len(text)), word


def test_dated_digits_agree_with_the_scan_over_the_fixtures_and_generated_articles() -> None:
    lines = [line for path in sorted(CORPUS.iterdir()) for line in path.read_text(encoding="utf-8").splitlines()]
    for prose in (0.0, REPORTING_PROSE):
        for row in articles(300, prose=prose):
            lines.extend(row["text"].splitlines())
    sentences = [part for line in lines for part in line.split(". ")]
    assert sum(map(_dated, sentences)) > 300  # the forms are common in reporting
    for sentence in sentences:
        _dated_agrees_with_the_scan(sentence)


# Sentences made of a word, digits and what follows them, the words and followers those the
# forms turn on: a sentence the test turns away must be one the scan reads no figure in.
_WORDS_BEFORE = sorted(numbers._MONTH_FORMS) + sorted(numbers._DATING_WORDS) + [
    "SINCE", "(since", "minus", "Year", "No", "No.", "Article", "USD", "Rs", "five", "half", "the", "of", "out of",
    "in ten", "$", "US$", "a few", "Marchx", "-", "#",
]
_DIGITS = ["6", "06", "31", "32", "1", "2013", "1999", "2199", "2200", "999", "20135", "12345"]
_AFTER_DIGITS = [
    "", ".", ",", ";", ")", ":", " bn", " per cent", " percent", "%", " m", "m", "-14", ".5", ",000", "th", "'s", "s",
    " GMT", " hrs", " x 10^3", ", 2024", " 2024", " and", " to 5", "/7", "@x.org", " in ten", " million", " of the",
]


_JOINTS = [" ", ", ", " then ", "  ", "\n", " with five ", " half of "]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS_BEFORE), st.sampled_from(_DIGITS), st.sampled_from(_AFTER_DIGITS),
                          st.sampled_from(_JOINTS)), min_size=1, max_size=4))
def test_dated_digits_agree_with_the_scan_on_any_text(chunks: list[tuple[str, str, str, str]]) -> None:
    _dated_agrees_with_the_scan("".join(f"{word} {digits}{after}{joint}" for word, digits, after, joint in chunks))


@pytest.mark.parametrize("before", ["in", "Since", "BY", "of the  year", "The Year", "end of", "Beginning\nof", "mid",
                                    "inn", "sin", "the", "bye", "(in", ".in", "_in", "fiscal", "FALL"])
@pytest.mark.parametrize("spaces", [" ", "   ", "    ", "\n"])
def test_year_context_on_lower_cased_ascii_text_is_the_case_blind_pattern(before: str, spaces: str) -> None:
    text = f" It was {before}{spaces}"
    blind = numbers._YEAR_CONTEXT_BEFORE.search(text, 0, len(text)) is not None
    assert numbers._year_context_before(text, len(text), text.lower()) == blind
    assert numbers._year_context_before(text, len(text), None) == blind
