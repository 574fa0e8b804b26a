"""Quotes and reported speech, with their resolved speakers.

Two kinds of statement come out, one entry per clause a reporting verb introduces:
- direct: a stretch inside quotation marks, attached to the cue that governs it
  (`called the plan “a disaster”`), the cue next to it (`“…,” he said`), or, when it has
  none, the speaker of the stretch before it in the paragraph or of the paragraph before;
- reported: the clause a reporting verb takes (`X said (that) …`, `…, X said`), its object
  for verbs such as "stressed", or object and infinitive for verbs such as "urged".
A reported clause whose main verb lies inside quotation marks is given only as the direct
quote. Quoted titles, callsigns and scare quotes that no cue governs are not statements.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimledger.extract.quotes.cues import (
    Cue,
    clause_subject,
    find_cues,
    is_sentence_end,
    reported_clauses,
    source_phrases,
)
from claimledger.extract.quotes.lexicon import ALIAS_NOUNS, NAMING_VERBS
from claimledger.extract.quotes.marks import MARKS, Stretch, find_stretches, paragraph_spans
from claimledger.extract.quotes.speakers import Speaker, SpeakerIndex
from claimledger.model import Article, Quote

LOGGER = logging.getLogger(__name__)

_MAX_SCAN = 14
_MIN_STANDALONE_WORDS = 5


@dataclass(slots=True)
class _Entry:
    cue: Cue
    direct: bool
    start: int
    end: int
    paragraph: int


@dataclass(slots=True, frozen=True)
class Source:
    """A claimant named by "according to X" or "by X's count", and where it applies."""

    name: str
    start: int  # the phrase the attribution attaches to
    end: int
    sentence_start: int
    sentence_end: int
    anchor: int  # where the "according to" or "by" phrase starts


def extract_quotes(doc: Doc, article: Article) -> list[Quote]:
    """Every attributed statement in the article, direct and reported, in text order."""
    return analyse_statements(doc)[0]


def find_sources(doc: Doc) -> list[Source]:
    """Claimants the article names without a statement ("according to X", "by X's count")."""
    return analyse_statements(doc)[1]


def analyse_statements(doc: Doc) -> tuple[list[Quote], list[Source]]:
    """The article's statements and its statement-less claimants, from one analysis."""
    text = doc.text
    paragraphs = paragraph_spans(text)
    stretches = find_stretches(text)
    quoted: set[int] = set()
    stretch_tokens: list[list[Token]] = []
    for s in stretches:
        span = doc.char_span(s.start, s.end, alignment_mode="expand")
        tokens = list(span) if span is not None else []
        stretch_tokens.append(tokens)
        quoted.update(t.i for t in tokens)
    index = SpeakerIndex(doc, paragraphs, quoted)
    cues = find_cues(doc, quoted, index.paragraph_of)
    by_token = {c.token.i: c for c in cues}

    entries: list[_Entry] = []
    for cue in cues:
        for start, end, head in reported_clauses(doc, cue, index.paragraph_of):
            if head.i in quoted:
                continue
            end = _close_mark(text, start, end)
            entries.append(_Entry(cue, False, start, end, index.paragraph_of(head)))
    _split_participles(text, entries, cues)
    # a finite cue inside another statement's clause is part of that statement
    entries = [e for e in entries if _own(e, entries)]

    para = index.paragraph_of
    attached: list[Cue | None] = []
    for tokens in stretch_tokens:
        governing = _governing_cue(tokens, by_token, quoted, para) or _adjacent_cue(
            doc, tokens, by_token, quoted, para
        )
        attached.append(None if _is_alias(doc, tokens, governing is not None) else governing)
    _propagate(stretches, attached, entries, paragraphs, text, cues, para)
    for s, stretch_cue in zip(stretches, attached, strict=True):
        if stretch_cue is not None:
            entries.append(_Entry(stretch_cue, True, s.start, s.end, s.paragraph))

    anchors = source_phrases(doc)
    speakers = _resolve_speakers(doc, index, cues, entries, quoted, anchors)
    quotes: list[Quote] = []
    for e in sorted(entries, key=lambda e: (e.start, not e.direct)):
        sp = speakers.get(e.cue.token.i)
        if sp is None or sp.name is None:
            continue
        role = sp.entity.role if sp.entity is not None else sp.role
        content = _content(text, e)
        quotes.append(
            Quote(sp.name, role, e.cue.text, e.direct, content, e.start, e.end, sp.start, sp.end)
        )
    sources = [
        _source(doc, anchor, speakers[-1 - claimant.i], paragraphs[index.paragraph_of(anchor)])
        for anchor, claimant in anchors
        if -1 - claimant.i in speakers and speakers[-1 - claimant.i].name
    ]
    return _dedupe(quotes), sources


def _source(doc: Doc, anchor: Token, speaker: Speaker, paragraph: tuple[int, int]) -> Source:
    head = anchor.head
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    sent = anchor.sent
    s_start = max(sent.start_char, paragraph[0])
    s_end = min(sent.end_char, paragraph[1])
    for t in sent:  # "…, according to X, taking the total to …": the outlet's sum
        if t.tag_ == "VBG" and t.dep_ == "advcl" and t.left_edge.i > anchor.i:
            s_end = min(s_end, t.left_edge.idx)
            end = min(end, t.left_edge.idx)
    return Source(speaker.name or "", start, end, s_start, s_end, anchor.idx)


def _close_mark(text: str, start: int, end: int) -> int:
    """Take in the closing mark of a quotation the clause opens but does not close."""
    if sum(text[start:end].count(c) for c in MARKS) % 2 == 0:
        return end
    for k in range(end, min(end + 3, len(text))):
        if text[k] in MARKS:
            return k + 1
    return end


def _content(text: str, e: _Entry) -> str:
    """The entry's words; a cue that interrupts a reported clause is cut out of it."""
    verb = e.cue.token
    if e.direct or not e.start < verb.idx < e.end:
        return text[e.start : e.end]
    left = min(
        [verb.idx]
        + [t.idx for c in verb.lefts if c.dep_ not in {"ccomp", "conj"} for t in c.subtree]
    )
    right = max(t.idx + len(t) for t in verb.subtree)
    joint = " "
    comma = next((c for c in verb.children if c.i > verb.i and c.text == ","), None)
    interrupted = verb.dep_ == "parataxis" and verb.head.i > verb.i
    if comma is not None and comma.idx < e.end and not interrupted:
        right, joint = comma.idx, ", "  # "…, the ministry said, just short of …"
    head = text[e.start : left].rstrip(" ,;—–")
    tail = text[right : e.end].lstrip(" ,;—–")
    return joint.join(part for part in (head, tail) if part)


def _split_participles(text: str, entries: list[_Entry], cues: list[Cue]) -> None:
    """End a clause where a participle cue inside it starts (`…, saying …`)."""
    for e in entries:
        for cue in cues:
            t = cue.token
            if t is e.cue.token or not e.start < t.idx < e.end or t.tag_ != "VBG":
                continue
            if any(c.dep_ == "nsubj" for c in t.children):
                continue
            cut = t.left_edge.idx
            while cut > e.start and (text[cut - 1].isspace() or text[cut - 1] in ",;—–-"):
                cut -= 1
            if cut > e.start:
                e.end = min(e.end, cut)


def _own(entry: _Entry, entries: list[_Entry]) -> bool:
    """True when no other entry's clause holds this entry's cue."""
    pos = entry.cue.token.idx
    return not any(o is not entry and o.start <= pos < o.end for o in entries)


def _is_alias(doc: Doc, tokens: list[Token], cued: bool) -> bool:
    """A quoted name (a callsign, a nickname, a title) or a quoted aside in brackets."""
    if not tokens:
        return True
    before = [t for t in doc[max(tokens[0].i - 4, 0) : tokens[0].i] if not t.is_quote]
    if before and before[-1].text == "(":
        return True
    if any(t.lower_ in ALIAS_NOUNS or t.lower_ == "sign" for t in before[-3:]):
        return True
    last = before[-1] if before else None
    if last is not None and (
        (last.lemma_.lower() in NAMING_VERBS and last.tag_ == "VBN")
        or (last.lower_ == "as" and len(before) > 1 and before[-2].lemma_ in NAMING_VERBS)
    ):
        return True
    words = [t for t in tokens if t.is_alpha]
    return (
        not cued
        and 0 < len(words) <= 3
        and all(t.text[:1].isupper() for t in words)
        and not any(t.pos_ in {"VERB", "AUX"} for t in tokens)
        and tokens[-1].text not in {".", "!", "?"}
    )


def _governing_cue(
    tokens: list[Token],
    by_token: dict[int, Cue],
    quoted: set[int],
    para: Callable[[Token], int],
) -> Cue | None:
    """The cue the quoted words hang on in the parse (`called it “a win”`)."""
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    home = para(tokens[0])
    for root in (t for t in tokens if t.head.i not in inside or t.head.i == t.i):
        node, steps = root, 0
        while node.head.i != node.i and steps < 8:
            edge, node = node.dep_, node.head
            steps += 1
            if para(node) != home:
                break
            if node.i in quoted:
                continue
            cue = by_token.get(node.i)
            if cue is not None:
                return None if edge in {"nsubj", "nsubjpass", "csubj"} else cue
            if node.pos_ == "VERB" and node.dep_ == "acl" and node.lemma_ in NAMING_VERBS:
                return None
            if edge in {"nsubj", "nsubjpass"} and node.pos_ in {"VERB", "AUX"}:
                continue
    return None


def _adjacent_cue(
    doc: Doc,
    tokens: list[Token],
    by_token: dict[int, Cue],
    quoted: set[int],
    para: Callable[[Token], int],
) -> Cue | None:
    """A cue right after the closing mark (`,” he said`) or before the opening one."""
    if not tokens:
        return None
    home = para(tokens[0])
    i, steps = tokens[-1].i + 1, 0
    while i < len(doc) and steps < _MAX_SCAN:
        t = doc[i]
        if t.i in quoted or (is_sentence_end(t) and steps > 0) or para(t) != home:
            break
        if t.i in by_token:
            return by_token[t.i]
        i, steps = i + 1, steps + 1
    i, steps = tokens[0].i - 1, 0
    while i >= 0 and steps < _MAX_SCAN:
        t = doc[i]
        if t.i in quoted or (is_sentence_end(t) and steps > 1) or para(t) != home:
            break
        if t.i in by_token:
            return by_token[t.i]
        i, steps = i - 1, steps + 1
    return None


def _propagate(
    stretches: list[Stretch],
    attached: list[Cue | None],
    entries: list[_Entry],
    paragraphs: list[tuple[int, int]],
    text: str,
    cues: list[Cue],
    para: Callable[[Token], int],
) -> None:
    """Give uncued stretches the cue of their neighbours, or of the paragraph before."""
    for k, s in enumerate(stretches):
        if attached[k] is not None:
            continue
        prev = k - 1
        if prev >= 0 and (
            stretches[prev].paragraph == s.paragraph
            or (stretches[prev].continued and stretches[prev].paragraph == s.paragraph - 1)
        ):
            attached[k] = attached[prev]
    for k in range(len(stretches) - 1, -1, -1):
        s = stretches[k]
        nxt = k + 1
        if (
            attached[k] is None
            and nxt < len(stretches)
            and (
                stretches[nxt].paragraph == s.paragraph
                or (s.continued and stretches[nxt].paragraph == s.paragraph + 1)
            )
        ):
            attached[k] = attached[nxt]
    for k, s in enumerate(stretches):
        if attached[k] is not None or not _whole_sentences(s, paragraphs, text):
            continue
        spoken = [e for e in entries if e.start < s.start]
        spoken += [
            _Entry(c, False, c.token.idx, c.token.idx, para(c.token))
            for c in cues
            if c.token.idx < s.start
        ]
        spoken += [
            _Entry(c, True, o.start, o.end, o.paragraph)
            for o, c in zip(stretches, attached, strict=True)
            if c is not None and o.start < s.start
        ]
        here = [e for e in spoken if e.paragraph == s.paragraph]
        if not here and s.start - paragraphs[s.paragraph][0] <= 2:
            here = [e for e in spoken if e.paragraph == s.paragraph - 1]
        if here:
            attached[k] = max(here, key=lambda e: e.start).cue


def _whole_sentences(s: Stretch, paragraphs: list[tuple[int, int]], text: str) -> bool:
    """Quoted sentences standing alone, which read as speech; not a heading or a title."""
    p_start, p_end = paragraphs[s.paragraph]
    inner = text[s.start : s.end].rstrip()
    before = text[p_start : max(p_start, s.start - 1)].rstrip()
    after = text[s.end : p_end].lstrip('”"»')
    if before and before[-1] not in '.?!:…”"':
        return False
    if after[:1] and not after[:1].isspace():
        return False
    return len(inner.split()) >= _MIN_STANDALONE_WORDS and inner[-1:] in ".?!…"


def _resolve_speakers(
    doc: Doc,
    index: SpeakerIndex,
    cues: list[Cue],
    entries: list[_Entry],
    quoted: set[int],
    anchors: list[tuple[Token, Token]],
) -> dict[int, Speaker]:
    """Resolve every cue's subject, main-clause subjects and named sources, in text order.

    The result maps a cue's token index to its speaker, and `-1 - i` to the claimant whose
    head is token `i` in an "according to" or "by X's count" phrase.
    """
    blocked = set(quoted)
    for e in entries:
        if not e.direct:
            span = doc.char_span(e.start, e.end, alignment_mode="expand")
            blocked.update(t.i for t in span or [])
    mentions: dict[int, list[int]] = {}
    for cue in cues:
        if cue.subject is not None:
            mentions.setdefault(cue.subject.i, []).append(cue.token.i)
    para = index.paragraph_of
    for t in doc:
        if t.pos_ in {"VERB", "AUX"} and t.i not in blocked:
            top = t.dep_ == "ROOT" or para(t.head) != para(t)
            if top or (t.dep_ == "conj" and t.head.dep_ == "ROOT"):
                subject = clause_subject(t, blocked, para)
                if subject is not None and subject.i not in blocked:
                    mentions.setdefault(subject.i, [])
    for _, claimant in anchors:
        mentions.setdefault(claimant.i, []).append(-1 - claimant.i)
    speakers: dict[int, Speaker] = {}
    for i in sorted(mentions):
        head = doc[i]
        if head.pos_ not in {"PROPN", "NOUN", "PRON", "NUM"} and not head.ent_type_:
            if not (mentions[i] and head.text[:1].isupper()):
                continue
        if head.pos_ == "PRON" and not mentions[i]:
            continue
        if any(key >= 0 for key in mentions[i]):
            index.speaking.add(i)
        speaker = index.resolve(head)
        for key in mentions[i]:
            speakers[key] = speaker
            if key >= 0 and speaker.entity is not None and speaker.entity.gender is None:
                speaker.entity.gender = _own_pronoun(doc[key])
    return speakers


def _own_pronoun(verb: Token) -> str | None:
    """'m' or 'f' from "X said he/she …", which nearly always means X."""
    for comp in (c for c in verb.children if c.dep_ == "ccomp"):
        for subj in (c for c in comp.children if c.dep_ == "nsubj"):
            if subj.lower_ in {"he", "she"}:
                return "m" if subj.lower_ == "he" else "f"
    return None


def _words(text: str) -> set[str]:
    return {w for w in "".join(c.lower() if c.isalnum() else " " for c in text).split()}


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """Drop a statement that repeats an earlier one by the same speaker (captions)."""
    kept: list[Quote] = []
    for q in quotes:
        words = _words(q.content)
        repeat = False
        for k in kept:
            if k.speaker != q.speaker and not (
                k.speaker and q.speaker and (k.speaker in q.speaker or q.speaker in k.speaker)
            ):
                continue
            other = _words(k.content)
            small = min(len(words), len(other)) or 1
            if (k.start, k.end) == (q.start, q.end) or (
                k.direct == q.direct and len(words & other) / small >= 0.8 and small >= 4
            ):
                repeat = True
                break
        if not repeat:
            kept.append(q)
    return kept
