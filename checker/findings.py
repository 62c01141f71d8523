"""Findings: what the rule engine reports, in a stable order.

A finding carries everything a report needs (locations, figures, the reading
that led to the numbers) so that the text and JSON reports never go back to the
claim table.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

SEVERITIES: tuple[str, ...] = ("info", "warning", "error")
FAIL_ON_CHOICES: tuple[str, ...] = (*SEVERITIES, "never")

# Claim columns copied into a finding, in report order.
FINDING_CLAIM_FIELDS: tuple[str, ...] = (
    "document",
    "line",
    "column",
    "start",
    "end",
    "text",
    "low",
    "high",
    "unit",
    "base_unit",
    "subject",
    "item",
    "period",
    "per_year_low",
    "per_year_high",
    "window_start",
    "window_end",
    "window_text",
    "sentence",
    "sentence_start",
    "claim_id",
    "published",
)


# Values that are never missing, tested by exact type: the checks ask about
# every field of every claim they report, nearly always plain Python values.
_NEVER_MISSING = frozenset({str, int, bool, list, tuple})


def is_missing(value: object) -> bool:
    """True for None, NaN, NaT and pandas' NA: an open or unknown value."""
    if value is None:
        return True
    kind = type(value)
    if kind in _NEVER_MISSING:
        return False
    if kind is float or isinstance(value, float):  # the common cases first: pd.isna is slow on scalars
        return math.isnan(value)
    if isinstance(value, str | int | list | tuple | dict | set):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def claim_view(claim: Mapping) -> dict:
    """The report fields of one claim row, with NaN/NA turned into None."""
    view = {}
    for name in FINDING_CLAIM_FIELDS:
        value = claim.get(name)
        if value is None or type(value) in _NEVER_MISSING:
            view[name] = value
            continue
        if is_missing(value):
            value = None
        elif isinstance(value, date):  # dates and timestamps -> ISO text, as in the contract
            value = value.isoformat()[:10]
        elif hasattr(value, "item"):  # numpy scalar -> plain Python for JSON
            value = value.item()
        view[name] = value
    return view


@dataclass(slots=True)
class Finding:
    """Two or more claims that cannot all be true, as one rule sees it."""

    rule: str
    severity: str
    message: str
    ratio: float | None
    claims: list[dict]
    steps: list[str] = field(default_factory=list)
    scope: str = "document"  # "document" when all claims share one document, else "corpus"

    def sort_key(self) -> tuple:
        first = self.claims[0] if self.claims else {}
        return (
            str(first.get("document") or ""),
            first.get("line") or 0,
            first.get("column") or 0,
            self.rule,
            tuple(str(c.get("claim_id") or "") for c in self.claims),
        )

    def as_dict(self) -> dict:
        """The finding as plain data, in field order.

        Claim views hold only scalars, so copying each one shallowly gives the
        same result as ``dataclasses.asdict`` without its deep copy, which
        dominated large JSON reports.
        """
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "ratio": self.ratio,
            "claims": [dict(claim) for claim in self.claims],
            "steps": list(self.steps),
            "scope": self.scope,
        }


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings by document, line, column, then rule: the same input gives the same report."""
    return sorted(findings, key=Finding.sort_key)


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(reversed(SEVERITIES), 0)
    for finding in findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return counts


def exit_code(findings: Iterable[Finding], fail_on: str = "error") -> int:
    """1 when a finding is at least as severe as ``fail_on``, else 0 ("never" always 0)."""
    if fail_on not in FAIL_ON_CHOICES:
        raise ValueError(f"fail_on must be one of {', '.join(FAIL_ON_CHOICES)}, not {fail_on!r}")
    if fail_on == "never":
        return 0
    threshold = SEVERITIES.index(fail_on)
    return int(any(SEVERITIES.index(f.severity) >= threshold for f in findings))
