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
            {"1.4 mln tonnes": "barley export", "2.2 mln tonnes": "barley export"},
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
    assert found["6.4 pct"] is None and found["214 dlrs a tonne"] is None


def test_a_count_then_to_is_no_change():
    found = items("The line would cut the journey between the two cities to 75 minutes.")
    assert found["two cities"] == "city" and found["75 minutes"] is None
