"""News-like corpora with conflicts planted at a known rate, to count what a run finds.

A planted conflict is a pair of articles published on the same day about the
same subject and the same (invented, unique) item, one giving a running total
since a date and the other an annual rate that disagrees with it by about
2.2x: the seed case of the project ("about eight million shells since August
of last year" vs "three million shells annually"). The invented item keeps a
pair from matching anything else, so each pair yields exactly one finding
whose claims name both articles.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsgen import SUBJECTS, articles

# Syllables for invented items: distinct enough that no two items of one run
# are spelling variants of each other for the matcher.
_SYLLABLES = ["kel", "vo", "tra", "min", "dus", "pe", "lor", "bax", "qui", "ren", "zo", "fa", "gim", "hu", "sol"]
# Subjects the shipped lexicon knows, so both articles of a pair share one.
PLANTED_SUBJECTS = ["North Korea", "Norway", "Germany", "Japan", "Brazil", "Poland"]


@dataclass(frozen=True, slots=True)
class PlantedPair:
    """Ids of the two articles that contradict each other."""

    first: str
    second: str


def invented_item(number: int) -> str:
    """A unique plural noun per pair: 'kelvotras', 'vominrens', ..."""
    syllables = []
    n = number
    for _ in range(4):
        n, digit = divmod(n, len(_SYLLABLES))
        syllables.append(_SYLLABLES[digit])
    return "".join(syllables) + "s"


def conflict_texts(number: int, rng: random.Random) -> tuple[str, str]:
    subject, item = rng.choice(PLANTED_SUBJECTS), invented_item(number)
    running = f"{subject} has supplied about eight million {item} since August of last year, officials said."
    annual = f"{subject} supplies three million {item} annually, according to the ministry."
    return running, annual


# newsgen writes a subject as ``subject.capitalize()`` at the start of a sentence.
_NEWSGEN_SUBJECT = re.compile("|".join(re.escape(s.capitalize()) for s in sorted(SUBJECTS, key=len, reverse=True)))


def own_subjects(text: str, number: int) -> str:
    """Give an article subjects of its own ("Kelvominra"), as most claims in real news are.

    newsgen draws every figure from 13 subjects and 13 items, so across a large
    corpus nearly every pair of its figures "contradicts"; real archives are
    not like that, and a benchmark on them would only measure that artefact.
    """
    name = invented_item(number + 7919)[:-1].capitalize()
    return _NEWSGEN_SUBJECT.sub(name, text)


def planted_articles(count: int, rate: float = 0.01, seed: int = 7, shared_subjects: bool = False,
                     prose: float = 0.0) -> tuple[list[PlantedPair], Iterator[dict]]:
    """``count`` newsgen articles where about ``rate * count`` pairs carry a planted conflict.

    Returns the planted pairs (known up front, for counting) and the articles
    as newsgen dicts; the conflicting sentence opens the article's text. With
    ``shared_subjects`` the newsgen figures keep their 13 shared subjects
    (a worst case for matching); by default each article gets its own.
    ``prose`` is newsgen's share of narrative sentences without figures.
    """
    pairs_wanted = int(count * rate / 2) if rate > 0 else 0
    rng = random.Random(seed + 1)
    stride = max(2, count // max(1, pairs_wanted)) if pairs_wanted else 0
    starts = [k * stride for k in range(pairs_wanted) if k * stride + 1 < count]
    pairs = [PlantedPair(f"gen-{i:07d}", f"gen-{i + 1:07d}") for i in starts]
    texts: dict[int, str] = {}
    for number, i in enumerate(starts):
        texts[i], texts[i + 1] = conflict_texts(number, rng)
    seconds = {i + 1 for i in starts}

    def generate() -> Iterator[dict]:
        published = None
        for index, row in enumerate(articles(count, seed=seed, prose=prose)):
            if not shared_subjects:
                row = {**row, "text": own_subjects(row["text"], index)}
            if index in texts:
                # The second article of a pair takes the first one's date.
                published = published if index in seconds else row["published"]
                row = {**row, "published": published, "text": texts[index] + "\n\n" + row["text"]}
            yield row

    return pairs, generate()


def pairs_found(pairs: list[PlantedPair], findings: list) -> int:
    """Planted pairs that some finding links (both articles among its claims)."""
    linked: set[frozenset[str]] = set()
    for finding in findings:
        documents = {claim["document"] for claim in finding.claims}
        if len(documents) == 2:
            linked.add(frozenset(documents))
    return sum(frozenset((p.first, p.second)) in linked for p in pairs)
