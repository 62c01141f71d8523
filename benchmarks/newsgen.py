"""Generate news-like articles for benchmarks, deterministically from a seed.

The sentences mix what real reporting mixes: counts, money, percentages,
measures with units, rates, time windows, hedges, dates, identifiers and prose
without figures. Speed figures are only meaningful on text like that.

Two densities. By default nearly every sentence carries a figure (a claim
every 60 bytes or so): a stress test, and what the conflict benchmarks need.
With ``prose`` set, that share of sentences is narrative without claims
(quotes, background, names, places, dates, years, ordinals), as in real
reporting. ``REPORTING_PROSE`` matches the real article behind the seed
fixture: a claim every 320-330 bytes, sentences of about 105 characters, and
at least as many lexicon names per KB (16 against 13), since names cost the
extractor too.
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


# Narrative sentences: built from parts so that no two articles share their prose, with the
# things that cost an extractor without being claims (names, dates, years, ordinals, quotes).
PEOPLE = ["Maria Kowalski", "James Okafor", "Ingrid Solberg", "Kenji Watanabe", "Ana Ribeiro", "Tomasz Nowak",
          "Grace Wanjiru", "Lukas Becker", "Sofia Marquez", "Ahmed Hassan", "Claire Dubois", "Pavel Horak"]
ROLES = ["a spokesperson for", "the head of", "an adviser to", "a senior official at", "the chair of"]
BODIES = ["the ministry", "Nordgas", "the city council", "the health agency", "the rail operator", "the central bank"]
PLACES = ["Geneva", "Brussels", "Nairobi", "Warsaw", "Oslo", "Tokyo", "Brasilia", "Berlin", "Seoul", "Madrid",
          "Beijing", "Ankara", "Cairo", "Canberra", "Barcelona"]
COUNTRIES = ["Russia", "China", "Ukraine", "the European Union", "Britain", "Canada", "Egypt", "Australia",
             "South Korea", "Spain", "Turkey", "India", "France", "the United States"]
TOPICS = ["the programme", "the agreement", "the new rules", "the investigation", "the plan", "the budget talks",
          "the supply deal", "the reform", "the inquiry", "the contract"]
SAYINGS = ["We will not accept delays of this kind", "The situation remains difficult but stable",
           "Nobody expected the talks to move this quickly", "This is a question of trust",
           "We have asked for a full explanation", "The decision was taken after long consultation",
           "Our priority is the safety of the public", "It is too early to draw conclusions"]
OPENERS = ["Officials said", "Diplomats in the region said", "Observers noted", "Local media reported",
           "The opposition argued", "Industry groups warned", "Critics say", "Supporters of the measure said"]
CLAIMS = ["the process had been rushed", "the talks would resume next week", "the matter was under review",
          "the measures had widened divisions", "the timetable was unrealistic", "the outcome remained uncertain",
          "the deal had been months in the making", "the findings would be published in full"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
ORDINALS = ["second", "third", "fourth", "fifth", "latest"]


def prose_sentence(rng: random.Random) -> str:
    """One narrative sentence without a claim: a quote, a report of what someone said, or background."""
    person, place, topic = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(TOPICS)
    country, other = rng.sample(COUNTRIES, 2)
    kind = rng.randrange(6)
    if kind == 0:
        return (f'"{rng.choice(SAYINGS)}," said {person}, {rng.choice(ROLES)} {rng.choice(BODIES)}, '
                f"after talks with {country} in {place}.")
    if kind == 1:
        return f"{rng.choice(OPENERS)} in {place} that {rng.choice(CLAIMS)}, and that {country} had been consulted."
    if kind == 2:
        return (f"{person} met counterparts from {country} and {other} in {place} on {rng.choice(WEEKDAYS)}, "
                f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, to discuss {topic}.")
    if kind == 3:
        return (f"It was the {rng.choice(ORDINALS)} such meeting between {country} and {other} in {place} "
                f"since {rng.randint(1995, 2022)}.")
    if kind == 4:
        return (f"{rng.choice(SUBJECTS).capitalize()} has faced questions from {country} over {topic} since "
                f"{rng.choice(MONTHS)}, {person} told reporters in {place}.")
    return f"{person} did not respond to a request for comment on {topic} or on the position of {country}."


# Share of narrative sentences that gives about one claim per 320 bytes, as in real reporting.
REPORTING_PROSE = 0.76


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


def articles(count: int, seed: int = 7, prose: float = 0.0) -> Iterator[dict]:
    """``count`` articles as dicts with id, published and text (about 1.5 KB each at ``prose=0``).

    ``prose`` is the share of sentences drawn from ``prose_sentence``; the
    others come from ``sentence``, drawn exactly as with ``prose=0``.
    """
    rng = random.Random(seed)
    narrative = random.Random(seed + 1)  # its own stream, so that prose=0 gives the articles it always gave
    start = date(2023, 1, 1)
    for i in range(count):
        paragraphs, told = [], {}
        for _ in range(rng.randint(4, 7)):
            paragraphs.append(" ".join(_sentence(rng, narrative, told, prose) for _ in range(rng.randint(2, 4))))
        published = start + timedelta(days=rng.randint(0, 700))
        yield {"id": f"gen-{i:07d}", "published": published.isoformat(), "text": "\n\n".join(paragraphs)}


def _sentence(rng: random.Random, narrative: random.Random, told: dict[tuple, str], prose: float) -> str:
    if prose and narrative.random() < prose:
        return prose_sentence(narrative)
    return sentence(rng, told)
