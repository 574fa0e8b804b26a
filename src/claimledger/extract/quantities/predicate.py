"""What a figure's clause says of the thing measured: the predicate and its agent.

The verb that governs the figure becomes a participle when the figure is its object ("homes
destroyed"), with its particle and first prepositional phrases and the verb's subject as agent
("by the storm"). Changes are named as such ("rose 3%" -> "rise in prices"), levels reached
name what reached them ("the toll rose to 212" -> "death toll"), and forecasts keep their verb.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from claimledger.extract.quantities.figure_tree import (
    change_of,
    clause_verb,
    usable,
)
from claimledger.extract.quantities.measured_thing import ThingPhrase
from claimledger.extract.quantities.subject_words import (
    CHANGE_NOUNS,
    ESTIMATE_NOUNS,
    EXPECT_VERBS,
    FALL_WORDS,
    FATE,
    IRREGULAR,
    LEVEL_PREPS,
    LEVEL_VERBS,
    LIGHT_VERBS,
    MEASURE_LEVEL_VERBS,
    PRONOUNS,
    RELATIVE,
    REPORTING,
    RISE_WORDS,
    TALLY_NOUNS,
)

_BODY_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})
_WAYS = {"up": "upward ", "down": "downward "}


def participle(tok: Token) -> str:
    """The past participle of a verb ("pledge" -> "pledged", "take" -> "taken")."""
    lemma = tok.lemma_.lower()
    if lemma in FATE:
        return FATE[lemma]
    if tok.tag_ == "VBN" or not lemma.isalpha():
        return tok.text
    if lemma in IRREGULAR:
        return IRREGULAR[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", lemma):
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


class PredicatePhrase(ThingPhrase):
    """A subject phrase with the predicate of the figure's clause."""

    def _objects(self, verb: Token) -> list[Token | None]:
        return [c for c in verb.children if c.dep_ == "dobj" and not self._holds(c)]

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

    def _expected(self, anchor: Token) -> None:
        """'expected the economy to grow by 1%': the figure is a forecast."""
        verb = clause_verb(anchor)
        if verb is None or verb.dep_ not in ("ccomp", "xcomp") or verb.i == anchor.i:
            return
        head = verb.head
        if head.lemma_.lower() in EXPECT_VERBS and head.i not in self.skip:
            self.pred.append(head)
            self.text[head.i] = participle(head)

    def _time_clause(self, top: Token) -> None:
        """For a span of time, the event it runs since, until or before."""
        verb = clause_verb(top)
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
                self.allowed.update(w.i for w in words if usable(w, self.skip))
                self.thing = words + self.thing
                role, prep, gov = gov.dep_, None, gov.head
                if role == "pobj" and gov.dep_ == "prep":
                    prep, gov = gov, gov.head
        if (gov.lower_ in RISE_WORDS or gov.lower_ in FALL_WORDS) and prep is None:
            verb = clause_verb(gov)
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
            verb = clause_verb(gov)
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
