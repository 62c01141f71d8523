"""Rules as data: one YAML file per rule, validated with file and line.

A rule names a check kind (code in ``checker/checks/``) and gives it a
severity, a message template and parameters, so new rules and stricter or
looser thresholds need no code. Files under ``rules/checks/`` ship with the
project; users add directories of their own (a rule whose id is already known
replaces it) and override single parameters from the command line.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from checker.checks import CHECK_KINDS
from checker.findings import SEVERITIES

RULES_DIR = Path(__file__).resolve().parent.parent / "rules" / "checks"

SCOPES: tuple[str, ...] = ("document", "corpus", "both")
REQUIRED_FIELDS: tuple[str, ...] = ("id", "kind", "severity", "message", "summary")
OPTIONAL_FIELDS: tuple[str, ...] = ("scope", "enabled", "params", "description")
_RULE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class RuleError(ValueError):
    """A rule file or rule option is wrong; ``str()`` is ``path:line: message``."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.message = message
        where = self.path or ""
        if where and line:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}" if where else message)


@dataclass(frozen=True, slots=True)
class Rule:
    """One validated rule."""

    id: str
    kind: str
    severity: str
    message: str
    summary: str
    scope: str = "both"
    enabled: bool = True
    params: Mapping[str, Any] = field(default_factory=dict)
    description: str = ""
    path: str | None = None

    def explain(self) -> str:
        """The rule's documentation: summary, description and its check kind's docstring."""
        kind_doc = (CHECK_KINDS[self.kind].__doc__ or "").strip()
        params = ", ".join(f"{k}={v}" for k, v in sorted(self.params.items())) or "none"
        parts = [
            f"{self.id} ({self.kind}, {self.severity}, scope {self.scope}): {self.summary}",
            self.description.strip(),
            f"Parameters: {params}",
            f"Check kind '{self.kind}':\n{kind_doc}",
        ]
        return "\n\n".join(p for p in parts if p) + "\n"


@dataclass(slots=True)
class RuleSet:
    """All known rules by id, with the enabled ones selected."""

    rules: dict[str, Rule] = field(default_factory=dict)

    @classmethod
    def load(
        cls,
        extra_dirs: Iterable[str | Path] = (),
        overrides: Mapping[str, Mapping[str, Any]] | None = None,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
    ) -> RuleSet:
        """Shipped rules, then ``extra_dirs`` (same id replaces), then options.

        ``select`` enables exactly the listed rules (even those off by default),
        ``ignore`` disables rules, ``overrides`` sets parameters per rule id.
        """
        ruleset = cls()
        for directory in (RULES_DIR, *map(Path, extra_dirs)):
            ruleset._add_directory(Path(directory))
        ruleset._apply_overrides(overrides or {})
        ruleset._apply_selection(select, ignore)
        return ruleset

    def _add_directory(self, directory: Path) -> None:
        if not directory.is_dir():
            raise RuleError("rule directory not found", directory)
        seen: dict[str, str] = {}
        for path in sorted(directory.glob("*.y*ml")):
            rule = load_rule_file(path)
            if rule.id in seen:
                raise RuleError(f"rule id '{rule.id}' is also defined in {seen[rule.id]}", path, 1)
            seen[rule.id] = str(path)
            self.rules[rule.id] = rule

    def _known(self, rule_id: str, option: str) -> Rule:
        if rule_id not in self.rules:
            known = ", ".join(sorted(self.rules))
            raise RuleError(f"unknown rule id '{rule_id}' in {option} (known rules: {known})")
        return self.rules[rule_id]

    def _apply_overrides(self, overrides: Mapping[str, Mapping[str, Any]]) -> None:
        for rule_id, params in overrides.items():
            rule = self._known(rule_id, "overrides")
            merged = dict(rule.params)
            for name, value in params.items():
                problem = _param_problem(rule.kind, name, value)
                if problem:
                    raise RuleError(f"override for rule '{rule_id}': {problem}")
                merged[name] = _coerce(rule.kind, name, value)
            self.rules[rule_id] = replace(rule, params=merged)

    def _apply_selection(self, select: Iterable[str] | None, ignore: Iterable[str] | None) -> None:
        chosen = None if select is None else {self._known(r, "select").id for r in select}
        dropped = {self._known(r, "ignore").id for r in (ignore or ())}
        for rule_id, rule in self.rules.items():
            enabled = rule.enabled if chosen is None else rule_id in chosen
            self.rules[rule_id] = replace(rule, enabled=enabled and rule_id not in dropped)

    def enabled(self) -> list[Rule]:
        """Enabled rules, by id."""
        return [self.rules[r] for r in sorted(self.rules) if self.rules[r].enabled]

    def __getitem__(self, rule_id: str) -> Rule:
        return self.rules[rule_id]

    def __len__(self) -> int:
        return len(self.rules)


def load_rule_file(path: str | Path) -> Rule:
    """Parse and validate one rule file; every problem names ``path:line``."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read rule file: {exc}", path) from None
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = f"invalid YAML: {exc.problem or exc}"
        if exc.context and exc.context_mark and exc.context_mark is not mark:
            message += f" ({exc.context} started on line {exc.context_mark.line + 1})"
        raise RuleError(message, path, mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise RuleError(f"invalid YAML: {exc}", path) from None
    finally:
        loader.dispose()
    if not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
        line = node.start_mark.line + 1 if node is not None else 1
        raise RuleError("a rule file must be a mapping of fields (id, kind, severity, ...)", path, line)
    return _validate(data, _lines(node), path)


def _lines(node: yaml.MappingNode) -> dict[str, int]:
    """Line of each field's value; nested params as 'params.name' (key line)."""
    lines: dict[str, int] = {}
    for key, value in node.value:
        name = str(key.value)
        lines[name] = value.start_mark.line + 1
        lines[f"{name}:key"] = key.start_mark.line + 1
        if isinstance(value, yaml.MappingNode):
            for sub_key, sub_value in value.value:
                lines[f"{name}.{sub_key.value}"] = sub_value.start_mark.line + 1
                lines[f"{name}.{sub_key.value}:key"] = sub_key.start_mark.line + 1
    return lines


def _validate(data: dict, lines: dict[str, int], path: Path) -> Rule:
    def fail(message: str, where: str | None = None) -> RuleError:
        return RuleError(message, path, lines.get(where, 1) if where else 1)

    for name in data:
        if name not in REQUIRED_FIELDS + OPTIONAL_FIELDS:
            allowed = ", ".join(REQUIRED_FIELDS + OPTIONAL_FIELDS)
            raise fail(f"unknown field '{name}' (allowed: {allowed})", f"{name}:key")
    for name in REQUIRED_FIELDS:
        if name not in data:
            raise fail(f"missing required field '{name}'")
    for name in ("id", "kind", "severity", "message", "summary", "scope", "description"):
        if name in data and not isinstance(data[name], str):
            raise fail(f"'{name}' must be text", name)

    rule_id, kind = data["id"], data["kind"]
    if not _RULE_ID.match(rule_id):
        raise fail(f"rule id '{rule_id}' must be kebab-case, e.g. 'rate-conflict'", "id")
    if kind not in CHECK_KINDS:
        raise fail(f"unknown kind '{kind}' (expected one of {', '.join(CHECK_KINDS)})", "kind")
    if data["severity"] not in SEVERITIES:
        raise fail(f"unknown severity '{data['severity']}' (expected {', '.join(SEVERITIES)})", "severity")
    scope = data.get("scope", "both")
    if scope not in SCOPES:
        raise fail(f"unknown scope '{scope}' (expected {', '.join(SCOPES)})", "scope")
    enabled = data.get("enabled", True)
    if not isinstance(enabled, bool):
        raise fail("'enabled' must be true or false", "enabled")

    placeholders = CHECK_KINDS[kind].PLACEHOLDERS
    try:
        fields = {f for _, f, _, _ in string.Formatter().parse(data["message"]) if f is not None}
    except ValueError as exc:
        raise fail(f"message template is malformed: {exc}", "message") from None
    for placeholder in sorted(fields):
        if placeholder not in placeholders:
            known = ", ".join(sorted(placeholders))
            raise fail(
                f"unknown placeholder '{{{placeholder}}}' in message (kind '{kind}' offers {known})", "message"
            )
    try:  # placeholders are filled with text, so numeric format specs cannot work
        data["message"].format(**dict.fromkeys(placeholders, "text"))
    except (ValueError, IndexError, KeyError) as exc:
        raise fail(f"message template cannot be filled: {exc} (placeholders are text)", "message") from None

    raw_params = data.get("params") or {}
    if not isinstance(raw_params, dict):
        raise fail("'params' must be a mapping of parameter names to values", "params")
    params = dict(CHECK_KINDS[kind].PARAMS)
    for name, value in raw_params.items():
        problem = _param_problem(kind, name, value)
        if problem:
            where = f"params.{name}:key" if name not in CHECK_KINDS[kind].PARAMS else f"params.{name}"
            raise fail(problem, where)
        params[name] = _coerce(kind, name, value)

    return Rule(
        id=rule_id,
        kind=kind,
        severity=data["severity"],
        message=data["message"],
        summary=data["summary"].strip(),
        scope=scope,
        enabled=enabled,
        params=params,
        description=data.get("description") or "",
        path=str(path),
    )


def _param_problem(kind: str, name: str, value: Any) -> str | None:
    """Why ``value`` is not acceptable for parameter ``name`` of ``kind``, or None."""
    defaults = CHECK_KINDS[kind].PARAMS
    if name not in defaults:
        known = ", ".join(sorted(defaults)) or "none"
        return f"unknown parameter '{name}' for kind '{kind}' (known: {known})"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"parameter '{name}' must be a number, not {value!r}"
    if value < 0:
        return f"parameter '{name}' must not be negative"
    if name == "min_ratio" and value < 1:
        return "parameter 'min_ratio' is a ratio of larger to smaller and must be at least 1"
    return None


def _coerce(kind: str, name: str, value: int | float) -> int | float:
    return type(CHECK_KINDS[kind].PARAMS[name])(value)
