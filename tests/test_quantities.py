"""Units and counted items attached to numbers (checker/extraction/quantities.py)."""

import pytest

from checker.extraction import quantities
from checker.extraction.quantities import find_mentions, singular


def only(sentence):
    mentions = find_mentions(sentence)
    assert len(mentions) == 1, [sentence[m.start:m.end] for m in mentions]
    return mentions[0]


def spans(sentence):
    return [sentence[m.start:m.end] for m in find_mentions(sentence)]


def test_the_canonical_shell_claims_count_shells_and_keep_the_hedge_apart():
    sentence = "North Korea has supplied about eight million shells since August of last year."
    mention = only(sentence)
    assert sentence[mention.start:mention.end] == "eight million shells"
    assert (mention.value, mention.unit, mention.item, mention.qualifier) == (8e6, None, "shell", "about")
    assert mention.approximate_words
    assert only("North Korea supplies three million shells annually.").item == "shell"


def test_nationality_modifiers_are_not_part_of_the_item_and_a_bare_number_has_none():
    sentence = "Pyongyang plans to send 10,000 North Korean soldiers, of which 1,500 have already been sent."
    soldiers, sent = find_mentions(sentence)
    assert soldiers.item == "soldier" and soldiers.value == 10_000
    assert sentence[soldiers.start:soldiers.end] == "10,000 North Korean soldiers"
    assert sent.value == 1500 and sent.item is None


@pytest.mark.parametrize(
    ("sentence", "item"),
    [
        ("The ministry said 1,500 new homes were damaged.", "home"),
        ("Kyiv asked for 100 missiles and more air defence.", "missile"),
        ("The package includes 2,000 anti-tank weapons for the front.", "anti-tank weapon"),
        ("Police said 13 people were injured in the blast.", "people"),
        ("About 700 heart transplants have been performed there.", "heart transplant"),
        ("Rescuers found 40 children in the rubble.", "child"),
        ("The firm has 3,000 employees, a spokesman said.", "employee"),
    ],
)
def test_counted_items_are_singular_noun_phrases(sentence, item):
    assert only(sentence).item == item


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("Russia plans a 550-kilometre pipeline to the coast.", "550-kilometre pipeline", 550, "kilometer"),
        ("The border runs for 550 kilometres through forest.", "550 kilometres", 550, "kilometer"),
        ("Engineers finished the 4,000-foot bridge in May.", "4,000-foot bridge", 4000, "foot"),
        ("A 90,000-kilogram whale washed ashore.", "90,000-kilogram whale", 90_000, "kilogram"),
        ("Trains will run at 120 km/h on the new line.", "120 km/h", 120, "kilometer_per_hour"),
        ("The limit was cut to 70 mph last year.", "70 mph", 70, "mile_per_hour"),
        ("Net profit was 10.0 mln dlrs in the quarter.", "10.0 mln dlrs", 1e7, "USD"),
        ("The bank lent 2 bln stg to the group.", "2 bln stg", 2e9, "GBP"),
        ("The EU pledged 5 billion euros in loans.", "5 billion euros", 5e9, "EUR"),
        ("Players can win up to €3,000 in prizes.", "€3,000", 3000, "EUR"),
        ("The deal is worth £2bn to the Treasury.", "£2bn", 2e9, "GBP"),
        ("Turnout reached 40 per cent in the capital.", "40 per cent", 40, "percent"),
        ("The truce lasted three mths before it collapsed.", "three mths", 3, "month"),
        ("Paris hit 35C on Tuesday.", "35C", 35, "degree_Celsius"),
        ("Madrid reached 35°C by noon.", "35°C", 35, "degree_Celsius"),
        ("Phoenix recorded 95 degrees Fahrenheit at dusk.", "95 degrees Fahrenheit", 95, "degree_Fahrenheit"),
        ("Kyiv woke up to minus 10C on Monday.", "minus 10C", -10, "degree_Celsius"),
        ("Oil traded at $58.24 per barrel on Friday.", "$58.24 per barrel", 58.24, "USD / oil_barrel"),
        ("The refinery processes 52,000 bpd of crude.", "52,000 bpd of crude", 52_000, "oil_barrel"),
        ("Heineken Malaysia rose 18 sen on the day.", "18 sen", 18, "sen"),
        ("Passengers paid a total of HK $216,925 for the flights.", "HK $216,925", 216_925, "HKD"),
        ("The probe travelled hundreds of miles into space.", "hundreds of miles", 100, "mile"),
    ],
)
def test_units_written_after_or_before_the_number(sentence, text, value, unit):
    mention = only(sentence)
    assert sentence[mention.start:mention.end] == text
    assert mention.value == pytest.approx(value)
    assert mention.unit == unit


def test_measured_things_take_their_item_from_of():
    sentence = "Saudi Arabia pumps 3.5 million barrels of crude a day."
    mention = only(sentence)
    assert (mention.unit, mention.item) == ("oil_barrel", "crude oil")
    assert sentence[mention.start:mention.end] == "3.5 million barrels of crude"


def test_pounds_are_money_only_with_a_pound_sign_or_sterling():
    assert only("The boxer weighed 200 pounds before the fight.").unit == "pound"
    assert only("She paid £500 pounds for the ticket.").unit == "GBP"
    assert only("The fund returned 5 million pounds sterling.").unit == "GBP"


def test_an_age_is_a_duration_adjective_with_its_item():
    mention = only("A 50-year-old man was arrested on Friday.")
    assert (mention.unit, mention.item) == ("year", "man")


def test_a_span_of_past_years_is_a_window_even_as_an_estimate():
    assert spans("Over the past two or three years the plant shed 400 jobs.") == ["400 jobs"]


def test_an_age_after_then_or_now_is_still_an_age():
    mention = only("The then-34-year-old mayor resigned in March.")
    assert (mention.value, mention.unit, mention.item) == (34, "year", "mayor")
    mention = only("She carried her now-18-month-old son out of the flat.")
    assert (mention.value, mention.unit, mention.item) == (18, "month", "son")


@pytest.mark.parametrize(
    "sentence",
    [
        "Shares were up 5% in early trade.",
        "Exports fell by 3 percent last month.",
        "The index rose 2 percentage points on the week.",
        "Sales suffered a 7% drop in March.",
        "Nintendo plunged 4.28 percent in Tokyo.",
        "Shipping rates soar 40% as the canal stays shut.",
        "Shares soaring 12% lifted the index.",
    ],
)
def test_changes_are_marked_as_differences(sentence):
    assert only(sentence).is_change


def test_levels_after_to_are_not_changes():
    sentence = "Revenue in the quarter rose to $7.36 billion."
    assert not only(sentence).is_change
    assert only("Unemployment stood at 4 percent in May.").is_change is False
    assert only("The defence gave up 517 rushing yards.").is_change is False


def test_percentage_points_are_their_own_unit():
    mention = only("Support for the party fell 2 percentage points.")
    assert mention.unit == "percentage_point" and mention.is_change


def test_years_are_dropped_unless_a_unit_or_plural_item_follows():
    assert spans("The plant opened in 2019 and employs staff.") == []
    assert spans("Some 1500 soldiers crossed the river.") == ["1500 soldiers"]
    assert spans("The ship carried 2000 tonnes of grain.") == ["2000 tonnes of grain"]


def test_numbers_inside_names_and_addresses_are_not_quantities():
    assert spans("The S&P 500 gained 1% on Monday.") == ["1%"]
    assert spans("The shop at 575 Wilbraham Road has closed.") == []
    assert spans("The iPhone 11 Pro costs $999.") == ["$999"]
    assert spans("The firm leased 120 W 57th Street for $40 million.") == ["$40 million"]
    assert spans("Qantas flies the 787 Dreamliner to 14 cities.") == ["14 cities"]


@pytest.mark.parametrize(
    ("sentence", "text", "item"),
    [
        ("The court named a 12-member panel on Tuesday.", "12-member", "member"),
        ("She sank a three-point shot at the buzzer.", "three-point", "point"),
        ("Fire gutted the 10-storey block overnight.", "10-storey", "storey"),
    ],
)
def test_a_noun_hyphened_to_a_number_is_what_it_counts(sentence, text, item):
    mention = only(sentence)
    assert (sentence[mention.start:mention.end], mention.unit, mention.item) == (text, None, item)


def test_a_multiplier_or_adjective_hyphened_to_a_number_is_not_what_it_counts():
    assert only("Output rose 10-fold after the reform.").item is None
    assert only("A 5,000-strong crowd waited outside.").item != "strong"


def test_a_suspended_hyphen_shares_the_noun_written_last():
    sentence = "The estate offers two-, three- and four-bedroom homes."
    assert [(m.value, m.item) for m in find_mentions(sentence)] == [(2, "bedroom"), (3, "bedroom"), (4, "bedroom")]
    sacks = find_mentions("Farmers sell 10- and 25-kilogram sacks of rice.")
    assert [(m.value, m.unit) for m in sacks] == [(10, "kilogram"), (25, "kilogram")]


@pytest.mark.parametrize(
    ("sentence", "item"),
    [
        ("Clinics ran 2,000 COVID-19 tests on Monday.", "test"),
        ("The carrier ordered 12 A350 jets last year.", "jet"),
        ("The carrier parked three new 737 MAX planes at the airport.", "plane"),
    ],
)
def test_a_name_with_a_number_modifies_the_counted_noun(sentence, item):
    assert only(sentence).item == item


def test_coordinated_modifiers_share_the_noun_they_modify():
    assert only("The album sold 80,000 digital and physical copies.").item == "copy"
    assert only("Officials reported 300 military and civilian deaths.").item == "death"
    assert [m.item for m in find_mentions("She won 2 gold and 3 silver medals.")] == ["gold", "silver medal"]


def test_us_the_country_is_not_us_the_pronoun():
    assert only("Officials said 3 US soldiers were wounded.").item == "soldier"
    assert only("Give us 5 minutes.").item is None
    assert only("The strike killed 12 U.S. troops.").item == "soldier"  # troops are soldiers in the lexicon
    assert only("It sold 300 U.K. homes.").item == "home"


def test_a_verb_after_and_is_not_a_coordinated_noun():
    mentions = find_mentions("The bottle holds 12 fluid ounces of water and weighs 3 ounces.")
    assert [(m.unit, m.item) for m in mentions] == [("fluid_ounce", "water"), ("ounce", None)]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The school is a quarter of a mile from the river.", 0.25, "mile"),
        ("Only a tenth of an inch of rain fell in May.", 0.1, "inch"),
        ("Stir in 1/8 of a US gallon of water.", 0.125, "gallon"),
    ],
)
def test_a_fraction_of_a_unit_measures_in_that_unit(sentence, value, unit):
    mention = only(sentence)
    assert (mention.value, mention.unit) == (value, unit)


def test_us_measures_are_the_registry_units():
    assert [m.unit for m in find_mentions("Pour 2 US pints into 1 US gallon, then one US fluid ounce.")] == [
        "pint", "gallon", "fluid_ounce"]


def test_a_fraction_of_a_thing_is_still_a_share():
    mention = only("A quarter of the budget goes on salaries.")
    assert (mention.value, mention.unit) == (25, "percent")


def test_words_after_the_noun_end_the_item():
    assert only("The 550-kilometre pipeline carries gas to Europe.").item == "pipeline"
    assert only("No red cards, but 19 fouls proves it was feisty.").item == "foul"
    assert only("The army destroyed 500 tanks destroyed by drones.").item == "tank"


def test_singular_uses_the_lexicon_irregulars():
    assert [singular(w) for w in ["people", "children", "batteries", "boxes", "buses", "heroes", "shoes"]] == [
        "people", "child", "battery", "box", "bus", "hero", "shoe"
    ]


@pytest.mark.parametrize(
    ("sentence", "written", "unit"),
    [
        ("Ben-Moshe has raised 280 million of the 1.5 billion shekels he needs.", "280 million", "ILS"),
        ("Growth will slow from 4.8 to 4.7 percent in 2019.", "4.8", "percent"),
        ("He dropped from 208 pounds to 193 by exercising.", "193", "pound"),
        ("Mileage rose from about 14-18 mpg to 24 for SUVs.", "24", "mile / gallon"),
    ],
)
def test_a_bare_figure_beside_a_measured_one_shares_its_unit(sentence, written, unit):
    found = {sentence[m.start:m.end]: m for m in find_mentions(sentence)}
    assert found[written].unit == unit


def test_a_bare_figure_does_not_borrow_a_unit_whose_scale_it_lacks():
    sentence = "Revenue should increase from 24.2 to 33-35 billion euros."
    first = find_mentions(sentence)[0]
    assert (sentence[first.start:first.end], first.unit) == ("24.2", None)


def test_ranks_are_not_counts_but_top_three_seeds_are_seeds():
    assert spans("The side slipped towards the bottom three during a run of seven games.") == ["seven games"]
    assert only("The top three seeds are still playing.").item == "seed"
    assert spans("Thompson tied Game 7 at the buzzer.") == []


@pytest.mark.parametrize(
    ("sentence", "item"),
    [
        ("He has appeared in eight straight World Cups.", "Cup"),
        ("Kunlun had data on millions of Americans.", "American"),
        ("One proposal asks the board to stop.", "proposal"),
    ],
)
def test_counted_items_after_modifiers_names_and_one(sentence, item):
    assert only(sentence).item == item


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("A high of 12 C. is expected.", "degree_Celsius"),
        ("Set it to 70 degrees f tonight.", "degree_Fahrenheit"),
        ("It was 6 deg c at dawn.", "degree_Celsius"),
        ("The beam reached 3.5 TeV.", "teraelectron_volt"),
        ("The scan gave 14 mGy.", "milligray"),
        ("It will join the 50 previous years of programming.", "year"),
        ("The fine was $US12,380,209.", "USD"),
        ("The share price rose to RM2.70.", "MYR"),
    ],
)
def test_more_unit_spellings(sentence, unit):
    assert only(sentence).unit == unit


def test_a_spaced_capital_c_is_celsius_only_at_the_end_of_the_figure():
    assert only("Temperatures rose to 12 C on Monday.").unit == "degree_Celsius"
    assert only("She bought 12 C batteries.").unit is None


@pytest.mark.parametrize(
    ("sentence", "figure", "unit", "value"),
    [
        ("She won the 200m sprint in Paris.", "200m", "meter", 200),
        ("They took gold in the 4 x 100m relay.", "100m", "meter", 100),
        ("He swam the 400m freestyle and set a record.", "400m", "meter", 400),
        ("Her best event is the 200m individual medley.", "200m", "meter", 200),
        ("The 100m race drew 2m viewers.", "2m viewers", None, 2e6),  # an audience stays in millions
        ("About 1.2m people race to the coast each summer.", "1.2m people", None, 1.2e6),
    ],
)
def test_a_glued_m_before_a_race_is_metres_and_before_counted_things_millions(sentence, figure, unit, value):
    found = {sentence[m.start:m.end]: m for m in find_mentions(sentence)}
    assert figure in found, list(found)
    assert (found[figure].unit, found[figure].value) == (unit, value)


@pytest.mark.parametrize(
    "before",
    ["Prices rose ", "Shares ROSE by ", "It grew by a further ", "Sales were up ", "Output was trending  up\t",
     "Exports fell by another ", "Costs (rose ", "It x-rose ", "The price of ", "Stocks rose, ", "Trade ſhed ", "It "],
)
def test_last_word_shortcut_finds_what_the_change_pattern_finds(before: str) -> None:
    text = before + "5%"
    full = quantities._CHANGE_BEFORE.search(text, max(0, len(before) - 40), len(before))
    found = quantities._change_before(text, len(before))
    assert (found and found.span()) == (full and full.span())


@pytest.mark.parametrize(
    ("sentence", "text", "item"),
    [
        ("A 550-kilometre (342-mile) pipeline will carry gas to the coast.", "550-kilometre", "pipeline"),
        ("The Juno probe arrived after a five-year, 1.8 billion-mile (2.8bn km) journey.", "1.8 billion-mile", "journey"),
    ],
)
def test_an_aside_between_an_adjectival_figure_and_its_noun_keeps_the_noun(sentence, text, item):
    """The span stays the figure's own: the aside holds a figure of its own."""
    (mention,) = [m for m in find_mentions(sentence) if sentence[m.start:m.end] == text]
    assert mention.item == item
