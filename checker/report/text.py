"""Compiler-style text report: location, rule and message first, then evidence.

    seed.md:14:55: warning rate-conflict about eight million shells ... : about 2.2× apart
        > seed.md:14:55: ... has supplied about [eight million shells] since August ...
        > seed.md:16:20: ... supplies [three million shells] annually.
        = 'since August of last year' read as 2023-08-01..2023-08-31 to 2024-10-26

Editors read the first line to decide, the quoted sentences to find the text,
and the ``=`` lines to check our arithmetic.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from checker.findings import Finding, severity_counts
from checker.report.errors import error_fields
from checker.report.formats import location_text

# Characters of context kept on each side of a highlighted figure.
CONTEXT_CHARS = 60


def highlight(claim: dict, context: int = CONTEXT_CHARS) -> str:
    """The claim's sentence with the figure in [brackets], trimmed around it."""
    sentence = " ".join(str(claim.get("sentence") or "").split("\n"))
    text = str(claim.get("text") or "")
    start = (claim.get("start") or 0) - (claim.get("sentence_start") or 0)
    end = (claim.get("end") or 0) - (claim.get("sentence_start") or 0)
    if not (0 <= start <= end <= len(sentence)) or (text and sentence[start:end] != text):
        start = sentence.find(text) if text else -1
        end = start + len(text)
    if start < 0:
        return text or sentence
    before, figure, after = sentence[:start], sentence[start:end], sentence[end:]
    if len(before) > context:
        tail = before[-context:]
        before = "... " + (tail.split(" ", 1)[1] if " " in tail else tail)
    if len(after) > context:
        cut = after[:context].rsplit(" ", 1)[0]
        after = f"{cut} ..."
    return f"{before}[{figure}]{after}".strip()


def render_finding(finding: Finding) -> list[str]:
    head = finding.claims[0] if finding.claims else {}
    lines = [f"{location_text(head)}: {finding.severity} {finding.rule} {finding.message}"]
    lines.extend(f"    > {location_text(c)}: {highlight(c)}" for c in finding.claims)
    lines.extend(f"    = {step}" for step in finding.steps)
    return lines


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def summary_line(findings: list[Finding], *, documents: int, claims: int) -> str:
    counts = severity_counts(findings)
    by_severity = ", ".join(f"{counts[s]} {s}" for s in ("error", "warning", "info"))
    return (
        f"{_plural(documents, 'document')}, {_plural(claims, 'claim')}, "
        f"{_plural(len(findings), 'finding')} ({by_severity})"
    )


def _error_line(error: Any) -> str:
    fields = error_fields(error)
    where = fields["path"] or ""
    if where and fields["line"]:
        where = f"{where}:{fields['line']}"
    prefix = f"{where}: " if where else ""
    return f"{prefix}{fields['severity']}: {fields['message']}"


def render_text(result: Any, *, documents: int, claims: int, errors: Iterable[Any] = ()) -> str:
    """The whole report: input errors, findings, matching notes, summary line."""
    lines = [_error_line(e) for e in errors]
    for finding in result.findings:
        if lines:
            lines.append("")
        lines.extend(render_finding(finding))
    notes = list(getattr(result, "warnings", []) or [])
    if notes:
        lines.append("")
        lines.extend(f"note: {note}" for note in notes)
    if lines:
        lines.append("")
    lines.append(summary_line(result.findings, documents=documents, claims=claims))
    return "\n".join(lines) + "\n"
