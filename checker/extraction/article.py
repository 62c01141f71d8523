"""The article-level reading: its names, lower-case words, topic and lead actor, read once per document."""

from __future__ import annotations

import bisect
import re
from collections.abc import Container
from dataclasses import dataclass, field

from checker.lexicon import Lexicon

# A wire dateline: "KARACHI, May 24 —", "SEOUL (EFM) —": a place of filing, not a subject.
DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,}(?:,\s*[^—–]{0,40}?)?(?:\s*\([^)]{0,20}\))?\s*[—–-]{1,2}\s")
# A proper-noun phrase, used as subject when no lexicon entity is named.
UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
# Lower-case words written inside a name, between two of its capitalized words: "Bank of England", "Maganja da
# Costa", "Ludwig van Beethoven", "Osama bin Laden", "Vincent van der Merwe" (a particle and an article after it).
# Any other lower-case word ends the name: "Smith and Jones", "Paris to Berlin" are two.
NAME_PARTICLES = ("of", "the", "de", "da", "do", "dos", "das", "del", "della", "di", "van", "von", "der", "la", "le",
                   "bin", "al")
_PARTICLE_ARTICLES = ("der", "den", "la", "le", "los")  # "van der", "de la", "de los": only after a particle
_PARTICLE = r"(?:(?:van|von|de)\s+(?:{})|{})\s+".format(
    "|".join(_PARTICLE_ARTICLES), "|".join(sorted(NAME_PARTICLES, key=len, reverse=True))
)
# The capital first and its look-behind after it: a character class the engine scans for quickly.
PROPER = re.compile(rf"[{UPPER}](?<![\w-][{UPPER}])[\w&.'’-]+(?:\s+(?:{_PARTICLE})?[{UPPER}][\w&.'’-]+)*")
# Names written mid-sentence, capitalized after a lower-case word or a comma.
_MID_SENTENCE_NAME = re.compile(rf" (?<=[a-z,;] )([{UPPER}][\w&'’-]+)")  # the space first: a fast literal scan
_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]+\b")

NOT_NAMES = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "GMT", "UTC", "CET",
    "Easter", "Christmas", "Ramadan", "Article", "Section", "Chapter", "Clause", "Paragraph", "Annex", "Figure",
    "Table", "Fahrenheit", "Celsius", "Kelvin", "Photo", "Reuters", "AP", "AFP", "PCT", "MLN", "BLN",
}
SENTENCE_STARTERS = {
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "According", "It", "Its", "This", "That", "These",
    "Those", "Their", "There", "He", "She", "They", "We", "I", "But", "And", "However", "Since", "About", "More",
    "Some", "Of", "Over", "Up", "Nearly", "Almost", "Around", "Last", "Next", "After", "Before", "During",
    "As", "While", "When", "Meanwhile", "Only", "All", "Most", "Many", "Both", "Each", "Such", "So", "Yet",
    "Photo", "Prepared", "Experts", "Officials", "Analysts", "Authorities", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Between", "Among", "Under", "With", "Without",
    "Although", "Despite", "If", "Once", "Then", "Still", "Even", "Already", "To", "Until", "Across",
    "Previously", "Earlier", "Later", "Separately", "Elsewhere", "Overall", "Together", "Another", "Other",
}


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """What the whole article says about names, read once before its sentences.

    ``common_words``: lower-case words of the article, so a capitalized opener
    that also appears in lower case ("Rescuers", "Imports") is not a name.
    ``name_words``: words the article capitalizes mid-sentence, i.e. names.
    ``topic``: the name the article is about, for figures whose clause says
    only "the company" or "it": the name the lead sentence opens with as its
    subject (``_lead_actor``), else the most mentioned name (title counting
    twice; a name in the dateline, where the story was filed, not at all; "the
    dam" once more for a "Crn Kamen dam" the title names, ``_count_references``).
    ``later_story``: where a roundup's second dateline opens another story, past which the lead story's
    ``topic`` is no fallback (``fallbacks``).
    """

    common_words: Container[str] = frozenset()  # a ``LowerCaseWords`` when read from an article
    name_words: frozenset[str] = frozenset()
    topic: str | None = None
    setting: str | None = None  # the most mentioned name, "the country" of a story about a company in it
    names: tuple[str, ...] = ()  # every name the article mentions, for "the plant" -> "Cahir plant"
    text: str = ""  # the article, to which ``entities`` refer
    entities: tuple[tuple[int, int, str], ...] = ()  # lexicon entities of the article, in order
    entity_starts: tuple[int, ...] = ()
    # ``names`` of several words by their last word in lower case ("plant" -> "Cahir plant"), and as a set
    names_by_head: dict[str, tuple[str, ...]] = field(default_factory=dict)
    name_set: frozenset[str] = frozenset()
    # Every word "the <word>" can refer to a name by: a sentence with none of them refers to none
    reference_heads: frozenset[str] = frozenset()
    # Where a second dateline opens a story of its own ("TOKYO - Japan's exports rose ..." in a roundup filed
    # from Frankfurt): from there on ``topic`` and ``setting``, the lead story's, are no fallback subject.
    later_story: int | None = None

    @classmethod
    def read(cls, text: str, title: str | None, lexicon: Lexicon) -> DocumentContext:
        common = LowerCaseWords(text)
        names = frozenset(_MID_SENTENCE_NAME.findall(text))
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        entities = lexicon.find_entities(text)
        named: dict[str, str | None] = {}  # a capitalized phrase -> the name it counts as; articles repeat them
        # What ``_counted_name`` asks of each phrase first: the names that are neither openers nor months.
        counted = frozenset(filter(_is_name_word, names))
        dateline = _lead_dateline(text)
        headlined: set[str] = set()  # the names the title names
        for weight, source in ((2, title or ""), (1, text)):
            if not source:
                continue  # most articles come without a title: nothing to scan
            # a place of filing counts for no topic: the names in [skip_from, skip_to) are left out
            skip_from, skip_to = dateline if dateline and source is text else (0, 0)
            for start, _, canonical in lexicon.find_entities(source) if source is not text else entities:
                if not skip_from <= start < skip_to:
                    counts[canonical] = counts.get(canonical, 0) + weight
                    first.setdefault(canonical, start)
            for m in PROPER.finditer(source):
                phrase = m.group(0)
                if phrase not in named:
                    named[phrase] = _counted_name(phrase, common, counted, lexicon)
                name = named[phrase]
                if name is not None and not skip_from <= m.start() < skip_to:
                    counts[name] = counts.get(name, 0) + weight
                    first.setdefault(name, m.start())
            if source is not text:
                headlined.update(counts)  # the title is counted first: every name counted so far is the title's
        by_head: dict[str, tuple[str, ...]] = {}
        for name in [name for name in counts if " " in name]:  # lower-casing makes no space and takes none
            lowered = name.lower()
            head = lowered[lowered.rfind(" ") + 1:]
            by_head[head] = (*by_head.get(head, ()), name)
        heads = lexicon.endings_of(counts.keys())
        heads.update(by_head)
        name_set = frozenset(counts)
        setting = topic = _most_mentioned(counts, first)
        if headlined:
            _count_references(text, heads, by_head, name_set, lexicon, counts, headlined)
            topic = _most_mentioned(counts, first)  # the only counts changed since ``setting`` was found
        if dateline:
            topic = _lead_actor(text, dateline[1], entities, common, counted, lexicon) or topic
        later = _DATELINE_AFTER_BREAK.search(text, dateline[1]) if dateline else None  # a roundup's next story
        return cls(
            common, names, topic, setting, tuple(counts),
            text, tuple(entities), tuple(e[0] for e in entities), by_head, name_set, frozenset(heads),
            later.start() + 1 if later else None,
        )

    def fallbacks(self, offset: int | None) -> tuple[str | None, str | None]:
        """``topic`` and ``setting`` for a sentence at ``offset``: none in a later story of a roundup, where
        the lead story's names would be wrong ("LONDON - Brent crude futures were down" is not about
        Germany), and no subject is better than a wrong one."""
        if self.later_story is not None and offset is not None and offset >= self.later_story:
            return None, None
        return self.topic, self.setting

    def entities_in(self, sentence: str, offset: int) -> list[tuple[int, int, str]] | None:
        """The article's entities within a sentence at ``offset``, as ``find_entities(sentence)`` gives them.

        The same when the sentence stands between spaces (or the article's
        ends) and no entity crosses its edges: then the scan sees nothing
        different inside it. Otherwise None, and the caller scans the sentence.
        """
        end = offset + len(sentence)
        text = self.text
        if not text.startswith(sentence, offset) or not sentence:
            return None
        if (offset and not text[offset - 1].isspace()) or (end < len(text) and not text[end].isspace()):
            return None
        starts = self.entity_starts
        first, last = bisect.bisect_left(starts, offset), bisect.bisect_left(starts, end)
        if first and self.entities[first - 1][1] > offset:
            return None  # an entity runs into the sentence from before it
        inside = self.entities[first:last]
        if inside and inside[-1][1] > end:
            return None
        return [(start - offset, stop - offset, canonical) for start, stop, canonical in inside]


# A wire dateline opening a paragraph, ``DATELINE`` in any capitals ("YLÖJÄRVI, Finland —"): the lead follows it.
_LEAD_DATELINE = re.compile(DATELINE.pattern.replace("^[A-Z][A-Z", f"^[{UPPER}][{UPPER}", 1), re.M)
# The same after a line break, written "\n" first: the engine scans for that literal, where it tries the "^" of
# ``re.M`` at every character (``_LEAD_DATELINE`` holds no other "^" or "$").
_DATELINE_AFTER_BREAK = re.compile("\n" + _LEAD_DATELINE.pattern.removeprefix("^"))


def _lead_dateline(text: str) -> tuple[int, int] | None:
    """The span of the first ``_LEAD_DATELINE`` of an article: at its start, else right after a line break."""
    m = _LEAD_DATELINE.match(text)
    if m is not None:
        return m.span()
    m = _DATELINE_AFTER_BREAK.search(text)
    return (m.start() + 1, m.end()) if m is not None else None


# "the dam", "The 135-metre dam", "the new line": a thing the article has named, referred to by its noun.
# "\b[Tt]he", written "he" first and both look-behinds after it, so the engine scans for the literal "he".
_THE_NOUN = re.compile(r"he(?<=[Tt]he)(?<![\w][Tt]he)\s+(?:[\d.,]+-[a-z]+\s+|new\s+)?([a-z]+)\b")
# A verb right after the lead's opening name: an auxiliary or a past tense ("will build", "has agreed", "opened").
_LEAD_VERB = re.compile(
    r"\s+(?:will|would|has|have|had|is|was|are|were|can|could|may|might|must|should|plans|[a-z]+ed)\b(?!-)"
)


def _most_mentioned(counts: dict[str, int], first: dict[str, int]) -> str | None:
    """The name mentioned most often (the first one among equals), when it is mentioned at least twice."""
    top = max(counts, key=lambda n: (counts[n], -first[n]), default=None)
    return top if top and counts[top] >= 2 else None


def _count_references(
    text: str, heads: Container[str], by_head: dict[str, tuple[str, ...]], name_set: frozenset[str],
    lexicon: Lexicon, counts: dict[str, int], headlined: Container[str],
) -> None:
    """Count "the dam" as a mention of the one name of the article it can stand for ("Crn Kamen dam"),
    as ``definite_reference`` reads it at a figure, when the title names it too: a thing the headline
    names and the story keeps referring back to is what the story is about. A thing named only in the
    body ("the reservoir" of a story about a region's drought) is left to its own mentions."""
    for m in _THE_NOUN.finditer(text):
        noun = m.group(1)
        if noun not in heads:
            continue
        named = set(by_head.get(noun, ()))
        named.update(c for c in lexicon.entities_ending_in(noun) if c in name_set)
        if len(named) == 1 and (name := named.pop()) in headlined:
            counts[name] += 1


def _lead_actor(
    text: str, lead: int, entities: list[tuple[int, int, str]], common: Container[str], names: frozenset[str],
    lexicon: Lexicon,
) -> str | None:
    """The name the lead sentence (after the dateline at ``lead``) opens with as its grammatical subject:
    "Lindqvist Ordnance opened ...", "Nordhav Energy has agreed ...". News names the actor first; the
    country of the dateline or of the title is where it acts. Not a name that only speaks ("X said"),
    nor one written as a possessive ("North Macedonia's government")."""
    name, end = None, lead
    for start, stop, canonical in entities:
        if start == lead:
            name, end = canonical, stop
            break
        if start > lead:
            break
    if name is None:
        m = PROPER.match(text, lead)
        name = _counted_name(m.group(0), common, names, lexicon) if m else None
        end = m.end() if m else lead
    if name is None or text.startswith(("'", "’"), end) or text.endswith(("'s", "’s"), lead, end):
        return None
    verb = _LEAD_VERB.match(text, end)
    if verb is None or verb.group(0).strip() in SAID_SET:
        return None
    return name


class LowerCaseWords:
    """The words an article writes in lower case (``_LOWER_WORD``), as a container.

    Asked only about names ("cahir" for "Cahir"), and nearly all of them are
    nowhere in the article in lower case: a word that is not even a substring
    of it is not one of its words. A word of letters only is then looked for
    where it is written (``_written_alone``); the words are all found only
    when a question cannot be answered so.
    """

    __slots__ = ("_text", "_ascii", "_words")

    def __init__(self, text: str) -> None:
        self._text = text
        self._ascii: str | None = None  # the text, each character beyond ASCII made "?": ``find`` scans it fastest
        self._words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or _LOWER_WORD_SHAPE.fullmatch(word) is None:
            return False  # a space, a capital, a digit: no match of ``_LOWER_WORD`` is written so
        if self._ascii is None:
            text = self._text
            self._ascii = text if text.isascii() else text.encode("ascii", "replace").decode("ascii")
        if word not in self._ascii:
            return False
        if self._words is None:
            alone = _written_alone(self._text, self._ascii, word) if word.isalpha() else None
            if alone is not None:
                return alone
            self._words = frozenset(_LOWER_WORD.findall(self._text))
        return word in self._words


# What every match of ``_LOWER_WORD`` is.
_LOWER_WORD_SHAPE = re.compile(r"[a-z][a-z'-]+")


def _written_alone(text: str, ascii_text: str, word: str) -> bool | None:
    """Whether ``_LOWER_WORD.findall(text)`` holds ``word``, a word of ASCII letters; None when that
    takes the whole scan: an apostrophe or hyphen next to the word (a match may run over it).
    ``ascii_text``: ``text`` with each character beyond ASCII made "?", where the word is looked for.

    Where the word is written with no word character either side, the scan
    reaches it (no match holds the character before) and matches it alone."""
    at = ascii_text.find(word)
    while at != -1:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not _is_word_character(before) and not _is_word_character(after):
            if before in "'-" or after in "'-":
                return None
            return True
        at = ascii_text.find(word, at + 1)
    return False


def _is_word_character(char: str) -> bool:
    r"""``\w``, one character: a letter, digit or number (``str.isalnum``), or "_"."""
    return char.isalnum() or char == "_"


def without_possessive(name: str) -> str:
    """A name as written without its possessive ("Lindqvist Ordnance's" -> "Lindqvist Ordnance"): the name
    the article's other mentions give."""
    return name.removesuffix("'s").removesuffix("’s")


def _counted_name(phrase: str, common: Container[str], names: frozenset[str], lexicon: Lexicon) -> str | None:
    """The name a capitalized phrase counts as for the article's topic, or None.

    Openers and months are dropped ("In", "March"); what is left must not be an
    ordinary word capitalized ("Rescuers"), must hold a word written
    capitalized mid-sentence, and must not be a lexicon entity (counted as one). A possessive
    counts as the name it is written on.
    ``names``: the words written capitalized mid-sentence that are neither openers nor months.
    """
    words = phrase.split()
    # One set test first: most phrases hold no name, and then need no words dropped, joined or lower-cased.
    if names.isdisjoint(words):
        return None
    name = words[0] if len(words) == 1 else " ".join(filter(_is_name_word, words))
    name = without_possessive(name)  # "Norway's" is counted once with Norway's other mentions
    lowered = name.lower()
    if lowered in lexicon.entity_aliases or lowered in common:  # a dict look-up before a search of the article
        return None
    return name


def _is_name_word(word: str) -> bool:
    """A capitalized word that may be (part of) a name: not an opener ("In") nor a month ("March")."""
    return word not in SENTENCE_STARTERS and word.rstrip(NAME_END) not in NOT_NAMES


SAID_WORDS = (
    "said", "says", "told", "reported", "reports", "noted", "notes", "stated", "announced", "wrote", "claimed",
    "estimated", "estimates", "added", "confirmed", "disclosed", "showed", "shows", "found",
)
SAID_SET = frozenset(SAID_WORDS)
NAME_END = ".’'"  # what a capitalized phrase may end with that is not part of the name
