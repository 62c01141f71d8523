"""part-exceeds-whole and parts-exceed-whole: breakdowns that do not fit their total."""

from __future__ import annotations

from checker.engine import check_claims
from checker.ruleset import RuleSet
from tests.test_checks_common import claim, table

SENT = "Of the 10,000 soldiers planned, 1,500 have already been sent and about 3,000 are in training."
PASSENGERS = "The ferry carried 300 passengers, including 180 adults and 160 children."


def run(*claims, rules=("part-exceeds-whole", "parts-exceed-whole"), **options):
    ruleset = RuleSet.load(select=list(rules), **options)
    return check_claims(table(*claims), ruleset, canonical_item=lambda item: item).findings


def in_sentence(text, low, high, sentence, claim_id, **fields):
    return claim(text, low, high, sentence=sentence, sentence_start=0, claim_id=claim_id, item="soldier", **fields)


def test_seed_breakdown_is_consistent():
    whole = in_sentence("10,000 soldiers", 9950, 10050, SENT, "seed.md#1", modality="planned")
    sent = in_sentence("1,500", 1450, 1550, SENT, "seed.md#2", part_of="seed.md#1")
    training = in_sentence("about 3,000", 2850, 3150, SENT, "seed.md#3", part_of="seed.md#1", modality="estimate")
    assert run(whole, sent, training) == []


def test_part_larger_than_its_whole_is_an_error():
    whole = in_sentence("1,500 soldiers", 1450, 1550, SENT, "seed.md#1", line=4, column=8)
    part = in_sentence("about 3,000", 2850, 3150, SENT, "seed.md#2", part_of="seed.md#1", line=4, column=70)
    findings = run(whole, part)
    assert [(f.rule, f.severity) for f in findings] == [("part-exceeds-whole", "error")]
    assert findings[0].message == "about 3,000 (2,850–3,150) is given as part of 1,500 soldiers (1,450–1,550) but is larger"
    assert [c["claim_id"] for c in findings[0].claims] == ["seed.md#2", "seed.md#1"]


def test_a_counted_part_is_worded_in_whole_numbers():
    whole = in_sentence("112 soldiers", 111.5, 112.5, SENT, "seed.md#1", value=112)
    part = in_sentence("141", 140.5, 141.5, SENT, "seed.md#2", part_of="seed.md#1", value=141)
    (finding,) = run(whole, part)
    assert finding.message == "141 is given as part of 112 soldiers but is larger"
    assert finding.steps == [
        "'141' read as 141",
        "'112 soldiers' read as 112",
        "the part is at least 141, the whole at most 112",
    ]


def test_open_whole_holds_any_part():
    whole = in_sentence("more than 1,000 soldiers", 1000, None, SENT, "seed.md#1")
    part = in_sentence("3,000", 2950, 3050, SENT, "seed.md#2", part_of="seed.md#1")
    assert run(whole, part) == []


def test_parts_that_add_up_to_more_than_the_whole():
    people = dict(item="passenger", subject=None)
    whole = claim("300 passengers", 299.5, 300.5, sentence=PASSENGERS, sentence_start=0, claim_id="f.md#1",
                  value=300, **people)
    adults = claim("180 adults", 179.5, 180.5, sentence=PASSENGERS, sentence_start=0, claim_id="f.md#2",
                   part_of="f.md#1", **people)
    children = claim("160 children", 159.5, 160.5, sentence=PASSENGERS, sentence_start=0, claim_id="f.md#3",
                     part_of="f.md#1", **people)
    findings = run(whole, adults, children)
    assert [f.rule for f in findings] == ["parts-exceed-whole"]
    assert findings[0].message == "180 adults and 160 children add up to at least 339, more than 300 passengers"
    assert findings[0].steps[-1] == "the parts add up to at least 339, the whole is at most 300"


def sum_finding(fields: dict, whole: tuple, *parts: tuple, whole_value: float | None = None):
    """The one finding about a whole and its parts, each (text, low, high)."""
    claims = [claim(*whole, claim_id="d.md#1", value=whole_value, **fields)]
    claims += [claim(*part, claim_id=f"d.md#{n}", part_of="d.md#1", **fields) for n, part in enumerate(parts, start=2)]
    (finding,) = run(*claims)
    return finding


def sum_step(fields: dict, whole: tuple, *parts: tuple) -> str:
    """The arithmetic step of the one finding about a whole and its parts."""
    return sum_finding(fields, whole, *parts).steps[-1]


def test_counted_parts_are_shown_in_whole_numbers():
    """Rounding widens 312 passengers to 311.5-312.5, but no one counts half a passenger."""
    people = dict(item="passenger", subject=None, sentence=PASSENGERS, sentence_start=0)
    step = sum_step(people, ("312 passengers", 311.5, 312.5), ("190 adults", 185, 195), ("141 children", 140.5, 141.5))
    assert step == "the parts add up to at least 326, the whole is at most 312"


def test_measured_parts_keep_their_fractions():
    sentence = "The 12.5 km route includes 7.5 km of tunnel and 5.5 km of bridge."
    route = dict(item="route", subject=None, sentence=sentence, sentence_start=0, base_unit="meter")
    step = sum_step(route, ("12.5 km", 12450, 12550), ("7.5 km", 7450, 7550), ("5.5 km", 5450, 5550))
    assert step == "the parts add up to at least 12.9 km, the whole is at most 12.55 km"


def test_parts_within_a_rounded_whole_are_not_flagged():
    people = dict(item="passenger", subject=None, sentence=PASSENGERS, sentence_start=0)
    whole = claim("about 300 passengers", 250, 350, claim_id="f.md#1", **people)
    adults = claim("180 adults", 179.5, 180.5, claim_id="f.md#2", part_of="f.md#1", **people)
    children = claim("160 children", 159.5, 160.5, claim_id="f.md#3", part_of="f.md#1", **people)
    assert run(whole, adults, children) == []


def test_one_oversized_part_is_reported_once():
    whole = in_sentence("1,500 soldiers", 1450, 1550, SENT, "seed.md#1")
    big = in_sentence("3,000", 2950, 3050, SENT, "seed.md#2", part_of="seed.md#1")
    small = in_sentence("100", 95, 105, SENT, "seed.md#3", part_of="seed.md#1")
    assert [f.rule for f in run(whole, big, small)] == ["part-exceeds-whole"]


def test_boilerplate_parts_are_ignored():
    whole = in_sentence("1,500 soldiers", 1450, 1550, SENT, "seed.md#1")
    ad = in_sentence("3,000", 2950, 3050, SENT, "seed.md#2", part_of="seed.md#1", boilerplate=True)
    assert run(whole, ad) == []


def test_parts_of_the_wholes_time_say_it_once_and_a_measured_whole_keeps_its_bound():
    """"190 adults on Monday morning, 141 children on Monday morning ... 312 passengers on Monday
    morning (at most 312)" said the time three times and the whole twice."""
    people = dict(item="passenger", subject=None, sentence=PASSENGERS, sentence_start=0, window_text="on Monday morning")
    finding = sum_finding(people, ("312 passengers", 311.5, 312.5), ("190 adults", 185, 195),
                          ("141 children", 140.5, 141.5), whole_value=312)
    assert finding.message == "190 adults and 141 children add up to at least 326, more than 312 passengers on Monday morning"
    sentence = "The 12.5 km route includes 7.5 km of tunnel and 5.5 km of bridge."
    route = dict(item="route", subject=None, sentence=sentence, sentence_start=0, base_unit="meter")
    finding = sum_finding(route, ("12.5 km", 12450, 12550), ("7.5 km", 7450, 7550), ("5.5 km", 5450, 5550),
                          whole_value=12.5)
    assert finding.message == "7.5 km and 5.5 km add up to at least 12.9 km, more than 12.5 km (at most 12.55 km)"
