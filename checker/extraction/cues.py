"""Cue phrases, relation verbs and measure words: loaded once from the lexicon's cue files."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from checker import yamltext
from checker.extraction.numbers import word_trie
from checker.lexicon import CUE_FILES, LEXICON_DIR, Lexicon, words_of


@dataclass(frozen=True, slots=True)
class Cues:
    """Cue phrases loaded from ``rules/lexicon/*.yaml`` (modality, boilerplate, verbs)."""

    modality: re.Pattern[str]  # one alternation of lower-case cues, a named group per modality
    boilerplate: re.Pattern[str]  # lower-case phrases: search ``text.lower()``
    boilerplate_phrases: tuple[str, ...]  # the same phrases, for plain substring tests
    modality_phrases: tuple[str, ...]  # every phrase of ``modality``, for plain substring tests
    attribution_verbs: frozenset[str]
    relation_forms: dict[str, str]  # inflected form -> lemma of a relation verb
    neutral_forms: frozenset[str]
    # Whole-word tests against a sentence's ``words_of`` set (None: a cue is not such a word, test substrings).
    modality_heads: frozenset[str] | None  # the first word of every modality phrase
    attribution_words: frozenset[str] | None  # the attribution verbs
    relation_heads: frozenset[str]  # first words of the two-word relation forms ("lay off")
    relation_words: frozenset[str]  # those first words and the one-word forms: a word of neither says no relation
    # ``modality`` starting at the non-word character before a cue (see ``modality_cues``)
    modality_scan: re.Pattern[str]
    # Each modality phrase under its first word, shortest first (None: a phrase does not open with that word)
    modality_by_head: dict[str, tuple[str, ...]] | None
    measures: Measures  # the words for what a figure without a noun measures (``measures.yaml``)
    # "will", "would": under an earlier estimate or forecast cue of the clause, that cue stands
    modal_verbs: frozenset[str] = frozenset()
    speaker_roles: frozenset[str] = frozenset()  # lower-case words that title a person ("director")

    @classmethod
    def load(cls, *directories: Path) -> Cues:
        """The cues of ``cues.yaml`` and ``relations.yaml`` in each directory (the shipped one when none
        is given), later directories adding phrases and verbs to earlier ones."""
        cues, verbs, measures = _merged_cue_files(directories or (LEXICON_DIR,))
        # Searched in lower-cased text: a case-insensitive alternation is many times slower.
        # Each modality's phrases as a trie, a whole word after each (see ``word_trie``).
        groups = "|".join(
            f"(?P<{name}>" + word_trie([p.lower() for p in phrases]) + ")" for name, phrases in cues["modality"].items()
        )
        modality = re.compile(rf"\b(?:{groups})")
        firsts = "".join(sorted({re.escape(p.lower()[0]) for group in cues["modality"].values() for p in group}))
        modality_scan = re.compile(rf"[^\w](?=[{firsts}])(?:{groups})")
        # Searched in lower-cased text: a case-insensitive alternation is many times slower.
        boiler = re.compile("|".join(re.escape(p.lower()) for p in cues["boilerplate"]))
        relation_forms: dict[str, str] = {}
        for lemma, extra in (verbs.get("relations") or {}).items():
            for form in (*_regular_forms(lemma), *(extra or [])):
                relation_forms[form.lower()] = lemma
        neutral = {f.lower() for lemma, extra in (verbs.get("neutral") or {}).items() for f in (*_regular_forms(lemma), *(extra or []))}
        phrases = tuple(p.lower() for p in cues["boilerplate"])
        modality_phrases = tuple(p.lower() for group in cues["modality"].values() for p in group)
        verbs_said = frozenset(cues["attribution_verbs"])
        return cls(
            modality, boiler, phrases, modality_phrases, verbs_said, relation_forms, frozenset(neutral),
            _first_words(modality_phrases), verbs_said if _first_words(verbs_said) == verbs_said else None,
            heads := frozenset(form.split(" ", 1)[0] for form in relation_forms if " " in form),
            heads | {form for form in relation_forms if " " not in form},
            modality_scan,
            _phrases_by_head(modality_phrases),
            _measures_from(measures),
            frozenset(p.lower() for p in cues.get("modal_verbs") or ()),
            frozenset(word.lower() for word in cues.get("speaker_roles") or ()),
        )

    def modality_cues(self, lowered: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """``self.modality.finditer(lowered, start, end)``, each match's ``lastgroup`` naming its modality.

        A cue starts after a non-word character (``\\b``, every phrase begins
        with a letter), so ``modality_scan`` looks for that character and
        then a cue's first letter: the engine skips to those in a tight loop
        instead of trying every phrase at every word. Only a cue at the very
        start of the text has no such character; it is matched on its own.
        """
        pos = start - 1
        if start == 0:
            first = self.modality.match(lowered, 0, end)
            if first is not None:
                yield first
                pos = first.end()
            else:
                pos = 0
        yield from self.modality_scan.finditer(lowered, pos, end)

    def is_boilerplate(self, lowered: str) -> bool:
        """Whether a lower-cased text holds an advertising cue: the same answer as
        ``self.boilerplate.search``, but a substring test per phrase is cheaper than the alternation."""
        return has_any(lowered, self.boilerplate_phrases)

    def may_advertise(self, article: str, lowered: str | None = None) -> bool:
        """False when no sentence of ``article`` can hold an advertising cue, so none is searched.

        With ASCII cues, a cue in a lower-cased sentence is in the lower-cased
        article too; other cues are always searched sentence by sentence.
        ``lowered``: ``article.lower()``, when the caller has it already."""
        if not all(p.isascii() for p in self.boilerplate_phrases):
            return True
        return self.is_boilerplate(article.lower() if lowered is None else lowered)

    def may_hold_modality(self, lowered: str, words: set[str]) -> bool:
        """Whether ``self.modality`` can match anywhere in a lower-cased text, whose ``words_of`` are ``words``:
        a match, bounded by ``\\b``, holds the first word of its phrase as a whole word."""
        if self.modality_heads is None:
            return has_any(lowered, self.modality_phrases)
        return not self.modality_heads.isdisjoint(words)

    def modality_places(self, lowered: str, words: set[str]) -> list[tuple[int, int]] | None:
        """(start, end) of every modality phrase written in a lower-cased sentence (``words``: its
        ``words_of``), in order; None when that cannot be told from the phrases' first words.

        Found once per sentence, so that the clause of each figure is scanned
        (``may_cue``) only when a phrase is written in it: most clauses hold
        none, though "was" or "will" is somewhere in most sentences."""
        if self.modality_by_head is None or self.modality_heads is None:
            return None
        places = []
        for head in self.modality_heads.intersection(words):
            for phrase in self.modality_by_head[head]:  # each phrase looked for whole: "to" is in most words
                at = lowered.find(phrase)
                while at != -1:
                    places.append((at, at + len(phrase)))
                    at = lowered.find(phrase, at + 1)
        places.sort()
        return places


def may_cue(places: list[tuple[int, int]] | None, lowered: str, start: int, end: int) -> bool:
    """False only when ``Cues.modality_cues(lowered, start, end)`` finds nothing; ``places`` is the sentence's
    ``Cues.modality_places`` (None: unknown).

    A cue found in the range is a phrase written within it whose first word is
    a whole word of the sentence, with one exception: a one-word phrase that
    the range's end cuts out of a longer word ("was|n't"), read whenever the
    end falls inside a word."""
    if places is None or _WORD_PAIR.match(lowered, end - 1):
        return True
    for place_start, place_end in places:
        if place_start >= end:
            break
        if place_start >= start and place_end <= end:
            return True
    return False


_WORD_PAIR = re.compile(r"\w\w")


def _phrases_by_head(phrases: Iterable[str]) -> dict[str, tuple[str, ...]] | None:
    """Lower-case phrases under their first ``words_of`` word, shortest first; None unless every phrase is
    ASCII and opens with that word, so that a phrase is found wherever its first word is written."""
    by_head: dict[str, set[str]] = {}
    for phrase in phrases:
        words = words_of(phrase)
        if not phrase.isascii() or not words or not phrase.startswith(words[0]):
            return None
        by_head.setdefault(words[0], set()).add(phrase)
    return {head: tuple(sorted(group, key=lambda p: (len(p), p))) for head, group in by_head.items()}


def _first_words(phrases: Iterable[str]) -> frozenset[str] | None:
    """The first ``words_of`` word of each lower-case phrase, or None when a phrase has none."""
    heads = set()
    for phrase in phrases:
        words = words_of(phrase)
        if not words:
            return None
        heads.add(words[0])
    return frozenset(heads)


def has_any(text: str, words: Iterable[str]) -> bool:
    """Whether any of ``words`` is a substring of ``text`` (a plain loop: ``any()`` costs twice as much)."""
    for word in words:
        if word in text:
            return True
    return False


def _regular_forms(lemma: str) -> tuple[str, ...]:
    """Regular English inflections of a verb lemma (supply -> supplies, supplied, supplying)."""
    if " " in lemma:  # phrasal verb: inflect the first word
        head, rest = lemma.split(" ", 1)
        return tuple(f"{form} {rest}" for form in _regular_forms(head))
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith(("s", "sh", "ch", "x")):
        return lemma, lemma + "es", lemma + "ed", lemma + "ing"
    return lemma, lemma + "s", lemma + "ed", lemma + "ing"


def _merged_cue_files(directories: Sequence[Path]) -> tuple[dict, dict, dict]:
    """``cues.yaml``, ``relations.yaml`` and ``measures.yaml`` of every directory that has them, merged:
    lists are joined, and a mapping's lists are joined name by name (a user's "planned" cues add to the
    shipped ones); a single word, alone or in a mapping ("lends: loan"), is replaced by a later one."""
    merged: tuple[dict, dict, dict] = ({}, {}, {})
    for directory in directories:
        for target, name in zip(merged, CUE_FILES, strict=True):
            path = Path(directory) / name
            if not path.is_file():
                continue
            for key, value in (yamltext.load(path.read_text(encoding="utf-8")) or {}).items():
                if isinstance(value, list):
                    target[key] = [*target.get(key, []), *value]
                elif isinstance(value, dict):
                    section = target.setdefault(key, {})
                    for entry, items in value.items():
                        earlier = section.get(entry)
                        joined = isinstance(items, list | None) and isinstance(earlier, list | None)
                        section[entry] = [*(earlier or []), *(items or [])] if joined else items
                else:
                    target[key] = value
    return merged


@cache
def default_cues() -> Cues:
    return Cues.load()


@cache
def _cues_of(directories: tuple[Path, ...]) -> Cues:
    return Cues.load(LEXICON_DIR, *directories)


def cues_for(lexicon: Lexicon) -> Cues:
    """The cues that go with a lexicon: the shipped ones, plus those of its user directories."""
    return _cues_of(lexicon.cue_dirs) if lexicon.cue_dirs else default_cues()


HEDGE_TAIL = r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|some\s+|up\s+to\s+|at\s+least\s+|just\s+(?:over|under)\s+)?"
_LINKING_TEMPLATE = (  # "{more}": the change verbs of rules/lexicon/measures.yaml
    r"(?:(?:has|have|had)\s+(?:been\s+)?|(?:will|would|could|should|is\s+expected\s+to|is\s+set\s+to)\s+)?"
    r"(?:rose|risen|rise|climbed|fell|fallen|dropped|stood|stands|reached|reach|hit|totalled|totaled|totals|"
    r"was|is|were|are|be|increased|decreased|jumped|measur(?:es|ed|ing|e)|runs?|ran|running|stretch(?:es|ed|ing)?|"
    r"span(?:s|ned|ning)?|cover(?:s|ed|ing)?|extend(?:s|ed|ing)?{more})"
    r"\s+(?:(?:unchanged|steady|stable)\s+(?=at\s))?(?:to\s+|at\s+|by\s+|for\s+|over\s+|across\s+)?"
)


@dataclass(frozen=True, slots=True)
class Measures:
    """Word lists of ``rules/lexicon/measures.yaml`` and the patterns built from them."""

    noun_before_verb: re.Pattern[str]  # "the death toll rose to", "exports grew", "military aid worth"
    measuring_verb: re.Pattern[str]  # "will cost", "would lend up to"
    measuring_verbs: dict[str, str]
    value_item: str
    openers: frozenset[str]
    agents: frozenset[str]
    compound_heads: frozenset[str]
    forecasters: frozenset[str]
    land_on: re.Pattern[str]  # "sowed winter wheat on"
    goods_flows: frozenset[str] = frozenset()  # "export": "barley exports" measure the barley
    flow_modifiers: frozenset[str] = frozenset()  # "total exports": how a flow is counted, not what moves
    change_nouns: frozenset[str] = frozenset()  # "a 5% cut": how a figure moved, not what it counts
    not_purposes: frozenset[str] = frozenset()  # "5 million euros for now": when or how, not what for


def _measures_from(data: dict) -> Measures:
    more = "".join(f"|{re.escape(v)}" for v in data["change_verbs"])
    linking = _LINKING_TEMPLATE.replace("{more}", more)
    verbs = {str(k): str(v) for k, v in data["measuring_verbs"].items()}
    alternation = "|".join(sorted(map(re.escape, verbs), key=len, reverse=True))
    return Measures(
        noun_before_verb=re.compile(rf"(?<![\w-])([a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)\s+{linking}{HEDGE_TAIL}$"),
        measuring_verb=re.compile(rf"\b({alternation})\s+(?:an\s+estimated\s+)?{HEDGE_TAIL}$"),
        measuring_verbs=verbs,
        value_item=str(data["value_item"]),
        openers=frozenset(data["sentence_openers"]),
        agents=frozenset(data["agents"]),
        compound_heads=frozenset(data["compound_heads"]),
        forecasters=frozenset(data.get("forecasters") or ()),
        land_on=_land_on_pattern(data.get("land_verbs") or ()),
        goods_flows=frozenset(data.get("goods_flows") or ()),
        flow_modifiers=frozenset(data.get("flow_modifiers") or ()),
        change_nouns=frozenset(data.get("change_nouns") or ()),
        not_purposes=frozenset(data.get("not_purposes") or ()),
    )


def _land_on_pattern(verbs: Iterable[str]) -> re.Pattern[str]:
    """``Measures.land_on``: a land verb, its crop, "on" and the figure. Active voice only: before "was sown"
    two words may hold a verb ("officials said wheat was sown"), after "sowed" they are its object."""
    alternation = "|".join(sorted(map(re.escape, verbs), key=len, reverse=True)) or "(?!)"
    return re.compile(
        rf"\b(?:{alternation})\s+([a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)\s+on\s+(?:an\s+estimated\s+)?{HEDGE_TAIL}$"
    )
