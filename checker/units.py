"""One unit registry and one alias table: the single source of units.

Every stage asks this module, never its own pint registry, so that "is a
barrel comparable to a litre?" has one answer. Our additions to pint:

* ``count``: counted items ("8 million shells") get their own dimension, so a
  count is never compared with a percentage or a length;
* one base dimension per currency (``USD = [currency_USD]``). There are no
  exchange rates: dollars and euros are simply not comparable;
* ``percentage_point`` as its own dimension (a difference of percentages is
  not a percentage); pint's ``percent`` is kept as ``percent`` rather than
  collapsed into a dimensionless 0.01.

Surface forms ("kms", "dlrs", "°C", "bpd") live as data in
``rules/lexicon/units.yaml``; this module compiles them once into a lookup
table and one regex used by the extractor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import pint

from checker import yamltext

LEXICON_PATH = Path(__file__).resolve().parents[1] / "rules" / "lexicon" / "units.yaml"

# ISO 4217 codes we know; each becomes its own base dimension.
CURRENCIES: tuple[str, ...] = (
    "USD", "EUR", "GBP", "JPY", "CNY", "RUB", "UAH", "INR", "PKR", "CHF", "CAD", "AUD",
    "NZD", "HKD", "SGD", "TWD", "KRW", "KPW", "BRL", "MXN", "ARS", "ZAR", "NGN", "KES",
    "EGP", "MZN", "TRY", "ILS", "SAR", "AED", "IRR", "PLN", "CZK", "HUF", "SEK", "NOK", "DKK",
    "MYR", "IDR", "THB", "PHP", "VND", "HRK", "BTC",
)

# Definitions added to pint's defaults, in pint's own definition syntax.
_EXTRA_DEFINITIONS: tuple[str, ...] = (
    "percentage_point = [percentage_point]",
    "basis_point = 0.01 * percentage_point",
    "ppb = 1e-9",
    "mmBtu = 1e6 * british_thermal_unit",
    "square_kilometer = kilometer ** 2",
    "square_meter = meter ** 2",
    "cubic_meter = meter ** 3",
    "cubic_kilometer = kilometer ** 3",
    "newton_meter = newton * meter",
    "megabit_per_second = megabit / second",
    "gigabit_per_second = gigabit / second",
    # Subunits of money: the canonical unit is the ISO code itself.
    "US_cent = 0.01 * USD",
    "euro_cent = 0.01 * EUR",
    "penny = 0.01 * GBP",
    "sen = 0.01 * MYR",
)

COUNT = "count"
PERCENT = "percent"
PERCENTAGE_POINT = "percentage_point"


@cache
def registry() -> pint.UnitRegistry:
    """The project's pint registry, built once per process (and so once per worker).

    Parsing pint's definition file takes most of half a second; pint keeps the
    parsed file in the user's cache folder, which makes later starts about ten
    times faster. Where that folder cannot be written, the file is parsed."""
    try:
        ureg = pint.UnitRegistry(on_redefinition="ignore", cache_folder=":auto:")
    except OSError:
        ureg = pint.UnitRegistry(on_redefinition="ignore")
    # pint ships ``count`` as dimensionless; counted items need their own
    # dimension, so it is redefined and the unit cache rebuilt (pint keeps
    # resolved dimensionalities in that cache).
    ureg._on_redefinition = "warn"
    ureg.define("count = [count]")
    ureg._on_redefinition = "ignore"
    for code in CURRENCIES:
        ureg.define(f"{code} = [currency_{code}]")
    for definition in _EXTRA_DEFINITIONS:
        ureg.define(definition)
    ureg._build_cache()
    return ureg


@dataclass(frozen=True, slots=True)
class Canonical:
    """How a value written in one unit maps onto its canonical unit.

    ``convert`` is ``value * factor + offset`` (the offset is non-zero only for
    temperature scales); ``convert_delta`` applies the factor alone, for
    widths and differences. ``dimension`` decides comparability: two values
    are comparable only when their dimensions are equal.
    """

    unit: str
    dimension: str
    factor: float = 1.0
    offset: float = 0.0

    def convert(self, value: float) -> float:
        return value * self.factor + self.offset

    def convert_delta(self, value: float) -> float:
        return value * self.factor

    @property
    def is_money(self) -> bool:
        """A currency, alone or in a ratio ("USD / metric_ton"): currencies are dimensions of their own."""
        return self.dimension.startswith("[currency_")


_COUNT_CANONICAL = Canonical(unit=COUNT, dimension="[count]")


@cache
def canonical(unit: str | None) -> Canonical:
    """Canonical unit, dimension, factor and offset for ``unit`` (None = a count).

    Cached per unit name: pint is asked once per distinct unit, never per claim.
    Raises ``pint.UndefinedUnitError`` for names the registry does not know.
    """
    if unit is None or unit == COUNT:
        return _COUNT_CANONICAL
    if unit == PERCENT:
        return Canonical(unit=PERCENT, dimension="[percent]")
    ureg = registry()
    parsed = ureg.parse_units(unit)
    base = ureg.Quantity(1.0, parsed).to_base_units().units
    # Two evaluations give factor and offset, which is exact for pint's
    # affine (offset) units such as degree_Fahrenheit -> kelvin.
    zero = ureg.Quantity(0.0, parsed).to(base).magnitude
    one, two = (ureg.Quantity(v, parsed).to(base).magnitude for v in (1.0, 2.0))
    if abs((two - one) - (one - zero)) > 1e-9 * max(abs(one), 1.0):
        # Logarithmic units (decibel) have no factor: comparable only with themselves.
        return Canonical(unit=unit, dimension=f"[{unit}]")
    if zero == 0.0:
        factor = one
    else:  # a wide step keeps the float error of the offset out of the factor
        factor = (ureg.Quantity(1e6, parsed).to(base).magnitude - zero) / 1e6
    base_name = str(base)
    dimensionality = ureg.get_dimensionality(base)
    # Dimensionless units (bytes, degrees of angle, ppm) are comparable only
    # with their own kind, never with counts, percent or each other.
    dimension = str(dimensionality) if dimensionality else f"[{base_name}]"
    return Canonical(unit=base_name, dimension=dimension, factor=factor, offset=zero)


@dataclass(frozen=True, slots=True)
class UnitAlias:
    """One surface form of a unit, as listed in the lexicon."""

    form: str
    unit: str
    period: str | None = None  # "bpd": the form also states a rate per day (P1D)
    glued: bool = False  # only right after the digits ("35C")
    prefix: bool = False  # written before the number ("RM23.50")

    @property
    def is_currency(self) -> bool:
        return canonical(self.unit).is_money


@dataclass(frozen=True, slots=True, eq=False)
class UnitLexicon:
    """Compiled alias table: exact and case-folded lookups plus two regexes.

    Compared and hashed by identity (there is one per lexicon file), so that
    extraction can cache results per lexicon.
    """

    exact: dict[str, UnitAlias]
    folded: dict[str, UnitAlias]
    after: re.Pattern[str]  # forms written after a number, longest first
    before: re.Pattern[str]  # currency forms written before a number, anchored at the end
    irregular_nouns: dict[str, str]
    invariant_nouns: frozenset[str]
    dropped_modifiers: frozenset[str]
    item_synonyms: dict[str, str]
    ambiguous_pound: str
    after_forms: tuple[str, ...] = ()  # the alternatives of ``after``, in its order
    after_by_first_char: dict[str, re.Pattern[str] | None] = field(default_factory=dict)
    before_last_chars: frozenset[str] = frozenset()  # characters a form of ``before`` can end with

    def after_pattern(self, char: str) -> re.Pattern[str] | None:
        """``after`` cut down to the forms that can begin with ``char`` (None: no form can).

        The full alternation of every unit form costs microseconds per call,
        and it runs after every number; almost all forms fail on their first
        character. Dropping those leaves the first form that matches, and so
        the match, unchanged. Built lazily, once per character seen.
        """
        try:
            return self.after_by_first_char[char]
        except KeyError:
            pass
        forms = [f for f in self.after_forms if re.match(_first_char_pattern(f), char)]
        pattern = re.compile(_after_alternation(forms)) if forms else None
        self.after_by_first_char[char] = pattern
        return pattern


def _key(form: str) -> str:
    return " ".join(form.split())


def _is_folded(form: str) -> bool:
    """Forms of 3+ characters written in lower case match in any case."""
    return len(form) >= 3 and form == form.lower()


def _takes_plural(form: str) -> bool:
    return form.isalpha() and _is_folded(form) and not form.endswith("s")


def _form_pattern(form: str) -> str:
    body = r"\s+".join(re.escape(part) for part in form.split())
    if _takes_plural(form):
        body += "(?:e?s)?" if form.endswith(("ch", "sh", "x")) else "s?"
    return f"(?i:{body})" if _is_folded(form) else body


def _first_char_pattern(form: str) -> str:
    """The first character of ``_form_pattern(form)``, with the same case rule."""
    first = re.escape(form.split()[0][0])
    return f"(?i:{first})" if _is_folded(form) else first


def _after_alternation(forms: list[str]) -> str:
    return "(?:" + "|".join(_form_pattern(f) for f in forms) + r")(?![^\W_])"


def _read_aliases(entries: dict) -> list[UnitAlias]:
    aliases: list[UnitAlias] = []
    for unit, forms in entries.items():
        for entry in forms:
            if isinstance(entry, dict):
                aliases.append(
                    UnitAlias(
                        form=str(entry["form"]),
                        unit=str(unit),
                        period=entry.get("period"),
                        glued=bool(entry.get("glued", False)),
                        prefix=bool(entry.get("prefix", False)),
                    )
                )
            else:
                aliases.append(UnitAlias(form=str(entry), unit=str(unit)))
    return aliases


@cache
def lexicon(path: Path = LEXICON_PATH) -> UnitLexicon:
    """Load and compile ``rules/lexicon/units.yaml`` once."""
    data = yamltext.load(path.read_text(encoding="utf-8"))
    aliases = _read_aliases(data["units"])
    exact: dict[str, UnitAlias] = {}
    folded: dict[str, UnitAlias] = {}
    for alias in aliases:
        if alias.prefix:
            continue
        key = _key(alias.form)
        table = folded if _is_folded(alias.form) else exact
        table.setdefault(key.lower() if table is folded else key, alias)
    after_forms = sorted({a.form for a in aliases if not a.prefix}, key=len, reverse=True)
    before_forms = sorted({a.form for a in aliases if a.prefix}, key=len, reverse=True)
    after = re.compile(_after_alternation(after_forms))
    before = re.compile(
        r"(?<![^\W_])(?:" + "|".join(_form_pattern(f) for f in before_forms) + r")\s?\Z"
    )
    before_last_chars = frozenset(
        char
        for form in before_forms
        for char in ({form[-1], form[-1].upper(), form[-1].lower(), "s"} if _is_folded(form) else {form[-1]})
    )
    nouns = data.get("nouns", {})
    prefixes = {_key(a.form): a for a in aliases if a.prefix}
    exact.update({f"prefix:{k}": v for k, v in prefixes.items()})
    return UnitLexicon(
        exact=exact,
        folded=folded,
        after=after,
        before=before,
        irregular_nouns=dict(nouns.get("irregular", {})),
        invariant_nouns=frozenset(nouns.get("keep_plural", ())),
        dropped_modifiers=frozenset(nouns.get("dropped_modifiers", ())),
        item_synonyms=dict(nouns.get("synonyms", {})),
        ambiguous_pound=str(data.get("ambiguous_pound", "pound")),
        after_forms=tuple(after_forms),
        before_last_chars=before_last_chars,
    )


@lru_cache(maxsize=4096)
def lookup(form: str) -> UnitAlias | None:
    """The alias for a surface form written after a number, or None.

    Cached: extraction asks for the same few hundred forms after every number.
    """
    lex = lexicon()
    key = _key(form)
    if key in lex.exact:
        return lex.exact[key]
    lowered = key.lower()
    for candidate in (lowered, lowered[:-1], lowered[:-2]):
        alias = lex.folded.get(candidate)
        if alias is not None and (candidate == lowered or _takes_plural(alias.form)):
            return alias
    return None


def unit_alias(text: str) -> UnitAlias | None:
    """The lexicon entry for a whole surface form ("bpd" -> oil_barrel per P1D)."""
    alias = lookup(text)
    if alias is None:
        alias = lexicon().exact.get(f"prefix:{_key(text)}")
    return alias


def unit_name(text: str) -> str | None:
    """Our unit name for a surface form: "kms" -> "kilometer", "dlrs" -> "USD".

    A bare "pounds" is the mass unit here; the money reading needs context
    (a £ sign, "sterling") and is decided by the extractor.
    """
    alias = unit_alias(text)
    return alias.unit if alias else None


def match_after(text: str, pos: int) -> tuple[UnitAlias, int] | None:
    """The longest unit form starting exactly at ``pos``, with its end offset."""
    if pos >= len(text):
        return None  # every form has at least one character
    lex = lexicon()
    char = text[pos]
    # The built pattern straight from the table; ``after_pattern`` builds it the first time.
    pattern = lex.after_by_first_char[char] if char in lex.after_by_first_char else lex.after_pattern(char)
    found = pattern.match(text, pos) if pattern is not None else None
    if found is None:
        return None
    alias = lookup(found.group())
    return (alias, found.end()) if alias else None


def match_before(text: str, end: int) -> tuple[UnitAlias, int] | None:
    """A currency form written right before ``end`` ("HK$", "RM"), with its start."""
    lex = lexicon()
    last = end - 2 if end >= 2 and text[end - 1].isspace() else end - 1
    if last < 0 or text[last] not in lex.before_last_chars:
        return None  # no form ends there: most numbers stand after a plain word
    window_start = max(0, end - 8)
    found = lex.before.search(text[window_start:end])
    if found is None:
        return None
    alias = lex.exact.get(f"prefix:{_key(found.group())}")
    return (alias, window_start + found.start()) if alias else None
