"""Which claims are about the same thing, found without comparing every pair.

Two figures can only contradict each other when they measure the same
quantity: the same subject, the same (canonical) item, the same base unit,
a compatible modality and verb. Claims are first blocked by exact keys
(subject, base unit, level-or-change), then items inside a block are
clustered (exact after synonyms, then spelling variants by rapidfuzz among
items with the same first letter), so a corpus costs a sort plus small groups
instead of n² comparisons. Groups larger than ``max_group`` are cut (with a
warning) to keep the cost bounded. Parts are never matched with their whole
or with each other: the part-of and sum checks handle them. A figure restated
in another unit in parentheses ("48.8C (119.8F)") is compared through the
figure it restates only.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
from rapidfuzz import fuzz, process

from checker.findings import is_missing
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


class ClaimRecords(Sequence[dict]):
    """The rows of a claim table in document order, as plain records (nulls as
    None), each built when asked for and not kept: the table stays the one
    copy of the claims, and only the claims a check looks at closely become
    dicts, for as long as the check needs them.

    ``codes`` gives a column as integer codes (equal values, equal codes;
    missing -1) for the matcher and the checks to work on whole columns.
    """

    def __init__(self, claims: pd.DataFrame) -> None:
        extra = [c for c in claims.columns if c not in CLAIM_COLUMNS]
        frame = claims.reindex(columns=[*CLAIM_COLUMNS, *extra]).reset_index(drop=True)
        keys = frame[["document", "start", "end"]].sort_values(["document", "start", "end"], kind="stable",
                                                               na_position="last")
        if not keys.index.is_monotonic_increasing:  # a table in reading order (the usual case) is not copied
            frame = frame.take(keys.index).reset_index(drop=True)
        self.frame = frame
        readers = [_readers(self.frame[name]) for name in self.frame.columns]
        self._names = list(self.frame.columns)
        self._readers = [(name, one) for name, (one, _) in zip(self._names, readers, strict=True)]
        self._bulk_readers = [many for _, many in readers]
        self._codes: dict[str, tuple[np.ndarray, Sequence]] = {}

    def __len__(self) -> int:
        return len(self.frame)

    def __getitem__(self, position):  # type: ignore[override]
        if isinstance(position, slice):
            return [self[k] for k in range(*position.indices(len(self)))]
        return _finished({name: read(position) for name, read in self._readers})

    def take(self, positions: Sequence[int] | np.ndarray) -> list[dict]:
        """The records at ``positions``, equal to ``[self[k] for k in positions]``, read a
        column at a time: several times faster when a check reads thousands of claims."""
        index = np.asarray(positions, dtype=np.int64)
        columns = [read(index) for read in self._bulk_readers]
        return [_finished(dict(zip(self._names, row, strict=True))) for row in zip(*columns, strict=True)]

    def column(self, name: str, positions: Sequence[int] | np.ndarray) -> list:
        """One column's values at ``positions``, as ``take`` reads them (missing as None)."""
        return self._bulk_readers[self._names.index(name)](np.asarray(positions, dtype=np.int64))

    def codes(self, name: str) -> tuple[np.ndarray, Sequence]:
        """The column as codes into its distinct values (missing: -1), and those values."""
        if name not in self._codes:
            column = self.frame[name]
            if isinstance(column.dtype, pd.CategoricalDtype):
                found = column.cat.codes.to_numpy(), column.cat.categories
            else:
                found = pd.factorize(column, use_na_sentinel=True)
            self._codes[name] = found
        return self._codes[name]

    def numbers(self, name: str) -> np.ndarray:
        """A numeric column as floats, missing as NaN."""
        column = self.frame[name]
        if column.dtype.kind == "f":
            return _floats(column)
        return pd.to_numeric(column, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)

    def flags(self, name: str) -> np.ndarray:
        """A flag column as booleans, missing as False."""
        column = self.frame[name]
        if column.dtype == bool:
            return column.to_numpy()
        return np.array([not is_missing(v) and bool(v) for v in column], dtype=bool)


def _finished(record: dict) -> dict:
    """A record as checks expect it: assumptions a list, flags plain booleans."""
    record["assumptions"] = list(record["assumptions"]) if isinstance(record["assumptions"], list | tuple) else []
    for flag in ("boilerplate", "is_change", "cumulative"):
        record[flag] = bool(record[flag])
    return record


Reader = Callable[[int], object]
BulkReader = Callable[[np.ndarray], list]


def _readers(column: pd.Series) -> tuple[Reader, BulkReader]:
    """Read one value of a column, or the values at many positions, as plain Python (missing as None).

    Each kind of column is read through its own storage (category codes, a
    numpy array, Arrow chunks), shared by both readers: going through pandas'
    scalar indexing costs about ten times as much, and a check may read a
    hundred thousand records.
    """
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy()
        # one Python object per distinct value, and None last: code -1 reads it
        categories = np.append(column.cat.categories.to_numpy(dtype=object), None)
        return (lambda k: categories[codes[k]]), (lambda index: categories[codes[index]].tolist())
    if isinstance(column.dtype, np.dtype) and column.dtype.kind in "biu":  # numpy integers and flags: never missing
        numbers = column.to_numpy()
        return (lambda k: numbers[k].item()), (lambda index: numbers[index].tolist())
    if column.dtype.kind == "f":  # numpy or nullable floats; NaN is missing
        floats = _floats(column)
        return (
            lambda k: None if floats[k] != floats[k] else floats[k].item(),
            lambda index: [None if v != v else v for v in floats[index].tolist()],
        )
    if hasattr(column.array, "__arrow_array__"):
        array = column.array.__arrow_array__()
        one = _arrow_reader(array)
        if isinstance(array, pa.ChunkedArray) and array.num_chunks > 1:
            # Arrow's take joins every chunk first (one per chunk of articles): reading a few
            # thousand rows one by one costs less than joining millions
            return one, lambda index: [one(k) for k in index.tolist()]
        return one, lambda index: array.take(pa.array(index)).to_pylist()
    values = column.array

    def read(k: int) -> object:
        value = values[k]
        if is_missing(value):
            return None
        return value.item() if hasattr(value, "item") and not isinstance(value, str | list | tuple) else value

    return read, lambda index: [read(k) for k in index.tolist()]


def _floats(column: pd.Series) -> np.ndarray:
    """A float column as a float64 array, missing as NaN: the column's own array when it is one."""
    if column.dtype == np.float64:
        return column.to_numpy()
    return column.to_numpy(dtype="float64", na_value=np.nan)


def _arrow_reader(array: pa.ChunkedArray | pa.Array) -> Callable[[int], object]:
    """Reads one value of Arrow-backed strings (the claim ids, the dictionary-encoded sentences)."""
    chunks = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
    if len(chunks) == 1:
        only = chunks[0]
        return lambda k: only[k].as_py()
    starts = np.cumsum([0, *(len(c) for c in chunks)])[:-1].tolist()

    def read(k: int) -> object:
        at = bisect.bisect_right(starts, k) - 1
        return chunks[at][k - starts[at]].as_py()

    return read


@dataclass(slots=True)
class Candidates:
    """Claims (records, nulls as None) and the links checks look at.

    ``pairs`` are positions ``(i, j)``, ``i < j``, into ``claims`` of two
    claims about the same thing; ``loose_pairs`` are pairs that differ only in
    having a verb on one side, which the rate and running-total checks accept
    (a flow such as "8 million shells since August" is the same fact with or
    without "supplied"); ``parts`` maps the position of a whole to
    the positions of the claims the extractor marked as its parts. Pairs are
    held as arrays of shape (n, 2) (``pair_array``, ``loose_array``) so that
    checks can test them a column at a time.
    """

    claims: ClaimRecords
    pair_array: np.ndarray = field(default_factory=lambda: _no_pairs())
    loose_array: np.ndarray = field(default_factory=lambda: _no_pairs())
    implied_parts: dict[int, list[int]] = field(default_factory=dict)
    parts: dict[int, list[int]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def pairs(self) -> list[tuple[int, int]]:
        return _as_tuples(self.pair_array)

    @property
    def loose_pairs(self) -> list[tuple[int, int]]:
        return _as_tuples(self.loose_array)

    @property
    def flow_array(self) -> np.ndarray:
        """Pairs for the checks of rates and running totals (see ``loose_pairs``), sorted."""
        return _sorted_pairs(np.concatenate([self.pair_array, self.loose_array]))

    @property
    def flow_pairs(self) -> list[tuple[int, int]]:
        return _as_tuples(self.flow_array)

    def scoped(self, scope: str) -> Candidates:
        """Only links within one document ("document"), across documents ("corpus"), or all."""
        if scope == "both":
            return self
        same = scope == "document"
        documents, _ = self.claims.codes("document")

        def keep(pairs: np.ndarray) -> np.ndarray:
            return pairs[(documents[pairs[:, 0]] == documents[pairs[:, 1]]) == same]

        def keep_links(links: dict[int, list[int]]) -> dict[int, list[int]]:
            return {w: [p for p in ps if (documents[w] == documents[p]) == same] for w, ps in links.items()}

        parts = keep_links(self.parts)
        return Candidates(
            claims=self.claims,
            pair_array=keep(self.pair_array),
            loose_array=keep(self.loose_array),
            implied_parts=keep_links(self.implied_parts),
            parts={w: ps for w, ps in parts.items() if ps},
            warnings=self.warnings,
        )


def _no_pairs() -> np.ndarray:
    return np.empty((0, 2), dtype=np.int64)


def _as_tuples(pairs: np.ndarray) -> list[tuple[int, int]]:
    return list(zip(pairs[:, 0].tolist(), pairs[:, 1].tolist(), strict=True))


def _sorted_pairs(pairs: np.ndarray) -> np.ndarray:
    return pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]


def claim_records(claims: pd.DataFrame) -> list[dict]:
    """Rows in document order with every null (NaN, NA, NaT) as None."""
    return list(ClaimRecords(claims))


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

    Boilerplate (advertising, footers) is never linked to anything. Blocks and
    groups are found a column at a time; only groups are walked in Python.
    """
    records = ClaimRecords(claims)
    candidates = Candidates(claims=records)
    members, starts, sizes = _groups(records, canonical_item or (lambda item: item), item_cutoff)
    for at in np.flatnonzero(sizes > max_group):
        first = records[int(members[starts[at]])]
        candidates.warnings.append(
            f"{sizes[at]} claims about {_group_label(first, first['base_unit'])}: "
            f"compared only the first {max_group} (raise the group limit to compare all)"
        )
    sizes = np.minimum(sizes, max_group)
    if focus is None:
        pairs = _all_pairs(members, starts, sizes)
    else:
        pairs = _focused_pairs(records, members, starts, sizes, focus)
    pairs = _sorted_pairs(pairs)
    _imply_parts(candidates, pairs)
    restated = restatements(records)
    keep = _comparable(records, pairs) & ~restated[pairs[:, 0]] & ~restated[pairs[:, 1]]
    same_fact = _relation_table(records, compatible_relation)(pairs)
    one_sided = _relation_table(records, one_sided_relation)(pairs)
    candidates.pair_array = pairs[keep & same_fact]
    candidates.loose_array = pairs[keep & ~same_fact & one_sided]
    _link_parts(candidates)
    return candidates


def _all_pairs(members: np.ndarray, starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Every pair ``(i, j)``, ``i < j``, of every group: groups of one size at a time."""
    found = [_no_pairs()]
    for size in np.unique(sizes[sizes > 1]):
        rows = members[starts[sizes == size][:, None] + np.arange(size)]
        first, second = np.triu_indices(size, 1)
        found.append(np.stack([rows[:, first].ravel(), rows[:, second].ravel()], axis=1))
    return np.concatenate(found).astype(np.int64)


def _focused_pairs(
    records: ClaimRecords, members: np.ndarray, starts: np.ndarray, sizes: np.ndarray, focus: Callable[[Mapping], bool]
) -> np.ndarray:
    """The pairs of each group that touch a claim ``focus`` accepts."""
    found: set[tuple[int, int]] = set()
    for start, size in zip(starts.tolist(), sizes.tolist(), strict=True):
        group = members[start : start + size].tolist()
        focused = [i for i in group if focus(records[i])]
        found.update((min(i, j), max(i, j)) for i in focused for j in group if j != i)
    return np.array(sorted(found), dtype=np.int64).reshape(-1, 2)


def _comparable(records: ClaimRecords, pairs: np.ndarray) -> np.ndarray:
    """Pairs that may state the same fact: not one sentence, compatible modality, not part and whole."""
    first, second = pairs[:, 0], pairs[:, 1]
    documents, _ = records.codes("document")
    sentences = records.numbers("sentence_start")
    same_sentence = (documents[first] == documents[second]) & (sentences[first] == sentences[second])
    modalities, values = records.codes("modality")
    table = _value_table([None, *values], compatible_modality)
    keep = ~same_sentence & table[modalities[first] + 1, modalities[second] + 1]
    whole_of, _ = records.codes("part_of")
    for k in np.flatnonzero(keep & ((whole_of[first] >= 0) | (whole_of[second] >= 0))):
        keep[k] = not _part_and_whole(records[int(first[k])], records[int(second[k])])
    return keep


# Between a figure and its restatement: an opening parenthesis and perhaps a hedge ("(roughly nine miles)");
# after the restatement, the closing one. "3 million (2.5 million in 2023)" is another figure, not a restatement.
_RESTATEMENT_OPENING = re.compile(r"\s*\(\s*(?:[a-z~≈]+\.?\s+){0,2}")
_RESTATEMENT_CLOSING = re.compile(r"\s*\)")


def restatements(records: ClaimRecords) -> np.ndarray:
    """Which claims restate the figure just before them in another unit, in parentheses:
    "48.8C (119.8F)", "a 14.5-kilometre (nine-mile) tunnel".

    Compared as well, a restatement would report every discrepancy of the
    figure it restates a second time. It must share that figure's sentence and
    matching block (subject, base unit, level or change), so that an engine
    that checks one block at a time finds the same restatements.
    """
    restated = np.zeros(len(records), dtype=bool)
    if len(records) < 2:
        return restated
    alike = records.codes("base_unit")[0][1:] >= 0
    for name in ("document", "subject", "base_unit", "boilerplate", "is_change"):
        codes = records.codes(name)[0]
        alike &= codes[1:] == codes[:-1]
    sentences = records.numbers("sentence_start")
    units = records.codes("unit")[0]
    alike &= (sentences[1:] == sentences[:-1]) & (units[1:] != units[:-1])
    found = np.flatnonzero(alike) + 1
    starts, ends = (records.numbers(name).astype(np.int64) - sentences.astype(np.int64) for name in ("start", "end"))
    spans = zip(starts[found].tolist(), ends[found].tolist(), ends[found - 1].tolist(), strict=True)
    for k, sentence, (start, end, lead_end) in zip(found.tolist(), records.column("sentence", found), spans, strict=True):
        restated[k] = bool(
            _RESTATEMENT_OPENING.fullmatch(sentence, lead_end, start) and _RESTATEMENT_CLOSING.match(sentence, end)
        )
    return restated


def _relation_table(records: ClaimRecords, test: Callable[[str | None, str | None], bool]) -> Callable:
    """``test`` of the verbs of each pair, asked once per two distinct verbs."""
    relations, values = records.codes("relation")
    table = _value_table([None, *values], test)
    return lambda pairs: table[relations[pairs[:, 0]] + 1, relations[pairs[:, 1]] + 1]


def _value_table(values: list, test: Callable[[object, object], bool]) -> np.ndarray:
    return np.array([[test(a, b) for b in values] for a in values], dtype=bool).reshape(len(values), len(values))


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


def _groups(
    records: ClaimRecords, canonical: Callable[[str], str], cutoff: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The groups of claims to compare: ``members`` (positions, ascending in each group),
    and each group's start in it and size, groups in report order.

    Claims are blocked by ``block_key``; a block is split by item: exact
    canonical item, then spelling variants (``item_clusters``). Item-less
    claims are dropped where the unit needs an item, and otherwise form
    groups by article and verb (see ``ITEM_REQUIRED_UNITS``). Groups come
    block by block (in order of their first claim), item clusters (by name)
    before item-less groups (by first claim).
    """
    subjects, subject_values = records.codes("subject")
    documents, _ = records.codes("document")
    units, unit_values = records.codes("base_unit")
    relations, _ = records.codes("relation")
    by_subject = _truthy(subject_values)[subjects]
    eligible = ~records.flags("boilerplate") & (units >= 0)
    keys = pd.DataFrame({
        "by_subject": by_subject,
        "who": np.where(by_subject, subjects, documents),
        "unit": units,
        "change": records.flags("is_change"),
    })
    positions = np.flatnonzero(eligible)
    blocks = keys.iloc[positions].groupby(list(keys.columns), sort=False).ngroup().to_numpy()
    names, distinct = _item_names(records, canonical)
    names = _cluster_names(names[positions], blocks, distinct, cutoff)
    needs_item = np.array([item_required(u) for u in unit_values], dtype=bool).reshape(-1)[units[positions]]
    named = names >= 0
    loose = ~named & ~needs_item
    chosen = named | loose
    positions, blocks, names, named = positions[chosen], blocks[chosen], names[chosen], named[chosen]
    groups = pd.DataFrame({
        "block": blocks,
        "kind": ~named,
        "a": np.where(named, names, documents[positions]),
        "b": np.where(named, -2, relations[positions]),
    }).groupby(["block", "kind", "a", "b"], sort=False).ngroup().to_numpy()
    order = np.lexsort((positions, groups))
    members, groups = positions[order], groups[order]
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]]) if len(groups) else np.empty(0, dtype=np.int64)
    sizes = np.diff(np.r_[starts, len(groups)])
    # Report order: block, then item clusters by name, then item-less groups by first claim.
    first = order[starts]
    rank = np.lexsort((np.where(named[first], names[first], members[starts]), ~named[first], blocks[first]))
    return members, starts[rank], sizes[rank]


def _truthy(values: list) -> np.ndarray:
    """Per distinct value, whether it counts as given (not empty), with a last False for missing."""
    return np.array([bool(v) for v in values] + [False], dtype=bool)


def _item_names(records: ClaimRecords, canonical: Callable[[str], str]) -> tuple[np.ndarray, list[str]]:
    """Per claim, the rank of its item as the matcher compares it (canonical synonym, trimmed,
    lower case) among all such names in sorted order (-1 without an item); and those names."""
    items, values = records.codes("item")
    names = [canonical(str(v)).strip().lower() if v else None for v in values]
    distinct = sorted({n for n in names if n is not None})
    rank = {name: k for k, name in enumerate(distinct)}
    return np.array([rank[n] if n is not None else -1 for n in names] + [-1], dtype=np.int64)[items], distinct


def _cluster_names(names: np.ndarray, blocks: np.ndarray, distinct: list[str], cutoff: float) -> np.ndarray:
    """Each name replaced by the first name of its spelling-variant cluster within its block.

    Two names are variants of each other whatever else a block holds, so the
    similar pairs are found once for the corpus; only the blocks that hold
    both names of such a pair are clustered (``item_clusters``).
    """
    similar = {name for cluster in item_clusters(distinct, cutoff) if len(cluster) > 1 for name in cluster}
    if not similar:
        return names
    rank = {name: k for k, name in enumerate(distinct)}
    linked = np.zeros(len(distinct) + 1, dtype=bool)
    linked[[rank[name] for name in similar]] = True
    result = names.copy()
    at = np.flatnonzero(linked[names])
    for block in np.unique(blocks[at]):
        where = at[blocks[at] == block]
        present = sorted({distinct[k] for k in names[where].tolist()})
        first = {name: rank[min(cluster)] for cluster in item_clusters(present, cutoff) for name in cluster}
        result[where] = [first[distinct[k]] for k in names[where].tolist()]
    return result


def relation_subsets() -> dict[str, frozenset[str]]:
    """Part verb -> verbs of its whole ("lay off" -> "employ"), from the lexicon's ``subsets``."""
    from checker.lexicon import default_lexicon

    return default_lexicon().relation_subsets


def _imply_parts(candidates: Candidates, pairs: np.ndarray) -> None:
    """Within one article, a count under a subset verb is part of the count under its whole verb:
    "1,320 Zwickau workers are to be laid off" is part of "the plant employs about 900 workers"."""
    records = candidates.claims
    documents, _ = records.codes("document")
    relations, values = records.codes("relation")
    subsets = relation_subsets()
    given = _truthy(values)
    table = _value_table(values, lambda part, whole: bool(part) and bool(whole) and whole in subsets.get(part, ()))
    first, second = pairs[:, 0], pairs[:, 1]
    linked = (documents[first] == documents[second]) & given[relations[first]] & given[relations[second]]
    for i, j in _as_tuples(pairs[linked]):
        for part, whole in ((i, j), (j, i)):
            if table[relations[part], relations[whole]]:
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


def _group_label(record: dict, base_unit: str) -> str:
    subject = record.get("subject") or f"an unnamed subject in {record['document']}"
    item = record.get("item") or base_unit
    return f"'{item}' of {subject}"


def _link_parts(candidates: Candidates) -> None:
    records = candidates.claims
    whole_of, values = records.codes("part_of")
    given = _truthy(values)[whole_of] & ~records.flags("boilerplate")
    parts = np.flatnonzero(given).tolist()
    if not parts:
        return
    wanted = {values[whole_of[i]] for i in parts}
    ids = records.frame["claim_id"]
    position = {}
    for i in np.flatnonzero(ids.isin(wanted).to_numpy()).tolist():
        if records[i]["claim_id"]:
            position[records[i]["claim_id"]] = i
    for i in parts:
        record = records[i]
        whole_id = record["part_of"]
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
