"""The Dask engine: extraction and matching spread over a cluster.

Input files are listed here, then read and extracted on the workers (a
dask.bag over files), which return claim rows as a dask DataFrame. Claims can
only conflict inside one matching block (``checker.match.block_key``) or
through a part/whole link, so the claims are shuffled by block, with blocks
joined by part/whole links merged into one group, and each partition is
checked with ``checker.engine.check_claims`` on its own. Findings are the
local engine's, in the same order (``sort_findings``); warnings are sorted.

Needs the ``dask`` extra: ``pip install 'claimcheck[dask]'``.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TextIO

import pandas as pd

from checker.engine import CheckResult, check_claims
from checker.engine_local import failed_document
from checker.findings import sort_findings
from checker.ingest import IngestSummary, read_documents, walk_files
from checker.lexicon import Lexicon
from checker.match import DEFAULT_MAX_GROUP, block_key
from checker.model import CLAIM_COLUMNS, InputError
from checker.pipeline import document_claims, failure_message
from checker.ruleset import RuleSet

# Bookkeeping columns next to the claim columns: the shuffle key and the input
# order (unit, row), which restores the local engine's order inside a group.
GROUP, UNIT, ROW = "_group", "_unit", "_row"
FRAME_COLUMNS: tuple[str, ...] = (*CLAIM_COLUMNS, GROUP, UNIT, ROW)

# Input units per extraction partition: small enough to balance two workers on
# a few hundred files, large enough that task overhead stays negligible.
UNITS_PER_PARTITION = 500
LOCAL_WORKERS = 2
CONNECT_TIMEOUT = "10s"


class DaskEngineError(ValueError):
    """The engine cannot run (extra missing, scheduler unreachable): a usage error."""


@dataclass(slots=True)
class CorpusStats:
    """What the reports need from extraction, without the claims themselves."""

    documents: int = 0
    claims: int = 0
    failed: int = 0
    errors: list[InputError] = field(default_factory=list)
    summary: IngestSummary = field(default_factory=IngestSummary)


# --- input units (client side) -----------------------------------------------

# A unit is (kind, payload): ("read", path) read on a worker, ("skip", path)
# a file of an unknown format met in a directory, ("items", [...]) documents
# already read here (standard input).
Unit = tuple[str, Any]


def plan_inputs(paths: Sequence[str], stdin: TextIO | None = None,
                summary: IngestSummary | None = None) -> list[Unit]:
    """Units in the order ``checker.ingest.read_documents`` reads them."""
    units: list[Unit] = []
    for path in paths:
        if path == "-":
            units.append(("items", list(read_documents(["-"], stdin=stdin, summary=summary))))
        elif os.path.isdir(path):
            units.extend(_walk(path))
        else:
            units.append(("read", path))
    return units


def _walk(directory: str) -> Iterator[Unit]:
    """Files of a directory tree as ingest walks it (``checker.ingest.walk_files``)."""
    for kind, path, _ in walk_files(directory):
        if kind != "skip":
            yield ("read", path)  # an unreadable directory: the worker's read reports it as ingest words it
        else:
            yield ("skip", path)


# --- extraction (worker side) ------------------------------------------------


@lru_cache(maxsize=4)
def _lexicon(lexicon_dirs: tuple[str, ...]) -> Lexicon | None:
    return Lexicon.load(lexicon_dirs) if lexicon_dirs else None


def extract_partition(units: Sequence[tuple[int, Unit]], lexicon_dirs: tuple[str, ...] = ()) -> list[dict]:
    """Read and extract numbered units: one dict with the claim frame, errors and counts."""
    lexicon = _lexicon(lexicon_dirs)
    summary = IngestSummary()
    rows: list[dict] = []
    errors: list[InputError] = []
    documents = failed = 0
    for number, (kind, payload) in units:
        if kind == "skip":
            summary.skipped += 1
            continue
        items = payload if kind == "items" else read_documents([payload], summary=summary)
        for item in items:
            if isinstance(item, InputError):
                errors.append(item)
                continue
            documents += 1
            try:
                claims = document_claims(item, lexicon)
            except Exception as exc:  # a bug on one document must not lose the corpus
                failed += 1
                errors.append(failed_document(item, failure_message(exc)))
                continue
            for claim in claims:
                row = claim.as_row()
                row[GROUP] = _group_of(row)
                row[UNIT], row[ROW] = number, len(rows)
                rows.append(row)
    summary.failed += failed
    frame = pd.DataFrame.from_records(rows, columns=list(FRAME_COLUMNS)).astype(object)
    return [{"frame": frame, "errors": errors, "documents": documents, "failed": failed, "summary": summary}]


def _group_of(row: dict) -> str:
    """The claim's matching block as text; claims never compared stay with their document."""
    key = block_key(row)
    return repr(key if key is not None else ("unmatched", row["document"]))


# --- grouping and checking ---------------------------------------------------


def merged_groups(links: pd.DataFrame, wholes: pd.DataFrame) -> dict[str, str]:
    """Groups joined by part/whole links, each mapped to one representative.

    ``links`` has a part's ``part_of`` and ``_group``; ``wholes`` the
    ``claim_id`` and ``_group`` of every claim named as a whole. Only groups
    that change are in the mapping.
    """
    parent: dict[str, str] = {}

    def root(group: str) -> str:
        parent.setdefault(group, group)
        while parent[group] != group:
            parent[group] = parent[parent[group]]
            group = parent[group]
        return group

    def union(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    groups_of_whole: dict[str, list[str]] = {}
    for claim_id, group in zip(wholes["claim_id"], wholes[GROUP], strict=True):
        groups_of_whole.setdefault(claim_id, []).append(group)
    for whole_id, group in zip(links["part_of"], links[GROUP], strict=True):
        for whole_group in groups_of_whole.get(whole_id, ()):
            union(group, whole_group)
    return {group: root(group) for group in parent if root(group) != group}


def _regroup(frame: pd.DataFrame, mapping: dict[str, str]) -> pd.DataFrame:
    frame = frame.copy()
    frame[GROUP] = [mapping.get(group, group) for group in frame[GROUP]]
    return frame


def check_partition(frame: pd.DataFrame, ruleset: RuleSet, lexicon_dirs: tuple[str, ...] = (),
                    max_group: int = DEFAULT_MAX_GROUP) -> CheckResult:
    """``check_claims`` on whole groups, in input order (ties sort as in the local engine)."""
    frame = frame.sort_values([UNIT, ROW], kind="stable").drop(columns=[GROUP, UNIT, ROW])
    lexicon = _lexicon(lexicon_dirs)
    canonical = lexicon.item if lexicon is not None else None
    return check_claims(frame.reset_index(drop=True), ruleset, canonical_item=canonical, max_group=max_group)


# --- the engine --------------------------------------------------------------


@contextmanager
def _client(scheduler: str | None) -> Iterator[Any]:
    """A client of ``scheduler``, or of a two-process LocalCluster started for this run."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise DaskEngineError("the dask engine needs the dask extra: pip install 'claimcheck[dask]'") from exc
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise DaskEngineError(f"--scheduler {scheduler}: cannot connect to a Dask scheduler ({exc})") from exc
        with client:
            yield client
        return
    # Port 0: the scheduler's HTTP endpoints take any free port, never clash with another cluster.
    with LocalCluster(n_workers=LOCAL_WORKERS, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        yield client


def check_with_dask(
    paths: Sequence[str],
    ruleset: RuleSet,
    scheduler: str | None = None,
    partitions: int | None = None,
    *,
    lexicon_dirs: Sequence[str] = (),
    stdin: TextIO | None = None,
    max_group: int = DEFAULT_MAX_GROUP,
) -> tuple[CheckResult, CorpusStats]:
    """Check ``paths`` on a Dask cluster; the findings equal the local engine's.

    Files are read by the workers, so with a remote ``scheduler`` the paths
    must be readable there too. ``partitions`` sets the extraction and shuffle
    partition count (default: about one per 500 files, at least two per worker).
    """
    try:
        import dask
        import dask.bag as db
        import dask.dataframe as dd
        from dask import delayed
    except ImportError as exc:
        raise DaskEngineError("the dask engine needs the dask extra: pip install 'claimcheck[dask]'") from exc
    dirs = tuple(str(d) for d in lexicon_dirs)
    if dirs:
        Lexicon.load(dirs)  # a bad lexicon is a usage error here, not a traceback on a worker
    stats = CorpusStats()
    units = list(enumerate(plan_inputs(paths, stdin, stats.summary)))
    if not units:
        return CheckResult(), stats
    # Object columns stay Python objects (claim rows hold lists); no Arrow strings.
    with dask.config.set({"dataframe.convert-string": False}), _client(scheduler) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or LOCAL_WORKERS)
        count = partitions or max(2 * workers, math.ceil(len(units) / UNITS_PER_PARTITION))
        count = max(1, min(count, len(units)))
        bag = db.from_sequence(units, npartitions=count).map_partitions(extract_partition, dirs)
        outputs = client.persist([delayed(_first)(part) for part in bag.to_delayed()])
        meta = pd.DataFrame({name: pd.Series(dtype=object) for name in FRAME_COLUMNS})
        claims = dd.from_delayed([delayed(_frame)(out) for out in outputs], meta=meta, verify_meta=False)

        links = claims.loc[claims["part_of"].notnull(), ["part_of", GROUP]].compute()
        wholes = claims.loc[claims["claim_id"].isin(sorted(set(links["part_of"]))), ["claim_id", GROUP]].compute()
        mapping = merged_groups(links, wholes)
        if mapping:
            claims = claims.map_partitions(_regroup, mapping, meta=meta)
        shuffled = claims.shuffle(on=GROUP, npartitions=count, shuffle_method="tasks")
        checks = [delayed(check_partition)(part, ruleset, dirs, max_group) for part in shuffled.to_delayed()]
        results, extracted = dask.compute(checks, [delayed(_without_frame)(out) for out in outputs])
    for part in extracted:
        stats.documents += part["documents"]
        stats.claims += part["claims"]
        stats.failed += part["failed"]
        stats.errors.extend(part["errors"])
        _add_summary(stats.summary, part["summary"])
    findings = [finding for result in results for finding in result.findings]
    warnings = sorted(warning for result in results for warning in result.warnings)
    return CheckResult(findings=sort_findings(findings), warnings=warnings), stats


def _first(partition: list[dict]) -> dict:
    return partition[0]


def _frame(output: dict) -> pd.DataFrame:
    return output["frame"]


def _without_frame(output: dict) -> dict:
    """The small part of an extraction output, to bring back to the client."""
    return {**{k: v for k, v in output.items() if k != "frame"}, "claims": len(output["frame"])}


def _add_summary(total: IngestSummary, part: IngestSummary) -> None:
    total.read += part.read
    total.skipped += part.skipped
    total.failed += part.failed
    total.errors.extend(part.errors)


__all__ = ["CorpusStats", "DaskEngineError", "check_partition", "check_with_dask", "extract_partition",
           "merged_groups", "plan_inputs"]
