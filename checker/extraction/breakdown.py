"""Breakdowns by place across two sentences: a whole "in <region>", its parts "in <place within it>".

"Of the cuts, 2,400 will fall in Europe. The company said 1,500 jobs would go in
Germany and 1,100 in Poland." The parts follow their whole in the next sentence,
and only the lexicon's ``regions`` (Germany and Poland lie in Europe) links them.
A link is made only when everything agrees, so that two figures that merely sit
near each other are never read as a breakdown: the whole is placed in a region and
each part in a different place listed within it; they count the same item in the
same unit, with the same modality, time and owner; and the parts stand in the
whole's sentence after it, or in the very next sentence of the same paragraph. A
breakdown lists at least two parts. The per-sentence links ("of which", "of the
N", "including") are made by ``parts.part_of``; this pass runs once per
document after them, and only on articles that name a region.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from checker.extraction.clauses import clause_of
from checker.lexicon import Lexicon

if TYPE_CHECKING:
    from checker.extraction import Draft
    from checker.model import Mention, Sentence

# "in Europe", "in the EU", "in the Middle East": where a figure's place is written. "\bin" is written "in" with
# a look-behind after it (no word character before the "i"), so that the engine scans for the literal "in".
_IN_PLACE = re.compile(r"in(?<!\win)\s+(?:the\s+)?(?=[A-Z])")
# "Of the cuts, 2,400 ...": a figure that counts what an earlier figure of the paragraph counted.
_OF_THE_NOUN = re.compile(r"^\W*(?:of|out\s+of)\s+(?:the|these|those)\s+([a-z]+?)s?\s*,\s*$", re.I)
# Up to four words of a place's name: the first alone tells whether a region may start there.
_WORDS = re.compile(r"([\w.'’-]+)(?:\s+[\w.'’-]+){0,3}")
MIN_PARTS = 2  # a breakdown lists parts; one figure after a whole may restate rather than break it down


def link_regional_parts(
    drafts: list[Draft], sentences: Sequence[Sentence], text: str, lexicon: Lexicon
) -> list[Draft]:
    """``drafts`` with the parts of every regional whole pointing at it (``Draft.part_of``)."""
    if not lexicon.regions or not drafts or not _names_region(text, lexicon):
        return drafts
    following = {a.start: b for a, b in zip(sentences, sentences[1:])}
    preceding = {b.start: a for a, b in zip(sentences, sentences[1:])}
    wholes = {d.part_of for d in drafts if d.part_of is not None}  # figures that have their parts already
    taken: set[int] = set()  # parts linked here: a part has one whole
    by_sentence: dict[int, list[Mention]] = {}
    for d in drafts:
        by_sentence.setdefault(d.sentence.start, []).append(d.mention)
    places = [_place(d, by_sentence[d.sentence.start], lexicon) for d in drafts]
    out = list(drafts)
    for whole in drafts:
        region = lexicon.region(places[whole.index]) if places[whole.index] else None
        if region is None or whole.index in wholes or whole.part_of is not None or whole.context.boilerplate:
            continue
        item = whole.context.item or _referred_item(whole, drafts, preceding.get(whole.sentence.start))
        nxt = following.get(whole.sentence.start)
        reach = {whole.sentence.start} | ({nxt.start} if nxt and "\n\n" not in text[whole.sentence.end:nxt.start]
                                          else set())
        parts = [
            d for d in drafts[whole.index + 1:]
            if d.sentence.start in reach and d.index not in taken
            and _is_part(d, whole, item, region, places[d.index], lexicon)
        ]
        if len(parts) < MIN_PARTS or len({places[p.index] for p in parts}) < len(parts):
            continue
        if whole.context.item is None:
            out[whole.index] = whole._replace(context=replace(whole.context, item=item))
        for part in parts:
            out[part.index] = part._replace(part_of=whole.index)
            taken.add(part.index)
    return out


def _names_region(text: str, lexicon: Lexicon) -> bool:
    """Whether the article writes a region's name after "in": most articles do not, and need no pass.
    Only the places whose first word may start a region's name are looked up (``_region_lead``)."""
    lead = _region_lead(lexicon.region_starts())
    return any(_region_at(text, m.end(), lexicon) for m in lead.finditer(text))


@lru_cache(maxsize=8)
def _region_lead(starts: frozenset[str]) -> re.Pattern[str]:
    """``_IN_PLACE`` where the next word may start a region's name ("in Europe", "in the E.U.", "in North ..."):
    one scan of the article in the regex engine instead of a look-up at every "in" and capital."""
    words = "|".join(re.escape(word) for word in sorted(starts, key=len, reverse=True))
    return re.compile(rf"{_IN_PLACE.pattern}(?=(?i:{words})\b)" if words else r"(?!)")


def _region_at(text: str, at: int, lexicon: Lexicon) -> str | None:
    """The region whose name (or an alias of it) starts at ``at``: the longest of the next one to four words."""
    words = _WORDS.match(text, at)
    if words is None or not lexicon.may_start_region(words.group(1)):
        return None
    split = words.group(0).split()
    for n in range(len(split), 0, -1):
        phrase = " ".join(split[:n]).rstrip(",")
        found = lexicon.region(phrase) or lexicon.region(phrase.rstrip("."))  # "the E.U.", "in Europe."
        if found:
            return found
    return None


def _place(draft: Draft, siblings: list[Mention], lexicon: Lexicon) -> str | None:
    """The place a figure's clause puts it in: "in <place>" after it (before the next figure), else before it
    (after the figure before). A region's name, or a lexicon entity listed in some region.
    ``siblings``: the figures of its sentence, in order."""
    text, mention = draft.sentence.text, draft.mention
    clause = clause_of(text, mention.start, mention.end)
    at = siblings.index(mention)
    after_end = siblings[at + 1].start if at + 1 < len(siblings) else clause.end
    before_start = siblings[at - 1].end if at else clause.start
    for start, end in ((mention.end, min(after_end, clause.end)), (max(before_start, clause.start), mention.start)):
        for m in _IN_PLACE.finditer(text, start, end):
            place = _region_at(text, m.end(), lexicon) or _entity_at(text, m.end(), lexicon)
            if place:
                return place
    return None


def _entity_at(text: str, at: int, lexicon: Lexicon) -> str | None:
    """The lexicon entity written at ``at``, when it is a place some region lists."""
    for start, _, canonical in lexicon.find_entities(text[at:at + 60]):
        if start == 0 and lexicon.is_listed(canonical):
            return canonical
        break
    return None


def _is_part(draft: Draft, whole: Draft, item: str | None, region: str, place: str | None, lexicon: Lexicon) -> bool:
    """Every reading of a part agrees with its whole's: place within the region, item, unit, modality, time, owner."""
    c, w = draft.context, whole.context
    return (
        place is not None and place != region and lexicon.lies_in(place, region)
        and draft.part_of is None and not c.boilerplate
        and item is not None and c.item == item
        and draft.mention.unit == whole.mention.unit
        and not draft.mention.is_change and not whole.mention.is_change
        and c.modality == w.modality
        and (c.relation is None or w.relation is None or c.relation == w.relation)
        and _time(c.window) == _time(w.window) and _time(c.rate) == _time(w.rate)
        and _same_owner(c.subject, w.subject, lexicon)
    )


def _time(expression) -> str | None:
    return None if expression is None else expression.text.lower()


def _same_owner(part: str | None, whole: str | None, lexicon: Lexicon) -> bool:
    """The same subject, or one of them is only the place itself ("2,400 will fall in Europe": Europe)."""
    return part == whole or any(
        s is None or lexicon.region(s) is not None or lexicon.is_listed(s) for s in (part, whole)
    )


def _referred_item(whole: Draft, drafts: list[Draft], before: Sentence | None) -> str | None:
    """What "Of the cuts, 2,400 ..." counts: the item of the nearest earlier figure, in its sentence or the one
    before (a new paragraph may open on it), that the noun names by its verb ("cut 4,000 jobs": jobs) or item."""
    m = _OF_THE_NOUN.match(whole.sentence.text[:whole.mention.start])
    if m is None:
        return None
    noun, reach = m.group(1).lower(), {whole.sentence.start, before.start if before else -1}
    for earlier in reversed(drafts[:whole.index]):
        if earlier.sentence.start not in reach:
            return None
        if earlier.context.item and noun in (earlier.context.relation, earlier.context.item):
            return earlier.context.item
    return None
