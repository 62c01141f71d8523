"""The ``claimcheck`` command line.

Exit codes, as linters use them: 0 clean, 1 findings at or above ``--fail-on``,
2 usage, configuration or input errors (the rest of the corpus is still
processed first).

Settings come from defaults, then the project's configuration file
(``checker.config``), then the command line. ``check`` then drops findings in
this order: ``per-file-ignores``, inline suppressions (``checker.suppress``),
``--changed-since``, ``--baseline`` (``checker.baseline``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from checker import __version__
from checker.findings import FAIL_ON_CHOICES, Finding
from checker.ingest import IngestSummary, read_documents
from checker.model import Document, InputError
from checker.pipeline import CorpusResult
from checker.report.claims import render_claims
from checker.report.formats import locate_rows
from checker.suppress import Suppression

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with one clear line
        self.print_usage(sys.stderr)
        print(f"claimcheck: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _report_formats() -> tuple[str, ...]:
    try:
        from checker.report import formats
    except ImportError:  # a trimmed install without the extra report formats
        return ("text", "json")
    return formats.names()


def _add_config_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--config", metavar="FILE", help="configuration file (default: nearest claimcheck.toml "
                       "or pyproject.toml with [tool.claimcheck], looking upward)")
    group.add_argument("--isolated", action="store_true", help="ignore every configuration file")


def _add_rule_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--select", type=_id_list, default=None, metavar="IDS",
                        help="run only these rules (comma-separated)")
    parser.add_argument("--extend-select", type=_id_list, default=None, metavar="IDS",
                        help="run these rules as well as the selected ones")
    parser.add_argument("--ignore", type=_id_list, default=None, metavar="IDS", help="do not run these rules")
    parser.add_argument("--rules", action="append", default=None, metavar="DIR", help="extra directory of rule files")
    parser.add_argument("--set", action="append", default=[], metavar="RULE.PARAM=VALUE", dest="overrides",
                        help="override a rule parameter, e.g. rate-conflict.min_ratio=2")
    parser.add_argument("--lexicon", action="append", default=None, metavar="DIR", help="extra lexicon directory")
    parser.add_argument("--fail-on", choices=FAIL_ON_CHOICES, default=None,
                        help="lowest severity that makes the exit code 1 (default: warning)")


def _positive_int(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="claimcheck", description="Find quantitative claims that cannot both be true.")
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    extract = commands.add_parser("extract", help="print the normalized claims of articles")
    extract.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for standard input")
    extract.add_argument("--format", choices=("table", "json", "jsonl", "csv"), default="table")
    extract.add_argument("--lexicon", action="append", default=None, metavar="DIR", help="extra lexicon directory")
    extract.add_argument("--quiet", action="store_true", help="no summary or progress bar on standard error")
    extract.add_argument("--jobs", type=_positive_int, default=None, metavar="N",
                         help="processes for extraction (default: all cores)")
    _add_config_options(extract)

    check = commands.add_parser("check", help="report claims that cannot both be true")
    check.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for standard input")
    check.add_argument("--format", choices=_report_formats(), default="text")
    _add_rule_options(check)
    _add_config_options(check)
    check.add_argument("--suppressions", metavar="FILE",
                       help="YAML or TOML file: document id -> list of {rule, reason}")
    check.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    check.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE and exit")
    check.add_argument("--changed-since", metavar="REF",
                       help="report only findings with a claim in a file changed since git REF (or untracked)")
    check.add_argument("--against", metavar="ARCHIVE",
                       help="check PATH (a draft) against the claims stored by 'claimcheck index'")
    check.add_argument("--quiet", action="store_true", help="no summary or progress bar on standard error")
    check.add_argument("--jobs", type=_positive_int, default=None, metavar="N",
                       help="processes for extraction (default: all cores)")
    check.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="where to run: this machine, or a Dask cluster (pip install 'claimcheck[dask]')")
    check.add_argument("--scheduler", metavar="ADDRESS",
                       help="Dask scheduler address (with --engine dask; default: a local cluster)")

    index = commands.add_parser("index", help="store the claims of published articles in an archive")
    index.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for standard input")
    index.add_argument("--db", required=True, metavar="FILE", help="archive file (SQLite), created if missing")
    index.add_argument("--batch-size", type=_positive_int, default=500, metavar="N",
                       help="documents per transaction (default 500)")
    index.add_argument("--lexicon", action="append", default=None, metavar="DIR", help="extra lexicon directory")
    index.add_argument("--quiet", action="store_true", help="no summary on standard error")
    _add_config_options(index)

    config = commands.add_parser("config", help="print the effective configuration and where each value came from")
    _add_rule_options(config)
    _add_config_options(config)

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--rules", action="append", default=None, metavar="DIR", help="extra directory of rule files")
    _add_config_options(rules)
    rule = commands.add_parser("rule", help="explain one rule, with examples")
    rule.add_argument("rule_id", metavar="ID")
    rule.add_argument("--rules", action="append", default=None, metavar="DIR", help="extra directory of rule files")
    _add_config_options(rule)
    return parser


def _id_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _overrides(pairs: Sequence[str]) -> dict[str, dict[str, float]]:
    """Parse ``rule-id.param=value`` options; a malformed one is a usage error."""
    overrides: dict[str, dict[str, float]] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        rule_id, dot, param = key.partition(".")
        try:
            number = float(value)
        except ValueError:
            number = None
        if not (sep and dot and rule_id and param) or number is None:
            raise ValueError(f"--set {pair!r}: expected RULE.PARAM=NUMBER, e.g. rate-conflict.min_ratio=2")
        overrides.setdefault(rule_id, {})[param] = int(number) if number.is_integer() else number
    return overrides


def _settings(args: argparse.Namespace) -> Any:
    """Effective settings: defaults < configuration file < command-line options."""
    from checker.config import resolve_settings

    command_line = {
        "select": getattr(args, "select", None),
        "extend-select": getattr(args, "extend_select", None),
        "ignore": getattr(args, "ignore", None),
        "rules": _overrides(getattr(args, "overrides", [])) or None,
        "rules-dirs": getattr(args, "rules", None),
        "lexicon-dirs": getattr(args, "lexicon", None),
        "fail-on": getattr(args, "fail_on", None),
    }
    return resolve_settings(command_line, config=args.config, isolated=args.isolated)


class _Collected:
    """Notes what check needs of each document as it flows past: its path and suppressions.

    Documents are not kept, so that a whole archive is not held in memory twice.
    """

    def __init__(self, known_rules: set[str]) -> None:
        self.known_rules = known_rules
        self.paths: dict[str, str | None] = {}
        self.rows: dict[str, int] = {}  # id -> file line of each article that is one row of a JSONL/CSV file
        self.suppressions: list[Suppression] = []
        self.problems: list[InputError] = []

    def __call__(self, items: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
        from checker.suppress import field_suppressions, inline_suppressions

        for item in items:
            if isinstance(item, Document):
                self.paths.setdefault(item.id, item.path)
                if item.format in ("jsonl", "csv") and item.path:
                    self.rows.setdefault(item.id, item.origin_line)
                inline, problems = inline_suppressions(item, self.known_rules)
                self.suppressions.extend(inline)
                self.problems.extend(problems)
                value = getattr(item, "suppress", None)  # JSONL/CSV ``suppress`` field, when ingest keeps it
                if value:
                    self.suppressions.extend(field_suppressions(str(value), item.id, item.origin_line))
            yield item


def read_corpus(
    paths: Sequence[str],
    lexicon_dirs: Sequence[str],
    keep: _Collected | None = None,
    jobs: int | None = None,
    quiet: bool = False,
) -> tuple[CorpusResult, IngestSummary]:
    """Read and extract a corpus with ``jobs`` processes (default: every core), streamed."""
    from checker.engine_local import default_jobs, extract_parallel
    from checker.progress import progress_bar

    summary = IngestSummary()
    items = read_documents(paths, stdin=sys.stdin, summary=summary)
    with progress_bar(quiet=quiet) as bar:
        result = extract_parallel(keep(items) if keep else items, jobs or default_jobs(), lexicon_dirs or (), progress=bar)
    summary.failed += result.failed
    return result, summary


def _check_with_dask(args: argparse.Namespace, settings: Any, ruleset: Any, keep: _Collected) -> tuple:
    """Extraction and matching on a Dask cluster; the documents are also read here,
    without extraction, so inline suppressions apply as with the local engine."""
    from checker.config import expand_paths
    from checker.engine_dask import check_with_dask

    paths = expand_paths(args.paths, settings)
    if "-" in paths:
        raise ValueError("--engine dask reads files, not standard input")
    checked, stats = check_with_dask(paths, ruleset, scheduler=args.scheduler, lexicon_dirs=settings.lexicon_dirs or ())
    for _ in keep(read_documents(paths)):
        pass
    result = CorpusResult(
        errors=list(stats.errors), documents=stats.documents, failed=stats.failed, remote_claims=stats.claims
    )
    return result, stats.summary, checked


def print_errors(result: CorpusResult, summary: IngestSummary, quiet: bool) -> None:
    for error in result.errors:
        print(error, file=sys.stderr)
    if not quiet:
        print(f"claimcheck: {summary}; {result.claim_count} claims", file=sys.stderr)


def exit_for_errors(errors: list[InputError]) -> int:
    return EXIT_USAGE if any(e.severity == "error" for e in errors) else EXIT_OK


def _fail(message: object) -> int:
    print(f"claimcheck: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def run_extract(args: argparse.Namespace) -> int:
    from checker.config import ConfigError, expand_paths
    from checker.lexicon import LexiconError

    try:
        settings = _settings(args)
        result, summary = read_corpus(
            expand_paths(args.paths, settings), settings.lexicon_dirs, jobs=args.jobs, quiet=args.quiet
        )
    except (ConfigError, LexiconError, ValueError) as exc:
        return _fail(exc)
    sys.stdout.write(render_claims(result.table, args.format))
    print_errors(result, summary, args.quiet)
    return exit_for_errors(result.errors)


def run_check(args: argparse.Namespace) -> int:
    from checker import baseline as bl
    from checker.config import (
        ConfigError,
        build_ruleset,
        expand_paths,
        per_file_ignored,
    )
    from checker.engine import check_claims, exit_code
    from checker.lexicon import LexiconError
    from checker.ruleset import RuleError
    from checker.suppress import (
        SUPPRESSION_RULES,
        SuppressionError,
        apply_suppressions,
        file_suppressions,
        match_documents,
    )

    if args.baseline and args.write_baseline:
        return _fail("--baseline and --write-baseline cannot be used together")
    try:
        settings = _settings(args)
        ruleset, enabled = build_ruleset(settings)
        extra = file_suppressions(args.suppressions) if args.suppressions else []
        baseline = bl.load_baseline(args.baseline) if args.baseline else None
        changed = bl.changed_files(args.changed_since) if args.changed_since else None
        keep = _Collected(set(ruleset.rules) | set(SUPPRESSION_RULES))
        if args.scheduler and args.engine != "dask":
            raise ValueError("--scheduler needs --engine dask")
        if args.engine == "dask":
            if args.against:
                raise ValueError("--against needs --engine local")
            result, summary, dask_checked = _check_with_dask(args, settings, ruleset, keep)
        else:
            result, summary = read_corpus(
                expand_paths(args.paths, settings), settings.lexicon_dirs, keep, jobs=args.jobs, quiet=args.quiet
            )
            dask_checked = None
    except (ConfigError, RuleError, LexiconError, SuppressionError, bl.BaselineError, ValueError) as exc:
        return _fail(exc)
    paths = keep.paths
    result.errors.extend(keep.problems)
    if dask_checked is not None:
        checked = dask_checked
    elif args.against:
        from checker.archive import Archive, ArchiveError, check_table_against

        try:
            with Archive(args.against, create=False) as archive:
                checked = check_table_against(result.table, archive, ruleset)
        except ArchiveError as exc:
            return _fail(f"--against {exc}")
    else:
        checked = check_claims(result.table, ruleset)

    findings = [f for f in checked.findings if not per_file_ignored(settings, f, paths)]
    match_documents(extra, paths, Path(args.suppressions or ".").parent)
    applied = apply_suppressions(findings, [*keep.suppressions, *extra], enabled)
    meta = [f for f in applied.about_suppressions if not per_file_ignored(settings, f, paths)]
    findings = _sorted([*applied.kept, *meta])

    baseline_file = args.write_baseline or args.baseline
    document_key = bl.document_key_for(baseline_file, paths) if baseline_file else str

    def key(finding: Finding) -> str:
        return bl.fingerprint(finding, document_key=document_key)

    if args.write_baseline:
        try:
            bl.write_baseline(args.write_baseline, bl.build_entries(findings, key, document_key))
        except bl.BaselineError as exc:
            return _fail(exc)
        print(f"claimcheck: wrote {len(findings)} findings to baseline {args.write_baseline}", file=sys.stderr)
        print_errors(result, summary, quiet=True)
        return exit_for_errors(result.errors)
    stale: dict[str, bl.Entry] = {}
    if baseline is not None:  # before --changed-since, so unchanged files' entries are not stale
        comparison = bl.compare(findings, baseline, key)
        findings, stale = comparison.new, comparison.stale
    if changed is not None:
        findings = [f for f in findings if bl.involves_changed(f, changed, paths)]
    checked.findings = findings
    locate_rows(findings, paths, keep.rows)

    _write_report(args.format, checked, result, list(paths), ruleset)
    for warning in checked.warnings:
        print(f"claimcheck: warning: {warning}", file=sys.stderr)
    if args.format != "text":
        print_errors(result, summary, args.quiet)
    elif not args.quiet:
        print(f"claimcheck: {summary}", file=sys.stderr)
    if stale and not args.quiet:
        print(f"claimcheck: {len(stale)} baseline entries no longer found (fixed or changed; "
              f"refresh with --write-baseline {args.baseline}):", file=sys.stderr)
        for fp, entry in stale.items():
            print(f"    {fp}: {entry.description}", file=sys.stderr)
    if exit_for_errors(result.errors) == EXIT_USAGE:
        return EXIT_USAGE
    return exit_code(findings, settings.fail_on)


def _sorted(findings: list[Finding]) -> list[Finding]:
    from checker.findings import sort_findings

    return sort_findings(findings)


def _write_report(fmt: str, checked: Any, result: CorpusResult, document_ids: list[str], ruleset: Any) -> None:
    from checker.report import formats

    counts = {"documents": result.documents, "claims": result.claim_count, "errors": result.errors}
    formats.write(fmt, sys.stdout, checked, **counts, ruleset=ruleset, document_ids=document_ids)


def run_config(args: argparse.Namespace) -> int:
    from checker.config import ConfigError, build_ruleset, describe

    try:
        settings = _settings(args)
        ruleset, _ = build_ruleset(settings)
    except (ConfigError, ValueError) as exc:
        return _fail(exc)
    sys.stdout.write(describe(settings, ruleset))
    return EXIT_OK


def run_rules(args: argparse.Namespace) -> int:
    from checker.config import ConfigError, build_ruleset
    from checker.suppress import SUPPRESSION_RULES, suppression_rule_explanation

    try:
        settings = _settings(args)
        ruleset, enabled = build_ruleset(settings)
    except (ConfigError, ValueError) as exc:
        return _fail(exc)
    if args.command == "rule":
        if args.rule_id in SUPPRESSION_RULES:
            print(suppression_rule_explanation(args.rule_id), end="")
        elif args.rule_id in ruleset.rules:
            print(ruleset[args.rule_id].explain())
        else:
            return _fail(f"unknown rule {args.rule_id!r}")
        return EXIT_OK
    for rule in sorted(ruleset.rules.values(), key=lambda r: r.id):
        state = "on " if rule.enabled else "off"
        print(f"{rule.id:<26} {state} {rule.severity:<8} {rule.summary}")
    for rule_id, summary in sorted(SUPPRESSION_RULES.items()):
        state = "on " if rule_id in enabled else "off"
        print(f"{rule_id:<26} {state} {'info':<8} {summary}")
    return EXIT_OK


def run_index(args: argparse.Namespace) -> int:
    from checker.archive import Archive, ArchiveError
    from checker.config import ConfigError, expand_paths
    from checker.lexicon import Lexicon, LexiconError, default_lexicon

    try:
        settings = _settings(args)
        lexicon = Lexicon.load(settings.lexicon_dirs) if settings.lexicon_dirs else default_lexicon()
        archive = Archive(args.db)
    except (ConfigError, LexiconError, ArchiveError, ValueError) as exc:
        return _fail(exc)
    with archive:
        documents = read_documents(expand_paths(args.paths, settings), stdin=sys.stdin)
        stats = archive.index(documents, batch_size=args.batch_size, lexicon=lexicon)
        stored_documents, stored_claims = archive.counts()
    for error in stats.errors:
        print(error, file=sys.stderr)
    if not args.quiet:
        print(f"claimcheck: {stats}; {args.db} holds {stored_documents} documents, {stored_claims} claims",
              file=sys.stderr)
    return exit_for_errors(stats.errors)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    commands = {
        "extract": run_extract,
        "check": run_check,
        "index": run_index,
        "config": run_config,
        "rules": run_rules,
        "rule": run_rules,
    }
    try:
        return commands[args.command](args)
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
