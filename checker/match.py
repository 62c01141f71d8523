"""Which claims are about the same thing, found without comparing every pair.

Two figures can only contradict each other when they measure the same
quantity: the same subject, the same (canonical) item, the same base unit,
a compatible modality and verb. Claims are first blocked by exact keys
(subject, base unit, level-or-change), then items inside a block are
clustered (exact after synonyms, then spelling variants by rapidfuzz among
items with the same first letter), so a corpus costs a sort plus small groups
instead of n² comparisons. Groups larger than ``max_group`` are cut (with a
warning) to keep the cost bounded. Parts are never matched with their whole
or with each other: the part-of and sum checks handle them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations

import pandas as pd
from rapidfuzz import fuzz, process

from checker.checks.wording import is_missing
from checker.model import CLAIM_COLUMNS

# Items in one block whose canonical forms score at least this (rapidfuzz
# ``fuzz.ratio``, 0-100) count as the same item: spelling variants and leftover
# inflection ("shell"/"shells", "artillery shell"/"artillery-shell"), not
# different things that share a word ("oil" vs "crude oil" scores 50).
ITEM_SIMILARITY_CUTOFF = 90.0

DEFAULT_MAX_GROUP = 500

# Units in which one article gives many different quantities (money, shares,
# counts, durations): two figures in them are the same quantity only when an
# item says so, so a figure without an item is never matched. In a physical
# dimension (length, area, speed...) a figure without an item is matched only
# with other item-less figures of the same article, subject and verb, never
# with a named item: "the tunnel's 14.5 km" and an item-less "11 miles" of the
# same subject may be its length or not, and Ukraine's "1,300 square
# kilometres" seized and its "4.5 million hectares" sown are different areas.
ITEM_REQUIRED_UNITS = frozenset({"count", "percent", "percentage_point", "second"})

# Modalities that may describe the same fact: an estimate is an estimate *of*
# what actually happened. Plans, targets and forecasts only meet their own kind.
_COMPATIBLE_MODALITIES = {frozenset({"actual", "estimate"})}


def relation_families() -> list[frozenset[str]]:
    """Verbs that report the same fact ("supplied" or "sent" shells), from the lexicon's
    ``families`` (rules/lexicon/relations.yaml). Any other two verbs are different facts:
    "100 people were working" vs "100 people were injured"."""
    from checker.lexicon import default_lexicon

    return default_lexicon().relation_families


@dataclass(slots=True)
class Candidates:
    """Claims (as plain records, nulls as None) and the links checks look at.

    ``pairs`` are positions ``(i, j)``, ``i < j``, into ``claims`` of two
    claims about the same thing; ``loose_pairs`` are pairs that differ only in
    having a verb on one side, which the rate and running-total checks accept
    (a flow such as "8 million shells since August" is the same fact with or
    without "supplied"); ``parts`` maps the position of a whole to
    the positions of the claims the extractor marked as its parts.
    """

    claims: list[dict]
    pairs: list[tuple[int, int]] = field(default_factory=list)
    loose_pairs: list[tuple[int, int]] = field(default_factory=list)
    implied_parts: dict[int, list[int]] = field(default_factory=dict)
    parts: dict[int, list[int]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def flow_pairs(self) -> list[tuple[int, int]]:
        """Pairs for the checks of rates and running totals (see ``loose_pairs``)."""
        return sorted(set(self.pairs) | set(self.loose_pairs))

    def scoped(self, scope: str) -> Candidates:
        """Only links within one document ("document"), across documents ("corpus"), or all."""
        if scope == "both":
            return self
        same = scope == "document"

        def keep(i: int, j: int) -> bool:
            return (self.claims[i]["document"] == self.claims[j]["document"]) == same

        parts = {w: [p for p in ps if keep(w, p)] for w, ps in self.parts.items()}
        return Candidates(
            claims=self.claims,
            pairs=[(i, j) for i, j in self.pairs if keep(i, j)],
            loose_pairs=[(i, j) for i, j in self.loose_pairs if keep(i, j)],
            implied_parts={w: [p for p in ps if keep(w, p)] for w, ps in self.implied_parts.items()},
            parts={w: ps for w, ps in parts.items() if ps},
            warnings=self.warnings,
        )


def claim_records(claims: pd.DataFrame) -> list[dict]:
    """Rows in document order with every null (NaN, NA, NaT) as None."""
    extra = [c for c in claims.columns if c not in CLAIM_COLUMNS]
    frame = claims.reindex(columns=[*CLAIM_COLUMNS, *extra])
    frame = frame.sort_values(["document", "start", "end"], kind="stable", na_position="last")
    records = frame.astype(object).where(frame.notna(), None).to_dict("records")
    for record in records:
        assumptions = record.get("assumptions")
        record["assumptions"] = list(assumptions) if isinstance(assumptions, list | tuple) else []
        for flag in ("boilerplate", "is_change", "cumulative"):
            record[flag] = bool(record.get(flag) or False)
    return records


def compatible_modality(a: str | None, b: str | None) -> bool:
    """Planned vs actual never match; unknown modality is taken as actual."""
    a, b = a or "actual", b or "actual"
    return a == b or frozenset({a, b}) in _COMPATIBLE_MODALITIES


def compatible_relation(a: str | None, b: str | None) -> bool:
    """Same verb (or none on both sides), or verbs of one family.

    A verb on one side only is not enough to call two figures the same fact:
    "1,500 have been sent" and "an army of 1.2 million troops" share subject
    and item, yet count different things.
    """
    if a == b:
        return True
    if not a or not b:
        return False
    return any(a in family and b in family for family in relation_families())


def one_sided_relation(a: str | None, b: str | None) -> bool:
    """A verb on one side only: still the same flow when both are rates or running totals."""
    return bool(a) != bool(b)


def find_candidates(
    claims: pd.DataFrame,
    *,
    canonical_item: Callable[[str], str] | None = None,
    max_group: int = DEFAULT_MAX_GROUP,
    item_cutoff: float = ITEM_SIMILARITY_CUTOFF,
    focus: Callable[[Mapping], bool] | None = None,
) -> Candidates:
    """Pairs of claims about the same thing, and part/whole links.

    With ``focus``, only pairs with at least one claim it accepts are formed (a
    draft against an archive): a group then costs O(group × focused claims)
    instead of O(group²).

    Boilerplate (advertising, footers) is never linked to anything.
    """
    canonical = canonical_item or (lambda item: item)
    records = claim_records(claims)
    candidates = Candidates(claims=records)
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, record in enumerate(records):
        key = block_key(record)
        if key is not None:
            blocks[key].append(i)

    pairs: set[tuple[int, int]] = set()
    loose: set[tuple[int, int]] = set()
    for key, members in sorted(blocks.items(), key=lambda kv: kv[1][0]):
        for group in _item_groups(records, members, canonical, item_cutoff):
            if len(group) > max_group:
                candidates.warnings.append(
                    f"{len(group)} claims about {_group_label(records[group[0]], key)}: "
                    f"compared only the first {max_group} (raise the group limit to compare all)"
                )
                group = group[:max_group]
            for i, j in _group_pairs(records, group, focus):
                a, b = records[i], records[j]
                _imply_part(candidates, i, j)
                if (
                    same_sentence(a, b)
                    or not compatible_modality(a.get("modality"), b.get("modality"))
                    or _part_and_whole(a, b)
                ):
                    continue
                if compatible_relation(a.get("relation"), b.get("relation")):
                    pairs.add((i, j))
                elif one_sided_relation(a.get("relation"), b.get("relation")):
                    loose.add((i, j))
    candidates.pairs = sorted(pairs)
    candidates.loose_pairs = sorted(loose)
    _link_parts(candidates)
    return candidates


def _group_pairs(
    records: list[dict], group: list[int], focus: Callable[[Mapping], bool] | None
) -> Iterable[tuple[int, int]]:
    """Every pair ``(i, j)``, ``i < j``, of a group, or only those touching a focused claim."""
    if focus is None:
        return combinations(group, 2)
    focused = [i for i in group if focus(records[i])]
    return sorted({(min(i, j), max(i, j)) for i in focused for j in group if j != i})


def same_sentence(a: Mapping, b: Mapping) -> bool:
    """Two figures of one sentence are set side by side on purpose ("up 11 pct from
    29.2 mln tonnes a year earlier", "founded with 9 members, now has 31"): the
    writer compares them, so they are never a contradiction (parts are checked apart)."""
    return a["document"] == b["document"] and a.get("sentence_start") == b.get("sentence_start") is not None


def block_key(record: Mapping) -> tuple | None:
    """The exact key two claims must share to be compared; None when never compared.

    Only claims in one block are ever paired, so a distributed engine may
    partition a corpus by this key (and part/whole links) and check each
    partition on its own.
    """
    if record.get("boilerplate") or is_missing(record.get("base_unit")):
        return None
    subject = record.get("subject")
    subject_key = ("subject", subject) if subject else ("document", record["document"])
    return (subject_key, record["base_unit"], bool(record.get("is_change")))


def item_required(base_unit: str | None) -> bool:
    """Whether figures in this unit need an item to be comparable (money counts too)."""
    unit = base_unit or ""
    return unit in ITEM_REQUIRED_UNITS or (len(unit) == 3 and unit.isalpha() and unit.isupper())


def _item_groups(
    records: list[dict], members: list[int], canonical: Callable[[str], str], cutoff: float
) -> Iterable[list[int]]:
    """Split a block by item: exact canonical item, then fuzzy clusters of spellings.

    Item-less claims are dropped where the unit needs an item, and otherwise
    form groups by article and verb (see ``ITEM_REQUIRED_UNITS``).
    """
    by_item: dict[str, list[int]] = defaultdict(list)
    loose: dict[str, list[int]] = defaultdict(list)
    for i in members:
        item = records[i].get("item")
        if item:
            by_item[canonical(str(item)).strip().lower()].append(i)
        elif not item_required(records[i].get("base_unit")):
            loose[f"{records[i]['document']}\0{records[i].get('relation')}"].append(i)

    clusters = [sorted(i for name in cluster for i in by_item[name]) for cluster in item_clusters(by_item, cutoff)]
    groups = [*clusters, *(sorted(g) for g in loose.values())]
    for group in groups:
        if len(group) > 1:
            yield group


def relation_subsets() -> dict[str, frozenset[str]]:
    """Part verb -> verbs of its whole ("lay off" -> "employ"), from the lexicon's ``subsets``."""
    from checker.lexicon import default_lexicon

    return default_lexicon().relation_subsets


def _imply_part(candidates: Candidates, i: int, j: int) -> None:
    """Within one article, a count under a subset verb is part of the count under its whole verb:
    "1,320 Zwickau workers are to be laid off" is part of "the plant employs about 900 workers"."""
    a, b = candidates.claims[i], candidates.claims[j]
    if a["document"] != b["document"] or not a.get("relation") or not b.get("relation"):
        return
    subsets = relation_subsets()
    for part, whole in ((i, j), (j, i)):
        if candidates.claims[whole]["relation"] in subsets.get(candidates.claims[part]["relation"], ()):
            candidates.implied_parts.setdefault(whole, []).append(part)


def item_clusters(names: Iterable[str], cutoff: float = ITEM_SIMILARITY_CUTOFF) -> list[set[str]]:
    """Spelling-variant clusters of item names: names sharing a first letter and
    scoring at least ``cutoff`` (rapidfuzz ``fuzz.ratio``) are linked, and the
    clusters are the connected components. Comparing only within a letter keeps
    the similarity matrices small in large blocks."""
    ordered = sorted(set(names))
    parent = list(range(len(ordered)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    by_letter: dict[str, list[int]] = defaultdict(list)
    for k, name in enumerate(ordered):
        by_letter[name[:1]].append(k)
    for indexes in by_letter.values():
        if len(indexes) < 2:
            continue
        subset = [ordered[k] for k in indexes]
        scores = process.cdist(subset, subset, scorer=fuzz.ratio, score_cutoff=cutoff, workers=-1)
        for a, b in zip(*scores.nonzero(), strict=True):
            if a < b:
                parent[root(indexes[b])] = root(indexes[a])
    clusters: dict[int, set[str]] = defaultdict(set)
    for k, name in enumerate(ordered):
        clusters[root(k)].add(name)
    return list(clusters.values())


def _part_and_whole(a: dict, b: dict) -> bool:
    """A part and its whole, or two parts of one whole, are different quantities by design."""
    a_whole, b_whole = a.get("part_of"), b.get("part_of")
    if a_whole and a_whole == b_whole:
        return True
    return bool(a_whole and a_whole == b.get("claim_id")) or bool(b_whole and b_whole == a.get("claim_id"))


def _group_label(record: dict, block_key: tuple) -> str:
    subject = record.get("subject") or f"an unnamed subject in {record['document']}"
    item = record.get("item") or block_key[1]
    return f"'{item}' of {subject}"


def _link_parts(candidates: Candidates) -> None:
    records = candidates.claims
    position = {r["claim_id"]: i for i, r in enumerate(records) if r.get("claim_id")}
    for i, record in enumerate(records):
        whole_id = record.get("part_of")
        if not whole_id or record["boilerplate"]:
            continue
        whole = position.get(whole_id)
        if whole is None:
            candidates.warnings.append(
                f"{record['document']}:{record.get('line')}: claim {record.get('claim_id')} "
                f"is marked part of unknown claim {whole_id}"
            )
            continue
        if records[whole]["boilerplate"] or records[whole].get("base_unit") != record.get("base_unit"):
            continue
        candidates.parts.setdefault(whole, []).append(i)
