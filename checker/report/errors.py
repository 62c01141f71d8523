"""Input and rule errors in one shape, whatever object reported them."""

from __future__ import annotations

from typing import Any


def error_fields(error: Any) -> dict:
    """``path``, ``line``, ``message``, ``severity`` of an InputError, RuleError, dict or text."""
    if isinstance(error, dict):
        get = error.get
    elif isinstance(error, str):
        return {"path": None, "line": None, "message": error, "severity": "error"}
    else:

        def get(name: str, default: Any = None) -> Any:
            return getattr(error, name, default)

    message = get("message") or str(error)
    return {
        "path": get("path"),
        "line": get("line"),
        "message": message,
        "severity": get("severity") or "error",
    }
