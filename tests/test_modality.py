"""Modality read from the clause of a figure: which cue is the figure's, and which belongs to another."""

from __future__ import annotations

import pytest

import checker


def modality_of(sentence: str, figure: str) -> str:
    """The modality of the claim whose text starts with ``figure``."""
    claims = checker.extract(sentence, published="2024-03-08")
    (claim,) = [c for c in claims if c.text.startswith(figure)]
    return claim.modality


@pytest.mark.parametrize(
    ("sentence", "figure", "modality"),
    [
        # A cue after another figure is that figure's, and a "said" ends what the source said.
        ("Retail sales rose 2.1 pct in May, the agency said, short of the 2.5 pct analysts had forecast.",
         "2.1 pct", "actual"),
        ("Factories added 41,000 jobs in April, the bureau said, fewer than the 60,000 economists had expected.",
         "41,000", "actual"),
        ("About 3,000 nurses joined the walkout at 40 hospitals, the union said, to protest the plan to cut wards.",
         "40 hospitals", "actual"),
        # A cue opening a second verb with its own figure governs that figure.
        ("The port handled 2.4 mln tonnes last year and aims to reach 3 mln tonnes by 2027.", "2.4 mln", "actual"),
        ("The port handled 2.4 mln tonnes last year and aims to reach 3 mln tonnes by 2027.", "3 mln", "planned"),
        # A cue right before another figure is that figure's: "damage estimated at ...".
        ("The storm killed 42 people and caused damage estimated at $2 billion.", "42 people", "actual"),
        # With no cue before it, the figure's own estimate cue after it counts.
        ("Between 800 and 1,000 fighters are believed to remain in the city.", "800", "estimate"),
        ("Turnout was about 61 percent, the commission estimated.", "61 percent", "estimate"),
        # A forecaster's or estimator's view stands over the modal verb under it.
        ("Analysts estimate that the merger will save the group about 300 million euros a year.",
         "300 million", "estimate"),
        ("Officials forecast that the bridge would carry 40,000 vehicles a day.", "40,000", "forecast"),
        ("Meteorologists expect highs of 38C in Seville on Thursday.", "38C", "forecast"),
        ("The new terminal could handle 12 million passengers a year from 2028.", "12 million", "forecast"),
        # A deadline is not the figure's when a past tense or another figure says otherwise.
        ("About 40 kilometres of track had been relaid by the end of January.", "40 kilometres", "actual"),
        ("Gold was up 1.2 pct at 2,150 dlrs an ounce by 1100 GMT.", "2,150", "actual"),
        ("Output has risen to 500,000 units a year and should reach 700,000 by the end of 2025.", "500,000", "actual"),
        # A budget is money set out for a plan; a figure compared with is the fact it is measured against.
        ("The project's budget is 90 million euros.", "90 million", "planned"),
        ("The new trains would run at up to 200 km/h, compared with a top speed of 120 km/h today.",
         "120 km/h", "actual"),
    ],
)
def test_the_cue_that_is_the_figures(sentence: str, figure: str, modality: str):
    assert modality_of(sentence, figure) == modality


@pytest.mark.parametrize(
    ("sentence", "figure", "modality"),
    [
        # Near misses: the old readings stay.
        ("About 2,000 soldiers and 50 tanks are to be sent to the border.", "2,000", "planned"),  # a list
        ("The company will cut 4,000 jobs by the end of 2026.", "4,000", "planned"),
        ("The company aims to cut 4,000 jobs by the end of 2026.", "4,000", "planned"),
        ("It plans to vaccinate 500,000 people in the five worst-hit districts.", "500,000", "planned"),
        ("Exports will rise by 5 pct this year, the ministry said.", "5 pct", "planned"),  # a cue before "said"
        ("The line, estimated to cost 6 billion euros, would let trains run at 250 km/h.", "250 km/h", "planned"),
        ("Of the 900 homes within the proposed zone, 300 have so far been surveyed.", "900", "actual"),
        ("The budget deficit was 3.1 pct of output last year.", "3.1 pct", "actual"),
    ],
)
def test_near_misses_keep_their_reading(sentence: str, figure: str, modality: str):
    assert modality_of(sentence, figure) == modality
