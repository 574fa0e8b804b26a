"""What a figure measures, read from the parse: the counted noun, a subject phrase, a direction.

The subject is a short phrase made of three parts, each built from the dependency parse:

- the thing measured: the counted noun with its adjectives, compounds and possessives and a
  short prepositional phrase ("Russian troops", "aid for farmers"); for money, shares and
  measures the noun the figure quantifies ("$2 billion in aid", "40 percent of the harvest",
  "a depth of 10 km", "a town of 8,000 people" -> "population of ...");
- the predicate: the verb that governs it, as a participle when the figure is its object
  ("homes destroyed"), with its particle and first prepositional phrases ("in the valley");
- the agent: the verb's subject when the figure is its object ("by the storm").

Changes are named as such ("rose 3%" -> "rise in prices"), levels reached name what reached
them ("the toll rose to 212" -> "death toll"), and spans of time carry the prefix "time".

The thing measured is read in `measured_thing`, the predicate and agent in `predicate`, the
figure's place in the parse in `figure_tree`; this module finds the measured thing, names the
measure ("temperature", "share of", a currency) and renders the phrase.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimledger.extract.quantities.figure_tree import (
    change_of,
    clause_verb,
    figure_top,
    hangs_off,
    leads,
    own_top,
    usable,
)
from claimledger.extract.quantities.figures import Figure
from claimledger.extract.quantities.predicate import PredicatePhrase
from claimledger.extract.quantities.subject_words import (
    CONVERSION_NAMES,
    CURRENCY_NAMES,
    DIMENSION_NOUNS,
    DIMENSIONS,
    FIG_PREPS,
    LENGTH_UNITS,
    MAX_WORDS,
    PREFIX,
    PREFIX_SAID,
    RESIDENTS,
    SETTLEMENTS,
    SPAN_PREPS,
    SPANNING,
)
from claimledger.extract.quantities.units import TIME_UNITS

__all__ = ["change_of", "conversion_subject", "noun_lemma", "subject_of"]


def noun_lemma(doc: Doc, fig: Figure) -> str | None:
    """The lemma of the noun a figure counts ("troop", "casualty"), if any."""
    if fig.noun is None:
        return None
    tok = doc[fig.noun]
    lemma = tok.lemma_.lower()
    if tok.text.isupper() and len(tok.text) > 1:
        lemma = tok.text.rstrip("s") if tok.text.endswith("s") else tok.text
    return lemma


class _Phrase(PredicatePhrase):
    """One figure's subject phrase: the thing measured, what happened to it, and by whom."""

    def build(self) -> str | None:
        """Find the measured thing and its governing verb, then render the phrase."""
        doc, fig = self.doc, self.fig
        top = (
            figure_top(doc, fig) if fig.noun is None or fig.noun in self.own else own_top(doc, fig)
        )
        own_noun = fig.noun is not None and fig.start <= fig.noun < fig.end
        population = self._population() if own_noun else None
        if population:
            return f"population of {population}"
        if own_noun and fig.noun is not None:
            noun = doc[fig.noun]
            self.thing.extend(self.np(noun, 1))
            for child in noun.children:
                if child.dep_ in ("acl", "relcl") and child.i not in self.skip:
                    self._modifier_clause(child)
        elif fig.noun is not None:
            self.borrowed = fig.noun
            self.thing.append(doc[fig.noun])
        else:
            self._borrow_noun()
        near = [c for c in top.head.children if top.dep_ == "conj" and c.i >= fig.end]
        near = [c for c in near if not self._nearer_other(c)]
        for child in [c for i in sorted(self.own) for c in doc[i].children] + near:
            if child.i in self.skip or self._nearer_other(child):
                continue
            if child.dep_ == "prep" and child.i >= fig.end and child.lower_ in FIG_PREPS:
                obj = self._pobj(child)
                if obj is not None:
                    words = [child, *self.np(obj, 1)]
                    self.thing.extend(words)
                    if child in near:  # hangs off the list's first item in the parse
                        self.allowed.update(w.i for w in words if usable(w, self.skip))
            elif child.dep_ in ("acl", "relcl") and not own_noun and child.head.i == top.i:
                self._modifier_clause(child)
        anchor = top
        while anchor.dep_ == "conj" and anchor.head.pos_ not in ("VERB", "AUX"):
            anchor = anchor.head
        measured = None
        if anchor.dep_ == "pobj" and anchor.head.lower_ == "of":
            measured = anchor.head.head
        elif anchor.dep_ == "appos":
            measured = anchor.head
        elif anchor.dep_ in ("compound", "amod", "nummod", "nmod") and not self.thing:
            measured = anchor.head
        if measured is not None and measured.pos_ in ("NOUN", "PROPN"):
            if measured.lemma_.lower() in SETTLEMENTS and fig.unit == "person":
                place = measured.head if measured.dep_ == "appos" else measured
                name = [t for t in self.np(place, 0) if usable(t, self.skip)]
                return "population of " + " ".join(t.text for t in sorted(name, key=lambda t: t.i))
            words = self.np(measured, 0)
            self.allowed.update(w.i for w in words if usable(w, self.skip))
            self.thing = words + self.thing
            anchor = measured
            while anchor.dep_ == "conj":
                anchor = anchor.head
        if fig.unit in TIME_UNITS:
            self._time_span(top)
        duration = fig.unit in TIME_UNITS and any(t.lower_ in SPAN_PREPS for t in self.thing)
        if not duration:
            self._govern(anchor)
            self._expected(anchor)
        if fig.unit in TIME_UNITS and not self.pred and not duration:
            self._time_clause(top)
        return self._render()

    def _population(self) -> str | None:
        """The place whose population a count of people gives: "the 8,000 residents of
        Dalby", "Dalby is home to 8,000 people"."""
        if self.fig.unit != "person" or self.fig.noun is None:
            return None
        noun = self.doc[self.fig.noun]
        if noun.lemma_.lower() not in RESIDENTS:
            return None
        place: Token | None = None
        if any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            place = self._pobj(prep) if prep is not None else None
        elif noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "home":
            verb = noun.head.head.head
            if noun.head.head.dep_ == "attr" and verb.pos_ in ("AUX", "VERB"):
                place = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if place is None or place.i in self.skip or not place.text[:1].isupper():
            return None  # a named place only ("the residents of the coast" is no population)
        words = [t for t in place.subtree if t.i <= place.i and t.dep_ in ("compound",)]
        return " ".join(t.text for t in [*words, place])

    def _time_span(self, top: Token) -> None:
        """A span of time with its own anchor: "six weeks after the earthquakes"."""
        heads = [top.head] if top.dep_ == "npadvmod" and top.head.pos_ == "ADP" else []
        for child in list(top.children) + heads:
            if child.dep_ == "prep" and child.lower_ in SPAN_PREPS and child.lower_ != "of":
                obj = self._pobj(child)
                if obj is not None and child.i not in self.skip:
                    self.thing.append(child)
                    self.thing.extend(self.np(obj, 1))

    def _borrow_noun(self) -> None:
        """A bare count takes the noun of the nearest count of the same kind in its sentence."""
        fig = self.fig
        if fig.unit not in ("person", "item", "count"):
            return
        donors = [o for o in self.others if o.unit == fig.unit and o.noun is not None]
        if not donors:
            return
        donor = min(donors, key=lambda o: (o.start > fig.start, abs(o.start - fig.start)))
        if donor.noun is not None:
            self.borrowed = donor.noun
            self.skip.discard(donor.noun)
            self.thing.append(self.doc[donor.noun])

    def _keep(self, toks: list[Token]) -> list[Token]:
        out: dict[int, Token] = {}
        for tok in toks:
            if tok.i in self.allowed:
                out[tok.i] = tok
            elif self.lo <= tok.i < self.hi and usable(tok, self.skip):
                if tok.i == self.borrowed or not hangs_off(tok, self.own, self.theirs):
                    out[tok.i] = tok
        return sorted(out.values(), key=lambda t: t.i)

    def _render(self) -> str | None:
        parts = [self._keep(self.thing), self._keep(self.pred), self._keep(self.agent)]
        seen: set[int] = set()
        for part in parts:
            part[:] = [t for t in part if t.i not in seen]
            seen.update(t.i for t in part)
        content = [i for i in seen if self.doc[i].pos_ != "ADP"]
        far = sorted(content, key=lambda i: abs(i - self.fig.start))[MAX_WORDS:]
        kept = seen - set(far)
        prefix = self.lead or PREFIX.get(self.fig.unit or "") or self._dimension()
        said = [t for t in parts[0] if t.lemma_.lower() in PREFIX_SAID.get(prefix or "", ())]
        if said:
            bare = not any(c.dep_ in ("compound", "amod") for c in said[0].children)
            if said[0].tag_ == "NNS" and said[0].lemma_.lower() == prefix and bare:
                self.text[said[0].i] = said[0].lemma_.lower()  # "temperatures in X"
            prefix = None  # "wind gusts", "rain" say it already
        fig = self.fig
        if fig.unit == "percent" and not self.lead:
            if not (fig.end < self.hi and self.doc[fig.end].lower_ == "of"):
                prefix = None  # a rate or a change, not a share of something
        words: list[str] = []
        for n, part in enumerate(parts):
            toks = [t for t in part if t.i in kept]
            toks = [t for t in toks if t.pos_ != "ADP" or t.dep_ == "prt" or leads(t, kept)]
            while toks and toks[-1].pos_ == "ADP":
                toks.pop()
            opening = not words and not prefix
            while toks and toks[0].pos_ == "ADP" and (opening or n == 2 or toks[0].lower_ == "of"):
                toks.pop(0)
            if n == 2 and toks:
                words.append("by")
            words.extend(self.text.get(t.i, t.text) for t in toks)
        if prefix:
            words.insert(0, prefix)
        elif fig.unit == "person" and not any(doc_tok.pos_ == "NOUN" for doc_tok in parts[0]):
            words.insert(0, "people")  # a bare count of persons: "40 of us climbed"
        name = CURRENCY_NAMES.get(fig.unit or "")
        if name and words:
            words.append(f"({name})")
        return " ".join(words) if words else None

    def _dimension(self) -> str | None:
        """ "height", "length" or "distance" for a length that measures no named thing."""
        fig, doc = self.fig, self.doc
        if fig.unit not in LENGTH_UNITS:
            return None
        if any(t.lemma_.lower() in DIMENSION_NOUNS for t in self.thing + self.pred):
            return None
        after = doc[fig.end] if fig.end < self.hi else None
        if after is not None and after.lower_ in DIMENSIONS:
            return DIMENSIONS[after.lower_]
        verb = clause_verb(own_top(doc, fig))
        if verb is not None and verb.lemma_.lower() in SPANNING:
            return "length"
        return "distance"


def subject_of(
    doc: Doc, fig: Figure, sent_start: int, sent_end: int, others: list[Figure] | None = None
) -> str | None:
    """A short phrase for what the figure measures, from its noun and its clause."""
    return _Phrase(doc, fig, sent_start, sent_end, others or []).build()


def conversion_subject(subject: str | None, unit: str | None) -> str | None:
    """The subject of a conversion in brackets ("R1,000 ($56)"): the converted figure's
    phrase, naming the conversion's own currency instead of the original's."""
    if not subject:
        return subject
    base = subject
    for other in CONVERSION_NAMES.values():
        base = base.removesuffix(f" ({other})")
    own = CONVERSION_NAMES.get(unit or "")
    return f"{base} ({own})" if own else base
