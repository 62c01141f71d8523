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

    _add_check_parser(commands)
    return parser


def _add_check_parser(commands: argparse._SubParsersAction) -> None:
    try:
        from checker.commands.check import add_parser
    except ImportError:  # the rule engine is optional while it is being built
        return
    add_parser(commands)


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


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "extract":
            return run_extract(args)
        return args.run(args)
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
