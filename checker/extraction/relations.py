"""The verb that relates a figure to its subject ('exported', 'employs'), read in the figure's clause."""

from __future__ import annotations

import re

from checker.extraction.article import UPPER
from checker.extraction.cues import Cues
from checker.model import Mention

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# "a 2,400-acre reservoir", "the 550-kilometre pipeline": the figure describes a thing, no verb counts it.
_ADJECTIVAL = re.compile(r"\d-[a-z]+(?:-[a-z]+)?\s+[a-z]")


def is_adjectival(text: str, mention: Mention) -> bool:
    """Whether the figure is written as an adjective ("a 550-kilometre pipeline"), so no verb counts it:
    ``_ADJECTIVAL`` in its span, searched only when a hyphen is there (a find costs half a search)."""
    start, end = mention.start, mention.end
    return text.find("-", start, end) != -1 and _ADJECTIVAL.search(text, start, end) is not None


# The Kelvin sign lower-cases to an ASCII "k" that ``WORD`` would take for a letter; the only such character.
_KELVIN = "\u212a"


def word_text(text: str, lowered: str) -> str:
    """``lowered`` (same offsets as ``text``) with the Kelvin sign kept, so that ``WORD``
    finds in it exactly the words it finds in ``text``, already lower-cased."""
    if _KELVIN not in text:
        return lowered
    return "".join(c if c == _KELVIN else low for c, low in zip(text, lowered))


# A participle phrase that only describes the counted thing: "sent by Pyongyang", "based in Kyiv".
_REDUCED_RELATIVE = re.compile(
    rf"\s+\w+(?:ed|en|t)\s+(?:by|in|from)\s+(?:the\s+)?[{UPPER}][\w'’-]*(?:\s+[{UPPER}][\w'’-]*)*(?=\s+(?:were|was|are|is|have|has|had)\b)"
)

_PLACE_AFTER = re.compile(
    r"\s+(?:at|in|from|of|on)\s+(?:the\s+|its\s+|their\s+)?[a-z]+(?=\s+(?:will|would|were|was|are|is|have|has|had|could|may|might)\b)"
)


def relation(text: str, mention: Mention, c_start: int, c_end: int, cues: Cues, words: str) -> str | None:
    """The verb that says what the figure counts: after it for passives, else before it.

    ``words`` is the sentence's ``word_text``."""
    tail_start = mention.end
    place = _PLACE_AFTER.match(text, mention.end)
    if place:
        tail_start = place.end()  # "720 workers at the plant will lose their jobs"
    reduced = _REDUCED_RELATIVE.match(text, tail_start)
    if reduced and reduced.end() < c_end and WORD.search(words, reduced.end(), c_end):
        tail_start = reduced.end()  # "3,000 soldiers sent by Pyongyang were undergoing training"
    # The first six words after, each searched for only when needed (a search costs less than a finditer):
    # most figures stop at the first, and only a two-word form's head looks one word ahead.
    forms, heads = cues.relation_forms, cues.relation_heads
    read, start = 0, tail_start
    while read < 6 and (current := WORD.search(words, start, c_end)) is not None:
        read += 1
        word, start = current.group(0), current.end()
        if word in heads and read < 6:  # a two-word form first: "laid off"
            following = WORD.search(words, start, c_end)
            if following is not None and (pair := f"{word} {following.group(0)}") in forms:
                return forms[pair]
        if word in AUXILIARIES or word in ("to", "be") or word.endswith("ly"):
            continue  # "1,500 have already been sent", "are to be laid off": the verb is the participle
        if word in forms:
            return forms[word]
        break
    before = WORD.findall(words, max(c_start, mention.start - 120), mention.start)
    if cues.relation_words.isdisjoint(before):
        return None  # most figures: no verb form in reach, no word-by-word walk
    for i in range(len(before) - 1, -1, -1):
        word = before[i]
        if word in heads and i + 1 < len(before):
            pair = f"{word} {before[i + 1]}"
            if pair in forms:
                return forms[pair]
        if word in forms:
            if forms[word] == "have" and _has_participle(before[i + 1:], cues):
                continue  # "have recorded 1,240 cases": the auxiliary of a verb that says nothing
            return forms[word]
    return None


def _has_participle(words: list[str], cues: Cues) -> bool:
    """Whether ``words``, those between a "have" and a figure, open with a past participle once the adverbs
    are passed: "has so far reached", "had won". "has a top speed of" opens with "a": "have" is the verb."""
    for word in words:
        if word in _BETWEEN_HAVE_AND_PARTICIPLE or word.endswith("ly"):
            continue
        return word.endswith("ed") or word in cues.neutral_forms or word in _IRREGULAR_PARTICIPLES
    return False


_BETWEEN_HAVE_AND_PARTICIPLE = frozenset({"so", "far", "already", "now", "also", "not", "never", "yet", "just",
                                          "since", "still", "ever", "thus", "n't", "once", "twice"})
# Past participles that do not end in "-ed" (regular ones do, and the neutral verbs' forms are data).
_IRREGULAR_PARTICIPLES = frozenset({
    "been", "won", "lost", "sold", "made", "paid", "spent", "seen", "taken", "given", "brought", "bought", "kept",
    "held", "left", "met", "found", "led", "cut", "hit", "put", "set", "shown", "told", "done", "gone", "become",
    "begun", "known", "drawn", "driven", "written", "flown", "thrown", "chosen", "broken", "spoken", "stolen",
    "got", "gotten", "run", "come", "sent", "built", "lent", "dealt", "felt", "meant", "shot", "struck", "taught",
    "thought", "understood", "withdrawn", "overseen", "undergone", "lain", "laid", "said", "heard", "fought",
    "sown", "shrunk", "sunk", "swung", "spun", "sought", "caught", "spread", "cost", "shut", "split", "withheld",
})

AUXILIARIES = {
    "were", "was", "are", "is", "be", "been", "have", "has", "had", "being", "already", "now", "reportedly", "also",
    "still", "currently", "will", "would", "could", "should", "may", "might", "must", "can", "set", "due", "expected",
}
