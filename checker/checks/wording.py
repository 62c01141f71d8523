"""Numbers, units and claims in the words an editor reads.

Findings quote figures back to people, so "5820000.0 meter" must read
"5,820 km", an interval must read "5.8–7.6 million", and a count widened for
its rounding to [53.5, 54.5] must read "54": no one counts half a death.
Units are spelled by pint's own abbreviations; money stays in its ISO code
because currencies never convert.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache, lru_cache

import pint

from checker.findings import is_missing

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))

# Base units shown in a friendlier unit: (display unit, smallest base value to switch).
_DISPLAY_UNITS: dict[str, tuple[str, float]] = {
    "meter": ("kilometer", 1_000.0),
    "kilogram": ("metric_ton", 1_000.0),
    "meter / second": ("kilometer / hour", 0.0),
    "meter ** 2": ("kilometer ** 2", 1e6),
    "meter ** 3": ("liter", 0.0),
}

_PERIOD_WORDS = {"P1Y": "a year", "P1M": "a month", "P1W": "a week", "P1D": "a day", "PT1H": "an hour"}


def _registry() -> pint.UnitRegistry:
    """The project's one unit registry, used here to spell and convert units."""
    from checker.units import registry

    return registry()


# Dimensions shown with an SI prefix chosen by size ("6 GW", not "6e9 kg·m²/s³").
_PREFIXED_DISPLAY = ("watt", "watt_hour")
_PREFIXES = (("tera", 1e12), ("giga", 1e9), ("mega", 1e6), ("kilo", 1e3), ("", 1.0))


@cache
def _prefixed_unit(base_unit: str) -> str | None:
    """'watt' for a power base unit, 'watt_hour' for energy, else None."""
    registry = _registry()
    try:
        dimensionality = registry.Unit(base_unit).dimensionality
    except (pint.errors.PintError, AttributeError, ValueError, TypeError, AssertionError):
        return None
    for unit in _PREFIXED_DISPLAY:
        if registry.Unit(unit).dimensionality == dimensionality:
            return unit
    return None


def format_number(value: float, digits: int = 4) -> str:
    """8e6 -> '8 million', 1500 -> '1,500', 0.25 -> '0.25' (``digits`` significant)."""
    if value == 0:
        return "0"
    magnitude = abs(value)
    for scale, word in _SCALES:
        if magnitude >= scale:
            return f"{_significant(value / scale, digits)} {word}"
    rounded = float(f"{value:.{digits}g}")
    if rounded == int(rounded) and magnitude >= 1:
        return f"{int(rounded):,}"
    return _significant(value, digits)


def _significant(value: float, digits: int) -> str:
    text = f"{value:.{digits}g}"
    if "e" in text:
        text = f"{float(text):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_interval(low: float | None, high: float | None) -> str:
    """'5.8–7.6 million', 'at least 100', 'at most 3'; open sides are None."""
    if is_missing(low) and is_missing(high):
        return "any amount"
    if is_missing(high):
        return f"at least {format_number(low)}"
    if is_missing(low):
        return f"at most {format_number(high)}"
    if math.isclose(low, high, rel_tol=1e-9):
        return format_number(low)
    largest = max(abs(low), abs(high))
    scale, word = _shared_scale(largest)
    if scale == 1.0 and largest >= 1_000:
        return _thousands_interval(low, high)
    # Whole numbers keep all their digits; fractions get one more ("12.5–13.5").
    first = 2
    if scale == 1.0:
        whole = all(float(v).is_integer() for v in (low, high))
        first = max(2, len(str(int(largest))) + (0 if whole else 1))
    for digits in (first, first + 1, first + 2, first + 4):
        left, right = _scaled(low, scale, digits), _scaled(high, scale, digits)
        if left != right and _faithful(left, low, high - low, scale) and _faithful(right, high, high - low, scale):
            break
    return f"{left}–{right}{' ' + word if word else ''}"


def _faithful(shown: str, value: float, width: float, scale: float = 1.0) -> bool:
    """One end of an interval, as shown, is within a tenth of the interval's width of its value.

    Otherwise the rounding moves the interval: 48.75–48.85 °C shown as
    "48.8–48.9" puts the figure written, 48.8, at its lower edge.
    """
    return abs(float(shown.replace(",", "")) * scale - value) <= 0.1 * width


def _thousands_interval(low: float, high: float) -> str:
    """Thousands below a million, both ends alike: '1,450–1,550', '113,773–114,138'.

    Both ends get the same number of decimals, as few as tell them apart, so
    that one end never reads "114138.3" next to "113,773".
    """
    for decimals in (0, 1, 2, 4):
        left, right = _grouped(low, decimals), _grouped(high, decimals)
        if left != right and _faithful(left, low, high - low) and _faithful(right, high, high - low):
            break
    return f"{left}–{right}"


def _grouped(value: float, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"
    return text[1:] if text.startswith("-") and not text.strip("-0.") else text  # no "-0"


def _shared_scale(magnitude: float) -> tuple[float, str]:
    for scale, word in _SCALES:
        if magnitude >= scale:
            return scale, word
    return 1.0, ""


def _scaled(value: float, scale: float, digits: int) -> str:
    if scale == 1.0:
        return format_number(value, digits)
    return _significant(value / scale, digits)


@lru_cache(maxsize=1024)
def unit_symbol(unit: str | None) -> str:
    """Short unit for display: 'kilometer' -> 'km', 'USD' -> 'USD', 'count' -> ''."""
    if unit in (None, "", "count"):
        return ""
    if unit == "percent":
        return "%"
    if unit == "percentage_point":
        return "percentage points"
    if unit.isupper() and len(unit) == 3:
        return unit
    try:
        return f"{_registry().Unit(unit):~P}"
    except (pint.errors.PintError, AttributeError, ValueError, TypeError, AssertionError):
        return unit


# Written units never used to quote figures back: counts, shares and money have their own display.
_NOT_SHOWN_AS_WRITTEN = frozenset({"count", "percent", "percentage_point"})


def shared_written_unit(claims: Iterable[dict]) -> str | None:
    """The unit every claim was written in ('barrel'), when they all agree.

    Findings quote both figures in it, so an editor reads "6.0–6.2 million bbl"
    for two claims written in barrels, not their conversion to litres.
    """
    units = {None if is_missing(c.get("unit")) else c.get("unit") for c in claims}
    if len(units) != 1:
        return None
    (unit,) = units
    if not unit or unit in _NOT_SHOWN_AS_WRITTEN or (unit.isupper() and len(unit) == 3):
        return None
    return unit


@lru_cache(maxsize=65_536)
def format_quantity(
    low: float | None, high: float | None, base_unit: str | None, written: str | None = None, *, rate: bool = False
) -> str:
    """An interval in canonical units for people: '550 km', '10–12 °C', '5.8–7.6 million'.

    With ``written`` (the unit the writers used, see ``shared_written_unit``)
    the interval is shown in that unit when it measures the same thing.
    Counted things are shown whole ('54', not '53.5–54.5'), except a ``rate``
    (a yearly average, which can be a fraction of a thing).
    Remembered: a claim sits in many candidate pairs, so a corpus asks for a
    few thousand distinct figures a hundred thousand times.
    """
    shown = _written_display(written, base_unit)
    if shown:
        return _with_unit(*_converted(low, high, base_unit, written), shown)
    if base_unit == "count" and not rate:
        return _with_unit(*_whole_things(low, high), "")
    if base_unit == "kelvin":
        return _with_unit(*_converted(low, high, "kelvin", "degree_Celsius"), "°C")
    display = _DISPLAY_UNITS.get(base_unit or "")
    closed = [abs(v) for v in (low, high) if not is_missing(v)]
    prefixed = _prefixed_unit(base_unit) if base_unit and closed and not display else None
    if prefixed:
        low, high = _converted(low, high, base_unit, prefixed)
        largest = max(abs(v) for v in (low, high) if v is not None)
        prefix, size = next(((p, s) for p, s in _PREFIXES if largest >= s), _PREFIXES[-1])
        scaled = [None if v is None else v / size for v in (low, high)]
        return _with_unit(*scaled, unit_symbol(prefix + prefixed))
    if display and closed and max(closed) >= display[1]:
        low, high = _converted(low, high, base_unit, display[0])
        return _with_unit(low, high, unit_symbol(display[0]))
    return _with_unit(low, high, unit_symbol(base_unit))


def bound_text(bound: float, side: str, base_unit: str | None, written: str | None = None) -> str:
    """One side of an interval for a sentence such as "the part is at least …, the whole at most …".

    ``side`` is "low" (at least) or "high" (at most). Counted things come in
    whole numbers: a count of at least 325.5 is at least 326, of at most 312.5 at most 312.
    """
    if base_unit == "count":
        bound = _whole_bound(bound, side)
    return format_quantity(bound, bound, base_unit, written)


def range_note(
    claim: dict, low: float | None, high: float | None, base_unit: str | None, written: str | None = None
) -> str:
    """The interval in parentheses to follow a figure in a message: ' (715–725)'.

    Empty when it would only repeat the figure as written: "54 deaths", not
    "54 deaths (54)".
    """
    return figure_note(claim, format_quantity(low, high, base_unit, written))


def figure_note(claim: dict, shown: str, lead: str = "") -> str:
    """``shown`` in parentheses after the claim's figure (' (at most 12.55 km)' with ``lead``
    "at most "), or nothing when it would only repeat the figure as written."""
    figure = claim.get("value")
    if not is_missing(figure) and shown == format_number(figure):
        return ""
    return f" ({lead}{shown})"


def _whole_things(low: float | None, high: float | None) -> tuple[float | None, float | None]:
    """A count's interval narrowed to the whole things it can hold: [53.5, 54.5] deaths are 54.

    Left as it is when it holds no whole number ([53.6, 53.9]: an empty range
    would say nothing), and in the millions, where only a few digits are shown.
    """
    closed = [abs(v) for v in (low, high) if not is_missing(v)]
    if not closed or max(closed) >= _SCALES[-1][0]:
        return low, high
    inner_low = None if is_missing(low) else _whole_bound(low, "low")
    inner_high = None if is_missing(high) else _whole_bound(high, "high")
    if inner_low is not None and inner_high is not None and inner_low > inner_high:
        return low, high
    return inner_low, inner_high


def _whole_bound(bound: float, side: str) -> float:
    """``bound`` rounded inwards to a whole number: up on the "low" side, down on the "high" side.

    A bound a float's error away from a whole number is that number (1,350.0000000000002 is 1,350, not 1,351).
    """
    nearest = round(bound)
    if math.isclose(bound, nearest, rel_tol=1e-9, abs_tol=1e-9):
        return float(nearest)
    return float(math.ceil(bound) if side == "low" else math.floor(bound))


@cache
def _written_display(written: str | None, base_unit: str | None) -> str | None:
    """The symbol to show a written unit by, or None when it is not ``base_unit``'s kind."""
    if not written or not base_unit or written == base_unit:
        return None
    from checker.units import canonical

    try:
        if canonical(written).unit != base_unit:
            return None
    except (pint.errors.PintError, AttributeError, ValueError, TypeError, AssertionError):
        return None
    symbol = _WRITTEN_SYMBOLS.get(written) or unit_symbol(written)
    return written.replace("_", " ") if "_" in symbol else symbol


# pint symbols that read badly in prose ("oil_bbl"), by unit name.
_WRITTEN_SYMBOLS = {"oil_barrel": "bbl", "cubic_foot": "cu ft", "cubic_meter": "m³"}


@cache
def _conversion(source: str, target: str) -> tuple[float, float]:
    """``(factor, offset)`` with ``target = source * factor + offset``.

    Asked of pint once per unit pair: messages convert the same few pairs
    hundreds of thousands of times, and a pint Quantity per figure dominated
    the rule run. pint converts multiplicative units as ``value * factor``, so
    the factor read off at 1 gives the very same floats; offsets (kelvin to
    °C) are read off at 0.
    """
    registry = _registry()
    offset = registry.Quantity(0.0, source).to(target).magnitude
    return registry.Quantity(1.0, source).to(target).magnitude - offset, offset


def _converted(low: float | None, high: float | None, source: str, target: str) -> tuple:
    factor, offset = _conversion(source, target)

    def convert(value: float | None) -> float | None:
        if is_missing(value):
            return None
        return value * factor + offset if offset else value * factor

    return convert(low), convert(high)


def _with_unit(low: float | None, high: float | None, symbol: str) -> str:
    text = format_interval(low, high)
    if not symbol:
        return text
    if symbol == "%":
        return f"{text}%"
    return f"{text} {symbol}"


def period_words(period: str | None) -> str:
    """'P1Y' -> 'a year'; other ISO durations are shown as written."""
    if not period:
        return ""
    return _PERIOD_WORDS.get(period, f"per {period}")


_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December", "Q1", "Q2", "Q3", "Q4", "FY"}


def describe_claim(claim: dict, *, when: bool = True) -> str:
    """The figure as written plus its time phrase: 'about eight million shells since August'.

    ``when`` false leaves the time phrase out, for a figure whose time the sentence already gives."""
    text = str(claim.get("text") or "").strip()
    qualifier = claim.get("qualifier")
    if not is_missing(qualifier) and qualifier and not text.lower().startswith(str(qualifier)):
        text = f"{qualifier} {text}"
    if not when:
        return text
    window_text = claim.get("window_text")
    if not is_missing(window_text) and window_text and str(window_text) not in text:
        window_text = str(window_text)
        if window_text[:1].isupper() and not window_text.split()[0] in _MONTHS:
            window_text = window_text[0].lower() + window_text[1:]
        return f"{text} {window_text}"
    period = claim.get("period")
    if not is_missing(period) and period:
        return f"{text} {period_words(period)}"
    return text
