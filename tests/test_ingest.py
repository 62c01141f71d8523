"""Reading articles: formats, metadata, and clear errors for bad input."""

from __future__ import annotations

import io
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from checker.ingest import IngestSummary, parse_date, read_documents, read_path
from checker.model import Document, InputError

DATA = Path(__file__).parent / "data" / "ingest"


def documents(items) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def errors(items) -> list[InputError]:
    return [item for item in items if isinstance(item, InputError)]


def write(path: Path, content: str | bytes) -> str:
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return str(path)


# --- Markdown -----------------------------------------------------------------


def test_markdown_front_matter_gives_metadata_and_text_stays_the_whole_file():
    path = str(DATA / "shells.md")
    items = list(read_path(path))
    assert errors(items) == []
    [doc] = documents(items)
    assert doc.text == (DATA / "shells.md").read_text(encoding="utf-8")
    assert doc.format == "md"
    assert doc.id == path
    assert doc.published == date(2024, 10, 26)
    assert doc.title == "Pyongyang's artillery pipeline to Russia"
    assert doc.source == "Example Wire"
    assert doc.url == "https://news.example.com/world/shells"


def test_markdown_excludes_front_matter_code_block_and_comment():
    [doc] = documents(read_path(str(DATA / "shells.md")))
    excluded_text = [doc.text[start:end] for start, end in doc.excluded]
    assert excluded_text[0].startswith("---\ntitle:") and excluded_text[0].endswith("---\n")
    assert excluded_text[1].startswith("<!-- editor: check the 3,000 figure")
    assert excluded_text[2].startswith("```python") and excluded_text[2].endswith("```")
    assert "shells_per_year = 9_000_000" in excluded_text[2]
    prose_outside = "Analysts say North Korea supplies three million shells annually."
    assert not any(prose_outside in text for text in excluded_text)


def test_markdown_unclosed_fence_runs_to_end_of_file(tmp_path):
    path = write(tmp_path / "notes.md", "Officials counted 1,500 troops.\n\n~~~\nraw 3,000\n")
    [doc] = documents(read_path(path))
    assert doc.excluded == ((len("Officials counted 1,500 troops.\n\n"), len(doc.text)),)


def test_markdown_tilde_fence_is_not_closed_by_backticks(tmp_path):
    text = "~~~\n```\n100 missiles\n~~~\nAbout 3,000 are in training.\n"
    [doc] = documents(read_path(write(tmp_path / "a.md", text)))
    [(start, end)] = doc.excluded
    assert doc.text[start:end] == "~~~\n```\n100 missiles\n~~~"


def test_malformed_front_matter_warns_with_line_and_still_reads_the_article():
    path = str(DATA / "broken_front_matter.md")
    items = list(read_path(path))
    [warning] = errors(items)
    assert warning.severity == "warning"
    assert warning.path == path and warning.line == 4
    assert "front matter" in warning.message and "line 2" in warning.message
    [doc] = documents(items)
    assert doc.published is None and doc.title is None
    assert doc.text[doc.excluded[0][1] :] == "Officials said 1,500 soldiers had been sent.\n"


def test_unparseable_front_matter_date_warns_on_the_date_line(tmp_path):
    path = write(tmp_path / "a.md", "---\ntitle: Shells\npublished: last Tuesday\n---\nText.\n")
    items = list(read_path(path))
    [warning] = errors(items)
    assert (warning.line, warning.severity) == (3, "warning")
    assert "last Tuesday" in warning.message
    assert documents(items)[0].published is None


# --- HTML ---------------------------------------------------------------------


def test_html_keeps_article_text_and_drops_chrome_scripts_and_ads():
    [doc] = documents(read_path(str(DATA / "report.html")))
    assert doc.format == "html"
    assert doc.text.split("\n\n") == [
        "North Korea ships shells to Russia",
        "North Korea has supplied about eight million shells since August of last year, officials said.",
        "Analysts say North Korea supplies three million shells annually.",
        "Of 10,000 soldiers planned, 1,500 have been sent.",
        "About 3,000 are in training.",
    ]
    for noise in ("Deposit Bonus", "pageviews", "Markets", "employees", "12 things", "trackPageview"):
        assert noise not in doc.text


def test_html_metadata_from_meta_tags():
    [doc] = documents(read_path(str(DATA / "report.html")))
    assert doc.published == date(2024, 10, 26)
    assert doc.title == "North Korea ships shells to Russia"
    assert doc.url == "https://news.example.com/world/north-korea-shells"
    assert doc.source == "Example News"


@pytest.mark.parametrize(
    "head, body",
    [
        ('<meta name="date" content="Oct 26, 2024">', ""),
        ('<meta itemprop="datePublished" content="2024-10-26">', ""),
        ('<meta name="parsely-pub-date" content="2024-10-26T07:15:00-04:00">', ""),
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
            '[{"@type": "NewsArticle", "datePublished": "2024-10-26T08:00:00+09:00"}]}</script>',
            "",
        ),
        ("", '<p>By staff, <time datetime="2024-10-26">Saturday</time></p>'),
    ],
)
def test_html_publication_date_sources(tmp_path, head, body):
    page = f"<html><head>{head}</head><body>{body}<p>Officials said 1,500 troops left.</p></body></html>"
    [doc] = documents(read_path(write(tmp_path / "page.htm", page)))
    assert doc.published == date(2024, 10, 26)


def test_html_without_article_uses_body_and_unparseable_date_warns_with_source_line(tmp_path):
    page = (
        "<html>\n<head>\n"
        '<meta property="article:published_time" content="sometime in autumn">\n'
        "</head>\n<body><p>About   3,000 are\n in training.</p><p>Seoul said so.</p></body></html>"
    )
    items = list(read_path(write(tmp_path / "page.html", page)))
    [warning] = errors(items)
    assert (warning.line, warning.severity) == (3, "warning")
    [doc] = documents(items)
    assert doc.published is None
    assert doc.text == "About 3,000 are in training.\n\nSeoul said so."


# --- JSONL --------------------------------------------------------------------


def test_jsonl_reads_good_lines_and_names_the_bad_ones():
    path = str(DATA / "wire.jsonl")
    items = list(read_path(path))
    docs = documents(items)
    assert [(d.id, d.origin_line, d.published) for d in docs] == [
        ("wire-001", 1, date(2024, 10, 26)),
        ("wire-002", 2, date(2024, 10, 26)),
        ("wire-003", 5, date(2024, 10, 26)),
    ]
    assert docs[0].source == "Example Wire"
    assert docs[2].text == "Of 10,000 soldiers planned, 1,500 have already been sent."
    malformed, missing_text = errors(items)
    assert (malformed.path, malformed.line) == (path, 3)
    assert "malformed JSON" in malformed.message
    assert missing_text.line == 6 and "text" in missing_text.message


def test_jsonl_default_id_is_path_and_line(tmp_path):
    path = write(tmp_path / "feed.jsonl", '\n{"text": "Seoul said 100 missiles were sent."}\n')
    [doc] = documents(read_path(path))
    assert doc.id == f"{path}:2" and doc.origin_line == 2


def test_jsonl_rejects_non_object_lines_and_non_string_text(tmp_path):
    path = write(tmp_path / "feed.jsonl", '["not", "an", "object"]\n{"text": 42}\n')
    first, second = errors(read_path(path))
    assert first.line == 1 and "JSON object" in first.message
    assert second.line == 2 and "not a string" in second.message


# --- CSV ----------------------------------------------------------------------


def test_csv_quoted_multiline_text_and_row_start_lines():
    path = str(DATA / "feed.csv")
    items = list(read_path(path))
    assert errors(items) == []
    first, second = documents(items)
    assert first.id == "feed-1" and first.origin_line == 2 and first.title == "Shells"
    assert first.text == (
        "North Korea has supplied about eight million shells since August of last year.\n\n"
        "Analysts say it supplies three million shells annually."
    )
    assert (second.id, second.origin_line) == ("feed-2", 5)
    assert second.published == date(2024, 10, 26)
    assert second.format == "csv"


def test_csv_without_text_column_names_the_columns_it_has():
    path = str(DATA / "headlines.csv")
    [error] = list(read_path(path))
    assert isinstance(error, InputError) and error.severity == "error"
    assert error.path == path
    assert "'id', 'headline', 'published'" in error.message


def test_csv_crlf_semicolons_and_empty_text(tmp_path):
    content = 'Published;Body\r\n2024-10-26;"About 3,000 are\r\nin training."\r\n2024-10-27;\r\n'
    path = write(tmp_path / "export.csv", content)
    items = list(read_path(path))
    [doc] = documents(items)
    assert doc.text == "About 3,000 are\nin training."
    assert doc.id == f"{path}:2" and doc.published == date(2024, 10, 26)
    [error] = errors(items)
    assert error.line == 4 and "row skipped" in error.message


def test_csv_field_larger_than_the_csv_module_default(tmp_path):
    body = "Officials said 1,500 troops were sent. " * 5000  # ~195 KB in one field
    [doc] = documents(read_path(write(tmp_path / "big.csv", f'text\n"{body}"\n')))
    assert doc.text == body


# --- bad input ----------------------------------------------------------------


def test_binary_file_is_an_error_not_a_traceback(tmp_path):
    path = write(tmp_path / "scan.txt", b"%PDF-1.7\n\x00\x01\x02binary")
    [error] = list(read_path(path))
    assert isinstance(error, InputError) and error.path == path
    assert "binary" in error.message


def test_utf16_file_is_named_as_such(tmp_path):
    path = write(tmp_path / "story.txt", "Seoul said 1,500.".encode("utf-16"))
    [error] = list(read_path(path))
    assert "UTF-16" in error.message


def test_invalid_utf8_reports_line_and_column(tmp_path):
    raw = "Line one.\nPrices rose 5 ".encode() + b"\xe9" + b"today.\n"  # Latin-1 e-acute
    path = write(tmp_path / "latin1.txt", raw)
    [error] = list(read_path(path))
    assert (error.path, error.line, error.severity) == (path, 2, "error")
    assert "UTF-8" in error.message and "column 15" in error.message and "skipped" in error.message


def test_utf8_bom_is_dropped_and_crlf_normalized(tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbfAbout 3,000 are in training.\r\nSeoul said so.\r\n")
    [doc] = list(read_path(path))
    assert doc.text == "About 3,000 are in training.\nSeoul said so.\n"


def test_empty_file_is_a_warning_and_counts_as_skipped(tmp_path):
    path = write(tmp_path / "empty.txt", "  \n")
    summary = IngestSummary()
    [warning] = list(read_documents([path], summary=summary))
    assert warning.severity == "warning" and "empty" in warning.message
    assert (summary.read, summary.skipped, summary.failed) == (0, 1, 0)


def test_missing_path_is_an_error(tmp_path):
    missing = str(tmp_path / "nope.txt")
    [error] = list(read_documents([missing]))
    assert error == InputError(missing, "no such file or directory")
    assert str(error) == f"{missing}: error: no such file or directory"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files whatever their mode")
def test_unreadable_file_and_directory(tmp_path):
    locked = tmp_path / "locked.txt"
    write(locked, "Officials said 1,500 troops left.")
    locked_dir = tmp_path / "locked_dir"
    locked_dir.mkdir()
    locked.chmod(0)
    locked_dir.chmod(0)
    try:
        file_error, dir_error = list(read_documents([str(locked), str(locked_dir)]))
    finally:
        locked.chmod(0o644)
        locked_dir.chmod(0o755)
    assert file_error.path == str(locked) and "permission denied" in file_error.message
    assert dir_error.path == str(locked_dir) and "cannot read directory" in dir_error.message


def test_explicit_unknown_extension_is_read_as_text(tmp_path):
    path = write(tmp_path / "story.log", "Seoul said 100 missiles were shipped.")
    [doc] = list(read_path(path))
    assert doc.format == "txt" and doc.text == "Seoul said 100 missiles were shipped."


def test_large_article_is_read_whole(tmp_path):
    paragraph = "North Korea has supplied about eight million shells since August of last year.\n\n"
    text = paragraph * (20_000_000 // len(paragraph))
    [doc] = list(read_path(write(tmp_path / "long.txt", text)))
    assert len(doc.text) == len(text) and doc.text.endswith(paragraph)


# --- directories and stdin ----------------------------------------------------


def test_directory_walk_reads_good_files_reports_bad_ones_and_tallies(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA, corpus)
    write(corpus / "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(corpus / "latin1.txt", b"Caf\xe9 prices rose 5%.")
    write(corpus / "empty.md", "")
    write(corpus / "photo.jpg", b"\xff\xd8\xff")
    write(corpus / ".draft.txt", "Hidden draft with 99 figures.")
    (corpus / ".git").mkdir()
    write(corpus / ".git" / "notes.txt", "Not an article.")
    (corpus / "archive").mkdir()
    write(corpus / "archive" / "old.txt", "In 2023, about 3,000 soldiers trained.")

    summary = IngestSummary()
    items = list(read_documents([str(corpus)], summary=summary))

    assert [Path(d.path).name for d in documents(items)] == [
        "old.txt",
        "broken_front_matter.md",
        "feed.csv",
        "feed.csv",
        "report.html",
        "shells.md",
        "wire.jsonl",
        "wire.jsonl",
        "wire.jsonl",
    ]
    failed = {(Path(e.path).name, e.line) for e in errors(items) if e.severity == "error"}
    assert failed == {
        ("binary.txt", None),
        ("headlines.csv", 1),
        ("latin1.txt", 1),
        ("wire.jsonl", 3),
        ("wire.jsonl", 6),
    }
    assert (summary.read, summary.skipped, summary.failed) == (9, 2, 5)  # empty.md, photo.jpg
    assert len(summary.errors) == 7  # the failures plus two warnings
    assert str(summary) == "9 documents read, 2 skipped, 5 failed"
    assert not any(".draft" in (d.path or "") or ".git" in (d.path or "") for d in documents(items))


def test_stdin_is_read_as_plain_text():
    stream = io.StringIO("North Korea supplies three million shells annually.\r\n")
    [doc] = list(read_documents(["-"], stdin=stream))
    assert doc.id == "<stdin>" and doc.format == "txt"
    assert doc.text == "North Korea supplies three million shells annually.\n"


def test_stdin_bytes_are_decoded_like_a_file():
    stream = io.TextIOWrapper(io.BytesIO(b"Caf\xe9 prices rose 5%."), encoding="utf-8")
    [error] = list(read_documents(["-"], stdin=stream))
    assert error.path == "<stdin>" and error.line == 1 and "UTF-8" in error.message


# --- dates --------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    ["2024-10-26", "2024-10-26T08:00:00Z", "2024-10-26T23:30:00-05:00", "Oct 26, 2024",
     "26 October 2024", "Saturday, October 26, 2024", date(2024, 10, 26)],
)
def test_parse_date_common_forms(written):
    assert parse_date(written) == date(2024, 10, 26)


@pytest.mark.parametrize("written", ["October 2024", "26 October", "soon", "2024-13-45"])
def test_parse_date_never_fills_in_from_today(written):
    with pytest.raises(ValueError):
        parse_date(written)


@pytest.mark.parametrize("blank", [None, "", "   "])
def test_parse_date_blank_is_unknown(blank):
    assert parse_date(blank) is None
