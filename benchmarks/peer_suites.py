"""Score claimcheck's quantity extraction on other projects' published test data.

Usage: python benchmarks/peer_suites.py [--root PATH] [--misses SUITE]

``--misses newsquant`` lists, for every suite whose name contains the word,
each gold quantity we missed (value+unit) and each prediction that matched
no gold value, with its sentence: the material for the next fix.

The suites (read from ``../shared/peer-suites`` next to the repository unless
``--root`` says otherwise; the script says so and exits 0 when absent):

* quantulum3 ``quantities.json``: ``{"req", "res": [{value, unit, uncertainty}]}``;
* Recognizers-Text English ``NumberWithUnit/English/*Model.json`` and
  ``Number/English/NumberModel.json``: ``{Input, Results: [{Resolution:
  {value, unit}}]}``. Cases whose ``NotSupported`` names python, and cases
  without ``Results``, are skipped;
* NewsQuant ``newsquant/dev.json``: ``{"text", "quantities": [{value,
  normalized_unit}]}``, printed beside the paper's figures for the full set
  from ``newsquant/published-results.tsv``.

Matching rules, per sentence, one-to-one (each gold quantity and each
prediction is used at most once, in order):

* value: a prediction matches a gold value when both are single values equal
  within 1e-6 relative, or both are ranges whose ends are equal within 1e-6
  relative (ends compared after sorting, so "75-45.88" equals 45.88..75).
  quantulum3 writes a range as midpoint plus uncertainty; it is compared as
  the range midpoint - uncertainty .. midpoint + uncertainty;
* value+unit: the value matches and the units agree. Gold units are mapped to
  our unit names with ``checker.units.unit_name`` ("percentage" -> percent,
  "japanese yen" -> JPY, "pound-mass" -> pound); two units agree when the
  names are equal or pint gives them the same canonical unit and factor.
  "X per Y" is mapped to ``X / Y`` when Y is a measure ("dollar per barrel");
  when Y is a time unit or a counted noun ("dollar per month", "cent per
  share") only X is kept, because claimcheck states rates as a separate time
  expression. A gold unit that is not a unit ("solution", "heart transplants")
  is a counted item: it agrees with a unit-less prediction whose item has the
  same last word after singularizing both. A gold quantity with no unit
  ("-", "dimensionless", Recognizers' plain numbers) agrees with any unit-less
  prediction, and so does NewsQuant's "count" (used for "6.5 times
  earnings"). "X of Y" is X when X is a unit ("year of age" -> year,
  "barrel of oil" -> barrel). In the Recognizers currency suite a bare
  "Pound" is GBP;
* precision = matched / predicted, recall = matched / gold, F1 their harmonic
  mean, summed over all sentences of a suite (micro average).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from checker.extraction.quantities import find_mentions, singular  # noqa: E402
from checker.model import Mention  # noqa: E402
from checker.units import canonical, unit_name  # noqa: E402

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "peer-suites"
RELATIVE_TOLERANCE = 1e-6
_NUMBER = r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_GOLD_VALUE = re.compile(rf"^\s*({_NUMBER})\s*(?:[-–]\s*({_NUMBER}))?\s*$")
_NO_UNIT = {"", "-", "dimensionless", "none", "count"}
_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}

# A unit key: ("unit", name), ("item", head noun) or None for a bare number.
UnitKey = tuple[str, str] | None


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity, gold or predicted, reduced to what the scoring compares."""

    low: float
    high: float | None  # None for a single value
    unit: UnitKey


@dataclass(slots=True)
class Case:
    text: str
    gold: list[Quantity]


@dataclass(slots=True)
class Tally:
    """Counts for one suite and the precision/recall/F1 they give."""

    predicted: int = 0
    gold: int = 0
    value_hits: int = 0
    unit_hits: int = 0
    misses: list[tuple[str, Quantity]] = field(default_factory=list)
    spurious: list[tuple[str, Quantity]] = field(default_factory=list)

    def prf(self, hits: int) -> tuple[float, float, float]:
        precision = hits / self.predicted if self.predicted else 0.0
        recall = hits / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return 100 * precision, 100 * recall, 100 * f1

    @property
    def value(self) -> tuple[float, float, float]:
        return self.prf(self.value_hits)

    @property
    def value_unit(self) -> tuple[float, float, float]:
        return self.prf(self.unit_hits)


def parse_gold_value(text: str | float | int) -> tuple[float, float | None] | None:
    """"19.0" -> (19, None); "252.0-287.0" -> (252, 287); unreadable -> None."""
    if isinstance(text, (int, float)):
        return float(text), None
    found = _GOLD_VALUE.match(str(text))
    if found is None:
        return None
    return float(found.group(1)), float(found.group(2)) if found.group(2) else None


def _head(noun: str) -> str:
    words = noun.replace("%", " ").split()
    return singular(words[-1]).lower() if words else ""


def _known_unit(text: str) -> str | None:
    for form in (text, text.replace("-", " "), text.lower()):
        name = unit_name(form)
        if name is not None:
            return name
    return None


def gold_unit_key(unit: str | None, money: bool = False) -> UnitKey:
    """Our key for a peer suite's unit name (see the matching rules above)."""
    text = (unit or "").strip()
    if text.lower() in _NO_UNIT:
        return None
    name = _known_unit(text)
    if name is not None:
        if money and name == "pound":
            name = "GBP"
        return ("unit", name)
    if " of " in text:  # "year of age", "barrel of oil": the unit is the first part
        first = _known_unit(text.split(" of ", 1)[0])
        if first is not None:
            return ("unit", first)
    if " per " in text:
        numerator, denominator = text.split(" per ", 1)
        top, bottom = gold_unit_key(numerator, money), _known_unit(denominator)
        if top is None or top[0] != "unit" or bottom is None or bottom in _TIME_UNITS:
            return top
        return ("unit", f"{top[1]} / {bottom}")
    return ("item", _head(text))


def predicted_key(mention: Mention) -> UnitKey:
    if mention.unit is not None:
        return ("unit", mention.unit)
    if mention.item:
        return ("item", _head(mention.item))
    return None


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= RELATIVE_TOLERANCE * max(abs(a), abs(b)) or a == b


def values_match(gold: Quantity, predicted: Quantity) -> bool:
    if (gold.high is None) != (predicted.high is None):
        return False
    if gold.high is None:
        return _close(gold.low, predicted.low)
    g = sorted((gold.low, gold.high))
    p = sorted((predicted.low, predicted.high or 0.0))
    return _close(g[0], p[0]) and _close(g[1], p[1])


def _same_unit(a: str, b: str) -> bool:
    if a == b:
        return True
    try:
        return canonical(a) == canonical(b)
    except Exception:  # a name pint does not know: only equal names agree
        return False


# Gold names that stand for more than one of our units: NewsQuant labels "US fluid
# ounce" as "ounce", and news writes "ounce" for both; we keep them apart (volume, mass).
_GOLD_EITHER = {"ounce": {"ounce", "fluid_ounce"}}


def units_match(gold: Quantity, predicted: Quantity) -> bool:
    if gold.unit is None:
        return predicted.unit is None or predicted.unit[0] == "item"
    if predicted.unit is None or gold.unit[0] != predicted.unit[0]:
        return False
    if gold.unit[0] == "item":
        return gold.unit[1] == predicted.unit[1]
    if predicted.unit[1] in _GOLD_EITHER.get(gold.unit[1], ()):
        return True
    return _same_unit(gold.unit[1], predicted.unit[1])


def _pair(gold: list[Quantity], predicted: list[Quantity], agree: Callable[[Quantity, Quantity], bool]) -> list[int]:
    """Greedy one-to-one matching; returns the gold indices left unmatched."""
    free = list(range(len(predicted)))
    unmatched: list[int] = []
    for g_index, g in enumerate(gold):
        for position, p_index in enumerate(free):
            if agree(g, predicted[p_index]):
                del free[position]
                break
        else:
            unmatched.append(g_index)
    return unmatched


def score(cases: Iterable[Case], extract: Callable[[str], list[Mention]] = find_mentions) -> Tally:
    """Run ``extract`` over every case and count value and value+unit matches."""
    tally = Tally()
    for case in cases:
        predicted = [
            Quantity(m.value, m.value_to, predicted_key(m)) for m in extract(case.text)
        ]
        tally.predicted += len(predicted)
        tally.gold += len(case.gold)
        value_missed = _pair(case.gold, predicted, values_match)
        unit_missed = _pair(case.gold, predicted, lambda g, p: values_match(g, p) and units_match(g, p))
        tally.value_hits += len(case.gold) - len(value_missed)
        tally.unit_hits += len(case.gold) - len(unit_missed)
        tally.misses.extend((case.text, case.gold[i]) for i in unit_missed)
        spare = _pair(predicted, case.gold, lambda p, g: values_match(g, p))
        tally.spurious.extend((case.text, predicted[i]) for i in spare)
    return tally


# --- suite readers ---------------------------------------------------------


def newsquant_cases(root: Path) -> Iterator[Case]:
    for record in json.loads((root / "newsquant" / "dev.json").read_text(encoding="utf-8")):
        gold = []
        for quantity in record["quantities"]:
            value = parse_gold_value(quantity["value"])
            if value is not None:
                gold.append(Quantity(value[0], value[1], gold_unit_key(quantity["normalized_unit"])))
        yield Case(record["text"], gold)


def quantulum_cases(root: Path) -> Iterator[Case]:
    for record in json.loads((root / "quantulum3" / "quantities.json").read_text(encoding="utf-8")):
        gold = []
        for quantity in record["res"]:
            value, spread = float(quantity["value"]), quantity.get("uncertainty")
            unit = gold_unit_key(quantity.get("unit"))
            if spread:
                gold.append(Quantity(value - spread, value + spread, unit))
            else:
                gold.append(Quantity(value, None, unit))
        yield Case(record["req"], gold)


def recognizers_cases(path: Path, with_units: bool, money: bool = False) -> Iterator[Case]:
    for record in json.loads(path.read_text(encoding="utf-8")):
        if "python" in str(record.get("NotSupported", "")).lower() or not record.get("Results"):
            continue
        gold = []
        for result in record["Results"]:
            resolution = result.get("Resolution") or {}
            value = parse_gold_value(resolution.get("value", ""))
            if value is None:
                continue
            unit = gold_unit_key(resolution.get("unit"), money) if with_units else None
            gold.append(Quantity(value[0], value[1], unit))
        yield Case(record["Input"], gold)


def published_newsquant(root: Path) -> dict[tuple[str, str], tuple[float, float, float]]:
    """(model, type) -> (P, R, F1) from the paper's results table."""
    path = root / "newsquant" / "published-results.tsv"
    if not path.exists():
        return {}
    rows = csv.DictReader(path.read_text(encoding="utf-8").splitlines(), delimiter="\t")
    return {(row["model"], row["type"]): (float(row["P"]), float(row["R"]), float(row["F1"])) for row in rows}


# --- report ----------------------------------------------------------------


def _fmt(prf: tuple[float, float, float]) -> str:
    return "P {:5.1f}  R {:5.1f}  F1 {:5.1f}".format(*prf)


def _describe(quantity: Quantity) -> str:
    value = f"{quantity.low:g}" if quantity.high is None else f"{quantity.low:g}..{quantity.high:g}"
    unit = "-" if quantity.unit is None else f"{quantity.unit[0]}:{quantity.unit[1]}"
    return f"{value} [{unit}]"


def suites(root: Path) -> Iterator[tuple[str, list[Case], bool]]:
    """(name, cases, scored with units) for every suite found under ``root``."""
    if (root / "quantulum3" / "quantities.json").exists():
        yield "quantulum3", list(quantulum_cases(root)), True
    units_dir = root / "recognizers" / "NumberWithUnit" / "English"
    for path in sorted(units_dir.glob("*Model.json")):
        money = path.stem == "CurrencyModel"
        yield f"recognizers {path.stem}", list(recognizers_cases(path, True, money)), True
    numbers = root / "recognizers" / "Number" / "English" / "NumberModel.json"
    if numbers.exists():
        yield "recognizers NumberModel", list(recognizers_cases(numbers, False)), False
    if (root / "newsquant" / "dev.json").exists():
        yield "newsquant dev", list(newsquant_cases(root)), True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="folder holding the peer suites")
    parser.add_argument("--show-misses", type=int, default=0, metavar="N", help="print N misses per suite")
    parser.add_argument(
        "--misses", metavar="SUITE", help="list every miss and extra of the suites whose name contains SUITE"
    )
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        print(f"peer suites not found at {args.root}; nothing to score (pass --root)")
        return 0
    for name, cases, with_units in suites(args.root):
        tally = score(cases)
        print(f"{name}  ({len(cases)} sentences, {tally.gold} gold, {tally.predicted} predicted)")
        print(f"  value       {_fmt(tally.value)}")
        if with_units:
            print(f"  value+unit  {_fmt(tally.value_unit)}")
        else:
            print("  value+unit  n/a (the suite has no units)")
        if name.startswith("newsquant"):
            published = published_newsquant(args.root)
            for model in ("CQE-Numparser", "quantulum3"):
                for kind in ("value", "value+unit"):
                    if (model, kind) in published:
                        print(f"  published {model} {kind:<10} {_fmt(published[(model, kind)])}  (full set)")
        listed = args.misses is not None and args.misses.lower() in name.lower()
        shown = None if listed else args.show_misses
        width = None if listed else 110
        for text, quantity in tally.misses[:shown]:
            print(f"    missed {_describe(quantity)}: {text[:width]}")
        for text, quantity in tally.spurious[:shown]:
            print(f"    extra  {_describe(quantity)}: {text[:width]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
