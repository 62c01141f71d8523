"""Score the checker's findings on the fixture corpus against the conflict labels.

A finding *matches* a labelled conflict when it has the labelled rule and each
labelled claim overlaps one of the finding's claims (same document, overlapping
span). Shared by the corpus test and ``benchmarks/conflicts.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from checker.engine import check_claims
from checker.findings import Finding
from checker.ingest import read_documents
from checker.pipeline import extract_corpus
from checker.ruleset import RuleSet
from tests.labels import CORPUS, Span, conflict_labels, label_span


@cache
def corpus_findings() -> tuple[Finding, ...]:
    result = extract_corpus(read_documents([str(CORPUS)]))
    assert not [e for e in result.errors if e.severity == "error"], result.errors
    return tuple(check_claims(result.table, RuleSet.load()).findings)


def covers(finding: Finding, span: Span) -> bool:
    return any(
        c["document"] == span.document.id and c["start"] < span.end and span.start < c["end"] for c in finding.claims
    )


def matches(finding: Finding, label: dict) -> bool:
    spans = [label_span(ref) for ref in label["claims"]]
    return finding.rule == label["rule"] and all(covers(finding, s) for s in spans)


def describe(finding: Finding) -> str:
    first = finding.claims[0]
    return f"{first['document'].rsplit('/', 1)[-1]}:{first['line']}: {finding.rule} {finding.message}"


@dataclass
class Score:
    found: list[dict] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    expected_findings: list[Finding] = field(default_factory=list)
    unexpected: list[Finding] = field(default_factory=list)
    look_alikes_flagged: list[dict] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return len(self.found) / max(1, len(self.found) + len(self.missed))

    @property
    def precision(self) -> float:
        total = len(self.expected_findings) + len(self.unexpected)
        return len(self.expected_findings) / total if total else 1.0


def score() -> Score:
    conflicts, look_alikes = conflict_labels()
    findings = corpus_findings()
    result = Score()
    for label in conflicts:
        (result.found if any(matches(f, label) for f in findings) else result.missed).append(label)
    for finding in findings:
        expected = any(matches(finding, label) for label in conflicts)
        (result.expected_findings if expected else result.unexpected).append(finding)
    for label in look_alikes:
        spans = [label_span(ref) for ref in label["claims"]]
        if any(all(covers(f, s) for s in spans) for f in findings):
            result.look_alikes_flagged.append(label)
    return result
