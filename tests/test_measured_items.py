"""The thing a money or percentage figure measures, read from its clause.

Such figures rarely have a noun after them ("Exports rose 1.5 pct"), so the
item comes from the noun phrase the clause links to the figure, or from a verb
that is itself the measure ("will cost"). Items decide which claims are
compared, so where the clause does not say plainly, no item is given.
"""

from __future__ import annotations

import pytest

import checker


def items(sentence: str) -> dict[str, str | None]:
    return {c.text: c.item for c in checker.extract(sentence, published="2024-03-08")}


@pytest.mark.parametrize(
    ("sentence", "text", "item"),
    [
        ("Sales fell to 870 million euros in 2023, the company said.", "870 million euros", "sales"),
        ("Imports were 108.4 bln euros in January.", "108.4 bln euros", "import"),
        ("Inflation eased to 2.4% in May, the statistics office said.", "2.4%", "inflation"),
        ("The unemployment rate rose to 3.9 pct in February.", "3.9 pct", "unemployment rate"),
        ("Revenue grew 12% in the third quarter.", "12%", "revenue"),
        ("The operating margin narrowed to 2.9% last year.", "2.9%", "operating margin"),
        ("First-half sales fell 8% on weaker demand.", "8%", "sales"),
        ("Kessler Automotive said 2023 sales rose 6.4 pct on higher prices.", "6.4 pct", "sales"),
        ("The project will cost 4.1 billion euros, the ministry said.", "4.1 billion euros", "cost"),
        ("Construction is expected to cost 650 million euros.", "650 million euros", "cost"),
        ("The council asked for a bypass costing an estimated 12 million euros.", "12 million euros", "cost"),
        ("The stake is worth $310 million at current prices.", "$310 million", "value"),
        ("The deal values the whole field at about $775 million.", "$775 million", "value"),
        ("The country has sent military aid worth about 2.5 billion euros.", "2.5 billion euros", "military aid"),
        ("The bank has agreed to lend up to 200 million euros.", "200 million euros", "loan"),
        ("Floods caused damage estimated at $30 billion.", "$30 billion", "damage"),
    ],
)
def test_the_clause_names_what_the_figure_measures(sentence, text, item):
    assert items(sentence)[text] == item


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Exports rose 1.5 pct in January from December to 135.6 bln euros, the office said.",
            {"1.5 pct": "export", "135.6 bln euros": "export"},
        ),
        (
            "The ministry said barley exports fell to 1.4 mln tonnes from 2.2 mln tonnes.",
            {"1.4 mln tonnes": "barley", "2.2 mln tonnes": "barley"},
        ),
        (
            "Sales reached 1.1 billion euros, up from 870 million euros in 2022.",
            {"1.1 billion euros": "sales", "870 million euros": "sales"},
        ),
    ],
)
def test_a_figure_that_continues_the_change_measures_the_same_thing(sentence, expected):
    assert items(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Germany spent 2.4% of GDP on defence last year.", "2.4%"),
        ("Tesla rose 3% in early trading.", "3%"),
        ("Kessler fell 3.5% in Frankfurt.", "3.5%"),
        ("The company grew 5% last year.", "5%"),
        ("The government was 40 million euros short of its target.", "40 million euros"),
        ("He was paid $5 million last year.", "$5 million"),
        ("The rate rose to 4.5% in March.", "4.5%"),
        ("Reservoirs in the region as a whole rose to 18 percent.", "18 percent"),
        ("The trade deficit hit a record last year having increased by $43.6 billion.", "$43.6 billion"),
    ],
)
def test_no_item_when_the_clause_is_about_who_acts(sentence, text):
    assert items(sentence)[text] is None


def test_a_noun_counted_by_an_earlier_figure_is_not_the_next_ones_item():
    found = items("Black Sea milling wheat with 12.5 pct protein rose 6.4 pct in the week to 214 dlrs a tonne.")
    assert found["6.4 pct"] is None and found["214 dlrs a tonne"] == "wheat"  # the wheat's price, not the protein


def test_a_count_then_to_is_no_change():
    found = items("The line would cut the journey between the two cities to 75 minutes.")
    assert found["two cities"] == "city" and found["75 minutes"] is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Poland produced 13.1 million tonnes of wheat last year, up from 12.6 million tonnes in 2022 and well "
            "above the 11 million tonnes it reaped a decade ago.",
            {"12.6 million tonnes": "wheat", "11 million tonnes": "wheat"},
        ),
        (
            "The clinic treated 140 patients in June, compared with 95 in May.",
            {"95": "patient"},
        ),
        (
            "Hospital admissions fell to 40 on Monday from a peak of 85 last week.",
            {"85": "admission"},
        ),
        (
            "The bank will shed 800 jobs in Spain and 350 in Portugal.",
            {"350": "job"},
        ),
        (
            "Retailers added 48,000 jobs in May, fewer than the 60,000 analysts had forecast.",
            {"60,000 analysts": "job"},
        ),
    ],
)
def test_a_figure_compared_with_an_earlier_one_measures_the_same_thing(sentence, expected):
    got = items(sentence)
    assert {text: got[text] for text in expected} == expected


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Poland sold 13.1 million tonnes of wheat last year, more than 12 million euros in value.", "12 million euros"),
        ("The clinic treated 140 patients in June and found more than 95 with dehydration.", "95"),
        ("The bank will shed 800 jobs this year, and 350 will retire early.", "350"),
    ],
)
def test_no_item_from_an_earlier_figure_without_a_comparison(sentence, text):
    assert items(sentence)[text] is None


def test_analysts_who_forecast_are_not_counted():
    got = items("The 40 analysts polled expected to see prices rise.")
    assert got["40 analysts"] == "analyst"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Its forests cover 6,000 hectares (about 14,800 acres) south of the town.",
            {"6,000 hectares": "forest", "14,800 acres": "forest"},
        ),
        (
            "The council approved a budget of 2.1 billion Danish crowns ($305 million) for the bridge.",
            {"2.1 billion Danish crowns": "cost", "$305 million": "cost"},
        ),
        (
            "Growers planted soya beans on about 1.2 million hectares this spring, roughly 3 million acres.",
            {"1.2 million hectares": "soya bean", "3 million acres": "soya bean"},
        ),
    ],
)
def test_a_figure_restated_in_another_unit_measures_the_same_thing(sentence, expected):
    got = items(sentence)
    assert {text: got[text] for text in expected} == expected


def test_a_list_in_units_of_one_kind_is_no_restatement():
    got = items("The budget of the tunnel is 40 million euros; it runs 3 kilometres, 2 miles of it under the sea.")
    assert got["2 miles"] is None


@pytest.mark.parametrize(
    ("sentence", "text", "item"),
    [
        ("The budget was unchanged at 92 million euros, the council said.", "92 million euros", "cost"),
        ("The number of beds in field hospitals rose to 1,200 this week.", "1,200", "bed"),
        ("Rescuers found two more bodies, bringing the death toll to 17.", "17", "death"),
        ("The death toll rose to 23 people overnight.", "23 people", "death"),
        ("Planters sowed spring barley on 800,000 hectares by mid-April.", "800,000 hectares", "spring barley"),
    ],
)
def test_the_clause_names_the_measure_before_the_figure(sentence, text, item):
    assert items(sentence)[text] == item


@pytest.mark.parametrize(
    ("sentence", "text", "item"),
    [
        ("Lifting the total to 41, rescuers found two more survivors.", "41", None),
        ("The crowd rose to 640 people by noon.", "640 people", "person"),
        ("The company planted trees on 30 sites last year.", "30 sites", "site"),
        ("Officials said wheat was sown on 2 million hectares.", "2 million hectares", None),
    ],
)
def test_near_misses_keep_their_old_item(sentence, text, item):
    assert items(sentence)[text] == item


@pytest.mark.parametrize(
    ("sentence", "text", "item"),
    [
        ("The flash floods swept through the valley, leaving 19 people dead in two districts.", "19 people", "death"),
        ("The death toll from the collapse of the mine in the north rose to 42 people on Friday.", "42 people", "death"),
        ("About 90 people were lost when the fishing boat sank in a storm in 2015.", "90 people", "death"),
        ("The utility plans to buy a 35% stake in the wind farm from its developer.", "35%", "stake"),
        ("The country already levies a 20% tax on imported cars.", "20%", "tax"),
        ("The city has set aside 12 million euros for repairs, the mayor said.", "12 million euros", "repair"),
        ("The council set aside 6 million euros for repairs, or about 2,000 euros for each household.", "2,000 euros",
         "repair"),
        ("Romanian maize for export was offered at about $190 a tonne on Friday.", "$190 a tonne", "corn"),
    ],
)
def test_what_the_figure_counts_is_named_around_it(sentence, text, item):
    assert items(sentence)[text] == item


@pytest.mark.parametrize(
    ("sentence", "text", "item"),
    [
        ("About 600 workers will lose their jobs when the plant closes.", "600 workers", "employee"),
        ("The toll road carried 42 people an hour at its peak.", "42 people", "person"),
        ("Shares of the bank fell after a 5% cut in its dividend.", "5%", None),
        ("The city will keep 12 million euros for now, the mayor said.", "12 million euros", None),
        ("The fund paid 3 million euros for tax reasons.", "3 million euros", None),
        ("The firm set aside 4 million euros for repairs, or 1 million euros for the roof alone.", "1 million euros",
         None),
        (
            "The crude contract was up 19 cents at $82.10 per barrel and the heating oil contract was up 2 cents "
            "to $2.61 per gallon.",
            "$2.61 per gallon",
            None,
        ),
    ],
)
def test_near_misses_keep_their_item(sentence, text, item):
    assert items(sentence)[text] == item
