"""Baselines: fingerprints that survive edits around a finding, counts, stale entries; --changed-since."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from checker.baseline import (
    BaselineError,
    Entry,
    build_entries,
    changed_files,
    compare,
    fingerprint,
    involves_changed,
    load_baseline,
    write_baseline,
)
from checker.cli import main
from checker.findings import Finding

DATA = Path(__file__).parent / "data" / "baseline"
ROWS = {
    "a#1": {"subject": "North Korea", "item": "shell", "period": None, "base_unit": "count"},
    "a#2": {"subject": "North Korea", "item": "shell", "period": "P1Y", "base_unit": "count"},
}


def claim(claim_id: str, low: float, high: float, line: int = 1, row: dict | None = None) -> dict:
    """A finding's view of a claim; ``row`` (by default ``ROWS[claim_id]``) gives what it says."""
    return {"document": "a.md", "claim_id": claim_id, "low": low, "high": high, "line": line, "column": 3,
            "start": 10 * line, "text": "x", **(row if row is not None else ROWS[claim_id])}


def finding(*claims: dict, rule: str = "rate-conflict") -> Finding:
    return Finding(rule=rule, severity="warning", message="8 million vs 3 million", ratio=2.2, claims=list(claims))


def test_fingerprint_ignores_position_order_and_claim_ids():
    before = finding(claim("a#1", 7.2e6, 8.8e6, line=6), claim("a#2", 2.85e6, 3.15e6, line=8))
    after = finding(claim("b#9", 2.85e6, 3.15e6, line=12, row=ROWS["a#2"]),
                    claim("b#7", 7.2e6, 8.8e6, line=10, row=ROWS["a#1"]))
    assert fingerprint(before) == fingerprint(after)
    assert fingerprint(before).startswith("rate-conflict:")


def test_fingerprint_changes_with_what_the_claims_say():
    base = fingerprint(finding(claim("a#1", 7.2e6, 8.8e6), claim("a#2", 2.85e6, 3.15e6)))
    assert fingerprint(finding(claim("a#1", 7.2e6, 8.8e6), claim("a#2", 3.8e6, 4.2e6))) != base
    same_claims_other_rule = finding(claim("a#1", 7.2e6, 8.8e6), claim("a#2", 2.85e6, 3.15e6), rule="value-conflict")
    assert fingerprint(same_claims_other_rule) != base
    other_subject = {**ROWS["a#2"], "subject": "Iran"}
    assert fingerprint(finding(claim("a#1", 7.2e6, 8.8e6), claim("a#2", 2.85e6, 3.15e6, row=other_subject))) != base


def test_baseline_counts_copies_and_reports_stale_entries(tmp_path):
    known = finding(claim("a#1", 7.2e6, 8.8e6), claim("a#2", 2.85e6, 3.15e6))
    gone = finding(claim("a#1", 1.0, 2.0), claim("a#2", 5.0, 6.0))
    key = fingerprint
    path = tmp_path / "baseline.json"
    write_baseline(path, build_entries([known, gone], key))
    entries = load_baseline(path)
    comparison = compare([known, known], entries, key)
    assert comparison.new == [known]  # the second copy was not in the baseline
    assert list(comparison.stale) == [key(gone)]
    assert comparison.known == 1


def test_the_file_is_sorted_json_with_descriptions(tmp_path):
    path = tmp_path / "baseline.json"
    entries = {"value-conflict:bb": Entry(1, "b.md: y"), "rate-conflict:aa": Entry(2, "a.md: x")}
    write_baseline(path, entries)
    text = path.read_text(encoding="utf-8")
    assert text.index("rate-conflict:aa") < text.index("value-conflict:bb")
    assert json.loads(text)["findings"]["rate-conflict:aa"] == {"count": 2, "description": "a.md: x"}


@pytest.mark.parametrize(
    ("text", "expected"), [("{", ":1: baseline is not valid JSON"), ("[]", "not a claimcheck baseline")]
)
def test_bad_baseline_names_the_file(tmp_path, text, expected):
    path = tmp_path / "b.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BaselineError, match="b.json") as error:
        load_baseline(path)
    assert expected in str(error.value)
    with pytest.raises(BaselineError, match="not found"):
        load_baseline(tmp_path / "missing.json")


def test_baseline_survives_a_paragraph_inserted_above(tmp_path, monkeypatch, capsys):
    article = tmp_path / "shells.md"
    shutil.copy(DATA / "shells.md", article)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "shells.md", "--isolated", "--quiet"]) == 1  # the seed conflict is there
    assert main(["check", "shells.md", "--isolated", "--write-baseline", "baseline.json"]) == 0
    recorded = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert any(fp.startswith("rate-conflict:") for fp in recorded)
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Since August", "A new opening paragraph was added.\n\nSince August", 1),
                       encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "shells.md", "--isolated", "--baseline", "baseline.json"]) == 0
    out, err = capsys.readouterr()
    assert "rate-conflict" not in out
    assert "no longer found" not in err


def test_a_changed_figure_is_new_and_its_old_entry_stale(tmp_path, monkeypatch, capsys):
    article = tmp_path / "shells.md"
    shutil.copy(DATA / "shells.md", article)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "shells.md", "--isolated", "--write-baseline", "baseline.json"]) == 0
    article.write_text(article.read_text(encoding="utf-8").replace("three million", "two million"), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "shells.md", "--isolated", "--baseline", "baseline.json"]) == 1
    out, err = capsys.readouterr()
    assert "rate-conflict" in out
    assert "1 baseline entries no longer found" in err


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(cwd), "PATH": "/usr/bin:/bin"})


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_since_keeps_findings_with_a_claim_in_a_changed_file(tmp_path, monkeypatch, capsys):
    (tmp_path / "old.md").write_text("Old article.\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "old.md")
    git(tmp_path, "commit", "-q", "-m", "old")
    shutil.copy(DATA / "shells.md", tmp_path / "new.md")  # untracked: counts as changed
    monkeypatch.chdir(tmp_path)
    changed = changed_files("HEAD")
    assert changed == {(tmp_path / "new.md").resolve()}
    paths = {"new": "new.md", "old": "old.md"}
    assert involves_changed(finding({"document": "old"}, {"document": "new"}), changed, paths)
    assert not involves_changed(finding({"document": "old"}), changed, paths)
    assert main(["check", ".", "--isolated", "--quiet", "--changed-since", "HEAD"]) == 1
    git(tmp_path, "add", "new.md")
    git(tmp_path, "commit", "-q", "-m", "new")
    assert main(["check", ".", "--isolated", "--quiet", "--changed-since", "HEAD"]) == 0
    capsys.readouterr()
    assert main(["check", ".", "--isolated", "--changed-since", "no-such-ref"]) == 2
    assert "--changed-since no-such-ref: git diff failed" in capsys.readouterr().err


def test_the_baseline_does_not_depend_on_the_working_directory(tmp_path, monkeypatch, capsys):
    shutil.copy(DATA / "shells.md", tmp_path / "shells.md")
    (tmp_path / "desk").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["check", "shells.md", "--isolated", "--write-baseline", "baseline.json"]) == 0
    monkeypatch.chdir(tmp_path / "desk")
    assert main(["check", "../shells.md", "--isolated", "--baseline", "../baseline.json"]) == 0
    assert "no longer found" not in capsys.readouterr().err
