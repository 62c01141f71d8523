"""Read articles from files, directories and stdin into ``Document`` records.

Formats are chosen by extension: ``.txt``, ``.md``/``.markdown``, ``.html``/``.htm``,
``.jsonl`` and ``.csv``. Every user mistake (missing file, binary data, bad UTF-8,
a malformed JSONL line, an unparseable date) becomes an ``InputError`` naming the
file and, where there is one, the line; reading carries on with the rest.

Text is decoded as UTF-8 (a leading BOM is dropped) and line endings are
normalized to ``"\\n"`` ("\\r\\n" and lone "\\r"), so that offsets, lines and
columns agree with what an editor shows. For ``.txt`` and ``.md`` the document
text is otherwise the file exactly as written.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TextIO

import yaml
from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from dateutil import parser as date_parser

from checker import yamltext
from checker.model import Document, InputError

READABLE_EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".csv": "csv",
}
STDIN_NAME = "<stdin>"

# Field names accepted in JSONL objects and CSV headers, in order of preference.
TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("published", "date")

_BINARY_SNIFF_BYTES = 8192


@dataclass(frozen=True, slots=True)
class _Skipped:
    """Marks a file skipped on purpose (empty, or not a format we read)."""

    path: str
    reason: InputError | None = None


Item = Document | InputError


@dataclass(slots=True)
class IngestSummary:
    """Tally for the closing line "N documents read, N skipped, N failed".

    ``failed`` counts errors (a file or row that could not be read); warnings
    (document read with a caveat) are kept in ``errors`` but not counted.
    """

    read: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[InputError] = field(default_factory=list)

    def record(self, item: Item) -> None:
        if isinstance(item, Document):
            self.read += 1
            return
        self.errors.append(item)
        if item.severity == "error":
            self.failed += 1

    def __str__(self) -> str:
        noun = "document" if self.read == 1 else "documents"
        return f"{self.read} {noun} read, {self.skipped} skipped, {self.failed} failed"


def read_documents(
    paths: Iterable[str],
    stdin: TextIO | None = None,
    summary: IngestSummary | None = None,
) -> Iterator[Item]:
    """Yield documents and input errors for files, directories and ``-`` (stdin).

    Directories are walked recursively in sorted order, skipping hidden entries;
    only known extensions are read there, other files count as skipped. A file
    named explicitly is read whatever its extension (unknown ones as text).
    Pass ``summary`` to have it tally what was read, skipped and failed.
    """
    for path in paths:
        if path == "-":
            items = _read_stdin(stdin if stdin is not None else sys.stdin)
        elif os.path.isdir(path):
            items = _walk(path)
        else:
            items = _read_file(path)
        for item in items:
            if isinstance(item, _Skipped):
                if summary is not None:
                    summary.skipped += 1
                item = item.reason
                if item is None:
                    continue
                if summary is not None:
                    summary.errors.append(item)
            elif summary is not None:
                summary.record(item)
            yield item


def read_path(path: str) -> Iterator[Item]:
    """Yield the documents of one file (several for JSONL and CSV) and its errors."""
    for item in _read_file(path):
        if isinstance(item, _Skipped):
            if item.reason is not None:
                yield item.reason
        else:
            yield item


# --- files and directories -------------------------------------------------


def walk_files(directory: str) -> Iterator[tuple[str, str, str]]:
    """A directory tree as claimcheck reads it: sorted, hidden entries left out.

    Yields ``("read", path, "")`` for readable articles, ``("skip", path, "")``
    for other files and ``("unreadable", directory, reason)``; shared by the
    local reader and the Dask engine so both see the same corpus.
    """
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield "unreadable", directory, _reason(error)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(directory, entry.name)
        if entry.is_dir(follow_symlinks=False):
            yield from walk_files(path)
        elif entry.is_file() and _extension(path) in READABLE_EXTENSIONS:
            yield "read", path, ""
        else:
            yield "skip", path, ""


def _walk(directory: str) -> Iterator[Item | _Skipped]:
    for kind, path, reason in walk_files(directory):
        if kind == "read":
            yield from _read_file(path)
        elif kind == "skip":
            yield _Skipped(path)
        else:
            yield InputError(path, f"cannot read directory: {reason}")


def _read_file(path: str) -> Iterator[Item | _Skipped]:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        yield InputError(path, "no such file or directory")
        return
    except OSError as error:
        yield InputError(path, f"cannot read file: {_reason(error)}")
        return
    text = _decode(path, data)
    if isinstance(text, InputError):
        yield text
        return
    yield from _parse(path, text, READABLE_EXTENSIONS.get(_extension(path), "txt"))


def _read_stdin(stdin: TextIO) -> Iterator[Item | _Skipped]:
    buffer = getattr(stdin, "buffer", None)
    try:
        raw = buffer.read() if buffer is not None else stdin.read()
    except (OSError, UnicodeDecodeError) as error:
        yield InputError(STDIN_NAME, f"cannot read standard input: {error}")
        return
    text = _decode(STDIN_NAME, raw) if isinstance(raw, bytes) else _normalize_newlines(raw)
    if isinstance(text, InputError):
        yield text
        return
    yield from _parse(STDIN_NAME, text, "txt")


def _parse(path: str, text: str, fmt: str) -> Iterator[Item | _Skipped]:
    if not text.strip():
        yield _Skipped(path, InputError(path, "empty file, skipped", severity="warning"))
        return
    yield from _PARSERS[fmt](path, text)


def _decode(path: str, data: bytes) -> str | InputError:
    """UTF-8 text with newlines normalized, or an error saying where decoding failed."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return InputError(path, "file is UTF-16 encoded; save it as UTF-8, file skipped")
    if b"\x00" in data[:_BINARY_SNIFF_BYTES]:
        return InputError(path, "binary file (contains NUL bytes), file skipped")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        bad = data[error.start : error.start + 1].hex()
        return InputError(
            path,
            f"not valid UTF-8 (byte 0x{bad} at column {column}); save it as UTF-8, file skipped",
            line=line,
        )
    return _normalize_newlines(text)


def _normalize_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _extension(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


# --- dates -----------------------------------------------------------------

# Two far-apart defaults: a field dateutil had to fill in differs between them.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))


def parse_date(value: object) -> date | None:
    """A publication date from YAML, JSON, CSV or HTML; None when blank.

    Raises ValueError for text that is not a complete date: a missing day or
    year is never filled in from today.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        first, second = (date_parser.parse(text, default=default) for default in _DEFAULTS)
    except (ValueError, OverflowError):
        raise ValueError(f"unparseable date {text!r}") from None
    if first.date() != second.date():
        raise ValueError(f"incomplete date {text!r} (needs day, month and year)")
    return first.date()


def _dated(path: str, value: object, line: int | None) -> tuple[date | None, InputError | None]:
    try:
        return parse_date(value), None
    except ValueError as error:
        return None, InputError(path, f"{error}; publication date left unknown", line, "warning")


# --- plain text and Markdown -------------------------------------------------


def _parse_txt(path: str, text: str) -> Iterator[Item]:
    yield Document(id=path, text=text, path=path, format="txt")


_FRONT_MATTER_OPEN = re.compile(r"---[ \t]*\n")
_FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_FENCE_OR_COMMENT = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)|<!--", re.M)


def _parse_markdown(path: str, text: str) -> Iterator[Item]:
    meta, front_matter_end, warning = _front_matter(path, text)
    if warning is not None:
        yield warning
    excluded = ([(0, front_matter_end)] if front_matter_end else []) + _code_and_comments(
        text, front_matter_end
    )
    date_line = _key_line(text[:front_matter_end], DATE_FIELDS)
    published, date_warning = _dated(path, _first(meta, DATE_FIELDS), date_line)
    if date_warning is not None:
        yield date_warning
    yield Document(
        id=_string(meta.get("id")) or path,
        text=text,
        published=published,
        path=path,
        format="md",
        title=_string(meta.get("title")),
        source=_string(meta.get("source")),
        url=_string(meta.get("url")),
        excluded=tuple(excluded),
    )


def _front_matter(path: str, text: str) -> tuple[dict, int, InputError | None]:
    """Metadata, end offset of the front matter block (0 if none) and any warning."""
    opening = _FRONT_MATTER_OPEN.match(text)
    if opening is None:
        return {}, 0, None
    closing = _FRONT_MATTER_CLOSE.search(text, opening.end())
    if closing is None:
        return {}, 0, InputError(path, "front matter opened with '---' is never closed", 1, "warning")
    end = min(closing.end() + 1, len(text))
    try:
        meta = yamltext.load(text[opening.end() : closing.start()])
    except yaml.YAMLError as error:
        return {}, end, InputError(path, _yaml_problem(error), _yaml_line(error, "problem_mark"), "warning")
    if meta is None:
        return {}, end, None
    if not isinstance(meta, dict):
        message = "front matter is not a set of 'key: value' lines; read without metadata"
        return {}, end, InputError(path, message, 2, "warning")
    return {str(key).lower(): value for key, value in meta.items()}, end, None


def _yaml_line(error: yaml.YAMLError, mark_name: str) -> int:
    mark = getattr(error, mark_name, None)
    return mark.line + 2 if mark is not None else 1  # +1 for 1-based, +1 for the opening "---"


def _yaml_problem(error: yaml.YAMLError) -> str:
    problem = getattr(error, "problem", None) or "invalid YAML"
    context = getattr(error, "context", None)
    if context and getattr(error, "context_mark", None) is not None:
        problem = f"{context} on line {_yaml_line(error, 'context_mark')}, {problem}"
    return f"malformed front matter ({problem}); read without metadata"


def _code_and_comments(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of fenced code blocks and HTML comments; unclosed ones run to the end."""
    spans = []
    position = start
    while (found := _FENCE_OR_COMMENT.search(text, position)) is not None:
        fence = found.group("fence")
        if fence is None:
            close = text.find("-->", found.end())
            end = len(text) if close == -1 else close + 3
        elif fence[0] == "`" and "`" in found.group("info"):
            position = found.end()  # not a fence: "```" with a backtick after it
            continue
        else:
            closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M)
            closed = closing.search(text, found.end())
            end = len(text) if closed is None else closed.end()
        spans.append((found.start(), end))
        position = max(end, found.end())
    return spans


def _key_line(front_matter: str, keys: tuple[str, ...]) -> int | None:
    for key in keys:
        found = re.search(rf"^{key}[ \t]*:", front_matter, re.M | re.I)
        if found:
            return front_matter.count("\n", 0, found.start()) + 1
    return None


# --- HTML --------------------------------------------------------------------

_DROPPED_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template")
_DROPPED_ROLES = {"navigation", "banner", "contentinfo", "complementary"}
# Class or id of an advertising slot: "ad", "ad-slot", "advertisement", "sponsored-content".
_AD_NAME = re.compile(r"(?:^|[\s_-])(?:ads?|advert\w*|sponsor\w*|promo\w*)(?:$|[\s_-])", re.I)
_BLOCK_TAGS = frozenset(
    "address article blockquote br caption dd div dl dt figcaption figure h1 h2 h3 h4 h5 h6 hr "
    "li main ol p pre section table tbody td tfoot th thead tr ul".split()
)
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "pubdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
)
_SPACES = re.compile(r"\s+")


def _parse_html(path: str, text: str) -> Iterator[Item]:
    soup = BeautifulSoup(text, "html.parser")
    raw_date, date_line = _html_date(soup)
    published, warning = _dated(path, raw_date, date_line)
    if warning is not None:
        yield warning
    title = _meta_content(soup, "og:title") or (
        soup.title.get_text(" ", strip=True) if soup.title else None
    )
    canonical = soup.find("link", rel="canonical")
    url = (canonical.get("href") if canonical else None) or _meta_content(soup, "og:url")
    for tag in soup.find_all(_is_boilerplate):
        if not tag.decomposed:
            tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    body, directives = _html_text(root)
    yield Document(
        id=path,
        text=body,
        excluded=directives,
        published=published,
        path=path,
        format="html",
        title=title or None,
        source=_meta_content(soup, "og:site_name"),
        url=_string(url),
    )


def _is_boilerplate(tag: Tag) -> bool:
    """Site chrome, hidden elements and ad slots; an article's own <header> (headline) stays."""
    if tag.name in _DROPPED_TAGS:
        return not (tag.name == "header" and tag.find_parent("article") is not None)
    if tag.has_attr("hidden") or "display:none" in str(tag.get("style", "")).replace(" ", ""):
        return True
    if tag.get("aria-hidden") == "true" or tag.get("role") in _DROPPED_ROLES:
        return True
    names = " ".join(tag.get("class") or []) + " " + str(tag.get("id") or "")
    return bool(_AD_NAME.search(names))


def _html_text(root: Tag) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Visible text, one block per paragraph/heading/list item, blank line between.

    A ``<!-- claimcheck: ... -->`` comment is kept as a block of its own, where
    it stood, so inline suppressions work in HTML as in Markdown; its span is
    returned as excluded (not prose)."""
    blocks: list[str] = []
    directive_blocks: set[int] = set()
    current: list[str] = []

    def flush() -> None:
        block = _SPACES.sub(" ", "".join(current)).strip()
        if block:
            blocks.append(block)
        current.clear()

    # Iterative walk: deeply nested pages must not hit the recursion limit.
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, Tag):
            if node.name in _BLOCK_TAGS:
                flush()
            if not leaving:
                stack.append((node, True))
                stack.extend((child, False) for child in reversed(node.contents))
        elif type(node) is NavigableString:  # skips other comments, CDATA, doctype
            current.append(str(node))
        elif isinstance(node, Comment) and str(node).strip().startswith("claimcheck:"):
            flush()
            directive_blocks.add(len(blocks))
            blocks.append(f"<!-- {_SPACES.sub(' ', str(node)).strip()} -->")
    flush()
    excluded, offset = [], 0
    for index, block in enumerate(blocks):
        if index in directive_blocks:
            excluded.append((offset, offset + len(block)))
        offset += len(block) + 2
    return "\n\n".join(blocks), tuple(excluded)


def _html_date(soup: BeautifulSoup) -> tuple[str | None, int | None]:
    """The publication date as written, and the source line it came from."""
    by_name: dict[str, Tag] = {}
    for meta in soup.find_all("meta", content=True):
        for attribute in ("property", "name", "itemprop"):
            name = str(meta.get(attribute) or "").lower()
            if name:
                by_name.setdefault(name, meta)
    for name in _DATE_META:
        if name in by_name:
            return str(by_name[name]["content"]), by_name[name].sourceline
    for script in soup.find_all("script", type="application/ld+json"):
        found = _json_ld_date(script.string or "")
        if found:
            return found, script.sourceline
    for tag in soup.find_all(itemprop="datePublished"):
        value = tag.get("datetime") or tag.get("content") or tag.get_text(strip=True)
        if value:
            return str(value), tag.sourceline
    time = soup.find("time", datetime=True)
    if time is not None:
        return str(time["datetime"]), time.sourceline
    return None, None


def _json_ld_date(source: str) -> str | None:
    try:
        data = json.loads(source)
    except ValueError:
        return None
    pending = [data]
    while pending:
        item = pending.pop(0)
        if isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                return item["datePublished"]
            pending.extend(value for value in item.values() if isinstance(value, (dict, list)))
    return None


def _meta_content(soup: BeautifulSoup, name: str) -> str | None:
    meta = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    return _string(meta.get("content")) if meta else None


# --- JSONL and CSV -------------------------------------------------------------


def _parse_jsonl(path: str, text: str) -> Iterator[Item]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            yield InputError(path, f"malformed JSON ({error.msg}, column {error.colno})", number)
            continue
        if not isinstance(record, dict):
            yield InputError(path, "expected a JSON object per line", number)
            continue
        yield from _record_document(path, record, number, "jsonl")


def _parse_csv(path: str, text: str) -> Iterator[Item]:
    delimiter = _csv_delimiter(text.split("\n", 1)[0])
    if csv.field_size_limit() < len(text):
        csv.field_size_limit(min(len(text) + 1, 2**31 - 1))  # whole articles in one field
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip().lower() for name in next(reader)]
    except (StopIteration, csv.Error) as error:
        yield InputError(path, f"cannot read CSV header: {error}", 1)
        return
    if not any(name in header for name in TEXT_FIELDS):
        columns = ", ".join(repr(name) for name in header if name) or "none"
        wanted = " or ".join(repr(name) for name in TEXT_FIELDS)
        yield InputError(path, f"no {wanted} column (columns: {columns}), file skipped", 1)
        return
    row_start = reader.line_num + 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                if len(row) > len(header):
                    message = f"{len(row)} fields but the header has {len(header)}; extra fields ignored"
                    yield InputError(path, message, row_start, "warning")
                yield from _record_document(path, dict(zip(header, row)), row_start, "csv")
            row_start = reader.line_num + 1
    except csv.Error as error:
        yield InputError(path, f"malformed CSV ({error}); rest of file skipped", row_start)


def _csv_delimiter(header_line: str) -> str:
    """Comma, unless the header is plainly semicolon- or tab-separated."""
    for candidate in (",", ";", "\t"):
        if candidate in header_line:
            return candidate
    return ","


def _record_document(path: str, record: Mapping, line: int, fmt: str) -> Iterator[Item]:
    record = {str(key).lower(): value for key, value in record.items()}
    text = _first(record, TEXT_FIELDS)
    if not isinstance(text, str) or not text.strip():
        problem = "is missing or empty" if text is None or isinstance(text, str) else "is not a string"
        unit = "row" if fmt == "csv" else "line"
        yield InputError(path, f"article text ({'/'.join(TEXT_FIELDS)}) {problem}, {unit} skipped", line)
        return
    published, warning = _dated(path, _first(record, DATE_FIELDS), line)
    if warning is not None:
        yield warning
    yield Document(
        id=_string(record.get("id")) or f"{path}:{line}",
        text=_normalize_newlines(text),
        published=published,
        path=path,
        format=fmt,
        title=_string(record.get("title")),
        source=_string(record.get("source")),
        url=_string(record.get("url")),
        origin_line=line,
        suppress=_string(record.get("suppress")),
    )


def _first(record: Mapping, keys: tuple[str, ...]) -> object:
    for key in keys:
        if record.get(key) not in (None, ""):
            return record[key]
    return None


def _string(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


_PARSERS = {
    "txt": _parse_txt,
    "md": _parse_markdown,
    "html": _parse_html,
    "jsonl": _parse_jsonl,
    "csv": _parse_csv,
}
