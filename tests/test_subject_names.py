"""Which capitalized words can be a figure's subject.

A person quoted is the source of a figure, a demonym the lexicon maps to no
place is an adjective, and a word opening a sentence is capitalized whatever
it is: none of them is what a figure is about. Near misses keep their names.
"""

from __future__ import annotations

from datetime import date

from checker.model import Document
from checker.pipeline import document_claims

LEAD = "TARTU, Estonia — Korvemaa Grid has begun building a 300-kilometre power line to Latvia.\n\n"


def _claim(text: str, figure: str, title: str = "Korvemaa Grid starts power line"):
    doc = Document(id="t", text=text, title=title, published=date(2024, 6, 4))
    return next(c for c in document_claims(doc) if figure in c.text)


def _subject_of(text: str, figure: str) -> str | None:
    return _claim(text, figure).subject


def test_a_person_titled_before_the_name_and_quoted_is_no_subject():
    text = LEAD + "Flows could reach 900 megawatts, project manager Liisa Tamm said on Tuesday."
    assert _subject_of(text, "900 megawatts") == "Korvemaa Grid"
    assert _claim(text, "900 megawatts").attribution == "Liisa Tamm"


def test_a_title_capitalized_in_the_name_marks_a_person():
    text = LEAD + "Construction will employ about 450 people, Economy Minister Kaarel Sepp said."
    assert _subject_of(text, "450 people") == "Korvemaa Grid"


def test_a_surname_alone_is_the_person_titled_earlier_in_the_article():
    text = (
        LEAD + "Project manager Liisa Tamm visited the site on Monday.\n\n"
        "The budget is 410 million euros, Tamm said, despite higher steel prices."
    )
    assert _subject_of(text, "410 million euros") == "Korvemaa Grid"


def test_a_source_written_after_its_verb_is_no_subject():
    text = LEAD + '"We will lay 20 kilometres a month," said site engineer Jaan Kask.'
    claim = _claim(text, "20 kilometres")
    assert claim.subject == "Korvemaa Grid"
    assert claim.attribution == "Jaan Kask"


def test_an_organization_quoted_stays_the_subject_when_nothing_else_is_named():
    text = LEAD + "Exports of power reached 1,200 gigawatt hours last year, the grid agency Elering said."
    assert _subject_of(text, "1,200 gigawatt hours") == "Elering"


def test_a_speaker_without_a_title_stays_the_source():
    text = LEAD + "Exports of power reached 1,200 gigawatt hours last year, Baltic Power Watch said."
    assert _subject_of(text, "1,200 gigawatt hours") == "Baltic Power Watch"


def test_a_demonym_the_lexicon_does_not_map_is_an_adjective():
    text = LEAD + "Analysts at a Nordic brokerage said the line could earn 40 million euros a year."
    assert _subject_of(text, "40 million euros") == "Korvemaa Grid"


def test_a_name_with_a_demonym_ending_that_acts_stays_a_name():
    text = LEAD + "Separately, Ostronic will invest 25 million euros in a cable plant."
    assert _subject_of(text, "25 million euros") == "Ostronic"


def test_a_name_after_a_dateline_is_an_opener_unless_written_so_mid_sentence():
    opener = "RIGA, Latvia — Crews working on the line have laid 35 kilometres of cable."
    assert _subject_of(opener, "35 kilometres") != "Crews"
    named = "RIGA, Latvia — Kurzeme Cable has laid 35 kilometres of cable. Shares in Kurzeme Cable rose."
    assert _subject_of(named, "35 kilometres") == "Kurzeme Cable"


def test_a_capitalized_word_opening_a_quotation_is_no_name():
    text = LEAD + 'Residents held up signs reading "Forests first" as 2,000 people marched in the town.'
    assert _subject_of(text, "2,000 people") != "Forests"


def test_the_baltic_states_are_one_name():
    text = LEAD + "The three Baltic states import about 30% of their power."
    assert _subject_of(text, "30%") == "Baltic states"


def test_a_possessive_name_is_the_subject_without_its_possessive():
    text = "The plant, Halvorsen Marine's largest, employs 640 people. Workers at Halvorsen Marine voted on Friday."
    assert _subject_of(text, "640 people") == "Halvorsen Marine"


COUNTRY_LEAD = (
    "LISBON — Portugal's electricity consumption hit a record on Tuesday as a heatwave pushed temperatures above "
    "44C across the country.\n\n"
)
COUNTRY_TITLE = "Heatwave drives Portugal's power demand to a record"


def test_a_body_quoted_after_a_figure_of_a_country_leaves_the_country_the_subject():
    text = COUNTRY_LEAD + "Demand peaked at 9,800 megawatts in the afternoon, grid operator Redes Lusas said."
    claim = _claim(text, "9,800 megawatts", COUNTRY_TITLE)
    assert claim.subject == "Portugal"
    assert claim.attribution == "Redes Lusas"


def test_a_body_that_estimates_a_figure_of_a_country_leaves_the_country_the_subject():
    text = COUNTRY_LEAD + "The Atlantic Energy Observatory estimates that cooling adds 1,500 megawatts on hot days."
    assert _claim(text, "1,500 megawatts", COUNTRY_TITLE).subject == "Portugal"


def test_a_body_reporting_what_it_does_itself_stays_the_subject():
    text = COUNTRY_LEAD + "The grid operator Redes Lusas said it would spend 300 million euros on new lines this year."
    assert _claim(text, "300 million euros", COUNTRY_TITLE).subject == "Redes Lusas"


def test_a_quoted_body_stays_the_subject_when_the_story_is_about_no_place():
    text = LEAD + "Peak flows reached 640 megawatts on Monday, the operator Redes Lusas estimated."
    assert _subject_of(text, "640 megawatts") == "Redes Lusas"


def test_a_verb_that_counts_a_figure_quotes_no_one():
    text = (
        "OTTAWA - Canada's labour market beat forecasts in March.\n\n"
        "WASHINGTON - U.S. retailers added 41,000 jobs in March, the Commerce Bureau said, more than expected."
    )
    claim = _claim(text, "41,000 jobs", "Jobs reports")
    assert claim.subject == "United States"
    assert claim.attribution == "Commerce Bureau"


def test_a_source_that_says_a_figure_is_still_quoted():
    text = LEAD + "The Latvian grid agency AST said 41 substations would need upgrades."
    claim = _claim(text, "41 substations")
    assert claim.attribution == "AST"


def test_a_person_quoted_with_the_role_after_the_name_is_no_subject():
    text = LEAD + '"Rain will not lift the lake by 40 centimetres," said Marta Kallas, a hydrologist at the institute.'
    claim = _claim(text, "40 centimetres")
    assert claim.subject == "Korvemaa Grid"
    assert claim.attribution == "Marta Kallas"


def test_a_body_quoted_with_what_it_is_after_the_name_stays_the_subject():
    text = LEAD + "Flows could reach 700 megawatts, said Baltic Link Partners, the consortium behind the project."
    assert _subject_of(text, "700 megawatts") == "Baltic Link Partners"
