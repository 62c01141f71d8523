"""Extraction and normalization throughput on one core.

    python benchmarks/extract_speed.py [--megabytes 10] [--corpus generated|reporting|fixtures] [--profile] [--stages]

Runs segment, extract and normalize over news-like text in this process, and
prints KB/s, articles/s, claims and peak memory. The target is at least
2 MB/s per core. Three corpora, since throughput depends on how dense the
figures are:

* ``generated`` (default): articles from benchmarks/newsgen.py, where nearly
  every sentence carries a figure (about one claim per 60 bytes): a stress test;
* ``reporting``: newsgen articles where most sentences are narrative without
  claims, as in real reporting (about one claim per 320 bytes, like the real
  article behind the seed fixture);
* ``fixtures``: the hand-written fixture articles (fixtures/corpus), read
  through ingest and repeated until the size is reached (about one claim per
  120 bytes). Nothing is cached across documents, so repeating them costs what
  new articles of the same shape would.

Throughput is given for wall time and for CPU time: on a busy machine the
wall figure drops while the CPU figure stays put, so compare CPU figures
across runs. ``--stages`` also times each stage on its own (segment,
mentions, time, context, normalize) by calling the stage functions directly,
each on the previous stage's output, to show where the time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import pstats
import resource
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"

from newsgen import REPORTING_PROSE, articles  # noqa: E402

from checker.extraction import article_currency, boilerplate_paragraphs, extract_drafts, sentence_times  # noqa: E402
from checker.extraction.article import DocumentContext  # noqa: E402
from checker.extraction.context import describe  # noqa: E402
from checker.extraction.cues import default_cues  # noqa: E402
from checker.extraction.quantities import find_mentions  # noqa: E402
from checker.ingest import read_documents  # noqa: E402
from checker.lexicon import default_lexicon  # noqa: E402
from checker.model import Document, LineIndex  # noqa: E402
from checker.pipeline import document_claims, normalize_draft  # noqa: E402
from checker.segment import split_sentences  # noqa: E402


def generated_documents(prose: float = 0.0) -> Iterator[Document]:
    for row in articles(10**9, prose=prose):
        yield Document(id=row["id"], text=row["text"], published=date.fromisoformat(row["published"]))


def fixture_documents() -> Iterator[Document]:
    fixtures = [d for d in read_documents([str(FIXTURES)]) if isinstance(d, Document)]
    for copy in itertools.count():
        for document in fixtures:
            yield replace(document, id=f"{document.id}~{copy}")


def corpus(megabytes: float, kind: str = "generated") -> list[Document]:
    """Documents of the chosen kind until ``megabytes`` of text are reached."""
    if kind == "fixtures":
        source = fixture_documents()
    else:
        source = generated_documents(REPORTING_PROSE if kind == "reporting" else 0.0)
    docs, size = [], 0
    for document in source:
        docs.append(document)
        size += len(document.text.encode())
        if size >= megabytes * 1_000_000:
            break
    return docs


def _timed(run: Callable[[], object]) -> float:
    """CPU seconds of one call."""
    started = time.process_time()
    run()
    return time.process_time() - started


def stage_seconds(docs: list[Document]) -> dict[str, float]:
    """CPU seconds per stage, each stage fed the previous stage's (precomputed) output.

    The stages are the ones ``checker.extraction.extract_drafts`` and
    ``checker.pipeline.document_claims`` chain together; document-level
    preparation (article currency, advertising paragraphs, the names the
    article uses) is counted with the stage that needs it.
    """
    lexicon, cues = default_lexicon(), default_cues()
    seconds: dict[str, float] = {}

    seconds["segment"] = _timed(lambda: [split_sentences(d) for d in docs])
    sentences = [split_sentences(d) for d in docs]

    def mentions() -> list:
        out = []
        for doc, doc_sentences in zip(docs, sentences, strict=True):
            hint = article_currency(doc.text)
            out.append([(s, find_mentions(s.text, hint)) for s in doc_sentences])
        return out

    seconds["mentions"] = _timed(mentions)
    found = [[(s, m) for s, m in doc_found if m] for doc_found in mentions()]

    seconds["time"] = _timed(lambda: [[sentence_times(s.text, d.published) for s, _ in f] for d, f in zip(docs, found)])
    times = [[sentence_times(s.text, d.published) for s, _ in f] for d, f in zip(docs, found)]

    def context() -> None:
        for doc, doc_found, doc_times in zip(docs, found, times, strict=True):
            document_context = DocumentContext.read(doc.text, doc.title, lexicon)
            may_advertise = cues.may_advertise(doc.text)
            spans = boilerplate_paragraphs(doc.text, cues) if may_advertise else []
            for (sentence, sentence_mentions), these_times in zip(doc_found, doc_times, strict=True):
                boilerplate = any(s <= sentence.start < e for s, e in spans)
                describe(sentence.text, sentence_mentions, these_times, lexicon, cues, None, document_context,
                         boilerplate=boilerplate, offset=sentence.start, article_may_advertise=may_advertise)

    seconds["context"] = _timed(context)
    drafts = [extract_drafts(d, lexicon, cues) for d in docs]

    def normalize() -> None:
        for doc, doc_drafts in zip(docs, drafts, strict=True):
            lines = LineIndex(doc.text)
            for draft in doc_drafts:
                normalize_draft(doc, draft, lines)

    seconds["normalize"] = _timed(normalize)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--corpus", choices=("generated", "reporting", "fixtures"), default="generated",
                        help="generated articles (dense figures), generated at the density of real reporting, "
                             "or the fixture articles repeated")
    parser.add_argument("--profile", action="store_true", help="print the 25 costliest functions")
    parser.add_argument("--stages", action="store_true", help="also time each stage on its own")
    args = parser.parse_args()
    docs = corpus(args.megabytes, args.corpus)
    size = sum(len(d.text.encode()) for d in docs)
    document_claims(docs[0])  # warm caches (registry, lexicon, regexes) outside the timing
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    started, started_cpu = time.perf_counter(), time.process_time()
    claims = sum(len(document_claims(d)) for d in docs)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    if profiler:
        profiler.disable()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"text:        {size / 1e6:.1f} MB in {len(docs):,} articles ({args.corpus})")
    print(f"claims:      {claims:,} (one per {size / max(claims, 1):,.0f} bytes)")
    print(f"time:        {elapsed:.2f} s wall, {cpu:.2f} s CPU (one core)")
    print(f"throughput:  {size / 1e3 / elapsed:,.0f} KB/s wall, {len(docs) / elapsed:,.0f} articles/s")
    print(f"             {size / 1e3 / cpu:,.0f} KB/s CPU")
    print(f"peak memory: {peak_mb:,.0f} MB (RSS, includes the generated corpus)")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    if args.stages:
        seconds = stage_seconds(docs)
        total = sum(seconds.values())
        print(f"stages (CPU, each on its own; total {total:.2f} s):")
        for name, spent in seconds.items():
            print(f"  {name:<10} {spent:7.2f} s  {spent / total:6.1%}  {size / 1e3 / spent:10,.0f} KB/s")


if __name__ == "__main__":
    main()
