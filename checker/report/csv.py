"""Findings as CSV: one row per claim of each finding, for spreadsheets and triage.

A finding with two claims is two rows sharing ``finding``; sorting or
filtering by document then still shows every figure involved. Open interval
sides and unknown values are empty cells.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from checker.report.formats import claim_path

COLUMNS: tuple[str, ...] = (
    "finding",
    "rule",
    "severity",
    "message",
    "ratio",
    "claim",
    "claim_id",
    "document",
    "path",
    "line",
    "column",
    "start",
    "end",
    "text",
    "low",
    "high",
    "unit",
    "base_unit",
    "per_year_low",
    "per_year_high",
)


def finding_rows(findings: Iterable[Any]) -> list[dict[str, Any]]:
    """The CSV rows as dicts; ``finding`` and ``claim`` count from 1."""
    rows = []
    for number, finding in enumerate(findings, start=1):
        for index, claim in enumerate(finding.claims, start=1):
            row = {name: claim.get(name) for name in COLUMNS}
            row.update(
                finding=number,
                rule=finding.rule,
                severity=finding.severity,
                message=finding.message,
                ratio=finding.ratio,
                claim=index,
                path=claim_path(claim),
            )
            rows.append(row)
    return rows


def render_csv(result: Any, *, documents: int, claims: int, errors: Iterable[Any] = (), **_: Any) -> str:
    """A header line and one line per (finding, claim); input errors go to standard error, not here."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(finding_rows(result.findings))
    return out.getvalue()
