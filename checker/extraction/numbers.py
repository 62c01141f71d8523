"""Number grammar: find every number written in news prose, with its offsets.

Why a grammar of our own: ``text2num`` evaluates a run of number words
("eight million" -> 8000000) but does not say where such runs are in a
sentence, nor which digits are dates, phone numbers or model names. So one
compiled regular expression finds all candidates in a single linear pass,
including the things that are *not* quantities (dates, times, identifiers,
URLs), which it consumes so that no part of them is read as a number; cheap
per-candidate Python then evaluates, classifies and merges ranges.

Conventions a caller can rely on (see ``NumberSpan``):

* ``value`` is in the written scale ("$2.5bn" -> 2.5e9, "40%" -> 40.0).
* ``rounding`` is half a unit of the last significant digit written, in the
  same scale: "1,500" -> 50, "6.4" -> 0.05, "eight million" -> 500000.
  Words are treated like the digits they stand for ("a dozen" -> 0.5,
  "half a million" -> 50000). Shares written as fractions ("seven in ten",
  "a third", "1/16 of a") get half a step of the denominator, capped at 5
  points. A slash is a fraction only before "of a": "24/7" and "9/11" are not.
* Vague plurals are ranges from X up to 10X: "hundreds of" -> 100..1000,
  "thousands" -> 1000..10000, "tens of thousands" -> 10000..100000,
  "hundreds of thousands" -> 100000..1000000; "dozens" -> 24..144 (two
  dozen up to a gross). "a few hundred" -> 200..1000, "several thousand" ->
  3000..10000. The upper end is where the next word takes over ("10,000" is
  already "tens of thousands"); it is kept in the range so that a writer who
  rounds "9,600" to "thousands" and one who writes "10,000" never look like
  a contradiction. Their rounding is 0 and qualifier None.
* ``words`` is True when any part is spelled out, scale words included
  ("2.5 million"), but not abbreviations ("2.5bn", "10 mln").
* Ranges ("2,000-3,000", "2,000 to 3,000", "between 2,000 and 3,000",
  "2-3 million", "three or four") become one span with ``value_to``; a scale, currency or
  percent sign written once applies to both ends. "from X to Y" is a change,
  not a range, and stays two numbers, unless its first end is itself a
  range ("from 5-7% to 3-5%", "from 5 to 7 per cent to 3 per cent").
  Rounding of a range is the larger of its two ends'. "range from X to Y" is a spread and joins; "by $2bn to
  $10bn" and "rose 5% to 10%" (a unit written on both ends after a change
  verb) are a change and the new level, and stay two numbers.
* A power of ten written after the digits is part of the number:
  "1.99×10−30" -> 1.99e-30, "6.02 x 10^23", "3×10⁸".
* Dropped: ordinals, dates, times of day, phone numbers, identifiers
  ("Article 4", "F-16", "A320"), years in date position ("in 2023",
  "2019-2022", "the 1990s"), URLs, e-mail addresses, match scores ("3-1")
  and a lone "one" unless a counted word follows ("one solution", "one
  dollar"; not "one of the", "no one", "one day").
* A bare four-digit integer 1000..2199 that survived is kept with
  ``maybe_year`` set: the caller decides with context.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from text_to_num import text2num

from checker.lexicon import CASELESS_TWINS, fold_case

__all__ = ["NumberSpan", "find_numbers"]


class NumberSpan(NamedTuple):
    """A number as written, with offsets into the text given to ``find_numbers``.

    The span covers the number including scale word or suffix, a glued
    currency symbol and a percent sign or words; a hedge before it is not in
    the span but ``qualifier_start`` points at it.

    An immutable record like the model's dataclasses, but a named tuple: one
    is built for every number in the text, and a tuple builds about ten times
    faster than a frozen dataclass.
    """

    start: int
    end: int
    value: float
    value_to: float | None = None
    rounding: float = 0.0
    words: bool = False
    qualifier: str | None = None  # about, nearly, more than, at least, up to, fewer than
    qualifier_start: int | None = None
    currency: str | None = None  # ISO 4217
    percent: bool = False
    percentage_points: bool = False
    maybe_year: bool = False
    fraction_of: str | None = None  # the written share as "numerator/denominator": "7/10", "3/4"


# --- lexicon ---------------------------------------------------------------

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALE_WORDS = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
_SCALE_ABBREVIATIONS = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    "trln": 1e12,
    "tln": 1e12,
}
_FRACTION_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "eighth": 8,
    "eighths": 8,
    "tenth": 10,
    "tenths": 10,
}
_VAGUE_PLURALS = {
    "dozens": (24.0, 144.0),
    "tens": (10.0, 100.0),
    "hundreds": (100.0, 1e3),
    "thousands": (1e3, 1e4),
    "millions": (1e6, 1e7),
    "billions": (1e9, 1e10),
    "trillions": (1e12, 1e13),
}

_CURRENCY_SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "$US": "USD",
    "$A": "AUD",
    "$NZ": "NZD",
    "$C": "CAD",
    "NT$": "TWD",
    "MX$": "MXN",
    "RM": "MYR",
    "Rp": "IDR",
    "PS": "GBP",  # "£" as some feeds mangle it: "PS8.1bn"
    "U.S.$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "R$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "₴": "UAH",
    "Rs": "INR",
    "Rs.": "INR",
    "RMB": "CNY",
    "dlrs": "USD",
    "stg": "GBP",
    "yen": "JPY",
}
_ISO_CODES = "USD EUR GBP JPY CHF CNY CAD AUD NZD HKD SGD INR RUB UAH KRW BRL SEK NOK DKK PLN TRY ZAR MXN".split()

# "just under" is "nearly", not "fewer than": the leftmost (longest) phrase wins.
_HEDGE_PHRASES = {
    "about": ["about", "around", "some", "roughly", "approximately", "approx.", "circa", "c.", "ca.",
              "an estimated", "estimated", "~", "≈"],
    "nearly": ["nearly", "almost", "close to", "just under", "just shy of"],
    "more than": ["more than", "over", "above", "in excess of", "upwards of", "exceeding",
                  "well over", "just over", "north of"],
    "at least": ["at least", "no fewer than", "no less than", "not less than", "a minimum of"],
    "up to": ["up to", "as many as", "as much as", "a maximum of", "no more than",
              "not more than", "at most", "limited to", "capped at"],
    "fewer than": ["fewer than", "less than", "under", "below"],
}
_HEDGE_CANONICAL = {
    phrase: canonical for canonical, phrases in _HEDGE_PHRASES.items() for phrase in phrases
}


# Characters other than a letter's two cases that Python's case-insensitive
# matching also takes for it (dotted and dotless I, long s, Kelvin sign): lexicon.CASELESS_TWINS by letter.
_FOLDS_TO = {
    letter: "".join(sorted(twin for twin, plain in CASELESS_TWINS.items() if plain.lower() == letter))
    for letter in {plain.lower() for plain in CASELESS_TWINS.values()}
}  # "i": "İı", "k": "K", "s": "ſ"


def _caseless_char(char: str) -> str:
    """``char`` in any case as a character class: what ``(?i:char)`` matches."""
    if not (char.isascii() and char.isalpha()):
        return re.escape(char)
    lower = char.lower()
    return f"[{lower.upper()}{lower}{_FOLDS_TO.get(lower, '')}]"


def _caseless(literal: str) -> str:
    """``literal`` in any case, letter by letter (see ``_caseless_char``)."""
    return "".join(_caseless_char(char) for char in literal)


def _caseless_word_set(words: list[str]) -> str:
    """Any of ``words``, in any case, as a whole run of ASCII letters."""
    return "(?i:" + "|".join(words) + ")(?![A-Za-z])"


def word_trie(words: list[str] | tuple[str, ...], caseless: bool = False) -> str:
    """Alternation factored by common prefixes, with a word boundary after each word.

    The regex engine tries alternatives one by one; sharing prefixes lets it
    reject a word after a character or two instead of trying every keyword.
    ``caseless`` spells each letter as a class (``[Tt]``) rather than relying
    on ``(?i:...)``: the engine skips an alternative whose first character
    fails a plain class at once, but enters every case-insensitive one.
    """
    tree: dict = {}
    for word in words:
        node = tree
        for char in word.lower() if caseless else word:
            node = node.setdefault(char, {})
        node[""] = {}
    escape = _caseless_char if caseless else re.escape

    def emit(node: dict) -> str:
        branches = []
        for char, child in sorted(node.items()):
            if char == "":
                continue
            branches.append(escape(char) + emit(child))
        if "" in node:
            branches.append(r"(?!\w)")  # after the longer words, so "thousands" beats "thousand"
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(tree)


# --- the candidate grammar ------------------------------------------------

_WORD_TOKEN = word_trie(_UNITS + _TENS + ["hundred", "thousand", "million", "billion", "trillion", "dozen"])
# "and" joins words only after a scale word ("one hundred and twenty"), so
# that "between two and three million" stays two numbers.
_WORD_JOINER = r"(?:\s{1,3}|-|(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s{1,3}and\s{1,3})"
_WORD_SEQUENCE = (
    rf"(?:(?:half\s{{1,3}})?an?\s{{1,3}}(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
    rf"{_WORD_TOKEN}(?:{_WORD_JOINER}{_WORD_TOKEN}){{0,11}}"
    # "two and a half million"
    r"(?:\s{1,3}and\s{1,3}a\s{1,3}half(?!\w)(?:\s{1,3}(?:thousand|million|billion|trillion|dozen)(?!\w))?)?"
)
_SMALL_WORD = rf"{word_trie(_TENS)}(?:-{word_trie(_UNITS[1:10])})?|{word_trie(_UNITS)}"

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d]|,\d)"
# What a month is followed by in a date: "28", "28th, 2024", "2024".
_DATE_AFTER_MONTH = rf"(?:{_DAY}(?:,?\s{{1,3}}\d{{4}}(?!\d))?|,?\s{{1,3}}\d{{4}}(?!\d))"

_IDENTIFIER_KEYWORDS_ANY_CASE = [
    "article", "art.", "section", "sec.", "§", "chapter", "ch.", "resolution", "flight", "route",
    "page", "pages", "p.", "pp.", "version", "ver.", "v.", "level", "phase", "paragraph", "para.",
    "clause", "amendment", "category", "grade", "room", "gate", "platform", "terminal", "no.",
    "nos.", "highway", "interstate",
]
_IDENTIFIER_KEYWORDS_CAPITALIZED = [
    "No", "Windows", "iPhone", "iPad", "Galaxy", "Pixel", "Xbox", "PlayStation", "Boeing", "Game",
    "Airbus", "Model", "Apollo", "Day", "Week", "Year", "Part", "Title", "Vol", "Volume", "Issue",
    "Episode", "Season", "Series", "Block", "Unit", "Ward", "District", "Line", "Case", "Item",
    "Figure", "Fig", "Table", "Annex", "Appendix", "Protocol", "Directive", "Regulation", "Bill",
    "Act", "Law", "Decree", "Order", "Camp", "Building", "Tower", "Floor", "Zone", "Sector",
    "Street", "Road", "Avenue", "Channel", "Stage", "Type", "Class", "Group", "Formula",
    "Fortune", "FTSE", "Nikkei", "Russell", "Stoxx", "CAC", "DAX", "Nasdaq", "S&P", "Euro",
    "Vision", "Agenda", "Lot", "Pier", "Gen", "Mark", "Mk",
]

# Codes glued to the digits ("USD10m", "RM23.50"). "PS" (a mangled "£") needs
# more than one digit, so that the PS5 console stays a name.
_GLUED_CODES = _ISO_CODES + ["RMB", "RM", "Rp"]
_GLUED_BEFORE = r"(?=\s?\d)"
_PS_BEFORE = r"(?=\d{2}|\d[.,]\d)"
_GLUED_CODE = rf"(?:{'|'.join(_GLUED_CODES)}){_GLUED_BEFORE}|PS{_PS_BEFORE}"
_DOLLAR_PREFIXES = ["US", "U.S.", "CA", "AU", "NZ", "HK", "NT", "MX", "C", "A", "S", "R"]  # "US$", "C$"
_CURRENCY_PREFIX = (
    rf"(?=[A-Z$€£¥₹₩₽₴])(?:(?:{'|'.join(map(re.escape, _DOLLAR_PREFIXES))})\$|\$(?:US|A|NZ|C)(?=\d)|[$€£¥₹₩₽₴]"
    rf"|(?<![\w.])Rs\.?|(?<!\w)(?:{_GLUED_CODE}))\s?"
)
# The engine runs a repeat or "?" of a group through its repeat machinery, which
# allocates on every try, where an alternative costs a few times less. Hence, on
# the path every figure takes, "X(?:X){0,5}" for "(?:X){1,6}" and "(?:X|)" for
# "(?:X)?": the same grammar, tried in the same order.
_DIGITS = (
    r"(?=\.?\d)(?:\d{1,3},\d{3}(?:,\d{3}){0,5}(?![\d]|,\d)"  # 1,500  12,000,000
    # 10 000
    r"|\d{1,3}[ \u00a0\u2009\u202f]\d{3}(?:[ \u00a0\u2009\u202f]\d{3}){0,3}(?![\d]|[ \u00a0\u2009\u202f]?[.,]?\d)"
    r"|\d{1,15}(?!\d))"
    r"(?:\.\d{1,12}(?![\d]|\.\d)|)"
    r"|(?<![\w.,])\.\d{1,12}(?!\d)"  # .5
)
_SCALE_WORD = r"\s{1,3}(?i:hundred|thousand|million|billion|trillion|lakhs?|crores?)\b"
_SCALE_SUFFIX = (
    rf"(?P<scale_word>{_SCALE_WORD}(?:{_SCALE_WORD}|))"
    r"|(?P<scale_abbr>\s?(?i:bn|bln|mln|mn|trln|trn|tln|tn)\b|(?i:[kmb])(?![\w/²³]))"
)
# "1.99×10−30", "6.02 x 10^23", "3×10⁸": a power of ten written after the digits.
# A bare "x" needs a caret or superscript after the 10, so "4 x 100m" stays a count.
_EXPONENT = (
    r"(?P<exponent>\s?(?:×|[xX](?=\s?10(?:\^|[⁻¹²³⁰⁴-⁹])))\s?10"
    r"(?P<power>\^\s?[-−+]?\d{1,3}|[-−]\d{1,3}|⁻?[¹²³⁰⁴-⁹]{1,3})(?![\d.,]\d|\d))"
)
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻−", "0123456789--", "^+ ")
_PERCENT_SUFFIX = (
    r"(?P<points>\s{1,3}(?i:percentage|pct\.?|per\s?cent(?:age)?)\s{1,3}points?\b|\s?(?i:pp|ppts?|p\.p\.)(?!\w))"
    r"|(?P<percent>\s?%|\s{1,3}(?i:per\s?cent|percent|pct\b\.?))"
)

# Letters after a space or punctuation in news text, most frequent first (counted over
# the fixture corpus, NewsQuant and generated articles): the order _LETTER_STARTS tries them.
_FIRST_LETTER_ORDER = "tosachpmrTwbuykdePgfiNnlAvGSCMIBFRWHDULEOJKVYzZjqxQX"


def _case_variants(char: str) -> str:
    """Every character that ``(?i:char)`` matches (see ``_caseless_char``)."""
    if not (char.isascii() and char.isalpha()):
        return char
    lower = char.lower()
    return lower + lower.upper() + _FOLDS_TO.get(lower, "")


def _caseless_starts(words: list[str]) -> list[tuple[str, str]]:
    """``words`` in any case as (first characters, pattern for the rest) pairs for ``_first_char_dispatch``."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0].lower(), []).append(word[1:].lower())
    return [(_case_variants(first), word_trie(rest, caseless=True)) for first, rest in rests.items()]


def _cased_starts(words: list[str]) -> list[tuple[str, str]]:
    """``words`` as written, as (first character, pattern for the rest) pairs for ``_first_char_dispatch``."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    return [(first, word_trie(rest)) for first, rest in rests.items()]


def _first_char_dispatch(starts: list[tuple[str, str]], order: str) -> str:
    """One alternative per first character, ``c(?:rest|rest...)``, the characters of ``order`` first.

    The engine skips an alternative whose first character fails without entering it, and
    a literal is compared in place where a class is a call and a group or lookahead is
    entered: each position tried costs a few literal compares instead of a dozen calls.
    """
    rests: dict[str, list[str]] = {}
    for firsts, rest in starts:
        for first in firsts:
            rests.setdefault(first, []).append(rest)
    rank = {char: i for i, char in enumerate(order)}
    branches = []
    for first in sorted(rests, key=lambda char: (rank.get(char, len(order)), char)):
        rest = rests[first]
        branches.append(re.escape(first) + (rest[0] if len(rest) == 1 else "(?:" + "|".join(rest) + ")"))
    return "(?:" + "|".join(branches) + ")"


# Every word that can begin a match. Most words of a sentence are not in it,
# and the pattern gives up on them after a character or two. It is only a
# gate (every alternative of _CANDIDATES checks its own words), so it is one
# alternative per first character, by frequency; the case-sensitive words
# begin with a capital (or the "i" of "iPhone").
_STARTS = (
    _caseless_starts(
        _UNITS + _TENS + list(_SCALE_WORDS) + list(_VAGUE_PLURALS)
        + ["dozen", "half", "several", "minus"] + _IDENTIFIER_KEYWORDS_ANY_CASE
    )
    + [
        (_case_variants("h"), _caseless("ttp") + _caseless_char("s") + "?://"),
        (_case_variants("w"), _caseless("ww.")),
        (
            _case_variants("a"),
            r"[Nn]?\s{1,3}"
            + word_trie(
                ["hundred", "thousand", "million", "billion", "trillion", "dozen", "few"]
                + list(_FRACTION_DENOMINATORS),
                caseless=True,
            ),
        ),
    ]
    + _cased_starts(
        "January February March April May June July August September October November December "
        "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec RMB Rs".split()
        + _ISO_CODES + _IDENTIFIER_KEYWORDS_CAPITALIZED
    )
    + [(prefix[0], re.escape(prefix[1:]) + r"\$") for prefix in _DOLLAR_PREFIXES]
    + [(code[0], re.escape(code[1:]) + _GLUED_BEFORE) for code in _GLUED_CODES]
    + [("P", "S" + _PS_BEFORE)]
)
_LETTER_STARTS = _first_char_dispatch(_STARTS, _FIRST_LETTER_ORDER)

# "1/16 of a pint", "1⁄32 of a quart": a fraction of one unit, not a date or "24/7".
_NOT_OF_A = r"(?!\s{1,3}of\s{1,3}an?\s)"
# Most figures are digits, perhaps with thousands and decimals, followed by a
# comma, a percent sign, a full stop ("since 2013."), a space and an ordinary
# word, a glued unit ("35C", "2.5bn") or a hyphened one ("550-kilometre").
# None of the alternatives before ``number`` can match there, so the pattern
# goes straight to ``number`` instead of trying each of them, which took much
# of its time. Hence the excluded followers, one per alternative that reads
# past the digits: "a.m."/"am", "p.m."/"pm", "o'clock", "of October", "hrs"
# and time zones, "21st", "1990s", "3D" (skips), "in" and "out of" (ratios),
# "half", "third", "tenth", "quarter", "fifth", "sixth", "eighth" (fractions,
# in any case: İ and ı fold to i), a digit or letter after a stop ("1.2.3",
# "555.123 4567") and a "@" ahead (an e-mail address). A capital ("2023 The",
# "40 Democrats") takes the fast path unless it begins a month, a time zone or
# one of the words above; "of" too unless a month follows ("28 of October").
# Anything else takes the full path, and so does "F-16".
_GLUED_NOT_UNIT = _caseless_word_set("st nd rd th s am pm d g gmt utc bst cet est edt pst pdt hrs".split())
_MONTH_START = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_NOT_AFTER_FIGURE = (
    rf"(?i:in|out|[ap]\.?m|o['’]|{word_trie(list(_FRACTION_DENOMINATORS))})"
    rf"|{_MONTH_START}|GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT"
)
_PLAIN_FIGURE = rf"""(?<![A-Za-z][-/])(?:\d{{1,3}},\d{{3}}(?:,\d{{3}})*+|\d++)(?:\.\d++|)
    (?:[,;%)](?!\d)|\.(?![\w.+\-@'’])|\Z
      |\s(?:[bcdgjklmnruvwxyz]|[ap](?![.mM])|o(?![uU'’]|f\s{{1,3}}(?:{_MONTH_START}))|i(?![nN])
         |h(?!{_caseless("al")}|rs)|t(?![hHeE])|q(?![uU])|[fse](?![iIİı])|(?!{_NOT_AFTER_FIGURE})[A-Z])
      |(?!{_GLUED_NOT_UNIT})[A-Za-z]{{1,3}}+\.?+(?![\w.+\-@'’])  # "2.5bn."
      |-(?!(?i:{word_trie(list(_FRACTION_DENOMINATORS))}))[a-z]++(?![\w.+\-@'’]))"""
_FAST_PATH = rf"(?!{_PLAIN_FIGURE})"
_CANDIDATES = re.compile(
    rf"""
    # No match starts inside a word ("COVID19", "A320": digits after letters
    # are never a number) and only a few words can start one. Every match
    # begins by consuming the non-word character before it: a pattern that
    # starts with a character class lets the engine skip all other positions
    # in a tight loop. ``find_numbers`` puts a space before the text for this.
    [^\w@](?=[\d$€£¥₹₩₽₴.+(\#'’\-−§]|{_LETTER_STARTS})
    (?:
    {_FAST_PATH}(?:  # see _PLAIN_FIGURE
    # ---- digits that are not quantities, consumed so none of them is read ----
    (?P<skip>(?=[\d\#+('’])(?:
        (?<=[A-Za-z][-/])(?<![Mm]inus-)(?<![Ss]ub-)(?<![Nn]ow-)(?<![Tt]hen-)\d[\w./-]{{0,20}}  # F-16, Covid-19, mid-2023
      | \d[\w.+-]{{0,64}}@\S{{1,200}}                                                    # 2024news@example.org
      | (?<![.,]){_DAY}\s{{1,3}}(?:of\s{{1,3}})?{_MONTH}(?:,?\s{{1,3}}\d{{4}}(?!\d))?      # 28 October
      | \#\d{{1,10}}\w{{0,10}}
      | \+\d{{1,3}}(?:[\s-]\(?\d{{1,5}}\)?){{2,5}}(?!\d)                               # +44 20 7946 0958
      | \(\d{{2,5}}\)\s?\d{{3,4}}[-.\s]\d{{3,4}}(?!\d)                                  # (555) 123-4567
      | ['’]\d0s\b                                                                    # '90s
      | (?<![.,])(?:
            \d{{1,4}}(?:[-/.]\d{{1,4}}){{2,}}(?![\w])                                  # dates, phones, 1.2.3
          | \d{{3}}[ .]\d{{3}}[ .]\d{{4}}(?!\d)                                          # 555 123 4567
          | 0\d{{1,4}}(?:[ \u00a0]\d{{2,4}}){{1,4}}(?!\d)                                   # 028 9054 0540
          | \d{{1,4}}[/\u2044]\d{{1,4}}(?!\d|,\d){_NOT_OF_A}                              # 24/7, 9/11, 2023/24
          | \d{{1,2}}(?::\d{{2}}){{1,2}}(?:\s?(?i:[ap]\.?m\b\.?))?(?!\d)                  # 10:30
          | \d{{1,2}}\.\d{{2}}\s?(?i:a\.m\.|p\.m\.|am\b|pm\b)                           # 10.45pm
          | \d{{1,2}}\s?(?i:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock)                          # 10 a.m., 5pm
          | \d{{3,4}}\s?(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|hrs\b)                   # 1400 GMT
          | \d{{1,10}}(?i:st|nd|rd|th)\b                                                 # 21st
          | (?:\d{{2}})?\d0s\b | \d{{4}}['’]s\b                                          # 1990s, 2023's
          | \d{{1,5}}(?![kcm]?m[23]\b)[A-Za-z]{{1,3}}\d\w*                                # 4x4, not 32m2
          | \d[DG]\b                                                                   # 3D, 5G
        )
    ))
    # ---- words that are not quantities, or that carry digits which are not ----
  | (?P<skip_word>(?=[A-Za-z§])(?:
        (?=[hw])(?:https?://|www\.)[^\s<>"')\]]{{1,2000}}
      | (?=[JFMASOND]){_MONTH}\s{{0,3}}{_DATE_AFTER_MONTH}  # Oct. 28, 2024
      | {word_trie(_IDENTIFIER_KEYWORDS_ANY_CASE, caseless=True)}\s{{0,3}}\#?\d[\w./-]{{0,20}}          # Article 4
      | (?:{word_trie(_IDENTIFIER_KEYWORDS_CAPITALIZED)})\.?\s{{1,3}}(?:No\.?\s{{0,3}})?\#?\d[\w./-]{{0,20}}
    ))
    # ---- shares: "seven in ten", "1 in 4", "three-quarters", "a third of", "half of" ----
  | (?P<ratio>(?=[\dzZoOtTfFsSeEnN])(?P<ratio_num>(?i:{_SMALL_WORD})|(?<![.,])\d{{1,3}})\s{{1,3}}(?i:in|out\s{{1,3}}of)\s{{1,3}}
        (?P<ratio_den>(?i:{_SMALL_WORD}|(?:a|one)\s{{1,3}}(?:hundred|thousand)\b)|\d{{1,3}}(?:,\d{{3}})?(?!\d|[.,]\d))(?!\s?%)
    )
  | (?P<fraction>(?=[\daAoOtTfFsSnN])(?P<fraction_num>(?i:an?|one|two|three|four|five|seven|nine)|\d)(?P<fraction_joint>-|\s{{1,3}})
        (?P<fraction_den>(?i:{word_trie(list(_FRACTION_DENOMINATORS))}))\b(?P<fraction_of>\s{{1,3}}of\b)?
    )
  | (?P<slash>(?<![\d.,/])(?P<slash_num>\d{{1,2}})[/\u2044](?P<slash_den>\d{{1,3}})(?!\d|,\d)(?!{_NOT_OF_A}))
  | (?P<half>(?=[hH])(?i:half)(?=\s{{1,3}}(?i:of|the|its|their|his|her|our|all|them|these|those)\b))
    # ---- vague plurals: "hundreds of thousands", "dozens", "several thousand" ----
  | (?P<vague>(?=[tThHdDmMbB])(?:(?P<vague_outer>(?i:tens|hundreds|dozens))\s{{1,3}}(?i:of)\s{{1,3}})?
        (?P<vague_plural>(?i:dozens|hundreds|thousands|millions|billions|trillions))\b)
  | (?P<few>(?=[aAsS])(?P<few_word>(?i:a\s{{1,3}}few|several))\s{{1,3}}(?P<few_scale>(?i:dozen|hundred|thousand|million|billion))\b)
    )
    # ---- numbers ----
  | (?P<number>(?=[\d$€£¥₹₩₽₴.\-−UCAHNSRUEGJKIBPTZMDzZoOtTfFsSeEnNhHmMbBaAdD])
        (?:(?P<currency>{_CURRENCY_PREFIX})|)  # (?:X|) for (?:X)?: see _DIGITS
        (?:(?P<sign>(?<![\w.,%)\]])[-−](?=\.?\d)|(?i:minus)(?:\s{{1,3}}|-))|)
        (?:
            (?P<digits>(?(currency)|(?<![\w.,]))(?:{_DIGITS}))(?:{_EXPONENT}|{_SCALE_SUFFIX}|)
          | (?P<words>(?<!\w)(?=[zZoOtTfFsSeEnNhHmMbBaAdD])(?i:{_WORD_SEQUENCE}))
        )
        (?:(?P<wire>\s(?:dlrs|stg|yen)\b)|{_PERCENT_SUFFIX}|)
    )
    )
    """,
    re.VERBOSE,
)

# Most sentences of real reporting hold no figure, and ``_CANDIDATES`` costs as much on
# them as on any other. Every alternative that gives a figure (all but the skips)
# holds a digit or one of these words, spelled as a whole word: a number word
# ("eight million", "a dozen", "one in four"), a fraction ("a third", "half of")
# or a vague plural ("hundreds"). Lakh and crore follow digits; they are here
# because they are scale words all the same.
_GATE_WORDS = (
    _UNITS + _TENS + list(_SCALE_WORDS) + ["dozen"] + list(_FRACTION_DENOMINATORS) + list(_VAGUE_PLURALS)
)
# Characters that case-insensitive matching takes for an ASCII letter whose lower case
# is not that letter: "ı" and "ſ" stay as they are and "İ" becomes "i" and a combining
# dot (U+0307). With one of them in a sentence, the sentence takes the full scan.
_FOLDED_AWAY = "".join(sorted({char.lower()[-1] for char in "".join(_FOLDS_TO.values())} - set(string.ascii_lowercase)))
_GATE_FIRSTS = "".join(sorted({word[0] for word in _GATE_WORDS}))
# Searched in the lower-cased text, after the space ``find_numbers`` puts before it. Each
# try starts at a character other than a-z (a tight loop for the engine): a digit or
# folded letter there, or a gate word after it.
_MAY_HOLD_NUMBER = re.compile(rf"[^a-z](?:(?<=[\d{_FOLDED_AWAY}])|(?=[{_GATE_FIRSTS}]){word_trie(_GATE_WORDS)})")
# The same test on ASCII text, done on its bytes and all in C, where the pattern is tried
# after every space and stop (about half the time over sentences of reporting): each digit
# made a "0" and every other byte a space (a table lookup per byte; a regex scan calls a set
# test per character) and a "0" looked for, then each byte through a table (upper case to
# lower, all but a-z to a space), split into runs of letters, and the runs looked up among
# the gate words. A run is a gate word wherever the pattern finds one (the pattern also asks
# that no digit or "_" follow it), so the test lets through every sentence the pattern does.
_DIGIT_MARKS = bytes(48 if 48 <= code <= 57 else 32 for code in range(256))
_ASCII_LETTER_RUNS = bytes(
    code + 32 if 65 <= code <= 90 else code if 97 <= code <= 122 else 32 for code in range(256)
)
_ASCII_GATE_WORDS = frozenset(word.encode() for word in _GATE_WORDS)


def _ascii_may_hold_number(text: str) -> bool:
    """``_MAY_HOLD_NUMBER`` for ASCII ``text``, or True in a few more cases ("ten_"): a digit or a gate word."""
    data = text.encode()
    return data.translate(_DIGIT_MARKS).find(b"0") != -1 or _holds_gate_word(data)


def _holds_gate_word(data: bytes) -> bool:
    """Whether ASCII ``data`` holds a gate word (see ``_ascii_may_hold_number``)."""
    return not _ASCII_GATE_WORDS.isdisjoint(data.translate(_ASCII_LETTER_RUNS).split())


# Many a sentence of reporting whose only figures are dates: "met on Thursday, March 6, to
# discuss", "the first such meeting since 2013." In an ASCII sentence without a gate word
# every match that gives a figure holds a digit, so when each of its digits is in one of
# these two forms, ``find_numbers`` gives nothing and the sentence can skip the scan:
# * a day or year after a space, a month and a space ("March 6", "Oct. 28, 2024", "May 2023"):
#   the scan matches the month alternative of ``skip_word`` at the space before the month;
# * a four-digit year from 1000 to 2199 after a space, one of ``_DATING_WORDS`` and a space,
#   then a comma, semicolon, bracket, stop or the end ("since 2013."): the scan reads a bare
#   integer (the plain-figure fast path, nothing after the digits) that ``find_numbers``
#   drops as a dated year.
# No other match reaches these digits: none has a month or one of these words right before
# its digits (they are neither identifier keywords nor currency codes nor "minus", and the
# "in" of "seven in ten" needs a number before it), and the text between the forms holds no
# digit and no gate word. Nor are two such years joined into a range: a word stands between.
_MONTH_FORMS = frozenset(
    form
    for name in "January February March April May June July August September October November December".split()
    for form in (name, name + ".", name[:3], name[:3] + ".", name[:4], name[:4] + ".")
    if re.fullmatch(_MONTH, form)
)
# Words of _YEAR_CONTEXT_WORDS, in lower case or capitalized, that no match of _CANDIDATES ends with before digits.
_DATING_WORDS = frozenset(
    form
    for word in "in since by until till before after during throughout from".split()
    for form in (word, word.title())
)
# Each word before digits looked up once: True for a month, False for a dating word.
_DATE_WORDS = dict.fromkeys(_MONTH_FORMS, True) | dict.fromkeys(_DATING_WORDS, False)
# After a month and its space: _DATE_AFTER_MONTH, or a year, for which the month alternative's
# \s{0,3} takes no space and its ",?\s{1,3}" the one there is ("May 2023").
_DATE_AFTER_MONTH_SPACE = re.compile(rf"{_DATE_AFTER_MONTH}|\d{{4}}(?!\d)")
# What may follow a year for the plain-figure fast path to take it with nothing after it.
_YEAR_END = re.compile(r"[,;)](?!\d)|\.(?![\w.+\-@'’])|\Z")


def _only_dated_digits(text: str, data: bytes, marks: bytes, digit: int) -> bool:
    """Whether every digit of ``text`` is in a date and it holds no gate word.

    ``text``: ASCII, after ``find_numbers``' space; ``data``: its bytes; ``marks``: those
    through ``_DIGIT_MARKS``; ``digit``: where the first digit is. Reads the word before each
    run of digits in plain Python: a regex walk over the sentence costs about as much as the
    scan it would spare.
    """
    scanned = 0  # where the scan would go on after the last date
    while digit != -1:
        if text[digit - 1] != " ":
            return False
        space = text.rfind(" ", scanned, digit - 1)  # not in the last date: the scan has gone past it
        if space == -1:
            return False
        month = _DATE_WORDS.get(text[space + 1 : digit - 1])
        if month:
            date = _DATE_AFTER_MONTH_SPACE.match(text, digit)
            if date is None:
                return False
            scanned = date.end()
        elif month is not None:  # a dating word
            scanned = marks.find(b" ", digit)
            if scanned == -1:
                scanned = len(text)
            if scanned - digit != 4 or not 1000 <= int(text[digit:scanned]) <= 2199:
                return False
            if _YEAR_END.match(text, scanned) is None:
                return False
        else:
            return False
        digit = marks.find(b"0", scanned)
    return not _holds_gate_word(data)


# Patterns matched just before a candidate, in a short window ending at it.
# Each begins with the non-word character before its first word, so that the
# engine skips to spaces in a tight loop instead of trying every position.
_HEDGE_TRIE = word_trie([p for p in _HEDGE_CANONICAL if p not in "~≈"])
_HEDGE_BEFORE = re.compile(rf"[^\w.](?P<hedge>(?i:{_HEDGE_TRIE}))\s{{1,3}}$")
# The same, case-sensitive, for ASCII text lower-cased (the phrases are lower-case ASCII):
# a case-insensitive alternation is tried letter by letter, this one is skipped at once.
_HEDGE_BEFORE_FOLDED = re.compile(rf"[^\w.](?P<hedge>{_HEDGE_TRIE})\s{{1,3}}$")
# The longest match: the character before, the longest phrase, three spaces and
# a newline that "$" may stand before. Searching no further back finds the same hedge.
_HEDGE_REACH = 1 + max(map(len, _HEDGE_CANONICAL)) + 3 + 1
_YEAR_CONTEXT_WORDS = (
    r"(?:in|since|by|until|till|before|after|during|throughout|from|of\s+the\s+year|the\s+year|year|"
    r"early|late|mid|spring|summer|autumn|fall|winter|fiscal|end\s+of|start\s+of|beginning\s+of)"
)
_YEAR_CONTEXT_BEFORE = re.compile(rf"[^\w.](?i:{_YEAR_CONTEXT_WORDS})\s{{1,3}}$")
# The same for ASCII text lower-cased, as _HEDGE_BEFORE_FOLDED: "since 2013" ends many a
# sentence of reporting, and the case-insensitive search costs about three times as much.
_YEAR_CONTEXT_BEFORE_FOLDED = re.compile(rf"[^\w.]{_YEAR_CONTEXT_WORDS}\s{{1,3}}$")
_BETWEEN_BEFORE = re.compile(r"[^\w.](?i:between)\s{1,3}$")
_FROM_BEFORE = re.compile(r"[^\w.](?i:from)\s{1,3}$")
# "prices range from $370,000 to $5.5 million": a spread, not a change.
_SPREAD_FROM_BEFORE = re.compile(r"[^\w.](?i:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying))\s{1,3}(?i:from)\s{1,3}$")
# "increased by $43.6 billion to $419.2 billion", "rose 18 sen to RM23.50": a change, then the new level.
_CHANGE_BY_BEFORE = re.compile(r"[^\w.](?i:by)\s{1,3}$")
_CHANGE_VERB_BEFORE = re.compile(
    r"[^\w.](?i:rose|fell|gained|lost|added|shed|climbed|dropped|jumped|slipped|slid|increased|decreased|declined"
    r"|grew|eased|tumbled|surged|soared|plunged|sank|dipped|up|down)\s{1,3}$"
)
_RANGE_JOINER = re.compile(r"\s{0,3}[-–]\s{0,3}|\s{1,3}(?i:to)\s{1,3}")
_TO_JOINER = re.compile(r"\s{1,3}(?i:to)\s{1,3}")
_AND_JOINER = re.compile(r"\s{1,3}(?i:and)\s{1,3}")
_OR_JOINER = re.compile(r"\s{1,3}(?i:or)\s{1,3}")
_EITHER_BEFORE = re.compile(r"[^\w.](?i:either)\s{1,3}$")
_ORDINAL_AFTER = re.compile(
    r"-?(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|th)\b"
)
# Lengths of things written next to a glued "m": then it is metres, not millions.
_METRE_CONTEXT_AFTER = re.compile(
    r"(?:[-–]|\s{1,3}(?i:tall|high|long|wide|deep|thick|away|across|below|above|under|in|of|from|to|by|x|"
    r"and|or|high|metres?|meters?|square|sq|cubic|radius|diameter|depth|length|height|width"
    # races: "the 200m sprint", "4 x 100m relay", "400m freestyle"
    r"|relays?|sprints?|dash|hurdles|freestyle|backstroke|breaststroke|butterfly|(?:individual\s{1,3})?medley"
    r"|steeplechase|races?|heats?)\b"
    r"|\s*[\d.,;:)]|\s*$"
    r"|\s{0,3}\(\s{0,3}[\d.,]{1,12}\s{0,3}(?i:ft|feet|foot|in|inches|yards?|yds?)\b)"  # 37m (121ft)
)
_HALF_NOT_SHARE_BEFORE = re.compile(
    r"[^\w.](?i:first|second|latter|former|other|the|a|an|top|bottom|back|front|lower|upper|"
    r"northern|southern|eastern|western)\s{1,3}$"
)
# A lone "one" is a number only before what it counts ("one solution", "one
# dollar"), never as a pronoun ("no one", "one of the", "one another") or in
# set phrases ("one day", "at one point").
_ONE_PRONOUN_BEFORE = re.compile(
    r"[^\w.](?i:the|this|that|no|any|every|each|which|only|such|another|a|an|last|first|next|single|same"
    r"|new|big|little|right|wrong|at|on|of)\s{1,3}$"
)
_ONE_COUNTS_AFTER = re.compile(
    r"\s{1,3}(?!(?i:of|another|or|and|nor|to|in|on|at|by|for|from|with|without|who|whom|whose|which|that|is|was"
    r"|are|were|be|been|has|had|have|will|would|can|could|may|might|must|should|shall|does|did|do|said|says"
    r"|more|less|day|time|point|way|thing|too|as|than|if|but|so|then|after|before|else|here|there|another"
    r"|hundred|thousand|million|billion|trillion|dozen)\b)(?:[A-Za-z][a-z]{1,30}|[A-Z]{2,5})\b"  # "one US soldier"
)
_WHITESPACE = re.compile(r"[\s-]+")
_WORD_END = re.compile(r"[A-Za-z](?![A-Za-z])")
_MAX_WORDS = 12  # a number in words is never longer; caps the work on pathological text
_CONTEXT = 32  # characters looked at before a candidate for hedges and year prepositions


@dataclass(slots=True)
class _Candidate:
    """A number being built, before ranges are merged."""

    start: int
    end: int
    value: float
    rounding: float
    scale: float = 1.0  # multiplier of its own scale word or suffix ("million" -> 1e6)
    words: bool = False
    currency: str | None = None
    percent: bool = False
    percentage_points: bool = False
    bare_integer: bool = False  # plain digits, no separators, decimals, sign or suffix
    fraction_of: str | None = None
    value_to: float | None = None
    pending_m: int | None = None  # end of the digits when a glued "m"/"b" awaits a currency
    pending_scale: float = 1.0


@lru_cache(maxsize=4096)
def _words_value(phrase: str) -> float | None:
    """Value of a run of number words, or None when it is not one number."""
    tokens = _WHITESPACE.sub(" ", phrase.lower()).strip().split(" ")
    if "half" in tokens[1:]:  # "two and a half million" = (2 + 1/2) million
        whole, _, scale = " ".join(tokens).partition(" and a half")
        whole_value = _words_value(whole)
        scale_value = _words_value(f"one {scale}") if scale.strip() else 1.0
        if whole_value is None or scale_value is None:
            return None
        return (whole_value + 0.5) * scale_value
    factor = 1.0
    if tokens[0] == "half":
        factor, tokens = 0.5, tokens[1:]
    if tokens[0] in ("a", "an"):
        tokens[0] = "one"
    if tokens[-1] == "dozen":
        factor *= 12
        tokens = tokens[:-1] or ["one"]
    if "dozen" in tokens:
        return None
    try:
        return factor * text2num(" ".join(tokens), "en")
    except ValueError:
        return None


def _half_unit_of_last_digit(value: float) -> float:
    """Rounding of an integer written without decimals: "1,500" -> 50."""
    number = abs(int(value))
    if number == 0:
        return 0.5
    unit = 1
    while number % 10 == 0:
        number //= 10
        unit *= 10
    return unit / 2


@lru_cache(maxsize=4096)
def _digits_value(numeral: str) -> tuple[float, float, bool]:
    """Value, rounding and whether it is a bare integer, of a digit numeral.

    Cached: news repeats the same numerals ("10", "2,000", "1.5") all the time.
    """
    cleaned = "".join(numeral.replace(",", "").split())
    integer, _, decimals = cleaned.partition(".")
    value = float(cleaned)
    if decimals:
        return value, 0.5 * 10.0 ** -len(decimals), False
    return value, _half_unit_of_last_digit(value), cleaned == numeral


def _scale_of(spelled: str | None, abbreviation: str | None) -> tuple[float, bool]:
    """Multiplier of a scale suffix (a ``scale_word`` or ``scale_abbr`` group) and whether it was spelled out."""
    if spelled:
        factor = 1.0
        for word in spelled.split():
            factor *= _SCALE_WORDS[fold_case(word)]
        return factor, True
    if abbreviation:
        return _SCALE_ABBREVIATIONS[fold_case(abbreviation.strip())], False
    return 1.0, False


def _currency_code(prefix: str | None) -> str | None:
    if not prefix:
        return None
    prefix = prefix.strip()
    return _CURRENCY_SYMBOLS.get(prefix) or (prefix if prefix in _ISO_CODES else None)


def _counts_one(text: str, start: int, end: int) -> bool:
    """A lone "one" counts something: a word follows that is not a function word."""
    if _ONE_PRONOUN_BEFORE.search(text, max(0, start - _CONTEXT), start):
        return False
    return _ONE_COUNTS_AFTER.match(text, end) is not None


_NUMBER_GROUPS = ("sign", "currency", "wire", "digits", "scale_word", "scale_abbr", "power", "points", "percent")


def _number_candidate(text: str, match: re.Match[str]) -> _Candidate | None:
    """Build a candidate from the ``number`` alternative, or None to drop it."""
    start, end = match.span("number")
    # One call for every group read below: each ``group`` call is a Python-level call.
    signed, written_currency, wire, digits, scale_word, scale_abbr, power, points, percent = match.group(*_NUMBER_GROUPS)
    sign = -1.0 if signed else 1.0
    currency = _currency_code(written_currency) if written_currency else None
    if wire:
        currency = currency or _CURRENCY_SYMBOLS[wire.strip()]
    if digits is not None:
        value, rounding, bare = _digits_value(digits)
        scale, spelled = _scale_of(scale_word, scale_abbr) if scale_word or scale_abbr else (1.0, False)
        if power:
            exponent = int(power.translate(_SUPERSCRIPTS))  # shifted in decimal: 1.99e-30 exactly
            value, rounding, bare = float(f"{value!r}e{exponent}"), float(f"{rounding!r}e{exponent}"), False
        abbreviation = scale_abbr.strip() if scale_abbr else ""
        pending_m, pending_scale = None, 1.0
        if abbreviation in ("m", "b", "tn") and not currency:
            # "3m" is metres and "5b" nothing unless money is meant: decided once ranges are known.
            pending_m, pending_scale = match.end("digits"), scale
            after = _METRE_CONTEXT_AFTER.match(text, match.end("scale_abbr"))
            if abbreviation == "m" and after is None and not wire:
                pending_m = None  # "1.2m people": millions
            else:
                scale = 1.0
        if pending_m is not None and scale == 1.0:
            end = pending_m
        # Built once with every field known (one per figure); a share or points is never a bare integer.
        return _Candidate(
            start,
            end,
            sign * value * scale,
            rounding * scale,
            scale,
            spelled,
            currency,
            not points and bool(percent),
            bool(points),
            bare and sign > 0 and scale == 1.0 and not currency and not points and not percent,
            None,
            None,
            pending_m,
            pending_scale,
        )
    else:
        phrase = match.group("words")
        tokens = _WHITESPACE.sub(" ", phrase.lower()).split()
        if tokens[0] in _SCALE_WORDS or tokens[0] == "dozen":
            return None
        if tokens == ["one"] and not _counts_one(text, match.start("words"), match.end("words")):
            return None
        value = _words_value(phrase)
        if value is None:
            # "one hundred and one hundred": keep the longest prefix that is one number.
            ends = [m.end() for m in _WORD_END.finditer(phrase)][:-1]
            for cut in reversed(ends[-_MAX_WORDS:]):
                value = _words_value(phrase[:cut])
                if value is not None:
                    end = match.start("words") + cut
                    tokens = _WHITESPACE.sub(" ", phrase[:cut].lower()).split()
                    break
            else:
                return None
        if _ORDINAL_AFTER.match(text, match.end("words")):
            return None  # "twenty-first"
        if end != match.end("number"):
            candidate = _Candidate(start, end, sign * value, _half_unit_of_last_digit(value), words=True)
            candidate.scale = _SCALE_WORDS.get(tokens[-1], 1.0)
            return candidate
        candidate = _Candidate(
            start, end, sign * value, _half_unit_of_last_digit(value), words=True, currency=currency
        )
        scales = [_SCALE_WORDS.get(t, 12.0 if t == "dozen" else 1.0) for t in tokens]
        candidate.scale = scales[-1] if scales[-1] > 1.0 else 1.0  # "two to three million"
        if "half" in tokens[1:]:
            candidate.rounding = 0.25 * candidate.scale  # "two and a half million": to the half million
    if points:
        candidate.percentage_points = True
        candidate.bare_integer = False
    elif percent:
        candidate.percent = True
        candidate.bare_integer = False
    return candidate


def _share_candidate(text: str, match: re.Match[str]) -> _Candidate | None:
    """"seven in ten", "three-quarters", "half of": a share, as a percent."""
    kind = match.lastgroup
    if kind == "ratio":
        numerator = _small_value(match.group("ratio_num"))
        denominator = _small_value(match.group("ratio_den"))
        start, end = match.span("ratio")
    elif kind == "fraction":
        written = match.group("fraction_num").lower()
        spaced = match.group("fraction_joint") != "-"
        if written in ("a", "an", "one") and spaced and not match.group("fraction_of"):
            return None  # "a quarter century", "one third party"
        if written not in ("a", "an", "one") and spaced and not match.group("fraction_of"):
            return None  # "two quarters" of a year
        numerator = 1 if written in ("a", "an") else _small_value(written)
        denominator = _FRACTION_DENOMINATORS[fold_case(match.group("fraction_den"))]
        start, end = match.start("fraction"), match.end("fraction_den")
    elif kind == "slash":
        numerator, denominator = int(match.group("slash_num")), int(match.group("slash_den"))
        start, end = match.span("slash")
    else:
        if _HALF_NOT_SHARE_BEFORE.search(text, max(0, match.start("half") - _CONTEXT), match.start("half")):
            return None  # "the second half of 2024"
        numerator, denominator = 1, 2
        start, end = match.span("half")
    if numerator is None or denominator is None or not 0 < numerator < denominator:
        return None
    words = not text[start].isdigit()
    return _Candidate(
        start,
        end,
        100.0 * numerator / denominator,
        min(50.0 / denominator, 5.0),
        words=words,
        percent=True,
        fraction_of=f"{numerator}/{denominator}",
    )


def _small_value(written: str | None) -> int | None:
    if written is None:
        return None
    written = written.strip().lower().replace(",", "")
    if written.isdigit():
        return int(written)
    value = _words_value(written)
    return None if value is None else int(value)


def _vague_candidate(match: re.Match[str]) -> _Candidate:
    """"hundreds of thousands" -> 100000..1000000; "several thousand" -> 3000..10000."""
    if match.lastgroup == "few":
        few_scale = fold_case(match.group("few_scale"))
        scale = 12.0 if few_scale == "dozen" else _SCALE_WORDS[few_scale]
        low = (2.0 if "few" in match.group("few_word").lower() else 3.0) * scale
        candidate = _Candidate(*match.span("few"), low, 0.0, words=True)
        candidate.value_to = 10 * scale if scale != 12.0 else 9 * scale
        return candidate
    low, high = _VAGUE_PLURALS[fold_case(match.group("vague_plural"))]
    if outer := match.group("vague_outer"):
        outer_low, outer_high = _VAGUE_PLURALS[fold_case(outer)]
        low, high = outer_low * low, outer_high * low
    candidate = _Candidate(*match.span("vague"), low, 0.0, words=True)
    candidate.value_to = high
    return candidate


def _is_year(candidate: _Candidate) -> bool:
    return candidate.bare_integer and 1000 <= candidate.value <= 2199 and candidate.end - candidate.start == 4


def _join_ranges(text: str, candidates: list[_Candidate]) -> list[_Candidate | None]:
    """Merge "2,000-3,000", "2 to 3 million", "between 2 and 3": one span with value_to.

    Also drops year ranges ("2019-2022", "2019-20") and match scores ("3-1").
    """
    merged: list[_Candidate | None] = []
    i = 0
    while i < len(candidates):
        first = candidates[i]
        second = candidates[i + 1] if i + 1 < len(candidates) else None
        if second is None or first.value_to is not None or second.value_to is not None:
            merged.append(first)
            i += 1
            continue
        gap = text[first.end : second.start]
        dash_or_to = _RANGE_JOINER.fullmatch(gap)
        if not dash_or_to and not _is_estimate_or(text, first, gap) and not (
            _AND_JOINER.fullmatch(gap) and _BETWEEN_BEFORE.search(text, max(0, first.start - _CONTEXT), first.start)
        ):
            merged.append(first)
            i += 1
            continue
        hyphen = dash_or_to is not None and ("-" in gap or "–" in gap)
        if _is_year(first) and (
            _is_year(second) or (hyphen and second.bare_integer and second.end - second.start == 2)
        ):
            i += 2  # "2019-2022", "between 2019 and 2022", "2019-20": dates
            continue
        window = max(0, first.start - _CONTEXT)
        from_before = (
            not hyphen
            and _FROM_BEFORE.search(text, window, first.start)
            and not _SPREAD_FROM_BEFORE.search(text, window, first.start)
            and not _to_follows(text, second, candidates[i + 2] if i + 2 < len(candidates) else None)
        )
        if dash_or_to and not hyphen and _is_change_then_level(text, first, window):
            merged.append(first)
            i += 1
            continue
        low, high = _range_ends(first, second)
        if hyphen and low >= high and first.bare_integer and second.bare_integer and high < 100:
            i += 2  # "won 3-1": a score
            continue
        if (
            from_before
            or low >= high
            or (first.percent and not second.percent)
            or first.percentage_points != second.percentage_points
            or (first.currency and second.currency and first.currency != second.currency)
        ):
            merged.append(first)
            i += 1
            continue
        merged.append(_combined(first, second, low, high))
        i += 2
    return merged


def _is_estimate_or(text: str, first: _Candidate, gap: str) -> bool:
    """"three or four years", "10 or 12 people": an estimate between the two; "either 5 or 50" is a choice."""
    return _OR_JOINER.fullmatch(gap) is not None and not _EITHER_BEFORE.search(
        text, max(0, first.start - _CONTEXT), first.start
    )


def _to_follows(text: str, second: _Candidate, third: _Candidate | None) -> bool:
    """"from 5 to 7 per cent to 3 per cent": a change has one "to", so the first one joins a range."""
    return third is not None and _TO_JOINER.fullmatch(text, second.end, third.start) is not None


def _is_change_then_level(text: str, first: _Candidate, window: int) -> bool:
    """"by 3% to 40%", "rose $2 to $10": the first figure is the change, the second the level."""
    if first.currency is None and not first.percent and not first.percentage_points:
        return False  # "dropped by 1 to 1.5 degrees": a range of the change
    return bool(
        _CHANGE_BY_BEFORE.search(text, window, first.start) or _CHANGE_VERB_BEFORE.search(text, window, first.start)
    )


def _range_ends(first: _Candidate, second: _Candidate) -> tuple[float, float]:
    """Ends of a range; "2-3 million" gives the first end the scale written after the second."""
    low = first.value
    if first.scale == 1.0 and second.scale > 1.0 and abs(low) < abs(second.value) / second.scale:
        low *= second.scale
    return low, second.value


def _combined(first: _Candidate, second: _Candidate, low: float, high: float) -> _Candidate:
    scale = low / first.value if first.value else 1.0
    return _Candidate(
        start=first.start,
        end=second.end,
        value=low,
        rounding=max(first.rounding * scale, second.rounding),
        scale=second.scale,
        words=first.words or second.words,
        currency=first.currency or second.currency,
        percent=first.percent or second.percent,
        percentage_points=first.percentage_points or second.percentage_points,
        value_to=high,
    )


def _resolve_pending_m(candidates: list[_Candidate], text: str) -> None:
    """A glued "m"/"b"/"tn" is millions/billions/trillions when money is written next to it.

    "$2-3m": the currency sits on the first end of the range.
    """
    previous: _Candidate | None = None
    for candidate in candidates:
        if candidate.pending_m is not None and previous is not None and previous.currency:
            if _RANGE_JOINER.fullmatch(text[previous.end : candidate.start]):
                candidate.value *= candidate.pending_scale
                candidate.rounding *= candidate.pending_scale
                candidate.scale = candidate.pending_scale
                candidate.bare_integer = False
                candidate.currency = previous.currency
                candidate.end = _suffix_end(text, candidate.end)
                candidate.pending_m = None
        previous = candidate


def _suffix_end(text: str, end: int) -> int:
    """End of a glued scale abbreviation starting at ``end`` ("m", "bn", "tn")."""
    stop = end
    while stop < len(text) and stop - end < 3 and text[stop].isalpha():
        stop += 1
    return stop


def _hedge_before(text: str, start: int, lowered: str | None = None) -> tuple[str | None, int | None]:
    """Canonical hedge written just before ``start`` and where it begins.

    ``lowered`` is ``text.lower()`` when ``text`` is ASCII, for the faster pattern.
    """
    before = text[start - 1] if start else ""
    if not before.isspace() and before not in ("~", "≈", "-"):
        return None, None  # every hedge ends in a space, a tilde or "sub-"
    # A tilde counts only in the last two characters: looked for only when one is there.
    if before in ("~", "≈") or (start >= 2 and text[start - 2] in ("~", "≈")):
        tilde = text.rfind("~", max(0, start - 2), start)
        if tilde == -1:
            tilde = text.rfind("≈", max(0, start - 2), start)
        if not text[tilde + 1 : start].strip():
            return "about", tilde
    if before == "-":  # only "sub-" ends in a hyphen; the phrases below end in a space
        return ("fewer than", start - 4) if text[max(0, start - 4) : start].lower() == "sub-" else (None, None)
    if before in ("~", "≈"):
        return None, None  # "~≈5": no phrase ends in a tilde
    if lowered is None:
        hedge = _HEDGE_BEFORE.search(text, max(0, start - _HEDGE_REACH), start)
    else:
        hedge = _HEDGE_BEFORE_FOLDED.search(lowered, max(0, start - _HEDGE_REACH), start)
    if hedge is None:
        return None, None
    return _HEDGE_CANONICAL[fold_case(hedge.group("hedge"))], hedge.start("hedge")


def _year_context_before(text: str, start: int, lowered: str | None) -> bool:
    """Whether a word that dates a year ("in", "since", "by") is written just before ``start``.

    ``lowered`` is ``text.lower()`` when ``text`` is ASCII, for the faster pattern.
    """
    window = max(0, start - _CONTEXT)
    if lowered is None:
        return _YEAR_CONTEXT_BEFORE.search(text, window, start) is not None
    return _YEAR_CONTEXT_BEFORE_FOLDED.search(lowered, window, start) is not None


def find_numbers(text: str) -> list[NumberSpan]:
    """Every number written in ``text``, in order, with non-overlapping spans."""
    text = " " + text  # see _CANDIDATES: a match consumes the character before it
    ascii_text = text.isascii()
    # No digit and no number word: only skips could match (see _MAY_HOLD_NUMBER). When every
    # digit is in a date, the scan finds no figure either (see _only_dated_digits). Both tests
    # read the same bytes.
    if ascii_text:
        data = text.encode()
        marks = data.translate(_DIGIT_MARKS)
        digit = marks.find(b"0")
        if (digit == -1 and not _holds_gate_word(data)) or (
            digit != -1 and _only_dated_digits(text, data, marks, digit)
        ):
            return []
    lowered = text.lower()
    if not ascii_text and _MAY_HOLD_NUMBER.search(lowered) is None:
        return []
    candidates: list[_Candidate] = []
    for match in _CANDIDATES.finditer(text):
        kind = match.lastgroup
        if kind in ("skip", "skip_word"):
            continue
        if kind == "number":
            candidate = _number_candidate(text, match)
        elif kind in ("ratio", "fraction", "slash", "half"):
            candidate = _share_candidate(text, match)
        else:
            candidate = _vague_candidate(match)
        if candidate is not None:
            candidates.append(candidate)
    if len(candidates) > 1:  # most sentences have one figure: nothing to resolve or join
        _resolve_pending_m(candidates, text)
        candidates = _join_ranges(text, candidates)
    spans = []
    ascii_lowered = lowered if ascii_text else None
    for candidate in candidates:
        if candidate is None:
            continue
        year = _is_year(candidate)
        if year and _year_context_before(text, candidate.start, ascii_lowered):
            continue  # "in 2023", "since 2020", "by 2035"
        qualifier = qualifier_start = None
        if candidate.value_to is None:
            qualifier, qualifier_start = _hedge_before(text, candidate.start, ascii_lowered)
        # Positional arguments, in NumberSpan's field order: one is built per figure.
        spans.append(
            NumberSpan(
                candidate.start - 1,
                candidate.end - 1,
                candidate.value,
                candidate.value_to,
                candidate.rounding,
                candidate.words,
                qualifier,
                None if qualifier_start is None else qualifier_start - 1,
                candidate.currency,
                candidate.percent,
                candidate.percentage_points,
                year,
                candidate.fraction_of,
            )
        )
    return spans
