"""Who and what a figure is about: subject, item, relation, attribution, modality, time.

A figure alone cannot be compared with another; "8 million" only conflicts with
"3 million" when both are North Korea's shells supplied. ``describe`` reads the
clause around each mention of a sentence for those attributes, each from the
module that knows it: ``subjects``, ``items``, ``relations``, ``modality``,
``parts`` and ``windows``, over the ``clauses`` of the sentence, the ``cues`` and
what the whole ``article`` says. It is heuristic by nature (there is no parser
here, on purpose: it has to run at megabytes per second), so every cue list is
data under ``rules/lexicon/`` and every rule is one line of reasoning an editor
could follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.extraction import relations, subjects
from checker.extraction.article import DocumentContext
from checker.extraction.clauses import clause_breaks, clause_of, near
from checker.extraction.cues import Cues, has_any
from checker.extraction.items import (
    continued_item,
    counted_as,
    elided_item,
    goods_openers,
    head_noun,
    implied_item,
    is_area,
    is_extent,
    item_before,
    land_item,
    noun_after_figure,
    priced_goods,
    purpose_after,
)
from checker.extraction.modality import modality
from checker.extraction.parts import part_of
from checker.extraction.relations import is_adjectival, word_text
from checker.extraction.subjects import (
    BACK_NOUNS,
    QUOTED_BODY,
    definite_reference,
    figure_words,
    may_refer_back,
    named_candidates,
    names_a_state,
    place_quoted_on,
    subject_for,
    subject_in_mention,
)
from checker.extraction.timeexpr import says_year_earlier, year_earlier
from checker.extraction.windows import (
    PRESENT_PHRASES,
    WINDOW_KINDS,
    figure_times,
    rate_for,
    window_for,
    window_owners,
)
from checker.lexicon import Lexicon, fold_case, words_of
from checker.model import Mention, TimeExpression

_BACK_REFERENCE = re.compile(
    r"^\W*(?:[A-Z]\w+\s+){0,3}?\b(?:it|its|the\s+(?:" + "|".join(BACK_NOUNS) + r"))\b",
    re.I,
)


@dataclass(slots=True)  # built per figure: not frozen, see checker.model
class MentionContext:
    """What the clause around a mention says about it."""

    subject: str | None
    item: str | None
    relation: str | None
    attribution: str | None
    modality: str
    boilerplate: bool
    part_of: int | None  # index, in the same sentence's mention list, of the whole
    rate: TimeExpression | None  # "annually", "per day"
    window: TimeExpression | None  # "since August of last year", "in 2023", "by 2035"


def describe(
    text: str,
    mentions: list[Mention],
    times: list[TimeExpression],
    lexicon: Lexicon,
    cues: Cues,
    previous_subject: str | None = None,
    document: DocumentContext | None = None,
    boilerplate: bool = False,
    offset: int | None = None,
    article_may_advertise: bool = True,
) -> list[MentionContext]:
    """Context of every mention of one sentence (offsets relative to ``text``).

    ``boilerplate`` is decided per paragraph by the caller (an advertisement
    spans several sentences); a sentence with an advertising cue is always so,
    and is looked for unless ``article_may_advertise`` (``Cues.may_advertise``
    of the whole article) says there is none.
    ``offset``, where the sentence starts in the article ``document`` was read
    from, lets it reuse the article's entities instead of scanning again.
    """
    document = document or DocumentContext()
    lowered = text.lower()
    boilerplate = boilerplate or (article_may_advertise and cues.is_boilerplate(lowered))
    entities = document.entities_in(text, offset) if offset is not None else None
    if entities is None:
        entities = lexicon.find_entities(text)
    if len(lowered) != len(text):  # a letter whose lower case is longer: keep offsets, lose only case-folding
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    words = word_text(text, lowered)
    plain_words = set(words_of(lowered))  # what the cue look-ups test first, one set for all of them
    # The noun of "the plant" is a whole lower-case word: without one the article can resolve, no figure has one.
    refers = not document.reference_heads.isdisjoint(plain_words)
    refers_back = may_refer_back(plain_words if text.isascii() else set(words_of(fold_case(text))))
    attribution, source_spans = subjects.attribution(text, lowered, plain_words, cues)
    topic, setting = document.fallbacks(offset)
    goods = goods_openers(text, cues.measures, document, lexicon) if cues.measures.goods_flows else ()
    figures = [figure_words(text, m) for m in mentions]
    names = named_candidates(text, entities, source_spans, lexicon, document, words, cues.speaker_roles, figures)
    wholes = part_of(text, mentions)
    breaks = clause_breaks(text, plain_words)
    cued = cues.may_hold_modality(lowered, plain_words)
    cue_places = cues.modality_places(lowered, plain_words) if cued else []
    may_say_present = bool(times) and has_any(lowered, PRESENT_PHRASES)  # every ``_PRESENT`` match is one
    # Most sentences write no rate, and many no window: then no figure looks for one among the times.
    kinds = {t.kind for t in times}
    has_rate, has_window = "rate" in kinds, not kinds.isdisjoint(WINDOW_KINDS)
    moves_back = has_window and says_year_earlier(lowered)  # "from 4.6% a year earlier"
    owners = window_owners(text, mentions, times) if has_window and len(mentions) > 1 else {}
    # A target in a figure's clause is within ``NEAR_REACH`` of it: the sentence's targets serve every figure
    targets = [t for t in times if t.kind == "target"] if "target" in kinds else []
    name_starts = [n.start for n in names]
    time_starts = [t.start for t in times]
    entity_starts = [e[0] for e in entities]
    out: list[MentionContext] = []
    raw_items: list[str | None] = []  # each mention's item before the lexicon, for the figures that continue it
    for index, mention in enumerate(mentions):
        clause = clause_of(text, mention.start, mention.end, breaks)
        near_names = near(names, name_starts, mention.start, mention.end)
        near_times = near(times, time_starts, mention.start, mention.end)
        c_start, c_end = clause.start, clause.end
        item = mention.item
        if item is not None and item in cues.measures.forecasters and _FORECAST_AFTER.match(text, mention.end):
            item = None  # "the 200,000 economists had expected": who expected, not what
        whole = wholes.get(index)
        if item is None and whole is not None:
            item = mentions[whole].item
        if item is None and mention.unit:
            item = noun_after_figure(text, mention, cues.measures)
        if item is None:
            item = item_before(text, c_start, mention.start, mention.end, cues.measures, goods)
        if item is None and mention.unit:
            item = purpose_after(text, mention, cues.measures) or priced_goods(text, c_start, mention, cues.measures)
        if item is None and is_area(mention.unit):
            item = land_item(text[c_start:mention.start], cues.measures)
        if item is None and index > 0:
            item = continued_item(text, mentions[index - 1], mention, raw_items[-1]) or elided_item(
                text, mentions, index, raw_items
            )
        item = item or implied_item(mention.unit)
        subject = (refers and definite_reference(text, mention, document, lexicon, c_start)) or subject_in_mention(
            text, mention, near(entities, entity_starts, mention.start, mention.end)
        )
        back = _BACK_REFERENCE.match(text[c_start:mention.start]) if subject is None and refers_back else None
        if back and not any(n.tier == 0 and c_start <= n.start and n.end <= c_end for n in near_names):
            # "the company said it would hire 600 workers"; "the country imports 30%": where the story happens
            # A state noun names the country the story happens in, whatever the sentence before was about.
            subject = (setting or previous_subject) if names_a_state(back) else (previous_subject or topic)
        subject = (
            subject
            or subject_for(text, mention, near_names, c_start, c_end)
            or place_quoted_on(near_names, previous_subject, setting, lexicon)
            or subject_for(text, mention, near_names, c_start, c_end, QUOTED_BODY)
            or previous_subject
            or topic
        )
        adjectival = is_adjectival(text, mention)
        relation = None if adjectival else relations.relation(text, mention, c_start, c_end, cues, words)
        if item in _PEOPLE and not mention.unit:
            item = counted_as(text, c_start, mention, cues.measures, lexicon) or item
        if item in _PEOPLE and (relation in _DYING or (relation == "lose" and _LOST_AFTER.match(text, mention.end))):
            item = "death"  # "14 people died": the news counts deaths
        elif item in _PEOPLE and relation in _EMPLOYING:
            item = "employee"  # "the plant employs 640 people"
        if item is None and subject and is_extent(mention.unit):
            item = head_noun(subject)  # "The Sau reservoir, which covers about 570 hectares": the reservoir
        raw_items.append(item)
        window = (
            window_for(
                mention, figure_times(near_times, source_spans), clause, lowered, may_say_present,
                [t for t in near_times if owners.get(t.start, index) != index] if owners else (),
            )
            # "Sau, a 2,400-acre reservoir that holds ...": the size of a thing has no date
            if has_window and not (adjectival and is_extent(mention.unit))
            else None
        )
        if moves_back and window is not None:
            window = year_earlier(window, lowered, mention.end, c_end) or window
        out.append(
            MentionContext(
                subject=subject,
                item=lexicon.item(item) if item else None,
                relation=relation,
                attribution=attribution,
                modality=modality(lowered, c_start, c_end, mentions, index, targets, cues, cued, cue_places),
                boilerplate=boilerplate,
                part_of=whole,
                rate=rate_for(mention, mentions, near_times, index) if has_rate else None,
                window=window,
            )
        )
    return out


# A forecast's verb after "the 200,000 economists": they expected the figure ("expected to" is what they do).
_FORECAST_AFTER = re.compile(
    r"\s+(?:polled\s+)?(?:had\s+|have\s+)?(?:expected|forecast|predicted|projected)\b(?!\s+to\b)"
)

# "160 people were lost": people lost, passive, are dead (active, "720 workers will lose their jobs", are not).
_LOST_AFTER = re.compile(r"\s+(?:were|was|are|is|have\s+been|had\s+been)\s+(?:feared\s+)?lost\b")

_PEOPLE = {"person", "people"}
_DYING = {"die", "kill"}
_EMPLOYING = {"employ", "hire", "lay off"}
