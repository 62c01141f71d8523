"""Matching: which claims are about the same thing."""

from __future__ import annotations

from datetime import date

from checker.match import ClaimRecords, compatible_modality, compatible_relation, find_candidates, restatements
from checker.model import Document
from checker.pipeline import document_claims
from checker.table import TableBuilder, claims_chunk
from tests.test_checks_common import claim, table


def texts(candidates) -> set[tuple[str, str]]:
    return {(candidates.claims[i]["text"], candidates.claims[j]["text"]) for i, j in candidates.pairs}


def test_same_subject_item_and_unit_are_paired():
    found = find_candidates(
        table(
            claim("about eight million shells", 7.5e6, 8.5e6, start=10),
            claim("three million shells", 2.85e6, 3.15e6, start=90),
        )
    )
    assert texts(found) == {("about eight million shells", "three million shells")}


def test_synonyms_come_from_the_canonical_item_function():
    rows = table(
        claim("10,000 troops", 9950, 10050, item="troop", start=10),
        claim("12,000 soldiers", 11950, 12050, item="soldier", start=90),
    )
    assert find_candidates(rows).pairs == []
    synonyms = {"troop": "soldier"}
    assert len(find_candidates(rows, canonical_item=lambda i: synonyms.get(i, i)).pairs) == 1


def test_spelling_variants_of_an_item_match_but_other_items_do_not():
    rows = table(
        claim("500 artillery shells", 450, 550, item="artillery shell", start=10),
        claim("600 artillery-shells", 550, 650, item="artillery-shell", start=50),
        claim("100 missiles", 50, 150, item="missile", start=90),
    )
    assert texts(find_candidates(rows)) == {("500 artillery shells", "600 artillery-shells")}


def test_different_subjects_or_units_are_not_paired():
    rows = table(
        claim("eight million shells", 7.5e6, 8.5e6, start=10),
        claim("three million shells", 2.85e6, 3.15e6, subject="Iran", start=50),
        claim("eight million USD", 7.5e6, 8.5e6, base_unit="USD", start=90),
    )
    assert find_candidates(rows).pairs == []


def test_claims_without_subject_only_meet_within_their_document():
    rows = table(
        claim("300 passengers", 250, 350, subject=None, item="passenger", document="a.md", start=10),
        claim("340 passengers", 335, 345, subject=None, item="passenger", document="a.md", start=80),
        claim("120 passengers", 115, 125, subject=None, item="passenger", document="b.md", start=10),
    )
    assert texts(find_candidates(rows)) == {("300 passengers", "340 passengers")}


def test_plans_never_meet_actual_figures():
    rows = table(
        claim("10,000 soldiers", 9950, 10050, item="soldier", modality="planned", start=10),
        claim("1,500 soldiers", 1450, 1550, item="soldier", modality="actual", start=60),
    )
    assert find_candidates(rows).pairs == []
    assert compatible_modality("estimate", "actual")
    assert not compatible_modality("target", "forecast")


def test_different_verbs_are_different_facts():
    rows = table(
        claim("100 people", 100, 100, item="person", relation="work", start=10),
        claim("100 people", 100, 100, item="person", relation="injure", start=80),
    )
    assert find_candidates(rows).pairs == []
    assert compatible_relation("supply", "send")
    assert not compatible_relation("found", "have")
    assert not compatible_relation(None, "have")  # a verb on one side only is not the same fact
    assert compatible_relation(None, None)


def test_boilerplate_and_changes_are_never_paired():
    rows = table(
        claim("3,000 euros", 3000, 3000, base_unit="EUR", item="bonus", subject=None, start=10),
        claim("200 euros", 200, 200, base_unit="EUR", item="bonus", subject=None, boilerplate=True, start=50),
        claim("3 percentage points", 2.5, 3.5, base_unit="percentage_point", item="rate", is_change=True, start=70),
        claim("45 percentage points", 44.5, 45.5, base_unit="percentage_point", item="rate", start=90),
    )
    assert find_candidates(rows).pairs == []


def test_oversized_groups_are_cut_with_a_warning():
    rows = table(*(claim(f"{n} shells", n, n, start=10 * n) for n in range(1, 8)))
    found = find_candidates(rows, max_group=4)
    assert len(found.pairs) == 6  # 4 claims -> 6 pairs
    assert len(found.warnings) == 1 and "7 claims" in found.warnings[0]


def test_part_links_follow_claim_ids_and_report_unknown_wholes():
    whole = claim("10,000 soldiers", 9950, 10050, item="soldier", modality="planned", claim_id="a.md#1", start=10)
    part = claim("1,500", 1450, 1550, item="soldier", part_of="a.md#1", claim_id="a.md#2", start=40)
    stray = claim("300", 250, 350, item="soldier", part_of="a.md#99", claim_id="a.md#3", start=80)
    found = find_candidates(table(whole, part, stray))
    assert {found.claims[w]["claim_id"]: [found.claims[p]["claim_id"] for p in ps] for w, ps in found.parts.items()} == {
        "a.md#1": ["a.md#2"]
    }
    assert any("a.md#99" in w for w in found.warnings)


def test_scope_keeps_links_within_or_across_documents():
    rows = table(
        claim("eight million shells", 7.5e6, 8.5e6, document="a.md", start=10),
        claim("three million shells", 2.85e6, 3.15e6, document="a.md", start=90),
        claim("two million shells", 1.5e6, 2.5e6, document="b.md", start=10),
    )
    found = find_candidates(rows)
    assert len(found.pairs) == 3
    assert len(found.scoped("document").pairs) == 1
    assert len(found.scoped("corpus").pairs) == 2


def test_nullable_dtypes_read_as_open_sides():
    rows = table(
        claim("more than 100 missiles", 100, None, item="missile", start=10),
        claim("fewer than 50 missiles", None, 50, item="missile", start=90),
    ).convert_dtypes()
    found = find_candidates(rows)
    assert [(c["low"], c["high"]) for c in found.claims] == [(100, None), (None, 50)]
    assert found.pairs == [(0, 1)]


def test_money_percent_and_counts_need_an_item():
    rows = table(
        claim("108.4 bln euros", 108.35e9, 108.45e9, base_unit="EUR", item=None, subject="Germany", start=10),
        claim("27.2 bln euros", 27.15e9, 27.25e9, base_unit="EUR", item=None, subject="Germany", start=60),
        claim("4.0 pct", 3.95, 4.05, base_unit="percent", item=None, subject="Germany", start=110),
        claim("2.9 pct", 2.85, 2.95, base_unit="percent", item=None, subject="Germany", start=160),
    )
    assert find_candidates(rows).pairs == []


def test_item_less_measures_match_only_item_less_measures_of_one_article_and_verb():
    tunnel = dict(subject="Slieve Gullion tunnel", base_unit="meter")
    rows = table(
        claim("14.5-kilometre tunnel", 14_450, 14_550, item="tunnel", document="jan.md", **tunnel),
        claim("11 miles", 16_900, 18_500, item=None, document="may.md", **tunnel),
        claim("17 miles", 26_900, 28_500, item=None, document="may.md", **tunnel),
        claim("9 miles", 14_400, 14_600, item=None, document="jun.md", **tunnel),
    )
    # The item-less figures may be the tunnel's length, or anything else of it.
    assert texts(find_candidates(rows)) == {("11 miles", "17 miles")}


def test_parts_are_not_matched_with_their_whole_or_each_other():
    whole = claim("10,000 soldiers", 9950, 10050, item="soldier", claim_id="s.md#1", start=10)
    sent = claim("1,500 soldiers", 1450, 1550, item="soldier", claim_id="s.md#2", part_of="s.md#1", start=40)
    training = claim("3,000 soldiers", 2950, 3050, item="soldier", claim_id="s.md#3", part_of="s.md#1", start=80)
    found = find_candidates(table(whole, sent, training))
    assert found.pairs == []
    assert len(found.parts[0]) == 2


def test_compact_table_of_several_chunks_reads_back_as_plain_records():
    """The claim table of a large run is built from chunks (categoricals, Arrow strings and
    dictionary-encoded sentences); each record must come back as the plain values that went in."""
    texts = [
        "North Korea has supplied about eight million shells since August of last year, officials said.",
        "The ferry's 312 passengers included 190 adults and 141 children.",
        "Output rose 6.4 pct to 10.0 mln dlrs in the first quarter.",
    ]
    builder, claims = TableBuilder(), []
    for n, text in enumerate(texts):
        found = document_claims(Document(id=f"doc-{n}.md", text=text, published=date(2024, 10, 26)))
        claims.extend(found)
        builder.add(claims_chunk(found))
    records = ClaimRecords(builder.table())
    assert len(records) == len(claims) > 5
    for record, original in zip(records, claims, strict=True):
        expected = {name: getattr(original, name) for name in record}
        assert record == expected
        assert [type(v) for v in record.values()] == [type(v) for v in expected.values()]
    # read many at once (as checks read their pairs), the records are the same, in the order asked
    order = list(range(len(records)))[::-1] + [0]
    taken = records.take(order)
    assert taken == [records[k] for k in order]
    assert [[type(v) for v in r.values()] for r in taken] == [[type(v) for v in records[k].values()] for k in order]


def _candidates_of(*articles: tuple[str, str]):
    claims = []
    for name, text in articles:
        claims.extend(document_claims(Document(id=name, text=text, published=date(2024, 5, 24))))
    return find_candidates(table(*claims))


def test_a_figure_restated_in_another_unit_in_parentheses_is_compared_only_through_the_figure():
    found = _candidates_of(
        ("a.md", "The temperature in Jacobabad climbed to 48.8C (119.8F) on Thursday, officials said."),
        ("b.md", "In Jacobabad the thermometer reached 112 degrees Fahrenheit on Thursday."),
    )
    assert texts(found) == {("48.8C", "112 degrees Fahrenheit")}


def test_a_hedged_restatement_is_one_but_another_figure_in_parentheses_is_not():
    hedged = _candidates_of(
        ("a.md", "Engineers propose a tunnel of 14.5 kilometres (roughly nine miles) under Slieve Gullion."),
        ("b.md", "The tunnel under Slieve Gullion is about 11 miles long."),
    )
    assert texts(hedged) == {("14.5 kilometres", "11 miles")}
    for text in (
        "Jacobabad reached 48.8C (up from 45.1F a year earlier) on Thursday.",  # not the same reading
        "Jacobabad reached 48.8C (119.8F in the shade) on Thursday.",  # more than the figure in the parentheses
        "The park had 3 million visitors (2.5 million in 2023), the park said.",  # same unit: another figure
    ):
        claims = document_claims(Document(id="a.md", text=text, published=date(2024, 5, 24)))
        assert len(claims) == 2
        assert not restatements(ClaimRecords(table(*claims))).any(), text
