"""Part exceeds whole: a figure given as part of another is larger than it.

What it does
    Follows the part/whole links the extractor records ("of the 10,000
    planned, 1,500 already sent"; "1,500 of 10,000"; "300 passengers including
    180 adults"), and the ones verbs imply within an article (a count laid off
    is part of the count employed: ``subsets`` in rules/lexicon/relations.yaml),
    and reports a part whose lowest reading is above its whole's
    highest reading, after widening both by ``tolerance``, when their geometric
    midpoints are at least ``min_ratio`` apart. Only figures in the same base
    unit are compared.

Why it matters
    A part cannot be larger than what it is part of: one of the two figures is
    wrong, or the part is not really part of that whole.

Example
    "Of the 1,500 soldiers sent, 3,000 are in training." Either fewer are in
    training or more were sent; write "of the 10,000 planned, 1,500 already
    sent, about 3,000 in training" only if the training figure counts the
    planned force, and say so.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.checks.base import (
    COMMON_PLACEHOLDERS,
    emit,
    level,
    pair_ratio,
    reading,
    reportable,
    value,
)
from checker.checks.intervals import widen
from checker.checks.wording import bound_text, describe_claim, format_quantity, range_note, shared_written_unit
from checker.findings import Finding

if TYPE_CHECKING:
    from checker.match import Candidates
    from checker.ruleset import Rule

KIND = "part-of"
PARAMS = {"min_ratio": 1.0, "tolerance": 0.0}
PLACEHOLDERS = COMMON_PLACEHOLDERS | {"part", "whole", "part_range", "whole_range", "part_note", "whole_note"}


def exceeds(part: dict, whole: dict, tolerance: float) -> bool:
    """The part's lowest reading is above the whole's highest one."""
    part_low, _ = widen(*level(part), tolerance)
    _, whole_high = widen(*level(whole), tolerance)
    return part_low is not None and whole_high is not None and part_low > whole_high


def check(candidates: Candidates, rule: Rule) -> Iterator[Finding]:
    tolerance = float(rule.params["tolerance"])
    links: dict[int, list[int]] = {w: list(ps) for w, ps in candidates.parts.items()}
    for whole_at, implied in candidates.implied_parts.items():
        links.setdefault(whole_at, []).extend(p for p in implied if p not in links[whole_at])
    for whole_at, part_positions in sorted(links.items()):
        whole = candidates.claims[whole_at]
        for part_at in part_positions:
            part = candidates.claims[part_at]
            if not exceeds(part, whole, tolerance):
                continue
            found = pair_ratio(part, whole)
            if not reportable(rule, found):
                continue
            base_unit, written = value(whole, "base_unit"), shared_written_unit([part, whole])
            yield emit(
                rule,
                [part, whole],
                found=found,
                compared=(level(part), level(whole)),
                steps=[
                    reading(part, *level(part)),
                    reading(whole, *level(whole)),
                    f"the part is at least {bound_text(level(part)[0], 'low', base_unit, written)}, "
                    f"the whole at most {bound_text(level(whole)[1], 'high', base_unit, written)}",
                ],
                part=describe_claim(part),
                whole=describe_claim(whole),
                part_range=format_quantity(*level(part), base_unit, written),
                whole_range=format_quantity(*level(whole), base_unit, written),
                part_note=range_note(part, *level(part), base_unit, written),
                whole_note=range_note(whole, *level(whole), base_unit, written),
            )
