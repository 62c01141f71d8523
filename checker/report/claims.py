"""Render the claim table for ``claimcheck extract`` (table, json, jsonl, csv)."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from checker.findings import is_missing
from checker.model import CLAIM_COLUMNS

# Columns the issue-facing formats carry; the rest stays available in the API.
OUTPUT_COLUMNS = CLAIM_COLUMNS[: CLAIM_COLUMNS.index("attribution") + 1] + (
    "claim_id",
    "relation",
    "cumulative",
    "is_change",
    "part_of",
    "boilerplate",
    "assumptions",
)


def _clean(value: Any) -> Any:
    """JSON-safe scalars: NaN and NA become null, numpy scalars plain Python."""
    if not isinstance(value, list) and is_missing(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (list, str)):
        return value.item()
    return value


def claim_records(table: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: _clean(v) for k, v in row.items()} for row in table[list(OUTPUT_COLUMNS)].to_dict("records")]


def render_claims(table: pd.DataFrame, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(claim_records(table), indent=2, ensure_ascii=False) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in claim_records(table))
    if fmt == "csv":
        frame = table[list(OUTPUT_COLUMNS)].copy()
        frame["assumptions"] = ["; ".join(a) if isinstance(a, list | tuple) else a for a in frame["assumptions"]]
        return frame.to_csv(index=False)
    return render_table(table)


def _num(x: Any) -> str:
    x = _clean(x)
    if x is None:
        return "…"
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.4g}" if isinstance(x, float) else str(x)


def render_table(table: pd.DataFrame) -> str:
    """One line per claim, for reading in a terminal."""
    lines = []
    for row in claim_records(table):
        where = f"{row['document']}:{row['line']}:{row['column']}"
        interval = f"[{_num(row['low'])}, {_num(row['high'])}] {row['base_unit']}"
        parts = [where, repr(row["text"]), interval]
        if row["qualifier"]:
            parts.append(f"q={row['qualifier']}")
        for key in ("item", "subject", "relation", "period"):
            if row[key]:
                parts.append(f"{key}={row[key]}")
        if row["window_start"] or row["window_end"]:
            parts.append(f"window={row['window_start'] or '?'}..{row['window_end'] or '?'}")
        if row["per_year_low"] is not None or row["per_year_high"] is not None:
            parts.append(f"per_year=[{_num(row['per_year_low'])}, {_num(row['per_year_high'])}]")
        if row["modality"] != "actual":
            parts.append(f"modality={row['modality']}")
        if row["boilerplate"]:
            parts.append("boilerplate")
        lines.append("  ".join(parts))
    return "\n".join(lines) + ("\n" if lines else "")
