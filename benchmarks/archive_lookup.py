"""Checking one draft against a large claim archive.

    python benchmarks/archive_lookup.py [--articles 100000] [--templates 300] [--drafts 20] [--extract-all]

Builds an archive of generated articles (benchmarks/newsgen.py), then times
checking fresh drafts against it: the indexed look-up of related claims, and
the engine run over draft + those claims. The target is well under one second
per draft.

Extraction runs at about 50 articles a second on one core, so by default only
``--templates`` articles are really extracted; every other generated article
gets the claims of one of them (its own id and publication date), inserted
directly with ``Archive.store``. The printed output says which was done.
``--extract-all`` extracts every article through ``Archive.index`` instead.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsgen import articles  # noqa: E402

from checker.archive import DEFAULT_MAX_RELATED, Archive, check_table_against  # noqa: E402
from checker.model import Claim, Document  # noqa: E402
from checker.pipeline import claims_table, document_claims  # noqa: E402
from checker.ruleset import RuleSet  # noqa: E402


def documents(count: int, seed: int) -> Iterator[Document]:
    for row in articles(count, seed=seed):
        yield Document(id=row["id"], text=row["text"], published=date.fromisoformat(row["published"]))


def relabel(claims: list[Claim], document: Document) -> list[Claim]:
    """A template's claims as if extracted from ``document`` (id, claim ids, publication date)."""
    def own(claim_id: str | None) -> str | None:
        return f"{document.id}#{claim_id.rsplit('#', 1)[1]}" if claim_id else None

    published = document.published.isoformat() if document.published else None
    return [
        dataclasses.replace(c, document=document.id, claim_id=own(c.claim_id), part_of=own(c.part_of), published=published)
        for c in claims
    ]


def build(archive: Archive, count: int, templates: int, extract_all: bool, batch: int) -> str:
    if extract_all:
        stats = archive.index(documents(count, seed=7), batch_size=batch)
        return f"extracted all {stats.documents:,} articles through Archive.index"
    shapes = [document_claims(d) for d in documents(templates, seed=11)]
    pending: list[tuple[Document, list[Claim]]] = []
    for i, document in enumerate(documents(count, seed=7)):
        pending.append((document, relabel(shapes[i % templates], document)))
        if len(pending) == batch:
            archive.store(pending)
            pending.clear()
    if pending:
        archive.store(pending)
    return (f"extracted {templates:,} template articles; the claims of {count:,} generated articles "
            f"(each a template's claims with its own id and date) inserted directly with Archive.store")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--templates", type=int, default=300, help="articles really extracted (default 300)")
    parser.add_argument("--drafts", type=int, default=20, help="drafts to time (default 20)")
    parser.add_argument("--extract-all", action="store_true", help="extract every article (slow)")
    parser.add_argument("--batch", type=int, default=500, help="documents per transaction")
    parser.add_argument("--max-related", type=int, default=DEFAULT_MAX_RELATED,
                        help=f"archived claims compared per group of a draft claim (default {DEFAULT_MAX_RELATED})")
    parser.add_argument("--db", help="archive file to build or reuse (default: a temporary file)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        path = args.db or os.path.join(scratch, "archive.sqlite")
        with Archive(path) as archive:
            started = time.perf_counter()
            if archive.counts()[0] >= args.articles:
                how = f"reused {path}"
            else:
                how = build(archive, args.articles, args.templates, args.extract_all, args.batch)
            built = time.perf_counter() - started
            stored_documents, stored_claims = archive.counts()
            size_mb = sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p)) / 1e6
            print(f"archive:     {stored_documents:,} documents, {stored_claims:,} claims, {size_mb:,.0f} MB")
            print(f"build:       {built:,.1f} s ({how})")

            ruleset = RuleSet.load()
            drafts = [claims_table(document_claims(d)) for d in documents(args.drafts, seed=12345)]
            check_table_against(drafts[0], archive, ruleset)  # warm caches outside the timing
            lookups, checks, related, findings = [], [], [], 0
            for draft in drafts:
                started = time.perf_counter()
                found = archive.find_related(draft, max_related=args.max_related)
                lookups.append(time.perf_counter() - started)
                started = time.perf_counter()
                result = check_table_against(draft, archive, ruleset, max_related=args.max_related)
                checks.append(time.perf_counter() - started)
                related.append(len(found.records))
                findings += len(result.findings)
            print(f"drafts:      {len(drafts)}, {sum(map(len, drafts)) / len(drafts):.0f} claims each on average")
            print(f"related:     {statistics.median(related):,.0f} archived claims per draft (median), max {max(related):,}")
            print(f"look-up:     median {statistics.median(lookups) * 1000:,.0f} ms, max {max(lookups) * 1000:,.0f} ms")
            print(f"check:       median {statistics.median(checks) * 1000:,.0f} ms, max {max(checks) * 1000:,.0f} ms "
                  f"per draft (look-up + engine, extraction of the draft not included)")
            print(f"findings:    {findings:,} over {len(drafts)} drafts")


if __name__ == "__main__":
    main()
