"""Figures: value, unit, hedge, what they measure, who claims them, as of when."""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from claimledger.extract.dates.expressions import as_of_at
from claimledger.extract.quantities.currencies import CurrencyContext, needs_country
from claimledger.extract.quantities.figures import Figure, scan_sentence
from claimledger.extract.quantities.nouns import (
    CONTEXT_PERSON_NOUNS,
    counted_unit,
    counted_unit_of,
    group_size_of,
    is_person_noun,
)
from claimledger.extract.quantities.subjects import (
    change_of,
    conversion_subject,
    noun_lemma,
    subject_of,
)
from claimledger.extract.quantities.units import canonical
from claimledger.extract.quotes.attribution import Attribution
from claimledger.model import Article, DateRef, Place, Quantity

LOGGER = logging.getLogger(__name__)

ABBREVIATIONS = frozenset(
    "jan. feb. mar. apr. aug. sep. sept. oct. nov. dec. mr. mrs. ms. dr. gov. sen. rep. gen. "
    "lt. col. sgt. capt. maj. adm. st. no. vs. inc. corp. co. ltd. jr. sr. prof. rev. ft. "
    "u.s. u.k. u.n. e.u. a.m. p.m. approx. est. rs. fr. kr.".split()
)
# words in a sentence that tell what a bare number counts
PERSON_CONTEXT = frozenset(
    "kill die death dead toll injure wound casualty victim missing displace evacuate rescue "
    "flee homeless shelter people population resident arrest detain survivor fatality".split()
)
CONNECTORS = frozenset("from to and or than versus vs vs. , - – against".split())
COUNT_CONTEXT = frozenset("job payroll employment hire position vacancy".split())
# verbs whose subject is people: "about 85,000 are sheltering in camps", "forty climbed out"
PEOPLE_VERBS = frozenset(
    "live shelter flee die perish drown climb wait vote sleep walk return protest gather march "
    "attend queue camp escape survive starve cross arrive migrate emigrate relocate evacuate "
    "leave stay huddle crowd sign enlist volunteer strike quit resign apply register seek "
    "kill injure wound arrest detain rescue displace hospitalise hospitalize treat admit "
    "abduct kidnap execute bury drown evacuate strand trap".split()
)
PARTITIVE_PRONOUNS = frozenset("them these those".split())


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Sentence token spans, mending spaCy's splits after abbreviations and at line breaks."""
    spans: list[list[int]] = []
    for sent in doc.sents:
        if spans:
            last = doc[spans[-1][1] - 1]
            first = doc[sent.start]
            written = last.text.lower()
            if written == "." and last.i > 0 and not doc[last.i - 1].whitespace_:
                written = doc[last.i - 1].text.lower() + "."  # "Rs" "." split by the tokenizer
            if written in ABBREVIATIONS and (first.text[:1].islower() or first.text[:1].isdigit()):
                spans[-1][1] = sent.end
                continue
        spans.append([sent.start, sent.end])
    out: list[tuple[int, int]] = []
    for start, end in spans:
        cut = start
        for tok in doc[start:end]:
            if tok.is_space and "\n" in tok.text or "\n" in tok.whitespace_:
                if tok.i + 1 > cut:
                    out.append((cut, tok.i + 1))
                cut = tok.i + 1
        if end > cut:
            out.append((cut, end))
    return [(s, e) for s, e in out if any(not t.is_space for t in doc[s:e])]


def _sentence_text(doc: Doc, start: int, end: int) -> str:
    """The sentence verbatim from the article text, without surrounding space."""
    return doc[start:end].text.strip()


def _inherit_units(
    doc: Doc,
    figs: list[Figure],
    start: int,
    end: int,
    before: list[Figure],
    history: list[Figure] | None = None,
) -> None:
    """Bare numbers take the unit of a nearby figure, else of what the sentence talks about."""
    for n, fig in enumerate(figs):
        if fig.unit is not None:
            continue
        told = _told_unit(doc, fig, before, history)
        if told is not None:
            fig.unit, fig.money = told.unit, told.money
            fig.noun = told.noun if told.noun is not None and start <= told.noun < end else None
            continue
        if _people_subject(doc, fig) or (fig.num_tokens and group_size_of(doc, fig.num_tokens[0])):
            fig.unit = "person"
            kin = figs[:n][::-1] + figs[n + 1 :]
            fig.noun = next((f.noun for f in kin if f.unit == "person" and f.noun), None)
            continue
        donor = _donor(doc, fig, figs[:n][::-1], figs[n + 1 :])
        if donor is not None:
            fig.unit, fig.unit_text, fig.money = donor.unit, None, donor.money
            fig.noun = donor.noun
            if donor.factor != 1.0 and fig.value is not None:
                fig.value, fig.factor = fig.value * donor.factor, donor.factor  # "50 or 75 cents"
            continue
        context = _context_unit(doc, fig, start, end)
        if fig.value is not None and fig.value != int(fig.value) and fig.kind == "num":
            fig.unit = None  # a bare decimal that counts nothing: a rating, a score
        elif context:
            fig.unit = context
        else:
            prior = next(
                (f for f in reversed(before) if f.unit in ("person", "item", "count")), None
            )
            fig.unit = prior.unit if prior else "count"
            if prior:
                fig.noun = prior.noun


def _told_unit(
    doc: Doc, fig: Figure, before: list[Figure], history: list[Figure] | None
) -> Figure | None:
    """The earlier figure a bare number refers back to: "85,000 of them" takes the unit of the
    last count before it, and a number the article has already given ("But 230,000 is still
    short") takes the unit it was given in."""
    last = fig.num_tokens[-1] if fig.num_tokens else fig.end - 1
    if (
        last + 2 < len(doc)
        and doc[last + 1].lower_ == "of"
        and doc[last + 2].lower_ in PARTITIVE_PRONOUNS
    ):
        return next((f for f in reversed(before) if f.unit in ("person", "item", "count")), None)
    if fig.kind != "num" or fig.value is None or fig.value < 100 or not history:
        return None
    return next(
        (f for f in reversed(history) if f.unit and f.value == fig.value and f.kind == "num"),
        None,
    )


def _people_subject(doc: Doc, fig: Figure) -> bool:
    """True when the bare number is the subject of a verb that only people do."""
    if not fig.num_tokens:
        return False
    tok = doc[fig.num_tokens[-1]]
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if tok.head.lemma_.lower() == "be":  # "40 of them were children"
        attrs = [c for c in tok.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
        return bool(attrs) and is_person_noun(attrs[0].lemma_)
    return tok.head.lemma_.lower() in PEOPLE_VERBS


def _donor(doc: Doc, fig: Figure, before: list[Figure], after: list[Figure]) -> Figure | None:
    """The figure whose unit a bare number shares: a count nearby, or a measure right by it."""
    for other in before + after:
        if not other.unit or other.unit == "fraction" or other.kind == "vague" and not other.noun:
            continue
        if other.unit in ("person", "item", "count"):
            return other
        lo, hi = (other.end, fig.start) if other.end <= fig.start else (fig.end, other.start)
        if hi - lo <= 3 and all(t.lower_ in CONNECTORS for t in doc[lo:hi]):
            return other
    return None


def _resolve_currencies(
    doc: Doc, figs: list[Figure], currencies: CurrencyContext, start: int, end: int
) -> list[Figure]:
    """ "40 billion rupees" in a Pakistan story is PKR: a currency word or symbol several
    countries use, unqualified, takes the currency of the country the article places it in.
    A letter prefix that is money only in some countries ("R1,000", "K300") is dropped when the
    article names none of them."""
    s_char, e_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    kept = []
    for fig in figs:
        if not fig.money or not fig.unit_text or len(fig.unit_text.split()) != 1:
            kept.append(fig)
            continue
        code = currencies.resolve(fig.unit_text, doc[fig.start].idx, s_char, e_char)
        if code is None and needs_country(fig.unit_text):
            LOGGER.debug("%s is no currency without its country", fig.unit_text)
            continue
        if code is not None and code != fig.unit:
            LOGGER.debug("%s read as %s from the article's places", fig.unit_text, code)
            fig.unit = code
        kept.append(fig)
    return kept


def _context_unit(doc: Doc, fig: Figure, start: int, end: int) -> str | None:
    """person or count from the words of the sentence nearest the bare number."""
    best: tuple[int, str] | None = None
    for tok in doc[start:end]:
        lemma = tok.lemma_.lower()
        unit = "person" if lemma in PERSON_CONTEXT else "count" if lemma in COUNT_CONTEXT else None
        if unit is None and lemma in CONTEXT_PERSON_NOUNS and counted_unit_of(tok) == "person":
            unit = "person"  # "the number of infections passed 50,000" in an outbreak
        if unit:
            dist = abs(tok.i - fig.start)
            if best is None or dist < best[0]:
                best = (dist, unit)
    return best[1] if best else None


def _place(mentions: list[tuple[int, str]], offset: int) -> str | None:
    """The named place nearest the figure in its sentence, if any."""
    if not mentions:
        return None
    return min(mentions, key=lambda m: abs(m[0] - offset))[1]


def _as_of(doc: Doc, dates: list[DateRef], start: int, end: int, article: Article) -> str | None:
    """The date or interval a figure at characters start:end refers to (see dates.as_of_at)."""
    return as_of_at(doc, dates, start, end, published=article.published)


def extract_quantities(
    doc: Doc,
    article: Article,
    *,
    attribution: Attribution,
    dates: list[DateRef],
    places: list[Place],
) -> list[Quantity]:
    """Every figure the article asserts; `attribution` says who asserts each one."""
    currencies = CurrencyContext(doc, places)
    out: list[Quantity] = []
    seen: list[Figure] = []
    history: list[Figure] = []
    for start, end in sentence_spans(doc):
        figs = scan_sentence(doc, start, end)
        if not figs:
            continue
        links = {id(f): figs[f.linked_to] for f in figs if f.linked_to is not None}
        figs = _resolve_currencies(doc, figs, currencies, start, end)
        _inherit_units(doc, figs, start, end, seen, history)
        figs = [f for f in figs if f.unit is not None]
        for f in figs:
            target = links.get(id(f))
            f.linked_to = figs.index(target) if target in figs else None
        sentence = _sentence_text(doc, start, end)
        base = len(out)
        s_char, e_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        mentions = [
            (m.start, p.name) for p in places for m in p.mentions if s_char <= m.start < e_char
        ]
        for fig in figs:
            span = doc[fig.start : fig.end]
            value_unit = fig.unit or counted_unit(noun_lemma(doc, fig) or "")
            cvalue, cunit = canonical(fig.value if fig.value is not None else fig.high, value_unit)
            q = Quantity(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                value=fig.value,
                low=fig.low,
                high=fig.high,
                unit=value_unit,
                unit_text=fig.unit_text,
                noun=noun_lemma(doc, fig),
                approx=fig.approx,
                change=change_of(doc, fig),
                subject=subject_of(doc, fig, start, end, [f for f in figs if f is not fig]),
                claimant=attribution.claimant_at(span.start_char),
                as_of=_as_of(doc, dates, span.start_char, span.end_char, article),
                sentence=sentence,
                place=_place(mentions, span.start_char),
                canonical_value=cvalue,
                canonical_unit=cunit,
                linked_to=base + fig.linked_to if fig.linked_to is not None else None,
            )
            if q.linked_to is not None:
                src = out[q.linked_to]
                q.subject = conversion_subject(src.subject, q.unit)
                q.claimant = src.claimant
            out.append(q)
        seen = figs  # only the latest sentence with figures lends its unit
        history.extend(figs)
    LOGGER.debug("%d figures in %s", len(out), article.id)
    return out
