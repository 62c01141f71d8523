"""Progress on standard error for long runs, and only where a person watches it.

A bar is drawn when the stream is a terminal and the user did not ask for
quiet; redirected to a file or a CI log it stays silent, so logs hold reports
and errors, not carriage-return noise. Drawing is tqdm's job.
"""

from __future__ import annotations

import sys
from typing import Protocol, TextIO

from tqdm import tqdm


class Progress(Protocol):
    """What the engines call: ``update(n)`` per finished documents, ``close()`` at the end."""

    def update(self, n: float | None = 1) -> bool | None: ...

    def close(self) -> None: ...


def wants_progress(stream: TextIO, quiet: bool) -> bool:
    """A bar only for a person at a terminal who did not pass ``--quiet``."""
    if quiet:
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):  # closed or detached stream
        return False


def progress_bar(total: int | None = None, *, quiet: bool = False, stream: TextIO | None = None,
                 unit: str = " documents", description: str = "claimcheck") -> tqdm:
    """A document counter on ``stream`` (standard error), disabled where nobody watches.

    ``total`` may be None: documents are read lazily, so the bar then shows a
    count and a rate instead of a percentage.
    """
    stream = stream if stream is not None else sys.stderr
    return tqdm(
        total=total,
        file=stream,
        unit=unit,
        desc=description,
        disable=not wants_progress(stream, quiet),
        dynamic_ncols=True,
        leave=False,
        mininterval=0.2,
    )
