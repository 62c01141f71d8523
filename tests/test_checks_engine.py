"""The engine: rule scopes, stable order, exit codes."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from checker.engine import check_claims, exit_code
from checker.model import CLAIM_COLUMNS
from checker.ruleset import RuleSet
from tests.test_checks_common import claim, table


def soldiers(text, n, document, **fields):
    return claim(text, n - 50, n + 50, item="soldier", document=document, **fields)


CORPUS = (
    soldiers("3,000 soldiers", 3000, "b.md", line=2, column=5, start=20),
    soldiers("12,000 soldiers", 12000, "b.md", line=7, column=1, start=300),
    soldiers("10,000 soldiers", 10000, "a.md", line=3, column=9, start=40),
)


def rules(scope: str) -> RuleSet:
    ruleset = RuleSet.load(select=["value-conflict"])
    rule = ruleset["value-conflict"]
    ruleset.rules[rule.id] = replace(rule, scope=scope)
    return ruleset


@pytest.mark.parametrize(("scope", "pairs"), [
    ("document", [("b.md", "b.md")]),
    ("corpus", [("a.md", "b.md"), ("a.md", "b.md")]),
    ("both", [("a.md", "b.md"), ("a.md", "b.md"), ("b.md", "b.md")]),
])
def test_scope_decides_which_pairs_are_compared(scope, pairs):
    findings = check_claims(table(*CORPUS), rules(scope), canonical_item=str).findings
    assert [(f.claims[0]["document"], f.claims[1]["document"]) for f in findings] == pairs


def test_findings_are_ordered_by_location_whatever_the_input_order():
    forward = check_claims(table(*CORPUS), RuleSet.load(), canonical_item=str).findings
    backward = check_claims(table(*reversed(CORPUS)), RuleSet.load(), canonical_item=str).findings
    assert [f.as_dict() for f in forward] == [f.as_dict() for f in backward]
    assert [(f.claims[0]["document"], f.claims[0]["line"]) for f in forward] == [("a.md", 3), ("a.md", 3), ("b.md", 2)]


def test_lexicon_synonyms_are_used_by_default():
    rows = table(claim("10,000 troops", 9950, 10050, item="troop", start=10),
                 claim("1,500 soldiers", 1450, 1550, item="soldier", start=90))
    assert len(check_claims(rows, RuleSet.load()).findings) == 1
    assert check_claims(rows, RuleSet.load(), canonical_item=str).findings == []


def test_empty_table_gives_no_findings():
    result = check_claims(pd.DataFrame(columns=list(CLAIM_COLUMNS)), RuleSet.load())
    assert result.findings == [] and result.warnings == []


def test_exit_code_follows_fail_on():
    findings = check_claims(table(*CORPUS), RuleSet.load(), canonical_item=str).findings
    assert {f.severity for f in findings} == {"warning"}
    assert exit_code(findings, "error") == 0
    assert exit_code(findings, "warning") == 1
    assert exit_code(findings, "info") == 1
    assert exit_code(findings, "never") == 0
    assert exit_code([], "info") == 0
    with pytest.raises(ValueError, match="fail_on must be one of"):
        exit_code(findings, "fatal")
