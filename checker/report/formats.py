"""Report formats of ``claimcheck check``, by name.

Every renderer has the signature of ``render_text``:
``render(result, *, documents, claims, errors=(), **context) -> str``.
``context`` carries what only some formats need and the plain formats ignore:

* ``ruleset``: the rules that ran, for rule metadata (SARIF ``rules[]``, JUnit
  suites); the shipped rules when omitted.
* ``document_ids``: every document checked, so clean documents still show up
  as passing JUnit test cases.

Renderers are imported on first use so that ``claimcheck check`` only pays for
the one it prints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol, TextIO

if TYPE_CHECKING:
    from checker.ruleset import Rule, RuleSet


class Renderer(Protocol):
    def __call__(self, result: Any, *, documents: int, claims: int, errors: Iterable[Any] = (), **context: Any) -> str:
        ...


# name -> (module, function, one-line description for --help)
_FORMATS: dict[str, tuple[str, str, str]] = {
    "text": ("checker.report.text", "render_text", "compiler-style lines with quoted evidence (default)"),
    "json": ("checker.report.json", "render_json", "the report as JSON, for tools"),
    "sarif": ("checker.report.sarif", "render_sarif", "SARIF 2.1.0, for code-scanning dashboards"),
    "github": ("checker.report.github", "render_github", "GitHub Actions workflow commands (annotations)"),
    "junit": ("checker.report.junit", "render_junit", "JUnit XML, one test case per document"),
    "csv": ("checker.report.csv", "render_csv", "one row per claim of each finding"),
    "html": ("checker.report.html", "render_html", "one self-contained page for editors"),
}

# Formats whose renderers take no ``context`` keywords.
_PLAIN = frozenset({"text", "json"})


def names() -> tuple[str, ...]:
    """Format names, in the order ``--help`` lists them."""
    return tuple(_FORMATS)


def describe() -> str:
    """``name: description`` lines for ``--help``."""
    return "; ".join(f"{name}: {spec[2]}" for name, spec in _FORMATS.items())


def get(name: str) -> Renderer:
    """The renderer of format ``name``; ``KeyError`` names the known formats."""
    if name not in _FORMATS:
        raise KeyError(f"unknown report format {name!r} (known: {', '.join(_FORMATS)})")
    module, function, _ = _FORMATS[name]
    render: Callable[..., str] = getattr(import_module(module), function)
    if name in _PLAIN:
        return _ignoring_context(render)
    return render


def render(name: str, result: Any, *, documents: int, claims: int, errors: Iterable[Any] = (), **context: Any) -> str:
    """Render ``result`` in format ``name``."""
    return get(name)(result, documents=documents, claims=claims, errors=errors, **context)


def write(name: str, out: TextIO, result: Any, *, documents: int, claims: int, errors: Iterable[Any] = (),
          **context: Any) -> None:
    """Write ``result`` in format ``name`` to ``out``; JSON goes out finding by finding, so a
    corpus-sized report is never held whole."""
    if name == "json":
        from checker.report.json import iter_json

        for chunk in iter_json(result, documents=documents, claims=claims, errors=errors):
            out.write(chunk)
        return
    out.write(render(name, result, documents=documents, claims=claims, errors=errors, **context))


def _ignoring_context(render_plain: Callable[..., str]) -> Renderer:
    def render_with_context(
        result: Any, *, documents: int, claims: int, errors: Iterable[Any] = (), **_context: Any
    ) -> str:
        return render_plain(result, documents=documents, claims=claims, errors=errors)

    render_with_context.__doc__ = render_plain.__doc__
    return render_with_context


# Shared by the machine-readable formats: where a claim is, and which rules ran.


@dataclass(frozen=True, slots=True)
class ClaimSpan:
    """Where a claim's figure is: 1-based lines, 1-based columns, end column exclusive.

    Columns count Unicode code points, as the claim table does. ``offset`` and
    ``length`` are characters into the document text. For an article that is
    one row of a JSONL or CSV file, ``article`` is its id and the span is the
    row's line in that file: its text is a quoted field there, so the figure's
    own line and column (in the claim) are positions in the article, not in the file.
    """

    path: str
    line: int
    column: int | None
    end_line: int
    end_column: int | None
    offset: int | None
    length: int
    article: str | None = None


def claim_path(claim: Mapping[str, Any]) -> str:
    """The file a claim was read from: its ``path`` when the claim carries one, else the document id."""
    return str(claim.get("path") or claim.get("document") or "-")


def locate_rows(findings: Iterable[Any], paths: Mapping[str, str | None], rows: Mapping[str, int]) -> None:
    """Give the claims of JSONL/CSV articles their file (``path``) and the line of their row
    (``row_line``), so that reports and CI annotations point at a file that exists."""
    for finding in findings:
        for claim in finding.claims:
            document = claim.get("document")
            if document in rows and paths.get(document):
                claim["path"], claim["row_line"] = paths[document], rows[document]


def claim_span(claim: Mapping[str, Any]) -> ClaimSpan:
    """The claim's figure as a region; a figure broken over lines ends on a later line."""
    text = str(claim.get("text") or "")
    line = int(claim.get("line") or 1)
    column = int(claim.get("column") or 1)
    start, end = claim.get("start"), claim.get("end")
    length = int(end) - int(start) if start is not None and end is not None and end >= start else len(text)
    offset = int(start) if start is not None else None
    row_line = claim.get("row_line")
    if row_line is not None:
        return ClaimSpan(claim_path(claim), int(row_line), None, int(row_line), None, None, length,
                         article=str(claim.get("document")))
    breaks = text.count("\n")
    if breaks:
        end_line, end_column = line + breaks, len(text) - text.rindex("\n")
    else:
        end_line, end_column = line, column + length
    return ClaimSpan(claim_path(claim), line, column, end_line, end_column, offset, length)


def location_text(claim: Mapping[str, Any]) -> str:
    """``path:line:column``, as compilers and the text report write it; for an article in a
    row of a JSONL/CSV file ``path:id:line:column``, its line and column in the article
    (as ruff writes ``notebook.ipynb:cell 3:2:8``)."""
    span = claim_span(claim)
    if span.article is not None:
        return f"{span.path}:{span.article}:{int(claim.get('line') or 1)}:{int(claim.get('column') or 1)}"
    return f"{span.path}:{span.line}:{span.column}"


def rules_of(ruleset: RuleSet | None) -> dict[str, Rule]:
    """Rules by id: those of ``ruleset``, else the shipped rules (none if they cannot be read)."""
    if ruleset is None:
        from checker.ruleset import RuleError, RuleSet

        try:
            ruleset = RuleSet.load()
        except RuleError:
            return {}
    return dict(ruleset.rules)


def report_rules(findings: Iterable[Any], ruleset: RuleSet | None) -> list[tuple[str, Rule | None]]:
    """The rules a report lists: every enabled rule plus any rule a finding names, by id."""
    known = rules_of(ruleset)
    ids = {rule_id for rule_id, rule in known.items() if rule.enabled} | {f.rule for f in findings}
    return [(rule_id, known.get(rule_id)) for rule_id in sorted(ids)]
