"""The claim archive: the claims of published articles in one SQLite file.

An editor checks a draft against everything already published without
re-reading the archive: ``claimcheck index`` extracts each article once and
stores its claims; ``claimcheck check DRAFT --against archive.sqlite`` looks up
only the archived claims that share a blocking key with the draft's claims
(subject, base unit, level-or-change, canonical item: what ``checker.match``
blocks on) and runs the normal engine over draft + those claims.

Why it is built this way:

* SQLite (stdlib, embedded, one file) in WAL mode, so a check can read while
  an index run writes.
* Indexing is incremental by content hash: unchanged articles are not
  extracted again, changed ones replace their old claims.
* Each batch of documents is one transaction: an interrupted run keeps every
  batch already committed and never leaves half a document.
* The schema is versioned with ``PRAGMA user_version`` and an append-only
  list of migrations; an archive written by a newer claimcheck is refused.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, TextIO

import numpy as np
import pandas as pd

from checker import __version__
from checker.checks import CHECK_KINDS
from checker.checks.wording import is_missing
from checker.engine import CheckResult
from checker.findings import sort_findings
from checker.match import (
    DEFAULT_MAX_GROUP,
    Candidates,
    block_key,
    claim_records,
    find_candidates,
    item_clusters,
)
from checker.model import CLAIM_COLUMNS, Claim, Document, InputError
from checker.pipeline import document_claims, extract_corpus, failure_message

if TYPE_CHECKING:
    from checker.lexicon import Lexicon
    from checker.ruleset import RuleSet

__all__ = [
    "Archive",
    "ArchiveError",
    "IndexStats",
    "Related",
    "archive_key",
    "check_against",
    "check_table_against",
    "content_hash",
    "index_paths",
    "involving",
]

DEFAULT_BATCH_SIZE = 500

# Archived claims compared per group of a draft claim (nearest in time first):
# the engine pairs every claim of a group with every other, so this bounds the
# cost of one draft check.
DEFAULT_MAX_RELATED = 100

# "ClCk": marks the file as a claimcheck archive, so another SQLite file is refused.
APPLICATION_ID = 0x436C436B

# Claim columns stored other than as themselves (numbers and text are).
BOOLEAN_COLUMNS = frozenset({"cumulative", "is_change", "boilerplate"})
JSON_COLUMNS = frozenset({"assumptions"})

# Append-only: migration N (1-based) takes a file from user_version N-1 to N.
# Never edit a released migration; add one (e.g. ALTER TABLE claims ADD COLUMN).
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            path TEXT,
            content_hash TEXT NOT NULL,
            published TEXT,
            indexed_at TEXT NOT NULL
        )""",
        """CREATE TABLE claims (
            "document" TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            "line" INTEGER, "column" INTEGER, "start" INTEGER, "end" INTEGER,
            "text" TEXT,
            "value" REAL, "value_to" REAL,
            "unit" TEXT, "item" TEXT, "qualifier" TEXT,
            "low" REAL, "high" REAL,
            "base_unit" TEXT, "subject" TEXT, "period" TEXT,
            "window_start" TEXT, "window_end" TEXT,
            "per_year_low" REAL, "per_year_high" REAL,
            "modality" TEXT, "attribution" TEXT,
            "claim_id" TEXT, "relation" TEXT, "published" TEXT,
            "window_start_latest" TEXT, "window_end_earliest" TEXT, "window_text" TEXT,
            "cumulative" INTEGER, "is_change" INTEGER,
            "part_of" TEXT, "boilerplate" INTEGER,
            "sentence_start" INTEGER, "sentence_end" INTEGER, "sentence" TEXT,
            "assumptions" TEXT,
            "item_key" TEXT
        )""",
        'CREATE INDEX claims_by_document ON claims("document")',
        # The blocking key first; the other columns make the candidate query
        # an index-only scan.
        """CREATE INDEX claims_by_block ON claims(
            "subject", "base_unit", "is_change", "item_key",
            "published", "boilerplate", "document"
        )""",
        # The item keys of each block, for spelling-variant clustering without
        # reading the block. Never pruned: a stale key only finds no claims.
        """CREATE TABLE block_items (
            "subject" TEXT NOT NULL, "base_unit" TEXT NOT NULL, "is_change" INTEGER NOT NULL,
            "item_key" TEXT NOT NULL,
            PRIMARY KEY ("subject", "base_unit", "is_change", "item_key")
        ) WITHOUT ROWID""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

_QUOTED = ", ".join(f'"{name}"' for name in CLAIM_COLUMNS)
_INSERT_CLAIM = (
    f'INSERT INTO claims ({_QUOTED}, "item_key") VALUES ({", ".join("?" * (len(CLAIM_COLUMNS) + 1))})'
)
_INSERT_BLOCK_ITEM = 'INSERT OR IGNORE INTO block_items VALUES (?, ?, ?, ?)'
_SUBJECT_AT, _BASE_UNIT_AT, _IS_CHANGE_AT = (CLAIM_COLUMNS.index(n) for n in ("subject", "base_unit", "is_change"))
_SELECT_CLAIMS = f"SELECT {_QUOTED} FROM claims WHERE rowid IN "
_ROWID_CHUNK = 500  # bound parameters per IN (...) query

# The look-ups of a draft check; all read an index, never the claims table.
ITEMS_QUERY = 'SELECT "item_key" FROM block_items WHERE "subject" = ? AND "base_unit" = ? AND "is_change" = ?'
_CANDIDATES = (
    'FROM claims INDEXED BY claims_by_block WHERE "subject" = ? AND "base_unit" = ? AND "is_change" = ? '
    'AND "item_key" = ? AND "boilerplate" = 0 AND "document" NOT IN ({excluded})'
)
# Parameters: the key, item key, excluded documents, then the date and the limit.
NEAREST_QUERIES = {
    "before": f'SELECT rowid, "published" {_CANDIDATES} AND "published" <= ? ORDER BY "published" DESC LIMIT ?',
    "after": f'SELECT rowid, "published" {_CANDIDATES} AND "published" > ? ORDER BY "published" LIMIT ?',
    "undated": f'SELECT rowid, "published" {_CANDIDATES} AND "published" IS NULL AND ? IS NOT NULL LIMIT ?',
    "latest": f'SELECT rowid, "published" {_CANDIDATES} AND ? IS NULL ORDER BY "published" DESC LIMIT ?',
}
COUNT_QUERY = f"SELECT count(*) {_CANDIDATES}"

BlockKey = tuple[str, str, int]  # subject, base unit, is_change


class ArchiveError(ValueError):
    """The archive file cannot be used; the message names the file."""


@dataclass(slots=True)
class IndexStats:
    """What an index run did; ``errors`` name file and line, as ``check`` does."""

    documents: int = 0  # documents read
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    claims: int = 0  # claims written
    batches: int = 0  # transactions committed
    errors: list[InputError] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{self.documents} documents read: {self.added} added, {self.replaced} replaced, "
            f"{self.unchanged} unchanged, {self.failed} failed; {self.claims} claims written"
        )


@dataclass(slots=True)
class Related:
    """Archived claims that share a blocking key with a draft, and what was left out."""

    records: list[dict]  # claim rows as ``checker.match.claim_records`` gives them
    warnings: list[str] = field(default_factory=list)

    @property
    def claims(self) -> pd.DataFrame:
        return _table(self.records)


def content_hash(document: Document) -> str:
    """What decides whether a document must be extracted again.

    The claims depend on the text, the publication date (windows, rates),
    the excluded spans and the extractor; the version is part of the hash so
    that an upgraded claimcheck re-extracts everything once.
    """
    digest = hashlib.sha256()
    for part in (__version__, str(document.published or ""), repr(document.excluded), document.text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def item_key(item: object, canonical: Callable[[str], str]) -> str | None:
    """The item as the matcher compares it: canonical synonym, trimmed, lower case."""
    if is_missing(item) or not item:
        return None
    return canonical(str(item)).strip().lower() or None


def archive_key(record: dict) -> BlockKey | None:
    """The matcher's blocking key (``checker.match.block_key``) of a claim that can meet
    another article's claim: subject, base unit, level-or-change.

    Claims without a subject are blocked per article and boilerplate is never
    linked, so neither can meet an archived claim (None).
    """
    key = block_key(record)
    if key is None or key[0][0] != "subject" or not key[0][1]:
        return None
    return str(key[0][1]), str(key[1]), int(bool(key[2]))


def _default_canonical() -> Callable[[str], str]:
    from checker.lexicon import default_lexicon

    return default_lexicon().item


def _encode(claim: dict, canonical: Callable[[str], str]) -> tuple:
    values = []
    for name in CLAIM_COLUMNS:
        value = claim.get(name)
        if name in JSON_COLUMNS:
            value = json.dumps(list(value) if isinstance(value, list | tuple) else [], ensure_ascii=False)
        elif is_missing(value):
            value = None
        elif name in BOOLEAN_COLUMNS:
            value = int(bool(value))
        elif isinstance(value, date):
            value = value.isoformat()
        elif hasattr(value, "item"):  # numpy scalar
            value = value.item()
        values.append(value)
    values.append(item_key(claim.get("item"), canonical))
    return tuple(values)


def _decode(row: Sequence) -> dict:
    claim = dict(zip(CLAIM_COLUMNS, row, strict=True))
    for name in BOOLEAN_COLUMNS:
        claim[name] = bool(claim[name])
    for name in JSON_COLUMNS:
        claim[name] = json.loads(claim[name]) if claim[name] else []
    return claim


def _table(records: Iterable[dict]) -> pd.DataFrame:
    return pd.DataFrame.from_records(list(records), columns=list(CLAIM_COLUMNS))


def _days(published: object) -> int | None:
    if is_missing(published) or not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10]).toordinal()
    except ValueError:
        return None


class Archive:
    """A claim archive file. Open, ``index`` published articles, look up drafts, ``close``."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        canonical_item: Callable[[str], str] | None = None,
    ) -> None:
        self.path = os.fspath(path)
        if not create and not os.path.isfile(self.path):
            raise ArchiveError(f"{self.path}: no such archive (build one with 'claimcheck index PATH... --db {self.path}')")
        self._canonical = canonical_item or _default_canonical()
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
        except sqlite3.Error as exc:
            raise ArchiveError(f"{self.path}: cannot open archive: {exc}") from None
        try:
            self._conn.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL: a committed batch survives a killed process.
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise ArchiveError(f"{self.path}: not a usable claimcheck archive: {exc}") from None
        except ArchiveError:
            self._conn.close()
            raise

    # --- lifecycle -----------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise ArchiveError(
                f"{self.path}: archive schema version {version} is newer than this claimcheck "
                f"supports ({SCHEMA_VERSION}); upgrade claimcheck"
            )
        if version == SCHEMA_VERSION:
            self._check_application_id()
            return
        with self._transaction():
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]  # another process may have won
            if version == 0:
                tables = self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if tables:
                    raise ArchiveError(f"{self.path}: an SQLite file that is not a claimcheck archive")
                self._conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            else:
                self._check_application_id()
            for number in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[number]:
                    self._conn.execute(statement)
            self._conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _check_application_id(self) -> None:
        found = self._conn.execute("PRAGMA application_id").fetchone()[0]
        if found != APPLICATION_ID:
            raise ArchiveError(f"{self.path}: an SQLite file that is not a claimcheck archive")

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction: all of it is committed, or none of it."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    # --- what is stored ------------------------------------------------------

    def counts(self) -> tuple[int, int]:
        """Documents and claims in the archive."""
        documents = self._conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        claims = self._conn.execute("SELECT count(*) FROM claims").fetchone()[0]
        return documents, claims

    def stored_hash(self, document_id: str) -> str | None:
        row = self._conn.execute("SELECT content_hash FROM documents WHERE id = ?", (document_id,)).fetchone()
        return row[0] if row else None

    def document_claims(self, document_id: str) -> pd.DataFrame:
        """The archived claims of one document, in reading order."""
        rows = self._conn.execute(
            f'SELECT {_QUOTED} FROM claims WHERE "document" = ? ORDER BY "start", "end"', (document_id,)
        ).fetchall()
        return _table(map(_decode, rows))

    # --- indexing ------------------------------------------------------------

    def index(
        self,
        documents: Iterable[Document | InputError],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        lexicon: Lexicon | None = None,
    ) -> IndexStats:
        """Store the claims of new and changed documents, ``batch_size`` documents per transaction.

        Input errors are passed through into the stats; a document whose
        extraction fails is reported and left as it was in the archive.
        """
        if batch_size < 1:
            raise ValueError(f"batch size must be at least 1, not {batch_size}")
        stats = IndexStats()
        pending: list[tuple[Document, list[Claim]]] = []
        seen: dict[str, str] = {}
        for item in documents:
            if isinstance(item, InputError):
                stats.errors.append(item)
                if item.severity == "error":
                    stats.failed += 1
                continue
            stats.documents += 1
            where = item.path or item.id
            if item.id in seen:
                stats.errors.append(InputError(
                    where, f"document id {item.id!r} is also used by {seen[item.id]}; the later one is kept",
                    item.origin_line if item.origin_line > 1 else None, "warning",
                ))
            seen[item.id] = where
            if self.stored_hash(item.id) == content_hash(item):
                stats.unchanged += 1
                continue
            try:
                claims = document_claims(item, lexicon)
            except Exception as exc:  # one extractor bug must not stop an archive run
                stats.failed += 1
                stats.errors.append(InputError(where, failure_message(exc)))
                continue
            pending.append((item, claims))
            if len(pending) >= batch_size:
                self._commit(pending, stats)
        if pending:
            self._commit(pending, stats)
        return stats

    def _commit(self, pending: list[tuple[Document, list[Claim]]], stats: IndexStats) -> None:
        added, replaced, written = self.store(pending)
        stats.added += added
        stats.replaced += replaced
        stats.claims += written
        stats.batches += 1
        pending.clear()

    def store(self, batch: Iterable[tuple[Document, Sequence[Claim]]]) -> tuple[int, int, int]:
        """Write documents with their claims in one transaction, replacing older versions.

        Returns (added, replaced, claims written). ``index`` calls this per
        batch; it is public for loaders that produce claims some other way.
        """
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        added = replaced = written = 0
        with self._transaction():
            for document, claims in batch:
                existed = self.stored_hash(document.id) is not None
                self._conn.execute('DELETE FROM claims WHERE "document" = ?', (document.id,))
                self._conn.execute(
                    "INSERT INTO documents (id, path, content_hash, published, indexed_at) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT(id) DO UPDATE SET path = excluded.path, content_hash = excluded.content_hash, "
                    "published = excluded.published, indexed_at = excluded.indexed_at",
                    (document.id, document.path, content_hash(document),
                     document.published.isoformat() if document.published else None, now),
                )
                rows = [_encode(c.as_row(), self._canonical) for c in claims]
                self._conn.executemany(_INSERT_CLAIM, rows)
                self._conn.executemany(_INSERT_BLOCK_ITEM, {
                    (row[_SUBJECT_AT], row[_BASE_UNIT_AT], row[_IS_CHANGE_AT], row[-1])
                    for row in rows
                    if row[-1] is not None and row[_SUBJECT_AT] and row[_BASE_UNIT_AT] is not None
                })
                written += len(claims)
                replaced += existed
                added += not existed
        return added, replaced, written

    # --- looking up a draft --------------------------------------------------

    def related_claims(self, table: pd.DataFrame) -> pd.DataFrame:
        """Archived claims the matcher would pair with a claim of ``table``.

        The archive's own copies of the table's documents (same document id)
        are left out.
        """
        return self.find_related(table).claims

    def find_related(
        self,
        table: pd.DataFrame,
        *,
        max_related: int = DEFAULT_MAX_RELATED,
        max_group: int = DEFAULT_MAX_GROUP,
    ) -> Related:
        """``related_claims``, plus warnings about what a large group left out.

        For each block and item cluster of the draft at most ``max_related``
        archived claims are taken (fewer if the group would exceed the
        matcher's ``max_group``), those published nearest to the draft
        first: the engine then compares every draft claim with all of them,
        instead of cutting the group wherever the sort order puts the draft.
        """
        drafts = claim_records(table) if not table.empty else []
        excluded = {str(r["document"]) for r in drafts}
        blocks: dict[BlockKey, list[dict]] = defaultdict(list)
        for record in drafts:
            key = archive_key(record)
            if key is not None:
                blocks[key].append(record)
        rowids: set[int] = set()
        warnings: list[str] = []
        for key in sorted(blocks):
            rowids.update(self._block_rowids(key, blocks[key], excluded, max_related, max_group, warnings))
        return Related(self._claims_by_rowid(sorted(rowids)), warnings)

    def _block_rowids(
        self,
        key: BlockKey,
        drafts: list[dict],
        excluded: set[str],
        max_related: int,
        max_group: int,
        warnings: list[str],
    ) -> list[int]:
        """Row ids of the archived claims in the item clusters of ``drafts`` within one block.

        Only claims with an item are looked up: the matcher compares an
        item-less figure with item-less figures of its own article only.
        """
        subject, base_unit, _ = key
        draft_keys = [item_key(r.get("item"), self._canonical) for r in drafts]
        named = {k for k in draft_keys if k is not None}
        if not named:
            return []
        archived = [row[0] for row in self._conn.execute(ITEMS_QUERY, key)]
        published = [str(r["published"])[:10] for r in drafts if not is_missing(r.get("published"))]
        reference = max(published, default=None)
        chosen: list[int] = []
        for cluster in item_clusters([*named, *archived]):
            if not cluster & named:
                continue
            budget = max(min(max_related, max_group - sum(k in cluster for k in draft_keys)), 0)
            rows = [row for name in sorted(cluster) for row in self._nearest(key, name, excluded, reference, budget + 1)]
            if len(rows) > budget:
                total = sum(self._count(key, name, excluded) for name in cluster)
                warnings.append(
                    f"{total} archived claims about '{'/'.join(sorted(cluster)[:3])}' of {subject} "
                    f"({base_unit}): compared the {budget} published nearest to the draft"
                )
                reference_day = _days(reference)
                rows = sorted(rows, key=lambda row: _distance(row[1], reference_day))[:budget]
            chosen.extend(rowid for rowid, _ in rows)
        return chosen

    def _nearest(
        self, key: BlockKey, name: str, excluded: set[str], reference: str | None, limit: int
    ) -> list[tuple[int, str | None]]:
        """(rowid, published) of up to ``limit`` claims of one block and item on each side of
        ``reference`` and undated (or the latest, without a reference): walks the index in
        date order, so the cost does not grow with the archive."""
        documents = sorted(excluded)
        placeholders = ", ".join("?" * len(documents))
        rows: list[tuple[int, str | None]] = []
        for query in NEAREST_QUERIES.values():
            sql = query.format(excluded=placeholders)
            rows.extend(self._conn.execute(sql, (*key, name, *documents, reference, limit)))
        return rows

    def _count(self, key: BlockKey, name: str, excluded: set[str]) -> int:
        documents = sorted(excluded)
        sql = COUNT_QUERY.format(excluded=", ".join("?" * len(documents)))
        return self._conn.execute(sql, (*key, name, *documents)).fetchone()[0]

    def _claims_by_rowid(self, rowids: list[int]) -> list[dict]:
        records: list[dict] = []
        for at in range(0, len(rowids), _ROWID_CHUNK):
            chunk = rowids[at : at + _ROWID_CHUNK]
            sql = _SELECT_CLAIMS + f"({', '.join('?' * len(chunk))})"
            records.extend(_decode(row) for row in self._conn.execute(sql, chunk))
        return records


def _distance(published: str | None, reference: int | None) -> tuple[int, str]:
    """Sort key: nearest publication date first (latest first without a reference), undated last."""
    day = _days(published)
    if day is None:
        return (1 << 40, "")
    return (abs(day - reference) if reference is not None else -day, published or "")


# --- checking drafts ---------------------------------------------------------


def check_table_against(
    draft: pd.DataFrame,
    archive: Archive,
    ruleset: RuleSet | None = None,
    *,
    canonical_item: Callable[[str], str] | None = None,
    max_related: int = DEFAULT_MAX_RELATED,
    max_group: int = DEFAULT_MAX_GROUP,
) -> CheckResult:
    """What ``check`` reports for the draft plus the related archived claims,
    keeping only findings with at least one claim of the draft (the archive's
    own conflicts were reported when it was published).

    The matcher runs over draft + related claims as in ``check``; only the
    rules see just the links that involve the draft.
    """
    if ruleset is None:
        from checker.ruleset import RuleSet

        ruleset = RuleSet.load()
    if draft.empty:
        return CheckResult()
    related = archive.find_related(draft, max_related=max_related, max_group=max_group)
    combined = _table([*claim_records(draft), *related.records])
    documents = {str(d) for d in draft["document"]}
    candidates = find_candidates(
        combined,
        canonical_item=canonical_item or _default_canonical(),
        max_group=max_group,
        focus=lambda record: record["document"] in documents,
    )
    focused = involving(candidates, {i for i, c in enumerate(candidates.claims) if c["document"] in documents})
    findings = []
    for rule in ruleset.enabled():  # as checker.engine.check_claims does
        findings.extend(CHECK_KINDS[rule.kind].check(focused.scoped(rule.scope), rule))
    return CheckResult(findings=sort_findings(findings), warnings=[*related.warnings, *candidates.warnings])


def involving(candidates: Candidates, positions: set[int]) -> Candidates:
    """Only the links with at least one claim at ``positions``.

    Links among archived claims are most of the pairs of a large group and
    would each be checked, and reported conflicts formatted, only to be dropped.
    """
    chosen = np.zeros(len(candidates.claims), dtype=bool)
    chosen[sorted(positions)] = True

    def keep(pairs: np.ndarray) -> np.ndarray:
        return pairs[chosen[pairs[:, 0]] | chosen[pairs[:, 1]]]

    def keep_parts(parts: dict[int, list[int]]) -> dict[int, list[int]]:
        return {w: ps for w, ps in parts.items() if w in positions or any(p in positions for p in ps)}

    return replace(
        candidates,
        pair_array=keep(candidates.pair_array),
        loose_array=keep(candidates.loose_array),
        parts=keep_parts(candidates.parts),
        implied_parts=keep_parts(candidates.implied_parts),
    )


def check_against(
    draft_documents: Iterable[Document | InputError],
    archive: Archive,
    ruleset: RuleSet | None = None,
    *,
    lexicon: Lexicon | None = None,
) -> CheckResult:
    """Extract the drafts' claims and check them against the archive (input errors become warnings)."""
    extracted = extract_corpus(draft_documents, lexicon)
    result = check_table_against(extracted.table, archive, ruleset)
    result.warnings[:0] = [str(error) for error in extracted.errors]
    return result


def index_paths(
    paths: Sequence[str],
    db: str | os.PathLike[str],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    lexicon: Lexicon | None = None,
    stdin: TextIO | None = None,
) -> IndexStats:
    """Read files, directories or ``-`` and index their documents into the archive at ``db``."""
    from checker.ingest import read_documents

    with Archive(db) as archive:
        return archive.index(read_documents(paths, stdin=stdin), batch_size=batch_size, lexicon=lexicon)
