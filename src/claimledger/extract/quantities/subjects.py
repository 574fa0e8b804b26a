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
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimledger.extract.quantities.figures import Figure
from claimledger.extract.quantities.subject_words import (
    ARG_PREPS,
    CHANGE_NOUNS,
    CONVERSION_NAMES,
    CURRENCY_NAMES,
    DATE_PREPS,
    DIMENSION_NOUNS,
    DIMENSIONS,
    DOWN,
    ESTIMATE_NOUNS,
    EXPECT_VERBS,
    FALL_WORDS,
    FATE,
    FIG_PREPS,
    LENGTH_UNITS,
    LEVEL_PREPS,
    LEVEL_VERBS,
    LIGHT_VERBS,
    MAX_WORDS,
    MEASURE_LEVEL_VERBS,
    NP_DEPS,
    NP_PREPS,
    PREFIX,
    PREFIX_SAID,
    PRONOUNS,
    QUANTIFIERS,
    RELATIVE,
    REPORTING,
    RESIDENTS,
    RISE_WORDS,
    SETTLEMENTS,
    SPAN_PREPS,
    SPANNING,
    TALLY_NOUNS,
    TIME_WORDS,
    UP,
    participle,
)
from claimledger.extract.quantities.units import TIME_UNITS

_BODY_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})
_WAYS = {"up": "upward ", "down": "downward "}


def noun_lemma(doc: Doc, fig: Figure) -> str | None:
    """The lemma of the noun a figure counts ("troop", "casualty"), if any."""
    if fig.noun is None:
        return None
    tok = doc[fig.noun]
    lemma = tok.lemma_.lower()
    if tok.text.isupper() and len(tok.text) > 1:
        lemma = tok.text.rstrip("s") if tok.text.endswith("s") else tok.text
    return lemma


def _anchor(doc: Doc, fig: Figure) -> Token:
    """The token that stands for the figure in the parse: its noun, unit word or number."""
    if fig.noun is not None:
        return doc[fig.noun]
    last = doc[fig.end - 1]
    if last.is_punct and fig.end - 2 >= fig.start:
        last = doc[fig.end - 2]
    return last


def _top(doc: Doc, fig: Figure) -> Token:
    """The highest token inside the figure's span."""
    tok = _anchor(doc, fig)
    while fig.start <= tok.head.i < fig.end and tok.head.i != tok.i:
        tok = tok.head
    return tok


def change_of(doc: Doc, fig: Figure) -> str | None:
    """ "up" or "down" when the figure is a rise or a fall ("rose 19 cents", "fell by 3%")."""
    span = {t.lower_ for t in doc[fig.start : fig.end]}
    if "fewer" in span:
        return "down"
    top = _top(doc, fig)
    head = top.head
    if top.dep_ == "pobj" and head.lower_ == "by":
        head = head.head
    elif top.dep_ in ("dobj", "npadvmod", "attr", "advmod", "nummod", "amod", "compound"):
        pass
    elif top.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        head = head.head
    else:
        return None
    lemma = head.lemma_.lower()
    for child in head.children:
        if lemma not in ("revise", "mark", "adjust", "go", "be", "come", "revision"):
            break
        if child.lower_ in ("downward", "down"):
            return "down"
        if child.lower_ in ("upward", "up"):
            return "up"
    if lemma in UP:
        return "up"
    if lemma in DOWN:
        return "down"
    return None


def _attribution_tokens(doc: Doc, start: int, end: int) -> set[int]:
    """Tokens of "according to X" phrases, which say who claims, not what is measured."""
    out: set[int] = set()
    for tok in doc[start:end]:
        if tok.lower_ == "according":
            out.update(t.i for t in tok.subtree)
            if tok.i + 1 < end:
                out.update(t.i for t in doc[tok.i + 1].subtree)
    return out


class _Phrase:
    """Collects the words of one figure's subject phrase in three parts: the thing measured,
    the predicate said of it, and the agent of that predicate."""

    def __init__(
        self, doc: Doc, fig: Figure, sent_start: int, sent_end: int, others: list[Figure]
    ) -> None:
        self.doc, self.fig = doc, fig
        self.lo, self.hi = sent_start, sent_end
        self.own = set(range(fig.start, fig.end))
        whole = _partitive_whole(doc, fig, others)
        others = [o for o in others if o is not whole]  # "Four of the six members ..."
        self.theirs = {i for o in others for i in range(o.start, o.end)} - self.own
        skip = self.own | self.theirs | _attribution_tokens(doc, sent_start, sent_end)
        self.skip = skip - ({fig.noun} if fig.noun is not None else set()) - self._own_words()
        self.thing: list[Token] = []
        self.pred: list[Token] = []
        self.agent: list[Token] = []
        self.text: dict[int, str] = {}
        self.lead: str | None = None
        self.others = others
        self.borrowed: int | None = None
        self.allowed: set[int] = set()

    def _own_words(self) -> set[int]:
        """Modifiers of the counted noun written inside the figure ("40,000 Russian troops")."""
        fig, doc = self.fig, self.doc
        if fig.noun is None:
            return set()
        return {
            t.i
            for t in doc[fig.start : fig.end]
            if t.head.i == fig.noun
            and t.dep_ in ("amod", "compound")
            and t.pos_ in ("ADJ", "NOUN", "PROPN", "VERB")
            and not t.like_num
            and t.lower_ not in QUANTIFIERS
        }

    def np(self, tok: Token, preps: int = 1) -> list[Token]:
        """A noun with its compounds, adjectives, possessives and a short 'of'/'in' phrase."""
        out = [tok]
        for child in tok.children:
            if tok.pos_ == "VERB" and child.dep_ == "dobj" and child.i in self.skip:
                out.extend(self._other_noun(child))
            if child.i in self.skip:
                continue
            if child.dep_ in NP_DEPS:
                out.extend(self.np(child, 0))
            elif child.dep_ == "prep" and (preps > 0 or self._named_place(tok, child)):
                obj = self._pobj(child)
                if child.lower_ not in NP_PREPS:
                    continue
                if obj is not None and (child.lower_ == "of" or not self._dated(obj)):
                    out.append(child)
                    out.extend(self.np(obj, max(preps - 1, 0)))
            elif child.dep_ == "conj" and tok.pos_ == "PROPN" and child.pos_ == "PROPN":
                out.extend(self.np(child, 0))
            elif child.dep_ == "acl" and (child.tag_ == "VBN" or child.tag_ == "VBG" and preps):
                out.append(child)
                out.extend(self.args(child, limit=1))
                out.extend(self._cause(child))
                for sub in child.children:
                    if sub.dep_ == "xcomp" and sub.tag_ == "VBN" and sub.i not in self.skip:
                        out.append(sub)
                        out.extend(self.args(sub, limit=1))
            elif child.dep_ == "relcl" and preps > 0 and not self._holds(child):
                if self.doc[child.left_edge.i - 1].text == ",":
                    continue  # an aside about the noun, not a restriction of it
                out.append(child)
                out.extend(self.args(child, limit=1))
            elif tok.pos_ == "VERB" and child.dep_ == "dobj":
                out.extend(self.np(child, 1))  # "rebuilding the homes"
        return out

    def _named_place(self, noun: Token, prep: Token) -> bool:
        """'the town of Dalby': the name a settlement word is given, kept at any depth."""
        if prep.lower_ != "of" or noun.lemma_.lower() not in SETTLEMENTS:
            return False
        obj = self._pobj(prep)
        return obj is not None and obj.pos_ == "PROPN"

    def _cause(self, verb: Token) -> list[Token]:
        """The event a participle happened in ("killed when the dam burst")."""
        for child in verb.children:
            if child.dep_ == "advcl" and child.i not in self.skip and not self._holds(child):
                subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.pos_ != "PRON":
                    return self.np(subj, 0) + [child]
        return []

    def _pobj(self, prep: Token) -> Token | None:
        return next(
            (c for c in prep.children if c.dep_ in ("pobj", "pcomp") and c.i not in self.skip),
            None,
        )

    def _dated(self, tok: Token) -> bool:
        return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in TIME_WORDS

    def args(self, verb: Token, avoid: Token | None = None, limit: int = 2) -> list[Token]:
        """The verb's particle, negation and first prepositional phrases."""
        out: list[Token] = []
        for child in verb.children:
            if child.i in self.skip or (avoid is not None and child.i == avoid.i):
                continue
            if child.dep_ in ("prt", "neg"):
                out.append(child)
            elif child.dep_ in ("prep", "agent") and limit > 0 and child.lower_ in ARG_PREPS:
                obj = self._pobj(child)
                if obj is None:
                    out.extend(self._counted_object(child))
                    continue
                if self._holds(obj) or self._dated(obj) and child.lower_ not in DATE_PREPS:
                    continue
                if self._nearer_other(child):
                    continue
                out.append(child)
                out.extend(self.np(obj, 0 if child.lower_ in ("by", "with", "as") else 1))
                limit -= 1
        return out

    def _counted_object(self, prep: Token) -> list[Token]:
        """The noun of another figure that is the object of `prep` ("living in 143 camps")."""
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        words = self._other_noun(obj) if obj is not None else []
        return [prep, *words] if words else []

    def _other_noun(self, tok: Token) -> list[Token]:
        """Another figure's counted noun with its modifiers, when it is an argument here."""
        if not any(o.noun == tok.i for o in self.others):
            return []
        words = [tok] + [c for c in tok.children if c.dep_ in ("compound", "amod")]
        words = [w for w in words if w.pos_ in ("NOUN", "PROPN", "ADJ")]
        self.allowed.update(w.i for w in words)
        return words

    def _nearer_other(self, tok: Token) -> bool:
        """Whether `tok` follows another figure of the sentence more closely than this one."""
        before = [o for o in self.others + [self.fig] if o.end <= tok.i]
        if not before:
            return False
        last = max(before, key=lambda o: o.end)
        if last is self.fig or self._aside(last):
            return False
        if last.unit != self.fig.unit and not self._coordinated(last):
            return False  # "300 mm of rain in 24 hours in the region": no list
        return tok.i >= self.fig.end or self._coordinated(last)

    def _coordinated(self, other: Figure) -> bool:
        """Whether `other` and this figure are items of one list ("€5m from A, €3m from B")."""
        mine, theirs = _own_top(self.doc, self.fig), _own_top(self.doc, other)
        while mine.dep_ == "conj" and mine.head.i != theirs.i:
            mine = mine.head
        return mine.head.i == theirs.i or theirs.head.i == mine.i or mine.head.i == theirs.head.i

    def _aside(self, other: Figure) -> bool:
        """Whether `other` restates this figure in brackets: "€4 million (about $4.4 million)"."""
        fig, doc = self.fig, self.doc
        gap = doc[fig.end : other.start]
        return 0 <= other.start - fig.end <= 2 and any(t.text == "(" for t in gap)

    def _objects(self, verb: Token) -> list[Token | None]:
        return [c for c in verb.children if c.dep_ == "dobj" and not self._holds(c)]

    def _holds(self, tok: Token) -> bool:
        return tok.left_edge.i <= self.fig.start and self.fig.end - 1 <= tok.right_edge.i

    def subject(self, verb: Token) -> Token | None:
        """The verb's own subject, or the one it shares through coordination or control."""
        cur = verb
        for _ in range(4):
            subj = next(
                (c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None
            )
            if subj is not None and self._holds(subj):
                return None
            if subj is not None and subj.lower_ in RELATIVE and cur.dep_ == "relcl":
                return cur.head
            if subj is None and cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
                return cur.head
            if subj is not None and subj.pos_ != "PRON":
                return subj
            if subj is not None and subj.lower_ in PRONOUNS and cur.dep_ == "ccomp":
                said = cur.head
                if said.lemma_.lower() in REPORTING:
                    other = next((c for c in said.children if c.dep_ == "nsubj"), None)
                    person = other is not None and (
                        other.ent_type_ == "PERSON"
                        or (other.pos_ == "PROPN" and other.ent_type_ not in _BODY_LABELS)
                    )
                    if other is not None and other.pos_ != "PRON":
                        return None if person and subj.lower_ == "it" else other
                return None
            if subj is not None and cur.dep_ != "conj":
                return None
            if cur.dep_ not in ("conj", "advcl", "xcomp", "acomp") or cur.head.i == cur.i:
                return None
            cur = cur.head
        return None

    def clause(self, verb: Token, role: str, prep: Token | None) -> None:
        """Say what happened to the measured thing, from the verb that governs it."""
        lemma = verb.lemma_.lower()
        subj = self.subject(verb)
        dobj = next((c for c in verb.children if c.dep_ == "dobj" and not self._holds(c)), None)
        if role in ("nsubj", "nsubjpass"):
            if lemma not in LEVEL_VERBS:
                self.pred.append(verb)
                if lemma in FATE:
                    self.text[verb.i] = FATE[lemma]
            self.pred.extend(self.args(verb))
            if dobj is not None:
                self.pred.extend(self.np(dobj, 1))
            for child in verb.children:
                if child.dep_ == "acomp" and child.i not in self.skip:
                    self.pred.append(child)
            self._shared_verbs(verb)
            return
        change = CHANGE_NOUNS.get(lemma)
        counted = self.fig.noun is not None and self.fig.unit in ("person", "item", "count")
        by_change = prep is None or prep.lower_ == "by"
        estimate = subj is not None and subj.lemma_.lower() in ESTIMATE_NOUNS
        own = self.fig.noun is not None and self.fig.noun in self.own
        if change and by_change and (estimate or change == "revision") and not own:
            change, counted = "revision", False  # "estimates were raised by 49,000"
            self.thing = [t for t in self.thing if t.i != self.fig.noun]
        if change and not counted and by_change and role != "attr" and not self.thing:
            target = subj if estimate or dobj is None else dobj
            if target is not None:
                way = _WAYS.get(change_of(self.doc, self.fig) or "", "")
                self.lead = f"{way if change == 'revision' else ''}{change} in"
                self.thing = self.np(target, 1) + [t for t in self.thing if t.dep_ == "prep"]
            return
        level = lemma in LEVEL_VERBS or (prep is not None and prep.lower_ in LEVEL_PREPS)
        tally = subj is not None and subj.lemma_.lower() in TALLY_NOUNS
        if lemma in MEASURE_LEVEL_VERBS and role == "dobj" and (tally or not self.thing):
            level = True  # "temperatures reached 49C", "the toll hit 212"
            self.lead = "average" if lemma == "average" else self.lead
        if level:
            targets = self._objects(verb) if dobj is not None and prep is not None else [subj]
            if targets and targets[0] is not None:
                if self.borrowed is not None:
                    self.thing = [t for t in self.thing if t.i != self.borrowed]
                for target in targets:
                    if target is not None:
                        self.thing.extend(self.np(target, 1))
            self.pred.extend(self.args(verb, avoid=prep, limit=1))
            return
        if prep is not None and dobj is None:
            if subj is not None:
                self.thing.extend(self.np(subj, 1))
            self.pred.append(verb)
            self.pred.extend(self.args(verb, avoid=prep))
            return
        if prep is not None and dobj is not None:
            self.thing.extend(self.np(dobj, 1))
        self.pred.append(verb)
        self.text[verb.i] = participle(verb)
        self.pred.extend(self.args(verb, avoid=prep))
        for child in verb.children:
            if child.dep_ in ("dative", "dobj") and not self._holds(child):
                self.pred.extend(self.np(child, 0))
        if subj is not None and subj.i in self.theirs:
            self.agent.extend(self._other_noun(subj))  # "14 stations recorded 46C"
        elif subj is not None:
            self.agent.extend(self.np(subj, 1))

    def _shared_verbs(self, verb: Token) -> None:
        """Verbs coordinated with `verb` that share its subject ("died or went missing on
        the route"), with their complements and first phrase."""
        for conj in verb.children:
            if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX") or conj.i in self.skip:
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
                continue  # a clause of its own
            if not any(c.dep_ == "acomp" for c in conj.children):
                continue  # a further action ("climbed onto the roof and waited")
            if conj.lemma_.lower() not in LIGHT_VERBS | {"go"}:
                self.pred.append(conj)
                if conj.lemma_.lower() in FATE:
                    self.text[conj.i] = FATE[conj.lemma_.lower()]
            for comp in conj.children:
                if comp.dep_ == "acomp" and comp.i not in self.skip:
                    self.pred.append(comp)
                    self.pred.extend(self.args(comp, limit=1))  # "missing on the route"
            self.pred.extend(self.args(conj, limit=1))

    def build(self) -> str | None:
        """Find the measured thing and its governing verb, then render the phrase."""
        doc, fig = self.doc, self.fig
        top = _top(doc, fig) if fig.noun is None or fig.noun in self.own else _own_top(doc, fig)
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
                        self.allowed.update(w.i for w in words if _usable(w, self.skip))
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
                name = [t for t in self.np(place, 0) if _usable(t, self.skip)]
                return "population of " + " ".join(t.text for t in sorted(name, key=lambda t: t.i))
            words = self.np(measured, 0)
            self.allowed.update(w.i for w in words if _usable(w, self.skip))
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

    def _expected(self, anchor: Token) -> None:
        """'expected the economy to grow by 1%': the figure is a forecast."""
        verb = _clause_verb(anchor)
        if verb is None or verb.dep_ not in ("ccomp", "xcomp") or verb.i == anchor.i:
            return
        head = verb.head
        if head.lemma_.lower() in EXPECT_VERBS and head.i not in self.skip:
            self.pred.append(head)
            self.text[head.i] = participle(head)

    def _time_span(self, top: Token) -> None:
        """A span of time with its own anchor: "six weeks after the earthquakes"."""
        heads = [top.head] if top.dep_ == "npadvmod" and top.head.pos_ == "ADP" else []
        for child in list(top.children) + heads:
            if child.dep_ == "prep" and child.lower_ in SPAN_PREPS and child.lower_ != "of":
                obj = self._pobj(child)
                if obj is not None and child.i not in self.skip:
                    self.thing.append(child)
                    self.thing.extend(self.np(obj, 1))

    def _time_clause(self, top: Token) -> None:
        """For a span of time, the event it runs since, until or before."""
        verb = _clause_verb(top)
        holders = [top] + ([verb] if verb is not None else [])
        for holder in holders:
            for child in holder.children:
                if child.dep_ not in ("advcl", "relcl", "acl") or child.i in self.skip:
                    continue
                subj = self.subject(child)
                if subj is not None:
                    self.pred.extend(self.np(subj, 0))
                self._modifier_clause(child)
                return

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

    def _modifier_clause(self, verb: Token) -> None:
        """A participle or relative clause on the counted noun ("troops allied with Russia")."""
        self.pred.append(verb)
        self.pred.extend(self.args(verb))
        for child in verb.children:
            if child.dep_ in ("nsubj", "dobj") and child.lower_ not in RELATIVE:
                if not self._holds(child) and child.i not in self.skip:
                    self.pred.extend(self.np(child, 1))

    def _govern(self, anchor: Token) -> None:
        """Add the predicate of the clause the measured thing belongs to."""
        role, gov, prep = anchor.dep_, anchor.head, None
        if role == "prep" and anchor.i in self.own:
            role, gov, prep = "pobj", anchor, anchor
        if role == "pobj" and gov.dep_ in ("prep", "agent", "dative"):
            prep, gov = gov, gov.head
            if gov.pos_ in ("NOUN", "PROPN") and gov.i not in self.skip:
                words = self.np(gov, 0)
                self.allowed.update(w.i for w in words if _usable(w, self.skip))
                self.thing = words + self.thing
                role, prep, gov = gov.dep_, None, gov.head
                if role == "pobj" and gov.dep_ == "prep":
                    prep, gov = gov, gov.head
        if (gov.lower_ in RISE_WORDS or gov.lower_ in FALL_WORDS) and prep is None:
            verb = _clause_verb(gov)
            counted = self.fig.noun is not None and self.fig.unit in ("person", "item", "count")
            subj = self.subject(verb) if verb is not None else None
            if subj is not None and not counted and not self.thing:
                self.lead = "rise in" if gov.lower_ in RISE_WORDS else "fall in"
                self.thing.extend(self.np(subj, 1))
                self.pred.extend(self.args(gov, limit=1))
                self.pred.extend(t for t in gov.subtree if t.ent_type_ == "DATE")
                return
        if gov.pos_ == "ADJ" and gov.dep_ in ("acomp", "advmod", "amod", "conj"):
            self.pred.append(gov)
            role, gov = "npadvmod", gov.head
        if gov.i == anchor.i or role == "conj":
            return
        if gov.pos_ not in ("VERB", "AUX"):
            verb = _clause_verb(gov)
            if verb is None or verb.i == anchor.i:
                return
            role, gov = "npadvmod", verb
        if role == "npadvmod" and gov.lemma_.lower() in CHANGE_NOUNS:
            role = "dobj"
        if role not in ("nsubj", "nsubjpass", "pobj", "dobj", "attr", "oprd", "dative", "appos"):
            self._level(gov)
            return
        self.clause(gov, role, prep)

    def _level(self, verb: Token) -> None:
        """A figure loosely tied to its clause: the clause's subject, verb and object."""
        subj = self.subject(verb)
        if subj is not None:
            self.thing.extend(self.np(subj, 1))
        if verb.lemma_.lower() not in LEVEL_VERBS:
            self.pred.append(verb)
            if verb.lemma_.lower() in FATE:
                self.text[verb.i] = FATE[verb.lemma_.lower()]
        self.pred.extend(self.args(verb, limit=1))
        for child in verb.children:
            if child.dep_ in ("dobj", "acomp") and not self._holds(child):
                self.pred.extend(self.np(child, 0))

    def _keep(self, toks: list[Token]) -> list[Token]:
        out: dict[int, Token] = {}
        for tok in toks:
            if tok.i in self.allowed:
                out[tok.i] = tok
            elif self.lo <= tok.i < self.hi and _usable(tok, self.skip):
                if tok.i == self.borrowed or not _hangs_off(tok, self.own, self.theirs):
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
            toks = [t for t in toks if t.pos_ != "ADP" or t.dep_ == "prt" or _leads(t, kept)]
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
        verb = _clause_verb(_own_top(doc, fig))
        if verb is not None and verb.lemma_.lower() in SPANNING:
            return "length"
        return "distance"


def subject_of(
    doc: Doc, fig: Figure, sent_start: int, sent_end: int, others: list[Figure] | None = None
) -> str | None:
    """A short phrase for what the figure measures, from its noun and its clause."""
    return _Phrase(doc, fig, sent_start, sent_end, others or []).build()


def _partitive_whole(doc: Doc, fig: Figure, others: list[Figure]) -> Figure | None:
    """The figure this one is a part of: "Four of the six members" -> "six members"."""
    if fig.noun is not None and fig.start <= fig.noun < fig.end:
        return None
    top = _own_top(doc, fig)
    for prep in top.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                return next((o for o in others if o.start <= obj.i < o.end), None)
    return None


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


def _clause_verb(tok: Token) -> Token | None:
    """The verb (or adjective predicate) of the clause that holds `tok`."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("amod", "compound"):
            return cur
        if cur.head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX", "ADJ") else None
        cur = cur.head
    return None


def _usable(tok: Token, skip: set[int]) -> bool:
    """Whether a token belongs in a subject phrase: content words and dates, no figures."""
    if tok.i in skip or tok.is_punct or tok.is_space:
        return False
    if tok.dep_ == "prt":
        return True
    if tok.like_num:
        return tok.ent_type_ == "DATE" and tok.text.isdigit() and len(tok.text) == 4
    if tok.pos_ in ("DET", "PRON", "AUX", "CCONJ", "SCONJ", "PART", "NUM", "SYM", "X", "ADV"):
        return tok.dep_ == "neg"
    if tok.pos_ == "ADP" and tok.lower_ not in ARG_PREPS:
        return False
    if tok.lemma_.lower() in LIGHT_VERBS:
        return False
    if tok.lower_ in TIME_WORDS:  # "night temperatures" keeps its modifier, not its date
        head = tok.head
        return tok.dep_ == "compound" and head.pos_ == "NOUN" and head.lower_ not in TIME_WORDS
    return not (tok.lemma_.lower() in REPORTING and tok.pos_ == "VERB")


def _hangs_off(tok: Token, own: set[int], theirs: set[int]) -> bool:
    """True when `tok` modifies another figure of the sentence rather than this one."""
    cur = tok
    for _ in range(12):
        if cur.i in own:
            return False
        if cur.i in theirs and cur.i != tok.i:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _own_top(doc: Doc, fig: Figure) -> Token:
    """The highest token among the figure's own tokens."""
    tok = doc[fig.end - 1]
    if tok.is_punct and fig.end - 2 >= fig.start:
        tok = doc[fig.end - 2]
    while fig.start <= tok.head.i < fig.end and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _leads(prep: Token, kept: set[int]) -> bool:
    """Whether a preposition still has its object in the phrase."""
    return any(child.i in kept for child in prep.children)
