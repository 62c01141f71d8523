"""The rule engine: match claims once, then run every enabled rule's check kind.

Matching is the expensive part and does not depend on the rules, so it runs
once per corpus; each rule then only sees the links inside its scope (one
document, across documents, or both).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from checker.checks import CHECK_KINDS
from checker.findings import Finding, exit_code, sort_findings
from checker.match import DEFAULT_MAX_GROUP, find_candidates
from checker.ruleset import RuleSet

__all__ = ["CheckResult", "check_claims", "exit_code"]


@dataclass(slots=True)
class CheckResult:
    """Findings in report order, and warnings about what was not compared."""

    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _default_canonical_item() -> Callable[[str], str]:
    from checker.lexicon import default_lexicon

    return default_lexicon().item


def check_claims(
    claims: pd.DataFrame,
    ruleset: RuleSet,
    *,
    canonical_item: Callable[[str], str] | None = None,
    max_group: int = DEFAULT_MAX_GROUP,
) -> CheckResult:
    """Run the enabled rules of ``ruleset`` over the claim table.

    ``canonical_item`` maps an item lemma to its canonical synonym; by default
    the shipped lexicon ("troop" -> "soldier").
    """
    if claims.empty:
        return CheckResult()
    candidates = find_candidates(
        claims, canonical_item=canonical_item or _default_canonical_item(), max_group=max_group
    )
    findings: list[Finding] = []
    for rule in ruleset.enabled():
        findings.extend(CHECK_KINDS[rule.kind].check(candidates.scoped(rule.scope), rule))
    return CheckResult(findings=sort_findings(findings), warnings=list(candidates.warnings))
