"""The article's topic: the subject of a figure whose clause names none.

A wire story names its actor first ("Halvorsen Marine opened ..."); the
country of its dateline or of its title is where that actor works, and a thing
the headline names keeps being referred back to by its noun ("the dam").
Where neither says anything, the most mentioned name stays the topic.
"""

from __future__ import annotations

from datetime import date

from checker.extraction.article import DocumentContext
from checker.lexicon import default_lexicon
from checker.model import Document
from checker.pipeline import document_claims

PLANT = (
    "{dateline}{lead}\n\n"
    "The factory will assemble 9,000 battery packs a year from 2026. Norway wants more of them.\n\n"
    "Shares in Halvorsen Marine rose 3% in Oslo after the opening."
)


def _subject_of(text: str, title: str | None, figure: str) -> str | None:
    doc = Document(id="t", text=text, title=title, published=date(2024, 6, 4))
    return next(c.subject for c in document_claims(doc) if figure in c.text)


def _topic(text: str, title: str | None) -> str | None:
    return DocumentContext.read(text, title, default_lexicon()).topic


def test_the_lead_sentence_opening_on_a_name_and_a_verb_makes_that_name_the_topic():
    text = PLANT.format(dateline="BERGEN, Norway — ", lead="Halvorsen Marine opened its battery plant on Tuesday.")
    assert _topic(text, "Norway's biggest battery plant opens") == "Halvorsen Marine"
    assert _subject_of(text, "Norway's biggest battery plant opens", "9,000") == "Halvorsen Marine"


def test_a_dateline_in_any_capitals_opens_the_lead():
    text = PLANT.format(dateline="ÅLESUND, Norway — ", lead="Halvorsen Marine will build a second plant by 2027.")
    assert _topic(text, "Norway's battery boom") == "Halvorsen Marine"


def test_a_dateline_opening_a_later_paragraph_opens_the_lead():
    text = "By Kari Dahl\n\n" + PLANT.format(dateline="BERGEN, Norway — ", lead="Halvorsen Marine opened a plant.")
    assert _topic(text, "Norway's biggest battery plant opens") == "Halvorsen Marine"


def test_a_possessive_or_a_speaker_opening_the_lead_is_no_actor():
    title = "Norway's biggest battery plant opens"
    possessive = PLANT.format(dateline="OSLO — ", lead="Norway's government approved a battery plant on Tuesday.")
    assert _subject_of(possessive, title, "9,000") == "Norway"
    speaker = PLANT.format(dateline="BERGEN, Norway — ", lead="Halvorsen Marine reported on Tuesday that it was done.")
    assert _topic(speaker, title) == "Norway"


def test_without_a_dateline_the_most_mentioned_name_stays_the_topic():
    text = PLANT.format(dateline="", lead="Halvorsen Marine opened its battery plant in Norway on Tuesday.")
    assert _topic(text, "Norway's biggest battery plant opens") == "Norway"


DAM = (
    "SKIEN — Norway's government on Monday approved the Tarvik Dam, the first large dam in the county for decades.\n\n"
    "The 90-metre dam will hold about 300 million cubic metres of water. Construction is expected to cost "
    "4 billion crowns, and the dam should be finished in 2030.\n\nNorway's energy ministry gave no details."
)


def test_a_thing_the_title_names_and_the_story_refers_back_to_outranks_the_country():
    title = "Norway approves Tarvik Dam"
    assert _topic(DAM, title) == "Tarvik Dam"
    assert _subject_of(DAM, title, "4 billion crowns") == "Tarvik Dam"


def test_a_thing_named_only_in_the_body_gains_nothing_by_its_noun():
    assert _topic(DAM, "Norway's energy plans take shape") == "Norway"


def test_the_country_still_refers_to_where_the_story_happens_when_a_company_is_the_topic():
    text = PLANT.format(dateline="BERGEN, Norway — ", lead="Halvorsen Marine opened its battery plant on Tuesday.")
    text += "\n\nThe country exports about 40% of the batteries it makes."
    title = "Norway's biggest battery plant opens"
    assert _subject_of(text, title, "40%") == "Norway"
    assert _subject_of(text, title, "9,000") == "Halvorsen Marine"


def test_a_name_written_with_a_possessive_counts_as_the_name():
    text = (
        "On Monday, Halvorsen Shipping's board met in Oslo. Analysts expect Halvorsen Shipping's new vessels to "
        "enter service next year. The group said 14 ships would be sold."
    )
    assert _topic(text, None) == "Halvorsen Shipping"
    assert _subject_of(text, None, "14 ships") == "Halvorsen Shipping"


def test_the_government_is_the_country_even_after_a_sentence_about_the_company():
    text = PLANT.format(dateline="BERGEN, Norway — ", lead="Halvorsen Marine opened its battery plant on Tuesday.")
    text += "\n\nThe company will hire 200 engineers. The government has set aside 300 million crowns for training."
    title = "Norway's biggest battery plant opens"
    assert _subject_of(text, title, "200 engineers") == "Halvorsen Marine"
    assert _subject_of(text, title, "300 million crowns") == "Norway"
