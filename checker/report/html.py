"""One self-contained HTML page for editors: every finding as a card.

The page needs no network and no build step: CSS and a few lines of vanilla
JavaScript are inline, so it can be mailed, attached to a ticket or opened from
a CI artifact. Without JavaScript every finding is shown; with it, editors
filter by rule, severity and document (``?rule=ID&severity=S&document=D``
preselects them, for links). Everything from the articles is
escaped with ``html.escape``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from html import escape
from typing import TYPE_CHECKING, Any

from checker import __version__
from checker.checks.wording import format_quantity, shared_written_unit
from checker.findings import SEVERITIES, is_missing, severity_counts
from checker.report.errors import error_fields
from checker.report.formats import location_text
from checker.report.text import summary_line

if TYPE_CHECKING:
    from checker.findings import Finding

SCOPE_WORDS = {"document": "within one article", "corpus": "across articles"}

STYLE = """
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --paper: #f6f7f9; --card: #fff;
  --error: #b42318; --error-bg: #fdecea; --warning: #8a5a00; --warning-bg: #fff4d6;
  --info: #175cd3; --info-bg: #e8f0fe; --mark: #ffe08a; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); background: var(--paper); }
.page { max-width: 78rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
.summary { color: var(--muted); margin: 0 0 .75rem; }
.counts { display: flex; gap: .5rem; flex-wrap: wrap; list-style: none; padding: 0; margin: 0 0 1rem; }
.badge { display: inline-block; border-radius: 999px; padding: .1rem .65rem; font-weight: 600;
  font-size: .85rem; border: 1px solid currentColor; }
.sev-error { color: var(--error); background: var(--error-bg); }
.sev-warning { color: var(--warning); background: var(--warning-bg); }
.sev-info { color: var(--info); background: var(--info-bg); }
.filters { display: flex; gap: 1rem; flex-wrap: wrap; align-items: end; position: sticky; top: 0; z-index: 1;
  background: var(--paper); padding: .75rem 0; border-bottom: 1px solid var(--line); margin-bottom: 1rem; }
.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); gap: .2rem; }
.filters select { font: inherit; font-size: .9rem; padding: .3rem .4rem; min-width: 12rem; max-width: 24rem; }
.shown { margin-left: auto; color: var(--muted); font-size: .9rem; }
.finding { background: var(--card); border: 1px solid var(--line); border-left: 5px solid var(--line);
  border-radius: 8px; padding: 1rem 1.25rem; margin: 0 0 1rem; }
.finding.sev-error { border-left-color: var(--error); background: var(--card); color: inherit; }
.finding.sev-warning { border-left-color: #d99a00; background: var(--card); color: inherit; }
.finding.sev-info { border-left-color: var(--info); background: var(--card); color: inherit; }
.finding > header { display: flex; gap: .6rem; align-items: center; flex-wrap: wrap; }
.rule { font: 600 .95rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.scope { color: var(--muted); font-size: .85rem; }
.anchor { margin-left: auto; color: var(--muted); font-size: .85rem; text-decoration: none; }
.message { font-size: 1.05rem; font-weight: 600; margin: .5rem 0 .75rem; }
.claims { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: .75rem; }
.claim { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: .75rem; background: #fbfcfd; }
.where { font: .8rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted);
  overflow-wrap: anywhere; }
.sentence { margin: .4rem 0 .6rem; padding: 0 0 0 .75rem; border-left: 3px solid var(--line); }
mark { background: var(--mark); padding: 0 .15rem; border-radius: 3px; font-weight: 600; }
.reading { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; margin: 0; font-size: .9rem; }
.reading dt { color: var(--muted); }
.reading dd { margin: 0; }
details.steps { margin-top: .75rem; font-size: .9rem; }
details.steps summary { cursor: pointer; color: var(--muted); }
details.steps ol { margin: .4rem 0 0; padding-left: 1.5rem; }
.problems, .notes { background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: .75rem 1.25rem; margin-bottom: 1rem; }
.problems h2, .notes h2 { font-size: 1rem; margin: 0 0 .4rem; }
.empty { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: .8rem; margin-top: 2rem; }
.badge.zero { opacity: .45; }
[hidden] { display: none !important; }
"""

SCRIPT = """
(function () {
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var rule = document.getElementById("filter-rule");
  var severity = document.getElementById("filter-severity");
  var docSelect = document.getElementById("filter-document");
  var shown = document.getElementById("shown");
  var none = document.getElementById("no-match");
  function apply() {
    var count = 0;
    cards.forEach(function (card) {
      var docs = JSON.parse(card.getAttribute("data-documents"));
      var ok = (!rule.value || card.getAttribute("data-rule") === rule.value) &&
        (!severity.value || card.getAttribute("data-severity") === severity.value) &&
        (!docSelect.value || docs.indexOf(docSelect.value) >= 0);
      card.hidden = !ok;
      if (ok) { count += 1; }
    });
    shown.textContent = count + " of " + cards.length + " findings shown";
    none.hidden = count > 0 || cards.length === 0;
  }
  var selects = {rule: rule, severity: severity, document: docSelect};
  // ?rule=...&severity=...&document=... preselects filters, so a filtered view can be linked.
  var query = new URLSearchParams(window.location.search);
  Object.keys(selects).forEach(function (name) {
    var wanted = query.get(name);
    var select = selects[name];
    if (wanted && Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
      select.value = wanted;
    }
    select.addEventListener("change", apply);
  });
  apply();
})();
"""


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def highlighted_sentence(claim: Mapping[str, Any]) -> str:
    """The claim's sentence, escaped, with the figure in ``<mark>``."""
    sentence = str(claim.get("sentence") or "")
    text = str(claim.get("text") or "")
    offset = claim.get("sentence_start") or 0
    start = (claim.get("start") or 0) - offset
    end = (claim.get("end") or 0) - offset
    if not (0 <= start <= end <= len(sentence)) or (text and sentence[start:end] != text):
        start = sentence.find(text) if text else -1
        end = start + len(text)
    if start < 0:
        return f"<mark>{_e(text)}</mark>" if text else _e(sentence)
    return f"{_e(sentence[:start])}<mark>{_e(sentence[start:end])}</mark>{_e(sentence[end:])}"


def _reading(claim: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(label, value) pairs of how the claim was normalized."""
    written = shared_written_unit([claim])
    rows = [("read as", format_quantity(claim.get("low"), claim.get("high"), claim.get("base_unit"), written))]
    if not (is_missing(claim.get("per_year_low")) and is_missing(claim.get("per_year_high"))):
        yearly = format_quantity(
            claim.get("per_year_low"), claim.get("per_year_high"), claim.get("base_unit"), written, rate=True
        )
        rows.append(("per year", yearly))
    window = [claim.get(name) for name in ("window_start", "window_end")]
    if claim.get("window_text") or any(window):
        dates = f"{window[0] or '?'} to {window[1] or '?'}"
        rows.append(("window", f"‘{claim['window_text']}’: {dates}" if claim.get("window_text") else dates))
    if claim.get("published"):
        rows.append(("published", str(claim["published"])))
    if claim.get("claim_id"):
        rows.append(("claim", str(claim["claim_id"])))
    return rows


def claim_panel(claim: Mapping[str, Any]) -> str:
    reading = "".join(f"<dt>{_e(label)}</dt><dd>{_e(value)}</dd>" for label, value in _reading(claim))
    return (
        '<figure class="claim">'
        f'<figcaption class="where">{_e(location_text(claim))}</figcaption>'
        f'<blockquote class="sentence">{highlighted_sentence(claim)}</blockquote>'
        f'<dl class="reading">{reading}</dl>'
        "</figure>"
    )


def _documents_of(finding: Finding) -> list[str]:
    return list(dict.fromkeys(str(c.get("document")) for c in finding.claims))


def finding_card(finding: Finding, number: int) -> str:
    documents = json.dumps(_documents_of(finding), ensure_ascii=False)
    steps = "".join(f"<li>{_e(step)}</li>" for step in finding.steps)
    steps_block = f'<details class="steps" open><summary>How we read it</summary><ol>{steps}</ol></details>' if steps else ""
    severity = _e(finding.severity)
    return (
        f'<article class="finding sev-{severity}" id="finding-{number}" data-rule="{_e(finding.rule)}" '
        f'data-severity="{severity}" data-documents="{_e(documents)}">'
        f'<header><span class="badge sev-{severity}">{severity}</span>'
        f'<span class="rule">{_e(finding.rule)}</span>'
        f'<span class="scope">{_e(SCOPE_WORDS.get(finding.scope, finding.scope))}</span>'
        f'<a class="anchor" href="#finding-{number}">#{number}</a></header>'
        f'<p class="message">{_e(finding.message)}</p>'
        f'<div class="claims">{"".join(claim_panel(c) for c in finding.claims)}</div>'
        f"{steps_block}</article>"
    )


def _select(name: str, label: str, everything: str, values: Iterable[str]) -> str:
    options = "".join(f'<option value="{_e(v)}">{_e(v)}</option>' for v in values)
    return (
        f'<label for="filter-{name}">{_e(label)}<select id="filter-{name}">'
        f'<option value="">{_e(everything)}</option>{options}</select></label>'
    )


def _filters(findings: list[Finding]) -> str:
    rules = sorted({f.rule for f in findings})
    severities = [s for s in reversed(SEVERITIES) if any(f.severity == s for f in findings)]
    documents = sorted({d for f in findings for d in _documents_of(f)})
    return (
        '<nav class="filters" aria-label="Filter findings">'
        + _select("rule", "Rule", "all rules", rules)
        + _select("severity", "Severity", "all severities", severities)
        + _select("document", "Document", "all documents", documents)
        + '<span class="shown" id="shown" aria-live="polite"></span></nav>'
    )


def _counts(findings: list[Finding]) -> str:
    counts = severity_counts(findings)
    items = "".join(
        f'<li class="badge sev-{_e(s)}{" zero" if not counts[s] else ""}">'
        f'{_e(_plural(counts[s], s) if s != "info" else f"{counts[s]} info")}</li>'
        for s in ("error", "warning", "info")
    )
    return f'<ul class="counts" aria-label="Findings by severity">{items}</ul>'


def _problems(errors: list[Any]) -> str:
    if not errors:
        return ""
    items = []
    for error in errors:
        fields = error_fields(error)
        where = fields["path"] or ""
        if where and fields["line"]:
            where = f"{where}:{fields['line']}"
        prefix = f"<code>{_e(where)}</code>: " if where else ""
        items.append(f"<li>{prefix}{_e(fields['severity'])}: {_e(fields['message'])}</li>")
    return f'<section class="problems"><h2>Input problems</h2><ul>{"".join(items)}</ul></section>'


def _notes(notes: list[str]) -> str:
    if not notes:
        return ""
    items = "".join(f"<li>{_e(note)}</li>" for note in notes)
    return f'<section class="notes"><h2>Notes on matching</h2><ul>{items}</ul></section>'


def render_html(result: Any, *, documents: int, claims: int, errors: Iterable[Any] = (), **_: Any) -> str:
    """The whole page."""
    findings = list(result.findings)
    cards = "".join(finding_card(f, n) for n, f in enumerate(findings, start=1))
    if not findings:
        cards = '<p class="empty">No findings: no two claims were found that cannot both be true.</p>'
    body = (
        '<div class="page"><header class="top"><h1>claimcheck report</h1>'
        f'<p class="summary">{_e(summary_line(findings, documents=documents, claims=claims))}</p>'
        f"{_counts(findings)}</header>"
        f"{_problems(list(errors))}"
        f"{_filters(findings) if findings else ''}"
        f'<main id="findings">{cards}'
        '<p class="empty" id="no-match" hidden>No finding matches these filters.</p></main>'
        f"{_notes(list(getattr(result, 'warnings', []) or []))}"
        f"<footer>claimcheck {_e(__version__)}: {_e(_plural(len(findings), 'finding'))}</footer></div>"
    )
    script = f"<script>{SCRIPT}</script>" if findings else ""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>claimcheck report</title>"
        f"<style>{STYLE}</style></head><body>{body}{script}</body></html>\n"
    )
