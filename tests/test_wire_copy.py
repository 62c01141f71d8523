"""Names and items in wire copy.

A name may hold lower-case particles ("Maganja da Costa", "van der Merwe");
a unit written as a capital letter ("16.5 mln T") is part of its figure, never
a name; "<goods> exports were X tonnes" counts the goods; and a roundup's later
dateline opens a story of its own, about none of the names of the stories before.
Near misses keep the old reading.
"""

from __future__ import annotations

from datetime import date

import pytest

from checker.extraction.article import PROPER
from checker.model import Document
from checker.pipeline import document_claims


def _claims(text: str, title: str | None = None):
    return document_claims(Document(id="t", text=text, title=title, published=date(2024, 5, 6)))


def _claim(text: str, figure: str, title: str | None = None):
    return next(c for c in _claims(text, title) if c.text == figure)


def _names(text: str) -> list[str]:
    return [m.group(0) for m in PROPER.finditer(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Floods hit the towns of Vila da Ponte and Mocimboa.", "Vila da Ponte"),
        ("The fund is run by Pieter van der Berg in Cape Town.", "Pieter van der Berg"),
        ("A statement from Carlos de la Vega followed.", "Carlos de la Vega"),
        ("Shares in Banco do Brasil rose.", "Banco do Brasil"),
        ("Visitors to Museo di Capodimonte returned.", "Museo di Capodimonte"),
        ("Officials in Hamad bin Khalifa City said so.", "Hamad bin Khalifa City"),
    ],
)
def test_a_particle_between_capitalized_words_stays_in_the_name(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Shares in Smith and Jones rose.", ["Shares", "Smith", "Jones"]),
        ("Trains from Paris to Berlin were cancelled.", ["Trains", "Paris", "Berlin"]),
        ("Talks between Lima or Quito were planned.", ["Talks", "Lima", "Quito"]),
        ("Freight from Hamburg via Rotterdam grew.", ["Freight", "Hamburg", "Rotterdam"]),
    ],
)
def test_an_ordinary_lower_case_word_between_two_names_splits_them(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_a_particle_left_after_an_opener_is_dropped_from_the_name() -> None:
    sentence = "Shares of Norrland Paper were down 2.3% before the bell."
    assert _claim(sentence, "2.3%").subject == "Norrland Paper"


def test_a_district_with_a_particle_is_named_whole() -> None:
    text = "Most new cases were reported in Alto da Serra district, where 214 patients were admitted on Sunday."
    assert _claim(text, "214 patients").subject == "Alto da Serra"


SUGAR_AND_RICE = (
    "Sugar exports were 2.3 mln T in March, against 1.9 mln T a year earlier, and rice exports rose to 0.4 mln T."
)


def _figures(sentence: str) -> dict[str, tuple[str | None, str | None]]:
    return {c.text: (c.subject, c.item) for c in _claims(sentence)}


def test_a_unit_written_as_a_capital_letter_is_no_name() -> None:
    sentence = SUGAR_AND_RICE
    for subject, _ in _figures(sentence).values():
        assert subject is None


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("The new turbines will add 400 MW to the grid.", "400 MW"),
        ("The exchange rate stood at 161 JPY to the dollar.", "161 JPY"),
    ],
)
def test_a_capitalized_unit_of_a_figure_is_not_what_it_is_about(sentence: str, figure: str) -> None:
    subject, _ = _figures(sentence)[figure]
    assert subject is None


def test_a_name_after_of_in_a_figure_still_names_its_whole() -> None:
    sentence = "Investors now hold two of Halvorsen Marine ferries."
    subject, _ = _figures(sentence)["two of Halvorsen Marine ferries"]
    assert subject == "Halvorsen Marine"


def test_goods_exports_count_the_goods_and_never_share_an_item() -> None:
    sentence = SUGAR_AND_RICE
    items = {text: item for text, (_, item) in _figures(sentence).items()}
    assert items == {"2.3 mln T": "sugar", "1.9 mln T": "sugar", "0.4 mln T": "rice"}


@pytest.mark.parametrize(
    ("sentence", "figure", "item"),
    [
        ("Coal shipments rose to 12.4 mln tonnes in May.", "12.4 mln tonnes", "coal"),
        ("The ministry said wheat imports fell to 3.1 mln tonnes.", "3.1 mln tonnes", "wheat"),
        ("Exports rose 2.1 pct in May.", "2.1 pct", "export"),  # a flow alone stays the flow
        ("German exports rose 2.1 pct in May.", "2.1 pct", "export"),  # a place, not goods
        ("Thai exports rose 2.1 pct in May.", "2.1 pct", "export"),  # a demonym the lexicon does not know
        ("The ministry said total exports fell to 3.1 mln tonnes.", "3.1 mln tonnes", "total export"),
        ("The ministry said monthly exports fell to 3.1 mln tonnes.", "3.1 mln tonnes", "monthly export"),
    ],
)
def test_the_goods_before_a_flow_are_its_item(sentence: str, figure: str, item: str) -> None:
    assert _figures(sentence)[figure][1] == item


def test_a_capitalized_opener_written_as_a_name_elsewhere_is_no_goods() -> None:
    text = "Analysts at Velora expect a slowdown.\n\nVelora shipments rose to 41,000 in May."
    assert _claim(text, "41,000").item == "export"  # the lexicon's name for shipments


def test_goods_and_their_flow_keep_apart_in_an_article() -> None:
    text = (
        "ODESA, May 6 - Ukraine shipped 4.1 mln tonnes of grain in April, including 2.6 mln tonnes of corn and "
        "0.9 mln tonnes of barley, port data showed.\n\n"
        "Corn exports were 2.6 mln T vs 2.2 mln T a year ago. Barley exports fell to 0.9 mln T from 1.1 mln T."
    )
    claims = {c.text: c for c in _claims(text)}
    assert claims["2.2 mln T"].item == "corn"
    assert claims["1.1 mln T"].item == "barley"
    assert claims["1.1 mln T"].subject == "Ukraine"


ROUNDUP = (
    "OSLO, May 6 - Norwegian exports rose 3.2 pct in April to 98.1 bln crowns, Statistics Norway said.\n\n"
    "Salmon accounted for 11.4 bln crowns of the total, the agency said.\n\n"
    "HELSINKI - Finland's jobless rate fell to 7.1 pct in April from 7.4 pct.\n\n"
    "LONDON - Gas futures for June delivery were down 4 pct at 31.20 pence a therm by 1100 GMT.\n"
)


def test_a_later_dateline_opens_a_story_about_none_of_the_lead_stories_names() -> None:
    assert _claim(ROUNDUP, "4 pct").subject is None
    assert _claim(ROUNDUP, "31.20 pence").subject is None


def test_a_later_story_keeps_the_name_its_sentence_gives() -> None:
    assert _claim(ROUNDUP, "7.1 pct").subject == "Finland"


def test_the_lead_story_keeps_the_article_topic() -> None:
    assert _claim(ROUNDUP, "11.4 bln crowns").subject == "Norway"
