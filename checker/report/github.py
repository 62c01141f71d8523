"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

    ::warning file=seed.md,line=14,col=26,endColumn=52,title=rate-conflict::about eight million ...

An annotation sits at one place, so it marks the first claim and names the
other claims' locations in its message. Input errors become ``::error``
annotations on their file and line.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from checker.report.errors import error_fields
from checker.report.formats import claim_span, location_text
from checker.report.text import highlight, summary_line

if TYPE_CHECKING:
    from checker.findings import Finding

# Our severities as workflow-command names.
COMMANDS: dict[str, str] = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a message the way the Actions runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as a message, plus the ':' and ',' that separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: Any) -> str:
    """One workflow command line; properties that are None are left out."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def finding_command(finding: Finding) -> str:
    first, *others = finding.claims or [{}]
    span = claim_span(first)
    one_line = span.end_line == span.line  # GitHub only takes columns within one line
    lines = [finding.message]
    lines += [f"also {location_text(claim)}: {highlight(claim)}" for claim in others]
    lines += [f"= {step}" for step in finding.steps]
    return command(
        COMMANDS.get(finding.severity, "warning"),
        "\n".join(lines),
        file=span.path,
        line=span.line,
        endLine=None if one_line else span.end_line,
        col=span.column if one_line else None,
        endColumn=span.end_column if one_line else None,
        title=finding.rule,
    )


def error_command(error: Any) -> str:
    fields = error_fields(error)
    return command(
        "error" if fields["severity"] == "error" else "warning",
        fields["message"],
        file=fields["path"],
        line=fields["line"],
        title="claimcheck input",
    )


def render_github(result: Any, *, documents: int, claims: int, errors: Iterable[Any] = (), **_: Any) -> str:
    """Workflow commands for errors and findings, then the summary as a plain log line."""
    lines = [error_command(e) for e in errors]
    lines += [finding_command(f) for f in result.findings]
    lines += [command("notice", note, title="claimcheck") for note in getattr(result, "warnings", []) or []]
    lines.append(summary_line(result.findings, documents=documents, claims=claims))
    return "\n".join(lines) + "\n"
