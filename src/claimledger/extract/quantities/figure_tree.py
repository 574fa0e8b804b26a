"""Where a figure sits in the parse, for its subject phrase.

The figure's top token and the verb of its clause, whether it is a rise or a fall, the part
of a partitive it is ("Four of the six members"), and which tokens may join a subject phrase.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimledger.extract.quantities.figures import Figure
from claimledger.extract.quantities.subject_words import (
    ARG_PREPS,
    DOWN,
    LIGHT_VERBS,
    REPORTING,
    TIME_WORDS,
    UP,
)


def _anchor(doc: Doc, fig: Figure) -> Token:
    """The token that stands for the figure in the parse: its noun, unit word or number."""
    if fig.noun is not None:
        return doc[fig.noun]
    last = doc[fig.end - 1]
    if last.is_punct and fig.end - 2 >= fig.start:
        last = doc[fig.end - 2]
    return last


def figure_top(doc: Doc, fig: Figure) -> Token:
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
    top = figure_top(doc, fig)
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


def attribution_tokens(doc: Doc, start: int, end: int) -> set[int]:
    """Tokens of "according to X" phrases, which say who claims, not what is measured."""
    out: set[int] = set()
    for tok in doc[start:end]:
        if tok.lower_ == "according":
            out.update(t.i for t in tok.subtree)
            if tok.i + 1 < end:
                out.update(t.i for t in doc[tok.i + 1].subtree)
    return out


def partitive_whole(doc: Doc, fig: Figure, others: list[Figure]) -> Figure | None:
    """The figure this one is a part of: "Four of the six members" -> "six members"."""
    if fig.noun is not None and fig.start <= fig.noun < fig.end:
        return None
    top = own_top(doc, fig)
    for prep in top.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                return next((o for o in others if o.start <= obj.i < o.end), None)
    return None


def clause_verb(tok: Token) -> Token | None:
    """The verb (or adjective predicate) of the clause that holds `tok`."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("amod", "compound"):
            return cur
        if cur.head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX", "ADJ") else None
        cur = cur.head
    return None


def usable(tok: Token, skip: set[int]) -> bool:
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


def hangs_off(tok: Token, own: set[int], theirs: set[int]) -> bool:
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


def own_top(doc: Doc, fig: Figure) -> Token:
    """The highest token among the figure's own tokens."""
    tok = doc[fig.end - 1]
    if tok.is_punct and fig.end - 2 >= fig.start:
        tok = doc[fig.end - 2]
    while fig.start <= tok.head.i < fig.end and tok.head.i != tok.i:
        tok = tok.head
    return tok


def leads(prep: Token, kept: set[int]) -> bool:
    """Whether a preposition still has its object in the phrase."""
    return any(child.i in kept for child in prep.children)
