"""Reporting cues: the verbs that introduce statements, their subjects and their clauses.

A cue is a reporting verb (speech_lexicon) used actively with a speaker: its own subject
("he said"), the subject it shares with the verb it is coordinated with ("… and warned"),
or, for a participle ("…, saying"), the speaker of the cue or verb it hangs on.
`reported_clauses` reads the parse for what the cue reports: its clausal complement,
split at "and that"; the clause it interrupts (`By Tuesday, the county said, about …`);
the object of "stressed"-type verbs; or object and infinitive of "urged"-type verbs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimledger.extract.quotes.lexicon import (
    CLAUSE_VERBS,
    DOCUMENT_NOUNS,
    ESTIMATE_NOUNS,
    INFINITIVE_VERBS,
    NP_OBJECT_VERBS,
    PARTICIPLE_CUES,
    PHRASAL_CUES,
    QUOTE_ONLY_VERBS,
    WEAK_VERBS,
)

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_MAIN_DEPS = frozenset({"ROOT", "conj", "parataxis", "ccomp"})
_SENT_END = frozenset({".", "?", "!", "…"})
_TRIM_LEAD = frozenset({"that", ",", "\u201c", "\u201d", '"', ":", "—", "–", "-"})


@dataclass(slots=True)
class Cue:
    """A reporting verb with the token that names its speaker."""

    token: Token
    text: str
    subject: Token | None


def is_sentence_end(token: Token) -> bool:
    """True for a full stop, question or exclamation mark."""
    return token.text in _SENT_END


def _lemma(token: Token) -> str:
    """The token's lemma, checked against the lexicon by its form too ("hopes" → "hope")."""
    lemma = token.lemma_.lower()
    if lemma in _KNOWN:
        return lemma
    low = token.lower_
    for form in (low[:-1], low[:-2], low[:-3] + "e", low[:-3], low[:-1] + "e"):
        if form in _KNOWN and low.endswith(("s", "d", "ing")):
            return form
    return lemma


_KNOWN = CLAUSE_VERBS | frozenset(PHRASAL_CUES)


def _subject(verb: Token, para: Callable[[Token], int], depth: int = 0) -> Token | None:
    """The subject of `verb` in its paragraph, shared through coordination and participles."""
    own = [c for c in verb.children if c.dep_ == "nsubj" and para(c) == para(verb)]
    if own:
        return min(own, key=lambda c: abs(c.i - verb.i))
    if depth > 4 or verb.head.i == verb.i or para(verb.head) != para(verb):
        return None
    if _joined_cue(verb):  # "warned that rain was due and urged …": the warner urges
        return _subject(verb.head.head, para, depth + 1)
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return _subject(verb.head, para, depth + 1)
    if verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp", "conj", "acl", "dep"}:
        node = verb.head
        for _ in range(6):
            if _lemma(node) in CLAUSE_VERBS and node.pos_ == "VERB":
                found = _subject(node, para, depth + 1)
                if found is not None:
                    return found
            if node.head.i == node.i:
                break
            node = node.head
        if verb.head.pos_ in {"VERB", "AUX"}:
            return _subject(verb.head, para, depth + 1)
    return None


def _joined_cue(verb: Token) -> bool:
    """A subjectless reporting verb the parse coordinated into the clause of another cue
    ("X warned that rain was expected and urged residents to leave")."""
    if verb.dep_ != "conj" or any(c.dep_ in _SUBJECTS for c in verb.children):
        return False
    if _lemma(verb) not in _KNOWN or verb.pos_ != "VERB":
        return False
    clause = verb.head
    if any(c.dep_ in {"nsubj", "csubj", "expl"} for c in clause.children):
        # "crews had covered … and hoped …": the crews hope; but "… posed a risk and urged
        # governments to act": only the speaker urges
        if _lemma(verb) not in INFINITIVE_VERBS | {"warn"}:
            return False
    return clause.dep_ == "ccomp" and clause.head.pos_ == "VERB" and _lemma(clause.head) in _KNOWN


def _left_subject(verb: Token, quoted: set[int], para: Callable[[Token], int]) -> Token | None:
    """A name or noun before `verb` in its sentence, for parses that lost the subject."""
    doc = verb.doc
    i, found, depth = verb.i - 1, None, 0
    while i >= 0 and para(doc[i]) == para(verb):
        t = doc[i]
        if t.text in _SENT_END or t.pos_ in {"VERB", "AUX"} and t.dep_ in {"ROOT", "ccomp"}:
            break
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            depth -= 1
        elif t.i not in quoted and depth == 0 and t.is_alpha and t.dep_ not in _NOT_SUBJECT:
            if t.text[:1].isupper() and t.pos_ not in {"DET", "ADP", "ADV", "SCONJ", "CCONJ"}:
                found = t
            elif t.pos_ == "PRON" and t.lower_ in {"he", "she", "they", "it"}:
                found = t
        i -= 1
    return found


_NOT_SUBJECT = frozenset({"pobj", "poss", "compound", "amod", "dobj", "nmod", "prep"})


def _is_cue_verb(token: Token) -> str | None:
    """The cue's text when `token` is a reporting verb, else None."""
    if token.pos_ != "VERB":
        return None
    lemma = _lemma(token)
    if lemma in PHRASAL_CUES:
        prt = next((c for c in token.children if c.dep_ == "prt"), None)
        if prt is not None and prt.lower_ == PHRASAL_CUES[lemma]:
            return f"{token.text} {prt.text}"
        return None
    if lemma not in CLAUSE_VERBS:
        return None
    return token.text


def find_cues(doc: Doc, quoted: set[int], para: Callable[[Token], int]) -> list[Cue]:
    """Every reporting verb outside quotation marks that has a speaker in its paragraph."""
    cues: list[Cue] = []
    for token in doc:
        if token.i in quoted:
            continue
        text = _is_cue_verb(token)
        if text is None:
            continue
        if any(c.dep_ in {"nsubjpass", "auxpass", "neg"} for c in token.children):
            continue  # "was told", "did not say where …"
        if token.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children):
            continue  # "not authorised to speak", "declined to say"
        if token.tag_ == "VBN" and token.dep_ in {"acl", "amod", "relcl"}:
            continue
        if token.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in token.children):
            if _lemma(token) not in PARTICIPLE_CUES:
                continue
        if _lemma(token) in WEAK_VERBS and not _is_main(token):
            continue
        subject = clause_subject(token, quoted, para)
        if subject is None:
            continue
        cues.append(Cue(token, text, subject))
    return cues


def clause_subject(verb: Token, quoted: set[int], para: Callable[[Token], int]) -> Token | None:
    """The subject of `verb` from the parse, else the name or noun before it in its sentence."""
    subject = _subject(verb, para)
    if subject is None or subject.i in quoted:
        subject = _left_subject(verb, quoted, para)
    return subject


def _is_main(token: Token) -> bool:
    """The verb heads its sentence, or is coordinated with the verb that does."""
    node = token
    while node.dep_ == "conj":
        node = node.head
    return node.dep_ == "ROOT" or (node.dep_ == "parataxis" and node.head.dep_ == "ROOT")


def _bounds(tokens: list[Token]) -> tuple[int, int] | None:
    """Character span of `tokens`, trimmed of "that", marks and end punctuation."""
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (
        tokens[0].lower_ in _TRIM_LEAD or tokens[0].is_punct or tokens[0].dep_ == "cc"
    ):
        tokens = tokens[1:]
    while tokens and (_loose_end(tokens) or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    if len(tokens) < 2:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _loose_end(tokens: list[Token]) -> bool:
    """The last token is punctuation that ends no figure or bracket ("12%" keeps its sign)."""
    last = tokens[-1]
    if not last.is_punct or last.text in {"%", "‰"}:
        return False
    if last.text in {")", "]"}:
        opening = "(" if last.text == ")" else "["
        return not any(t.text == opening for t in tokens[:-1])
    return True


def _stray_complement(verb: Token) -> Token | None:
    """A "that" clause the parse hung on a phrase of the cue ("said in a statement that …")."""
    for child in verb.children:
        if child.dep_ not in {"prep", "dobj", "npadvmod"}:
            continue
        for node in child.subtree:
            if (
                node.dep_ in {"acl", "relcl"}
                and node.pos_ in {"VERB", "AUX"}
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children)
                and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in node.children)
            ):
                return node
    return None


def _split_that(clause: Token) -> list[tuple[Token, list[Token]]]:
    """A complement, and each "and that …" clause coordinated with it, as separate clauses."""
    parts = [
        c
        for c in clause.children
        if c.dep_ == "conj" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
    ]
    joined = [c for c in clause.children if _joined_cue(c)]  # reported by their own cue
    drop = {t.i for p in parts + joined for t in p.subtree}
    first = [t for t in clause.subtree if t.i not in drop]
    out = [(clause, first)]
    for p in parts:
        out.extend(_split_that(p))
    return out


def _before_cue(verb: Token, para: Callable[[Token], int], first: int | None = None) -> list[Token]:
    """The words before a trailing cue (`…, the agency said.`), back to the sentence start."""
    doc = verb.doc
    first = verb.left_edge.i if first is None else first
    while first < verb.i and doc[first].is_punct:
        first += 1
    comma = first - 1
    if comma < 1 or doc[comma].text != ",":
        return []
    i = comma - 1
    while i > 0 and para(doc[i - 1]) == para(verb) and doc[i - 1].text not in _SENT_END:
        i -= 1
    return list(doc[i:comma])


_TAIL_DEPS = frozenset({"advmod", "acomp", "npadvmod", "prep", "dobj", "oprd", "amod"})
_SETTING_NOUNS = frozenset("interview briefing conference call email post message video".split())


def _after_cue(verb: Token) -> list[Token]:
    """The words a trailing cue leaves after its comma when they still belong to the
    statement (`…, the ministry said, just short of the record.`); not a participle, a new
    clause, a date, or the setting of the cue ("…, he said, in a statement")."""
    comma = next((c for c in verb.children if c.i > verb.i and c.text == ","), None)
    if comma is None:
        return []
    heads = [verb] if verb.head.i >= verb.i else [verb, verb.head]
    tail = sorted(
        (c for h in heads for c in h.children if c.i > comma.i and not c.is_punct),
        key=lambda t: t.i,
    )
    if not tail or any(c.dep_ not in _TAIL_DEPS for c in tail):
        return []
    for child in tail:
        if child.ent_type_ in {"DATE", "TIME"}:
            return []
        objs = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
        if any(
            g.lemma_ in DOCUMENT_NOUNS | _SETTING_NOUNS or g.ent_type_ in {"DATE", "TIME"}
            for g in objs
        ):
            return []
    return [t for c in tail for t in c.subtree]


def reported_clauses(
    doc: Doc, cue: Cue, para: Callable[[Token], int]
) -> list[tuple[int, int, Token]]:
    """(start, end, head verb) of each clause `cue` reports, outside its own words."""
    verb = cue.token
    lemma = _lemma(verb)
    own = {t.i for t in verb.subtree}
    spans: list[tuple[list[Token], Token]] = []
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    if not comps:
        stray = _stray_complement(verb)
        comps = [stray] if stray is not None else []
    if lemma in QUOTE_ONLY_VERBS:
        comps = []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if (
        comps
        and subject is not None
        and verb.dep_ == "conj"
        and verb.head.i < verb.i
        and all(c.i < subject.i for c in comps)
    ):  # "A rose and B fell, the office said": the parse split the statement at "and"
        before = _before_cue(verb, para, subject.left_edge.i)
        if before and before[0].i < min(c.left_edge.i for c in comps):
            comps = []
            spans.append((before, verb.head))
    for comp in comps:
        spans.extend((tokens, head) for head, tokens in _split_that(comp))
    if spans and all(c.i < verb.i for c in comps):  # "A rose, the office said, well above …"
        spans[-1] = (spans[-1][0] + _after_cue(verb), spans[-1][1])
    trailing = verb.dep_ in {"parataxis", "advcl", "conj"} and verb.head.i < verb.i
    if not comps and trailing and any(c.dep_ == "nsubj" for c in verb.children):
        before = _before_cue(verb, para)
        if before:
            spans.append((before + _after_cue(verb), verb.head))
    if not comps and verb.dep_ == "parataxis" and verb.head.i > verb.i:  # interrupted
        head = verb.head
        intro = {
            t.i
            for c in head.children
            if c.i < verb.i and c.dep_ in {"prep", "advmod", "npadvmod", "advcl"}
            for t in c.subtree
        }
        own = {t.i for t in verb.subtree} | intro
        spans.append(([t for t in head.subtree if t.i not in own], head))
    if not comps and not spans:
        dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if dobj is None:  # "called on governments to act"
            dobj = next(
                (
                    g
                    for c in verb.children
                    if c.dep_ == "prep" and c.lower_ in {"on", "upon"}
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
        if lemma in INFINITIVE_VERBS and xcomp is not None:
            first = dobj if dobj is not None and dobj.i < xcomp.i else xcomp
            first = first.left_edge if first is dobj else first
            tokens = [t for t in doc[first.left_edge.i : xcomp.right_edge.i + 1]]
            spans.append((tokens, xcomp))
        elif lemma in NP_OBJECT_VERBS and dobj is not None and dobj.pos_ in {"NOUN", "PROPN"}:
            spans.append((list(dobj.subtree), dobj))
    out: list[tuple[int, int, Token]] = []
    home = para(verb)
    for tokens, head in spans:
        bounds = _bounds([t for t in tokens if para(t) == home])
        if bounds is not None:
            out.append((bounds[0], bounds[1], head))
    return out


_SOURCE_DOCS = (
    DOCUMENT_NOUNS
    | ESTIMATE_NOUNS
    | frozenset("revision projection forecast findings tally".split())
)


def source_phrases(doc: Doc) -> list[tuple[Token, Token]]:
    """(anchor, claimant) for each "according to X" and "by X's count" in `doc`."""
    out: list[tuple[Token, Token]] = []
    for t in doc:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            obj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                out.append((t, obj))
        elif t.dep_ == "poss" and t.head.lemma_.lower() in _SOURCE_DOCS and t.head.dep_ != "pobj":
            out.append((t.head, t))
        elif t.lower_ == "by" and t.dep_ in {"prep", "agent"}:
            obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lower_ in ESTIMATE_NOUNS:
                owner = next((c for c in obj.children if c.dep_ == "poss"), None)
                if owner is not None:
                    out.append((t, owner))
    return out
