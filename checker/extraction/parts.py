"""Part-of links within a sentence: 'of which 120', 'including 40': which figure is part of which."""

from __future__ import annotations

import re

from checker.extraction.cues import has_any
from checker.lexicon import fold_case
from checker.model import Mention

_PART_OF_WHICH = re.compile(r"\b(?:of which|of whom|of them|among them)\s*$", re.I)
_OF_THE = re.compile(r"\b(?:of|out of)\s+(?:the|its|their|a total of)?\s*$", re.I)
_INCLUDING = re.compile(r"\b(?:including|included|includes|include|comprising|comprised|among them|of which|consisting of|made up of)\b", re.I)
_INCLUDING_STEMS = ("includ", "compris", "among them", "of which", "consisting of", "made up of")  # one is in every match

_OF_THE_BEFORE = re.compile(r"\b(?:of|out of)\s+(?:the|its|their)\s+$")  # "Of the 300 workers, 120 ..."
_UP_TO_A_COMMA = re.compile(r"^[^,;]*,\s*$")
_LIST_JOIN = re.compile(r"\s*(?:,|and|,\s*and|or)\s*")


def part_of(text: str, mentions: list[Mention]) -> dict[int, int]:
    """Which mention is a part of which whole, from "of which", "of the N", "including"."""
    wholes: dict[int, int] = {}
    if len(mentions) < 2:
        return wholes  # a part and its whole are two figures (most sentences hold one)
    for i, mention in enumerate(mentions):
        if i > 0:
            prev = mentions[i - 1]
            between = text[prev.end:mention.start]
            if len(between) < 40 and _PART_OF_WHICH.search(between):  # "10,000 soldiers in total, of which 1,500"
                wholes[i] = i - 1
                continue
        if i + 1 < len(mentions):
            nxt = mentions[i + 1]
            if nxt.start - mention.end < 25 and _OF_THE.search(text[mention.end:nxt.start]):
                wholes[i] = i + 1  # "1,500 of the 10,000 soldiers"
                continue
        if i > 0:
            prev_start = mentions[i - 1].start
            m = _OF_THE_BEFORE.search(text[prev_start - 25 if prev_start > 25 else 0:prev_start])
            if m and _UP_TO_A_COMMA.match(text[mentions[i - 1].end:mention.start]) is not None:
                wholes[i] = i - 1  # "Of the 300 workers, 120 ..."
                continue
    # "300 passengers, including 180 adults and 160 children"
    may_include = has_any(fold_case(text), _INCLUDING_STEMS)  # most sentences list nothing: no case-blind search
    if not may_include and not wholes:
        return wholes  # without "including", a listed part only takes the whole of the part before it
    for i, mention in enumerate(mentions):
        if i in wholes:
            continue
        for j in range(i - 1, -1, -1):
            between = text[mentions[j].end:mention.start]
            if ";" in between or len(between) > 80:
                break
            if may_include and _INCLUDING.search(between) and j not in wholes:
                whole_item, part_unit = mentions[j].unit, mention.unit
                if whole_item == part_unit:
                    wholes[i] = j
                break
            if j + 1 == i and j in wholes and _LIST_JOIN.fullmatch(between):
                wholes[i] = wholes[j]
                break
    return wholes
