"""Sentence splitting: boundaries, abbreviations, Markdown structure, exact offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker import segment
from checker.ingest import read_path
from checker.model import Document
from checker.segment import split_sentences

DATA = Path(__file__).parent / "data" / "ingest"


def sentences(text: str, **fields) -> list[str]:
    document = Document(id="story", text=text, **fields)
    found = split_sentences(document)
    for sentence in found:
        assert sentence.text == text[sentence.start : sentence.end]
    return [sentence.text for sentence in found]


def test_splits_the_canonical_pair():
    text = (
        "North Korea has supplied about eight million shells since August of last year. "
        "Analysts say North Korea supplies three million shells annually."
    )
    assert sentences(text) == [
        "North Korea has supplied about eight million shells since August of last year.",
        "Analysts say North Korea supplies three million shells annually.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Kim met Dr. Shoigu in Pyongyang on Oct. 26 to discuss 3 million shells.",
        "The U.S. State Department said 1,500 troops had arrived.",
        "Sen. Reed and Gov. Abbott disagreed about the $1.2 billion package.",
        "Output at Acme Corp. Ltd. plants rose 4.5% in the third quarter.",
        "Officials cited other suppliers, e.g. Iran, which sent approx. 400 drones.",
        "The est. 3,000 soldiers in training vs. 10,000 planned were counted by J. Smith.",
        "Ukraine's No. 2 general said the U.K. sent 14 tanks in Jan. 2023.",
        "Shipments rose 2.5 times, to 8.5 million rounds, analysts at St. Petersburg said.",
    ],
)
def test_abbreviations_initials_and_decimals_do_not_end_a_sentence(sentence):
    follow_up = "Seoul did not comment."
    assert sentences(f"{sentence} {follow_up}") == [sentence, follow_up]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            '"We have sent 1,500 soldiers." The ministry confirmed it.',
            ['"We have sent 1,500 soldiers."', "The ministry confirmed it."],
        ),
        (
            'He said: "About 3,000 are in training!" "Really?" 100 missiles followed.',
            ['He said: "About 3,000 are in training!"', '"Really?"', "100 missiles followed."],
        ),
        (
            "The figure (about 8 million.) Was it true? Nobody knows... Officials said no.",
            ["The figure (about 8 million.)", "Was it true?", "Nobody knows...", "Officials said no."],
        ),
        ("Prices rose 5.5% in 2023. In 2024 they fell.", ["Prices rose 5.5% in 2023.", "In 2024 they fell."]),
    ],
)
def test_sentence_ends_with_quotes_brackets_digits(text, expected):
    assert sentences(text) == expected


def test_lower_case_after_a_period_does_not_start_a_sentence():
    text = "Output rose to 3 mln. tonnes, the ministry said."
    assert sentences(text) == [text]


def test_a_blank_line_is_never_crossed():
    text = "North Korea ships shells to Russia\n\nAbout 3,000 are in training\n  \nSeoul said so."
    assert sentences(text) == [
        "North Korea ships shells to Russia",
        "About 3,000 are in training",
        "Seoul said so.",
    ]


def test_a_wrapped_line_stays_in_its_sentence():
    text = "Officials said the number of troops rose to\n1,500 in October. Seoul agreed."
    assert sentences(text) == [
        "Officials said the number of troops rose to\n1,500 in October.",
        "Seoul agreed.",
    ]


def test_a_wrapped_number_is_not_mistaken_for_a_list_item():
    text = "Casualties among the units rose to\n300. Officials were unsure why."
    assert sentences(text) == [
        "Casualties among the units rose to\n300.",
        "Officials were unsure why.",
    ]


def test_headings_are_sentences_of_their_own_without_their_markers():
    text = "# Shells for Russia\nAbout 3,000 are in training\n## 1,500 already sent\nSeoul agreed"
    assert sentences(text) == [
        "Shells for Russia",
        "About 3,000 are in training",
        "1,500 already sent",
        "Seoul agreed",
    ]


def test_underlined_heading_and_thematic_break():
    text = "Shells for Russia\n=================\nAbout 3,000 are in training\n\n---\nSeoul agreed"
    assert sentences(text) == ["Shells for Russia", "About 3,000 are in training", "Seoul agreed"]


def test_list_items_each_start_a_sentence_and_markers_are_left_out():
    text = (
        "Key figures:\n"
        "- 10,000 soldiers planned\n"
        "* 1,500 already sent. Others wait\n"
        "\n"
        "1. About 3,000 in training\n"
        "2. 100 missiles\n"
        "   shipped by sea\n"
        "3. Eight million shells"
    )
    assert sentences(text) == [
        "Key figures:",
        "10,000 soldiers planned",
        "1,500 already sent.",
        "Others wait",
        "About 3,000 in training",
        "100 missiles\n   shipped by sea",
        "Eight million shells",
    ]


def test_excluded_spans_are_skipped_entirely():
    [document] = [d for d in read_path(str(DATA / "shells.md")) if isinstance(d, Document)]
    found = split_sentences(document)
    texts = [s.text for s in found]
    assert texts == [
        "Pyongyang's artillery pipeline to Russia",
        "North Korea has supplied about eight million shells since August of last year, "
        "according to a\ndefence ministry estimate.",
        "Analysts say North Korea supplies three million shells annually.",
        "Of 10,000 soldiers planned, 1,500 have already been sent.",
        "About 3,000 are in training.",
        "Around 100 missiles were also shipped.",
        "Deliveries continued through Oct. 2024.",
    ]
    for sentence in found:
        assert sentence.text == document.text[sentence.start : sentence.end]
        assert not any(start < sentence.end and sentence.start < end for start, end in document.excluded)


def test_an_excluded_span_inside_a_paragraph_splits_it():
    text = "About 3,000 are <!-- was 2,000 --> in training."
    comment = (text.index("<!--"), text.index("-->") + 3)
    assert sentences(text, excluded=(comment,)) == ["About 3,000 are", "in training."]


def test_empty_and_whitespace_documents_have_no_sentences():
    assert sentences("") == []
    assert sentences(" \n\n\t\n") == []


_WORDS = st.sampled_from(
    ["North", "Korea", "shells", "about", "8.5", "million", "U.S.", "Dr.", "1,500", "troops", "Oct.",
     "said", "e.g.", '"We', 'left."', "(Reuters)", "3,000", "annually", "J.", "Smith", "rose", "5%"]
)
_SENTENCE = st.lists(_WORDS, min_size=1, max_size=12).map(" ".join).map(lambda s: s + ".")
_SEPARATOR = st.sampled_from([" ", "  ", "\n", " \n", "\n\n", "\n \n\n", "! ", "? "])


@given(st.lists(st.tuples(_SENTENCE, _SEPARATOR), min_size=1, max_size=8))
def test_offsets_are_exact_ordered_trimmed_and_cover_all_words(parts):
    text = "".join(sentence + separator for sentence, separator in parts)
    found = split_sentences(Document(id="story", text=text))
    previous_end = 0
    for sentence in found:
        assert sentence.text == text[sentence.start : sentence.end]
        assert sentence.text == sentence.text.strip() and sentence.text
        assert sentence.start >= previous_end
        assert "\n\n" not in sentence.text.replace(" ", "")
        previous_end = sentence.end
    covered = "".join(sentence.text for sentence in found)
    assert "".join(covered.split()) == "".join(text.split())  # nothing lost, nothing repeated


@given(st.lists(st.sampled_from([
    "Mr.", "U.S.", "J.", "Co.", "e.g.", "No. 5", "p. 7", "Sept.", "Messrs.", "Thurs.", "İs.", "ǅa.", "Abcdefgh.",
    "Seventeen.", "(Prof.", "www.example.com.", "word", " ", "  ", "\n", "X", "7", "!", "?", "\"",
]), max_size=14))
def test_the_long_word_shortcut_leaves_every_sentence_end_as_it_was(parts):
    """A period after more letters than any abbreviation has ends a sentence without looking at the word."""
    text = "".join(parts)
    fast = split_sentences(Document(id="story", text=text))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(segment, "_LONGER_THAN_ABBREVIATIONS", len(text) + 1)  # never taken
        assert split_sentences(Document(id="story", text=text)) == fast


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("See No.\u00a0\u2003 5 for details.", 1),  # any space before the figure, as ``str.isspace`` has it
        ("It said no. 5 people came.", 1),
        ("It said No. Others agreed.", 2),  # not before a figure: an ordinary word
        ("Revenue rose in 2013. Costs fell.", 2),  # a period after a figure is a sentence end
    ],
)
def test_a_number_abbreviation_holds_only_before_a_figure(text, sentences):
    assert len(split_sentences(Document(id="story", text=text))) == sentences
