"""Parallel extraction: same result for any --jobs, streaming, failures that stay local, Ctrl-C, progress."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from checker.engine import check_claims
from checker.engine_local import CHUNK_DOCUMENTS, CHUNKS_PER_JOB, WORKER_DIED, extract_parallel
from checker.ingest import read_documents
from checker.model import Claim, Document, InputError
from checker.pipeline import document_claims, extract_corpus
from checker.progress import progress_bar, wants_progress
from checker.ruleset import RuleSet

ROOT = Path(__file__).resolve().parents[1]
SHELLS = ROOT / "tests" / "data" / "parallel"
CORPUS = ROOT / "fixtures" / "corpus"


def findings_json(table) -> str:
    return json.dumps([f.as_dict() for f in check_claims(table, RuleSet.load()).findings], sort_keys=True)


# Extractors for the failure tests: module-level, so worker processes can import them.
def explode_on_marker(document: Document, lexicon=None) -> list[Claim]:
    if "EXPLODE" in document.text:
        raise ValueError("cannot read this figure")
    return document_claims(document, lexicon)


def die_on_marker(document: Document, lexicon=None) -> list[Claim]:
    if "DIE" in document.text:
        os._exit(3)  # what a segfault or the OOM killer looks like to the pool
    return document_claims(document, lexicon)


def no_claims(document: Document, lexicon=None) -> list[Claim]:
    return []


def article(number: int, text: str = "Norway exported 1,200 tonnes of grain in 2023.") -> Document:
    return Document(id=f"doc-{number:04d}", text=text, published=date(2024, 10, 26), path=f"doc-{number:04d}.txt")


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_fixture_corpus_claims_and_errors_match_sequential_run(jobs):
    items = list(read_documents([str(CORPUS)]))
    sequential = extract_corpus(items)
    parallel = extract_parallel(items, jobs)
    assert parallel.documents == sequential.documents
    assert parallel.errors == sequential.errors
    assert parallel.table.equals(sequential.table)


def test_planted_rate_conflict_is_found_with_one_or_two_jobs():
    items = list(read_documents([str(SHELLS)]))
    one, two = extract_parallel(items, 1), extract_parallel(items, 2)
    assert findings_json(one.table) == findings_json(two.table)
    findings = check_claims(two.table, RuleSet.load()).findings
    assert [f.rule for f in findings] == ["rate-conflict"]
    assert {c["text"] for c in findings[0].claims} == {"eight million shells", "three million shells"}


def test_fixture_corpus_findings_do_not_depend_on_jobs():
    items = list(read_documents([str(CORPUS)]))
    assert findings_json(extract_parallel(items, 1).table) == findings_json(extract_parallel(items, 2).table)


def test_exception_on_one_document_fails_only_that_document():
    docs = [article(i) for i in range(40)]
    docs[17] = article(17, "EXPLODE: Norway exported 1,200 tonnes of grain.")
    result = extract_parallel(docs, 2, extract=explode_on_marker)
    assert result.documents == 40 and result.failed == 1
    assert [str(e) for e in result.errors] == [
        "doc-0017.txt: error: internal error while extracting: ValueError: cannot read this figure"
    ]
    assert [c.document for c in result.claims] == [d.id for d in docs if d.id != "doc-0017"]


def test_worker_that_dies_marks_its_document_failed_and_the_run_completes():
    docs = [article(i) for i in range(150)]
    docs[70] = article(70, "DIE " + docs[70].text)
    result = extract_parallel(docs, 2, extract=die_on_marker)
    assert result.documents == 150 and result.failed == 1
    assert result.errors == [InputError("doc-0070.txt", WORKER_DIED)]
    assert [c.document for c in result.claims] == [d.id for d in docs if d.id != "doc-0070"]


def test_failed_row_of_a_jsonl_file_names_file_and_line(tmp_path):
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": f"r{i}", "published": "2024-10-26", "text": "EXPLODE" if i == 2 else "Norway built 40 homes."}
            for i in range(4)]
    feed.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    result = extract_parallel(read_documents([str(feed)]), 2, extract=explode_on_marker)
    assert [(e.path, e.line) for e in result.errors] == [(str(feed), 3)]


def test_input_errors_keep_their_place_among_documents():
    items = [article(0), InputError("missing.txt", "no such file or directory"), article(1),
             InputError("empty.md", "empty file, skipped", severity="warning"), article(2)]
    result = extract_parallel(items, 2)
    assert [e.path for e in result.errors] == ["missing.txt", "empty.md"]
    assert result.documents == 3 and result.failed == 0
    assert [c.document for c in result.claims] == ["doc-0000", "doc-0001", "doc-0002"]


class _Watch:
    """A progress sink that records how far reading ran ahead of finished documents."""

    def __init__(self) -> None:
        self.pulled = self.done = self.ahead = 0

    def stream(self, count: int):
        for number in range(count):
            self.pulled += 1
            yield article(number, "Norway built 40 homes.")

    def update(self, n: float | None = 1) -> None:
        self.done += int(n or 0)
        self.ahead = max(self.ahead, self.pulled - self.done)

    def close(self) -> None:
        pass


def test_documents_are_read_lazily_with_bounded_work_in_flight():
    watch, jobs = _Watch(), 2
    result = extract_parallel(watch.stream(3000), jobs, progress=watch, extract=no_claims)
    assert result.documents == watch.done == 3000
    # In flight: the submitted chunks plus the chunk being filled, never the whole stream.
    assert watch.ahead <= (jobs * CHUNKS_PER_JOB + 1) * CHUNK_DOCUMENTS


def test_bad_lexicon_directory_is_reported_before_any_work(tmp_path):
    from checker.lexicon import LexiconError

    (tmp_path / "broken.yaml").write_text("entities: [unclosed\n", encoding="utf-8")
    with pytest.raises(LexiconError):
        extract_parallel([article(0)], 2, lexicon_dirs=[str(tmp_path)])


_INTERRUPTIBLE = textwrap.dedent(
    """
    import itertools, sys
    from datetime import date
    from checker.engine_local import extract_parallel
    from checker.model import Document

    class Announce:
        said = False
        def update(self, n=1):
            if not self.said:
                print("running", flush=True)
                self.said = True
        def close(self):
            pass

    endless = (Document(id=f"d{i}", text="Norway built 40 homes in 2023. " * 20, published=date(2024, 1, 1))
               for i in itertools.count())
    try:
        extract_parallel(endless, 2, progress=Announce())
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    """
)


def test_ctrl_c_stops_workers_and_exits_130_without_traceback():
    process = subprocess.Popen([sys.executable, "-c", _INTERRUPTIBLE], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "running"
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=120)  # a guard against hanging, not a speed check
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130
    assert "interrupted" in stderr
    assert "Traceback" not in stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_and_not_when_quiet():
    assert wants_progress(_Terminal(), quiet=False)
    assert not wants_progress(_Terminal(), quiet=True)
    assert not wants_progress(io.StringIO(), quiet=False)


def test_progress_bar_draws_on_a_terminal_and_stays_silent_in_a_log():
    terminal, log = _Terminal(), io.StringIO()
    counted = []
    for stream in (terminal, log):
        bar = progress_bar(stream=stream)
        extract_parallel([article(i) for i in range(5)], 2, progress=bar)
        counted.append(bar.n)
        bar.close()
    assert counted[0] == 5
    assert "claimcheck" in terminal.getvalue() and "documents" in terminal.getvalue()
    assert log.getvalue() == ""
