"""What a figure measures, read from the parse: the counted noun, a subject phrase, a direction.

The subject is a short phrase made of the measured noun with its modifiers and the predicate
that says what happened to it ("Russian troops pulled off the Ukrainian front"), not the
whole sentence: the clause verb and the heads of its other arguments, each with its compounds
and adjectives.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimledger.extract.figures import Figure
from claimledger.extract.units import TIME_UNITS

UP = frozenset(
    "rise increase grow climb jump gain add surge soar rebound raise boost expand swell mount "
    "accelerate spike double triple up upward".split()
)
DOWN = frozenset(
    "fall drop decline decrease shrink slip slide plunge tumble sink cut lower reduce lose shed "
    "slash ease dip contract down downward fewer less revise_down".split()
)
REPORTING = frozenset(
    "say tell report estimate add note warn announce claim write state insist acknowledge "
    "confirm find show suggest believe think argue explain".split()
)
KEEP_DEPS = {"compound", "amod", "poss", "nmod", "npadvmod"}
ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "pobj", "agent", "oprd", "acomp", "dative"}
MAX_WORDS = 12


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


def _compact(tok: Token, skip: set[int], depth: int = 0) -> list[Token]:
    """A noun with its compounds, adjectives, possessives and a short 'of'/'in' phrase."""
    out = [tok]
    for child in tok.children:
        if child.i in skip:
            continue
        if child.dep_ in KEEP_DEPS or (child.dep_ == "neg"):
            out.extend(_compact(child, skip, depth + 1))
        elif (
            child.dep_ == "prep" and depth < 1 and child.lower_ in ("of", "in", "from", "on", "for")
        ):
            objs = [c for c in child.children if c.dep_ == "pobj" and c.i not in skip]
            if objs:
                out.append(child)
                out.extend(_compact(objs[0], skip, depth + 1))
        elif child.dep_ == "prt":
            out.append(child)
    return out


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


TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow "
    "week weekend month year day morning evening night tonight".split()
)
LIGHT_VERBS = frozenset("be have do get make".split())
CLAUSE_DEPS = {"advcl", "ccomp", "conj", "parataxis", "cc", "mark", "punct", "aux", "auxpass"}
FREE_PREPS = frozenset("of to in on for by with from at as into over off".split())
PREFIX = {"percent": "share of", "fraction": "share of", **dict.fromkeys(TIME_UNITS, "time")}


def _clause_tokens(verb: Token, fig: Figure) -> list[Token]:
    """The verb's clause: its subtree less the side clauses that do not hold the figure."""
    out = [verb]
    light = verb.lemma_.lower() in LIGHT_VERBS
    for child in verb.children:
        if child.dep_ in CLAUSE_DEPS and not _holds(child, fig):
            if not (light and child.dep_ == "advcl"):
                continue
        if child.dep_ in ("npadvmod", "advmod") and not _holds(child, fig):
            continue
        out.extend(child.subtree)
    return out


def _borrowed_subject(verb: Token, skip: set[int]) -> list[Token]:
    """The subject a verb shares with the verb it is coordinated with or depends on."""
    cur = verb
    for _ in range(4):
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ != "PRON":
            return [] if cur is verb else _compact(subj, skip)
        if subj is not None and cur.dep_ != "conj":
            return []
        if cur.dep_ not in ("conj", "advcl", "xcomp") or cur.head.i == cur.i:
            return []
        cur = cur.head
    return []


def _usable(tok: Token, skip: set[int]) -> bool:
    """Whether a token belongs in a subject phrase: content words and dates, no figures."""
    if tok.i in skip or tok.is_punct or tok.is_space:
        return False
    if tok.like_num:
        return tok.ent_type_ == "DATE" and tok.text.isdigit() and len(tok.text) == 4
    if tok.pos_ in ("DET", "PRON", "AUX", "CCONJ", "SCONJ", "PART", "NUM", "SYM", "X", "ADV"):
        return tok.dep_ == "neg"
    if tok.pos_ == "ADP" and tok.lower_ not in FREE_PREPS:
        return False
    if tok.lemma_.lower() in LIGHT_VERBS or tok.lower_ in TIME_WORDS:
        return False
    return not (tok.lemma_.lower() in REPORTING and tok.pos_ == "VERB")


def _attribution_tokens(doc: Doc, start: int, end: int) -> set[int]:
    """Tokens of "according to X" phrases, which say who claims, not what is measured."""
    out: set[int] = set()
    for tok in doc[start:end]:
        if tok.lower_ == "according":
            out.update(t.i for t in tok.subtree)
            if tok.i + 1 < end:
                out.update(t.i for t in doc[tok.i + 1].subtree)
    return out


def subject_of(
    doc: Doc, fig: Figure, sent_start: int, sent_end: int, others: list[Figure] | None = None
) -> str | None:
    """A short phrase for what the figure measures, from its noun and its clause."""
    skip = set(range(fig.start, fig.end)) - ({fig.noun} if fig.noun is not None else set())
    for other in others or []:
        skip.update(range(other.start, other.end))
        skip.discard(fig.noun if fig.noun is not None else -1)
    skip |= _attribution_tokens(doc, sent_start, sent_end)
    top = _top(doc, fig)
    picked: list[Token] = []
    own_noun = fig.noun is not None and fig.start <= fig.noun < fig.end
    if fig.noun is not None and not own_noun:
        picked.append(doc[fig.noun])
    if own_noun and fig.noun is not None:
        picked.extend(_compact(doc[fig.noun], skip - {fig.noun}))
        for child in doc[fig.noun].children:
            if child.dep_ in ("acl", "relcl") and child.i not in skip:
                picked.extend(child.subtree)
    for child in top.children:
        if child.dep_ == "prep" and child.i >= fig.end and child.lower_ in ("of", "in"):
            picked.extend(child.subtree)
    verb = None
    if top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.pos_ == "NOUN":
        measured = top.head.head
        picked.extend(_compact(measured, skip | {top.head.i}))
        verb = _clause_verb(measured)
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb else []
        if subj and not _holds(subj[0], fig):
            picked.extend(_compact(subj[0], skip))
        verb = None
    elif (verb := _clause_verb(top)) is not None:
        picked.extend(_clause_tokens(verb, fig))
        picked.extend(_borrowed_subject(verb, skip))
    own = set(range(fig.start, fig.end))
    theirs = {i for other in others or [] for i in range(other.start, other.end)} - own
    seen: dict[int, Token] = {}
    for tok in picked:
        if sent_start <= tok.i < sent_end and _usable(tok, skip):
            if not _hangs_off(tok, own, theirs):
                seen[tok.i] = tok
    toks = sorted(seen.values(), key=lambda t: abs(t.i - fig.start))[:MAX_WORDS]
    toks.sort(key=lambda t: t.i)
    while toks and toks[-1].pos_ == "ADP":
        toks.pop()
    while toks and toks[0].pos_ == "ADP":
        toks.pop(0)
    words = [t.text for t in toks]
    prefix = PREFIX.get(fig.unit or "")
    if fig.unit == "percent" and not (fig.end < sent_end and doc[fig.end].lower_ == "of"):
        prefix = None  # a rate or a change, not a share of something
    if prefix:
        words.insert(0, prefix)
    return " ".join(words) if words else None


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


def _holds(tok: Token, fig: Figure) -> bool:
    return tok.left_edge.i <= fig.start and fig.end - 1 <= tok.right_edge.i
