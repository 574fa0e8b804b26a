"""The thing a figure measures: the noun phrase of a subject, read from the parse.

`ThingPhrase` holds the words of one figure's subject phrase as it is built and reads noun
phrases: the counted noun with its adjectives, compounds and possessives and a short
prepositional phrase ("Russian troops", "aid for farmers"), and a verb's first prepositional
phrases, leaving out the tokens of the sentence's other figures.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimledger.extract.quantities.figure_tree import (
    attribution_tokens,
    own_top,
    partitive_whole,
)
from claimledger.extract.quantities.figures import Figure
from claimledger.extract.quantities.subject_words import (
    ARG_PREPS,
    DATE_PREPS,
    NP_DEPS,
    NP_PREPS,
    QUANTIFIERS,
    SETTLEMENTS,
    TIME_WORDS,
)


class ThingPhrase:
    """Collects the words of one figure's subject phrase in three parts: the thing measured,
    the predicate said of it, and the agent of that predicate."""

    def __init__(
        self, doc: Doc, fig: Figure, sent_start: int, sent_end: int, others: list[Figure]
    ) -> None:
        self.doc, self.fig = doc, fig
        self.lo, self.hi = sent_start, sent_end
        self.own = set(range(fig.start, fig.end))
        whole = partitive_whole(doc, fig, others)
        others = [o for o in others if o is not whole]  # "Four of the six members ..."
        self.theirs = {i for o in others for i in range(o.start, o.end)} - self.own
        skip = self.own | self.theirs | attribution_tokens(doc, sent_start, sent_end)
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
        mine, theirs = own_top(self.doc, self.fig), own_top(self.doc, other)
        while mine.dep_ == "conj" and mine.head.i != theirs.i:
            mine = mine.head
        return mine.head.i == theirs.i or theirs.head.i == mine.i or mine.head.i == theirs.head.i

    def _aside(self, other: Figure) -> bool:
        """Whether `other` restates this figure in brackets: "€4 million (about $4.4 million)"."""
        fig, doc = self.fig, self.doc
        gap = doc[fig.end : other.start]
        return 0 <= other.start - fig.end <= 2 and any(t.text == "(" for t in gap)

    def _holds(self, tok: Token) -> bool:
        return tok.left_edge.i <= self.fig.start and self.fig.end - 1 <= tok.right_edge.i
