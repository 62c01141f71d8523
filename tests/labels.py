"""Read the labelled fixture corpus: which claims each article must yield.

Labels live in ``fixtures/labels/claims-*.yaml`` (claims, non-claims and
boilerplate per article) and ``fixtures/labels/conflicts-*.yaml`` (expected
conflicts and look-alikes). A label names a figure by an exact substring of
the article text, so the test can locate it without trusting the extractor.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from checker.ingest import read_path
from checker.model import Document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "fixtures" / "corpus"
LABELS = ROOT / "fixtures" / "labels"


@dataclass(frozen=True)
class Span:
    document: Document
    start: int
    end: int
    text: str


@cache
def documents_of(file: str) -> tuple[Document, ...]:
    path = CORPUS / file
    return tuple(d for d in read_path(str(path)) if isinstance(d, Document))


def document(file: str, row_id: str | None = None) -> Document:
    docs = documents_of(file)
    if row_id is None:
        assert len(docs) == 1, f"{file}: expected one document, found {len(docs)}"
        return docs[0]
    for doc in docs:
        if doc.id == row_id or doc.id.endswith(str(row_id)):
            return doc
    raise AssertionError(f"{file}: no document with id {row_id}")


def locate(doc: Document, text: str, occurrence: int = 1) -> Span:
    """The ``occurrence``-th exact occurrence of ``text`` in the document."""
    pos = -1
    for _ in range(occurrence):
        pos = doc.text.find(text, pos + 1)
        assert pos >= 0, f"{doc.id}: label text {text!r} (occurrence {occurrence}) not in the article"
    return Span(doc, pos, pos + len(text), text)


def claim_files() -> list[Path]:
    return sorted(LABELS.glob("claims-*.yaml"))


def conflict_files() -> list[Path]:
    return sorted(LABELS.glob("conflicts-*.yaml"))


def article_labels() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for path in claim_files():
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            entries.append(entry)
    return entries


def conflict_labels() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    conflicts, look_alikes = [], []
    for path in conflict_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        conflicts.extend(data.get("conflicts") or [])
        look_alikes.extend(data.get("look_alikes") or [])
    return conflicts, look_alikes


def label_span(ref: dict[str, Any]) -> Span:
    doc = document(ref["file"], ref.get("id"))
    return locate(doc, ref["text"], ref.get("occurrence", 1))
