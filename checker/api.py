"""The Python API: the same claims and findings as the command line."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from dateutil import parser as date_parser

from checker.engine import check_claims
from checker.findings import Finding
from checker.ingest import read_documents
from checker.model import Claim, Document, InputError
from checker.pipeline import claims_table, document_claims
from checker.ruleset import RuleSet


def _as_date(published: date | str | None) -> date | None:
    if published is None or isinstance(published, date):
        return published
    return date_parser.isoparse(published).date() if "-" in published else date_parser.parse(published).date()


def extract(text: str, published: date | str | None = None, document: str = "<text>") -> list[Claim]:
    """Claims of one text. Without ``published``, relative dates stay unresolved."""
    return document_claims(Document(id=document, text=text, published=_as_date(published)))


def check(documents: Iterable[Document | str], ruleset: RuleSet | None = None) -> list[Finding]:
    """Findings over documents (``Document`` records, or paths of files and directories), as ``claimcheck check``
    reports them before suppressions and baselines. Unreadable paths raise ``ValueError``."""
    items: list[Document] = []
    for entry in documents:
        if isinstance(entry, Document):
            items.append(entry)
            continue
        for item in read_documents([str(entry)]):  # files and directories, as the CLI reads them
            if isinstance(item, InputError) and item.severity == "error":
                raise ValueError(str(item))
            if isinstance(item, Document):
                items.append(item)
    table = claims_table(claim for document in items for claim in document_claims(document))
    return check_claims(table, ruleset or RuleSet.load()).findings
