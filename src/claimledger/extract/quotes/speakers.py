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

from claimledger.extract.quotes.bodies import BodyDescription, fit
from claimledger.extract.quotes.lexicon import (
    BODY_WORDS,
    DOCUMENT_NOUNS,
    FIRST_PERSON,
    GENERIC_BODY_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    THING_PRONOUNS,
)
from claimledger.extract.quotes.names import (
    BODY_LABELS,
    NameReader,
    is_acronym,
    span_text,
    strip_np,
    word_of,
)

LOGGER = logging.getLogger(__name__)

_BODY_JOINERS = frozenset({"the", "of", "for", "and", "&", "without", "against"})  # in names
_OWNERS = frozenset({"country", "nation", "state", "city", "province", "region", "company"})
_COLLECTIVE = frozenset({"police", "military", "army", "government", "staff"})
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


def _age(token: Token) -> bool:
    """An apposed age: "a 27-year-old", "41"."""
    if token.lower_ == "old":
        return any(c.lower_ in {"year", "years"} for c in token.children)
    return token.like_num and token.text.isdigit() and 0 < int(token.text) < 120


class SpeakerIndex(NameReader):
    """Names, aliases and the resolution history of one article."""

    def __init__(self, doc: Doc, paragraphs: list[tuple[int, int]], quoted: set[int]) -> None:
        super().__init__(doc, paragraphs, quoted)
        self.aliases: dict[str, Entity] = {}
        self.entities: dict[str, Entity] = {}
        self.history: list[tuple[int, Entity]] = []  # (token index, entity) in text order
        self.speaking: set[int] = set()  # token indices of subjects that a cue speaks through

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
        if low in {"who", "which", "that"} and head.head.dep_ == "relcl":
            noun = head.head.head  # "the minister, who spoke …": the minister
            while noun.dep_ == "appos" and noun.head.i < noun.i:  # "Ann Roe, a judge who …"
                noun = noun.head
            if noun.pos_ in {"NOUN", "PROPN"}:
                return self._resolve(noun)
        if head.pos_ == "PRON" or low in PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS:
            entity = self._pronoun(head)
            if entity is None:
                return Speaker(head.text, None, head.idx, head.idx + len(head), None)
            return Speaker(entity.name, entity.role, head.idx, head.idx + len(head), entity)
        named = head.pos_ == "PROPN" or (
            head.ent_type_ in BODY_LABELS | {"PERSON"} and head.pos_ != "NOUN"
        )
        common = head.is_alpha and head.text.islower()  # "the health ministry", not "al-Assad"
        if (named and not common) or is_acronym(head):
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
        if label != "PERSON" and (
            any(word_of(t) in BODY_WORDS for t in name)
            or any(t.lower_ in _BODY_JOINERS for t in name[1:-1])  # "Save the Children"
            or (len(name) == 1 and is_acronym(head))
        ):
            kind = "body"
        personal = self._personal(head)
        if kind == "body" and personal and (len(name) == 1 or self._person_role(head, name)):
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
        if kind == "body":  # "Turkey's disaster agency AFAD": the agency
            inside = {t.i for t in name}
            entity.words |= {
                word_of(t)
                for t in self.np_tokens(head)
                if t.i < name[0].i and t.pos_ == "NOUN" and t.i not in inside
            }
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

    def _person_role(self, head: Token, name: list[Token]) -> bool:
        """The name is apposed to a person's title ("Ana Lopes, a nurse at …")."""
        if any(word_of(t) in BODY_WORDS for t in name) or any(is_acronym(t) for t in name):
            return False
        for child in head.children:
            if child.dep_ == "appos" and (word_of(child) in PERSON_NOUNS or _age(child)):
                return True
            if child.dep_ == "relcl" and any(
                c.dep_ == "nsubj" and c.lower_ == "who" for c in child.children
            ):
                return True  # "Ana Lopes, who runs a shop"
        before = self.doc[name[0].i - 1] if name[0].i > 0 else None
        if before is None:
            return False
        low = before.lower_.rstrip(".")
        return low in {"mr", "mrs", "ms", "dr"} or (before.pos_ != "DET" and low in PERSON_NOUNS)

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
        plural = plural and word_of(head) not in _COLLECTIVE  # "police" is one body
        definite = det in {"the", "this", "that", "these", "those"} or det in _OWNERS
        bare = det is None and (plural or word_of(head) in BODY_WORDS)
        body = definite and not plural and word_of(head) in BODY_WORDS | GENERIC_BODY_NOUNS
        if (definite or bare) and (len(tokens) <= 3 or body):
            entity = self._description_antecedent(head, plural, definite)
            if entity is not None:
                return Speaker(entity.name, entity.role, *self._span(tokens), entity)
        full = self.np_tokens(head)
        text = span_text(full)
        if (
            bare
            and plural
            and any(t.dep_ == "compound" and t.pos_ == "NOUN" for t in full)
            and not any(t.dep_ == "prep" for t in full)
        ):
            place = self._setting(head)
            text = f"{text} in {place}" if place else text
        text = self._of_them(head, text)
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
        if definite and (word in BODY_WORDS or word in GENERIC_BODY_NOUNS):
            if not plural:
                return self._body_antecedent(head)  # "the agency": the fitting body before
            near = self.paragraph_of(head) - 1  # "the two agencies": the bodies just named
            joint = [
                e
                for i, e in self.history
                if i < head.i and e.kind == "group" and e.plural and self._tok_para[i] >= near
            ]
            if joint and " and " in joint[-1].name:
                return joint[-1]
        own = self._modifiers(head).common
        for _, entity in reversed(self.history):
            if not definite and head.lower_ not in entity.name.lower().split():
                continue
            if not definite and not own <= entity.words:  # "health officials" ≠ "local officials"
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

    def _modifiers(self, head: Token) -> BodyDescription:
        """The head noun of a description and the words before it that narrow it down."""
        skip = {t.i for c in head.children if c.dep_ in {"poss", "det"} for t in c.subtree}
        common: set[str] = set()
        proper: set[str] = set()
        for t in self.np_tokens(head):
            if t.i >= head.i or t.i in skip or not (t.is_alpha or "." in t.text):
                continue
            if t.pos_ in {"DET", "ADP", "CCONJ", "PART", "PUNCT", "NUM", "ADV"}:
                continue
            low = t.lower_
            if t.text[:1].isupper() and not t.is_sent_start:
                proper.add(low)
            else:
                common.add(word_of(t))
        return BodyDescription(word_of(head), frozenset(common), frozenset(proper))

    def _of_them(self, head: Token, text: str) -> str:
        """ "One of them" with the group it counts from: "one of Two diplomats …"."""
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if obj is None or obj.lower_ not in PLURAL_PRONOUNS:
                continue
            group = self._latest(lambda e: e.plural, head)
            if group is not None:
                name = group.name
                if name.split()[0].lower() in {"the", "two", "three", "several", "some"}:
                    name = name[0].lower() + name[1:]
                return text.replace(obj.text, name, 1)
        return text

    def _setting(self, head: Token) -> str | None:
        """The place a described group ("health officials", not bare "officials") speaks
        from, when the sentence sets it apart from the noun phrase: "In Malawi, health
        officials said" or "Malawi, where health officials said"."""
        verb = head.head
        if head.dep_ != "nsubj" or verb.pos_ != "VERB":
            return None
        place: Token | None = None
        anchored = any(t.pos_ == "PROPN" for t in head.subtree)  # "UN sanctions monitors"
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "in" and child.i < head.i and not anchored:
                place = next((g for g in child.children if g.dep_ == "pobj"), None)
        if place is None and verb.dep_ == "relcl" and verb.head.pos_ == "PROPN":
            if any(c.lower_ == "where" for c in verb.children):
                place = verb.head
        if place is None or place.pos_ != "PROPN":
            return None
        if place.ent_type_ not in BODY_LABELS | {"PERSON", ""}:  # "In March, …"
            return None
        return span_text(self.name_tokens(place))

    def _body_antecedent(self, head: Token) -> Entity | None:
        """The named body a definite description of a body stands for: the best fit in the
        nearest paragraph that has one; a loose fit only from this paragraph or the one
        before; a name that holds the description's noun from anywhere before."""
        desc = self._modifiers(head)
        para = self.paragraph_of(head)
        scored: list[tuple[int, int, int, Entity | tuple[int, int]]] = []
        for i, target, name, label in self._body_candidates(head):
            known = frozenset(target.words) if isinstance(target, Entity) else frozenset()
            score = fit(desc, name, label, known)
            if score:
                scored.append((para - self._tok_para[i], score, i, target))
        strong = [c for c in scored if c[1] >= 2 and c[0] <= 1]
        if strong:
            gap = min(c[0] for c in strong)
            chosen = max((c for c in strong if c[0] == gap), key=lambda c: (c[1], c[2]))[3]
        else:
            near = [c for c in scored if c[0] <= 1]
            far = [c for c in scored if c[1] == 3 or (c[1] == 2 and c[0] <= 4)]
            pool = near or far
            if not pool:
                return None
            chosen = max(pool, key=lambda c: (c[1], c[2]))[3]
        if isinstance(chosen, Entity):
            return chosen
        tokens = self._untitled(list(self.doc[chosen[0] : chosen[1]])) or [self.doc[chosen[0]]]
        name = self.fullest(span_text(tokens), "body")
        return self._entity(name, "body", False, chosen[0])

    def _body_candidates(
        self, head: Token
    ) -> list[tuple[int, Entity | tuple[int, int], str, str | None]]:
        """(token, entity or span, name, label) of every body named before `head`."""
        out: list[tuple[int, Entity | tuple[int, int], str, str | None]] = []
        for i, entity in self.history:
            if i < head.i and entity.kind == "body":
                ent = self._ent_of.get(i)
                label = ent.label_ if ent else ("ORG" if is_acronym(self.doc[i]) else None)
                out.append((i, entity, entity.name, label))
        for ent in self._ents:
            if ent.end <= head.i and ent.label_ in BODY_LABELS and ent.start not in self._quoted:
                name = span_text(self._untitled(list(ent)))
                if name:
                    out.append((ent.end - 1, (ent.start, ent.end), name, ent.label_))
        for t in self.doc[: head.i]:  # acronyms the parse leaves untagged ("UNICEF")
            if t.ent_iob_ == "O" and is_acronym(t) and t.i not in self._quoted:
                out.append((t.i, (t.i, t.i + 1), t.text, "ORG"))
        return out

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
        """'he'/'she': the latest person of this paragraph, else, of the persons the paragraph
        before speaks through (or, if none speaks, names as subjects), the latest one it
        introduces (a first mention), else its latest one."""
        para = self.paragraph_of(head)
        low = head.lower_
        gender = "f" if low in {"she", "her"} else "m" if low in {"he", "him", "his"} else None
        earlier = [
            (i, e)
            for i, e in self.history
            if i < head.i and e.kind == "person" and (gender is None or e.gender in {None, gender})
        ]
        if not earlier:
            return self._named_before(head, gender)
        same = [e for i, e in earlier if self.paragraph_of(self.doc[i]) == para]
        if same:
            same[-1].gender = gender or same[-1].gender
            return same[-1]
        last_para = self.paragraph_of(self.doc[earlier[-1][0]])
        in_last = [(i, e) for i, e in earlier if self.paragraph_of(self.doc[i]) == last_para]
        in_last = [(i, e) for i, e in in_last if i in self.speaking] or in_last
        introduced = [
            e for i, e in in_last if e.first == i or e.first >= self._para_start_token(last_para)
        ]
        found = (introduced or [e for _, e in in_last])[-1]
        found.gender = gender or found.gender
        return found

    def _named_before(self, head: Token, gender: str | None) -> Entity | None:
        """A person the paragraph (or the one before) names outside a subject."""
        para = self.paragraph_of(head)
        for ent in reversed([e for e in self._ents if e.end <= head.i]):
            if self.paragraph_of(ent[0]) < para - 1:
                break
            if ent.label_ == "PERSON" and ent[-1].i not in self._quoted:
                speaker = self._named(ent[-1])
                entity = speaker.entity
                if entity is not None and entity.kind == "person":
                    if gender is None or entity.gender in {None, gender}:
                        entity.gender = gender or entity.gender
                        return entity
        return None
