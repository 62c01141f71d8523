"""Reports of a check run: compiler-style text for people, JSON for tools."""

from __future__ import annotations

from checker.report.json import render_json
from checker.report.text import render_text

__all__ = ["render_json", "render_text"]
