"""The Python API and the clause context, on sentences as news copy writes them."""

from __future__ import annotations

from datetime import date as checker_date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import checker
from checker.extraction import _EURO_WORD, _PARAGRAPH, _writes_euro, boilerplate_paragraphs
from checker.extraction.cues import default_cues
from checker.ingest import read_path
from checker.model import Document
from checker.pipeline import document_claims

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "a-seed-dprk-troops.md"


@pytest.fixture(scope="module")
def seed_claims():
    (document,) = [d for d in read_path(str(SEED)) if isinstance(d, Document)]
    return document, document_claims(document)


def by_text(claims, text):
    found = [c for c in claims if c.text == text]
    assert found, f"no claim {text!r} in {[c.text for c in claims]}"
    return found[0]


def test_seed_shells_since_august_are_north_korean_and_about_six_to_seven_million_a_year(seed_claims):
    document, claims = seed_claims
    shells = by_text(claims, "eight million shells")
    assert (shells.item, shells.subject, shells.qualifier) == ("shell", "North Korea", "about")
    assert shells.window_start.startswith("2023-08") and shells.window_end == "2024-10-26"
    assert 5.5e6 < shells.per_year_low < 6.5e6 < shells.per_year_high < 8e6
    assert document.text[shells.start:shells.end] == "eight million shells"


def test_seed_three_million_annually_is_three_million_a_year(seed_claims):
    _, claims = seed_claims
    annual = by_text(claims, "three million shells")
    assert annual.period == "P1Y"
    assert annual.per_year_low == pytest.approx(2.85e6) and annual.per_year_high == pytest.approx(3.15e6)


@pytest.mark.parametrize("text", ["Sat. Oct 26th, 2024", "Article 4", "October 28", "second batch", "1-800-555-0148", "since 2018"])
def test_seed_dates_identifiers_ordinals_and_phone_numbers_are_not_claims(seed_claims, text):
    document, claims = seed_claims
    start = document.text.find(text)
    assert start >= 0
    assert not [c.text for c in claims if c.start < start + len(text) and start < c.end]


def test_seed_advertisement_figures_are_boilerplate(seed_claims):
    _, claims = seed_claims
    ad = [c for c in claims if c.text in ("200%", "€3,000", "180%", "$20,000")]
    assert len(ad) == 4 and all(c.boilerplate for c in ad)
    reporting = by_text(claims, "10,000 soldiers")
    assert not reporting.boilerplate


def test_seed_part_of_and_modality(seed_claims):
    _, claims = seed_claims
    planned, sent = by_text(claims, "10,000 soldiers"), by_text(claims, "1,500")
    assert planned.modality == "planned" and sent.modality == "actual"
    assert sent.part_of == planned.claim_id and sent.item == "soldier"


def test_api_extract_without_a_date_leaves_relative_windows_unresolved():
    (claim,) = checker.extract("North Korea has supplied about eight million shells since August of last year.")
    assert claim.window_start is None and claim.per_year_low is None
    assert any("no publication date" in a for a in claim.assumptions)


def test_api_extract_accepts_an_iso_date_string():
    (claim,) = checker.extract("Russia fired more than 120 missiles at Ukraine last week.", published="2024-11-18")
    assert (claim.value, claim.qualifier, claim.high) == (120, "more than", None)
    assert claim.window_start == "2024-11-11"


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("About 100 people were injured in the blast, police said.", "100 people", ("person", "injure")),
        ("About 100 people were working at the site when it collapsed.", "100 people", ("person", "work")),
        ("The council, which had 9 members when it was set up, now has 31 members.", "31 members", ("member", "have")),
        ("Under the plan, 1,320 workers will be laid off by the end of 2025.", "1,320 workers", ("employee", "lay off")),
        # "have" as an auxiliary is not the verb: these figures are not what anyone "has"
        ("Health authorities have recorded 1,240 cholera cases since January 9.", "1,240 cholera cases",
         ("case", None)),
        ("The outbreak has so far caused 61 deaths.", "61 deaths", ("death", None)),
        ("The cooperative has about 3,400 members.", "3,400 members", ("member", "have")),
        # an irregular participle is one too; a noun ending in "-ed" is not
        ("The party had won 300 seats in the election.", "300 seats", ("seat", None)),
        ("The government has set aside 85 million euros for compensation.", "85 million euros", ("compensation", None)),
        ("The cooperative has a seed bank of 3,400 varieties.", "3,400 varieties", ("variety", "have")),
    ],
)
def test_item_and_verb_tell_different_facts_apart(sentence, text, expected):
    claim = next(c for c in checker.extract(sentence, published="2024-09-12") if c.text == text)
    assert (claim.item, claim.relation) == expected


@pytest.mark.parametrize(
    ("sentence", "text", "subject"),
    [
        ("The weather station at Córdoba airport recorded 46.9C, the state agency AEMET said.", "46.9C", "Córdoba airport"),
        ("KARACHI, May 24 — The temperature in Jacobabad climbed to 48.8C on Thursday.", "48.8C", "Jacobabad"),
        ("US Defense Secretary Lloyd Austin said about 3,000 soldiers sent by Pyongyang were in training.",
         "3,000 soldiers", "North Korea"),
        # a month or weekday that ends the sentence is still a date, not a name
        ("Emergency services said 100 people had been treated for heatstroke in Seville province since Saturday.",
         "100 people", "Seville"),
        ("Kessler reported an order backlog of 3.6 billion euros at the end of December.", "3.6 billion euros", "Kessler Automotive"),
    ],
)
def test_subject_is_what_the_figure_is_about_not_the_source_or_dateline(sentence, text, subject):
    claim = next(c for c in checker.extract(sentence, published="2024-05-24") if c.text == text)
    assert claim.subject == subject


@pytest.mark.parametrize(
    ("sentence", "windows"),
    [
        ("The company, founded in Stuttgart in 1949 with 12 employees, now has about 48,000 staff in 23 countries.",
         {"12 employees": "1949-01-01", "48,000 staff": None, "23 countries": None}),
        ("About 10,000 North Korean troops are now in Russia, officials said, as Bloomberg reported in late October.",
         {"10,000 North Korean troops": None}),
        # "now" on the same side as the window does not stand between them
        ("North Korea has now supplied about eight million shells since August of last year.",
         {"eight million shells": "2023-08-01"}),
    ],
)
def test_a_figure_said_to_be_now_does_not_take_a_date_from_elsewhere_in_the_sentence(sentence, windows):
    claims = {c.text: c for c in checker.extract(sentence, published="2024-10-26")}
    assert {text: claims[text].window_start for text in windows} == windows


@pytest.mark.parametrize(
    ("sentence", "windows"),
    [
        # a year modifying a noun later in the sentence, in another clause, dates nothing before it
        ("The group booked a 12.5 mln dlrs contract for rail parts, and said it expected 2025 revenue to rise.",
         {"12.5 mln dlrs": None}),
        ("The town uses about 40% of the water it pumps, and bills rose during the 2022 drought.",
         {"40% of the water": None}),
        # before the figure it still dates the clauses that follow
        ("2023 sales rose 4% to 1.2 bln euros, but net profit fell to 210.0 mln euros.",
         {"1.2 bln euros": "2023-01-01", "210.0 mln euros": "2023-01-01"}),
        # the year after the base of a comparison is that figure's; the new figure takes the sentence's own
        ("In 2023 as a whole, French imports fell 2.1 pct to 812 bln euros from 830 bln euros in 2022.",
         {"2.1 pct": "2023-01-01", "812 bln euros": "2023-01-01", "830 bln euros": "2022-01-01"}),
        # with no other window, a figure still takes the one after the figure it is compared with
        ("Revenue rose 4% to 1.2 bln euros in 2023.", {"4%": "2023-01-01", "1.2 bln euros": "2023-01-01"}),
        ("Exports rose 2.5 pct in January from December to 98.1 bln euros, the office said.",
         {"2.5 pct": "2025-01-01", "98.1 bln euros": "2025-01-01"}),
        # the size of a thing named as an adjective has no date; a figure of the same sentence keeps its window
        ("Heavy rain this week lifted Lake Orra, a 1,900-acre reservoir, to 38 percent of its capacity.",
         {"1,900-acre reservoir": None, "38 percent of its capacity": "2025-02-24"}),
    ],
)
def test_a_window_dates_the_figures_it_is_written_for(sentence, windows):
    claims = {c.text: c for c in checker.extract(sentence, published="2025-03-01")}
    assert {text: claims[text].window_start for text in windows} == windows


@pytest.mark.parametrize(
    ("sentence", "windows"),
    [
        ("In the first quarter the margin narrowed to 3.1% from 5.2% a year earlier, the bank said.",
         {"3.1%": ("2025-01-01", "2025-03-31"), "5.2%": ("2024-01-01", "2024-03-31")}),
        ("Shippers paid 61 dollars a tonne in March, up from 55 dollars a tonne a year ago.",
         {"61 dollars a tonne": ("2025-03-01", "2025-03-31"), "55 dollars a tonne": ("2024-03-01", "2024-03-31")}),
        # a running total is compared with the same point of the year before
        ("Exports in the July-June season have reached 18.2 mln tonnes so far this season, against "
         "15.0 mln tonnes at the same point the previous year.",
         {"18.2 mln tonnes": (None, "2025-05-20"), "15.0 mln tonnes": (None, "2024-05-20")}),
        # not a comparison: the phrase says when, against a plan
        ("The line opened in March with 300 staff a year earlier than planned.",
         {"300 staff": ("2025-03-01", "2025-03-31")}),
        # no window to move: the figure stays undated
        ("Sales rose to 4.2 bln euros from 3.9 bln euros a year earlier.", {"3.9 bln euros": (None, None)}),
    ],
)
def test_a_year_earlier_moves_the_sentence_window_back_a_year(sentence, windows):
    claims = {c.text: c for c in checker.extract(sentence, published="2025-05-20")}
    assert {text: (claims[text].window_start, claims[text].window_end) for text in windows} == windows


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("According to Bloomberg, North Korea has supplied about eight million shells.", "Bloomberg"),
        ("North Korea has supplied about eight million shells, according to Bloomberg.", "Bloomberg"),
        ("Citing officials, Reuters said North Korea had sent 3,000 troops.", "Reuters"),  # who reports
    ],
)
def test_attribution_opening_or_closing_the_sentence(sentence, source):
    (claim,) = checker.extract(sentence, published="2024-10-26")
    assert (claim.attribution, claim.subject) == (source, "North Korea")


def test_capacity_is_not_an_actual_load():
    claims = checker.extract("The ferry was licensed to carry no more than 250 passengers.", published="2024-07-29")
    assert claims[0].modality == "capacity" and claims[0].qualifier == "up to"


def test_api_check_reports_the_seed_conflict_from_documents():
    check = checker.check

    drafts = [
        Document(id="draft.md", published=checker_date(2024, 10, 26),
                 text="Since August of last year, North Korea has supplied Russia with about eight million shells."),
        Document(id="archive.md", published=checker_date(2024, 9, 1),
                 text="North Korea supplies Russia with three million shells annually, The Times reported."),
    ]
    (finding,) = check(drafts)
    assert finding.rule == "rate-conflict" and 2.0 < finding.ratio < 2.4
    assert sorted(c["document"] for c in finding.claims) == ["archive.md", "draft.md"]


def test_api_check_names_an_unreadable_path(tmp_path):
    check = checker.check

    with pytest.raises(ValueError, match="missing.md"):
        check([str(tmp_path / "missing.md")])


@pytest.mark.parametrize(
    ("sentence", "text", "attribution"),
    [
        ("The report dated Feb. 21 estimates savings of $414 million.", "$414 million", None),
        ("It said 9 percent of the plant's staff would go.", "9 percent of the plant's staff", None),
        ("The ministry of health said 412 patients were treated.", "412 patients", None),
        ("Bloomberg reported that the plant employs 640 people.", "640 people", "Bloomberg"),
    ],
)
def test_attribution_names_a_source_never_a_date_or_a_pronoun(sentence, text, attribution):
    claim = next(c for c in checker.extract(sentence, published="2024-05-24") if c.text == text)
    assert claim.attribution == attribution


def test_a_clause_opening_on_the_named_thing_is_about_it_not_the_country():
    """"The 135-metre dam ..." refers back to the one dam the article names, even though the
    country is named more often; a clause about the country keeps the country."""
    text = (
        "North Macedonia's government approved the Crn Kamen dam on Wednesday. "
        "The 135-metre dam will create a reservoir covering 4,200 hectares, the ministry said. "
        "North Macedonia imports about 30% of its electricity."
    )
    subjects = {c.text: c.subject for c in checker.extract(text, published="2024-05-08")}
    assert subjects["4,200 hectares"] == "Crn Kamen dam"
    assert subjects["30% of its electricity"] == "North Macedonia"


def _paragraphs_by_full_match(text: str) -> list[tuple[int, int]]:
    """Every paragraph matched in turn and searched for a cue: what ``boilerplate_paragraphs`` returns."""
    cues, lowered = default_cues(), text.lower()
    paragraphs = _PARAGRAPH.finditer(text)
    return [(m.start(), m.end()) for m in paragraphs if cues.boilerplate.search(lowered, m.start(), m.end())]


@pytest.mark.parametrize("text", [
    "Casino", "x\n\nCASINO bonus\nwager\n\n  \n sign up\n", "sign\n\nup casino", "\n \ncasino\n", "% off\r\n\r\n% off",
    "a\n\u2028\ncasino x\n\x85\n\nshop now", "casinocasino\n\n\n\ncasino",
])
def test_advertising_paragraphs_are_those_a_full_paragraph_match_finds(text: str) -> None:
    assert boilerplate_paragraphs(text, default_cues()) == _paragraphs_by_full_match(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(
    ["x", "Casino", "casino", " ", "\n", "\n\n", " \n", "\t", "\r", "\x0b", "\u2028", "\x85", "sign", " up", "wager",
     "% off", "5", ".", "CASINO\n"]
), max_size=14))
def test_advertising_paragraphs_are_those_a_full_paragraph_match_finds_on_any_text(pieces: list[str]) -> None:
    test_advertising_paragraphs_are_those_a_full_paragraph_match_finds("".join(pieces))


_EURO_PARTS = st.sampled_from(["euro", "EURO", "Euros", "European", "neuro", "e", "uro", "s", "İ", " ", "-", "_", "1"])


@given(st.lists(_EURO_PARTS, max_size=10))
def test_the_euro_search_finds_what_the_plain_scan_finds(parts):
    """``_writes_euro`` tries the word only where the lower-cased article has "euro": the same answer as a scan."""
    text = "".join(parts)
    assert _writes_euro(text, text.lower()) == (_EURO_WORD.search(text) is not None)
