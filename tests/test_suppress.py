"""Inline suppressions, suppression fields and files, and the findings about suppressions."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.findings import Finding
from checker.model import Document
from checker.suppress import (
    UNUSED,
    WITHOUT_REASON,
    SuppressionError,
    apply_suppressions,
    field_suppressions,
    file_suppressions,
    inline_suppressions,
)

DATA = Path(__file__).parent / "data" / "suppress"
ENABLED = {"rate-conflict", "value-conflict", WITHOUT_REASON, UNUSED}
KNOWN = ENABLED

ARTICLE = """Intro paragraph.

<!-- claimcheck: disable rate-conflict -- confirmed with the ministry -->
Since August of last year, about eight million shells.
<!-- claimcheck: enable -->

Three million shells annually.

<!-- claimcheck: disable-next-line value-conflict -->

Ten thousand soldiers.
"""


def doc(text: str = ARTICLE, id: str = "seed.md") -> Document:
    return Document(id=id, text=text, path=id, format="md")


def at(text: str, figure: str, document: str = "seed.md") -> dict:
    start = text.index(figure)
    return {"document": document, "start": start, "end": start + len(figure), "line": 1, "column": 1,
            "text": figure, "claim_id": f"{document}#{start}"}


def finding(rule: str, *claims: dict) -> Finding:
    return Finding(rule=rule, severity="warning", message="m", ratio=2.0, claims=list(claims))


def test_directives_become_ranges_with_reasons_and_lines():
    found, problems = inline_suppressions(doc(), KNOWN)
    assert problems == []
    disable, next_line = found
    assert disable.rules == {"rate-conflict"} and disable.reason == "confirmed with the ministry"
    assert disable.line == 3
    assert ARTICLE[disable.start:disable.end].strip().startswith("Since August")
    assert "Three million" not in ARTICLE[disable.start:disable.end]
    assert next_line.rules == {"value-conflict"} and next_line.reason is None
    assert ARTICLE[next_line.start:next_line.end] == "Ten thousand soldiers."  # blank line skipped


def test_a_finding_is_suppressed_when_any_claim_is_covered():
    suppressions, _ = inline_suppressions(doc(), KNOWN)
    rate = finding("rate-conflict", at(ARTICLE, "Three million shells"), at(ARTICLE, "about eight million shells"))
    applied = apply_suppressions([rate], suppressions, ENABLED)
    assert applied.kept == [] and applied.suppressed == [rate]


def test_a_suppression_only_covers_its_rules_and_its_range():
    suppressions, _ = inline_suppressions(doc(), KNOWN)
    other_rule = finding("value-conflict", at(ARTICLE, "about eight million shells"), at(ARTICLE, "Three million"))
    outside = finding("rate-conflict", at(ARTICLE, "Three million shells"), at(ARTICLE, "Ten thousand"))
    elsewhere = finding("rate-conflict", at(ARTICLE, "about eight million shells", document="other.md"))
    applied = apply_suppressions([other_rule, outside, elsewhere], suppressions, ENABLED)
    assert applied.kept == [other_rule, outside, elsewhere]


def test_missing_reason_and_unused_suppressions_are_reported():
    suppressions, _ = inline_suppressions(doc(), KNOWN)
    rate = finding("rate-conflict", at(ARTICLE, "about eight million shells"))
    about = apply_suppressions([rate], suppressions, ENABLED).about_suppressions
    assert [(f.rule, f.severity, f.claims[0]["line"]) for f in about] == [
        (WITHOUT_REASON, "info", 9),
        (UNUSED, "info", 9),
    ]
    assert "value-conflict" in about[1].message


def test_a_suppression_with_a_reason_that_was_used_is_silent():
    suppressions, _ = inline_suppressions(doc(), KNOWN)
    findings = [
        finding("rate-conflict", at(ARTICLE, "about eight million shells")),
        finding("value-conflict", at(ARTICLE, "Ten thousand soldiers")),
    ]
    applied = apply_suppressions(findings, suppressions, ENABLED)
    assert applied.kept == []
    assert [f.rule for f in applied.about_suppressions] == [WITHOUT_REASON]


def test_suppressions_of_rules_that_did_not_run_are_not_unused():
    suppressions, _ = inline_suppressions(doc(), KNOWN)
    about = apply_suppressions([], suppressions, {"rate-conflict", UNUSED}).about_suppressions
    assert [(f.rule, f.claims[0]["line"]) for f in about] == [(UNUSED, 3)]


def test_bare_disable_covers_every_rule_until_enable():
    text = "<!-- claimcheck: disable -- wire copy, checked upstream -->\nA 5 figure.\n<!-- claimcheck: enable -->\nB 6."
    suppressions, _ = inline_suppressions(doc(text), KNOWN)
    assert suppressions[0].rules is None
    applied = apply_suppressions(
        [finding("value-conflict", at(text, "A 5")), finding("rate-conflict", at(text, "B 6"))], suppressions, ENABLED
    )
    assert [f.claims[0]["text"] for f in applied.kept] == ["B 6"]


def test_directives_in_code_blocks_are_examples_and_bad_ones_are_warned_about():
    text = "```\n<!-- claimcheck: disable rate-conflict -->\n```\n<!-- claimcheck: disabel rate-conflict -->\n" \
           "<!-- claimcheck: disable rate-conflcit -- typo -->\n"
    code_end = text.index("```\n<") + text[4:].index("```") + 7
    document = Document(id="x.md", text=text, path="x.md", format="md", excluded=((0, code_end),))
    suppressions, problems = inline_suppressions(document, KNOWN)
    assert len(suppressions) == 1 and suppressions[0].line == 5
    assert [(p.line, p.severity) for p in problems] == [(4, "warning"), (5, "warning")]
    assert "disabel" in problems[0].message and "rate-conflcit" in problems[1].message


def test_row_field_covers_the_whole_document():
    [rate, every] = field_suppressions("rate-conflict: figure from the contract; all:", "row-7", 8)
    assert rate.rules == {"rate-conflict"} and rate.reason == "figure from the contract"
    assert every.rules is None and every.reason is None
    applied = apply_suppressions([finding("rate-conflict", at("x 1", "1", document="row-7"))], [rate], ENABLED)
    assert applied.kept == [] and applied.about_suppressions == []


def test_suppressions_file(tmp_path):
    [entry] = file_suppressions(DATA / "suppressions.yaml")
    assert entry.document == "tests/data/baseline/shells.md"
    assert entry.rules == {"rate-conflict"} and entry.reason.startswith("the Times figure")
    toml = tmp_path / "s.toml"
    toml.write_text('[["wire-12"]]\nrule = "value-conflict"\nreason = "revised"\n', encoding="utf-8")
    assert [(s.document, s.rules) for s in file_suppressions(toml)] == [("wire-12", {"value-conflict"})]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("s.yaml", "doc.md: 3\n", "expected a list"),
        ("s.yaml", "doc.md:\n  - rule: rate-conflict\n    why: x\n", "'rule' and 'reason' only"),
        ("s.yaml", "doc.md: [\n", "cannot parse"),
        ("s.json", "{}", "must end in .yaml"),
    ],
)
def test_bad_suppressions_files_name_the_file(tmp_path, name, text, expected):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SuppressionError, match=name) as error:
        file_suppressions(path)
    assert expected in str(error.value)


def test_html_comments_suppress_the_next_paragraph(tmp_path, capsys):
    from checker.cli import main

    page = tmp_path / "shells.html"
    page.write_text(
        """<html><head><meta property="article:published_time" content="2024-10-26"></head><body><article>
<p>Since August of last year, North Korea has supplied Russia with about eight million shells.</p>
<!-- claimcheck: disable-next-line rate-conflict -- figure confirmed with the ministry -->
<p>North Korea supplies Russia with three million shells annually, The Times reported.</p>
</article></body></html>""",
        encoding="utf-8",
    )
    assert main(["check", str(page), "--isolated", "--quiet", "--format", "json"]) == 0
    report = capsys.readouterr().out
    assert '"rate-conflict"' not in report and '"unused-suppression"' not in report
    # Without the comment, the same page is flagged.
    page.write_text(page.read_text(encoding="utf-8").replace("claimcheck: disable", "note: disable"), encoding="utf-8")
    assert main(["check", str(page), "--isolated", "--quiet", "--format", "json"]) == 1
    assert '"rate-conflict"' in capsys.readouterr().out
