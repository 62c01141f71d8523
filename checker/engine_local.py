"""Extraction over a process pool, streaming: many cores, bounded memory.

Documents are pulled lazily from the ingest stream and sent to worker
processes in small chunks, with a bounded number of chunks in flight, so
memory grows with the claims kept, not with the text read. Workers send back
the claims of a chunk column by column (``checker.table.ClaimChunk``), never
documents, and the parent adds them to the claim table as they come. Results are put back in
input order, so the claim table, errors and therefore findings are the same
for any number of jobs.

Failures stay local: an exception on one document marks that document failed
(as ``extract_corpus`` does); a worker process that dies (a crash in native
code, the OOM killer) breaks the pool, so the chunks then in flight are
retried one document at a time in a fresh pool and the document that kills a
worker again is reported as failed. Ctrl-C cancels pending work, stops the
workers and re-raises ``KeyboardInterrupt`` (the CLI exits 130).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date
from itertools import count

from checker.lexicon import Lexicon
from checker.model import Claim, Document, InputError
from checker.pipeline import CorpusResult, document_claims, document_rows, failure_message
from checker.progress import Progress
from checker.table import ClaimChunk, claim_row, rows_chunk

# A chunk closes at this many documents or this much text, whichever comes
# first: big enough that inter-process overhead stays small, small enough that
# work spreads evenly and Ctrl-C is answered quickly.
CHUNK_DOCUMENTS = 32
CHUNK_CHARACTERS = 256_000
# Chunks queued per worker; 2 keeps every worker busy while the parent merges.
CHUNKS_PER_JOB = 2

Extractor = Callable[[Document, Lexicon | None], list[Claim]]
ClaimRow = tuple
# Per document: (input position, number of claim rows) or (input position, failure message).
DocumentOutcome = tuple[int, int | str]
# A chunk's outcomes, and its claims column by column (rows in document order).
ChunkResult = tuple[list[DocumentOutcome], ClaimChunk]

WORKER_DIED = "worker process died while extracting this document (out of memory or a crash in native code)"


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


# --- worker side -------------------------------------------------------------

_worker_lexicon: Lexicon | None = None
_worker_extract: Extractor = document_claims


def _init_worker(lexicon_dirs: Sequence[str], extract: Extractor) -> None:
    """Load the lexicon once per process; Ctrl-C is the parent's to handle."""
    global _worker_lexicon, _worker_extract
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_lexicon = Lexicon.load(lexicon_dirs) if lexicon_dirs else None
    _worker_extract = extract


def extract_rows(chunk: list[tuple[int, Document]], lexicon: Lexicon | None = None,
                 extract: Extractor | None = None) -> ChunkResult:
    """The claims of a chunk, column by column, and each document's row count;
    an exception fails only its document."""
    run = extract or _worker_extract
    lexicon = lexicon if lexicon is not None else _worker_lexicon
    outcomes: list[DocumentOutcome] = []
    rows: list[ClaimRow] = []
    for position, document in chunk:
        try:
            # the usual extraction gives rows straight away; another ``extract`` (tests) gives claims
            found = document_rows(document, lexicon) if run is document_claims else [
                claim_row(c) for c in run(document, lexicon)
            ]
        except Exception as exc:  # a bug on one document must not lose the corpus
            outcomes.append((position, failure_message(exc)))
            continue
        rows.extend(found)
        outcomes.append((position, len(found)))
    return outcomes, rows_chunk(rows)


# --- parent side -------------------------------------------------------------

# A document's rows: a slice [start, stop) of its chunk.
Rows = tuple[ClaimChunk, int, int]
Outcome = InputError | Rows


@dataclass(slots=True)
class _Merger:
    """Puts outcomes back in input order as they arrive, into one CorpusResult.

    A document is dropped as soon as its outcome arrives; only claim chunks
    wait for earlier documents, so text is held only while in flight. The
    consecutive documents of one chunk are added as one slice of it.
    """

    result: CorpusResult
    progress: Progress | None
    documents: dict[int, Document] = field(default_factory=dict)
    waiting: dict[int, tuple[bool, Outcome]] = field(default_factory=dict)
    next_position: int = 0
    run: Rows | None = None  # rows emitted but not yet added: one slice of one chunk

    def add_error(self, position: int, error: InputError) -> None:
        self._arrive(position, False, error)

    def add_chunk(self, result: ChunkResult) -> None:
        outcomes, chunk = result
        start = 0
        for position, outcome in outcomes:
            if isinstance(outcome, str):
                self.add(position, outcome)
            else:
                self.add(position, (chunk, start, start + outcome))
                start += outcome

    def add(self, position: int, outcome: Rows | str) -> None:
        document = self.documents.pop(position)
        if isinstance(outcome, str):
            outcome = failed_document(document, outcome)
        if self.progress is not None:
            self.progress.update(1)
        self._arrive(position, True, outcome)

    def finish(self) -> None:
        """Append the last rows held back."""
        if self.run is not None:
            chunk, start, stop = self.run
            self.result.add_chunk(chunk.slice(start, stop))
            self.run = None

    def _arrive(self, position: int, is_document: bool, outcome: Outcome) -> None:
        self.waiting[position] = (is_document, outcome)
        while self.next_position in self.waiting:
            self._emit(*self.waiting.pop(self.next_position))
            self.next_position += 1

    def _emit(self, is_document: bool, outcome: Outcome) -> None:
        if is_document:
            self.result.documents += 1
        if isinstance(outcome, InputError):
            self.result.errors.append(outcome)
            self.result.failed += is_document
            return
        chunk, start, stop = outcome
        if start == stop:
            return
        if self.run is not None and self.run[0] is chunk and self.run[2] == start:
            self.run = (chunk, self.run[1], stop)
            return
        self.finish()
        self.run = outcome


def failed_document(document: Document, reason: str) -> InputError:
    """A document extraction gave up on, named by file and (JSONL/CSV) line."""
    line = document.origin_line if document.format in ("jsonl", "csv") else None
    return InputError(document.path or document.id, reason, line=line)


def _chunks(items: Iterable[Document | InputError], merger: _Merger) -> Iterator[list[tuple[int, Document]]]:
    """Number the stream and cut documents into chunks; input errors go straight to the merger."""
    chunk: list[tuple[int, Document]] = []
    size = 0
    for position, item in zip(count(), items, strict=False):
        if isinstance(item, InputError):
            merger.add_error(position, item)
            continue
        merger.documents[position] = item
        chunk.append((position, item))
        size += len(item.text)
        if len(chunk) >= CHUNK_DOCUMENTS or size >= CHUNK_CHARACTERS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def extract_parallel(
    items: Iterable[Document | InputError],
    jobs: int,
    lexicon_dirs: Sequence[str] = (),
    *,
    progress: Progress | None = None,
    extract: Extractor = document_claims,
) -> CorpusResult:
    """Extract and normalize ``items`` on ``jobs`` processes, in input order whatever ``jobs``.

    ``extract`` (a module-level function, as workers import it) replaces the
    per-document extraction, for tests. With ``jobs <= 1`` everything runs in
    this process.
    """
    lexicon = Lexicon.load(lexicon_dirs) if lexicon_dirs else None  # a bad lexicon fails before forking
    result = CorpusResult()
    merger = _Merger(result=result, progress=progress)
    chunks = _chunks(items, merger)
    if jobs <= 1:
        for chunk in chunks:
            merger.add_chunk(extract_rows(chunk, lexicon, extract))
    else:
        _warm_up(lexicon)
        with _PoolRunner(jobs, tuple(lexicon_dirs), extract, merger) as runner:
            runner.run(chunks)
    merger.finish()
    return result


_WARM_UP = Document(
    id="warm-up",
    text="North Korea has sent about 1,500 soldiers since August of last year, officials said. "
    "The plant will cost €310 million and make 200,000 shells a year, up 12% on 2023.",
    published=date(2024, 10, 26),
)


def _warm_up(lexicon: Lexicon | None) -> None:
    """Load here what extraction loads on first use (the unit registry, lexicons, cue
    patterns: about a second), so that workers forked from this process start with it
    instead of each loading it again. The matcher needs most of it here anyway."""
    if multiprocessing.get_start_method() != "fork":
        return
    try:
        document_claims(_WARM_UP, lexicon)
    except Exception:  # only a head start: a real failure is reported per document by the workers
        return


class _PoolRunner:
    """Keeps at most ``jobs * CHUNKS_PER_JOB`` chunks in flight and survives dead workers."""

    def __init__(self, jobs: int, lexicon_dirs: tuple[str, ...], extract: Extractor, merger: _Merger) -> None:
        self.jobs, self.lexicon_dirs, self.extract, self.merger = jobs, lexicon_dirs, extract, merger
        self.in_flight: dict[Future, list[tuple[int, Document]]] = {}
        self.suspects: list[tuple[int, Document]] = []
        self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.jobs, initializer=_init_worker,
                                   initargs=(self.lexicon_dirs, self.extract))

    def __enter__(self) -> _PoolRunner:
        return self

    def __exit__(self, exc_type: type | None, *_: object) -> None:
        """On Ctrl-C (or a bug) drop queued work before waiting for the workers to stop."""
        if exc_type is not None:
            for future in self.in_flight:
                future.cancel()
        self.pool.shutdown(wait=True, cancel_futures=exc_type is not None)

    def run(self, chunks: Iterator[list[tuple[int, Document]]]) -> None:
        limit = self.jobs * CHUNKS_PER_JOB
        exhausted = False
        while True:
            if self.suspects:
                self._isolate_suspects()
            while not exhausted and len(self.in_flight) < limit:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                else:
                    self.in_flight[self.pool.submit(extract_rows, chunk)] = chunk
            if not self.in_flight:
                return
            done, _ = wait(self.in_flight, return_when=FIRST_COMPLETED)
            if any([self._collect(future) for future in done]):  # a list: collect every finished chunk
                # The pool is broken: every chunk still in flight died with it.
                wait(self.in_flight)
                for future in list(self.in_flight):
                    self._collect(future)
                self._replace_pool()

    def _collect(self, future: Future) -> bool:
        """Merge a finished chunk; True when its worker died (its documents become suspects)."""
        chunk = self.in_flight.pop(future)
        try:
            outcome = future.result()
        except BrokenProcessPool:
            self.suspects.extend(chunk)
            return True
        self.merger.add_chunk(outcome)
        return False

    def _replace_pool(self) -> None:
        self.pool.shutdown(wait=True)
        self.pool = self._new_pool()

    def _isolate_suspects(self) -> None:
        """Retry the documents of a broken pool one at a time: one that kills a worker again fails."""
        suspects, self.suspects = sorted(self.suspects, key=lambda pair: pair[0]), []
        for position, document in suspects:
            try:
                self.merger.add_chunk(self.pool.submit(extract_rows, [(position, document)]).result())
            except BrokenProcessPool:
                self._replace_pool()
                self.merger.add(position, WORKER_DIED)
