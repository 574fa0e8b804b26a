"""Speakers: who a subject noun phrase names, with the role the article gives them.

A `SpeakerIndex` reads one parsed article. It finds the name runs and their fullest forms
("Ryan" → "Mick Ryan"), callsigns ("Hryhorii, known by his callsign “Hohi”"), and resolves
pronouns and definite descriptions ("he", "the official", "the bank") to the fitting earlier
speaker or subject. Mentions must be resolved in document order (`resolve` records each one).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from spacy.tokens import Doc, Token

from claimledger.extract.speakers_names import BODY_LABELS, NameReader, span_text, strip_np, word_of
from claimledger.extract.speech_lexicon import (
    BODY_WORDS,
    DOCUMENT_NOUNS,
    FIRST_PERSON,
    GENERIC_BODY_NOUNS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    THING_PRONOUNS,
)

LOGGER = logging.getLogger(__name__)

_PERSONAL_WORDS = frozenset({"his", "her", "who", "callsign", "himself", "herself", "whose"})


@dataclass(slots=True)
class Entity:
    """Someone or something that speaks: a person, a body, or a described group."""

    name: str
    kind: str  # person, body, group
    plural: bool = False
    role: str | None = None
    first: int = 0  # token index of the first mention
    words: set[str] = field(default_factory=set)  # lowercase words of name, role, description
    gender: str | None = None  # "m" or "f" once a pronoun or a title shows it


@dataclass(slots=True)
class Speaker:
    """A resolved speaker and the mention the cue attaches to."""

    name: str | None
    role: str | None
    start: int | None
    end: int | None
    entity: Entity | None = None


_MALE = frozenset({"mr", "mr.", "he", "his", "him", "spokesman", "chairman", "congressman"})
_FEMALE = frozenset(
    {"mrs", "mrs.", "ms", "ms.", "she", "her", "spokeswoman", "chairwoman", "congresswoman"}
)


def _gender(tokens: list[Token]) -> str | None:
    """'m' or 'f' when a title or pronoun in the mention shows it."""
    words = {t.lower_ for t in tokens}
    if words & _FEMALE and not words & _MALE:
        return "f"
    if words & _MALE and not words & _FEMALE:
        return "m"
    return None


class SpeakerIndex(NameReader):
    """Names, aliases and the resolution history of one article."""

    def __init__(self, doc: Doc, paragraphs: list[tuple[int, int]], quoted: set[int]) -> None:
        super().__init__(doc, paragraphs, quoted)
        self.aliases: dict[str, Entity] = {}
        self.entities: dict[str, Entity] = {}
        self.history: list[tuple[int, Entity]] = []  # (token index, entity) in text order

    def _entity(self, key: str, kind: str, plural: bool, first: int) -> Entity:
        entity = self.entities.get(key.lower())
        if entity is None:
            entity = Entity(key, kind, plural, first=first, words=set(key.lower().split()))
            self.entities[key.lower()] = entity
        return entity

    def record(self, token: Token, entity: Entity) -> None:
        """Add a mention to the history pronouns and descriptions resolve against."""
        self.history.append((token.i, entity))
        self.history.sort(key=lambda item: item[0])

    # -- resolution ----------------------------------------------------------------------
    def resolve(self, head: Token, record: bool = True) -> Speaker:
        """The speaker that the subject `head` denotes."""
        speaker = self._resolve(head)
        if record and speaker.entity is not None:
            self.record(head, speaker.entity)
        return speaker

    def _resolve(self, head: Token) -> Speaker:
        low = head.lower_
        if head.pos_ == "PRON" or low in PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS:
            entity = self._pronoun(head)
            if entity is None:
                return Speaker(head.text, None, head.idx, head.idx + len(head), None)
            return Speaker(entity.name, entity.role, head.idx, head.idx + len(head), entity)
        if head.pos_ == "PROPN" or (head.ent_type_ and head.pos_ != "NOUN"):
            return self._named(head)
        if head.text[:1].isupper() and head.pos_ in {"VERB", "ADJ", "X", "INTJ", "ADV"}:
            return self._named(head)
        return self._described(head)

    def _span(self, tokens: list[Token]) -> tuple[int, int]:
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)

    def _named(self, head: Token) -> Speaker:
        name = self.name_tokens(head)
        text = span_text(name)
        alias = self.aliases.get(text.lower())
        if alias is not None:
            return Speaker(alias.name, alias.role, *self._span(name), alias)
        label = head.ent_type_
        kind = "body" if label in BODY_LABELS else "person"
        if any(word_of(t) in BODY_WORDS for t in name) and label != "PERSON":
            kind = "body"
        personal = self._personal(head)
        if kind == "body" and len(name) == 1 and personal:
            kind = "person"
        full = self.fullest(text, kind)
        if full == text and len(name) == 1 and text.lower() not in self.entities:
            similar = self._similar(text)
            if similar is not None:
                return Speaker(similar.name, similar.role, *self._span(name), similar)
        entity = self._entity(full, kind, head.tag_ == "NNPS", head.i)
        if personal and entity.kind == "body" and len(name) == 1:
            entity.kind = "person"
        entity.words |= {t.lower_ for t in name}
        role = self.role_of(head, name, kind == "body") or self._earlier_role(head, kind)
        if entity.gender is None:
            entity.gender = _gender(list(self.np_tokens(head)) + [self.doc[max(name[0].i - 1, 0)]])
        if role and entity.role is None:
            entity.role = role
            entity.words |= set(role.lower().split())
        callsign = self._callsign(head)
        if callsign:
            self.aliases[callsign.lower()] = entity
            if entity.role and "callsign" not in entity.role:
                entity.role = f"{entity.role} (callsign “{callsign}”)"
            elif not entity.role:
                entity.role = f"callsign “{callsign}”"
        tokens = self.np_tokens(head)
        if any(t.dep_ == "conj" and t.head.i == head.i for t in tokens):
            desc = span_text(tokens).replace(text, full, 1)
            group = Entity(desc, "group", True, first=head.i, words=set(desc.lower().split()))
            return Speaker(desc, entity.role, *self._span(tokens), group)
        return Speaker(entity.name, entity.role, *self._span(name), entity)

    def _personal(self, head: Token) -> bool:
        """The name's own phrase shows a person: "his callsign", "who served", "a soldier"."""
        for t in head.subtree:
            if t.lower_ in _PERSONAL_WORDS and t.i > head.i:
                return True
        return any(
            c.dep_ == "appos" and c.pos_ == "NOUN" and word_of(c) not in BODY_WORDS
            for c in head.children
        )

    def _similar(self, text: str) -> Entity | None:
        """A person or callsign already named that `text` misspells ("Hori" for "Hohi")."""
        low = text.lower()
        if len(low) < 4:
            return None
        pool = [(k, e) for k, e in self.aliases.items()]
        pool += [(e.name.lower(), e) for e in self.entities.values() if e.kind == "person"]
        for key, entity in pool:
            if key[:1] == low[:1] and SequenceMatcher(None, key, low).ratio() >= 0.75:
                return entity
        return None

    def _described(self, head: Token) -> Speaker:
        """A common-noun subject: an apposed name, a document's author, an earlier speaker the
        description points to, or the description itself ("a senior defense official")."""
        for child in head.rights:  # "Her counterpart, Stéphane Séjourné, said"
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                speaker = self._named(child)
                own = [t for t in self.np_tokens(head) if t.i < child.left_edge.i]
                if speaker.entity is not None and speaker.entity.role is None and strip_np(own):
                    speaker.entity.role = span_text(strip_np(own))
                    speaker.role = speaker.entity.role
                return speaker
        if word_of(head) in DOCUMENT_NOUNS:  # "a World Bank report estimated"
            owner = [t for t in head.children if t.dep_ in {"compound", "poss"} and t.i < head.i]
            if owner:
                return self._resolve(owner[-1])
            for acl in (c for c in head.children if c.dep_ == "acl"):  # "published by X"
                agent = next((c for c in acl.children if c.dep_ == "agent"), None)
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
                if obj is not None:
                    return self._resolve(obj)
        tokens = strip_np(self.np_tokens(head))
        if not tokens:
            tokens = [head]
        det = next((t.lower_ for t in head.children if t.dep_ in {"det", "poss"}), None)
        plural = head.tag_ in {"NNS", "NNPS"} or any(t.dep_ == "conj" for t in head.children)
        definite = det in {"the", "this", "that", "these", "those"}
        bare = det is None and (plural or word_of(head) in BODY_WORDS)
        if (definite or bare) and len(tokens) <= 3:
            entity = self._description_antecedent(head, plural, definite)
            if entity is not None:
                return Speaker(entity.name, entity.role, *self._span(tokens), entity)
        full = self.np_tokens(head)
        text = span_text(full)
        kind = "body" if word_of(head) in BODY_WORDS and not plural else "group"
        if kind == "group" and not plural:
            kind = "person"
        entity = self._entity(text, kind, plural, head.i)
        entity.words |= {word_of(t) for t in full}
        return Speaker(entity.name, entity.role, *self._span(full), entity)

    def _description_antecedent(
        self, head: Token, plural: bool, definite: bool = True
    ) -> Entity | None:
        """The earlier entity a description ("the bank", "the official", "police") names."""
        word = word_of(head)
        if definite and word in GENERIC_BODY_NOUNS:  # "the agency": the body just named
            near = self.paragraph_of(head) - 1
            recent = [
                e
                for i, e in self.history
                if i < head.i and e.kind == "body" and self._tok_para[i] >= near
            ]
            if recent:
                named = [e for e in recent if word in e.words]
                return (named or recent)[-1]
        for _, entity in reversed(self.history):
            if not definite and head.lower_ not in entity.name.lower().split():
                continue
            if word in entity.words or head.lower_ in entity.words:
                return self._narrow(entity, head)
        if not definite:
            return None
        for ent in reversed([e for e in self._ents if e.end <= head.i]):
            if ent.label_ in BODY_LABELS and any(t.lower_ == head.lower_ for t in ent):
                name = span_text(self._untitled(list(ent)))
                return self._entity(self.fullest(name, "body"), "body", plural, ent.start)
        if word not in BODY_WORDS and not plural:
            return self._latest(lambda e: e.kind == "person", head)
        return None

    def _narrow(self, entity: Entity, head: Token) -> Entity:
        """'the county' against 'Maui County officials' gives the body 'Maui County'."""
        if entity.kind == "body" or head.lower_ not in entity.name.lower().split():
            return entity
        words = entity.name.split()
        idx = [w.lower() for w in words].index(head.lower_)
        start = idx
        while start > 0 and words[start - 1][:1].isupper():
            start -= 1
        if start == idx and not words[idx][:1].isupper():
            return entity
        name = " ".join(words[start : idx + 1])
        return self._entity(name, "body", False, entity.first)

    def _latest(self, fits, head: Token) -> Entity | None:
        for i, entity in reversed(self.history):
            if i < head.i and fits(entity):
                return entity
        return None

    def _pronoun(self, head: Token) -> Entity | None:
        low = head.lower_
        if low in FIRST_PERSON:
            return None
        if low in PLURAL_PRONOUNS:
            return self._latest(lambda e: e.plural, head) or self._latest(
                lambda e: e.kind == "body", head
            )
        if low in THING_PRONOUNS:
            return self._latest(lambda e: e.kind == "body" and not e.plural, head)
        return self._person_antecedent(head)

    def _person_antecedent(self, head: Token) -> Entity | None:
        """'he'/'she': the latest person of this paragraph, else the one the paragraph before
        introduced (a first mention), else that paragraph's latest person."""
        para = self.paragraph_of(head)
        gender = "f" if head.lower_ in {"she", "her"} else "m"
        earlier = [
            (i, e)
            for i, e in self.history
            if i < head.i and e.kind == "person" and e.gender in {None, gender}
        ]
        if not earlier:
            return self._named_before(head, gender)
        same = [e for i, e in earlier if self.paragraph_of(self.doc[i]) == para]
        if same:
            same[-1].gender = gender
            return same[-1]
        last_para = self.paragraph_of(self.doc[earlier[-1][0]])
        in_last = [(i, e) for i, e in earlier if self.paragraph_of(self.doc[i]) == last_para]
        introduced = [
            e for i, e in in_last if e.first == i or e.first >= self._para_start_token(last_para)
        ]
        found = (introduced or [e for _, e in in_last])[-1]
        found.gender = gender
        return found

    def _named_before(self, head: Token, gender: str) -> Entity | None:
        """A person the paragraph (or the one before) names outside a subject."""
        para = self.paragraph_of(head)
        for ent in reversed([e for e in self._ents if e.end <= head.i]):
            if self.paragraph_of(ent[0]) < para - 1:
                break
            if ent.label_ == "PERSON" and ent[-1].i not in self._quoted:
                speaker = self._named(ent[-1])
                entity = speaker.entity
                if entity is not None and entity.kind == "person":
                    if entity.gender in {None, gender}:
                        entity.gender = gender
                        return entity
        return None
