"""The command line end to end: exit codes, configuration, suppressions and report formats."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.cli import main

DATA = Path(__file__).parent / "data"
SHELLS = str(DATA / "baseline" / "shells.md")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_exit_codes_follow_fail_on(capsys):
    code, out, _ = run(capsys, "check", SHELLS, "--isolated")
    assert code == 1 and "rate-conflict" in out
    assert run(capsys, "check", SHELLS, "--isolated", "--fail-on", "error")[0] == 0
    assert run(capsys, "check", SHELLS, "--isolated", "--ignore", "rate-conflict")[0] == 0


def test_missing_file_and_unknown_rule_exit_2(capsys):
    code, out, err = run(capsys, "check", str(DATA / "no-such.md"), "--isolated")
    assert code == 2 and "no-such.md: error: no such file" in out + err
    code, _, err = run(capsys, "check", SHELLS, "--isolated", "--select", "rate-conflcit")
    assert code == 2 and "command line option --select: unknown rule id 'rate-conflcit'" in err
    assert "Traceback" not in err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["check", SHELLS, "--isolated", "--config", "x.toml"])
    assert exit_.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
    code, _, err = run(capsys, "check", SHELLS, "--isolated", "--baseline", "a", "--write-baseline", "b")
    assert code == 2 and "cannot be used together" in err


def test_configuration_is_discovered_and_the_command_line_wins(tmp_path, monkeypatch, capsys):
    (tmp_path / "claimcheck.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    shutil.copy(SHELLS, tmp_path / "shells.md")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", "shells.md")
    assert code == 0 and "rate-conflict" in out  # reported, but a warning does not fail with fail-on = error
    assert run(capsys, "check", "shells.md", "--fail-on", "warning")[0] == 1
    assert run(capsys, "check", "shells.md", "--isolated")[0] == 1


def test_bad_configuration_exits_2_naming_file_and_key(tmp_path, monkeypatch, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\nfail_on = "error"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for command in (["check", SHELLS], ["extract", SHELLS], ["config"], ["rules"]):
        code, out, err = run(capsys, *command)
        assert code == 2, command
        assert "pyproject.toml:2: key 'tool.claimcheck.fail_on': unknown key" in err
        assert out == ""
    code, _, err = run(capsys, "check", SHELLS, "--config", "missing.toml")
    assert code == 2 and "missing.toml: configuration file not found" in err


def test_config_command_shows_sources(tmp_path, monkeypatch, capsys):
    (tmp_path / "claimcheck.toml").write_text('ignore = ["value-conflict"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "config", "--set", "rate-conflict.min_ratio=3")
    assert code == 0
    assert 'ignore = ["value-conflict"]  # claimcheck.toml' in out
    assert "min_ratio = 3.0  # command line" in out
    assert 'fail-on = "warning"  # default' in out
    assert "[rules.value-conflict]  # disabled" in out


def test_rule_parameters_from_the_file_change_findings(tmp_path, monkeypatch, capsys):
    (tmp_path / "claimcheck.toml").write_text("[rules.rate-conflict]\nmin_ratio = 5\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "check", SHELLS)[0] == 0  # 2.2× apart is below the house threshold
    assert run(capsys, "check", SHELLS, "--set", "rate-conflict.min_ratio=2")[0] == 1


def test_inline_suppressions_end_to_end(capsys):
    code, out, _ = run(capsys, "check", str(DATA / "suppress" / "shells-vouched.md"), "--isolated")
    assert code == 0 and "rate-conflict" not in out and "suppression" not in out
    code, out, _ = run(capsys, "check", str(DATA / "suppress" / "shells-no-reason.md"), "--isolated")
    assert code == 0  # info findings do not fail the default --fail-on warning
    assert "info suppression-without-reason" in out and "warning rate-conflict" not in out
    code, out, _ = run(capsys, "check", str(DATA / "suppress" / "unused.md"), "--isolated", "--fail-on", "info")
    assert code == 1 and out.count("unused-suppression") == 1  # the one in a code block is an example


def test_suppressions_file_matches_documents_by_path(tmp_path, capsys):
    listing = tmp_path / "suppressions.toml"
    listing.write_text(f'[["{Path(SHELLS).as_posix()}"]]\nrule = "rate-conflict"\nreason = "checked"\n',
                       encoding="utf-8")
    assert run(capsys, "check", SHELLS, "--isolated", "--suppressions", str(listing))[0] == 0
    listing.write_text('["x.md"]\nrule = 5\n', encoding="utf-8")
    code, _, err = run(capsys, "check", SHELLS, "--isolated", "--suppressions", str(listing))
    assert code == 2 and "suppressions.toml" in err


def test_rules_lists_the_suppression_rules_and_explains_them(capsys):
    code, out, _ = run(capsys, "rules", "--isolated")
    assert code == 0 and "unused-suppression" in out and "rate-conflict" in out
    code, out, _ = run(capsys, "rule", "suppression-without-reason", "--isolated")
    assert code == 0 and "reason" in out
    assert run(capsys, "rule", "no-such-rule", "--isolated")[0] == 2


def test_machine_formats_come_from_the_registry(capsys):
    code, out, _ = run(capsys, "check", SHELLS, "--isolated", "--format", "github", "--quiet")
    assert code == 1 and out.startswith("::warning ") and "title=rate-conflict" in out
    code, out, _ = run(capsys, "check", SHELLS, "--isolated", "--format", "json", "--quiet")
    assert code == 1 and '"rule": "rate-conflict"' in out


def test_index_then_check_a_draft_against_the_archive(tmp_path, capsys):
    from pathlib import Path

    from checker.cli import main

    data = Path(__file__).resolve().parent / "data" / "archive"
    db = str(tmp_path / "archive.sqlite")
    published = [str(data / "published")]
    assert main(["index", *published, "--db", db, "--quiet"]) == 0
    assert main(["index", *published, "--db", db]) == 0
    assert "unchanged" in capsys.readouterr().err
    code = main(["check", str(data / "draft-shells.md"), "--against", db, "--format", "json", "--quiet"])
    report = capsys.readouterr().out
    assert code == 1 and '"rate-conflict"' in report


def test_check_against_a_missing_archive_is_a_usage_error(tmp_path, capsys):
    from pathlib import Path

    from checker.cli import main

    draft = Path(__file__).resolve().parent / "data" / "archive" / "draft-shells.md"
    assert main(["check", str(draft), "--against", str(tmp_path / "none.sqlite")]) == 2
    assert "none.sqlite" in capsys.readouterr().err


WIRE_ROWS = [
    {"id": "wire-shells-1", "published": "2024-10-26", "title": "Shells",
     "text": "North Korea has supplied about eight million shells since August of last year, officials said."},
    {"id": "wire-shells-2", "published": "2024-10-26", "title": "Shells again",
     "text": "An earlier estimate put it plainly.\nNorth Korea supplies three million shells annually, the report said."},
]


def test_findings_in_a_jsonl_file_point_at_the_file_and_row(tmp_path, monkeypatch, capsys):
    """A row's text is a quoted field of one line: reports name the file, the row's line and
    the article, and give the figure's line and column within the article (ruff's notebook style)."""
    import json

    import jsonschema

    (tmp_path / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in WIRE_ROWS) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", "wire.jsonl", "--isolated", "--select", "rate-conflict", "--quiet")
    assert code == 1
    assert out.splitlines()[0].startswith("wire.jsonl:wire-shells-1:1:32: warning rate-conflict about eight million")
    assert "    > wire.jsonl:wire-shells-2:2:22: North Korea supplies [three million shells] annually" in out

    _, out, _ = run(capsys, "check", "wire.jsonl", "--isolated", "--select", "rate-conflict", "--format", "github")
    assert out.startswith("::warning file=wire.jsonl,line=1,title=rate-conflict::")
    assert "also wire.jsonl:wire-shells-2:2:22:" in out

    _, out, _ = run(capsys, "check", "wire.jsonl", "--isolated", "--select", "rate-conflict", "--format", "sarif")
    log = json.loads(out)
    schema = json.loads((DATA / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert jsonschema.Draft4Validator(schema).is_valid(log)
    (result,) = log["runs"][0]["results"]
    where = result["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"] == "wire.jsonl"
    assert where["region"]["startLine"] == 1 and "startColumn" not in where["region"]
    assert result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 2
