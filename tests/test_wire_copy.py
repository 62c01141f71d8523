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

from checker.extraction.context import _PROPER
from checker.model import Document
from checker.pipeline import document_claims


def _claims(text: str, title: str | None = None):
    return document_claims(Document(id="t", text=text, title=title, published=date(2024, 5, 6)))


def _claim(text: str, figure: str, title: str | None = None):
    return next(c for c in _claims(text, title) if c.text == figure)


def _names(text: str) -> list[str]:
    return [m.group(0) for m in _PROPER.finditer(text)]


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


def test_a_district_with_a_particle_is_named_whole() -> None:
    text = "Most new cases were reported in Alto da Serra district, where 214 patients were admitted on Sunday."
    assert _claim(text, "214 patients").subject == "Alto da Serra"
