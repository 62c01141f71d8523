"""JUnit XML, so CI dashboards show findings as failing tests.

One test suite per rule and one test case per document in each: a document
passes a rule when the rule found nothing in it. A finding belongs to the
document of its first claim (where the other formats place it too). Input
errors are ``<error>`` test cases of an extra ``input`` suite.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from checker.report.errors import error_fields
from checker.report.formats import location_text, report_rules
from checker.report.text import render_finding

if TYPE_CHECKING:
    from checker.findings import Finding
    from checker.ruleset import RuleSet

SUITE_PREFIX = "claimcheck"
# Test case name when the documents checked are not known and nothing was found.
WHOLE_CORPUS = "(all documents)"


def _document(finding: Finding) -> str:
    return str(finding.claims[0].get("document")) if finding.claims else WHOLE_CORPUS


def _documents(findings: Sequence[Finding], document_ids: Iterable[str] | None) -> list[str]:
    """Documents to list: those checked when known, plus any a finding names, in order."""
    names = dict.fromkeys(document_ids or ())
    names.update(dict.fromkeys(_document(f) for f in findings))
    return list(names) or [WHOLE_CORPUS]


def _suite(parent: ET.Element, name: str) -> ET.Element:
    return ET.SubElement(parent, "testsuite", name=name)


def _count(suite: ET.Element) -> None:
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(len(case.findall("failure")) for case in cases)))
    suite.set("errors", str(sum(len(case.findall("error")) for case in cases)))
    suite.set("skipped", "0")


def _failure(case: ET.Element, finding: Finding) -> None:
    head = location_text(finding.claims[0]) if finding.claims else ""
    failure = ET.SubElement(case, "failure", message=f"{head}: {finding.message}", type=finding.severity)
    failure.text = "\n".join(render_finding(finding))


def junit_tree(
    result: Any,
    *,
    documents: int,
    claims: int,
    errors: Iterable[Any] = (),
    ruleset: RuleSet | None = None,
    document_ids: Iterable[str] | None = None,
) -> ET.Element:
    """The ``<testsuites>`` element."""
    findings = list(result.findings)
    by_rule_document: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        by_rule_document[finding.rule, _document(finding)].append(finding)
    names = _documents(findings, document_ids)

    root = ET.Element("testsuites", name=SUITE_PREFIX)
    errors = list(errors)
    if errors:
        suite = _suite(root, f"{SUITE_PREFIX}.input")
        for error in errors:
            fields = error_fields(error)
            where = fields["path"] or "input"
            if fields["line"]:
                where = f"{where}:{fields['line']}"
            case = ET.SubElement(suite, "testcase", classname=f"{SUITE_PREFIX}.input", name=where)
            text = f"{where}: {fields['severity']}: {fields['message']}"
            if fields["severity"] == "error":  # the document was not checked
                ET.SubElement(case, "error", message=fields["message"], type="input").text = text
            else:  # read with a caveat: passes, with the caveat in its output
                ET.SubElement(case, "system-out").text = text
        _count(suite)
    for rule_id, rule in report_rules(findings, ruleset):
        suite = _suite(root, f"{SUITE_PREFIX}.{rule_id}")
        if rule is not None:
            ET.SubElement(ET.SubElement(suite, "properties"), "property", name="summary", value=rule.summary)
        for name in names:
            case = ET.SubElement(suite, "testcase", classname=f"{SUITE_PREFIX}.{rule_id}", name=name)
            for finding in by_rule_document.get((rule_id, name), []):
                _failure(case, finding)
        _count(suite)
    for attribute in ("tests", "failures", "errors"):
        root.set(attribute, str(sum(int(s.get(attribute, "0")) for s in root.findall("testsuite"))))
    return root


def render_junit(
    result: Any,
    *,
    documents: int,
    claims: int,
    errors: Iterable[Any] = (),
    ruleset: RuleSet | None = None,
    document_ids: Iterable[str] | None = None,
    **_: Any,
) -> str:
    """The JUnit XML document, indented."""
    root = junit_tree(
        result, documents=documents, claims=claims, errors=errors, ruleset=ruleset, document_ids=document_ids
    )
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
