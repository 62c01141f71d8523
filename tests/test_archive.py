"""The claim archive: storing published claims, checking drafts against them, surviving a kill."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import asdict
from datetime import date
from pathlib import Path

import pytest

from checker.archive import (
    ITEMS_QUERY,
    NEAREST_QUERIES,
    SCHEMA_VERSION,
    Archive,
    ArchiveError,
    check_against,
    check_table_against,
    index_paths,
)
from checker.engine import check_claims
from checker.ingest import read_documents
from checker.match import claim_records
from checker.model import CLAIM_COLUMNS, Claim, Document
from checker.pipeline import extract_corpus
from checker.ruleset import RuleSet
from tests.test_checks_common import claim, table

DATA = Path(__file__).parent / "data" / "archive"
PUBLISHED = DATA / "published"
DRAFT = DATA / "draft-shells.md"
CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "archive.sqlite") as opened:
        yield opened


# --- storing -------------------------------------------------------------------


def test_index_stores_every_claim_as_extracted(archive):
    stats = archive.index(read_documents([str(PUBLISHED)]))
    assert (stats.documents, stats.added, stats.replaced, stats.unchanged, stats.failed) == (2, 2, 0, 0, 0)
    expected = extract_corpus(read_documents([str(PUBLISHED)])).table
    assert archive.counts() == (2, len(expected))
    for document_id in ("archive-shells-annual", "archive-turbines"):
        stored = archive.document_claims(document_id)
        assert not stored.empty
        assert claim_records(stored) == claim_records(expected[expected.document == document_id])


def test_reindexing_unchanged_documents_adds_nothing(archive):
    first = archive.index(read_documents([str(PUBLISHED)]))
    again = archive.index(read_documents([str(PUBLISHED)]))
    assert (again.unchanged, again.added, again.replaced, again.claims) == (2, 0, 0, 0)
    assert archive.counts() == (2, first.claims)


def test_a_changed_document_replaces_its_claims(tmp_path):
    published = tmp_path / "published"
    shutil.copytree(PUBLISHED, published)
    db = tmp_path / "archive.sqlite"
    index_paths([str(published)], db)
    article = published / "shells-annual.md"
    article.write_text(article.read_text().replace("three million shells", "four million shells"))
    stats = index_paths([str(published)], db)
    assert (stats.replaced, stats.unchanged, stats.added) == (1, 1, 0)
    with Archive(db) as archive:
        stored = archive.document_claims("archive-shells-annual")
        assert list(stored.text) == ["four million shells"]
        assert archive.counts() == (2, 2)


def test_input_errors_are_reported_and_the_rest_indexed(tmp_path):
    feed = tmp_path / "feed.jsonl"
    rows = [
        {"id": "a", "published": "2024-05-01", "text": "Norway has built 120 wind turbines so far this year."},
        "{not json",
        {"id": "b", "published": "2024-05-02", "text": "Norway has built 140 wind turbines so far this year."},
    ]
    feed.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    stats = index_paths([str(feed)], tmp_path / "archive.sqlite")
    assert stats.added == 2
    assert [(e.path, e.line, e.severity) for e in stats.errors] == [(str(feed), 2, "error")]


def test_schema_is_versioned_in_wal_mode_and_holds_every_claim_column(archive):
    connection = sqlite3.connect(archive.path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    columns = {row[1] for row in connection.execute("PRAGMA table_info(claims)")}
    assert set(CLAIM_COLUMNS) <= columns, "a new claim column needs a migration"
    documents = {row[1] for row in connection.execute("PRAGMA table_info(documents)")}
    assert {"id", "path", "content_hash", "published", "indexed_at"} <= documents
    connection.close()


@pytest.mark.parametrize(
    ("query", "parameters", "index"),
    [
        (ITEMS_QUERY, ("North Korea", "count", 0), "block_items"),
        *[
            (query.format(excluded="?"), ("North Korea", "count", 0, "shell", "draft", "2024-10-26", 100),
             "COVERING INDEX claims_by_block")
            for query in NEAREST_QUERIES.values()
        ],
    ],
)
def test_draft_lookups_walk_an_index_in_order(archive, query, parameters, index):
    archive.index(read_documents([str(PUBLISHED)]))
    connection = sqlite3.connect(archive.path)
    plan = " ".join(row[-1] for row in connection.execute(f"EXPLAIN QUERY PLAN {query}", parameters))
    connection.close()
    assert index in plan
    assert "SCAN" not in plan and "TEMP B-TREE" not in plan, plan


def test_unusable_files_are_refused_with_their_name(tmp_path):
    missing = tmp_path / "nowhere.sqlite"
    with pytest.raises(ArchiveError, match="nowhere.sqlite: no such archive"):
        Archive(missing, create=False)
    assert not missing.exists()

    text = tmp_path / "notes.sqlite"
    text.write_text("not a database at all, just some notes\n" * 100)
    with pytest.raises(ArchiveError, match="notes.sqlite"):
        Archive(text)

    other = tmp_path / "other.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    with pytest.raises(ArchiveError, match="other.sqlite: an SQLite file that is not a claimcheck archive"):
        Archive(other)

    newer = tmp_path / "newer.sqlite"
    Archive(newer).close()
    connection = sqlite3.connect(newer)
    connection.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(ArchiveError, match="newer than this claimcheck"):
        Archive(newer)


# --- checking a draft --------------------------------------------------------


def test_a_draft_conflicting_with_an_archived_article_is_reported(archive):
    archive.index(read_documents([str(PUBLISHED)]))
    result = check_against(read_documents([str(DRAFT)]), archive)
    assert [f.rule for f in result.findings] == ["rate-conflict"]
    finding = result.findings[0]
    assert finding.scope == "corpus"
    assert {c["document"] for c in finding.claims} == {"draft-shells", "archive-shells-annual"}
    assert {c["text"] for c in finding.claims} == {"eight million shells", "three million shells"}


def test_the_archived_copy_of_the_draft_is_not_compared_with_it(archive):
    archive.index(read_documents([str(PUBLISHED), str(DRAFT)]))
    draft = extract_corpus(read_documents([str(DRAFT)])).table
    assert set(archive.related_claims(draft).document) == {"archive-shells-annual"}
    result = check_table_against(draft, archive)
    assert len(result.findings) == 1


def test_only_findings_involving_the_draft_are_reported(archive):
    def article(identifier: str, published: str, text: str) -> Document:
        return Document(id=identifier, text=text, published=date.fromisoformat(published))

    archive.index([
        article("r1", "2024-09-01", "North Korea supplies Russia with three million shells annually, officials said."),
        article("r2", "2024-09-15", "North Korea supplies Russia with nine million shells annually, officials said."),
    ])
    draft = [article("d", "2024-10-01", "North Korea supplies Russia with about three million shells a year, officials said.")]
    result = check_against(draft, archive)
    assert [sorted(c["document"] for c in f.claims) for f in result.findings] == [["d", "r2"]]


def test_a_large_group_is_cut_to_the_claims_published_nearest_the_draft(archive):
    archive.store([
        (Document(id=f"m{month:02d}", text="", published=date(2024, month, 1)),
         [Claim(**claim("3 million shells", 2.85e6, 3.15e6, document=f"m{month:02d}", published=f"2024-{month:02d}-01"))])
        for month in range(1, 11)
    ])
    draft = table(claim("8 million shells", 7.6e6, 8.4e6, document="draft", published="2024-06-15"))
    related = archive.find_related(draft, max_related=3)
    assert sorted(related.claims.document) == ["m05", "m06", "m07"]
    assert any("10 archived claims" in w and "compared the 3" in w for w in related.warnings)
    assert sorted(archive.find_related(draft.assign(published=None), max_related=2).claims.document) == ["m09", "m10"]
    assert len(archive.find_related(draft).claims) == 10


def test_spelling_variants_of_an_item_are_looked_up_but_other_items_are_not(archive):
    def archived(identifier: str, item: str) -> tuple[Document, list[Claim]]:
        row = claim("3 million", 2.85e6, 3.15e6, document=identifier, item=item, published="2024-09-01")
        return Document(id=identifier, text="", published=date(2024, 9, 1)), [Claim(**row)]

    archive.store([archived("variant", "grain-silo"), archived("other", "grain sack")])
    draft = table(claim("8 million", 7.6e6, 8.4e6, document="draft", item="grain silo"))
    assert list(archive.related_claims(draft).document) == ["variant"]


@pytest.fixture(scope="module")
def corpus_archive(tmp_path_factory):
    """The fixture corpus, extracted once, stored in an archive."""
    documents = [d for d in read_documents([str(CORPUS)]) if isinstance(d, Document)]
    extracted = extract_corpus(documents)
    by_document: dict[str, list[Claim]] = {d.id: [] for d in documents}
    for found in extracted.claims:
        by_document[found.document].append(found)
    archive = Archive(tmp_path_factory.mktemp("corpus") / "archive.sqlite")
    archive.store((d, by_document[d.id]) for d in documents)
    yield archive, extracted.table
    archive.close()


def test_findings_against_the_archive_are_those_of_check_over_the_whole_corpus(corpus_archive):
    archive, claims = corpus_archive
    ruleset = RuleSet.load()
    everything = check_claims(claims, ruleset).findings
    compared = 0
    for document_id in sorted(set(claims.document)):
        expected = [f for f in everything if any(c["document"] == document_id for c in f.claims)]
        got = check_table_against(claims[claims.document == document_id], archive, ruleset).findings
        assert [asdict(f) for f in got] == [asdict(f) for f in expected], document_id
        compared += len(expected)
    assert compared > 0  # the corpus has cross-article conflicts to compare


# --- interruption ----------------------------------------------------------------

_INDEX = "import sys; from checker.archive import index_paths; index_paths([sys.argv[1]], sys.argv[2], batch_size=int(sys.argv[3]))"


def _state(db: Path) -> tuple[int, int, int, str, list]:
    connection = sqlite3.connect(db)
    try:
        documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
        claims, distinct = connection.execute("SELECT count(*), count(DISTINCT claim_id) FROM claims").fetchone()
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        incomplete = connection.execute(
            "SELECT d.id, count(c.claim_id) FROM documents d LEFT JOIN claims c ON c.document = d.id "
            "GROUP BY d.id HAVING count(c.claim_id) != 2"
        ).fetchall()
    finally:
        connection.close()
    return documents, claims, distinct, integrity, incomplete


def test_a_killed_index_run_loses_nothing_committed_and_resumes(tmp_path):
    total, batch = 1500, 25
    feed = tmp_path / "feed.jsonl"
    with feed.open("w") as out:
        for i in range(total):
            text = (f"Norway has built {i % 900 + 3} wind turbines this year, officials said. "
                    f"The operator added {i % 400 + 5} electric buses in 2023.")
            out.write(json.dumps({"id": f"n{i:05d}", "published": "2024-05-01", "text": text}) + "\n")
    db = tmp_path / "archive.sqlite"
    process = subprocess.Popen([sys.executable, "-c", _INDEX, str(feed), str(db), str(batch)])
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if db.exists():
                try:
                    if _state(db)[0] > 0:
                        break
                except sqlite3.OperationalError:  # schema not created yet
                    pass
            time.sleep(0.02)
        assert process.poll() is None, "the index run ended before it could be interrupted"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()

    documents, claims, distinct, integrity, incomplete = _state(db)
    assert integrity == "ok"
    assert 0 < documents < total
    assert documents % batch == 0  # whole batches only
    assert claims == distinct == 2 * documents
    assert incomplete == []  # never half a document

    stats = index_paths([str(feed)], db, batch_size=batch)
    assert (stats.unchanged, stats.added) == (documents, total - documents)
    documents, claims, distinct, integrity, incomplete = _state(db)
    assert (documents, claims, distinct, integrity, incomplete) == (total, 2 * total, 2 * total, "ok", [])
