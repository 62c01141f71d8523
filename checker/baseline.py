"""Report only what is new: against a baseline file, or against a git ref.

A newsroom adopting claimcheck has an archive full of old findings. A baseline
records them once (``--write-baseline FILE``) so that later runs
(``--baseline FILE``) report only findings not in it, and list the entries that
no longer occur (fixed, or changed beyond recognition) so the file can be
refreshed.

A fingerprint is made of what the claims *say*, never where they are: the rule
and, for each claim, its document, subject, item, base unit, low and high
(three significant digits) and period. Inserting a paragraph above a finding
changes every line number and claim id but no fingerprint. Identical findings
are counted, so a second copy of a recorded conflict is still new.

The file is JSON sorted by key, one entry per fingerprint with a description
for people, so that its diffs review well.

``--changed-since REF`` keeps findings with at least one claim in a file that
``git diff --name-only REF`` lists or that git does not track yet; the whole
corpus is still read, so a changed article is compared with unchanged ones.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from checker.findings import Finding, is_missing

BASELINE_VERSION = 1
FINGERPRINT_FIELDS = ("document", "subject", "item", "base_unit", "low", "high", "period")


class BaselineError(ValueError):
    """A baseline file or ``--changed-since`` problem; ``str()`` names the file or option."""


@dataclass(slots=True)
class Entry:
    count: int
    description: str


@dataclass(slots=True)
class Comparison:
    """Findings not in the baseline, and baseline entries no longer found."""

    new: list[Finding] = field(default_factory=list)
    stale: dict[str, Entry] = field(default_factory=dict)
    known: int = 0  # findings matched by the baseline


def _number(value: object) -> str:
    return "" if is_missing(value) else f"{float(value):.3g}"


def fingerprint(finding: Finding, document_key: Callable[[str], str] = str) -> str:
    """``rule:hash`` of the finding's normalized claims, independent of their order and position.

    A finding's claims carry every field read here. ``document_key`` turns a
    document id into a name that does not depend on the working directory.
    """
    parts = []
    for view in finding.claims:
        values = []
        for name in FINGERPRINT_FIELDS:
            value = view.get(name)
            if name == "document":
                value = document_key(str(value))
            values.append(_number(value) if name in ("low", "high") else ("" if is_missing(value) else str(value)))
        if view.get("claim_id") is None:  # a finding about a suppression: its directive is its content
            values.append(str(view.get("text") or ""))
        parts.append("\x1f".join(values))
    digest = hashlib.sha256("\x1e".join([finding.rule, *sorted(parts)]).encode()).hexdigest()[:16]
    return f"{finding.rule}:{digest}"


def describe(finding: Finding, document_key: Callable[[str], str] = str) -> str:
    """One line a person recognizes: documents and the finding's message (no line numbers)."""
    documents = sorted({document_key(str(c.get("document"))) for c in finding.claims})
    return f"{', '.join(documents)}: {finding.message}"


def build_entries(
    findings: Iterable[Finding], key: Callable[[Finding], str], document_key: Callable[[str], str] = str
) -> dict[str, Entry]:
    """Baseline entries of ``findings``: a count and a description per fingerprint."""
    entries: dict[str, Entry] = {}
    for finding in findings:
        fp = key(finding)
        if fp in entries:
            entries[fp].count += 1
        else:
            entries[fp] = Entry(1, describe(finding, document_key))
    return entries


def write_baseline(path: str | Path, entries: Mapping[str, Entry]) -> None:
    data = {
        "version": BASELINE_VERSION,
        "findings": {fp: {"count": e.count, "description": e.description} for fp, e in entries.items()},
    }
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None


def load_baseline(path: str | Path) -> dict[str, Entry]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}:{exc.lineno}: baseline is not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        data = {}
    if data.get("version") != BASELINE_VERSION or not isinstance(data.get("findings"), dict):
        raise BaselineError(f"{path}: not a claimcheck baseline (version {BASELINE_VERSION}); "
                            "write it with --write-baseline")
    entries = {}
    for fp, entry in data["findings"].items():
        if not isinstance(entry, dict) or not isinstance(entry.get("count"), int) or entry["count"] < 1:
            raise BaselineError(f"{path}: entry '{fp}' needs a positive 'count'")
        entries[fp] = Entry(entry["count"], str(entry.get("description") or ""))
    return entries


def compare(findings: Iterable[Finding], baseline: Mapping[str, Entry], key: Callable[[Finding], str]) -> Comparison:
    """Findings beyond each fingerprint's recorded count are new; unmatched counts are stale."""
    left = Counter({fp: e.count for fp, e in baseline.items()})
    result = Comparison()
    for finding in findings:
        fp = key(finding)
        if left[fp] > 0:
            left[fp] -= 1
            result.known += 1
        else:
            result.new.append(finding)
    result.stale = {fp: Entry(n, baseline[fp].description) for fp, n in sorted(left.items()) if n > 0}
    return result


def document_key_for(baseline_path: str | Path, paths: Mapping[str, str | None]) -> Callable[[str], str]:
    """Document ids as stable names: file-backed ids relative to the baseline's directory.

    Ids that are file paths depend on where claimcheck was run from; relative
    to the baseline file they do not. Other ids (front matter, JSONL rows) stay.
    """
    base = Path(os.path.abspath(baseline_path)).parent

    def key(document: str) -> str:
        path = paths.get(document)
        if not path or path != document:
            return document
        return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()

    return key


# --- --changed-since ----------------------------------------------------------------


def changed_files(ref: str, cwd: str | Path = ".") -> set[Path]:
    """Absolute paths changed since ``ref`` (committed, staged or not) plus untracked files."""
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd, ref).strip())
    names = _git(["diff", "--name-only", ref, "--"], top, ref).splitlines()
    names += _git(["ls-files", "--others", "--exclude-standard"], top, ref).splitlines()
    return {(top / name).resolve() for name in names if name}


def _git(args: list[str], cwd: str | Path, ref: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise BaselineError(f"--changed-since {ref}: git is not installed") from None
    if done.returncode != 0:
        problem = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[0]
        raise BaselineError(f"--changed-since {ref}: git {args[0]} failed: {problem}")
    return done.stdout


def involves_changed(finding: Finding, changed: set[Path], paths: Mapping[str, str | None]) -> bool:
    """True when any claim of the finding is in a changed file."""
    for claim in finding.claims:
        document = str(claim.get("document"))
        path = paths.get(document) or document
        if Path(os.path.abspath(path)).resolve() in changed:
            return True
    return False
