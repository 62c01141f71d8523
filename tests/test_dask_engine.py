"""The Dask engine gives the local engine's findings; its grouping keeps every comparable pair together."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from checker.engine import check_claims
from checker.engine_local import extract_parallel
from checker.ingest import IngestSummary, read_documents
from checker.model import CLAIM_COLUMNS
from checker.ruleset import RuleSet
from tests.test_checks_common import claim, table

pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from checker.engine_dask import (  # noqa: E402
    GROUP,
    ROW,
    UNIT,
    _group_of,
    check_partition,
    check_with_dask,
    merged_groups,
    plan_inputs,
)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "fixtures" / "corpus"
SHELLS = ROOT / "tests" / "data" / "parallel"


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


def local_check(path: Path, jobs: int):
    summary = IngestSummary()
    corpus = extract_parallel(read_documents([str(path)], summary=summary), jobs)
    return check_claims(corpus.table, RuleSet.load()), corpus


def as_json(findings) -> str:
    return json.dumps([f.as_dict() for f in findings], sort_keys=True, ensure_ascii=False)


def test_fixture_corpus_findings_equal_the_local_engine(scheduler):
    local, corpus = local_check(CORPUS, 2)
    distributed_result, stats = check_with_dask([str(CORPUS)], RuleSet.load(), scheduler=scheduler, partitions=5)
    assert as_json(distributed_result.findings) == as_json(local.findings)
    assert distributed_result.warnings == sorted(local.warnings)
    assert (stats.documents, stats.claims, stats.failed) == (corpus.documents, len(corpus.claims), corpus.failed)


def test_one_job_two_jobs_and_dask_agree_on_the_planted_conflict(scheduler):
    one, _ = local_check(SHELLS, 1)
    two, _ = local_check(SHELLS, 2)
    on_dask, stats = check_with_dask([str(SHELLS)], RuleSet.load(), scheduler=scheduler)
    assert as_json(one.findings) == as_json(two.findings) == as_json(on_dask.findings)
    assert [f.rule for f in on_dask.findings] == ["rate-conflict"]
    assert stats.documents == 3 and stats.summary.read == 3


def test_a_baseline_written_by_either_engine_serves_the_other(scheduler, tmp_path, capsys, monkeypatch):
    """Findings carry every field a baseline fingerprint reads, so the Dask engine,
    whose claims stay on the cluster, writes and applies baselines too."""
    from checker.cli import main

    monkeypatch.chdir(ROOT)
    on_dask = ["--engine", "dask", "--scheduler", scheduler]
    findings = len(local_check(CORPUS, 1)[0].findings)
    assert findings >= 15  # the demo corpus's planted conflicts
    for writer, reader in ((on_dask, []), ([], on_dask)):
        baseline = tmp_path / "baseline.json"
        assert main(["check", str(CORPUS), "--isolated", "--quiet", "--write-baseline", str(baseline), *writer]) == 0
        entries = json.loads(baseline.read_text(encoding="utf-8"))["findings"].values()
        assert sum(entry["count"] for entry in entries) == findings
        capsys.readouterr()
        assert main(["check", str(CORPUS), "--isolated", "--quiet", "--baseline", str(baseline), *reader]) == 0
        assert capsys.readouterr().out.count(" warning ") == 0


def test_input_errors_and_skips_are_counted_in_reading_order(scheduler, tmp_path):
    (tmp_path / "a.md").write_text((SHELLS / "shells-annual.md").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.4")
    missing = str(tmp_path / "missing.txt")
    expected = IngestSummary()
    expected_items = list(read_documents([str(tmp_path), missing], summary=expected))
    _, stats = check_with_dask([str(tmp_path), missing], RuleSet.load(), scheduler=scheduler)
    assert stats.errors == [item for item in expected_items if not hasattr(item, "text")]
    assert (stats.summary.read, stats.summary.skipped, stats.summary.failed) == (1, 2, 1)
    assert str(stats.summary) == str(expected)


def test_without_a_scheduler_a_local_cluster_is_started():
    result, stats = check_with_dask([str(SHELLS)], RuleSet.load())
    assert [f.rule for f in result.findings] == ["rate-conflict"] and stats.documents == 3


def test_plan_follows_the_ingest_walk(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.md", "a.txt", "sub/c.jsonl", ".hidden.txt", "notes.docx"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert plan_inputs([str(tmp_path)]) == [
        ("read", str(tmp_path / "a.txt")),
        ("read", str(tmp_path / "b.md")),
        ("skip", str(tmp_path / "notes.docx")),
        ("read", str(tmp_path / "sub" / "c.jsonl")),
    ]


PASSENGERS = "The ferry carried 300 passengers, including 180 adults and 160 children."


def test_parts_in_another_block_than_their_whole_are_grouped_with_it():
    shared = dict(item="passenger", sentence=PASSENGERS, sentence_start=0, document="f.md")
    rows = [
        claim("300 passengers", 299.5, 300.5, claim_id="f.md#1", subject="the ferry", **shared),
        claim("180 adults", 179.5, 180.5, claim_id="f.md#2", part_of="f.md#1", subject="Buton", **shared),
        claim("160 children", 159.5, 160.5, claim_id="f.md#3", part_of="f.md#1", subject=None, **shared),
        claim("8 million shells", 7.5e6, 8.5e6, claim_id="s.md#1", document="s.md", item="shell"),
        claim("3 million shells", 2.5e6, 3.5e6, claim_id="t.md#1", document="t.md", item="shell"),
    ]
    frame = table(*rows)
    frame[GROUP] = [_group_of(row) for row in rows]
    frame[UNIT], frame[ROW] = 0, range(len(rows))
    assert frame[GROUP].nunique() == 4  # the breakdown spans three blocks

    links = frame.loc[frame["part_of"].notna(), ["part_of", GROUP]]
    wholes = frame.loc[frame["claim_id"].isin(set(links["part_of"])), ["claim_id", GROUP]]
    mapping = merged_groups(links, wholes)
    frame[GROUP] = [mapping.get(group, group) for group in frame[GROUP]]
    assert frame[GROUP].nunique() == 2

    ruleset = RuleSet.load()
    by_group = [check_partition(part, ruleset) for _, part in frame.groupby(GROUP)]
    split = sorted((f for result in by_group for f in result.findings), key=lambda f: f.sort_key())
    whole = check_claims(table(*rows), ruleset)
    assert as_json(split) == as_json(whole.findings)
    assert {f.rule for f in split} == {"parts-exceed-whole", "value-conflict"}


def test_merged_groups_leaves_unlinked_groups_alone():
    links = pd.DataFrame({"part_of": ["x#1", "y#9"], GROUP: ["A", "B"]})
    wholes = pd.DataFrame({"claim_id": ["x#1"], GROUP: ["C"]})
    assert merged_groups(links, wholes) == {"C": "A"}
    assert set(CLAIM_COLUMNS) <= set(table(claim("1", 1, 1)).columns)
