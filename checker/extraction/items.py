"""The thing a figure counts ("workers", "oil"): read before or after it, or carried from an earlier figure."""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache

from checker.extraction.article import SENTENCE_STARTERS, DocumentContext
from checker.extraction.cues import HEDGE_TAIL, Measures, has_any
from checker.extraction.quantities import singular
from checker.extraction.relations import AUXILIARIES
from checker.extraction.subjects import DEMONYM
from checker.lexicon import Lexicon
from checker.model import Mention
from checker.units import canonical as canonical_unit

_HEAD_BEFORE_HEDGE = re.compile(rf"\b(?:a|an|the|its)\s+([a-z][a-z-]+)\s+{HEDGE_TAIL}$")  # "a tunnel about"
_NOUN_OF = re.compile(rf"\b(?:(?:a|an|the|its|their)\s+)?(?:[a-z-]+\s+)?([a-z][a-z-]+)\s+of\s+{HEDGE_TAIL}$")
_OF_AND_HEDGE = re.compile(rf"of\s+{HEDGE_TAIL}$")  # how every match of ``_NOUN_OF`` ends
# Words before "of" that introduce an amount rather than name the thing measured.
_NOT_ITEMS = {
    "total", "sum", "number", "amount", "figure", "maximum", "minimum", "average", "rest", "group", "batch",
    "range", "lot", "couple", "handful", "majority", "share", "proportion", "part", "half", "quarter", "third",
    "fraction", "increase", "decrease", "rise", "fall", "drop", "jump", "loss", "gain", "record", "high", "low",
    "peak", "level", "rate", "pace", "tally", "estimate", "target", "goal", "one", "some", "many", "most",
    "each", "all", "both", "none", "any", "out", "up", "because", "instead", "ahead", "made", "consisting", "whole",
}
_MODALS = {"will", "would", "could", "should", "may", "might", "must", "can", "shall", "also", "now", "still"}
_DETERMINERS = {"the", "a", "an", "its", "their", "which", "that", "this", "these", "those", "his", "her", "our"}
# "550 kilometres long", "110 metres deep": the adjective names the measure.
_DIMENSION_AFTER = re.compile(r"^\s*(?:-\s*)?(long|deep|wide|high|tall|thick|in\s+length|in\s+diameter|in\s+depth|across)\b")
_DIMENSIONS = {
    "long": "length", "in length": "length", "deep": "depth", "in depth": "depth", "wide": "width",
    "across": "width", "high": "height", "tall": "height", "thick": "thickness", "in diameter": "diameter",
}

# "is worth", "was valued at", "values the whole field at": the figure is a value.
_VALUE_VERB = re.compile(
    r"\b(?:(?:is|was|are|were|be|been)\s+(?:now\s+)?worth|valued\s+at|values?\s+(?:[a-z-]+\s+){1,4}?at)\s+"
    + HEDGE_TAIL
    + "$"
)
# "damage estimated at $30 billion": the one noun before the estimate.
_HEAD_ESTIMATED_AT = re.compile(rf"\b([a-z][a-z-]+)\s+(?:estimated|put)\s+at\s+{HEDGE_TAIL}$")
# A figure just before a noun phrase, not a year ("2023 sales"): the phrase is that figure's item.
_COUNTED_BEFORE = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d\s)[\d.,]*\d\s+$")
# A capitalized word opening the clause ("Exports rose"), after any quote or bracket.
_CAPITAL_OPENER = re.compile(r"^[\s\"“‘'(]*([A-Z][a-z]+)\s")


def land_item(before: str, measures: Measures) -> str | None:
    """The crop an area is sown with: "Farmers sowed winter wheat on about 4.5 million hectares" (an area only:
    "planted trees on 12 sites" counts sites)."""
    m = measures.land_on.search(before, _lower_case_tail(before)) if " on " in before else None
    if m is None:
        return None
    words = [w for w in m.group(1).split() if w not in _DETERMINERS]
    if not words or any(w in AUXILIARIES or w in _NOT_ITEMS or w in measures.agents for w in words):
        return None
    return " ".join([*words[:-1], singular(words[-1])])


_LOWER_CASE_RUN = re.compile(r"[a-z\s-]*")


def _lower_case_tail(text: str) -> int:
    """Where the run of lower-case words and spaces that ends ``text`` begins.

    ``_NOUN_OF`` and ``_NOUN_BEFORE_VERB`` match only such characters up to
    the end of the text, so searching from there finds what a search from the
    start finds, without trying every earlier position."""
    return len(text) - _LOWER_CASE_RUN.match(text[::-1]).end()


def _ends_on_of(before: str, tail: int) -> bool:
    """Whether ``before`` ends on "of" and a hedge, as a match of ``_NOUN_OF`` from ``tail`` does.

    No hedge holds "of", so that "of" is the last one in ``before``: one
    look there instead of a search trying every word of the tail."""
    at = before.rfind("of", tail)
    return at != -1 and _OF_AND_HEDGE.match(before, at) is not None


def item_before(
    text: str, c_start: int, start: int, end: int, measures: Measures, goods: Container[str] = ()
) -> str | None:
    """The thing a figure without a noun measures: "the death toll rose to 120",
    "a depth of up to 110 metres", "the tunnel would run for about 11 miles",
    "550 kilometres long", "Exports rose 1.5 pct", "will cost 4.1 billion euros".
    ``goods``: the capitalized openers that name goods (``goods_openers``)."""
    after = _DIMENSION_AFTER.match(text, end)
    if after:
        head = _HEAD_BEFORE_HEDGE.search(text[c_start:start])
        if head and head.group(1) not in _NOT_ITEMS:
            return head.group(1)  # "a tunnel about 11 miles long": the tunnel's length
        return _DIMENSIONS[" ".join(after.group(1).split())]
    before = _lower_opener(text[c_start:start], measures.openers, goods)
    tail = _lower_case_tail(before)
    m = _NOUN_OF.search(before, tail) if _ends_on_of(before, tail) else None
    if m and m.group(1) not in _NOT_ITEMS:
        return singular(m.group(1))
    return _verb_item(before, tail, measures) or _noun_before_verb(before, tail, measures) or _brought_to(before, tail)


# "bringing the death toll to 41": a verb of moving a measure, the measure, "to" and the figure.
_BRINGING = re.compile(
    rf"\b(?:bringing|taking|lifting|pushing|raising)\s+(?:the|its|their)\s+([a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)\s+to\s+"
    rf"{HEDGE_TAIL}$"
)


def _brought_to(before: str, tail: int) -> str | None:
    """The measure a clause moves to the figure: "bringing the death toll to 41" (not "bringing the total to")."""
    m = _BRINGING.search(before, tail) if "to" in before else None
    if m is None:
        return None
    *words, head = m.group(1).split()
    return None if head in _NOT_ITEMS else " ".join([*words, singular(head)])


# Between two figures of one change: "rose 1.5 pct in January from December to", "to ... from", ", up from".
_CONTINUED = re.compile(
    rf"(?:\s+(?:in|on|during|for|over|since)\s+[^,;\d]{{1,30}}?)?\s*,?\s+(?:(?:up|down)\s+)?(?:from|to)\s+{HEDGE_TAIL}"
)


def continued_item(text: str, previous: Mention, mention: Mention, previous_item: str | None) -> str | None:
    """A figure that only continues the change before it measures the same thing:
    "Exports rose 1.5 pct to 135.6 bln euros", "sales of 1.1 billion euros, up from 870 million euros".
    Only after a figure in the same unit, or after a percentage the change is by: "the two
    cities to 75 minutes" is no change."""
    if previous_item is None or mention.start - previous.end > 60:
        return None
    if previous.unit != mention.unit and previous.unit not in _CHANGE_UNITS:
        return None
    return previous_item if _CONTINUED.fullmatch(text, previous.end, mention.start) else None


_CHANGE_UNITS = ("percent", "percentage_point")
# A figure compared with one before it, its noun left out: "up from 20.2 million tonnes", "far below the 33 million
# tonnes", "against 200 a week", "from a peak of 530", "20 pct of the expected 5.5 mln hectares" (the whole planned).
# "than" and "below"/"above" only with "the": "more than 200" is a hedge, not a comparison.
_COMPARED = re.compile(
    r"(?:\b(?:up|down)\s+from|\bfrom\s+a\s+(?:peak|high|low|record)\s+of|\bcompared\s+(?:with|to)|\bagainst"
    r"|\bvs\.?|\bversus|\b(?:than|below|above)\s+the|\bof\s+the\s+(?:expected|planned|projected|targeted))"
    rf"\s+{HEDGE_TAIL}$"
)
# A figure that repeats the verb of the one before for another place or time: "1,500 jobs would go in Germany and
# 1,100 in Poland": "and" just before, a preposition just after.
_COORDINATED_BEFORE = re.compile(rf"\band\s+{HEDGE_TAIL}$")
_COORDINATED_AFTER = re.compile(r"\s+(?:in|at|on|for|by|during)\s")
# A figure that restates the one before in another unit: "4.5 million hectares last autumn, roughly 11 million acres",
# "900 million Norwegian crowns ($85 million)".
# After a comma only with "or" or a hedge: "3 years, 2 months" is one duration in parts, "3 km, 5 km" a list.
_RESTATED = re.compile(rf"(?:\(\s*{HEDGE_TAIL}|,\s+(?:or\s+{HEDGE_TAIL}|(?:about|around|roughly|nearly|some)\s+))$")
RESTATEMENT_REACH = 30


def _restates(earlier: Mention, mention: Mention) -> bool:
    """A figure just after another in a different unit of the same kind (an area, a length, money) converts it:
    "3 km, 5 km" is a list, "3 km (1.9 miles)" one figure twice."""
    if mention.start - earlier.end > RESTATEMENT_REACH or not earlier.unit or not mention.unit:
        return False
    if earlier.unit == mention.unit:
        return False
    first, second = canonical_unit(earlier.unit), canonical_unit(mention.unit)
    if first.dimension == "[time]":
        return False  # "3 years (2 months of them at sea)": durations add up more often than they convert
    currencies = first.is_money and second.is_money
    return first.dimension == second.dimension or currencies


# "30,000 euros for each resident", "about $40 per person": an amount shared out by head.
_PER_HEAD_AFTER = re.compile(r"\s+(?:for\s+each|for\s+every|per|a)\s+[a-z]+\b")


def _shared_out(text: str, earlier: Mention, mention: Mention) -> bool:
    """An amount just after another in the same currency that gives it per head restates it:
    "85 million euros for compensation, or roughly 30,000 euros for each resident"."""
    if mention.start - earlier.end > RESTATEMENT_REACH or earlier.unit != mention.unit or not _is_money(mention.unit):
        return False
    return _PER_HEAD_AFTER.match(text, mention.end) is not None


# How far back the figure an elided one refers to may be: a clause or two.
ELISION_REACH = 150


def elided_item(text: str, mentions: list[Mention], index: int, items: list[str | None]) -> str | None:
    """A figure without a noun that restates the figure just before in another unit (``_restates``), or is
    compared or coordinated with an earlier figure in the same unit, measures what that figure does:
    "22.9 million tonnes of wheat in 2023, up from 20.2 million tonnes in 2022".

    The unit must be the same (a count with a count): "rose 3% to 4,000 jobs, against 2%" compares the 3%.
    The nearest such figure answers, even when it has no item: then neither has one."""
    mention = mentions[index]
    before = text[max(0, mention.start - 40):mention.start]
    if _RESTATED.search(before) and (
        _restates(mentions[index - 1], mention) or _shared_out(text, mentions[index - 1], mention)
    ):
        return items[index - 1]
    compared = _COMPARED.search(before) is not None
    if not compared and not (_COORDINATED_BEFORE.search(before) and _COORDINATED_AFTER.match(text, mention.end)):
        return None
    for j in range(index - 1, -1, -1):
        earlier = mentions[j]
        if mention.start - earlier.end > ELISION_REACH:
            return None
        if earlier.unit == mention.unit:
            return items[j]
    return None


# A capitalized word, then a lower-case plural: "Corn exports", "Wheat shipments".
_CAPITAL_BEFORE_PLURAL = re.compile(r"\b([A-Z][a-z]+)\s+([a-z]+s)\b")


def goods_openers(text: str, measures: Measures, document: DocumentContext, lexicon: Lexicon) -> frozenset[str]:
    """The capitalized words of a sentence written before a goods flow ("Corn exports were ..."): where they
    open a clause, capitalized only for that, they are the goods, as "barley" is in "barley exports". Judged
    as ``named_candidates`` judges an opener: a lexicon entity ("German exports", "Ukraine exports") or a
    word the article writes capitalized mid-sentence ("Tesla shipments") is a name, and so is a word shaped
    like a demonym ("Thai exports"); a word the article also writes in lower case is none."""
    if not has_any(text, measures.goods_flows):
        return frozenset()  # most sentences name no goods flow
    return frozenset(
        m.group(1)
        for m in _CAPITAL_BEFORE_PLURAL.finditer(text)
        if singular(m.group(2)) in measures.goods_flows and _names_goods(m.group(1), document, lexicon)
    )


def _names_goods(word: str, document: DocumentContext, lexicon: Lexicon) -> bool:
    """Whether a capitalized opener is a common noun, not a name (see ``goods_openers``)."""
    if word in SENTENCE_STARTERS or lexicon.entity(word) is not None:
        return False
    if word.lower() in document.common_words:
        return True
    return word not in document.name_words and DEMONYM.search(word) is None


def _lower_opener(before: str, openers: frozenset[str], goods: Container[str] = ()) -> str:
    """``before`` with a capitalized opening noun lower-cased when it names a measure
    ("Exports rose") or is in ``goods``, the capitalized openers of the sentence that name goods ("Corn
    exports were"): a capital word there is otherwise a name ("Tesla rose")."""
    m = _CAPITAL_OPENER.match(before)
    if m and (_is_opener(m.group(1).lower(), openers) or m.group(1) in goods):
        return before[:m.start(1)] + m.group(1).lower() + before[m.end(1):]
    return before


@lru_cache(maxsize=4096)
def _is_opener(word: str, openers: frozenset[str]) -> bool:
    """Remembered: nearly every clause opens with a capital word, and the same few recur."""
    return singular(word) in openers


def _verb_item(before: str, tail: int, measures: Measures) -> str | None:
    """The item a verb names by itself: "will cost" a cost, "is worth" a value,
    "damage estimated at" the damage."""
    # Each pattern is searched only when a word it needs is in ``before``: most figures have none.
    m = measures.measuring_verb.search(before, tail) if has_any(before, measures.measuring_verbs) else None
    if m:
        return measures.measuring_verbs[m.group(1)]
    if ("worth" in before or "valu" in before) and _VALUE_VERB.search(before, tail):
        return measures.value_item
    m = _HEAD_ESTIMATED_AT.search(before, tail) if ("estimated" in before or "put" in before) else None
    if m and _plain_noun(m.group(1), measures):
        return singular(m.group(1))
    return None


def _plain_noun(word: str, measures: Measures) -> bool:
    """A word that can be the thing measured: not an amount word, a function word or who acts."""
    return not any(word in words for words in (_NOT_ITEMS, _DETERMINERS, AUXILIARIES, measures.agents))


def _noun_before_verb(before: str, tail: int, measures: Measures) -> str | None:
    """The noun phrase a verb of change or of being links to the figure:
    "the death toll rose to", "the unemployment rate rose to" (not "the company grew")."""
    m = measures.noun_before_verb.search(before, tail)
    if not m or _COUNTED_BEFORE.search(before, 0, m.start()):
        return None  # "wheat with 12.5 pct protein rose 6.4 pct": the protein is what 12.5 pct counts
    words = [w for w in m.group(1).split() if w not in _DETERMINERS and w not in _MODALS]
    if any(w in AUXILIARIES or w in ("to", "having") for w in words):
        return None  # "the province have", "forecast to", "last year having": a verb, not a noun phrase
    if not words or words[-1] in measures.agents:
        return None
    if words[-1] in _NOT_ITEMS and not (len(words) > 1 and words[-1] in measures.compound_heads):
        return None
    counted = _NUMBER_OF.search(before, 0, m.start(1)) if "number" in before else None
    if counted:
        return singular(counted.group(1))  # "the number of patients in treatment centres fell to": the patients
    goods = _goods_of_flow(words, measures)
    if goods is not None:
        return goods
    return " ".join([*words[:-1], singular(words[-1])])


def _goods_of_flow(words: list[str], measures: Measures) -> str | None:
    """The goods of "barley exports", "wheat shipments": what a figure of the flow measures, since tonnes of corn
    exports and tonnes of barley exports are different things. None for a flow alone ("exports") or counted
    some way ("total exports", "monthly exports")."""
    if len(words) < 2 or singular(words[-1]) not in measures.goods_flows:
        return None
    goods = words[-2]
    if goods in measures.flow_modifiers or goods in _NOT_ITEMS or goods in measures.agents or goods.endswith("ly"):
        return None
    return singular(goods)


# "the number of patients in treatment centres": what is counted, then where; the phrase before the verb is the place.
_NUMBER_OF = re.compile(r"\bnumber\s+of\s+([a-z][a-z-]+)\s+(?:in|at|on|across|under)\s+(?:(?:the|its|their)\s+)?$")


def counted_as(text: str, c_start: int, mention: Mention, measures: Measures, lexicon: Lexicon) -> str | None:
    """What people are counted as when the clause names it before them: "the death toll rose to 31 people"
    counts deaths. Only a measure the lexicon knows as deaths: "rose to 640 people" alone stays people."""
    measure = item_before(text, c_start, mention.start, mention.start, measures)
    if measure and lexicon.item(measure) == "death":
        return measure
    return _measure_past_phrase(text[c_start:mention.start], measures, lexicon)


# The noun phrase that opens a clause's subject, then the phrase it governs: "The death toll from the capsizing of".
_PHRASE_BEFORE_OF = re.compile(r"(?<![\w-])([a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)\s+(?:from|of|after|in|on)\s+[^,;]*$")


def _measure_past_phrase(before: str, measures: Measures, lexicon: Lexicon) -> str | None:
    """A death measure whose verb comes after a phrase of its own: "The death toll from the capsizing of the
    ferry off Buton island rose to 31 people" counts deaths, though "island" is the noun before the verb."""
    verb = measures.noun_before_verb.search(before)
    if verb is None:
        return None
    head = _PHRASE_BEFORE_OF.search(before, 0, verb.start(1))
    if head is None:
        return None
    measure = head.group(1)
    return measure if lexicon.item(measure) == "death" else None


# "a 40% stake in", "a $310 million loan.": a determiner, the figure, one noun, then a preposition or the clause end.
_DETERMINER_BEFORE_FIGURE = re.compile(r"(?<![\w-])(?:a|an|the|its|their|his|her|our)\s+$")
_NOUN_AFTER = re.compile(r"\s+([a-z][a-z-]+)(?=\s+(?:in|of|on|for|to|from|and|at|with)\b|\s*[,.;:)]|\s*$)")


def noun_after_figure(text: str, mention: Mention, measures: Measures) -> str | None:
    """The noun a percentage or amount qualifies as an adjective: "sell a 40% stake in the field" is a stake,
    "a $310 million loan" a loan. Not a noun of change ("a 5% cut", "a 3% rise"): that says how, not what."""
    if not _is_money_or_share(mention.unit):
        return None
    if not _DETERMINER_BEFORE_FIGURE.search(text, max(0, mention.start - 6), mention.start):
        return None
    m = _NOUN_AFTER.match(text, mention.end)
    if m is None:
        return None
    noun = m.group(1)
    if noun in _NOT_ITEMS or noun in measures.change_nouns or noun in _DETERMINERS or noun.endswith("ly"):
        return None
    return singular(noun)


# "85 million euros for compensation,": "for", one bare noun, and the clause or sentence ends.
_PURPOSE_AFTER = re.compile(r"\s+for\s+([a-z][a-z-]+)(?=\s*[,.;:)]|\s*$)")


def purpose_after(text: str, mention: Mention, measures: Measures) -> str | None:
    """What an amount is set aside for, named right after it: "set aside 85 million euros for compensation".
    Money only, and only one bare noun closing the clause ("for repairs."; not "for tax reasons", "for now")."""
    if not _is_money(mention.unit):
        return None
    m = _PURPOSE_AFTER.match(text, mention.end)
    if m is None or m.group(1) in measures.not_purposes or m.group(1) in _NOT_ITEMS:
        return None
    return singular(m.group(1))


# The clause's subject: capitalized modifiers ("Black Sea", "Ukrainian"), lower-case words, the head, then a
# preposition or verb: "Ukrainian wheat for export was", "Black Sea milling wheat with 12.5 pct protein rose".
_SUBJECT_OPENING = re.compile(
    r"^[\s\"“‘'(]*(?:(?:The|the|A|a)\s+)?(?:[A-Z][\w'’-]*\s+){0,3}(?:[a-z][a-z-]+\s+)*?"
    r"((?:[a-z][a-z-]+\s+)?[a-z][a-z-]+)\s+(?:with|for|from|was|were|is|are|rose|fell|traded|stood|closed|ended)\b"
)

_NEW_SUBJECT = re.compile(r"\band\s+(?:the|a|an|its|their)\s")


def priced_goods(text: str, c_start: int, mention: Mention, measures: Measures) -> str | None:
    """What a price per unit is the price of, when the clause's subject names it: "Ukrainian wheat for export
    was quoted at about $205 a tonne" prices wheat. Money per unit of a quantity only ("$205 a tonne")."""
    if not _is_unit_price(mention.unit):
        return None
    m = _SUBJECT_OPENING.match(text[c_start:mention.start])
    if m is None or _NEW_SUBJECT.search(text, c_start + m.end(), mention.start):
        return None  # "... and the natural gas contract was up 10.4 cents to US $2.24 per mmBTU": another subject
    *words, head = m.group(1).split()
    if head in _NOT_ITEMS or head in measures.agents or any(w in _DETERMINERS for w in words):
        return None
    return " ".join([*words, singular(head)])


def _is_money(unit: str | None) -> bool:
    return unit is not None and canonical_unit(unit).is_money and "/" not in unit


def _is_money_or_share(unit: str | None) -> bool:
    return unit is not None and (unit == "percent" or _is_money(unit))


def _is_unit_price(unit: str | None) -> bool:
    return unit is not None and "/" in unit and canonical_unit(unit).is_money


_EXTENT_DIMENSIONS = ("[length]", "[length] ** 2")
# Common nouns that end a name of a thing with a size: "Sau reservoir", "Slieve Gullion tunnel".
_THING_NOUNS = re.compile(r"\b(reservoir|tunnel|pipeline|dam|bridge|lake|canal|road|railway|line|airport|runway|park|forest|field|island|mine|plant|site|wall|border)$", re.I)


def is_area(unit: str | None) -> bool:
    return unit is not None and canonical_unit(unit).dimension == "[length] ** 2"


def is_extent(unit: str | None) -> bool:
    return unit is not None and canonical_unit(unit).dimension in _EXTENT_DIMENSIONS


def head_noun(name: str) -> str | None:
    m = _THING_NOUNS.search(name)
    return m.group(1).lower() if m else None


def implied_item(unit: str | None) -> str | None:
    """What some units measure by themselves: any temperature is a temperature."""
    if unit is None:
        return None
    if canonical_unit(unit).dimension == "[temperature]":
        return "temperature"
    return _UNIT_ITEMS.get(unit)


# Units that name their commodity: a barrel in the news is a barrel of oil.
_UNIT_ITEMS = {"oil_barrel": "oil"}
