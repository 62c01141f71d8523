"""Generate news-like articles for benchmarks, deterministically from a seed.

The sentences mix what real reporting mixes: counts, money, percentages,
measures with units, rates, time windows, hedges, dates, identifiers and prose
without figures. Speed figures are only meaningful on text like that.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

SUBJECTS = ["North Korea", "Norway", "the ministry", "Nordgas", "the city council", "Germany", "Japan",
            "the health agency", "Brazil", "the rail operator", "Kenya", "the central bank", "Poland"]
ITEMS = ["shells", "soldiers", "homes", "vaccines", "tonnes of grain", "barrels of crude", "jobs",
         "passengers", "hospital beds", "electric buses", "wind turbines", "patients", "schools"]
VERBS = ["supplied", "built", "delivered", "exported", "produced", "recorded", "sent", "reported", "added"]
HEDGES = ["", "", "about ", "more than ", "nearly ", "up to ", "some ", "at least ", "around "]
WINDOWS = ["since August of last year", "in 2023", "last year", "so far this year", "over the past five years",
           "in the first quarter", "since January 2020", "between 2019 and 2022", ""]
RATES = ["a year", "annually", "per day", "each month", "a week", ""]
FILLER = [
    "Officials declined to comment on the figures when contacted on Monday, October 28.",
    "The report, published under Article 4 of the agreement, was shared with reporters.",
    "Analysts said the second round of talks would take place in Geneva.",
    "The minister spoke at 10:30 a.m. at a press conference in the capital.",
    "Critics say the programme has been poorly managed from the start.",
    "For more information call 1-800-268-7116 or visit the agency's website.",
    "The decision follows months of negotiations between the two sides.",
]


def _number(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.3:
        return f"{rng.randint(2, 999):,}"
    if kind < 0.55:
        return f"{rng.randint(1, 99) * 100:,}"
    if kind < 0.75:
        return f"{rng.choice(['two', 'three', 'eight', 'twelve', 'forty'])} {rng.choice(['thousand', 'million'])}"
    if kind < 0.9:
        return f"{rng.randint(1, 99) / 10:.1f} million"
    return f"{rng.randint(1, 20) * 1000:,}"


def sentence(rng: random.Random, told: dict[tuple, str] | None = None) -> str:
    """One sentence. ``told`` holds the facts an article has already given: a fact
    told twice is told with the same figures, as a careful writer does, so the
    only contradictions in a generated corpus are the ones planted on purpose."""
    told = {} if told is None else told
    roll = rng.random()
    if roll < 0.45:
        subject, verb, item = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(ITEMS)
        window, rate = rng.choice(WINDOWS), rng.choice(RATES)
        tail = f" {rate}" if rate else (f" {window}" if window else "")
        key = (subject, verb, item, tail)
        if key not in told:
            told[key] = f"{subject.capitalize()} has {verb} {rng.choice(HEDGES)}{_number(rng)} {item}{tail}, according to officials."
        return told[key]
    if roll < 0.6:
        key = ("prices",)
        if key not in told:
            told[key] = f"Prices rose {rng.randint(1, 15)}.{rng.randint(0, 9)}% year on year, the statistics office said, while unemployment stood at {rng.randint(2, 9)}.{rng.randint(0, 9)} per cent."
        return told[key]
    if roll < 0.72:
        key = ("pipeline",)
        if key not in told:
            told[key] = f"The {rng.randint(50, 900)}-kilometre pipeline will carry up to {rng.randint(5, 40)} billion cubic metres of gas and cost ${rng.randint(1, 9)}.{rng.randint(1, 9)}bn."
        return told[key]
    if roll < 0.8:
        key = ("temperature",)
        if key not in told:
            celsius = rng.randint(30, 50)
            told[key] = f"Temperatures reached {celsius}C ({round(celsius * 9 / 5 + 32)}F) in the region, with winds of {rng.randint(20, 120)} km/h."
        return told[key]
    return rng.choice(FILLER)


def articles(count: int, seed: int = 7) -> Iterator[dict]:
    """``count`` articles as dicts with id, published and text (about 1.5 KB each)."""
    rng = random.Random(seed)
    start = date(2023, 1, 1)
    for i in range(count):
        paragraphs, told = [], {}
        for _ in range(rng.randint(4, 7)):
            paragraphs.append(" ".join(sentence(rng, told) for _ in range(rng.randint(2, 4))))
        published = start + timedelta(days=rng.randint(0, 700))
        yield {"id": f"gen-{i:07d}", "published": published.isoformat(), "text": "\n\n".join(paragraphs)}
