"""Configuration: discovery, precedence, validation, globs and the effective-settings printout."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import (
    COMMAND_LINE,
    ConfigError,
    build_ruleset,
    describe,
    expand_paths,
    find_config,
    per_file_ignored,
    resolve_settings,
)
from checker.findings import Finding

DATA = Path(__file__).parent / "data" / "config"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def finding(rule: str, *documents: str) -> Finding:
    claims = [{"document": d, "line": 1, "column": 1, "start": 0, "claim_id": f"{d}#1"} for d in documents]
    return Finding(rule=rule, severity="warning", message="m", ratio=2.0, claims=claims)


def test_pyproject_is_found_from_a_nested_directory(tmp_path, monkeypatch):
    pyproject = write(tmp_path / "pyproject.toml", '[tool.claimcheck]\nfail-on = "info"\n')
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    settings = resolve_settings()
    assert settings.config_path == pyproject.resolve()
    assert settings.fail_on == "info"
    assert settings.root == tmp_path.resolve()


def test_claimcheck_toml_wins_over_pyproject_in_the_same_directory(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.claimcheck]\nfail-on = "info"\n')
    own = write(tmp_path / "claimcheck.toml", 'fail-on = "error"\n')
    assert find_config(tmp_path) == own.resolve()
    assert resolve_settings(cwd=tmp_path).fail_on == "error"


def test_pyproject_without_our_table_does_not_stop_the_search(tmp_path):
    outer = write(tmp_path / "claimcheck.toml", 'fail-on = "error"\n')
    write(tmp_path / "site" / "pyproject.toml", '[project]\nname = "site"\n')
    assert find_config(tmp_path / "site") == outer.resolve()


def test_the_search_stops_at_the_nearest_file(tmp_path):
    write(tmp_path / "claimcheck.toml", 'fail-on = "error"\n')
    inner = write(tmp_path / "desk" / "claimcheck.toml", 'fail-on = "info"\n')
    settings = resolve_settings(cwd=tmp_path / "desk")
    assert settings.config_path == inner.resolve()
    assert settings.fail_on == "info"


def test_command_line_overrides_the_file_and_says_so(tmp_path):
    write(tmp_path / "claimcheck.toml", 'fail-on = "error"\nselect = ["rate-conflict"]\n'
          "[rules.rate-conflict]\nmin_ratio = 2\ntolerance = 0.1\n")
    settings = resolve_settings(
        {"fail-on": "info", "select": None, "rules": {"rate-conflict": {"min_ratio": 3}}}, cwd=tmp_path
    )
    assert settings.fail_on == "info"
    assert settings.source("fail-on") == COMMAND_LINE
    assert settings.select == ["rate-conflict"]  # not given on the command line: the file's value
    assert settings.source("select").endswith("claimcheck.toml")
    assert settings.rules["rate-conflict"] == {"min_ratio": 3, "tolerance": 0.1}
    ruleset, _ = build_ruleset(settings)
    assert ruleset["rate-conflict"].params["min_ratio"] == 3
    assert ruleset["rate-conflict"].params["tolerance"] == pytest.approx(0.1)


def test_isolated_ignores_the_file_and_config_names_one(tmp_path):
    write(tmp_path / "claimcheck.toml", 'fail-on = "error"\n')
    other = write(tmp_path / "ci" / "strict.toml", 'fail-on = "info"\n')
    assert resolve_settings(isolated=True, cwd=tmp_path).fail_on == "warning"
    assert resolve_settings(config=str(other), cwd=tmp_path).fail_on == "info"


def test_unknown_key_names_file_line_and_key(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.claimcheck]\nfail-on = "error"\nselct = ["rate-conflict"]\n')
    with pytest.raises(ConfigError) as error:
        resolve_settings(cwd=tmp_path)
    message = str(error.value)
    assert "pyproject.toml:3" in message
    assert "'tool.claimcheck.selct'" in message
    assert "unknown key" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('fail-on = "sometimes"\n', "key 'fail-on': must be one of"),
        ('select = "rate-conflict"\n', "key 'select': must be a list of strings"),
        ('select = ["Rate Conflict"]\n', "is not a rule id"),
        ("[rules.rate-conflict]\nmin_ratio = \"two\"\n", "key 'rules.rate-conflict.min_ratio': must be a number"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_bad_values_are_reported_with_the_key(tmp_path, text, expected):
    write(tmp_path / "claimcheck.toml", text)
    with pytest.raises(ConfigError, match="claimcheck.toml") as error:
        resolve_settings(cwd=tmp_path)
    assert expected in str(error.value)


def test_unknown_rule_ids_and_parameters_name_the_file(tmp_path):
    write(tmp_path / "claimcheck.toml", 'ignore = ["rate-conflcit"]\n')
    with pytest.raises(ConfigError, match=r"claimcheck.toml:1: key 'ignore': unknown rule id 'rate-conflcit'"):
        build_ruleset(resolve_settings(cwd=tmp_path))
    write(tmp_path / "claimcheck.toml", "[rules.rate-conflict]\nmin_ratoi = 2\n")
    with pytest.raises(ConfigError, match=r"claimcheck.toml.*unknown parameter 'min_ratoi'"):
        build_ruleset(resolve_settings(cwd=tmp_path))
    write(tmp_path / "claimcheck.toml", 'select = ["rate-conflict"]\n')
    with pytest.raises(ConfigError, match="command line option --set"):
        build_ruleset(resolve_settings({"rules": {"rate-conflict": {"min_ratio": 0.5}}}, cwd=tmp_path))


def test_select_extend_select_and_ignore(tmp_path):
    write(tmp_path / "claimcheck.toml", 'select = ["rate-conflict"]\nextend-select = ["value-conflict"]\n')
    ruleset, enabled = build_ruleset(resolve_settings(cwd=tmp_path))
    assert {r.id for r in ruleset.enabled()} == {"rate-conflict", "value-conflict"}
    assert "unused-suppression" not in enabled  # an explicit select leaves it out, like any rule
    _, enabled = build_ruleset(resolve_settings({"ignore": ["unused-suppression"]}, isolated=True, cwd=tmp_path))
    assert "suppression-without-reason" in enabled and "unused-suppression" not in enabled
    assert "rate-conflict" in enabled


def test_directories_are_relative_to_the_file(tmp_path, monkeypatch):
    write(tmp_path / "claimcheck.toml", 'rules-dirs = ["house-rules"]\n')
    (tmp_path / "house-rules").mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    settings = resolve_settings(cwd=tmp_path / "sub")
    assert settings.rules_dirs == [str(tmp_path.resolve() / "house-rules")]
    build_ruleset(settings)  # an empty directory of extra rules is fine
    write(tmp_path / "claimcheck.toml", 'rules-dirs = ["missing"]\n')
    with pytest.raises(ConfigError, match=r"claimcheck.toml:1: key 'rules-dirs'.*rule directory not found"):
        build_ruleset(resolve_settings(cwd=tmp_path))


def test_include_and_exclude_apply_to_walked_directories(tmp_path, monkeypatch):
    for name in ("articles/a.md", "articles/drafts/b.md", "articles/c.txt", "articles/notes.rst"):
        write(tmp_path / name, "text\n")
    write(tmp_path / "claimcheck.toml", 'exclude = ["drafts/"]\n')
    monkeypatch.chdir(tmp_path)
    settings = resolve_settings()
    assert expand_paths(["articles"], settings) == ["articles/a.md", "articles/c.txt"]
    assert expand_paths(["articles/drafts/b.md"], settings) == ["articles/drafts/b.md"]  # named: always read
    write(tmp_path / "claimcheck.toml", 'include = ["*.md"]\n')
    assert expand_paths(["articles"], resolve_settings()) == ["articles/a.md", "articles/drafts/b.md"]


def test_per_file_ignores_drop_a_finding_when_any_claim_matches(tmp_path):
    write(tmp_path / "claimcheck.toml", '[per-file-ignores]\n"wire/*.md" = ["value-conflict"]\n')
    settings = resolve_settings(cwd=tmp_path)
    paths = {"w": str(tmp_path / "wire" / "w.md"), "own": str(tmp_path / "desk" / "own.md")}
    assert per_file_ignored(settings, finding("value-conflict", "own", "w"), paths)
    assert not per_file_ignored(settings, finding("rate-conflict", "own", "w"), paths)
    assert not per_file_ignored(settings, finding("value-conflict", "own"), paths)


def test_describe_prints_values_and_their_sources(monkeypatch):
    monkeypatch.chdir(DATA)
    settings = resolve_settings({"fail-on": "warning"})
    ruleset, _ = build_ruleset(settings)
    text = describe(settings, ruleset)
    assert "# configuration file: claimcheck.toml" in text
    assert 'select = ["rate-conflict", "value-conflict"]  # claimcheck.toml' in text
    assert 'fail-on = "warning"  # command line' in text
    assert 'exclude = ["drafts/"]  # claimcheck.toml' in text
    assert "min_ratio = 2.0  # claimcheck.toml" in text or "min_ratio = 2  # claimcheck.toml" in text
    assert "[rules.cumulative-decrease]  # disabled" in text
    assert "tolerance = 0.0  # default" in text


def test_a_bad_per_file_ignore_names_its_glob_line(tmp_path):
    text = '[per-file-ignores]\n"a/*.md" = ["value-conflict"]\n"wire/*.md" = "value-conflict"\n'
    write(tmp_path / "claimcheck.toml", text)
    with pytest.raises(ConfigError, match=r"claimcheck.toml:3: key 'per-file-ignores.wire/\*.md': must be a list"):
        resolve_settings(cwd=tmp_path)
