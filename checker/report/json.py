"""Machine-readable report; ``version`` changes whenever a field changes meaning."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from checker.report.errors import error_fields

REPORT_VERSION = 1


def report_data(result: Any, *, documents: int, claims: int, errors: Iterable[Any] = ()) -> dict:
    """The report as plain data (what ``render_json`` serializes)."""
    return {
        "version": REPORT_VERSION,
        "documents": documents,
        "claims": claims,
        "findings": [finding.as_dict() for finding in result.findings],
        "errors": [error_fields(e) for e in errors],
        "warnings": list(getattr(result, "warnings", []) or []),
    }


def render_json(result: Any, *, documents: int, claims: int, errors: Iterable[Any] = ()) -> str:
    return json.dumps(
        report_data(result, documents=documents, claims=claims, errors=errors),
        ensure_ascii=False,
        indent=2,
        allow_nan=False,
    ) + "\n"
