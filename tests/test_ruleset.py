"""Rule files: shipped rules load, bad files are reported with file and line."""

from __future__ import annotations

import textwrap

import pytest

from checker.checks import CHECK_KINDS
from checker.ruleset import RuleError, RuleSet, load_rule_file

SHIPPED = {"value-conflict", "rate-conflict", "part-exceeds-whole", "parts-exceed-whole", "cumulative-decrease"}

GOOD_RULE = """\
id: troop-gap
kind: value
severity: info
scope: corpus
summary: Troop numbers differ between articles.
message: "{left} vs {right}: {apart}"
params:
  min_ratio: 2
"""


def write(directory, name, text):
    path = directory / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_shipped_rules_load_with_documentation():
    ruleset = RuleSet.load()
    assert SHIPPED <= set(ruleset.rules)
    for rule in ruleset.rules.values():
        assert rule.summary and rule.description.strip()
        assert rule.params.keys() == CHECK_KINDS[rule.kind].PARAMS.keys()
    assert ruleset["rate-conflict"].params["min_ratio"] == 1.2


@pytest.mark.parametrize("kind", sorted(CHECK_KINDS))
def test_every_kind_documents_what_why_and_example(kind):
    doc = CHECK_KINDS[kind].__doc__
    assert "What it does" in doc and "Why it matters" in doc and "Example" in doc


def test_explain_includes_kind_documentation():
    text = RuleSet.load()["rate-conflict"].explain()
    assert text.startswith("rate-conflict (rate, warning, scope both)")
    assert "Why it matters" in text and "min_ratio=1.2" in text


def test_user_directory_adds_rules_and_replaces_same_id(tmp_path):
    write(tmp_path, "troop-gap.yaml", GOOD_RULE)
    write(tmp_path, "value.yaml", GOOD_RULE.replace("troop-gap", "value-conflict").replace("info", "error"))
    ruleset = RuleSet.load(extra_dirs=[tmp_path])
    assert ruleset["troop-gap"].params == {"min_ratio": 2.0, "tolerance": 0.0, "max_days_apart": 30, "max_days_apart_extent": 3650}
    assert ruleset["value-conflict"].severity == "error"


def test_overrides_select_and_ignore():
    ruleset = RuleSet.load(overrides={"rate-conflict": {"min_ratio": 3}}, ignore=["value-conflict"])
    assert ruleset["rate-conflict"].params["min_ratio"] == 3.0
    assert "value-conflict" not in {r.id for r in ruleset.enabled()}
    only = RuleSet.load(select=["rate-conflict"])
    assert [r.id for r in only.enabled()] == ["rate-conflict"]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"select": ["rate-conflcit"]}, "unknown rule id 'rate-conflcit' in select"),
        ({"ignore": ["nope"]}, "unknown rule id 'nope' in ignore"),
        ({"overrides": {"nope": {"min_ratio": 2}}}, "unknown rule id 'nope' in overrides"),
        ({"overrides": {"rate-conflict": {"max_ratio": 2}}}, "unknown parameter 'max_ratio' for kind 'rate'"),
        ({"overrides": {"rate-conflict": {"min_ratio": "big"}}}, "parameter 'min_ratio' must be a number"),
        ({"overrides": {"rate-conflict": {"min_ratio": 0.5}}}, "must be at least 1"),
    ],
)
def test_bad_options_name_the_rule_or_parameter(options, expected):
    with pytest.raises(RuleError, match=expected):
        RuleSet.load(**options)


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        (GOOD_RULE.replace("kind: value", "kind: values"), 2, "unknown kind 'values'"),
        (GOOD_RULE.replace("severity: info", "severity: fatal"), 3, "unknown severity 'fatal'"),
        (GOOD_RULE.replace("scope: corpus", "scope: article"), 4, "unknown scope 'article'"),
        (GOOD_RULE.replace("{right}", "{rigth}"), 6, r"unknown placeholder '\{rigth\}'"),
        (GOOD_RULE.replace("min_ratio: 2", "min_ratio: two"), 8, "must be a number"),
        (GOOD_RULE.replace("min_ratio: 2", "min_raito: 2"), 8, "unknown parameter 'min_raito'"),
        (GOOD_RULE.replace("id: troop-gap", "id: Troop_Gap"), 1, "must be kebab-case"),
        (GOOD_RULE + "severty: error\n", 9, "unknown field 'severty'"),
        (GOOD_RULE.replace("summary: Troop numbers differ between articles.\n", ""), 1, "missing required field 'summary'"),
        (GOOD_RULE.replace('message: "{left}', 'message: "{left'), 6, "malformed"),
        (GOOD_RULE.replace("{apart}", "{apart:.1f}"), 6, "cannot be filled"),
        (GOOD_RULE.replace("params:\n", "params: [\n"), 9, "invalid YAML.*flow sequence started on line 7"),
        ("- just\n- a list\n", 1, "must be a mapping"),
    ],
)
def test_rule_file_errors_name_file_and_line(tmp_path, text, line, expected):
    path = write(tmp_path, "troop-gap.yaml", text)
    with pytest.raises(RuleError, match=expected) as caught:
        load_rule_file(path)
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert caught.value.line == line


def test_duplicate_ids_in_one_directory_are_rejected(tmp_path):
    write(tmp_path, "a.yaml", GOOD_RULE)
    second = write(tmp_path, "b.yaml", GOOD_RULE)
    with pytest.raises(RuleError, match="also defined in") as caught:
        RuleSet.load(extra_dirs=[tmp_path])
    assert str(caught.value).startswith(f"{second}:1: ")


def test_missing_directory_is_reported(tmp_path):
    with pytest.raises(RuleError, match="rule directory not found"):
        RuleSet.load(extra_dirs=[tmp_path / "nowhere"])
