"""Entity aliases and item synonyms, loaded once from data files.

Names drift between articles ("DPRK", "Pyongyang", "North Korea"), and so do
the things counted ("troops", "soldiers"). Both lists are data under
``rules/lexicon/`` that users extend with their own directories; this module
only loads them and answers look-ups. Every YAML file there may hold an
``entities`` map (canonical name -> aliases), an ``items`` map (canonical
item -> synonyms) and a ``regions`` map (region -> the places within it);
other top-level keys (such as ``units``) belong to other modules and are
ignored here.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from checker import yamltext

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
LEXICON_DIR = RULES_DIR / "lexicon"

# Fuzzy entity look-up: a spelling variant ("Pyongyang's", "N. Korea") must score
# at least this (rapidfuzz ratio, 0-100) against a known alias to count.
ENTITY_FUZZY_CUTOFF = 90.0
ENTITY_CACHE_SIZE = 65_536  # names remembered by ``Lexicon.entity``


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file."""


# Files of cue phrases, relation verbs and measure words, read by ``context.Cues``; in a user directory they add to
# the shipped ones.
CUE_FILES = ("cues.yaml", "relations.yaml", "measures.yaml")
# Their sections, and the shape each must have: a list of phrases, or a mapping of a name to a list.
_CUE_LISTS = ("boilerplate", "attribution_verbs", "change_verbs", "sentence_openers", "agents", "compound_heads",
              "forecasters", "land_verbs", "modal_verbs", "speaker_roles", "goods_flows", "flow_modifiers")
_CUE_MAPPINGS = ("modality", "relations", "neutral")


def _check_cue_sections(path: Path, data: dict) -> None:
    """Cue sections of the right shape, so that a malformed user file fails when the lexicon loads, naming itself."""
    for key in _CUE_LISTS:
        if not isinstance(data.get(key) or [], list):
            raise LexiconError(f"{path}: '{key}' must be a list of phrases")
    for key in _CUE_MAPPINGS:
        section = data.get(key) or {}
        if not isinstance(section, dict) or not all(isinstance(v or [], list) for v in section.values()):
            raise LexiconError(f"{path}: '{key}' must map a name to a list of phrases")
    if not all(str(name).isidentifier() for name in data.get("modality") or {}):
        raise LexiconError(f"{path}: a modality's name must be one word of letters, digits or '_'")
    verbs = data.get("measuring_verbs") or {}
    if not isinstance(verbs, dict) or not all(isinstance(item, str) for item in verbs.values()):
        raise LexiconError(f"{path}: 'measuring_verbs' must map a verb form to the item it measures")
    if not isinstance(data.get("value_item", ""), str):
        raise LexiconError(f"{path}: 'value_item' must be one word")


@dataclass(slots=True)
class Lexicon:
    """Look-ups over entity aliases and item synonyms (lower-cased keys)."""

    entity_aliases: dict[str, str] = field(default_factory=dict)
    item_synonyms: dict[str, str] = field(default_factory=dict)
    relation_families: list[frozenset[str]] = field(default_factory=list)
    relation_subsets: dict[str, frozenset[str]] = field(default_factory=dict)  # part verb -> whole verbs
    level_relations: frozenset[str] = frozenset()  # verbs of a level held at a time: "employs 640 people"
    regions: dict[str, frozenset[str]] = field(default_factory=dict)  # region -> the places (or regions) listed in it
    # User directories with ``CUE_FILES``, which extend the shipped cues (see ``context.cues_for``)
    cue_dirs: tuple[Path, ...] = ()
    _surface: dict[str, str] = field(default_factory=dict)  # lower-case alias -> as written in the lexicon
    _entity_scan: _AliasScan | None = None  # built on first use, dropped when aliases are added
    _entity_cache: dict[str, str | None] = field(default_factory=dict)  # name -> entity(name)
    _by_head: dict[str, list[str]] | None = None  # last word -> canonicals of aliases of several words
    _endings: dict[str, frozenset[str]] | None = None  # canonical -> last words of its aliases of several words
    _region_names: dict[str, str] | None = None  # lower-case region -> region
    _region_starts: frozenset[str] | None = None  # first words (lower case) of region names and their aliases
    _within: dict[str, frozenset[str]] | None = None  # region -> every place within it, member regions opened
    _listed: frozenset[str] | None = None  # every place some region lists

    @classmethod
    def load(cls, extra_dirs: Iterable[str | Path] = ()) -> Lexicon:
        """Load the shipped lexicon plus any user directories (later ones win)."""
        lexicon = cls()
        for directory in (LEXICON_DIR, *map(Path, extra_dirs)):
            for path in sorted(Path(directory).glob("*.y*ml")):
                lexicon._add_file(path)
                if directory != LEXICON_DIR and path.name in CUE_FILES and Path(directory) not in lexicon.cue_dirs:
                    lexicon.cue_dirs += (Path(directory),)
        return lexicon

    def _add_file(self, path: Path) -> None:
        try:
            data = yamltext.load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise LexiconError(f"{path}: cannot read lexicon: {exc}") from None
        if not isinstance(data, dict):
            raise LexiconError(f"{path}: a lexicon file must be a mapping")
        for key, target in (("entities", self.entity_aliases), ("items", self.item_synonyms)):
            section = data.get(key) or {}
            if not isinstance(section, dict):
                raise LexiconError(f"{path}: '{key}' must map a canonical name to a list of aliases")
            for canonical, aliases in section.items():
                if aliases is None:
                    aliases = []
                if not isinstance(aliases, list):
                    raise LexiconError(f"{path}: {key}.{canonical} must be a list of aliases")
                for alias in (canonical, *aliases):
                    target[str(alias).lower()] = str(canonical)
                    if key == "entities":
                        self._surface[str(alias).lower()] = str(alias)
        families = data.get("families") or []
        if not isinstance(families, list) or not all(isinstance(f, list) for f in families):
            raise LexiconError(f"{path}: 'families' must be a list of lists of verbs")
        self.relation_families.extend(frozenset(str(v) for v in family) for family in families)
        subsets = data.get("subsets") or {}
        if not isinstance(subsets, dict):
            raise LexiconError(f"{path}: 'subsets' must map a verb to the verbs of its whole")
        for part, wholes in subsets.items():
            self.relation_subsets[str(part)] = self.relation_subsets.get(str(part), frozenset()) | frozenset(wholes or [])
        levels = data.get("levels") or []
        if not isinstance(levels, list):
            raise LexiconError(f"{path}: 'levels' must be a list of verbs")
        _check_cue_sections(path, data)
        self.level_relations |= frozenset(str(v) for v in levels)
        self._add_regions(path, data.get("regions") or {})
        self._region_starts = None  # an alias of a region (an entity) may come with any file
        self._entity_scan = None
        self._by_head = None
        self._endings = None
        self._entity_cache.clear()

    def _add_regions(self, path: Path, regions: object) -> None:
        """A later file adds members to a region, never removes any."""
        if not isinstance(regions, dict) or not all(isinstance(m or [], list) for m in regions.values()):
            raise LexiconError(f"{path}: 'regions' must map a region to a list of the places within it")
        for region, members in regions.items():
            self.regions[str(region)] = self.regions.get(str(region), frozenset()) | {str(m) for m in members or []}
        self._within = None
        self._listed = None
        self._region_names = None
        self._region_starts = None

    def region(self, name: str) -> str | None:
        """The region a name is written for ("Europe", "the EU"), or None: a region's own name, or an acronym of
        an entity that is a region ("EU" for the European Union). Other aliases may name a place within it: "in
        Brussels" is a city, not the Union."""
        key = _strip_possessive(name.strip()).lower()
        if key.startswith("the "):
            key = key[4:]
        if not self.regions:
            return None
        if self._region_names is None:
            self._region_names = {region.lower(): region for region in self.regions}
        found = self._region_names.get(key)
        if found is None and _is_acronym(self._surface.get(key, "")):
            found = self.entity_aliases.get(key)
        return found if found in self.regions else None

    def may_start_region(self, word: str) -> bool:
        """Whether a word (any case) begins a region's name or an alias of one: most places in an article do not,
        and need no look-up of the words after them."""
        return word.lower().rstrip(".") in self.region_starts()

    def region_starts(self) -> frozenset[str]:
        """The first words (lower case, no final ".") of the regions' names and of their acronyms."""
        if self._region_starts is None:
            names = [*self.regions, *(self._surface.get(a, a) for a, c in self.entity_aliases.items()
                                      if c in self.regions and _is_acronym(self._surface.get(a, "")))]
            self._region_starts = frozenset(name.split()[0].lower().rstrip(".") for name in names if name.split())
        return self._region_starts

    def lies_in(self, place: str, region: str) -> bool:
        """Whether a canonical place is listed in a region, directly or through a region within it."""
        if self._within is None:
            self._within = {}
        if region not in self._within:
            self._within[region] = self._places_within(region, frozenset())
        return place in self._within[region]

    def is_place(self, canonical: str) -> bool:
        """Whether a canonical name is a region or a place listed in one (a country): a place the news is about,
        where another name may be a body that only speaks of it."""
        return canonical in self.regions or self.is_listed(canonical)

    def is_listed(self, canonical: str) -> bool:
        """Whether some region lists a canonical place (directly: a place within a member region is listed
        by that region too), i.e. ``lies_in`` it for some region."""
        if self._listed is None:
            self._listed = frozenset().union(*self.regions.values())
        return canonical in self._listed

    def _places_within(self, region: str, seen: frozenset[str]) -> frozenset[str]:
        """Every place of a region, its member regions opened (a region listed in itself is read once)."""
        places: set[str] = set()
        for member in self.regions.get(region, ()):
            places.add(member)
            if member in self.regions and member not in seen:
                places |= self._places_within(member, seen | {region})
        return frozenset(places)

    def entity(self, name: str) -> str | None:
        """Canonical entity for a surface name, exact alias first, then fuzzy.

        Answers are cached per name: the fuzzy search scores every alias, and
        articles repeat the same few names.
        """
        try:
            return self._entity_cache[name]
        except KeyError:
            pass
        key = _strip_possessive(name.strip()).lower()
        if not key:
            found = None
        elif key in self.entity_aliases:
            found = self.entity_aliases[key]
        else:
            # Plain ratio, not WRatio: a partial match would make "NIS" a spelling of "Ministry".
            best = process.extractOne(
                key, self.entity_aliases.keys(), scorer=fuzz.ratio, score_cutoff=ENTITY_FUZZY_CUTOFF
            )
            found = self.entity_aliases[best[0]] if best else None
        if len(self._entity_cache) >= ENTITY_CACHE_SIZE:
            self._entity_cache.clear()  # a long archive run must not grow it without bound
        self._entity_cache[name] = found
        return found

    def entities_ending_in(self, word: str) -> list[str]:
        """Canonical entities with an alias of several words whose last word is ``word``
        ("nuclear plant" for "plant"), read from an index rather than a scan of every alias."""
        if self._by_head is None:
            self._index_endings()
        return self._by_head.get(word, [])

    def endings_of(self, canonicals: Collection[str]) -> set[str]:
        """The last words of the aliases of several words of any of ``canonicals``: the words for which
        ``entities_ending_in`` lists one of them, so that an article knows once which words can refer to
        its names. It counts dozens of names, and one set intersection finds the few that are entities
        with such aliases."""
        if self._endings is None:
            self._index_endings()
        endings = self._endings
        return set().union(*(endings[canonical] for canonical in endings.keys() & canonicals))

    def _index_endings(self) -> None:
        by_head: dict[str, list[str]] = {}
        endings: dict[str, set[str]] = {}
        for alias, canonical in self.entity_aliases.items():
            space = alias.rfind(" ")
            if space >= 0:
                by_head.setdefault(alias[space + 1:], []).append(canonical)
                endings.setdefault(canonical, set()).add(alias[space + 1:])
        self._by_head = by_head
        self._endings = {canonical: frozenset(words) for canonical, words in endings.items()}

    def item(self, lemma: str) -> str:
        """Canonical item for a lemma: 'troop' -> 'soldier'; unknown lemmas map to themselves."""
        key = lemma.strip().lower()
        return self.item_synonyms.get(key, key)

    def find_entities(self, text: str) -> list[tuple[int, int, str]]:
        """All known entity aliases in ``text`` as (start, end, canonical), leftmost-longest."""
        if self._entity_scan is None:
            self._entity_scan = _AliasScan.build(self.entity_aliases, self._surface)
        return self._entity_scan.find(text)


@dataclass(frozen=True, slots=True)
class _AliasScan:
    """Word-level alias search, built once per lexicon.

    One big alternation regex tries every alias at every word, which cost
    ~0.5 ms a sentence. Here a word regex finds where an alias may start and a
    dict keyed by that word picks the few aliases to try there, each a small
    compiled pattern with the same rules: acronyms in capitals only, other
    aliases in any case, an optional possessive, never glued to a word or a
    hyphen, and at one position the longest alias that fits wins.

    Even a Python step per word is too slow for a whole archive, and most
    words start no alias. When every word of a text is ASCII, the set of its
    words (``words_of``: string methods only) tells which aliases could fit
    at all: an alias matches only where each of its words is a word of the
    text. Each of those is then looked for whole, with ``str.find``, in that
    text with every character but ``[a-z0-9_]`` made a space (``spaced``:
    ASCII, which ``find`` scans fastest): an alias matches only where its
    words stand so, so the other places its first word stands start no match
    and need no try.
    """

    starts: re.Pattern[str]  # group 1: a word that is not glued to a word or hyphen; else a symbol
    by_word: dict[str, tuple[_Alias, ...]]  # first word folded to ASCII -> aliases, longest first
    by_length: dict[int, tuple[_Alias, ...]]  # first-word length -> every alias: for non-ASCII words
    by_symbol: tuple[_Alias, ...]  # aliases that start with a symbol ("#MeToo")
    symbol_starts: re.Pattern[str] | None  # where a symbol alias may start, if the lexicon has any
    needs: dict[str, tuple[frozenset[str], ...]]  # first word -> the folded words of each of its aliases
    spaced: dict[str, tuple[str, ...]]  # first word -> each of its aliases as ``_spaced`` words, as ``needs``
    alias_words: frozenset[str]  # every word of ``needs``
    # The keys of ``by_word`` as a set: a set intersects another by walking the smaller one (a text's few
    # words), but a dict by walking all its keys.
    first_words: frozenset[str]

    @classmethod
    def build(cls, aliases: dict[str, str], surfaces: dict[str, str]) -> _AliasScan:
        ordered = [
            _Alias.compile(order, alias, surfaces.get(alias, alias), canonical)
            for order, (alias, canonical) in enumerate(sorted(aliases.items(), key=lambda kv: -len(kv[0])))
            if alias
        ]
        by_word: dict[str, list[_Alias]] = {}
        by_length: dict[int, list[_Alias]] = {}
        symbols: list[_Alias] = []
        for alias in ordered:
            first = _FIRST_WORD.match(alias.alias)
            if first is None:
                symbols.append(alias)
                continue
            word = first.group(0)
            by_length.setdefault(len(word), []).append(alias)
            # An ASCII word matches a non-ASCII one only through look-alikes ("Diyarbakir", "diyarbakır").
            ascii_word = fold_case(word)
            if ascii_word.isascii():
                by_word.setdefault(ascii_word, []).append(alias)
        leading = "".join(sorted({re.escape(a.alias[0]) for a in symbols}))
        starts = rf"(?<![\w-])(?:(\w+)|(?i:[{leading}]))" if leading else r"(?<![\w-])(\w+)"
        needs = {
            word: tuple(frozenset(_WORDS.findall(fold_case(a.alias))) for a in found) for word, found in by_word.items()
        }
        return cls(
            starts=re.compile(starts),
            by_word={word: tuple(found) for word, found in by_word.items()},
            by_length={n: tuple(found) for n, found in by_length.items()},
            by_symbol=tuple(symbols),
            symbol_starts=re.compile(rf"(?<![\w-])(?i:[{leading}])") if leading else None,
            needs=needs,
            spaced={word: tuple(_spaced(fold_case(a.alias)) for a in found) for word, found in by_word.items()},
            alias_words=frozenset(by_word).union(*(need for found in needs.values() for need in found)),
            first_words=frozenset(by_word),
        )

    def find(self, text: str) -> list[tuple[int, int, str]]:
        # Beyond ASCII, only letters lower-case to ASCII or to several characters ("K", "İ").
        if not text.isascii() and _has_non_ascii_letter(text):
            return self._try([(m.start(), self._candidates(m.group(1))) for m in self.starts.finditer(text)], text)
        return self._try(self._ascii_starts(text), text)

    def _candidates(self, word: str | None) -> tuple[_Alias, ...]:
        """The aliases that may start with a word (None: with a symbol), longest first."""
        if word is None:
            return self.by_symbol
        if word.isascii():
            return self.by_word.get(word.lower(), ())
        return self.by_length.get(len(word), ())

    def _ascii_starts(self, text: str) -> list[tuple[int, Sequence[_Alias]]]:
        r"""Where an alias may start in a text whose words are all ASCII, and the aliases to try there:
        those whose words are all in the text and stand there in its ``_spaced`` words, not after a hyphen.

        No other alias matches there: ASCII words fold one character to one,
        and an alias stands between characters that are not ``\w``, which
        become spaces."""
        spaced = _spaced(text)
        words = self.alias_words.intersection(spaced.split())  # the text's words that an alias holds
        places: dict[int, list[_Alias]] = {}  # aliases with the same first word may stand at one place
        for word in words.intersection(self.first_words):
            for alias, need, alias_spaced in zip(self.by_word[word], self.needs[word], self.spaced[word]):
                if need <= words:
                    at = spaced.find(alias_spaced)
                    while at != -1:  # the space before the alias is at ``at``, the alias after it
                        if not at or text[at - 1] != "-":
                            places.setdefault(at, []).append(alias)  # longest first, as in ``by_word``
                        at = spaced.find(alias_spaced, at + 1)
        if self.symbol_starts is not None:
            places.update((m.start(), self.by_symbol) for m in self.symbol_starts.finditer(text))
        return sorted(places.items())

    def _try(self, starts: list[tuple[int, Sequence[_Alias]]], text: str) -> list[tuple[int, int, str]]:
        """At each start (in order, none inside an earlier match) the first of its aliases that fits."""
        found: list[tuple[int, int, str]] = []
        taken = 0
        for start, candidates in starts:
            if start < taken:
                continue
            for alias in candidates:
                matched = alias.pattern.match(text, start)
                if matched is not None:
                    taken = matched.end()
                    found.append((start, taken, alias.canonical))
                    break
        return found


@dataclass(frozen=True, slots=True)
class _Alias:
    order: int  # rank in the longest-first order: the first that fits wins
    alias: str  # lower-cased
    canonical: str
    pattern: re.Pattern[str]

    @classmethod
    def compile(cls, order: int, alias: str, surface: str, canonical: str) -> _Alias:
        body = re.escape(surface) if _is_acronym(surface) else "(?i:" + re.escape(alias) + ")"
        return cls(order, alias, canonical, re.compile(body + r"(?:'s|’s)?(?![\w-])"))


_FIRST_WORD = re.compile(r"\w+")
_WORDS = _FIRST_WORD
# A letter or digit beyond ASCII: its case-folding may differ from ASCII's, so such texts take the word-by-word scan.
_NON_ASCII_LETTER = re.compile(r"[^\W\x00-\x7f]")
_ASCII_BYTES = bytes(range(128))


def _has_non_ascii_letter(text: str) -> bool:
    """``_NON_ASCII_LETTER.search(text)``, run only over the characters beyond ASCII: an article holds a few
    ("’", "—"), and dropping the ASCII bytes of its UTF-8 leaves exactly those, whole."""
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    return _NON_ASCII_LETTER.search(rest) is not None


# Every byte that is not a lower-case ASCII word character becomes a space.
_NOT_WORD_TO_SPACE = bytes(c if 0x61 <= c <= 0x7A or 0x30 <= c <= 0x39 or c == 0x5F else 0x20 for c in range(256))


# The same, with capitals lower-cased.
_NOT_WORD_TO_SPACE_LOWER = bytes(c + 0x20 if 0x41 <= c <= 0x5A else _NOT_WORD_TO_SPACE[c] for c in range(256))


def _spaced(text: str) -> str:
    """A text lower-cased, with every character but ``[a-z0-9_]`` made a space, and a space added either side.

    Offsets in the text are those in it less one; the words of a lower-cased
    text are those of ``words_of``, each between spaces."""
    return f" {text.encode('ascii', 'replace').translate(_NOT_WORD_TO_SPACE_LOWER).decode('ascii')} "


def words_of(folded: str) -> list[str]:
    """The ``\\w+`` words of a lower-cased text whose words are all ASCII.

    Splitting after one byte ``translate`` is several times cheaper than a
    regex ``findall``; characters beyond ASCII (encoded as "?") can then only
    be separators.
    In any lower-cased text, a word ``\\b``-bounded on both sides and made of
    ``[a-z0-9_]`` is one of these words: a cheap test of whether a pattern of
    whole words can match at all.
    """
    return folded.encode("ascii", "replace").translate(_NOT_WORD_TO_SPACE).decode("ascii").split()


# Characters Python's case-insensitive matching takes for ASCII letters that
# str.lower() does not turn into them ("ſince" matches "since", "İ" matches "i"),
# each with the ASCII letter of its case.
CASELESS_TWINS = {"İ": "I", "ı": "i", "ſ": "s", "\u212a": "K"}
_CASELESS_TWINS = str.maketrans(CASELESS_TWINS)
# Whether a text holds one: ``translate`` looks every character up in the table (about 0.2 us each),
# a character-class search skips along in C, and nearly every text beyond ASCII holds none (only “quotes”).
_HAS_CASELESS_TWIN = re.compile("[" + "".join(map(chr, _CASELESS_TWINS)) + "]")


def plain_twins(text: str) -> str:
    """``text`` with its caseless twins made the ASCII letters they match, case kept: same length, same
    offsets. A word matched ignoring case is then the word its lower case looks up in a table."""
    if text.isascii() or _HAS_CASELESS_TWIN.search(text) is None:  # the twins are all beyond ASCII
        return text
    return text.translate(_CASELESS_TWINS)


def fold_case(text: str) -> str:
    """``text`` lower-cased so that an ASCII word a pattern matches ignoring case is a plain substring.

    Python's ``re.IGNORECASE`` scans have no fast path; testing a folded copy
    for the words a pattern needs is much cheaper than running the pattern.
    The length and offsets of ``text`` are kept.
    """
    return plain_twins(text).lower()


_POSSESSIVE_END = re.compile(r"(?:'s|’s|'|’)$")


def _is_acronym(surface: str) -> bool:
    """'WHO', 'US', 'U.S.', 'EU': letters all capitals, so 'who' and 'us' are not them."""
    letters = [c for c in surface if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def _strip_possessive(name: str) -> str:
    return _POSSESSIVE_END.sub("", name)


@cache
def default_lexicon() -> Lexicon:
    """The shipped lexicon, built once per process."""
    return Lexicon.load()
