"""Quantity mentions: a number with its unit or counted item.

``find_numbers`` reads the figure as written ("about eight million",
"$2.5bn", "40%"); this module reads what the figure counts or measures:
a unit right after it ("550 kilometres", "550-kilometre pipeline", "35C",
"10.0 mln dlrs"), a currency written before it ("RM23.50", "HK$5.4m"), or
the noun phrase it counts ("10,000 North Korean soldiers" -> "soldier").
It also marks differences ("rose by 3%", "2 percentage points") so that a
change is never compared with a level.

Units are matched with one precompiled regex of the lexicon's forms
(``checker.units``), anchored right after each number: no pint parsing here.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from checker.extraction.numbers import NumberSpan, find_numbers
from checker.model import Mention
from checker.units import (
    UnitAlias,
    UnitLexicon,
    canonical,
    lexicon,
    match_after,
    match_before,
)

PERCENT = "percent"
PERCENTAGE_POINT = "percentage_point"


class _Caseless:
    """A case-insensitive pattern that runs case-sensitively on ASCII text lower-cased once.

    Python's regex engine has no fast scan for ``re.I`` alternations; on ASCII
    text the same pattern, all its words in lower case, matches the
    lower-cased text at the same offsets. Other text takes the ``re.I`` path.
    Only offsets may be read from the result: its text is lower-cased.
    """

    __slots__ = ("caseless", "folded")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.caseless = re.compile(pattern, flags | re.I)
        self.folded = re.compile(pattern, flags)

    def search(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        lowered = _ascii_lowered(text)
        if lowered is None:
            return self.caseless.search(text, pos, endpos)
        return self.folded.search(lowered, pos, endpos)

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        lowered = _ascii_lowered(text)
        if lowered is None:
            return self.caseless.match(text, pos)
        return self.folded.match(lowered, pos)


@lru_cache(maxsize=16)
def _ascii_lowered(text: str) -> str | None:
    """``text`` lower-cased when it is ASCII (then offsets and word boundaries are kept), else None."""
    return text.lower() if text.isascii() else None

# Words that end a counted noun phrase: function words, auxiliaries, common
# reporting verbs and time words ("3 million shells annually", "1,500 have").
_STOP_WORDS = frozenset(
    """
    a an the this that these those its it it's their his her our your my them they he she we you i us him
    of in on at by for from to into onto with without within about above below over under between among
    through during before after since until till than as per via against toward towards across along
    around near off out up down upon beyond despite except like unlike amid amongst throughout
    beneath beside behind inside outside underneath alongside vs versus unable able
    and or but nor yet so if then because while whereas although though unless whether when where which
    who whom whose what why how there here all both each every either neither no not any
    is are was were be been being am has have had having do does did done will would shall should can could
    may might must ought said says say told tells according reported reports announced added adds
    including included includes include such annually yearly monthly weekly daily hourly quarterly
    ago last next earlier later already now still also even just only again too very more most less least
    year years month months week weeks day days today tomorrow yesterday tonight
    morning evening night afternoon
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    percent per cent
    """.split()
) | frozenset(
    # Verbs in -s that follow a counted noun ("the 550-kilometre pipeline carries").
    """
    carries connects takes makes goes comes remains seems gives stands lies sits puts keeps brings sends
    provides produces includes contains serves lets helps proves appears becomes begins faces reaches
    remain expect expects
    """.split()
)
# Words ending in -ly that are nouns, not adverbs that end a phrase.
_LY_NOUNS = frozenset("family ally rally supply assembly reply monopoly anomaly belly fly lily bully jelly".split())
# A word, an initialism written with dots ("U.S. troops"), or a name with its number ("COVID-19 tests", "A350 jets").
_WORD = re.compile(
    r"[ \t\n]+((?:[A-Z]\.){2,}(?=\s+[a-z])|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*|-?\d+[A-Za-z]*(?![\w.,]?\d))*)"
)
_OF_DETERMINER = re.compile(
    r"\s+of\s+(?:(?:the|these|those|its|their|his|her|our|your|all|all\s+the|a|an)\s+)?", re.I
)
_PER_UNIT = re.compile(r"\s*/\s*|\s+(?:per|an?|each)\s+", re.I)
_MINUS = _Caseless(r"(?:\bminus[\s-]?|(?<![\w.,%)])[-−])\Z")
_MORE = re.compile(r"\s+(?:more|additional|extra|further|full|straight|consecutive|previous)\s+", re.I)
_AGE = re.compile(r"-old\b", re.I)
# What may follow a spaced scale letter ("12 C", "54 F") for it to be degrees.
# Not before a noun: "12 C batteries" are batteries.
_SPACED_DEGREE_END = re.compile(
    r"(?:[.,;:)]|\s*\Z|\s+(?:and|or|to|in|on|at|by|for|with|from|today|tonight|yesterday|overnight)\b)"
)
_EURO = re.compile(r"€|\beuros?\b", re.I)
_CALIBRE_AFTER = re.compile(
    r"\s+(?:calibre|caliber|shells?|rounds?|artillery|howitzers?|guns?|cannons?|mortars?|ammunition|munitions"
    r"|projectiles?|rifles?|pistols?)\b",
    re.I,
)
# A duration after these words is a time window ("over the past three years"), not a quantity.
_WINDOW_BEFORE = _Caseless(r"\b(?:past|last|next|previous|coming|first|final|recent)\s+\Z")
# Items a bare year modifies ("reported 2023 sales of 1.1 billion euros").
_YEAR_MODIFIED = frozenset(
    "sale result earning figure election target level price forecast budget revenue profit loss season game "
    "final account output harvest crop export import".split()
)
_RANK_BEFORE = _Caseless(r"\b(?:top|bottom)\s+\Z")
_DURATIONS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})
_DETERMINER_BEFORE = _Caseless(r"(?:\b(?:the|its|their|his|her|our|your|this|that|these|those|an?)|['’]s?)\s+\Z")

# A change, not a level: "rose by 3%", "up 19 cents", "fell 4.28 percent".
# Verbs and adverbs of a change, in every form read.
_CHANGE_WORDS = """
    rose rise rises risen rising fell fall falls fallen falling increase increased increases increasing
    decrease decreased decreases decreasing grew grow grows grown growing dropped drop drops dropping
    jumped jump jumps jumping climbed climb climbs gained gain gains lost lose loses slid slide slides
    slipped slip slips decline declined declines plunge plunged plunges plummeted soar soared soaring soars
    surge surged surges tumble tumbled tumbles sank sink sinks shed sheds advance advanced advances
    ease eased eases widened narrowed rallied dipped dip dips slumped slump slumps spike spiked added add adds
    up down higher lower upward upwards downward downwards
""".split()
_CHANGE_BEFORE = _Caseless(
    rf"""\b(?:{"|".join(_CHANGE_WORDS)}|trending\s+up|trending\s+down)
    \s+(?:by\s+)?(?:(?:an?\s+)?(?:further|another|additional|extra)\s+)?\Z""",
    re.X,
)
# The words a match of _CHANGE_BEFORE can end with, before its spaces.
_CHANGE_LAST_WORDS = frozenset(_CHANGE_WORDS) | {"by", "further", "another", "additional", "extra"}
# "gave up 517 yards", "set up 40 stalls": phrasal verbs, not a rise or fall.
_PHRASAL_UP = _Caseless(r"\b(?:gave|give|giving|given|set|picked|made|signed|put|shut|broke|turned|ended|wound|stepped)\s+(?:up|down)\b")
_CHANGE_AFTER = _Caseless(
    r"\s+(?:rise|increase|drop|decline|gain|fall|jump|cut|decrease|reduction|hike|boost|growth|slump|surge|plunge)s?\b",
)
# Names after which a number is part of an identifier ("S&P 500", "Category 4").
_IDENTIFIER_NAMES = (
    "S&P", "FTSE", "Fortune", "Nasdaq", "Stoxx", "Russell", "Nikkei", "DAX", "CAC", "ASX", "Kospi", "Sensex", "Formula",
    "Windows", "iPhone", "iOS", "Galaxy", "Pixel", "Model", "Series", "Class", "Type", "Level", "Grade", "Category",
    "Stage", "Phase", "Group", "Version", "Chapter", "Section", "Article", "Room", "Route", "Highway", "Interstate",
    "Flight", "Gate", "Platform", "Terminal", "Channel", "Episode", "Season", "Volume", "No.", "Number", "Act", "Part",
    "Title", "Rule", "Resolution", "Covid", "COVID", "Boeing", "Airbus", "Big", "Top",
)
_IDENTIFIER_BEFORE = re.compile(
    r"(?:\b(?:" + "|".join(re.escape(name) for name in _IDENTIFIER_NAMES) + r")\s+"
    r"|(?<![A-Za-z])[A-Za-z][A-Za-z]?-|[A-Za-z]-?[A-Z]+-)\Z"
)


# Words after a number that make it a name or an address ("iPhone 11 Pro", "787 Dreamliner",
# "575 Wilbraham Road", "350 W 42nd Street").
_MODEL_SUFFIX = r"(?:Pro|Max|MAX|Ultra|Plus|Mini|Lite|Edge|Series|Dreamliner)\b"
_IDENTIFIER_AFTER = re.compile(
    rf"""[ \t]+(?:{_MODEL_SUFFIX}
    |(?:(?:[A-Z][\w'’-]*|\d{{1,3}}(?:st|nd|rd|th))[ \t]+){{0,3}}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Drive|Boulevard|Blvd|Way|Place|Court
    |Terrace|Crescent|Square|Highway|ZIP[ \t]+Code)\b)""",
    re.X,
)


def _is_name_after(text: str, end: int) -> bool:
    """Whether a model name or an address follows (``_IDENTIFIER_AFTER``).

    Both begin with a space or tab and then a capital or a digit: a word in
    lower case after the number, the usual case, rules the pattern out.
    """
    if not text.startswith((" ", "\t"), end) or text[end + 1 : end + 2].islower():
        return False
    return _IDENTIFIER_AFTER.match(text, end) is not None


# A model name inside a noun phrase ("two new 737 Max jets"): read as its capitalized word.
_MODEL_IN_PHRASE = re.compile(rf"[ \t]+\d{{1,5}}[ \t]+({_MODEL_SUFFIX})")


def find_mentions(text: str, currency_hint: str | None = None) -> list[Mention]:
    """Every quantity mention of one sentence, with offsets into ``text``.

    ``currency_hint`` is the currency the whole article reports in (ISO code),
    for words the sentence alone leaves open: "45 cent" in an Irish article.
    """
    spans = find_numbers(text)
    if not spans:
        return []  # most sentences: nothing else to set up
    lex = lexicon()
    mentions: list[Mention] = []
    for span in spans:
        mention = _mention(text, span, lex)
        if mention is None:
            continue
        if currency_hint == "EUR" and mention.unit and "US_cent" in mention.unit:
            mention = replace(mention, unit=mention.unit.replace("US_cent", "euro_cent"))
        if mention.unit is None and mention.item is None and _is_age(text, mention):
            mention = replace(mention, unit="year", item="age")
        mentions.append(mention)
    if len(mentions) > 1:  # both share a unit between neighbouring figures
        _share_units(text, mentions)
        _share_suspended_hyphens(text, mentions)
    return mentions


# "four-, five- and six-cylinder engines", "two- or three-bedroom flats": the
# noun hyphened to the last figure is written once for all of them.
_SUSPENDED_GAP = re.compile(r"-,?\s+(?:(?:and|or|to)\s+)?", re.I)
_HYPHENED = re.compile(r"-[A-Za-z]|-\Z")


def _share_suspended_hyphens(text: str, mentions: list[Mention]) -> None:
    for index in range(len(mentions) - 2, -1, -1):  # from the right: the noun comes last
        first, second = mentions[index], mentions[index + 1]
        if (
            _bare(first)
            and not _bare(second)
            and _SUSPENDED_GAP.fullmatch(text, first.end, second.start)
            and _HYPHENED.search(text, second.start, second.end)
        ):
            mentions[index] = replace(first, end=first.end + 1, unit=second.unit, item=second.item)


# "280 million of the 1.5 billion shekels", "from 4.8 to 4.7 percent", "from
# 208 pounds to 193": a bare figure beside one with a unit measures in it.
_OF_THE_BETWEEN = re.compile(r"\s+of\s+(?:the|its|their|a|an)\s+\Z", re.I)
_TO_BETWEEN = re.compile(r"\s+to\s+\Z", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:about|around|roughly|nearly|almost|some|just)\s+)?\Z", re.I)


def _share_units(text: str, mentions: list[Mention]) -> None:
    for index in range(len(mentions) - 1):
        first, second = mentions[index], mentions[index + 1]
        gap = text[first.end : second.start]
        if _OF_THE_BETWEEN.match(gap) or (
            _TO_BETWEEN.match(gap) and _FROM_BEFORE.search(text, max(0, first.start - 16), first.start)
        ):
            if _scaled(text, second) and not _scaled(text, first):
                continue  # "from 24.2 to 33 billion euros": the scale is missing too
            if _bare(first) and second.unit is not None and second.unit != PERCENTAGE_POINT:
                mentions[index] = replace(first, unit=second.unit)
            elif _bare(second) and first.unit is not None and _TO_BETWEEN.match(gap):
                mentions[index + 1] = replace(second, unit=first.unit)


_SCALE_WRITTEN = re.compile(
    r"\d\s*(?:hundred|thousand|million|billion|trillion|lakhs?|crores?|bn|bln|mln|mn|tn|m|b|k)\b", re.I
)


def _scaled(text: str, mention: Mention) -> bool:
    return _SCALE_WRITTEN.search(text, mention.start, mention.end) is not None


def _bare(mention: Mention) -> bool:
    return mention.unit is None and mention.item is None


# "said Wa Ode Nurhayati, 34, who ...": an age in apposition to a name.
_NAME_BEFORE_AGE = re.compile(r"[A-Z][\w'’-]+,\s*\Z")


def _is_age(text: str, mention: Mention) -> bool:
    return (
        mention.value_to is None
        and float(mention.value).is_integer()
        and 1 <= mention.value <= 120
        and text.startswith(",", mention.end)
        and _NAME_BEFORE_AGE.search(text, max(0, mention.start - 40), mention.start) is not None
    )


def _mention(text: str, span: NumberSpan, lex: UnitLexicon) -> Mention | None:
    start, end = span.start, span.end
    if _is_identifier(text, start) or _is_name_after(text, end):
        return None
    measure = _fraction_of_a_unit(text, span) if span.fraction_of else None
    if measure is not None:  # "a quarter of a mile": 0.25 mile, not a 25 % share
        numerator, denominator = map(int, span.fraction_of.split("/"))
        span = span._replace(value=numerator / denominator, rounding=span.rounding / 100, percent=False)
    value, value_to = span.value, span.value_to
    minus = _minus_before(text, start)
    if minus and value > 0:
        start, value = minus.start(), -value
        value_to = -value_to if value_to is not None else None

    unit: str | None = None
    item: str | None = None
    if span.percentage_points:
        unit = PERCENTAGE_POINT
    elif span.percent:
        unit = PERCENT
    elif span.currency:
        unit = span.currency
        if text.startswith("$", start):
            # "HK $216,925", "US $58.24": a country mark written apart from the sign
            marked = match_before(text, start + 1)
            if marked is not None and marked[1] < start and marked[0].is_currency:
                unit, start = marked[0].unit, marked[1]
    else:
        prefix = match_before(text, start)
        if prefix is not None and prefix[0].is_currency:
            unit, start = prefix[0].unit, prefix[1]

    if measure is not None:
        unit, end = measure
    adjective = False
    following = _unit_after(text, end)
    if following is not None:
        alias, unit_end, adjective = following
        old = _AGE.match(text, unit_end)
        if old is not None:  # "a 2,900 year-old site": an age, used as an adjective
            unit_end, adjective = old.end(), True
        if unit is None:
            unit, end = alias.unit, unit_end
        elif _is_currency(unit) and _is_currency(_resolve_pound(alias.unit, unit, lex)):
            unit, end = _resolve_pound(alias.unit, unit, lex), unit_end  # "$5 billion dollars", "£2m pounds"
        elif unit in (PERCENT, PERCENTAGE_POINT) and alias.unit in (PERCENT, PERCENTAGE_POINT):
            unit, end = alias.unit, unit_end
        else:
            adjective = False
    if unit == "US_cent" and _EURO.search(text):
        unit = "euro_cent"  # "cents" in a sentence about euros
    if unit is not None and _is_currency(unit):
        unit, end = _per_measure(text, end, unit)

    if adjective:
        # "550-kilometre pipeline", "a 50-year-old man": the unit is an adjective
        # of the thing measured.
        phrase = _noun_phrase(text, end, lex)
        if phrase is not None:
            item, end = phrase
        elif (aside := _ASIDE.match(text, end)) is not None and (phrase := _noun_phrase(text, aside.end(), lex)):
            item = phrase[0]  # "a 14.5-kilometre (nine-mile) tunnel": the span stays before the aside, its own figure
    elif unit is None:
        phrase = _noun_phrase(text, end, lex, singular_count=value == 1 and value_to is None)
        if phrase is None:
            phrase = _hyphen_noun(text, end, lex)
        if phrase is not None:
            item, end = phrase
            unit, item = _unit_as_head(text, item, end, lex)
    if item is None:
        of_phrase = _OF_DETERMINER.match(text, end)
        if of_phrase is not None:
            measured = match_after(text, of_phrase.end()) if unit is None else None
            if measured is not None and not measured[0].glued and not measured[0].prefix:
                # "hundreds of miles", "tens of millions of dollars"
                unit, end = _resolve_pound(measured[0].unit, unit, lex), measured[1]
            else:
                phrase = _noun_phrase(text, of_phrase.end() - 1, lex, proper_ok=False)
                if phrase is not None:
                    item, end = phrase

    if span.maybe_year and not _keeps_year(text, span, unit, item, lex):
        return None
    if unit is None and item is None and _RANK_BEFORE.search(text, max(0, start - 12), start):
        return None  # "slipped into the bottom three": a rank; "the top three seeds" still counts seeds
    if adjective and unit in _DURATIONS and "-old" not in text[span.end:end].lower():
        return None  # "a 10-year average", "a five-year plan": a window, not a quantity
    if unit in _DURATIONS and _WINDOW_BEFORE.search(text, max(0, start - 12), start):
        return None
    if unit == "millimeter" and text.startswith("mm", span.end) and _CALIBRE_AFTER.match(text, end):
        return None  # "155mm shells": a calibre names the shell, it is not a measurement
    return Mention(
        start=start,
        end=end,
        value=value,
        value_to=value_to,
        unit=unit,
        item=item,
        qualifier=span.qualifier,
        rounding=span.rounding,
        approximate_words=span.words,
        # "shed 1,900 jobs" counts jobs cut; only a level ("shares shed 3%") moves by a change.
        is_change=unit == PERCENTAGE_POINT or (not (unit is None and item) and _is_change(text, span, start, end, unit)),
    )


def _minus_before(text: str, start: int) -> re.Match[str] | None:
    """"minus 5", "-5": the sign or word written right before ``start``.

    Either ends at most two characters before the number (a minus sign, or
    "minus" and a space), which a set test rules out for most numbers.
    """
    if not _MINUS_ENDINGS.intersection(text[max(0, start - 2) : start]):
        return None
    return _MINUS.search(text, max(0, start - 7), start)


# Characters that end a minus sign or the word "minus" in any case (ſ is a long s).
_MINUS_ENDINGS = frozenset("-−sSſ")


def _unit_after(text: str, pos: int) -> tuple[UnitAlias, int, bool] | None:
    """A unit right after a number: glued, after a space, or after a hyphen.

    The flag says the unit was hyphenated ("550-kilometre"), i.e. an adjective.
    """
    first = text[pos : pos + 1]
    if first not in _GAP_STARTS:  # no unit form begins with a space or a hyphen
        found = match_after(text, pos)
        if found is not None and not found[0].prefix:
            return found[0], found[1], False
    # The gaps " ", "-", "\u00a0" and "  ", tried in that order, by their first character.
    if first == " ":
        spaced = _unit_after_gap(text, pos, " ")
        if spaced is None and text.startswith("  ", pos):
            spaced = _unit_after_gap(text, pos, "  ")
    elif first == "-" or first == "\u00a0":
        spaced = _unit_after_gap(text, pos, first)
    else:
        spaced = None
    if spaced is not None:
        return spaced
    more = _MORE.match(text, pos) if first.isspace() else None
    return _unit_after_gap(text, pos, more.group()) if more else None


_GAP_STARTS = frozenset(" -\u00a0")


def _unit_after_gap(text: str, pos: int, gap: str) -> tuple[UnitAlias, int, bool] | None:
    """A unit written after ``gap`` (which starts at ``pos``)."""
    found = match_after(text, pos + len(gap))
    if found is not None and not found[0].glued and not found[0].prefix:
        return found[0], found[1], gap == "-"
    if found is not None and found[0].glued and gap == " " and _SPACED_DEGREE_END.match(text, found[1]):
        return found[0], found[1], False  # "a high of 12 C." in Canadian style
    return None


_OF_A = re.compile(r"\s+of\s+an?\s+", re.I)


def _fraction_of_a_unit(text: str, span: NumberSpan) -> tuple[str, int] | None:
    """The unit and its end in "a quarter of a mile", "1/16 of a pint": a fraction measures in it."""
    of_a = _OF_A.match(text, span.end)
    found = match_after(text, of_a.end()) if of_a is not None else None
    if found is None or found[0].glued or found[0].prefix or found[0].unit == lexicon().ambiguous_pound:
        return None
    return found[0].unit, found[1]


def _resolve_pound(unit: str, current: str | None, lex: UnitLexicon) -> str:
    """A bare "pounds" is money only when the number already carries £ (or GBP).

    Otherwise it is the mass unit: "pounds sterling" and "stg" are the
    lexicon's own GBP forms, and a bare "2 million pounds" stays mass.
    """
    if unit == lex.ambiguous_pound and current == "GBP":
        return "GBP"
    return unit


def _per_measure(text: str, end: int, currency: str) -> tuple[str, int]:
    """"$58.24 per barrel" is a price per unit: USD / oil_barrel. Time rates stay separate."""
    joint = _PER_UNIT.match(text, end)
    if joint is None or joint.end() == end:
        return currency, end
    found = match_after(text, joint.end())
    if found is None:
        return currency, end
    alias, unit_end = found
    after = canonical(alias.unit)
    if alias.period or after.dimension in ("[time]", "[count]", "[percent]") or after.is_money:
        return currency, end
    return f"{currency} / {alias.unit}", unit_end


def _is_currency(unit: str) -> bool:
    return unit not in (PERCENT, PERCENTAGE_POINT) and bool(unit) and canonical(unit).is_money


def _is_identifier(text: str, start: int) -> bool:
    """Numbers inside names the number grammar let through ("S&P 500", "TA-35", "G7")."""
    if start > 0 and text[start - 1].isalnum():
        return True
    # Cheap necessary conditions first: a name then spaces, or a hyphen, right before the number.
    window = max(0, start - 14)
    if start == 0 or (text[start - 1] != "-" and not text[window:start].rstrip().endswith(_IDENTIFIER_NAMES)):
        return False
    return _IDENTIFIER_BEFORE.search(text, window, start) is not None


# A short aside in parentheses between an adjectival figure and its noun: " (nine-mile)".
_ASIDE = re.compile(r" ?\([^()\n]{1,40}\)(?= )")


def _noun_phrase(
    text: str, pos: int, lex: UnitLexicon, proper_ok: bool = True, singular_count: bool = False
) -> tuple[str, int] | None:
    """The counted noun phrase starting at ``pos``, lemmatized, with its end offset.

    Capitalized modifiers (nationalities, names) and common adjectives such as
    "new" or "more" are not part of the item: "10,000 North Korean soldiers"
    counts soldiers.
    """
    table = _WORD_FACTS.get(lex) or _word_facts_table(lex)
    words: list[tuple[_WordFacts, int]] = []
    cursor = pos
    while len(words) < 5:
        match = _WORD.match(text, cursor) or _MODEL_IN_PHRASE.match(text, cursor)
        if match is None:
            break
        word = match.group(1)
        facts = table.get(word) or _learn_word(word, lex, table)
        if facts.stop:
            if facts.lowered in ("and", "or") and words and not any(f.capital for f, _ in words):
                joined = _coordinated(text, match.end(), lex)  # "4.3M digital and physical sales"
                if joined is not None:
                    return joined
            break
        if words:
            previous = words[-1][0]
            if facts.ends_phrase or (facts.capital and not previous.capital and not previous.dropped):
                break  # "tanks destroyed", "hydrogen Germany expects"; but "eight straight World Cups"
            if singular_count and facts.plural:
                break  # "one proposal asks": after "one" a plural is a verb
        words.append((facts, match.end()))
        cursor = match.end()
        if facts.plural:
            break  # a plural noun ends the phrase ("shells annually", "fouls proves")
    while words and words[-1][0].adverb:
        words.pop()
    if not words:
        return None
    end = words[-1][1]
    kept = [facts for facts, _ in words if not facts.dropped]
    for first, facts in enumerate(kept):
        if not facts.capital:
            kept = kept[first:]  # drop capitalized modifiers before the first common noun
            break
    else:
        if not kept or not (proper_ok or kept[-1].plural):
            return None
        kept = kept[-1:]  # "1,307,000 Americans", "millions of Americans"
    last = kept[-1]
    if len(kept) == 1 and (len(last.word) == 1 or last.lowered.endswith(("ing", "ed"))):
        return None  # "73 raising the prospect", "2.5 F": not a counted thing
    item = last.head if len(kept) == 1 else " ".join([facts.form for facts in kept[:-1]] + [last.head])
    return lex.item_synonyms.get(item, item), end


class _WordFacts:
    """What the noun-phrase grammar asks of one word as written, worked out once per distinct word.

    A phrase is read word by word after every number; looking the answers up
    in a table spares the string tests for the words news repeats.
    """

    __slots__ = ("word", "lowered", "capital", "stop", "plural", "ends_phrase", "dropped", "adverb", "form", "head")

    def __init__(self, word: str, lex: UnitLexicon) -> None:
        lowered = word.lower()
        self.word = word
        self.lowered = lowered
        self.capital = word[0].isupper()
        self.stop = lowered in _STOP_WORDS and word not in _NAMES_LIKE_STOP_WORDS
        self.plural = _is_plural(lowered, lex)
        self.ends_phrase = _ends_phrase(word)
        self.dropped = lowered in lex.dropped_modifiers
        self.adverb = lowered.endswith("ly") and lowered not in _LY_NOUNS
        self.form = word if word.isupper() else lowered  # as a modifier in the item
        self.head = singular(word, lex)  # as the last word of the item


# Capitalized so, a name that lower-cases to a stop word: "3 US soldiers" counts soldiers, "give us 5" nothing.
_NAMES_LIKE_STOP_WORDS = frozenset({"US"})
_WORD_FACTS: dict[UnitLexicon, dict[str, _WordFacts]] = {}
_WORD_FACTS_LIMIT = 100_000  # distinct words kept per lexicon; the table starts afresh past it


def _word_facts_table(lex: UnitLexicon) -> dict[str, _WordFacts]:
    table = _WORD_FACTS.get(lex)
    if table is None:
        table = _WORD_FACTS[lex] = {}
    return table


def _learn_word(word: str, lex: UnitLexicon, table: dict[str, _WordFacts]) -> _WordFacts:
    if len(table) >= _WORD_FACTS_LIMIT:
        table.clear()
    facts = table[word] = _WordFacts(word, lex)
    return facts


# "a 12-member panel", "a three-point shot", "six-cylinder engines": the number
# counts the noun hyphened to it. Not a multiplier or a vague tail ("10-fold",
# "20-odd", "a 5,000-strong force", "two-time champion").
_HYPHEN_NOUN = re.compile(r"-([a-z][a-z'’]+)\b(?!-)")
_NOT_HYPHEN_NOUNS = frozenset("fold odd plus something strong ish time way nil all".split())


def _hyphen_noun(text: str, pos: int, lex: UnitLexicon) -> tuple[str, int] | None:
    """The counted noun of a hyphened compound right after the number, singular, with its end."""
    found = _HYPHEN_NOUN.match(text, pos)
    if found is None:
        return None
    word = found.group(1)
    if word in _STOP_WORDS or word in _NOT_HYPHEN_NOUNS or _ends_phrase(word):
        return None
    return singular(word, lex), found.end()


def _coordinated(text: str, pos: int, lex: UnitLexicon) -> tuple[str, int] | None:
    """After "digital and": the head of the plural noun phrase that follows, or None if there is none.

    The words before "and" modify that head, as its own modifier does ("physical
    sales"): a lone word after "and" is no such phrase ("of water and weighs 3 ounces")."""
    phrase = _noun_phrase(text, pos, lex, proper_ok=False)
    if phrase is None or " " not in phrase[0] or not _is_plural(text[:phrase[1]].rsplit(None, 1)[-1].lower(), lex):
        return None
    return phrase[0].rsplit(" ", 1)[-1], phrase[1]


def _unit_as_head(text: str, item: str, end: int, lex: UnitLexicon) -> tuple[str | None, str | None]:
    """ "517 rushing yards": a phrase whose last word is a unit measures, not counts."""
    head_start = max(text.rfind(" ", 0, end), text.rfind("-", 0, end)) + 1
    found = match_after(text, head_start)
    if found is None or found[1] != end or len(found[0].form) < 3 or found[0].glued:
        return None, item
    if found[0].unit == lex.ambiguous_pound or not item.endswith(" " + singular(text[head_start:end], lex)):
        return None, item
    return found[0].unit, None


def _ends_phrase(word: str) -> bool:
    """Past participles and adverbs after a noun end the phrase ("500 tanks destroyed")."""
    lowered = word.lower()
    return lowered.endswith("ed") or (lowered.endswith("ly") and lowered not in _LY_NOUNS) or (
        lowered.endswith("ing") and len(lowered) > 5
    )


def _is_plural(word: str, lex: UnitLexicon) -> bool:
    if word in lex.irregular_nouns or word in lex.invariant_nouns:
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))


def singular(word: str, lex: UnitLexicon | None = None) -> str:
    """The singular of a counted noun, from the lexicon's irregulars and a few rules.

    Words the lexicon keeps plural ("people", "police", "troops") stay as
    written: news counts people, not persons.
    """
    lex = lex or lexicon()
    keep_case = word[0].isupper() and not word.isupper()
    lowered = word if keep_case else word.lower()
    key = lowered.lower()
    if key in lex.invariant_nouns:
        result = key
    elif key in lex.irregular_nouns:
        result = lex.irregular_nouns[key]
    elif "-" in key:
        parts = lowered.split("-")
        return "-".join(parts[:-1] + [singular(parts[-1], lex)])
    elif len(key) > 4 and key.endswith("ies"):
        result = lowered[:-3] + "y"
    elif key.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        result = lowered[:-2]
    elif len(key) > 3 and key.endswith("s") and not key.endswith(("ss", "us", "is")):
        result = lowered[:-1]
    else:
        result = lowered
    return result if keep_case else result.lower()


def _keeps_year(text: str, span: NumberSpan, unit: str | None, item: str | None, lex: UnitLexicon) -> bool:
    """A bare 1000..2199 integer is a year unless a unit or a plural item follows."""
    if unit is not None:
        return True
    if item is None or _DETERMINER_BEFORE.search(text, max(0, span.start - 8), span.start):
        return False  # "its 2024 sales", "the 2019 election"
    if item.rsplit(" ", 1)[-1] in _YEAR_MODIFIED:
        return False
    head = _WORD.match(text, span.end)
    return head is not None and _is_plural(head.group(1).lower(), lex) and not head.group(1)[0].isupper()


def _is_change(text: str, span: NumberSpan, start: int, end: int, unit: str | None) -> bool:
    before = span.qualifier_start if span.qualifier_start is not None else start
    change = _change_before(text, before)
    if change and not _PHRASAL_UP.search(text, max(0, change.start() - 12), change.start() + 5):
        return True
    if before > 0 and text[before - 1] == "+":
        return True
    return unit == PERCENT and _CHANGE_AFTER.match(text, end) is not None


def _change_before(text: str, before: int) -> re.Match[str] | None:
    """``_CHANGE_BEFORE`` in the 40 characters before ``before``.

    A match ends in spaces after one of ``_CHANGE_LAST_WORDS``: when the last
    word is plain ASCII letters and not one of them ("the", "of", "about"), the
    usual case, the search cannot match and is skipped.
    """
    window = max(0, before - 40)
    head = text[window:before]
    if not head[-1:].isspace():
        return None
    last = head.rsplit(None, 1)[-1] if head.strip() else ""
    if last.isascii() and last.isalpha() and last.lower() not in _CHANGE_LAST_WORDS:
        return None
    return _CHANGE_BEFORE.search(text, window, before)
