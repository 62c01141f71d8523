"""Machine-readable report; ``version`` changes whenever a field changes meaning."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
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
    return "".join(iter_json(result, documents=documents, claims=claims, errors=errors))


def iter_json(result: Any, *, documents: int, claims: int, errors: Iterable[Any] = ()) -> Iterator[str]:
    """The JSON report in pieces, one finding at a time, the very text ``json.dumps(..., indent=2)``
    gives: a corpus's report runs to hundreds of megabytes, which should not sit in memory
    as one string (and again as its encoded bytes) on the way out."""
    data = report_data(result, documents=documents, claims=claims, errors=errors)
    last = len(data) - 1
    yield "{\n"
    for position, (key, value) in enumerate(data.items()):
        yield f"  {_dumps(key)}: "
        if key == "findings" and value:
            yield "[\n"
            for index, finding in enumerate(value):
                separator = ",\n" if index < len(value) - 1 else "\n"
                yield "    " + _dumps(finding).replace("\n", "\n    ") + separator
            yield "  ]"
        else:
            yield _dumps(value).replace("\n", "\n  ")
        yield ",\n" if position < last else "\n"
    yield "}\n"


def _dumps(value: Any) -> str:
    """One value as the report writes it (JSON strings never hold a raw newline, so
    re-indenting by replacing newlines is safe)."""
    return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
