"""The ``claimcheck`` command line.

Exit codes, as linters use them: 0 clean, 1 findings at or above ``--fail-on``,
2 usage or input errors (the rest of the corpus is still processed first).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from checker import __version__
from checker.ingest import IngestSummary, read_documents
from checker.model import InputError
from checker.pipeline import CorpusResult, extract_corpus
from checker.report.claims import render_claims

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with one clear line
        self.print_usage(sys.stderr)
        print(f"claimcheck: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="claimcheck", description="Find quantitative claims that cannot both be true.")
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    extract = commands.add_parser("extract", help="print the normalized claims of articles")
    extract.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for standard input")
    extract.add_argument("--format", choices=("table", "json", "jsonl", "csv"), default="table")
    extract.add_argument("--lexicon", action="append", default=[], metavar="DIR", help="extra lexicon directory")
    extract.add_argument("--quiet", action="store_true", help="no summary on standard error")

    check = commands.add_parser("check", help="report claims that cannot both be true")
    check.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for standard input")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--fail-on", choices=("error", "warning", "info", "never"), default="warning",
                       help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--select", type=_id_list, default=None, metavar="IDS", help="run only these rules (comma-separated)")
    check.add_argument("--ignore", type=_id_list, default=None, metavar="IDS", help="do not run these rules")
    check.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra directory of rule files")
    check.add_argument("--set", action="append", default=[], metavar="RULE.PARAM=VALUE", dest="overrides",
                       help="override a rule parameter, e.g. rate-conflict.min_ratio=2")
    check.add_argument("--lexicon", action="append", default=[], metavar="DIR", help="extra lexicon directory")
    check.add_argument("--quiet", action="store_true", help="no summary on standard error")

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra directory of rule files")
    rule = commands.add_parser("rule", help="explain one rule, with examples")
    rule.add_argument("rule_id", metavar="ID")
    rule.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra directory of rule files")
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


def read_corpus(paths: Sequence[str], lexicon_dirs: Sequence[str]) -> tuple[CorpusResult, IngestSummary]:
    from checker.lexicon import Lexicon, default_lexicon

    lexicon = Lexicon.load(lexicon_dirs) if lexicon_dirs else default_lexicon()
    summary = IngestSummary()
    result = extract_corpus(read_documents(paths, stdin=sys.stdin, summary=summary), lexicon)
    summary.failed += result.failed
    return result, summary


def print_errors(result: CorpusResult, summary: IngestSummary, quiet: bool) -> None:
    for error in result.errors:
        print(error, file=sys.stderr)
    if not quiet:
        print(f"claimcheck: {summary}; {len(result.claims)} claims", file=sys.stderr)


def exit_for_errors(errors: list[InputError]) -> int:
    return EXIT_USAGE if any(e.severity == "error" for e in errors) else EXIT_OK


def run_extract(args: argparse.Namespace) -> int:
    from checker.lexicon import LexiconError

    try:
        result, summary = read_corpus(args.paths, args.lexicon)
    except LexiconError as exc:
        print(f"claimcheck: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(render_claims(result.table, args.format))
    print_errors(result, summary, args.quiet)
    return exit_for_errors(result.errors)


def run_check(args: argparse.Namespace) -> int:
    from checker.engine import check_claims, exit_code
    from checker.lexicon import LexiconError
    from checker.report.json import render_json
    from checker.report.text import render_text
    from checker.ruleset import RuleError, RuleSet

    try:
        ruleset = RuleSet.load(args.rules, _overrides(args.overrides), args.select, args.ignore)
        result, summary = read_corpus(args.paths, args.lexicon)
    except (RuleError, LexiconError, ValueError) as exc:
        print(f"claimcheck: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    checked = check_claims(result.table, ruleset)
    render = render_json if args.format == "json" else render_text
    sys.stdout.write(render(checked, documents=result.documents, claims=len(result.claims), errors=result.errors))
    for warning in checked.warnings:
        print(f"claimcheck: warning: {warning}", file=sys.stderr)
    if args.format != "text":
        print_errors(result, summary, args.quiet)
    elif not args.quiet:
        print(f"claimcheck: {summary}", file=sys.stderr)
    if exit_for_errors(result.errors) == EXIT_USAGE:
        return EXIT_USAGE
    return EXIT_OK if args.fail_on == "never" else exit_code(checked.findings, args.fail_on)


def run_rules(args: argparse.Namespace) -> int:
    from checker.ruleset import RuleError, RuleSet

    try:
        ruleset = RuleSet.load(args.rules)
        if args.command == "rule":
            print(ruleset[args.rule_id].explain())
            return EXIT_OK
    except (RuleError, KeyError) as exc:
        print(f"claimcheck: error: {exc if isinstance(exc, RuleError) else f'unknown rule {args.rule_id!r}'}", file=sys.stderr)
        return EXIT_USAGE
    for rule in sorted(ruleset.rules.values(), key=lambda r: r.id):
        state = "on " if rule.enabled else "off"
        print(f"{rule.id:<22} {state} {rule.severity:<8} {rule.summary}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    commands = {"extract": run_extract, "check": run_check, "rules": run_rules, "rule": run_rules}
    try:
        return commands[args.command](args)
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
