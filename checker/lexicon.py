"""Entity aliases and item synonyms, loaded once from data files.

Names drift between articles ("DPRK", "Pyongyang", "North Korea"), and so do
the things counted ("troops", "soldiers"). Both lists are data under
``rules/lexicon/`` that users extend with their own directories; this module
only loads them and answers look-ups. Every YAML file there may hold an
``entities`` map (canonical name -> aliases) and an ``items`` map (canonical
item -> synonyms); other top-level keys (such as ``units``) belong to other
modules and are ignored here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
LEXICON_DIR = RULES_DIR / "lexicon"

# Fuzzy entity look-up: a spelling variant ("Pyongyang's", "N. Korea") must score
# at least this (rapidfuzz ratio, 0-100) against a known alias to count.
ENTITY_FUZZY_CUTOFF = 90.0


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file."""


@dataclass(slots=True)
class Lexicon:
    """Look-ups over entity aliases and item synonyms (lower-cased keys)."""

    entity_aliases: dict[str, str] = field(default_factory=dict)
    item_synonyms: dict[str, str] = field(default_factory=dict)
    relation_families: list[frozenset[str]] = field(default_factory=list)
    relation_subsets: dict[str, frozenset[str]] = field(default_factory=dict)  # part verb -> whole verbs
    _entity_pattern: re.Pattern[str] | None = None
    _surface: dict[str, str] = field(default_factory=dict)  # lower-case alias -> as written in the lexicon

    @classmethod
    def load(cls, extra_dirs: Iterable[str | Path] = ()) -> Lexicon:
        """Load the shipped lexicon plus any user directories (later ones win)."""
        lexicon = cls()
        for directory in (LEXICON_DIR, *map(Path, extra_dirs)):
            for path in sorted(Path(directory).glob("*.y*ml")):
                lexicon._add_file(path)
        return lexicon

    def _add_file(self, path: Path) -> None:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
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
        self._entity_pattern = None

    def entity(self, name: str) -> str | None:
        """Canonical entity for a surface name, exact alias first, then fuzzy."""
        key = _strip_possessive(name.strip()).lower()
        if not key:
            return None
        if key in self.entity_aliases:
            return self.entity_aliases[key]
        # Plain ratio, not WRatio: a partial match would make "NIS" a spelling of "Ministry".
        best = process.extractOne(key, self.entity_aliases.keys(), scorer=fuzz.ratio, score_cutoff=ENTITY_FUZZY_CUTOFF)
        return self.entity_aliases[best[0]] if best else None

    def item(self, lemma: str) -> str:
        """Canonical item for a lemma: 'troop' -> 'soldier'; unknown lemmas map to themselves."""
        key = lemma.strip().lower()
        return self.item_synonyms.get(key, key)

    def _compile_entities(self) -> re.Pattern[str]:
        """One alternation, longest alias first; acronyms ("WHO", "US") match in capitals only."""
        parts = []
        for alias in sorted(self.entity_aliases, key=len, reverse=True):
            surface = self._surface.get(alias, alias)
            if _is_acronym(surface):
                parts.append(re.escape(surface))
            else:
                parts.append("(?i:" + re.escape(alias) + ")")
        body = "|".join(parts) or r"(?!x)x"
        return re.compile(rf"(?<![\w-])(?:{body})(?:'s|’s)?(?![\w-])")

    def find_entities(self, text: str) -> list[tuple[int, int, str]]:
        """All known entity aliases in ``text`` as (start, end, canonical), leftmost-longest."""
        if self._entity_pattern is None:
            self._entity_pattern = self._compile_entities()
        found = []
        for m in self._entity_pattern.finditer(text):
            surface = _strip_possessive(m.group(0)).lower()
            found.append((m.start(), m.end(), self.entity_aliases[surface]))
        return found


def _is_acronym(surface: str) -> bool:
    """'WHO', 'US', 'U.S.', 'EU': letters all capitals, so 'who' and 'us' are not them."""
    letters = [c for c in surface if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def _strip_possessive(name: str) -> str:
    return re.sub(r"(?:'s|’s|'|’)$", "", name)


@cache
def default_lexicon() -> Lexicon:
    """The shipped lexicon, built once per process."""
    return Lexicon.load()
