"""Inline suppressions: an editor vouches for a figure, with a reason.

In Markdown and text articles (HTML comments are dropped by the HTML reader,
so ``.html`` articles use a suppressions file instead)::

    <!-- claimcheck: disable rate-conflict -- figure confirmed with the ministry -->
    ...
    <!-- claimcheck: enable -->
    <!-- claimcheck: disable-next-line value-conflict -- the 2023 figure was revised -->

``disable`` without rule ids covers every rule. A bare ``enable`` closes every
open ``disable``; ``enable ID`` closes that rule's. ``disable-next-line``
covers the next non-blank line (a Markdown paragraph is one line).

A finding is suppressed when ANY of its claims lies in a range suppressed for
its rule. Linters suppress at the reported line, but a finding here has
several claims, often in different articles, and which one is "reported" first
depends only on sort order. The comment sits next to the figure it vouches
for, and the other side is often wire copy the editor cannot edit; requiring
a comment at every claim would make cross-article findings impossible to
silence. The price (a vouched-for figure also hides later conflicts with it)
is what baselines and ``unused-suppression`` reports keep visible.

Row corpora (JSONL/CSV) use a ``suppress`` field ("rate-conflict: reason;
value-conflict: reason", ``all`` for every rule) covering the whole row, and
``--suppressions FILE`` (YAML or TOML: document id -> list of
``{rule, reason}``) covers any document.

Suppressions are themselves checked, like ruff's RUF100: one without a reason
is reported as ``suppression-without-reason`` and one that silenced nothing as
``unused-suppression`` (both ``info``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from checker import yamltext
from checker.findings import FINDING_CLAIM_FIELDS, Finding
from checker.model import Document, InputError, LineIndex

WITHOUT_REASON = "suppression-without-reason"
UNUSED = "unused-suppression"
# Rules about suppressions themselves: selectable and ignorable like any rule.
SUPPRESSION_RULES: dict[str, str] = {
    WITHOUT_REASON: "A suppression gives no reason; say why the figure stands (after ' -- ').",
    UNUSED: "A suppression silenced no finding; remove it or fix its rule id.",
}
ALL_RULES = frozenset({"all", "*"})
ACTIONS = ("disable", "enable", "disable-next-line")

_DIRECTIVE = re.compile(r"<!--\s*claimcheck\s*:(?P<body>.*?)-->", re.S)
_IDS = re.compile(r"[\s,]+")


class SuppressionError(ValueError):
    """A suppressions file is unreadable or malformed; ``str()`` names the file."""


@dataclass(slots=True)
class Suppression:
    """Rules silenced over ``[start, end)`` of one document's text."""

    document: str
    rules: frozenset[str] | None  # None: every rule
    reason: str | None
    start: int
    end: int
    where: str  # "document" of findings about it: the article's id, or the suppressions file
    line: int
    column: int = 1
    directive: str = ""
    used: set[str] = field(default_factory=set)

    def covers(self, rule: str, offset: int | None) -> bool:
        if self.rules is not None and rule not in self.rules:
            return False
        return offset is None or self.start <= offset < self.end

    @property
    def label(self) -> str:
        return "all rules" if self.rules is None else ", ".join(sorted(self.rules))


@dataclass(slots=True)
class Applied:
    """Findings kept after suppression, the ones silenced, and findings about suppressions."""

    kept: list[Finding]
    suppressed: list[Finding]
    about_suppressions: list[Finding]


# --- reading suppressions -------------------------------------------------------


def inline_suppressions(
    document: Document, known_rules: Iterable[str] | None = None
) -> tuple[list[Suppression], list[InputError]]:
    """Directives in the raw text of one article, and warnings about malformed ones.

    Scans ``document.text`` itself: Markdown comments are excluded from prose
    but still there. Directives inside fenced code blocks are examples, not
    directives, and are skipped.
    """
    text = document.text
    if "claimcheck" not in text:
        return [], []
    known = set(known_rules) if known_rules is not None else None
    lines = LineIndex(text)
    where = document.path or document.id
    code = [(s, e) for s, e in document.excluded if not text.startswith("<!--", s)]
    found: list[Suppression] = []
    problems: list[InputError] = []
    open_: dict[str, Suppression] = {}  # rule id or "*" -> open disable

    def close(key: str, at: int) -> None:
        suppression = open_.pop(key, None)
        if suppression is not None:
            suppression.end = at

    for match in _DIRECTIVE.finditer(text):
        if any(s <= match.start() < e for s, e in code):
            continue
        line, column = lines.line_col(match.start())
        file_line = line + document.origin_line - 1
        head, _, reason = match.group("body").partition("--")
        action, *ids = [part for part in _IDS.split(head.strip()) if part] or [""]
        if action not in ACTIONS:
            problems.append(InputError(where, f"unknown claimcheck directive {action!r} "
                                       f"(expected {', '.join(ACTIONS)})", file_line, "warning"))
            continue
        unknown = [i for i in ids if known is not None and i not in known and i not in ALL_RULES]
        if unknown:
            problems.append(InputError(where, f"claimcheck {action}: unknown rule id "
                                       f"{', '.join(map(repr, unknown))}", file_line, "warning"))
        rules = None if not ids or ALL_RULES & set(ids) else frozenset(ids)
        if action == "enable":
            for key in (list(open_) if rules is None else rules):
                close(key, match.start())
            continue
        suppression = Suppression(
            document=document.id, rules=rules, reason=reason.strip() or None,
            start=match.end(), end=len(text), where=document.id, line=file_line, column=column,
            directive=match.group(0),
        )
        if action == "disable-next-line":
            suppression.start, suppression.end = _next_line(text, match.end())
        else:
            for key in ("*",) if rules is None else rules:
                close(key, match.start())
                open_[key] = suppression
        found.append(suppression)
    return found, problems


def _next_line(text: str, offset: int) -> tuple[int, int]:
    """Span of the first non-blank line after the one holding ``offset``."""
    position = text.find("\n", offset)
    while position != -1:
        start = position + 1
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        if text[start:end].strip():
            return start, end
        position = end if end < len(text) else -1
    return len(text), len(text)


def field_suppressions(value: str, document: str, line: int) -> list[Suppression]:
    """The ``suppress`` field of a JSONL/CSV row: ``rate-conflict: reason; all: reason``."""
    found = []
    for part in value.split(";"):
        if not part.strip():
            continue
        ids_text, _, reason = part.partition(":")
        ids = [i for i in _IDS.split(ids_text.strip()) if i]
        rules = None if not ids or ALL_RULES & set(ids) else frozenset(ids)
        found.append(Suppression(document, rules, reason.strip() or None, 0, 2**62, document, line,
                                 directive=part.strip()))
    return found


def file_suppressions(path: str | Path) -> list[Suppression]:
    """A suppressions file (``.yaml``/``.yml``/``.toml``): document id -> list of {rule, reason}."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SuppressionError(f"{path}: cannot read suppressions file: {exc}") from None
    try:
        if path.suffix.lower() == ".toml":
            data = tomllib.loads(text)
        elif path.suffix.lower() in (".yaml", ".yml"):
            data = yamltext.load(text) or {}
        else:
            raise SuppressionError(f"{path}: suppressions file must end in .yaml, .yml or .toml")
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
        raise SuppressionError(f"{path}: cannot parse suppressions file: {exc}") from None
    if not isinstance(data, dict):
        raise SuppressionError(f"{path}: expected a mapping of document id -> list of {{rule, reason}}")
    found = []
    for document, entries in data.items():
        line = _line_of(text, str(document))
        if isinstance(entries, dict):
            entries = [entries]
        if not isinstance(entries, list):
            raise SuppressionError(f"{path}:{line}: '{document}': expected a list of {{rule, reason}}")
        for entry in entries:
            if not isinstance(entry, dict) or set(entry) - {"rule", "reason"}:
                raise SuppressionError(f"{path}:{line}: '{document}': each entry is a mapping "
                                       "with 'rule' and 'reason' only")
            rule, reason = entry.get("rule", "all"), entry.get("reason")
            if not isinstance(rule, str) or not (reason is None or isinstance(reason, str)):
                raise SuppressionError(f"{path}:{line}: '{document}': 'rule' and 'reason' must be text")
            rules = None if rule in ALL_RULES else frozenset({rule})
            found.append(Suppression(str(document), rules, (reason or "").strip() or None, 0, 2**62,
                                     str(path), line, directive=f"{document}: {rule}"))
    return found


def _line_of(text: str, key: str) -> int:
    offset = text.find(key)
    return text.count("\n", 0, offset) + 1 if offset >= 0 else 1


# --- applying them ---------------------------------------------------------------


def apply_suppressions(
    findings: Iterable[Finding],
    suppressions: Iterable[Suppression],
    enabled_rules: Iterable[str],
) -> Applied:
    """Drop findings any of whose claims is suppressed for the finding's rule.

    Also returns the findings about the suppressions themselves, for the
    suppression rules that are in ``enabled_rules``.
    """
    by_document: dict[str, list[Suppression]] = {}
    every = list(suppressions)
    for suppression in every:
        by_document.setdefault(suppression.document, []).append(suppression)
    kept, suppressed = [], []
    for finding in findings:
        hits = [
            s
            for claim in finding.claims
            for s in by_document.get(str(claim.get("document")), ())
            if s.covers(finding.rule, claim.get("start"))
        ]
        for suppression in hits:
            suppression.used.add(finding.rule)
        (suppressed if hits else kept).append(finding)
    enabled = set(enabled_rules)
    return Applied(kept, suppressed, _about(every, enabled))


def _about(suppressions: list[Suppression], enabled: set[str]) -> list[Finding]:
    found = []
    for s in suppressions:
        if WITHOUT_REASON in enabled and s.reason is None:
            found.append(_finding(s, WITHOUT_REASON, f"suppression of {s.label} gives no reason; "
                                  "add one after ' -- ' (e.g. 'figure confirmed with the source')"))
        if UNUSED not in enabled:
            continue
        if s.rules is None:
            unused = [] if s.used else ["all rules"]
        else:
            unused = sorted((s.rules & enabled) - s.used)
        if unused:
            found.append(_finding(s, UNUSED, f"unused suppression of {', '.join(unused)}: no such "
                                  "finding here; remove it"))
    return found


def _finding(suppression: Suppression, rule: str, message: str) -> Finding:
    at = dict.fromkeys(FINDING_CLAIM_FIELDS)
    at.update(
        document=suppression.where,
        line=suppression.line,
        column=suppression.column,
        text=suppression.directive,
        sentence=suppression.directive,
        start=0,
        end=len(suppression.directive),
        sentence_start=0,
    )
    return Finding(rule=rule, severity="info", message=message, ratio=None, claims=[at])


def suppression_rule_explanation(rule_id: str) -> str:
    """``claimcheck rule ID`` text for the suppression rules."""
    return f"{rule_id} (suppressions, info, scope document): {SUPPRESSION_RULES[rule_id]}\n\n" + (
        (__doc__ or "").strip() + "\n"
    )



def match_documents(suppressions: Iterable[Suppression], paths: Mapping[str, str | None], base: str | Path) -> None:
    """Let a suppressions file name documents by path relative to itself, not only by id.

    ``paths`` maps the corpus' document ids to the files they were read from.
    """
    by_path = {str(Path(path).resolve()): document for document, path in paths.items() if path}
    for suppression in suppressions:
        if suppression.document not in paths:
            found = by_path.get(str((Path(base) / suppression.document).resolve()))
            if found is not None:
                suppression.document = found
