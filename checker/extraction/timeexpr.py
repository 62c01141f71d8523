"""Rates, time windows and targets in one sentence.

A figure only becomes comparable once we know *over what time* it counts:
"three million shells annually" is a rate, "eight million shells since August
of last year" is a running total over a window, "10,000 troops by 2030" is a
target. This module finds those expressions and turns relative ones into
explicit dates against the article's publication date, never against today.
Where the words leave room (which day of "August"?) the result is a range:
``window_start``..``window_start_latest`` and
``window_end_earliest``..``window_end``, and ``assumption`` says how it was
read so an editor can check it.

Choices an editor may want to know:

* "twice a year" is a rate of one per six months (P6M); "N times a <unit>" is
  kept only when it divides the unit into whole smaller units (years into
  months, weeks into days, days into hours), otherwise it is dropped.
* Hour rates right after a length unit ("km an hour", "miles per hour") are
  speeds, owned by the unit extractor, and are skipped. "20 km a day" stays a
  rate: a distance per day is still a rate.
* "last week" is the calendar week (Monday to Sunday) before the one of
  publication; "this year" and the current month end at publication.
* A quarter or half without a year is the most recent one that had ended by
  publication; a month without a year is the most recent one that had begun.
  After "by" both look forward instead. The one exception is a month next to
  publication: "in August" written in July is the coming August, "by the end
  of June" written in July the June just ended.
* A bare year counts as a window only before a noun ("2023 sales", "the 2022
  energy crisis"); a deadline already past has no start at publication.
* Single days ("on Thursday", "on July 22") are not windows; callers that want
  them as the day a level was read ask ``find_point_dates``.
* Fiscal years are read as calendar years, and the assumption says so.
* "between 1500 and 2000 troops" is a count, not a year range: round "years"
  (multiples of 50) followed by a content word are skipped.
"""

from __future__ import annotations

import bisect
import re
from calendar import monthrange
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import chain

from text_to_num import text2num

from checker.lexicon import fold_case, plain_twins
from checker.model import TimeExpression

__all__ = ["find_point_dates", "find_time_expressions", "find_times_and_points"]

NO_DATE = "no publication date"
NO_SINCE_END = "no publication date: end of 'since' window unknown"

# --------------------------------------------------------------------------
# Regex building blocks. Group names carry a "§" that each use replaces with
# its own tag, so one sentence pattern can hold two references (ranges).
# Month names are case-sensitive: "may" and "mar" are verbs.

_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")
_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
_MONTH = (
    r"(?-i:(?P<{name}§>(?:" + "|".join(_MONTH_NAMES) + r")\b|(?:" + "|".join(_MONTH_ABBREVIATIONS) + r")(?:\.|\b)))"
)
_YEAR = r"(?<![\w,.$€£])(?P<{name}§>1\d\d\d|20\d\d)(?![\w%]|[.,]\d)"


def _month(name: str) -> str:
    return _MONTH.format(name=name)


def _year(name: str) -> str:
    return _YEAR.format(name=name)


_REF_TEMPLATE = (
    r"(?:(?:the\s+)?(?P<part§>start|beginning|outset|end|close|middle|rest|remainder)\s+of\s+)?"
    r"(?:(?P<edge§>earlier|later|early|mid|late)(?:-|\s+))?"
    r"(?:"
    r"(?P<fy§>(?:fiscal(?:\s+year)?\s*|(?-i:FY)\s?)(?P<fyy§>\d{4}|['’]?\d\d))(?![-–/]\d)(?![\w%])"
    r"|(?P<q§>(?:the\s+)?(?P<qn§>first|second|third|fourth|final|1st|2nd|3rd|4th)"
    r"(?P<qsep§>\s+|-)(?P<qw§>quarter|half)|(?-i:(?P<qc§>Q[1-4]|H[12])))"
    r"(?:\s+(?:of\s+)?(?:" + _year("qy") + r"|(?P<qrel§>last|this|next)\s+year|the\s+year"
    r"|fiscal\s+(?:year\s+)?" + _year("qfy") + r"))?(?!\s+of\b)(?![\w-])"
    r"|(?:the\s+)?(?P<dec§>1\d\d0|20\d0)['’]?s\b"
    r"|(?P<lastm§>last)\s+" + _month("lm") +
    r"|" + _month("dm") + r"\s+(?P<day§>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+" + _year("dy") + r")?"
    r"|(?P<day2§>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _month("dm2") + r"(?:,?\s+" + _year("dy2") + r")?"
    r"|" + _month("mm") + r"(?:,?\s+" + _year("my") + r"|\s+(?:of\s+)?(?P<mrel§>last|this|next)\s+year)?"
    r"|(?P<rel§>last|this|next|current|the)\s+(?P<relu§>year|month|week|quarter|decade)\b(?!-)(?!\s+of\b)"
    r"|(?P<yend§>year[- ]end)\b"
    r"|" + _year("y") +
    r")"
)


def _ref(tag: str = "") -> str:
    return _REF_TEMPLATE.replace("§", tag)


_FLAGS = re.IGNORECASE
# The first letter of every word a window can start with ("in", "the", "early",
# "fiscal", "Q3", a month, "last", "year-end", a digit...). The engine tries a
# pattern at every word; this one-character test lets it skip most of them.
_WINDOW_FIRST_CHAR = r"(?=[a-fh-jl-oq-ty\d])"
_WINDOW_RE = re.compile(
    r"\b" + _WINDOW_FIRST_CHAR
    + r"(?:(?P<prep>in|during|throughout|for|across)\s+(?:the\s+(?:whole|entire|course)\s+of\s+)?)?"
    + _ref(),
    _FLAGS,
)
_WINDOW_RE_FOLDED = re.compile(_WINDOW_RE.pattern)  # for sentences without names as written: see _find_windows
_SINCE_RE = re.compile(r"\b(?:(?:in\s+total|in\s+all|ever)\s+)?since\s+" + _ref(), _FLAGS)
_TARGET_RE = re.compile(r"\bby\s+" + _ref(), _FLAGS)
_RANGE_RE = re.compile(
    r"\b(?:between|from)\s+" + _ref("a") + r"\s+(?:and|to|through|until|till|[-–])\s+" + _ref("b"), _FLAGS
)
_YEAR_RANGE_RE = re.compile(
    r"(?:\b(?P<prep>in|during|over|throughout|from|between)\s+)?"
    + _year("ya").replace("§", "")
    + r"\s?[-–—]\s?(?P<yb>\d{4}|\d\d)(?![\w%]|[.,]\d)",
    _FLAGS,
)
_SO_FAR = r"(?:so\s+far|thus\s+far|to\s+date)"
_SO_FAR_RE = re.compile(
    r"\b" + _SO_FAR + r"(?:\s+(?:in\s+)?" + _ref("s") + r")?|" + r"\b" + _ref("t") + r"\s+" + _SO_FAR
    + r"|\b(?P<ytd>year[- ]to[- ]date|(?-i:YTD))\b",
    _FLAGS,
)
_PAST_RE = re.compile(
    r"\b(?:(?:over|in|during|for|within|across|throughout)\s+)?the\s+(?:past|last)\s+"
    r"(?:(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+(?:of\s+)?)?"
    r"(?P<unit>years?|months?|weeks?|days?|hours?|decades?|quarters?|centur(?:y|ies))\b(?!\s+of\b)(?!-)",
    _FLAGS,
)
_RECENT_RE = re.compile(r"\bin\s+recent\s+(?:years|months|weeks|days|decades)\b", _FLAGS)
_EVENT_WORDS = (
    "war|invasion|conflict|pandemic|outbreak|crisis|coup|revolution|elections?|attacks?|ceasefire|truce"
    "|annexation|uprising|referendum|earthquake|hurricane|takeover|offensive|counter-?offensive|blockade"
    "|lockdowns?|recession|collapse|independence|occupation|fighting|hostilities|strike|merger|deal"
)
_EVENT_RE = re.compile(
    (
        r"\b(?:(?:in\s+total|in\s+all|ever)\s+)?since\s+(?P<event>(?:the\s+)?"
        r"(?:(?:start|beginning|outset|outbreak|onset|end)\s+of\s+(?:the\s+)?)?"
        r"(?:[\w'’-]+\s+){0,3}?(?:" + _EVENT_WORDS + r"))\b"
        r"(?:\s+(?:began|started|broke\s+out|erupted|ended|took\s+effect))?"
        r"(?:\s+(?:of|in|on|against)\s+(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,2})?"
        r"(?:\s+in\s+(?:" + _month("em") + r"\s+)?" + _year("ey") + r")?"
    ).replace("§", ""),
    _FLAGS,
)
_SINCE_DATED_EVENT_RE = re.compile(
    r"\b(?:(?:in\s+total|in\s+all|ever)\s+)?since\s+(?P<event>(?:[\w'’-]+\s+){1,4}?"
    r"(?:began|begun|started|broke\s+out|erupted|opened|took\s+effect|came\s+into\s+force"
    r"|(?:was|were)\s+(?:declared|launched|signed|opened|introduced|imposed|announced|confirmed|detected|reported)))"
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:on|in)\s+" + _ref(),
    _FLAGS,
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SINCE_WEEKDAY_RE = re.compile(
    r"\bsince\s+(?P<last>last\s+)?(?-i:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    _FLAGS,
)
_WEEKDAY = r"(?-i:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
_POINT_RE = re.compile(
    (
        r"\bon\s+(?:" + _WEEKDAY + r"(?:,?\s+(?=\S*\d|(?-i:[A-Z])))?)?"
        r"(?:" + _month("dm") + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+" + _year("dy") + r")?"
        r"|(?:the\s+)?(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _month("dm2")
        + r"(?:,?\s+" + _year("dy2") + r")?)"
        r"|\bon\s+" + _WEEKDAY.replace("weekday", "weekday_only") + r"(?:\s+(?:morning|afternoon|evening|night))?"
    ).replace("§", ""),
    _FLAGS,
)
# A bare year before a noun: "2023 sales", "the 2022 energy crisis", "its 2023 outbreak".
_YEAR_MODIFIER_RE = re.compile(
    r"(?:\b(?P<det>the|its|their|his|her|our|this|that)\s+)?" + _year("y").replace("§", "")
    + r"(?=\s+(?P<noun>[a-z][\w-]*))",
    _FLAGS,
)
_YEAR_MODIFIER_RE_FOLDED = re.compile(_YEAR_MODIFIER_RE.pattern)  # for sentences folded as lower-cased: see below
_PERIOD_NOUNS = frozenset(
    "sales revenue revenues profit profits earnings results output production exports imports budget season "
    "outbreak harvest figures figure deficit surplus growth emissions election elections census level levels "
    "total totals data report forecast target quota crop campaign drought heatwave floods crisis war "
    "invasion average peak record".split()
)
_SINCE_THEN_RE = re.compile(r"\bsince\s+then\b", _FLAGS)
_EXPLICIT_DATE_RE = re.compile((r"(?:" + _month("xm") + r"\s+)?" + _year("xy")).replace("§", ""), _FLAGS)

_RATE_RE = re.compile(
    r"(?=[\w/])"  # every rate starts with a word or a slash: skip other positions at once
    r"(?:\b(?:"  # one word-boundary test for the word forms, not one per form
    r"(?P<freq>(?:once|twice|thrice|(?P<times>\d{1,3}+|[a-z]++)\s+times)\s+(?:a|an|per|each|every)\s+"
    r"(?P<funit>year|quarter|month|week|day|hour))\b"
    r"|(?P<every>(?:every|each)\s+(?:single\s+)?(?:(?P<en>\d{1,3}|other|[a-z]+(?:-[a-z]+)?)\s+)?"
    r"(?P<eunit>years?|quarters?|months?|weeks?|fortnight|days?|hours?|decades?))\b(?!-)"
    r"|(?P<per>(?P<pw>per|each|a|an)\s+(?P<punit>year|annum|quarter|month|week|fortnight|day|hour|decade))\b"
    r"|(?P<adv>annually|annual|annuali[sz]ed|yearly|p\.a\.|quarterly|monthly|weekly|fortnightly|daily|hourly"
    r"|biennially|semi-?annually|half-yearly)(?![\w-]))"
    r"|(?P<slash>/\s?(?P<sunit>yr|year|month|mo|wk|week|day|hr|hour))(?![a-z]))",
    _FLAGS,
)
# The count before "times" is taken whole (possessive: a space must follow it,
# so giving back letters never helps), which spares a retry per letter of every word.
_RATE_RE_FOLDED = re.compile(_RATE_RE.pattern)  # for ASCII text lower-cased: see _find_rates

_PERIOD_OF_UNIT = {
    "year": "P1Y", "annum": "P1Y", "quarter": "P3M", "month": "P1M", "mo": "P1M", "week": "P1W",
    "wk": "P1W", "fortnight": "P2W", "day": "P1D", "hour": "PT1H", "hr": "PT1H", "yr": "P1Y",
    "decade": "P10Y",
}
_PERIOD_OF_ADVERB = {
    "annually": "P1Y", "annual": "P1Y", "annualised": "P1Y", "annualized": "P1Y", "yearly": "P1Y",
    "p.a.": "P1Y", "quarterly": "P3M", "monthly": "P1M", "weekly": "P1W", "fortnightly": "P2W",
    "daily": "P1D", "hourly": "PT1H", "biennially": "P2Y", "semiannually": "P6M",
    "semi-annually": "P6M", "half-yearly": "P6M",
}
# "every N <unit>s": ISO designator and how many of it one unit holds.
_MULTIPLE_OF_UNIT = {
    "year": ("Y", 1, ""), "decade": ("Y", 10, ""), "quarter": ("M", 3, ""), "month": ("M", 1, ""),
    "week": ("W", 1, ""), "fortnight": ("W", 2, ""), "day": ("D", 1, ""), "hour": ("H", 1, "T"),
}
# "N times a <unit>": the unit split into smaller whole units.
_SPLIT_OF_UNIT = {
    "year": ("M", 12, ""), "quarter": ("M", 3, ""), "week": ("D", 7, ""), "day": ("H", 24, "T"),
    "hour": ("M", 60, "T"), "month": ("M", 1, ""),
}
_TIMES_WORD = {"once": 1, "twice": 2, "thrice": 3}

# Words before "a year"/"an hour" that make it a duration, not a rate.
_DURATION_LEAD_WORDS = frozenset(
    "for in within over under than after before about around almost nearly roughly approximately some "
    "just only half whole entire of take takes took taken taking spent spend spends lasted lasts last "
    "lasting wait waited by on such what full another to past next during into from through throughout "
    "since least most once".split()
)
_CHANGE_VERBS = frozenset(
    "rose rise rises risen fell fall falls fallen increased increase increases decreased decrease "
    "decreases grew grow grows grown cut cuts reduced reduce reduces raised raise raises lowered lower "
    "boosted boost slashed jumped jump dropped drop drops declined decline declines climbed climb "
    "shrank shrink expanded expand gained gain lost surged soared plunged plummeted tumbled widened "
    "narrowed exceeded up down higher lower more less".split()
)
_DURATION_TAIL_RE = re.compile(
    r"(?:-|['’]s\b|\s+(?:ago|earlier|later|before|after|over\s+year|old|long|and\s+a\s+half"
    r"|or\s+(?:so|two|more|less)|from\s+now|into|in\s+which|of|since|apart|in\s+advance|prior|when)\b"
    r"|\s+on(?=\s*(?:[,.;:]|$|from\b|since\b|and\b)))",
    _FLAGS,
)
_FRACTION_TAIL_RE = re.compile(
    r"\s*(?:of|point|percentage|century|mile|hour|per|-)\b|-", _FLAGS
)
_LENGTH_UNITS = frozenset(
    "km kms kilometre kilometres kilometer kilometers mile miles mi m metre metres meter meters "
    "ft feet foot yard yards nautical".split()
)
_NEWSPAPER_RE = re.compile(r"\s+(?:newspaper|paper|tabloid|broadsheet|(?-i:[A-Z]))", _FLAGS)
# A bare year followed by a content word is more likely a count: "from 1500 to 2000 troops".
_COUNT_TAIL_RE = re.compile(
    r"\s+(?!(?:the|a|an|and|or|but|when|while|as|to|in|on|at|by|for|from|with|of|that|which|period"
    r"|season|its|their|his|her|it|they|he|she|we|there|inclusive)\b)[a-z]"
)
_VAGUE_COUNTS = frozenset({"few", "several", "many", "couple"})

_QUARTER_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
}


# --------------------------------------------------------------------------
# Calendar periods.


_Groups = Callable[[str], "str | None"]  # a reference's named groups, by name without its tag


@dataclass(frozen=True, slots=True)
class _Period:
    """Days a time reference can cover: ``first``..``last`` (None: not dated)."""

    first: date | None
    last: date | None
    note: str | None = None  # how the year was chosen, etc.
    runs_on: bool = False  # meant to run past publication: "the rest of the year"


# Whole months by calendar arithmetic: a relativedelta sum costs microseconds, and nearly
# every dated reference spans a month, a quarter or a half.
def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, monthrange(year, month)[1])


def _year_span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _months_span(year: int, first_month: int, months: int) -> tuple[date, date]:
    first = date(year, first_month, 1)
    years_on, last_month = divmod(first_month + months - 2, 12)  # the last month, counted from 0
    return first, _month_span(year + years_on, last_month + 1)[1]


def _month_number(name: str) -> int:
    return ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").index(
        name[:3].lower()
    ) + 1


def _recent_month_year(month: int, published: date, direction: str, strictly_before: bool = False) -> int:
    """Year of the most recent (past) or next (future) such month around publication."""
    if direction == "future":
        return published.year if month >= published.month else published.year + 1
    if strictly_before:
        return published.year if month < published.month else published.year - 1
    return published.year if month <= published.month else published.year - 1


def _resolve(groups: dict[str, str | None], tag: str, published: date | None, direction: str) -> _Period | None:
    """Turn one matched reference into days, or None when the match is not a time reference."""

    def tagged(name: str) -> str | None:
        return groups.get(name + tag)

    g = tagged if tag else groups.get  # most references are untagged: a dozen look-ups each, without the closure
    base = _base_period(g, published, direction)
    if base is None:
        return None
    part, edge = g("part"), g("edge")
    if edge:
        base = _apply_edge(base, edge.lower(), g, published)
        if base is None:
            return None
    if part and base.first is not None:
        part = part.lower()
        if part == "middle":
            base = _apply_edge(base, "mid", g, published)
        elif part in ("rest", "remainder"):
            if published is None or not base.first <= published <= base.last:
                return None
            base = _Period(published, base.last, base.note, runs_on=True)
        elif part in ("end", "close"):
            base = _Period(base.last, base.last, base.note)
        else:
            base = _Period(base.first, base.first, base.note)
    return base


def _base_period(g: _Groups, published: date | None, direction: str) -> _Period | None:
    def relative(make: Callable[[date], tuple[date, date]], note: str | None = None) -> _Period:
        if published is None:
            return _Period(None, None)
        first, last = make(published)
        return _Period(first, last, note=note)

    if g("fy"):
        digits = g("fyy").lstrip("'’")
        year = int(digits) if len(digits) == 4 else 2000 + int(digits)
        return _Period(*_year_span(year), note="fiscal year taken as the calendar year")
    if g("q"):
        return _quarter_period(g, published, direction)
    if g("dec"):
        start = int(g("dec"))
        return _Period(date(start, 1, 1), date(start + 9, 12, 31))
    if g("lastm"):
        month = _month_number(g("lm"))
        return relative(
            lambda p: _month_span(_recent_month_year(month, p, "past", strictly_before=True), month),
            note=f"the most recent {_month_name(month)} before the month of publication",
        )
    day_text = g("day") or g("day2")
    if day_text:
        return _day_period(int(day_text), g("dm") or g("dm2"), g("dy") or g("dy2"),
                           published, direction)
    if g("mm"):
        return _month_period(_month_number(g("mm")), g("my"), g("mrel"), published, direction)
    if g("rel"):
        return _relative_period(g("rel").lower(), g("relu").lower(), bool(g("part")), published)
    if g("yend"):
        return relative(lambda p: (date(p.year, 12, 31), date(p.year, 12, 31)))
    if g("y"):
        return _Period(*_year_span(int(g("y"))))
    return None


def _month_name(month: int) -> str:
    return date(2000, month, 1).strftime("%B")


def _day_period(day: int, month_text: str | None, year_text: str | None, published, direction) -> _Period | None:
    month = _month_number(month_text)
    try:
        if year_text:
            when = date(int(year_text), month, day)
            return _Period(when, when)
        if published is None:
            return _Period(None, None)
        when = date(published.year, month, day)
    except ValueError:
        return None  # "February 30"
    if direction == "future" and when < published:
        when = when.replace(year=when.year + 1)
    elif direction == "past" and when > published:
        when = when.replace(year=when.year - 1)
    return _Period(when, when)


def _month_period(month: int, year_text, rel_text, published, direction) -> _Period:
    if year_text:
        return _Period(*_month_span(int(year_text), month))
    if published is None:
        return _Period(None, None)
    if rel_text:
        year = published.year + {"last": -1, "this": 0, "next": 1}[fold_case(rel_text)]
        return _Period(*_month_span(year, month))
    name = _month_name(month)
    for step, note in ((1, f"the coming {name}, the month after publication"),
                       (-1, f"the {name} just ended, the month before publication")):
        neighbour_year, neighbour_month = _shift_month(published, step)
        if neighbour_month == month and (step == 1) == (direction == "past"):
            # A month next to publication is the near one, whatever the tense:
            # "in August" written in July, "by the end of June" written in July.
            return _Period(*_month_span(neighbour_year, month), note=note)
    year = _recent_month_year(month, published, direction)
    which = "next" if direction == "future" else "most recent"
    bound = "not before" if direction == "future" else "not after"
    return _Period(*_month_span(year, month), note=f"the {which} {name} {bound} publication")


def _quarter_period(g: _Groups, published: date | None, direction: str) -> _Period | None:
    if g("qc"):
        code = g("qc").upper()
        months = 3 if code[0] == "Q" else 6
        index = int(code[1])
    else:
        months = 3 if g("qw").lower() == "quarter" else 6
        ordinal = g("qn").lower()
        index = (4 if months == 3 else 2) if ordinal == "final" else _QUARTER_ORDINALS[ordinal]
        if months == 6 and index > 2:
            return None  # "third half"
    first_month = (index - 1) * months + 1
    name = ("Q" if months == 3 else "H") + str(index)
    year_text = g("qy") or g("qfy")
    if year_text:
        note = "fiscal year taken as the calendar year" if g("qfy") else None
        return _Period(*_months_span(int(year_text), first_month, months), note=note)
    if published is None:
        return _Period(None, None)
    if g("qrel"):
        year = published.year + {"last": -1, "this": 0, "next": 1}[fold_case(g("qrel"))]
        return _Period(*_months_span(year, first_month, months))
    first, last = _months_span(published.year, first_month, months)
    if direction == "future":
        shift = 0 if last >= published else 1
        note = f"the next {name} ending on or after publication"
    else:
        shift = 0 if last < published else -1
        note = f"the most recent {name} that had ended by publication"
    return _Period(*_months_span(published.year + shift, first_month, months), note=note)


def _relative_period(rel: str, unit: str, has_part: bool, published: date | None) -> _Period | None:
    if rel == "the" and not has_part:
        return None  # "the year" alone names no particular year
    if published is None:
        return _Period(None, None)
    shift = {"last": -1, "next": 1}.get(rel, 0)
    p = published
    note = None
    if unit == "year":
        first, last = _year_span(p.year + shift)
    elif unit == "month":
        first, last = _month_span(*_shift_month(p, shift))
    elif unit == "quarter":
        year, month = _shift_month(date(p.year, 3 * ((p.month - 1) // 3) + 1, 1), 3 * shift)
        first, last = _months_span(year, month, 3)
    elif unit == "week":
        monday = p - timedelta(days=p.weekday()) + timedelta(weeks=shift)
        first, last = monday, monday + timedelta(days=6)
        note = "a calendar week, Monday to Sunday"
    else:  # decade
        start = p.year - p.year % 10 + 10 * shift
        first, last = date(start, 1, 1), date(start + 9, 12, 31)
    return _Period(first, last, note=note)


def _shift_month(p: date, shift: int) -> tuple[int, int]:
    """Year and month ``shift`` months from the month of ``p``."""
    years_on, month = divmod(p.month - 1 + shift, 12)
    return p.year + years_on, month + 1


def _apply_edge(base: _Period, edge: str, g: _Groups, published: date | None) -> _Period | None:
    """Early/mid/late thirds of a year, month or decade; earlier/later split at publication."""
    if base.first is None:
        return base
    first, last = base.first, base.last
    if edge in ("earlier", "later"):
        if published is None or not first <= published <= last:
            return None
        first, last = (first, published) if edge == "earlier" else (published, last)
        return _Period(first, last, base.note)
    third = {"early": 0, "mid": 1, "late": 2}[edge]
    if g("dec"):
        years = ((0, 3), (4, 6), (7, 9))[third]
        return _Period(date(first.year + years[0], 1, 1), date(first.year + years[1], 12, 31), base.note)
    if first.day == 1 and last == _month_span(first.year, first.month)[1]:  # a whole month
        days = ((1, 10), (11, 20), (21, last.day))[third]
        return _Period(first.replace(day=days[0]), first.replace(day=days[1]), base.note)
    if first.month == 1 and (last.month, last.day) == (12, 31) and first.year == last.year:
        start, end = _months_span(first.year, 4 * third + 1, 4)
        return _Period(start, end, base.note)
    return None  # "early Q1": too fine to guess


# --------------------------------------------------------------------------
# Building the records.


def _span_words(first: date, last: date) -> str:
    return first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"


def _with_note(text: str, period: _Period) -> str:
    return f"{text} ({period.note})" if period.note else text


def _undated(match_text: str, start: int, end: int, kind: str, reason: str, cumulative: bool) -> TimeExpression:
    return TimeExpression(start, end, kind, match_text, cumulative=cumulative, unresolved=reason)


def _window(text: str, start: int, end: int, period: _Period, published: date | None) -> TimeExpression:
    """A closed window; a period still running at publication ends at publication."""
    if period.first is None:
        return _undated(text, start, end, "window", NO_DATE, False)
    first, last = period.first, period.last
    words = f"'{text}' read as {_span_words(first, last)}"
    if published is not None and first <= published <= last and not period.runs_on:
        last = published
        words = f"'{text}' read as {first.isoformat()} to {published.isoformat()} (publication)"
    return TimeExpression(
        start, end, "window", text, window_start=first, window_start_latest=first,
        window_end=last, window_end_earliest=last, assumption=_with_note(words, period),
    )


def _running_total(text: str, start: int, end: int, period: _Period, published: date | None) -> TimeExpression:
    """A 'since' window: started somewhere in ``period``, counted up to publication."""
    if period.first is None:
        return _undated(text, start, end, "window", NO_DATE, True)
    first, latest = period.first, period.last
    if published is not None and latest > published:
        latest = published
    began = f"from {first.isoformat()}" if first == latest else (
        f"a start between {first.isoformat()} and {latest.isoformat()}")
    if published is None:
        return TimeExpression(
            start, end, "window", text, window_start=first, window_start_latest=latest, cumulative=True,
            unresolved=NO_SINCE_END, assumption=_with_note(f"'{text}' read as {began}; end unknown", period),
        )
    words = f"'{text}' read as {began}, up to {published.isoformat()} (publication)"
    return TimeExpression(
        start, end, "window", text, window_start=first, window_start_latest=latest,
        window_end=published, window_end_earliest=published, cumulative=True,
        assumption=_with_note(words, period),
    )


def _target(text: str, start: int, end: int, period: _Period, published: date | None) -> TimeExpression:
    if period.first is None:
        return _undated(text, start, end, "target", NO_DATE, False)
    deadline = (f"a deadline of {period.last.isoformat()}" if period.first == period.last
                else f"a deadline between {period.first.isoformat()} and {period.last.isoformat()}")
    if published is not None and period.last <= published:
        # A deadline not after publication is no target: "had sown 1.1 mln hectares by April 8" (an article of
        # April 8), "had been laid by the end of June" report a running total up to that day.
        return TimeExpression(
            start, end, "window", text, window_end=period.last, window_end_earliest=period.first, cumulative=True,
            assumption=_with_note(f"'{text}' read as a running total up to {_span_words(period.first, period.last)}"
                                  " (a deadline not after publication)", period),
        )
    counted = f", counted from {published.isoformat()} (publication)" if published else ""
    return TimeExpression(
        start, end, "target", text, window_start=published, window_start_latest=published,
        window_end=period.last, window_end_earliest=period.first,
        assumption=_with_note(f"'{text}' read as {deadline}{counted}", period),
    )


# --------------------------------------------------------------------------
# One finder per kind of expression; each yields candidates, overlaps are
# settled afterwards in favour of the longest.


# Read over the reversed folded sentence: the same characters are word
# characters, dots and spaces in it as in the sentence.
_PREVIOUS_WORD_BACKWARDS_RE = re.compile(r"\W*([\w.]*)")


def _previous_word(s: _Sentence, start: int) -> str:
    """The last word before ``start`` (within 40 characters), lower-cased, without its dots at the end.

    The word is a run of word characters and dots, cut at the window's start.
    Read backwards from ``start``: a regex search (``([\\w.]+)[^\\w]*$``)
    would try every position of the window.
    """
    size = len(s.text)
    m = _PREVIOUS_WORD_BACKWARDS_RE.match(s.backwards(), size - start, size - max(0, start - 40))
    return s.text[size - m.end(1):size - m.start(1)].lower()


def _bare_allowed(groups: dict[str, str | None]) -> bool:
    """Which references stand alone without "in"/"during": "last year", "first-quarter", "FY2023"."""
    if groups.get("rel") or groups.get("lastm") or groups.get("fy") or groups.get("yend"):
        return True
    if (groups.get("mrel") or groups.get("my")) and groups.get("mm"):
        return True  # "August last year", "the January 2024 figure"
    if groups.get("edge") and not (groups.get("day") or groups.get("day2")):
        return True  # "mid-2023", "late last year"
    if groups.get("q"):
        if groups.get("qsep") == "-" or groups.get("qy") or groups.get("qrel"):
            return True
        code = groups.get("qc") or ""
        return code.startswith("Q")
    return False


_LOWER_WORD_NEXT_RE = re.compile(r"\s+[a-z]")


def _find_windows(s: _Sentence) -> Iterator[TimeExpression]:
    """Windows; unless case matters, matched case-sensitively over the folded sentence.

    Without a month name, FY or quarter code as written, the pattern's
    case-sensitive parts match nowhere, and each other part matches a
    character ignoring case exactly when it matches the character folded
    (checked for every character), so the matches are the same at the same
    offsets, and much cheaper to find. Their groups are the lower case of
    the written ones, which is how they are compared; the text is taken as
    written.
    """
    text, published = s.text, s.published
    pattern = _WINDOW_RE if s.case_matters else _WINDOW_RE_FOLDED
    for m in _anchored_finditer(pattern, s, s.references, _WINDOW_LEAD, folded=not s.case_matters):
        groups = m.groupdict()
        if groups.get("day") or groups.get("day2"):
            continue  # "on October 28": a point, not a window
        if (groups.get("part") or "rest").lower() not in ("rest", "remainder"):
            continue  # "the end of 2023" is a point; only "since" and "by" use it
        if not groups.get("prep") and not _bare_allowed(groups):
            continue
        if (groups.get("qc") or "").startswith("H") and not (groups.get("qy") or groups.get("qrel")):
            if not groups.get("prep") or _LOWER_WORD_NEXT_RE.match(text[m.end():m.end() + 2]):
                continue  # "H2 production" is hydrogen
        if (groups.get("prep") or "").lower() == "for" and _looks_like_count(text, m.end(), groups.get("y")):
            continue  # "for 2000 troops"
        period = _resolve(groups, "", published, "past")
        if period is not None:
            yield _window(text[m.start():m.end()], m.start(), m.end(), period, published)


def _find_year_modifiers(s: _Sentence) -> Iterator[TimeExpression]:
    """"the 2022 energy crisis"; matched case-sensitively over the folded sentence when that is its lower case.

    No part of the pattern is case-sensitive, so a case-blind match in the sentence is a match at the
    same offsets in its lower case (as for windows, see ``_find_windows``), found by a much cheaper scan."""
    published = s.published
    lower = s.text.isascii() or not s.case_matters  # then ``folded`` is ``text.lower()``
    pattern = _YEAR_MODIFIER_RE_FOLDED if lower else _YEAR_MODIFIER_RE
    for m in _anchored_finditer(pattern, s, s.references, _YEAR_MODIFIER_LEAD, folded=lower):
        year = m.group("y")
        if m.group("noun").lower() not in _PERIOD_NOUNS and not (m.group("det") and int(year) % 50):
            continue  # "the 2000 troops" is a count
        period = _Period(*_year_span(int(year)))
        yield _window(year, m.start("y"), m.end("y"), period, published)


def _find_since(s: _Sentence) -> Iterator[TimeExpression]:
    text, published = s.text, s.published
    for m in _anchored_finditer(_SINCE_RE, s, s.references, _SINCE_LEAD):
        period = _resolve(m.groupdict(), "", published, "past")
        if period is not None and not _starts_after(period, published):
            yield _running_total(m.group(0), m.start(), m.end(), period, published)
    # The other patterns open with "since", perhaps after "in total" or "ever": none starts before the
    # first "since" and its lead, so their scans start there (the engine tries them at every word).
    scan_from = s.lead_start(_SINCE_LEAD, s.folded.find("since"))
    for m in _EVENT_RE.finditer(text, scan_from):
        explicit = _explicit_date(m.group("event")) or _explicit_date_of(m)
        if explicit is not None and _starts_after(explicit, published):
            continue  # "since 2030": not a window that has begun
        if explicit is not None:
            yield _running_total(m.group(0), m.start(), m.end(), explicit, published)
            continue
        event = m.group("event")
        end = published
        yield TimeExpression(
            m.start(), m.end(), "window", m.group(0), window_end=end, window_end_earliest=end, cumulative=True,
            unresolved=f"named event: no date for '{event}'",
        )
    for m in _SINCE_DATED_EVENT_RE.finditer(text, scan_from) if s.references else ():
        period = _resolve(m.groupdict(), "", published, "past")
        if period is not None and not _starts_after(period, published):
            yield _running_total(m.group(0), m.start(), m.end(), period, published)
    for m in _SINCE_WEEKDAY_RE.finditer(text, scan_from):
        yield _running_total(m.group(0), m.start(), m.end(), _weekday_period(m, published), published)
    for m in _SINCE_THEN_RE.finditer(text, scan_from):
        yield TimeExpression(
            m.start(), m.end(), "window", m.group(0), window_end=published, window_end_earliest=published,
            cumulative=True, unresolved="refers back to a date given earlier",
        )


def _weekday_period(m: re.Match[str], published: date | None) -> _Period:
    """"since Saturday": the most recent Saturday on or before publication (a week earlier after "last")."""
    if published is None:
        return _Period(None, None)
    days_back = (published.weekday() - _WEEKDAYS.index(m.group("weekday").lower())) % 7
    if m.group("last"):
        days_back = days_back or 7
    day = published - timedelta(days=days_back)
    return _Period(day, day, note=f"the {m.group('weekday')} before publication")


def _starts_after(period: _Period, published: date | None) -> bool:
    return published is not None and period.first is not None and period.first > published


def _explicit_date(words: str) -> _Period | None:
    """A date written inside an event name: "the February 2022 invasion"."""
    found = _EXPLICIT_DATE_RE.search(words)
    if not found:
        return None
    year = int(found.group("xy"))
    if found.group("xm"):
        return _Period(*_month_span(year, _month_number(found.group("xm"))))
    return _Period(*_year_span(year))


def _explicit_date_of(m: re.Match[str]) -> _Period | None:
    if not m.group("ey"):
        return None
    year = int(m.group("ey"))
    if m.group("em"):
        return _Period(*_month_span(year, _month_number(m.group("em"))))
    return _Period(*_year_span(year))


def _find_targets(s: _Sentence) -> Iterator[TimeExpression]:
    published = s.published
    for m in _anchored_finditer(_TARGET_RE, s, s.references, _TARGET_LEAD):
        groups = m.groupdict()
        if groups.get("y") and _previous_word(s, m.start()) in _CHANGE_VERBS:
            continue  # "rose by 2000": an amount
        period = _resolve(groups, "", published, "future")
        if period is not None:
            yield _target(m.group(0), m.start(), m.end(), period, published)


def _looks_like_count(text: str, end: int, *years: str | None) -> bool:
    """Round "years" followed by a noun are counts: "between 1500 and 2000 troops"."""
    round_number = any(year and int(year) % 50 == 0 for year in years)
    return round_number and _COUNT_TAIL_RE.match(text, end) is not None


def _find_ranges(s: _Sentence) -> Iterator[TimeExpression]:
    text, published = s.text, s.published
    for m in _anchored_finditer(_RANGE_RE, s, s.references, _RANGE_LEAD):
        groups = m.groupdict()
        if groups.get("ya") and groups.get("yb") and _looks_like_count(text, m.end(), groups["ya"], groups["yb"]):
            continue
        first = _resolve(groups, "a", published, "past")
        last = _resolve(groups, "b", published, "past")
        if first is None or last is None:
            continue
        if first.first is None or last.first is None:
            yield _undated(m.group(0), m.start(), m.end(), "window", NO_DATE, False)
            continue
        if first.first > last.first and groups.get("mma") and not (groups.get("mya") or groups.get("mrela")):
            # "between August and October last year": the first month takes the second's year.
            first = _Period(*_month_span(first.first.year - 1, first.first.month))
        if first.first > last.last:
            continue
        joined = _Period(first.first, last.last)
        yield _window(m.group(0), m.start(), m.end(), joined, published)


def _find_year_ranges(s: _Sentence) -> Iterator[TimeExpression]:
    text, published = s.text, s.published
    for m in _anchored_finditer(_YEAR_RANGE_RE, s, s.references, _YEAR_RANGE_LEAD):
        start_year = int(m.group("ya"))
        tail = m.group("yb")
        end_year = int(tail) if len(tail) == 4 else start_year - start_year % 100 + int(tail)
        if end_year <= start_year or end_year - start_year > 100:
            continue
        if _looks_like_count(text, m.end(), m.group("ya"), str(end_year)):
            continue
        period = _Period(date(start_year, 1, 1), date(end_year, 12, 31))
        yield _window(m.group(0), m.start(), m.end(), period, published)


_UP_TO_DATE_LEAD_RE = re.compile(r"(?:\bup|\bout\s+of)[\s-]*$")
_SO_FAR_AS_RE = re.compile(r"[\s,]*(?:as|from|away|off|beyond|ahead|behind|removed)\b", _FLAGS)
_REFERENCE_KINDS = ("rel", "y", "mm", "dm", "dm2", "q", "fy", "lastm", "dec", "yend")


def _find_so_far(s: _Sentence) -> Iterator[TimeExpression]:
    text, published = s.text, s.published
    anchors = sorted([*s.references, *_SO_FAR_WORDS_RE.finditer(s.folded)], key=_match_start)
    for m in _anchored_finditer(_SO_FAR_RE, s, anchors, _WINDOW_LEAD):  # "so far" opens, or a reference
        groups = m.groupdict()
        lead = text[max(0, m.start() - 8):m.start()].lower()
        if m.group(0).lower().startswith("to") and _UP_TO_DATE_LEAD_RE.search(lead):
            continue  # "up to date", "out of date"
        if _SO_FAR_AS_RE.match(text, m.end()):
            continue  # "so far as", "so far from"
        tag = next((t for t in "st" if any(groups.get(k + t) for k in _REFERENCE_KINDS)), "")
        if groups.get("ytd"):
            period = _relative_period("this", "year", False, published)
        elif tag:
            if groups.get("day" + tag) or groups.get("day2" + tag):
                continue
            period = _resolve(groups, tag, published, "past")
            if period is None or _starts_after(period, published):
                continue
        else:
            yield _so_far_alone(m.group(0), m.start(), m.end(), published)
            continue
        yield _running_window(m.group(0), m.start(), m.end(), period, published)


def _running_window(text: str, start: int, end: int, period: _Period, published: date | None) -> TimeExpression:
    """"so far this year": from the period's first day to publication, a running total."""
    if period.first is None:
        return _undated(text, start, end, "window", NO_DATE, True)
    if published is None:
        return TimeExpression(
            start, end, "window", text, window_start=period.first, window_start_latest=period.first,
            cumulative=True, unresolved="no publication date: end of running total unknown",
        )
    last = min(period.last, published)
    words = f"'{text}' read as {period.first.isoformat()} to {last.isoformat()}"
    if last == published:
        words += " (publication)"
    return TimeExpression(
        start, end, "window", text, window_start=period.first, window_start_latest=period.first,
        window_end=last, window_end_earliest=last, cumulative=True, assumption=_with_note(words, period),
    )


def _so_far_alone(text: str, start: int, end: int, published: date | None) -> TimeExpression:
    if published is None:
        return _undated(text, start, end, "window", NO_DATE, True)
    return TimeExpression(
        start, end, "window", text, window_end=published, window_end_earliest=published, cumulative=True,
        assumption=f"'{text}' read as a running total up to {published.isoformat()} (publication); start not stated",
    )


def _count(word: str | None) -> int | None:
    """'five' -> 5, '24' -> 24, 'other' -> 2; None for words that are not numbers."""
    if word is None:
        return 1
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word == "other":
        return 2
    try:
        return text2num(word, "en")
    except ValueError:
        return None


_PAST_MONTHS = {"year": 12, "decade": 120, "century": 1200, "quarter": 3, "month": 1}  # one unit, in months
_PAST_DAYS = {"week": 7, "day": 1}  # one unit, in days


def _months_before(day: date, months: int) -> date:
    """The same day ``months`` months earlier, or the last day of that month when it is shorter (Feb 29)."""
    year, month = _shift_month(day, -months)
    return date(year, month, min(day.day, monthrange(year, month)[1]))


# "from 4.6% a year earlier", "down from 48 cent a year ago", "29.2 mln tonnes at the same point a year earlier":
# written right after a figure, it dates that figure a year before the window of its sentence.
_YEAR_EARLIER = re.compile(
    r"\W{0,3}(?:(?:at|by|in)\s+the\s+same\s+(?:point|time|stage|period|date)\s+)?"
    r"(?:(?:a|one)\s+year\s+(?:earlier|ago|before|previously)|the\s+(?:previous|prior|preceding)\s+year"
    r"|the\s+year\s+before)\b(?!\s+(?:than|schedule|planned))"  # not "a year earlier than planned"
)


def says_year_earlier(lowered: str) -> bool:
    """Whether a lower-cased sentence may date a figure "a year earlier": the cheap test before
    ``year_earlier``, since nearly every sentence has no such phrase."""
    return "year" in lowered and _YEAR_EARLIER.search(lowered) is not None


def year_earlier(window: TimeExpression, lowered: str, at: int, end: int) -> TimeExpression | None:
    """The window a year before ``window`` when the lower-cased sentence says "a year earlier" at ``at``
    (right after a figure, before ``end``, the end of its clause), else None.

    The figure is the other side of a comparison ("operating margin narrowed to 2.9% from 4.6% a year
    earlier"): the window its sentence gives (the first half) moved back a year, both ends, so a running
    total "so far" is compared with the same point of the year before. A window with no end, or a
    target ("by 2030"), is not moved."""
    m = _YEAR_EARLIER.match(lowered, at, end)
    if m is None or window.kind != "window" or window.window_end is None:
        return None
    moved = {
        name: _a_year_before(getattr(window, name))
        for name in ("window_start", "window_start_latest", "window_end", "window_end_earliest")
    }
    phrase = lowered[m.start():m.end()].lstrip(" ,;:-")
    first, last = moved["window_start"], moved["window_end"]
    span = f"up to {last.isoformat()}" if first is None else _span_words(first, last)
    words = f"'{phrase}' read as {span}, a year before '{window.text}'"
    return replace(window, text=f"{window.text}, {phrase}", assumption=words, **moved)


def _a_year_before(day: date | None) -> date | None:
    return None if day is None else _months_before(day, 12)


def _find_past(s: _Sentence) -> Iterator[TimeExpression]:
    text, published, folded = s.text, s.published, s.folded
    # Every match holds "past" or "last" after "the" and a preposition: the scan starts at the first.
    word_at = min(at for at in (folded.find("past"), folded.find("last")) if at >= 0)
    for m in _PAST_RE.finditer(text, s.lead_start(_PAST_LEAD, word_at)):
        word = m.group("n")
        if word and word.lower() in _VAGUE_COUNTS:
            yield _undated(m.group(0), m.start(), m.end(), "window", f"vague length: '{word}'", False)
            continue
        n = _count(word)
        if not n:
            continue
        if published is None:
            yield _undated(m.group(0), m.start(), m.end(), "window", NO_DATE, False)
            continue
        unit = m.group("unit").lower().rstrip("s")
        unit = "century" if unit.startswith("centur") else unit
        if unit == "hour":
            first = published - timedelta(days=-(-n // 24))
        elif unit in _PAST_DAYS:
            first = published - timedelta(days=_PAST_DAYS[unit] * n)
        else:
            first = _months_before(published, _PAST_MONTHS[unit] * n)
        words = f"'{m.group(0)}' read as {first.isoformat()} to {published.isoformat()} (publication)"
        yield TimeExpression(
            m.start(), m.end(), "window", m.group(0), window_start=first, window_start_latest=first,
            window_end=published, window_end_earliest=published, assumption=words,
        )


def _find_recent(s: _Sentence) -> Iterator[TimeExpression]:
    for m in _RECENT_RE.finditer(s.text):  # "in recent years" has no length to date
        yield _undated(m.group(0), m.start(), m.end(), "window", "vague length: 'recent'", False)


def _find_rates(s: _Sentence) -> list[TimeExpression]:
    """Rates in ``text``; on ASCII text the pattern runs case-sensitively over the lower-cased text.

    Its words are all lower case, so the matches are the same at the same
    offsets, and a case-sensitive alternation is much cheaper to try. Only
    offsets and lower-cased words are read from a match.
    """
    first = _RATE_ANCHORS.search(s.folded)  # a search sets up less than a finditer
    if first is None:  # most sentences hold no rate word: nothing else to set up
        return []
    anchors = _RATE_ANCHORS.finditer(s.folded, first.end())  # the rest, as a finditer would go on
    text = s.text  # rates do not depend on the date
    lower = text.isascii()  # then the folded sentence is ``text.lower()``
    pattern = _RATE_RE_FOLDED if lower else _RATE_RE
    found = []
    for m in _anchored_finditer(pattern, s, chain((first,), anchors), _RATE_LEAD, folded=lower):
        written = text[m.start():m.end()]
        period, assumption = _rate_period(m, s, written)
        if period:
            found.append(TimeExpression(m.start(), m.end(), "rate", written, period=period, assumption=assumption))
    return found


def _rate_period(m: re.Match[str], s: _Sentence, written: str) -> tuple[str | None, str | None]:
    """The rate's ISO period and how it was read; (None, None) when the words are no rate after all.

    The word before the rate is read only where it decides ("for a year", "km an hour", "the daily
    Kommersant"): most rates ("each month", "per day", "annually") never look at it."""
    text = s.text
    if m.group("freq"):
        times = _TIMES_WORD.get(m.group("freq").split()[0].lower()) or _count(m.group("times"))
        unit = m.group("funit").lower()
        if not times:
            return None, None
        if times == 1:
            return _PERIOD_OF_UNIT[unit], None
        designator, parts, time_mark = _SPLIT_OF_UNIT[unit]
        if parts % times:
            return None, None
        period = f"P{time_mark}{parts // times}{designator}"
        return period, f"'{written}' read as once every {parts // times} {_DESIGNATOR_WORD[designator + time_mark]}"
    if m.group("every"):
        n = _count(m.group("en"))
        if not n:
            return None, None
        unit = m.group("eunit").lower().rstrip("s")
        designator, size, time_mark = _MULTIPLE_OF_UNIT[unit]
        return f"P{time_mark}{n * size}{designator}", None
    if m.group("per"):
        unit = m.group("punit").lower()
        indefinite = m.group("pw").lower() in ("a", "an")
        previous = _previous_word(s, m.start()) if indefinite or unit == "hour" else None
        if indefinite:
            if previous in _DURATION_LEAD_WORDS or _DURATION_TAIL_RE.match(text, m.end()):
                return None, None  # "for a year", "a year ago", "a year-long"
            if unit == "quarter" and (previous in _CHANGE_VERBS or _FRACTION_TAIL_RE.match(text, m.end())):
                return None, None  # "a quarter of", "fell a quarter"
        if unit == "hour" and previous in _LENGTH_UNITS:
            return None, None  # "km an hour" is a speed
        return _PERIOD_OF_UNIT[unit], None
    if m.group("adv"):
        word = m.group("adv").lower()
        if word == "daily" and _previous_word(s, m.start()) in ("the", "a") and _NEWSPAPER_RE.match(text, m.end()):
            return None, None  # "the daily Kommersant"
        if word == "hourly" and _previous_word(s, m.start()) in _LENGTH_UNITS:
            return None, None
        return _PERIOD_OF_ADVERB[word], None
    unit = m.group("sunit").lower()
    if _PERIOD_OF_UNIT[unit] == "PT1H" and _previous_word(s, m.start()) in _LENGTH_UNITS:
        return None, None  # "km/hour"
    return _PERIOD_OF_UNIT[unit], None


_DESIGNATOR_WORD = {"M": "months", "D": "days", "HT": "hours", "MT": "minutes"}

# --------------------------------------------------------------------------
# Anchored search. The rate and reference patterns can start at almost any
# word ("a", "the", "in", a digit), so ``finditer`` tries each word of a
# sentence against a long alternation. Every match holds an anchor, words it
# cannot go without (a unit after "a"/"per", a year, a month, "last year"...),
# and only a few known words stand before it. One scan for the anchors (plain
# lower-case alternatives: the engine skips to their first letters), and a
# search from the first of those words, find the same matches at the same
# offsets.


@dataclass(slots=True)
class _Sentence:
    """One sentence as the finders read it."""

    text: str
    folded: str  # ``fold_case(text)``: the same offsets, ASCII letters in lower case
    published: date | None
    references: list[re.Match[str]]  # where a date reference can be (``_REFERENCE_ANCHORS``...), in order
    # Names and codes matched as written among them ("May", "FY", "Q3"), or a
    # letter folded unlike its lower case ("İ"): then case matters to the patterns.
    case_matters: bool
    _backwards: str = ""

    def backwards(self) -> str:
        """``folded`` reversed, to read back from a position: a pattern cannot look back more than a fixed width."""
        if not self._backwards:
            self._backwards = self.folded[::-1]
        return self._backwards

    def lead_start(self, lead: re.Pattern[str], at: int) -> int:
        """How far before ``at`` the words ``lead`` allows reach."""
        size = len(self.folded)
        return size - lead.match(self.backwards(), size - at).end()


def _anchored_finditer(
    pattern: re.Pattern[str], s: _Sentence, anchors: Iterable[re.Match[str]], lead: re.Pattern[str],
    folded: bool = False,
) -> Iterator[re.Match[str]]:
    """``pattern.finditer`` over the sentence (or its folded copy), searched from near its anchors only.

    A match starting at or after ``pos`` holds an anchor ending after
    ``pos`` (its own, or one the scan found overlapping it, maybe the one
    just used), and only ``lead`` words stand between the match's start and
    that anchor. So no match starts between ``pos`` and the lead of the first
    such anchor, and a search from there finds the next match, as
    ``finditer`` would (``pattern`` never matches empty).
    """
    text = s.folded if folded else s.text
    pos = 0
    for anchor in anchors:
        while anchor.end() > pos:
            m = pattern.search(text, max(pos, s.lead_start(lead, anchor.start())))
            if m is None:
                return
            yield m
            pos = m.end()


def _each_then(words: tuple[str, ...], rest: str) -> list[str]:
    """``word + rest`` for each word: alternatives that each begin with a letter let the scan skip to those letters."""
    return [word + rest for word in words]


def _by_first_character(alternatives: list[str]) -> str:
    """``"|".join(alternatives)`` with the alternatives that open with the same character under it once:
    "a(?:\\s+year|n\\s+year|nnual)" for "a\\s+year|an\\s+year|annual".

    The engine tries each alternative in turn at each position its first character allows; grouped, it
    tests that character once per group. Each alternative opens with a plain character, so two from
    different groups never match at one position, and within a group the order is kept: the same
    alternative matches first, at the same offsets.
    """
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        if not (alternative[0].isalnum() or alternative[0] == "/") or alternative[1:2] in ("?", "*", "+", "{"):
            raise ValueError(f"an alternative opening with a plain character expected: {alternative!r}")
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "|".join(
        first + rests[0] if len(rests) == 1 else first + "(?:" + "|".join(rests) + ")"
        for first, rests in groups.items()
    )


def _lead(words: tuple[str, ...]) -> re.Pattern[str]:
    """The rest of an anchor's own word, then any run of ``words`` or days ("22nd"), whole, each after a
    space or a hyphen: a pattern over the reversed folded sentence, so the words are spelt backwards."""
    backwards = "|".join(word[::-1] for word in words)
    return re.compile(r"\S*(?:(?:\s+|-)(?:" + backwards + r"|(?:ts|dn|dr|ht)?\d[0-3]?)(?!\w))*")


# A rate is a unit after "a", "an", "per", "each", "every" or "single",
# perhaps with a count between ("every two weeks", "every single day"), an
# adverb ("annually", "semi-annually", "half-yearly", "daily", "p.a.") or a
# unit after a slash. At most two words come before: "five times a year",
# "every single two weeks".
_RATE_UNITS = r"(?:year|annum|quarter|month|week|fortnight|day|hour|decade)"
_RATE_ANCHOR_FORMS = (
    _each_then(("a", "an", "per", "each", "every", "single"), r"\s+" + _RATE_UNITS)
    + _each_then(("each", "every", "single"), r"\s+[\w-]+\s+" + _RATE_UNITS)
    + ["annual", "yearly", r"p\.a\.", "quarterly", "monthly", "weekly", "fortnightly", "daily", "hourly",
       "bienn", r"/\s?(?:yr|year|month|mo|wk|week|day|hr|hour)"]
)
_RATE_ANCHORS = re.compile(_by_first_character(_RATE_ANCHOR_FORMS))  # one test of "a" for "a", "an", "annual"
_RATE_LEAD = re.compile(r"\S*(?:\s+\S+){0,2}")  # the anchor's own word and any two before it, backwards

# A reference's core: a year or decade, "fiscal"/FY, a quarter or half
# ("first quarter", "Q3"), a month name, "last/this/next/current/the
# <unit>", "year-end". Month names and codes are matched as written.
_REFERENCE_ANCHOR_FORMS = (
    [r"1\d\d\d", r"20\d\d", "fiscal", "year[- ]end"]
    + _each_then(("first", "second", "third", "fourth", "final", "1st", "2nd", "3rd", "4th"),
                 r"(?:\s+|-)(?:quarter|half)")
    + _each_then(("last", "this", "next", "current", "the"), r"\s+(?:year|month|week|quarter|decade)")
)
_REFERENCE_ANCHORS = re.compile(_by_first_character(_REFERENCE_ANCHOR_FORMS))  # "t": "third", "this", "the"
_REFERENCE_ANCHOR_FORMS_WRITTEN = (
    _each_then(_MONTH_NAMES, r"\b") + _each_then(_MONTH_ABBREVIATIONS, r"(?:\.|\b)") + ["Q[1-4]", "H[12]", "FY"]
)
_REFERENCE_ANCHORS_WRITTEN = re.compile(_by_first_character(_REFERENCE_ANCHOR_FORMS_WRITTEN))  # "J": six forms
# Before a reference's core only: a preposition, "the whole of", "the end
# of", an edge ("late", "mid-"), "the" ("the first quarter", "the 1990s"),
# "last" ("last June") and a day ("22nd of June"); before those, the words
# that open a running total, a target or a range.
_WINDOW_LEAD_WORDS = (
    "in", "during", "throughout", "for", "across", "the", "whole", "entire", "course", "of", "start", "beginning",
    "outset", "end", "close", "middle", "rest", "remainder", "earlier", "later", "early", "mid", "late", "last",
)
_WINDOW_LEAD = _lead(_WINDOW_LEAD_WORDS)
_SINCE_LEAD = _lead(_WINDOW_LEAD_WORDS + ("since", "total", "all", "ever"))
_TARGET_LEAD = _lead(_WINDOW_LEAD_WORDS + ("by",))
_RANGE_LEAD = _lead(_WINDOW_LEAD_WORDS + ("between", "from"))
_YEAR_MODIFIER_LEAD = _lead(("the", "its", "their", "his", "her", "our", "this", "that"))  # "the 2022 energy crisis"
_YEAR_RANGE_LEAD = _lead(("in", "during", "over", "throughout", "from", "between"))  # "between 2019-2022"
_PAST_LEAD = _lead(("the", "over", "in", "during", "for", "within", "across", "throughout"))  # "over the past"


def _read_sentence(text: str, published: date | None) -> _Sentence:
    folded = fold_case(text)
    found = _anchors(_REFERENCE_ANCHORS, folded)
    written = _anchors(_REFERENCE_ANCHORS_WRITTEN, text)
    references = sorted(found + written, key=_match_start) if found and written else found or written
    case_matters = bool(written) or not (text.isascii() or text.lower() == folded)
    return _Sentence(text, folded, published, references, case_matters)


def _anchors(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for anchors (never empty), searched for first: most sentences
    hold none, and a search sets up less than a finditer."""
    first = pattern.search(text)
    return [first, *pattern.finditer(text, first.end())] if first else []


def _match_start(m: re.Match[str]) -> int:
    return m.start()


# --------------------------------------------------------------------------
# Gates: most sentences hold no time words at all. Each gate is a necessary
# condition of its finder's patterns (words every match contains), tested on
# the folded sentence or its reference anchors, so skipping a finder never
# loses a match. Rates need none: finding no anchor is their gate.

_FOUR_DIGITS_RE = re.compile(r"\d\d\d\d")
_YEAR_DASH_RE = re.compile(r"\d\s?[-–—]\s?\d")
_SO_FAR_WORDS_RE = re.compile(r"so\s+far|thus\s+far|to\s+date|year[- ]to[- ]date|ytd")
_ON_WORD_RE = re.compile(r"on\s")
# A single day names a month or a weekday, as written: "on July 22", "on Sunday".
_MONTH_OR_WEEKDAY_RE = re.compile(
    "|".join(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
             + ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
)


def _candidates(s: _Sentence) -> list[TimeExpression]:
    """What every finder finds, in this order: where two cover the same span, the first found wins."""
    found = _find_rates(s)  # searched from its anchors: finding none is its gate
    folded, references = s.folded, s.references  # windows, targets, ranges, dated totals: all hold a reference
    if references:
        found += _find_windows(s)
        if _FOUR_DIGITS_RE.search(s.text):
            found += _find_year_modifiers(s)
    if "since" in folded:
        found += _find_since(s)
    if references and "by" in folded:
        found += _find_targets(s)
    if references and ("between" in folded or "from" in folded):
        found += _find_ranges(s)
    if references and _YEAR_DASH_RE.search(s.text):
        found += _find_year_ranges(s)
    if ("far" in folded or "date" in folded or "ytd" in folded) and _SO_FAR_WORDS_RE.search(folded):  # words first: cheaper
        found += _find_so_far(s)
    if "past" in folded or "last" in folded:
        found += _find_past(s)
    if "recent" in folded:
        found += _find_recent(s)
    return found


def _read_plain(text: str, published: date | None) -> _Sentence:
    """The sentence read with its caseless twins made plain (``plain_twins``): words matched ignoring case
    are looked up in tables by their lower case, and "İ".lower() is two characters."""
    return _read_sentence(plain_twins(text), published)


def _as_written(text: str, s: _Sentence, found: list[TimeExpression]) -> list[TimeExpression]:
    """Expressions found in ``s``, the sentence ``text`` made plain, each quoting ``text`` as written."""
    return found if s.text == text else [replace(t, text=text[t.start:t.end]) for t in found]


def find_times_and_points(text: str, published: date | None) -> tuple[list[TimeExpression], list[TimeExpression]]:
    """``find_time_expressions`` and ``find_point_dates`` of one sentence, read (folded, scanned
    for anchors) once: the extract stage asks both of every sentence that holds a figure."""
    s = _read_plain(text, published)
    return _as_written(text, s, _time_expressions(s)), _as_written(text, s, _point_dates(s))


def find_point_dates(text: str, published: date | None) -> list[TimeExpression]:
    """Single days a figure was measured on; see ``_point_dates``."""
    s = _read_plain(text, published)
    return _as_written(text, s, _point_dates(s))


def _point_dates(s: _Sentence) -> list[TimeExpression]:
    """Single days a figure was measured on: "on Thursday", "on July 22", "on 24 February 2022".

    Kept apart from ``find_time_expressions`` because a day is when a level was
    read, not a window a total accrued over. Each is a one-day ``window``; a
    weekday is the most recent one on or before publication.
    """
    text, published = s.text, s.published
    found: list[TimeExpression] = []
    if _MONTH_OR_WEEKDAY_RE.search(text) is None:
        return found
    on = _ON_WORD_RE.search(s.folded)  # every single day opens with "on": the scan starts at the first
    if on is None:
        return found
    for m in _POINT_RE.finditer(text, on.start()):
        weekday = m.group("weekday") or m.group("weekday_only")
        if m.group("day") or m.group("day2"):
            period = _day_period(int(m.group("day") or m.group("day2")), m.group("dm") or m.group("dm2"),
                                 m.group("dy") or m.group("dy2"), published, "past")
        elif published is None:
            period = _Period(None, None)
        else:
            back = (published.weekday() - _WEEKDAYS.index(weekday.lower())) % 7
            day = published - timedelta(days=back)
            period = _Period(day, day, note=f"the {weekday} on or before publication")
        if period is None:
            continue
        found.append(_window(m.group(0), m.start(), m.end(), period, published))
    return found


def find_time_expressions(text: str, published: date | None) -> list[TimeExpression]:
    """Rates, windows and targets in ``text`` (one sentence), in reading order; see ``_time_expressions``."""
    s = _read_plain(text, published)
    return _as_written(text, s, _time_expressions(s))


def _time_expressions(s: _Sentence) -> list[TimeExpression]:
    """Rates, windows and targets in the sentence, in reading order.

    Relative expressions are dated against ``published``; without it they are
    returned with ``unresolved`` set and no dates. Where two candidates
    overlap, the longer one wins ("since August of last year" over "last
    year").
    """
    candidates = _candidates(s)
    if len(candidates) < 2:  # most sentences: nothing can overlap
        return candidates
    candidates.sort(key=lambda c: (c.start - c.end, c.start))
    kept_starts: list[int] = []
    kept: list[TimeExpression] = []
    for candidate in candidates:
        at = bisect.bisect_right(kept_starts, candidate.start)
        if at > 0 and kept[at - 1].end > candidate.start:
            continue
        if at < len(kept) and kept[at].start < candidate.end:
            continue
        kept_starts.insert(at, candidate.start)
        kept.insert(at, candidate)
    return kept
