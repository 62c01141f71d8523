"""SARIF 2.1.0 report, for code-scanning dashboards and review tools.

Each finding is a result located at its first claim; the other claims are
related locations, so a reviewer can jump between the figures that disagree.
The fingerprint hashes the rule and the claims' figures and readings, not their
lines, so a finding keeps its identity when text above it is edited.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from checker import __version__
from checker.report.errors import error_fields
from checker.report.formats import claim_span, location_text, report_rules

if TYPE_CHECKING:
    from checker.findings import Finding
    from checker.ruleset import Rule, RuleSet

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "claimcheck/v1"

# Our severities as SARIF levels.
LEVELS: dict[str, str] = {"error": "error", "warning": "warning", "info": "note"}

# Claim fields that identify a figure and its reading (never its position).
_FINGERPRINT_FIELDS = ("document", "text", "low", "high", "base_unit", "per_year_low", "per_year_high")


def level(severity: str) -> str:
    return LEVELS.get(severity, "warning")


def artifact_uri(path: str) -> str:
    """A URI reference for a path as the user gave it: relative stays relative."""
    posix = path.replace("\\", "/")
    if PurePosixPath(posix).is_absolute():
        return "file://" + quote(posix)
    return quote(posix)


def _stable_number(value: Any) -> Any:
    """Floats to 9 significant digits, so arithmetic noise does not change a fingerprint."""
    if isinstance(value, float):
        return float(f"{value:.9g}")
    return value


def fingerprint(finding: Finding) -> str:
    """A hash of the rule and the claims' figures and readings (order-independent)."""
    claims = sorted(
        json.dumps([_stable_number(claim.get(name)) for name in _FINGERPRINT_FIELDS], ensure_ascii=False)
        for claim in finding.claims
    )
    payload = json.dumps([finding.rule, claims], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def physical_location(claim: Mapping[str, Any]) -> dict:
    span = claim_span(claim)
    region: dict[str, Any] = {"startLine": span.line}
    if span.article is None:  # a JSONL/CSV row: only its line is a place in the file
        region.update(startColumn=span.column, endLine=span.end_line, endColumn=span.end_column,
                      charLength=span.length)
    region["snippet"] = {"text": str(claim.get("text") or "")}
    if span.offset is not None:
        region["charOffset"] = span.offset
    return {"artifactLocation": {"uri": artifact_uri(span.path)}, "region": region}


def _claim_message(claim: Mapping[str, Any]) -> str:
    """The figure as written and its claim id; how it was read is in the result's steps."""
    claim_id = claim.get("claim_id")
    return f"'{claim.get('text')}' ({claim_id})" if claim_id else f"'{claim.get('text')}'"


def sarif_rule(rule_id: str, rule: Rule | None) -> dict:
    """A ``reportingDescriptor`` from a rule's summary, description and severity."""
    if rule is None:
        return {"id": rule_id, "shortDescription": {"text": rule_id}}
    description = rule.description.strip() or rule.summary
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": description},
        "help": {"text": description},
        "defaultConfiguration": {"level": level(rule.severity), "enabled": rule.enabled},
        "properties": {"kind": rule.kind, "scope": rule.scope, "parameters": dict(rule.params)},
    }


def sarif_result(finding: Finding, rule_index: int) -> dict:
    first, *others = finding.claims or [{}]
    related = [
        {"id": number, "physicalLocation": physical_location(claim), "message": {"text": _claim_message(claim)}}
        for number, claim in enumerate(others, start=1)
    ]
    links = ", ".join(f"[{location_text(claim)}]({number})" for number, claim in enumerate(others, start=1))
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": level(finding.severity),
        "message": {"text": f"{finding.message} (see {links})" if links else finding.message},
        "locations": [{"physicalLocation": physical_location(first), "message": {"text": _claim_message(first)}}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding)},
        "properties": {
            "severity": finding.severity,
            "scope": finding.scope,
            "ratio": finding.ratio,
            "steps": list(finding.steps),
            "claimIds": [claim.get("claim_id") for claim in finding.claims],
        },
    }
    if related:
        result["relatedLocations"] = related
    return result


def _notification(error: Any) -> dict:
    fields = error_fields(error)
    note: dict[str, Any] = {"level": level(fields["severity"]), "message": {"text": fields["message"]}}
    if fields["path"]:
        location: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(str(fields["path"]))}}
        if fields["line"]:
            location["region"] = {"startLine": int(fields["line"])}
        note["locations"] = [{"physicalLocation": location}]
    return note


def sarif_log(
    result: Any, *, documents: int, claims: int, errors: Iterable[Any] = (), ruleset: RuleSet | None = None, **_: Any
) -> dict:
    """The SARIF log as plain data (what ``render_sarif`` serializes)."""
    findings = list(result.findings)
    rules = report_rules(findings, ruleset)
    index = {rule_id: number for number, (rule_id, _rule) in enumerate(rules)}
    notifications = [_notification(e) for e in errors]
    notifications += [{"level": "note", "message": {"text": w}} for w in getattr(result, "warnings", []) or []]
    invocation: dict[str, Any] = {
        "executionSuccessful": not any(n["level"] == "error" for n in notifications),
        "properties": {"documents": documents, "claims": claims},
    }
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run = {
        "tool": {
            "driver": {
                "name": "claimcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [sarif_rule(rule_id, rule) for rule_id, rule in rules],
            }
        },
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": [sarif_result(f, index[f.rule]) for f in findings],
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render_sarif(
    result: Any, *, documents: int, claims: int, errors: Iterable[Any] = (), ruleset: RuleSet | None = None, **_: Any
) -> str:
    """The SARIF log as indented JSON."""
    log = sarif_log(result, documents=documents, claims=claims, errors=errors, ruleset=ruleset)
    # Compact: tools read it, and the C encoder only runs without indent (about 3x faster).
    return json.dumps(log, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"
