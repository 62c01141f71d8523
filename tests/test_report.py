"""Text and JSON reports of a check run."""

from __future__ import annotations

import dataclasses
import json

from checker.engine import CheckResult, check_claims
from checker.model import InputError
from checker.report import render_json, render_text
from checker.report.text import highlight
from checker.ruleset import RuleError, RuleSet
from tests.test_checks_common import claim, table
from tests.test_checks_rate import SINCE_AUGUST, eight_million_since_august, three_million_annually

LONG = (
    "North Korea has supplied Russia with about eight million shells, 100 missiles and other weapons "
    "since August of last year, according to an assessment shared with reporters on Friday by officials."
)


def seed_result() -> CheckResult:
    return check_claims(table(eight_million_since_august(document="seed.md"), three_million_annually(document="seed.md")),
                        RuleSet.load(), canonical_item=str)


def test_text_report_is_compiler_style_with_evidence():
    text = render_text(seed_result(), documents=1, claims=9, errors=[InputError("feed.csv", "row has no text", line=4)])
    lines = text.splitlines()
    assert lines[0] == "feed.csv:4: error: row has no text"
    assert lines[2].startswith("seed.md:14:26: warning rate-conflict about eight million shells since August")
    assert lines[3] == (
        "    > seed.md:14:26: North Korea has supplied [about eight million shells] since August of last year, "
        "officials said."
    )
    assert lines[4] == "    > seed.md:16:35: Analysts say North Korea supplies [three million shells] annually."
    assert f"    = about eight million shells: {SINCE_AUGUST}" in lines
    assert lines[-1] == "1 document, 9 claims, 1 finding (0 error, 1 warning, 0 info)"


def test_highlight_trims_long_sentences_around_the_figure():
    start = LONG.index("about eight million shells")
    row = claim("about eight million shells", 7.5e6, 8.5e6, sentence=LONG, sentence_start=1000, start=1000 + start)
    shown = highlight(row, context=30)
    assert shown.startswith("... has supplied Russia with [about eight million shells], 100 missiles")
    assert shown.endswith(" ...")


def test_highlight_falls_back_to_searching_the_figure():
    row = claim("100 missiles", 95, 105, sentence=LONG, sentence_start=0, start=5000)
    assert "[100 missiles]" in highlight(row)


def test_empty_run_still_has_a_summary():
    assert render_text(CheckResult(), documents=0, claims=0) == "0 documents, 0 claims, 0 findings (0 error, 0 warning, 0 info)\n"


def test_json_report_shape():
    error = RuleError("unknown kind 'values'", "rules/mine.yaml", 2)
    data = json.loads(render_json(seed_result(), documents=1, claims=9, errors=[error]))
    assert data["version"] == 1 and data["documents"] == 1 and data["claims"] == 9
    assert data["errors"] == [
        {"path": "rules/mine.yaml", "line": 2, "message": "unknown kind 'values'", "severity": "error"}
    ]
    [finding] = data["findings"]
    assert {"rule", "severity", "message", "ratio", "scope", "claims", "steps"} <= finding.keys()
    assert finding["rule"] == "rate-conflict" and round(finding["ratio"], 1) == 2.2
    first = finding["claims"][0]
    assert first["text"] == "about eight million shells"
    assert (first["line"], first["column"], first["low"], first["high"]) == (14, 26, 7.5e6, 8.5e6)
    assert first["unit"] is None and first["base_unit"] == "count"
    assert first["per_year_low"] == 5.82e6 and first["window_start"] == "2023-08-01"
    second = finding["claims"][1]
    assert second["window_start"] is None  # NaN in the claim table becomes null, never NaN
    assert finding["steps"][0] == f"about eight million shells: {SINCE_AUGUST}"


def test_json_accepts_dates_and_nullable_columns():
    from datetime import date

    rows = table(
        eight_million_since_august(published=date(2024, 10, 26)),
        three_million_annually(published=date(2024, 10, 26)),
    ).convert_dtypes()
    result = check_claims(rows, RuleSet.load(), canonical_item=str)
    data = json.loads(render_json(result, documents=1, claims=2))
    assert [c["published"] for c in data["findings"][0]["claims"]] == ["2024-10-26", "2024-10-26"]


def test_finding_as_dict_is_plain_data_detached_from_the_finding():
    [finding] = seed_result().findings
    data = finding.as_dict()
    assert data == dataclasses.asdict(finding)
    assert list(data) == [f.name for f in dataclasses.fields(finding)]
    data["claims"][0]["text"] = "edited"
    data["steps"].append("edited")
    assert finding.claims[0]["text"] == "about eight million shells"
    assert "edited" not in finding.steps


def test_streamed_json_is_the_same_text_as_one_dump(tmp_path):
    """The CLI writes the JSON report finding by finding; it must read exactly as one json.dumps."""
    import io

    from checker.api import check
    from checker.report import formats
    from checker.report.json import report_data

    result = CheckResult(findings=check(["fixtures/corpus"]), warnings=["a group was cut"])
    counts = dict(documents=30, claims=420, errors=[InputError("feed.csv", "row has no text", line=4)])
    written = io.StringIO()
    formats.write("json", written, result, **counts)
    whole = json.dumps(report_data(result, **counts), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    assert len(result.findings) > 10
    assert written.getvalue() == whole
    empty = io.StringIO()
    formats.write("json", empty, CheckResult(), documents=0, claims=0)
    assert empty.getvalue() == json.dumps(report_data(CheckResult(), documents=0, claims=0), indent=2) + "\n"
