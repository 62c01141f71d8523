"""Modality cues found by the fast scan are the cues the plain alternation finds."""

from __future__ import annotations

import pytest

from checker.extraction.cues import default_cues, may_cue
from checker.lexicon import words_of

SENTENCES = [
    "will deliver 300 tanks by 2026, the ministry expects, though it planned to send more.",
    "expected to reach 6 million barrels a day; output is forecast to fall and the firm aims to cut costs.",
    "the plant, which is designed to store 40,000 tonnes, will not be able to hold more.",
    "nothing here is a cue: 1,500 soldiers were sent.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_modality_cues_match_the_alternation_on_every_range(text: str):
    cues = default_cues()
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1, 7):
            found = [(m.lastgroup, m.end()) for m in cues.modality_cues(text, start, end)]
            expected = [(m.lastgroup, m.end()) for m in cues.modality.finditer(text, start, end)]
            assert found == expected, (text[start:end], found, expected)


def test_a_cue_at_the_start_and_one_cut_by_the_range_start():
    cues = default_cues()
    text = SENTENCES[0]
    assert [m.lastgroup for m in cues.modality_cues(text, 0, 20)] == ["planned"]  # "will" at position 0
    assert list(cues.modality_cues(text, 1, 20)) == []  # "ill": not a cue
    assert {m.lastgroup for m in cues.modality_cues(text, 0, len(text))} == {"planned", "forecast"}


@pytest.mark.parametrize(
    "text",
    [*SENTENCES, "it wasn't planned; the goalkeeper's aim of 3 is targeted at willing fans, as estimated.", "was"],
)
def test_a_range_without_a_written_phrase_holds_no_cue(text: str):
    """``may_cue`` says no only where the scan finds nothing, also when a range ends inside a word ("was|n't")."""
    cues = default_cues()
    places = cues.modality_places(text, set(words_of(text)))
    assert places is not None
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            if not may_cue(places, text, start, end):
                assert list(cues.modality_cues(text, start, end)) == [], (text[start:end], start, end)
