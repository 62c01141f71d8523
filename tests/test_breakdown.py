"""Breakdowns by place across two sentences: a whole "in <region>" and its parts "in <place within it>"."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from checker.api import check, extract
from checker.lexicon import LEXICON_DIR, Lexicon, LexiconError, default_lexicon
from checker.model import Document

WHOLE = "Nordmark Logistics said on Tuesday it would close depots and cut 3,000 jobs by 2026."


def parts_of(text: str) -> dict[str, list[str]]:
    """Whole as written -> its parts as written."""
    claims = extract(text, date(2025, 3, 4), "wire.md")
    by_id = {c.claim_id: c.text for c in claims}
    wholes: dict[str, list[str]] = {}
    for c in claims:
        if c.part_of:
            wholes.setdefault(by_id[c.part_of], []).append(c.text)
    return wholes


def findings(text: str) -> list[str]:
    return [f"{f.rule}: {f.message}" for f in check([Document(id="wire.md", text=text, published=date(2025, 3, 4))])]


BREAKDOWN = (
    f"{WHOLE} Of the cuts, 1,800 will fall in Asia, where it runs most of its warehouses. "
    "The company said 1,200 jobs would go in China and 900 in Vietnam."
)


def test_parts_in_the_next_sentence_that_exceed_their_regional_whole_are_reported():
    assert parts_of(BREAKDOWN) == {"1,800": ["1,200 jobs", "900"]}
    (finding,) = [f for f in findings(BREAKDOWN) if f.startswith("parts-exceed-whole")]
    assert finding == "parts-exceed-whole: 1,200 jobs and 900 add up to at least 2,005, more than 1,800 (at most 1,850)"


def test_parts_that_fit_their_regional_whole_give_no_finding():
    text = (
        "The airline will hire 2,500 pilots in Latin America over the next three years. "
        "About 1,000 pilots will be hired in Brazil and 800 in Mexico, it said."
    )
    assert parts_of(text) == {"2,500 pilots": ["1,000 pilots", "800"]}
    assert not [f for f in findings(text) if "exceed" in f]


def test_a_whole_in_the_eu_takes_parts_in_its_member_states_in_the_same_sentence():
    text = "The group cut 900 jobs in the EU last year: 500 jobs in France and 300 jobs in Spain."
    assert parts_of(text) == {"900 jobs": ["500 jobs", "300 jobs"]}


@pytest.mark.parametrize(
    "text",
    [
        # a part in a place outside the region
        f"{WHOLE} Of the cuts, 1,800 will fall in Asia. The company said 1,200 jobs would go in China and 900 in "
        "Brazil.",
        # a different item: warehouses are not jobs
        f"{WHOLE} Of the cuts, 1,800 will fall in Asia. It will shut 1,200 warehouses in China and 900 in Vietnam.",
        # a sentence that is not adjacent
        f"{WHOLE} Of the cuts, 1,800 will fall in Asia. Unions called a strike for Friday. "
        "The company said 1,200 jobs would go in China and 900 in Vietnam.",
        # a new paragraph
        f"{WHOLE} Of the cuts, 1,800 will fall in Asia.\n\nThe company said 1,200 jobs would go in China and 900 in "
        "Vietnam.",
        # a different modality: jobs already cut are not the ones planned
        f"{WHOLE} Of the cuts, 1,800 will fall in Asia. Last year it cut 1,200 jobs in China and 900 in Vietnam.",
        # one figure after the whole is not a breakdown
        f"{WHOLE} Of the cuts, 1,800 will fall in Asia. The company said 1,200 jobs would go in China.",
        # two figures for one place are not two parts
        f"{WHOLE} Of the cuts, 1,800 will fall in Asia. The company said 1,200 jobs would go in China and 900 in "
        "China.",
        # a country across two continents is listed in neither
        f"{WHOLE} Of the cuts, 1,800 will fall in Europe. The company said 1,200 jobs would go in Russia and 900 in "
        "Germany.",
        # a capital is a city, not the union it is an alias of
        "The group employs 700 people in Brussels. It employs 400 people in France and 350 in Germany.",
    ],
    ids=["outside-region", "other-item", "not-adjacent", "new-paragraph", "other-modality", "one-part",
         "same-place", "transcontinental", "capital-city"],
)
def test_near_misses_are_not_linked(text):
    assert parts_of(text) == {}
    assert not [f for f in findings(text) if "exceed" in f]


def test_every_place_of_a_region_is_a_lexicon_entity_or_a_region():
    regions = yaml.safe_load((LEXICON_DIR / "regions.yaml").read_text(encoding="utf-8"))["regions"]
    lexicon = default_lexicon()
    members = {member for listed in regions.values() for member in listed}
    missing = sorted(m for m in members - set(regions) if lexicon.entity_aliases.get(m.lower()) != m)
    assert not missing, f"not spelled as an entity of the lexicon: {missing}"


def test_regions_hold_the_places_of_their_member_regions():
    lexicon = default_lexicon()
    assert lexicon.lies_in("Germany", "Europe") and lexicon.lies_in("Germany", "European Union")
    assert lexicon.lies_in("Vietnam", "Asia") and not lexicon.lies_in("Norway", "European Union")
    assert lexicon.region("the EU") == "European Union" and lexicon.region("the Middle East") == "Middle East"
    assert lexicon.region("E.U.") == "European Union" and lexicon.region("Brussels") is None
    assert lexicon.region("Germany") is None


def test_user_lexicons_add_places_to_a_region_and_a_malformed_table_names_its_file(tmp_path):
    (tmp_path / "regions.yaml").write_text("regions:\n  Nordics: [Norway, Sweden]\n  Europe: [Faroe Islands]\n")
    lexicon = Lexicon.load([tmp_path])
    assert lexicon.lies_in("Sweden", "Nordics") and lexicon.lies_in("Faroe Islands", "Europe")
    assert lexicon.lies_in("Germany", "Europe")  # the shipped members stay
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "regions.yaml").write_text("regions:\n  Nordics: Norway\n")
    with pytest.raises(LexiconError, match="regions.yaml"):
        Lexicon.load([bad])
