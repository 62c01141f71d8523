"""Report formats for CI and editors: SARIF, GitHub annotations, JUnit, CSV, HTML."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from checker.engine import CheckResult, check_claims
from checker.findings import Finding, claim_view
from checker.model import InputError
from checker.report import formats
from checker.report.csv import COLUMNS
from checker.report.github import command, escape_data, escape_property
from checker.report.sarif import fingerprint, sarif_log
from checker.ruleset import RuleSet
from tests.test_checks_common import claim, table
from tests.test_checks_rate import eight_million_since_august, three_million_annually

SCHEMA = Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json"
HOSTILE = 'Officials said <script>alert("x")</script> & 1,200 troops, 50% "more", on Friday.'


def seed_result(document: str = "seed.md") -> CheckResult:
    """The seed case through the real engine: one rate-conflict in one document."""
    claims = table(eight_million_since_august(document=document), three_million_annually(document=document))
    return check_claims(claims, RuleSet.load(), canonical_item=str)


def finding(rule: str = "value-conflict", severity: str = "warning", *claims: dict, **fields) -> Finding:
    views = [claim_view(c) for c in claims] or [
        claim_view(claim("1,200 troops", 1150, 1250, sentence=HOSTILE, sentence_start=40, line=3, column=7)),
        claim_view(claim("3,000 troops", 2950, 3050, document="other, draft: v2.md", line=9, column=12)),
    ]
    values = dict(message="1,200 troops vs 3,000 troops: 2.5× apart, 100% off\nsecond line", ratio=2.5,
                  steps=["'1,200 troops' read as 1,150–1,250", "no overlap"], scope="corpus")
    values.update(fields)
    return Finding(rule=rule, severity=severity, claims=views, **values)


def mixed_result() -> CheckResult:
    """Three severities, two documents, hostile text, a claim-less corner case avoided."""
    return CheckResult(
        findings=[*seed_result().findings, finding(), finding("part-exceeds-whole", "info", scope="document")],
        warnings=["claims of 'soldier' were not all compared: group too large"],
    )


ERRORS = [InputError("feed.csv", "row has no text", line=4), InputError("notes.md", "no publication date", severity="warning")]


def render(name: str, result: CheckResult, **context) -> str:
    context.setdefault("errors", ERRORS)
    return formats.render(name, result, documents=3, claims=12, **context)


# --- registry -------------------------------------------------------------------------------------


def test_registry_lists_every_format():
    assert formats.names() == ("text", "json", "sarif", "github", "junit", "csv", "html")
    with pytest.raises(KeyError, match="known: text, json"):
        formats.get("yaml")


@pytest.mark.parametrize("name", formats.names())
def test_every_format_renders_findings_and_empty_runs(name):
    full = render(name, mixed_result(), ruleset=RuleSet.load(), document_ids=["seed.md", "clean.md"])
    empty = render(name, CheckResult(), errors=[])
    assert full.endswith("\n") and empty.endswith("\n")
    assert "1,200 troops" in full
    assert "1,200 troops" not in empty


def test_plain_formats_ignore_context_keywords():
    text = render("text", seed_result(), ruleset=RuleSet.load(), document_ids=["seed.md"])
    assert "seed.md:14:26: warning rate-conflict" in text


# --- SARIF ----------------------------------------------------------------------------------------


def sarif(result: CheckResult, **context) -> dict:
    return json.loads(render("sarif", result, **context))


def test_sarif_validates_against_the_official_schema():
    validator = jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    for log in (sarif(mixed_result()), sarif(CheckResult(), errors=[])):
        errors = sorted(validator.iter_errors(log), key=str)
        assert not errors, errors[0].message


def test_sarif_schema_catches_a_broken_log():
    validator = jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    log = sarif(seed_result())
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert not validator.is_valid(log)


def test_sarif_describes_the_rules_that_ran():
    ruleset = RuleSet.load(select=["rate-conflict", "value-conflict"])
    driver = sarif(seed_result(), ruleset=ruleset)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "claimcheck" and driver["version"]
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(rules) == {"rate-conflict", "value-conflict"}
    rate = rules["rate-conflict"]
    assert rate["shortDescription"]["text"] == ruleset["rate-conflict"].summary
    assert "eight million shells" in rate["fullDescription"]["text"]
    assert rate["help"]["text"] == ruleset["rate-conflict"].description.strip()
    assert rate["defaultConfiguration"]["level"] == "warning"


def test_sarif_result_points_at_the_figures():
    run = sarif(seed_result())["runs"][0]
    (result,) = run["results"]
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"] == "rate-conflict"
    assert result["level"] == "warning"
    assert result["message"]["text"].startswith("about eight million shells since August")
    region = result["locations"][0]["physicalLocation"]["region"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "seed.md"
    width = len("about eight million shells")
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (14, 26, 14, 26 + width)
    assert (region["charOffset"], region["charLength"]) == (len("North Korea has supplied "), width)
    (related,) = result["relatedLocations"]
    assert related["id"] == 1 and related["physicalLocation"]["region"]["startLine"] == 16
    assert "three million shells" in related["message"]["text"]
    assert "seed.md:16:35](1)" in result["message"]["text"]
    assert result["properties"]["ratio"] == pytest.approx(2.2, abs=0.1)
    assert any("since August" in step for step in result["properties"]["steps"])


def test_sarif_levels_and_input_notifications():
    run = sarif(mixed_result())["runs"][0]
    assert {r["ruleId"]: r["level"] for r in run["results"]}["part-exceeds-whole"] == "note"
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["level"] == "error" and notes[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 4
    assert run["invocations"][0]["executionSuccessful"] is False
    uri = run["results"][-1]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "other%2C%20draft%3A%20v2.md"  # a URI reference, not a raw path


def test_sarif_region_of_a_figure_broken_over_lines():
    text = "8,000 and\n10,000 megawatts"
    row = claim(text, 7.6e9, 1.05e10, line=9, column=70, sentence=f"between {text} on hot days")
    result = sarif_log(CheckResult(findings=[finding("value-conflict", "warning", row, row)]), documents=1, claims=2)
    region = result["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["endLine"], region["endColumn"]) == (9, 10, len("10,000 megawatts") + 1)


def test_fingerprint_ignores_lines_but_not_figures():
    base = seed_result().findings[0]
    moved = seed_result().findings[0]
    for view in moved.claims:
        view["line"] += 5
        view["start"] += 120
        view["sentence_start"] += 120
    changed = seed_result().findings[0]
    changed.claims[1]["high"] = 3.5e6
    assert fingerprint(base) == fingerprint(moved)
    assert fingerprint(base) != fingerprint(changed)
    assert fingerprint(base) != fingerprint(Finding(**{**base.as_dict(), "rule": "value-conflict"}))


# --- GitHub workflow commands ----------------------------------------------------------------------


def test_workflow_command_escaping():
    assert escape_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert command("notice", "hi", file="x.md", line=None) == "::notice file=x.md::hi"


def test_github_annotations_one_per_finding_at_the_first_claim():
    lines = render("github", mixed_result()).splitlines()
    errors, findings = lines[:2], [line for line in lines if "title=" in line and "claimcheck" not in line]
    assert errors[0] == "::error file=feed.csv,line=4,title=claimcheck input::row has no text"
    assert errors[1].startswith("::warning file=notes.md,title=claimcheck input::")
    assert len(findings) == 3
    seed = findings[0]
    width = len("about eight million shells")
    assert seed.startswith(f"::warning file=seed.md,line=14,col=26,endColumn={26 + width},title=rate-conflict::")
    assert "%0Aalso seed.md:16:35: " in seed and "[three million shells]" in seed
    hostile = findings[1]
    assert hostile.startswith("::warning file=seed.md,line=3,col=7,")
    assert "100%25 off%0Asecond line" in hostile
    assert "also other, draft: v2.md:9:12" in hostile  # in the message only ':' and ',' stay
    assert findings[2].startswith("::notice ")
    assert lines[-1].startswith("3 documents, 12 claims, 3 findings")


# --- JUnit -----------------------------------------------------------------------------------------


def junit(result: CheckResult, **context) -> ET.Element:
    return ET.fromstring(render("junit", result, **context).split("\n", 1)[1])


def test_junit_one_case_per_document_and_rule():
    root = junit(mixed_result(), ruleset=RuleSet.load(), document_ids=["seed.md", "clean.md"])
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert "claimcheck.rate-conflict" in suites and "claimcheck.input" in suites
    rate = suites["claimcheck.rate-conflict"]
    cases = {c.get("name"): c for c in rate.findall("testcase")}
    assert set(cases) == {"seed.md", "clean.md"}
    (failure,) = cases["seed.md"].findall("failure")
    assert failure.get("type") == "warning" and failure.get("message").startswith("seed.md:14:26: about eight")
    assert "[three million shells]" in failure.text
    assert not cases["clean.md"].findall("failure")
    assert rate.get("tests") == "2" and rate.get("failures") == "1"
    assert root.get("failures") == "3"  # one per finding, never per claim
    (error_case,) = [c for c in suites["claimcheck.input"] if c.get("name") == "feed.csv:4"]
    assert error_case.find("error").get("message") == "row has no text"


def test_junit_without_document_list_still_has_a_passing_case():
    root = junit(CheckResult(), errors=[], ruleset=RuleSet.load(select=["rate-conflict"]))
    (suite,) = root.findall("testsuite")
    assert [c.get("name") for c in suite.findall("testcase")] == ["(all documents)"]
    assert root.get("tests") == "1" and root.get("failures") == "0"


# --- CSV -------------------------------------------------------------------------------------------


def test_csv_one_row_per_finding_claim():
    result = mixed_result()
    rows = list(csv.DictReader(io.StringIO(render("csv", result))))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == sum(len(f.claims) for f in result.findings)
    first, second = rows[:2]
    assert (first["finding"], first["claim"], second["finding"], second["claim"]) == ("1", "1", "1", "2")
    assert first["rule"] == "rate-conflict" and first["text"] == "about eight million shells"
    assert (first["line"], first["column"], first["low"], first["per_year_low"]) == ("14", "26", "7500000.0", "5820000.0")
    assert second["unit"] == "" and second["base_unit"] == "count"
    hostile = rows[2]
    assert hostile["message"].endswith("100% off\nsecond line")  # commas and newlines survive quoting
    assert rows[3]["document"] == "other, draft: v2.md"


# --- HTML ------------------------------------------------------------------------------------------


class PageParser(HTMLParser):
    """Collects what an editor sees: finding cards, marks, scripts, filter options."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[dict] = []
        self.marks: list[str] = []
        self.scripts = 0
        self.options: dict[str, list[str]] = {}
        self._select: str | None = None
        self._in_mark = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article" and "finding" in (attrs.get("class") or "").split():
            self.cards.append(attrs)
        elif tag == "mark":
            self._in_mark = True
            self.marks.append("")
        elif tag == "script":
            self.scripts += 1
        elif tag == "select":
            self._select = attrs["id"]
            self.options[self._select] = []
        elif tag == "option" and self._select:
            self.options[self._select].append(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark = False
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._in_mark:
            self.marks[-1] += data


def parse_page(text: str) -> PageParser:
    parser = PageParser()
    parser.feed(text)
    parser.close()
    return parser


def test_html_one_card_per_finding_with_the_figures_marked():
    result = mixed_result()
    page = render("html", result)
    parsed = parse_page(page)
    assert len(parsed.cards) == len(result.findings) == 3
    assert [c["data-rule"] for c in parsed.cards] == [f.rule for f in result.findings]
    assert [c["data-severity"] for c in parsed.cards] == ["warning", "warning", "info"]
    assert json.loads(parsed.cards[1]["data-documents"]) == ["seed.md", "other, draft: v2.md"]
    assert parsed.marks[:3] == ["about eight million shells", "three million shells", "1,200 troops"]
    assert parsed.options["filter-rule"] == ["", "part-exceeds-whole", "rate-conflict", "value-conflict"]
    assert parsed.options["filter-severity"] == ["", "warning", "info"]
    assert "How we read it" in page and "5.8–7.6 million" in page  # per-year reading of the total
    assert "row has no text" in page and "group too large" in page


def test_html_escapes_article_text():
    page = render("html", mixed_result())
    assert parse_page(page).scripts == 1  # only the page's own filter script
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; " in page
    assert "<script>alert" not in page


def test_html_page_is_self_contained():
    page = render("html", mixed_result())
    assert "http://" not in page and "https://" not in page and " src=" not in page


def test_html_without_findings_says_so():
    page = render("html", CheckResult(), errors=[])
    assert not parse_page(page).cards and "No findings" in page


BROWSER = next((b for b in ("chromium", "chromium-browser") if shutil.which(b)), None)


@pytest.mark.skipif(BROWSER is None, reason="needs a chromium binary")
def test_html_filters_run_in_a_browser(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render("html", mixed_result()), encoding="utf-8")
    dom = subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--dump-dom", page.as_uri() + "?severity=info"],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout
    assert "1 of 3 findings shown" in dom
    tags = [card.split(">", 1)[0] for card in dom.split("<article")[1:]]
    assert sum("hidden" in tag for tag in tags) == 2
