"""Entity look-ups: the word-level alias scan and the cached fuzzy look-up.

The scan replaced one big alternation regex for speed; ``_reference_entities``
keeps that regex as an oracle, and the scan must agree with it on every
sentence of the fixture corpus and on the awkward cases below.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from checker.ingest import read_documents
from checker.lexicon import Lexicon, _is_acronym, _strip_possessive, default_lexicon
from checker.model import Document
from checker.segment import split_sentences

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


def _reference_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """The former implementation: one alternation, longest alias first."""
    parts = []
    for alias in sorted(lexicon.entity_aliases, key=len, reverse=True):
        surface = lexicon._surface.get(alias, alias)
        parts.append(re.escape(surface) if _is_acronym(surface) else "(?i:" + re.escape(alias) + ")")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?:'s|’s)?(?![\w-])")


def _reference_entities(lexicon: Lexicon, pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str | None]]:
    """Spans as the former regex found them; the entity as it looked it up (None where that crashed)."""
    found = []
    for m in pattern.finditer(text):
        key = _strip_possessive(m.group(0)).lower()
        found.append((m.start(), m.end(), lexicon.entity_aliases.get(key)))
    return found


def _corpus_sentences() -> list[str]:
    sentences = []
    for item in read_documents([str(CORPUS)]):
        if isinstance(item, Document):
            sentences.extend(s.text for s in split_sentences(item))
    return sentences


def test_scan_agrees_with_the_alternation_regex_on_the_fixture_corpus():
    lexicon = default_lexicon()
    pattern = _reference_pattern(lexicon)
    sentences = _corpus_sentences()
    assert len(sentences) > 200
    with_entities = 0
    for text in sentences:
        expected = _reference_entities(lexicon, pattern, text)
        assert lexicon.find_entities(text) == expected, text
        with_entities += bool(expected)
    assert with_entities > 50  # the corpus does exercise the scan


AWKWARD = [
    "The US's and NATO's forces; the alliance said; U.S.-led; North Korea's troops; north korea.",
    "WHO said who would pay; us and US; the U.S. and the U.S.A. and the USA.",
    "North Korea’s envoy met South Korea's spy agency in Pyongyang.",
    "North  Korea (two spaces) and North\nKorea (a line break) are not the alias.",
    "Anti-NATO protesters, NATO-led forces and non-US firms are not mentions; (NATO) is.",
    "The Democratic People's Republic of Korea, the DPRK and N. Korea.",
    "OPEC+ cut output; OPEC's members and OPEC+'s deal; opec is lower case.",
    "Médecins Sans Frontières and MSF; Türkiye; TÜRKIYE; the E.U. and EU.",
    "USs, USA's, U.S.'s and UK’s figures.",
    "Russian, Russians and Russia's; South Koreans, South Korean and South Korea.",
    "Russia1, _Russia, Russia_ and xRussia are glued; Russia- and -Russia too.",
    "Dublin–Belfast high-speed line and Dublin-Belfast high-speed line; the US—and US’ figures; Kursk—Russia.",
    "",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_scan_agrees_with_the_alternation_regex_on_awkward_text(text):
    lexicon = default_lexicon()
    assert lexicon.find_entities(text) == _reference_entities(lexicon, _reference_pattern(lexicon), text)


def test_acronyms_match_only_in_capitals():
    lexicon = default_lexicon()
    text = "WHO said who would pay; us and US."
    found = [(text[s:e], canonical) for s, e, canonical in lexicon.find_entities(text)]
    assert found == [("WHO", "World Health Organization"), ("US", "United States")]


def test_longest_alias_wins_and_possessive_is_part_of_the_span():
    lexicon = default_lexicon()
    text = "South Korea's spy agency said North Korea’s troops moved."
    found = [(text[s:e], canonical) for s, e, canonical in lexicon.find_entities(text)]
    assert found[0] == ("South Korea's spy agency", lexicon.entity("NIS"))
    assert found[1] == ("North Korea’s", "North Korea")


def test_names_glued_to_a_hyphen_or_word_are_not_mentions():
    lexicon = default_lexicon()
    assert lexicon.find_entities("Anti-NATO and NATO-led and USs") == []


def test_alias_written_with_a_possessive_maps_to_its_entity():
    # "alliance's" is itself an alias; stripping its "'s" used to lose it (a KeyError).
    lexicon = default_lexicon()
    text = "The alliance's members met."
    assert lexicon.find_entities(text) == [(4, 14, "NATO")]


def _user_lexicon(tmp_path: Path, body: str) -> Lexicon:
    (tmp_path / "extra.yaml").write_text(body, encoding="utf-8")
    return Lexicon.load([tmp_path])


def test_user_aliases_with_punctuation_are_found(tmp_path):
    lexicon = _user_lexicon(tmp_path, "entities:\n  Hashtag Movement: ['#MeToo', 'A.B.C. Group', '+Plus']\n")
    text = "The #MeToo wave, the a.b.c. group and +Plus grew; x#MeToo is glued."
    expected = _reference_entities(lexicon, _reference_pattern(lexicon), text)
    assert lexicon.find_entities(text) == expected
    assert [text[s:e] for s, e, _ in expected] == ["#MeToo", "a.b.c. group", "+Plus"]


def test_case_insensitive_aliases_beyond_ascii(tmp_path):
    # Python's case-insensitive matching takes "i" for the dotless "ı" and "İ" for "i".
    lexicon = _user_lexicon(tmp_path, "entities:\n  Diyarbakır: [Diyarbakır]\n  Istanbul: [Istanbul]\n")
    text = "From DIYARBAKIR and Diyarbakir to İstanbul and ISTANBUL."
    expected = _reference_entities(lexicon, _reference_pattern(lexicon), text)
    assert [(s, e) for s, e, _ in lexicon.find_entities(text)] == [(s, e) for s, e, _ in expected]
    assert [c for _, _, c in lexicon.find_entities(text)] == ["Diyarbakır", "Diyarbakır", "Istanbul", "Istanbul"]


def test_aliases_added_after_a_scan_are_seen(tmp_path):
    lexicon = Lexicon.load()
    assert lexicon.find_entities("Zyxland grew.") == []
    assert lexicon.entity("Zyxland") is None
    (tmp_path / "late.yaml").write_text("entities:\n  Zyxland: [Zyx Republic]\n", encoding="utf-8")
    lexicon._add_file(tmp_path / "late.yaml")
    assert lexicon.find_entities("Zyxland grew.") == [(0, 7, "Zyxland")]
    assert lexicon.entity("Zyxland") == "Zyxland"


def test_entities_by_last_word_agree_with_a_scan_and_see_late_aliases(tmp_path):
    """"the republic" finds the entities with an alias of several words ending in "republic"."""
    lexicon = Lexicon.load()
    for word in ("republic", "plant", "korea", "bank"):
        scanned = [c for a, c in lexicon.entity_aliases.items() if a.endswith(" " + word)]
        assert lexicon.entities_ending_in(word) == scanned
    assert "Zyxland" not in lexicon.entities_ending_in("republic")
    (tmp_path / "late.yaml").write_text("entities:\n  Zyxland: [Zyx Republic]\n", encoding="utf-8")
    lexicon._add_file(tmp_path / "late.yaml")
    assert "Zyxland" in lexicon.entities_ending_in("republic")
    assert lexicon.entities_ending_in("zyxland") == []  # one word: not a "the <noun>" reference


def test_endings_of_names_are_the_last_words_of_their_aliases_of_several_words():
    lexicon = Lexicon.load()
    names = [*sorted(set(lexicon.entity_aliases.values())), "Grace Wanjiru", "Zyxland", ""]
    expected = {alias.rsplit(" ", 1)[1] for alias in lexicon.entity_aliases if " " in alias}
    assert lexicon.endings_of(names) == expected
    korea = [alias for alias, name in lexicon.entity_aliases.items() if name == "North Korea" and " " in alias]
    assert lexicon.endings_of(["North Korea"]) == {alias.rsplit(" ", 1)[1] for alias in korea} >= {"korea"}
    assert lexicon.endings_of(["Grace Wanjiru"]) == set()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Pyongyang's", "North Korea"),
        ("north korea", "North Korea"),
        ("North Koreaa", "North Korea"),  # fuzzy: one letter off
        ("Ministry", None),
        ("", None),
    ],
)
def test_entity_look_up_exact_then_fuzzy(name, expected):
    lexicon = default_lexicon()
    assert lexicon.entity(name) == expected
    assert lexicon.entity(name) == expected  # the cached answer is the same


def test_article_entities_reused_for_a_sentence_agree_with_a_scan_of_it():
    from checker.extraction.article import DocumentContext

    lexicon = default_lexicon()
    reused = 0
    for item in read_documents([str(CORPUS)]):
        if not isinstance(item, Document):
            continue
        document = DocumentContext.read(item.text, item.title, lexicon)
        for sentence in split_sentences(item):
            found = document.entities_in(sentence.text, sentence.start)
            if found is not None:
                reused += 1
                assert found == lexicon.find_entities(sentence.text), sentence.text
    assert reused > 200


def test_article_entities_are_not_reused_across_a_sentence_edge():
    from checker.extraction.article import DocumentContext

    lexicon = default_lexicon()
    text = "Troops came from the U.S. Federal Reserve staff said so."
    document = DocumentContext.read(text, None, lexicon)
    assert document.entities_in("Federal Reserve staff said so.", text.index("Federal")) is None  # entity crosses in
    assert document.entities_in("Troops came from the U.S.", 0) is None  # entity crosses out
    assert document.entities_in("staff said so.", text.index("staff")) == []
    assert document.entities_in("came", 8) is None  # not the article's text at that offset


def test_lower_case_words_answer_as_the_set_of_the_article_words():
    from checker.extraction.article import _LOWER_WORD, LowerCaseWords

    text = "Rescuers said rescuers' work, the well-known abc-Def case and Cahir's plant don't-stop x1 ab_c."
    words = frozenset(_LOWER_WORD.findall(text))
    common = LowerCaseWords(text)
    questions = {*words, "rescuers", "cahir", "def", "abc", "well", "known", "don", "ab", "x", "", "plant works"}
    for word in sorted(questions):
        assert (word in common) == (word in words), word


def test_lower_case_words_answer_as_the_set_next_to_every_kind_of_character():
    from checker.extraction.article import _LOWER_WORD, LowerCaseWords

    # "ab" between each pair of: nothing, a space, a letter, a capital, a digit, "_", "'", "-", "’", "é"
    sides = ["", " ", "x", "X", "1", "_", "'", "-", "’", "é"]
    for before in sides:
        for after in sides:
            for text in (f"{before}ab{after}", f"cd {before}ab{after} ab-cd", f"{before}ab{after}'s cd'"):
                words = frozenset(_LOWER_WORD.findall(text))
                for word in ("ab", "cd", "abx", "xab", "ab-cd", "ab'", "a"):
                    assert (word in LowerCaseWords(text)) == (word in words), (text, word)


def test_user_lexicons_add_level_verbs_and_a_malformed_list_names_its_file(tmp_path):
    from checker.lexicon import LexiconError

    assert {"employ", "hold"} <= Lexicon.load().level_relations
    (tmp_path / "levels.yaml").write_text("levels: [staff]\n", encoding="utf-8")
    assert "staff" in Lexicon.load([tmp_path]).level_relations
    (tmp_path / "levels.yaml").write_text("levels: staff\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="levels.yaml: 'levels' must be a list"):
        Lexicon.load([tmp_path])


CUES_YAML = """\
modality:
  planned: [is slated to]
boilerplate: [members save]
attribution_verbs: [tweeted]
"""
RELATIONS_YAML = """\
relations:
  airlift: []
"""
MEASURES_YAML = """\
measuring_verbs:
  borrow: debt
"""
ARTICLE = (
    "Nordgas is slated to open 12 fuel depots next year, its chief tweeted.\n\n"
    "Members save 15 percent on every order.\n\n"
    "The air force will airlift 300 tonnes of grain, the ministry said.\n\n"
    "The city will borrow 40 million euros, the council said.\n"
)


def _claims_with(lexicon: Lexicon) -> dict[str, object]:
    from checker.pipeline import document_claims

    document = Document(id="cues.md", text=ARTICLE, published=date(2024, 5, 2))
    return {c.text: c for c in document_claims(document, lexicon)}


def test_user_cues_and_relation_verbs_add_to_the_shipped_ones(tmp_path):
    shipped = _claims_with(Lexicon.load())
    (tmp_path / "cues.yaml").write_text(CUES_YAML, encoding="utf-8")
    (tmp_path / "relations.yaml").write_text(RELATIONS_YAML, encoding="utf-8")
    (tmp_path / "measures.yaml").write_text(MEASURES_YAML, encoding="utf-8")
    extended = _claims_with(Lexicon.load([tmp_path]))
    depots, discount, grain = extended["12 fuel depots"], extended["15 percent"], extended["300 tonnes of grain"]
    assert (shipped["12 fuel depots"].modality, depots.modality) == ("actual", "planned")
    assert (shipped["15 percent"].boilerplate, discount.boilerplate) == (False, True)
    assert (shipped["300 tonnes of grain"].relation, grain.relation) == (None, "airlift")
    assert grain.modality == "planned"  # the shipped "will" is still a cue
    assert (shipped["40 million euros"].item, extended["40 million euros"].item) == (None, "debt")
    assert _claims_with(Lexicon.load([tmp_path]))["15 percent"].boilerplate  # cached cues, same answer


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("cues.yaml", "boilerplate: members save\n", "cues.yaml: 'boilerplate' must be a list"),
        ("cues.yaml", "modality:\n  planned: is slated to\n", "cues.yaml: 'modality' must map"),
        ("cues.yaml", "modality:\n  not sure: [may]\n", "cues.yaml: a modality's name must be one word"),
        ("relations.yaml", "relations: [airlift]\n", "relations.yaml: 'relations' must map"),
        ("measures.yaml", "measuring_verbs:\n  borrow: [debt]\n", "measures.yaml: 'measuring_verbs' must map"),
        ("measures.yaml", "agents: council\n", "measures.yaml: 'agents' must be a list"),
    ],
)
def test_a_malformed_user_cue_file_names_itself_when_the_lexicon_loads(tmp_path, name, text, message):
    from checker.lexicon import LexiconError

    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        Lexicon.load([tmp_path])
