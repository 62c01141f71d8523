"""The Python API: the same claims and findings as the command line."""

from __future__ import annotations

from datetime import date

from dateutil import parser as date_parser

from checker.model import Claim, Document
from checker.pipeline import document_claims


def _as_date(published: date | str | None) -> date | None:
    if published is None or isinstance(published, date):
        return published
    return date_parser.isoparse(published).date() if "-" in published else date_parser.parse(published).date()


def extract(text: str, published: date | str | None = None, document: str = "<text>") -> list[Claim]:
    """Claims of one text. Without ``published``, relative dates stay unresolved."""
    return document_claims(Document(id=document, text=text, published=_as_date(published)))
