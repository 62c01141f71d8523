"""Project configuration: ``claimcheck.toml`` or ``[tool.claimcheck]`` in ``pyproject.toml``.

A newsroom keeps its rule choices next to its articles, so a check in CI, in a
pre-commit hook and on an editor's machine agree. The file is found by walking
up from the working directory; in each directory ``claimcheck.toml`` wins over
``pyproject.toml``, a ``pyproject.toml`` without a ``[tool.claimcheck]`` table
does not count, and the search stops at the first file found. ``--config FILE``
names the file, ``--isolated`` ignores every file.

Command-line options replace the file's value for the same key (lists are not
merged), and ``--set RULE.PARAM=N`` replaces single rule parameters.
``claimcheck config`` prints the result and where each value came from.
Paths in the file (``rules-dirs``, ``lexicon-dirs``) and its globs
(``include``, ``exclude``, ``per-file-ignores``, gitignore syntax) are relative
to the file's directory.
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pathspec

from checker.findings import FAIL_ON_CHOICES, Finding
from checker.ingest import READABLE_EXTENSIONS
from checker.ruleset import RuleError, RuleSet
from checker.suppress import SUPPRESSION_RULES

CONFIG_NAME = "claimcheck.toml"
PYPROJECT_NAME = "pyproject.toml"
DEFAULT = "default"
COMMAND_LINE = "command line"

RULE_LIST_KEYS = ("select", "ignore", "extend-select")
GLOB_LIST_KEYS = ("include", "exclude")
DIR_LIST_KEYS = ("rules-dirs", "lexicon-dirs")
KNOWN_KEYS = (*RULE_LIST_KEYS, *GLOB_LIST_KEYS, *DIR_LIST_KEYS, "rules", "per-file-ignores", "fail-on")
DEFAULT_FAIL_ON = "warning"
_RULE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class ConfigError(ValueError):
    """A configuration problem; ``str()`` names the file (and line) and the key."""


@dataclass(slots=True)
class Settings:
    """The effective configuration; ``sources`` maps each key to where its value came from."""

    select: list[str] | None = None  # None: every rule enabled by default
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    rules: dict[str, dict[str, float]] = field(default_factory=dict)  # rule id -> parameter -> value
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    rules_dirs: list[str] = field(default_factory=list)
    lexicon_dirs: list[str] = field(default_factory=list)
    fail_on: str = DEFAULT_FAIL_ON
    config_path: Path | None = None
    root: Path = field(default_factory=Path.cwd)  # what globs are relative to
    # "select", "rules.rate-conflict.min_ratio", ... -> "default", a file, or "command line"
    sources: dict[str, str] = field(default_factory=dict)

    def source(self, key: str) -> str:
        return self.sources.get(key, DEFAULT)


# --- finding and reading the file ---------------------------------------------------


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``claimcheck.toml`` or ``pyproject.toml`` with ``[tool.claimcheck]``."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        candidate = folder / PYPROJECT_NAME
        if candidate.is_file() and _has_tool_table(candidate):
            return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # not ours to judge; a broken pyproject is not a claimcheck config
    return isinstance(data.get("tool"), dict) and "claimcheck" in data["tool"]


def read_config(path: Path) -> dict[str, Any]:
    """The validated claimcheck table of ``path`` (keys as written in the file)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{_show(path)}: configuration file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{_show(path)}: cannot read configuration file: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{_show(path)}: invalid TOML: {exc}") from None
    prefix = ""
    if path.name == PYPROJECT_NAME:
        tool = data.get("tool")
        if not isinstance(tool, dict) or "claimcheck" not in tool:
            raise ConfigError(f"{_show(path)}: no [tool.claimcheck] table")
        data, prefix = tool["claimcheck"], "tool.claimcheck."
        if not isinstance(data, dict):
            raise ConfigError(f"{_show(path)}: 'tool.claimcheck' must be a table")
    _validate(data, _Where(path, text, prefix))
    return data


@dataclass(frozen=True, slots=True)
class _Where:
    """Names a key of one file in error messages, with its line when it can be found."""

    path: Path
    text: str
    prefix: str

    def error(self, key: str, message: str, name: str | None = None) -> ConfigError:
        """``name`` is what the key is written as on its line (default: its last part)."""
        line = _key_line(self.text, name or key.rsplit(".", 1)[-1])
        where = f"{_show(self.path)}:{line}" if line else _show(self.path)
        return ConfigError(f"{where}: key '{self.prefix}{key}': {message}")


def _key_line(text: str, key: str) -> int | None:
    pattern = re.compile(rf"""^\s*(?:\[[^\]]*)?["']?{re.escape(key)}["']?\s*[=\]]""", re.M)
    found = pattern.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else None


def _validate(data: Mapping[str, Any], where: _Where) -> None:
    for key, value in data.items():
        if key not in KNOWN_KEYS:
            raise where.error(key, f"unknown key (known keys: {', '.join(KNOWN_KEYS)})")
        if key in RULE_LIST_KEYS:
            _rule_ids(value, where, key)
        elif key in GLOB_LIST_KEYS or key in DIR_LIST_KEYS:
            _strings(value, where, key)
        elif key == "fail-on":
            if value not in FAIL_ON_CHOICES:
                raise where.error(key, f"must be one of {', '.join(FAIL_ON_CHOICES)}, not {value!r}")
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise where.error(key, "must be a table of glob = [rule ids]")
            for glob, ids in value.items():
                _rule_ids(ids, where, f"{key}.{glob}", name=glob)
        elif key == "rules":
            if not isinstance(value, dict):
                raise where.error(key, "must be a table of [rules.RULE-ID] tables")
            for rule_id, params in value.items():
                if not isinstance(params, dict):
                    raise where.error(f"rules.{rule_id}", "must be a table of parameter = number")
                for name, number in params.items():
                    if isinstance(number, bool) or not isinstance(number, int | float):
                        raise where.error(f"rules.{rule_id}.{name}", f"must be a number, not {number!r}")


def _strings(value: Any, where: _Where, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise where.error(key, f"must be a list of strings, not {value!r}")
    return value


def _rule_ids(value: Any, where: _Where, key: str, name: str | None = None) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise where.error(key, f"must be a list of strings, not {value!r}", name)
    for rule_id in value:
        if not _RULE_ID.match(rule_id):
            raise where.error(key, f"{rule_id!r} is not a rule id (e.g. 'rate-conflict')", name)
    return value


# --- resolving: defaults < file < command line -----------------------------------------


def resolve_settings(
    command_line: Mapping[str, Any] | None = None,
    *,
    config: str | Path | None = None,
    isolated: bool = False,
    cwd: Path | None = None,
) -> Settings:
    """Defaults, then the configuration file, then ``command_line`` options.

    ``command_line`` uses the file's key names (``select``, ``rules-dirs``...);
    a value of None means the option was not given. ``rules`` there holds
    ``--set`` parameters, merged per parameter over the file's.
    """
    cwd = (cwd or Path.cwd()).resolve()
    path = None if isolated else (Path(cwd, config) if config else find_config(cwd))
    settings = Settings(config_path=path, root=path.parent if path else cwd)
    if path is not None:
        _apply(settings, read_config(path), _show(path), base=path.parent)
    cli = {k: v for k, v in (command_line or {}).items() if v is not None}
    _apply(settings, cli, COMMAND_LINE, base=cwd)
    return settings


def _apply(settings: Settings, values: Mapping[str, Any], source: str, base: Path) -> None:
    for key, value in values.items():
        if key == "rules":
            for rule_id, params in value.items():
                for name, number in params.items():
                    settings.rules.setdefault(rule_id, {})[name] = number
                    settings.sources[f"rules.{rule_id}.{name}"] = source
            continue
        if key in DIR_LIST_KEYS:
            value = [str(base / d) if source != COMMAND_LINE else d for d in value]
        elif key == "per-file-ignores":
            value = {glob: list(ids) for glob, ids in value.items()}
        elif isinstance(value, list):
            value = list(value)
        setattr(settings, key.replace("-", "_"), value)
        settings.sources[key] = source


# --- rules ---------------------------------------------------------------------------


def build_ruleset(settings: Settings) -> tuple[RuleSet, set[str]]:
    """The rule set the settings describe, and every enabled rule id (suppression rules too).

    Errors name the key and where its value came from.
    """
    try:
        ruleset = RuleSet.load(settings.rules_dirs, settings.rules)
    except RuleError as exc:
        raise _blame(settings, exc) from None
    known = set(ruleset.rules) | set(SUPPRESSION_RULES)
    for key in RULE_LIST_KEYS:
        for rule_id in getattr(settings, key.replace("-", "_")) or ():
            _known(rule_id, known, _where(settings, key), key)
    for glob, ids in settings.per_file_ignores.items():
        for rule_id in ids:
            _known(rule_id, known, _where(settings, "per-file-ignores"), f"per-file-ignores.{glob}")
    enabled = enabled_rule_ids(settings, {r.id for r in ruleset.rules.values() if r.enabled})
    ruleset.rules = {rid: replace(rule, enabled=rid in enabled) for rid, rule in ruleset.rules.items()}
    return ruleset, enabled


def _blame(settings: Settings, error: RuleError) -> ConfigError:
    """Say which setting made loading the rules fail: the directories, the file's parameters or ``--set``."""
    try:
        RuleSet.load(settings.rules_dirs)
    except RuleError as exc:
        return ConfigError(f"{_where(settings, 'rules-dirs')}: {exc}")
    file_params = {rule: {name: value for name, value in params.items()
                          if settings.source(f"rules.{rule}.{name}") != COMMAND_LINE}
                   for rule, params in settings.rules.items()}
    try:
        RuleSet.load(settings.rules_dirs, file_params)
    except RuleError as exc:
        return ConfigError(f"{_where(settings, 'rules')}: {exc.message}")
    return ConfigError(f"command line option --set: {error.message}")


def enabled_rule_ids(settings: Settings, default_enabled: Iterable[str]) -> set[str]:
    """``select`` (or the defaults plus the suppression rules), plus ``extend-select``, minus ``ignore``."""
    chosen = set(settings.select) if settings.select is not None else {*default_enabled, *SUPPRESSION_RULES}
    return (chosen | set(settings.extend_select)) - set(settings.ignore)


def _known(rule_id: str, known: set[str], where: str, key: str) -> None:
    if rule_id not in known:
        raise ConfigError(f"{where}: unknown rule id '{rule_id}' in '{key}' (known rules: {', '.join(sorted(known))})")


def _where(settings: Settings, key: str) -> str:
    """Where the value of ``key`` was set, for error messages: option, or file:line and key."""
    if settings.source(key) == COMMAND_LINE or settings.config_path is None:
        option = {"rules-dirs": "rules", "lexicon-dirs": "lexicon"}.get(key, key)
        return f"command line option --{option}"
    text = settings.config_path.read_text(encoding="utf-8")
    line = _key_line(text, key)
    prefix = "tool.claimcheck." if settings.config_path.name == PYPROJECT_NAME else ""
    return f"{_show(settings.config_path)}{f':{line}' if line else ''}: key '{prefix}{key}'"


# --- files -----------------------------------------------------------------------------


@functools.lru_cache(maxsize=256)
def _spec(globs: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines(globs)


def relative_to_root(settings: Settings, path: str | os.PathLike) -> str:
    """``path`` relative to the configuration's directory, in ``/`` form, for glob matching."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(settings.root).as_posix()
    except ValueError:
        return Path(path).as_posix()


def expand_paths(paths: Sequence[str], settings: Settings) -> list[str]:
    """Command-line paths with directories walked through ``include``/``exclude``.

    Without either, paths are returned unchanged (the reader walks directories
    itself). Files named explicitly are always read, as linters do.
    """
    if not settings.include and not settings.exclude:
        return list(paths)
    include = _spec(tuple(settings.include)) if settings.include else None
    exclude = _spec(tuple(settings.exclude))
    expanded: list[str] = []
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            expanded.append(path)
            continue
        for found in _walk(path):
            relative = relative_to_root(settings, found)
            if exclude.match_file(relative):
                continue
            if include is None and os.path.splitext(found)[1].lower() not in READABLE_EXTENSIONS:
                continue
            if include is None or include.match_file(relative):
                expanded.append(found)
    return expanded


def _walk(directory: str) -> Iterator[str]:
    """Files under ``directory`` in sorted order, hidden entries skipped (as the reader does)."""
    for folder, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(folder, name)


def per_file_ignored(settings: Settings, finding: Finding, path_of: Mapping[str, str | None]) -> bool:
    """True when any claim of ``finding`` is in a file whose ``per-file-ignores`` list its rule.

    "Any claim", as for inline suppressions (see ``checker.suppress``).
    """
    for glob, ids in settings.per_file_ignores.items():
        if finding.rule not in ids:
            continue
        spec = _spec((glob,))
        for claim in finding.claims:
            document = str(claim.get("document"))
            if spec.match_file(relative_to_root(settings, path_of.get(document) or document)):
                return True
    return False


# --- printing --------------------------------------------------------------------------


def describe(settings: Settings, ruleset: RuleSet | None = None) -> str:
    """The effective configuration as TOML, each value followed by its source."""
    header = f"# configuration file: {_show(settings.config_path) if settings.config_path else 'none'}"
    lines = [header]
    values = {
        "select": settings.select,
        "extend-select": settings.extend_select,
        "ignore": settings.ignore,
        "fail-on": settings.fail_on,
        "include": settings.include,
        "exclude": settings.exclude,
        "rules-dirs": settings.rules_dirs,
        "lexicon-dirs": settings.lexicon_dirs,
    }
    for key, value in values.items():
        if key == "select" and value is None:
            lines.append("# select: not set, every rule that is on by default runs")
            continue
        lines.append(f"{key} = {_toml(value)}  # {settings.source(key)}")
    lines.append("")
    lines.append(f"[per-file-ignores]  # {settings.source('per-file-ignores')}")
    lines.extend(f"{_toml(glob)} = {_toml(ids)}" for glob, ids in sorted(settings.per_file_ignores.items()))
    params = {r.id: dict(r.params) for r in ruleset.rules.values()} if ruleset else settings.rules
    for rule_id in sorted(params):
        lines.append("")
        state = ""
        if ruleset is not None:
            state = "  # enabled" if ruleset[rule_id].enabled else "  # disabled"
        lines.append(f"[rules.{rule_id}]{state}")
        for name, value in sorted(params[rule_id].items()):
            lines.append(f"{name} = {_toml(value)}  # {settings.source(f'rules.{rule_id}.{name}')}")
    return "\n".join(lines) + "\n"


def _toml(value: Any) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return str(value)


def _show(path: Path | str) -> str:
    """A path as a person reads it: relative to the working directory when under it."""
    relative = os.path.relpath(path)
    return relative if not relative.startswith("..") else str(path)
