"""Render the HTML report of a corpus in headless Chromium and save a PNG.

For looking at the editors' page without a desktop browser, e.g. after
changing its CSS:

    python scripts/screenshot_html.py fixtures/corpus --out report.png
    python scripts/screenshot_html.py --html report.html --out report.png   # an existing page

Needs the ``chromium`` binary (Debian: ``apt-get install chromium``). The
page is loaded from a temporary file with networking off, which also shows
that it needs nothing from the network.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def report_html(paths: list[str]) -> str:
    """The HTML report of ``paths``, as ``claimcheck check --format html`` prints it."""
    from checker.cli import read_corpus
    from checker.engine import check_claims
    from checker.report.formats import render
    from checker.ruleset import RuleSet

    ruleset = RuleSet.load()
    result, _summary = read_corpus(paths, [])
    checked = check_claims(result.table, ruleset)
    return render(
        "html", checked, documents=result.documents, claims=len(result.claims), errors=result.errors, ruleset=ruleset
    )


def screenshot(html_file: Path, out: Path, width: int, height: int, browser: str) -> None:
    with tempfile.TemporaryDirectory() as profile:
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            f"--screenshot={out.resolve()}",
            f"--window-size={width},{height}",
            html_file.resolve().as_uri(),
        ]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="articles to check (files or directories)")
    parser.add_argument("--html", type=Path, help="screenshot this HTML file instead of checking articles")
    parser.add_argument("--out", type=Path, default=Path("report.png"), help="PNG to write (default: report.png)")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=2000)
    args = parser.parse_args(argv)
    browser = next((b for b in BROWSERS if shutil.which(b)), None)
    if browser is None:
        print("screenshot_html: error: no chromium binary found (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    if args.html is None and not args.paths:
        parser.error("give articles to check or --html FILE")
    with tempfile.TemporaryDirectory() as tmp:
        page = args.html
        if page is None:
            page = Path(tmp) / "report.html"
            page.write_text(report_html(args.paths), encoding="utf-8")
        elif not page.is_file():
            print(f"screenshot_html: error: --html {page}: no such file", file=sys.stderr)
            return 2
        try:
            screenshot(page, args.out, args.width, args.height, browser)
        except subprocess.CalledProcessError as exc:
            print(f"screenshot_html: error: {browser} failed: {exc.stderr.decode(errors='replace')[-500:]}", file=sys.stderr)
            return 1
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
