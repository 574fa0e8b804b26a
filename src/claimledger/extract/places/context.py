"""Reading the words around a capitalised name: where a name begins and ends, and what its
context says about it ("the towns of X and Y", "X, a village in Y", "residents of X",
"in X, where ...", "Y's X").

These are pure functions over the spaCy Doc and token indices; `places` combines them into
candidates and judges each name once per article.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from claimledger.extract.places.gazetteer import name_key
from claimledger.extract.places.lexicon import (
    COMPASS,
    CUE_KIND,
    DEMONYM,
    DIRECTION_PREFIX,
    DIVISION_WORDS,
    FACILITY_HEADS,
    FRONT_HEADS,
    GENERIC,
    INNER_PARTICLES,
    LOC_PREPS,
    MONTHS,
    NON_PLACE_HEADS,
    OF_PLACE,
    PEOPLE_FROM,
    PEOPLE_IN,
)

_NOT_NAME_POS = {"ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX", "ADV", "PART", "PUNCT", "NUM"}
_ELIDED = re.compile(r"^[dl]['\u2019][A-Z]")  # "d'Ivoire", "l'Aquila"
_APPOS_DET = {"a", "an", "the"}
APPOS_JOINS = {"-", "'s", "\u2019s"}
# prepositions that place an unknown name when the tagger also calls it a place
# "In Buddhism, ...", "In Christianity, ...": faiths and doctrines, not places
_FAITH = re.compile(r"(?:ism|ity|Islam)$")
_PLACING_PREPS = {"in", "near", "around", "outside", "across", "throughout", "inside"}


def is_namelike(tok: Token) -> bool:
    """A token that can be part of a proper name."""
    text = tok.text
    if not text or not (text[0].isupper() or _ELIDED.match(text)) or tok.pos_ in _NOT_NAME_POS:
        return False
    if tok.ent_type_ in {"DATE", "TIME"} or tok.lower_.rstrip(".") in MONTHS:
        return False
    return not (tok.is_sent_start and tok.is_stop)


def name_word(tok: Token) -> bool:
    """A namelike token that is not a common noun opening a sentence ("Residents of X")."""
    return is_namelike(tok) and not (tok.is_sent_start and tok.pos_ not in {"PROPN", "X"})


def run_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The maximal capitalised name run around tokens [start, end), across 'of'/'for'/'&'."""
    i = start
    while i > 0:
        prev = doc[i - 1]
        if name_word(prev) and prev.whitespace_:
            i -= 1
        elif prev.lower_ in {"of", "for", "&"} and i > 1 and name_word(doc[i - 2]):
            i -= 2
        else:
            break
    j = end
    while j < len(doc):
        nxt = doc[j]
        if is_namelike(nxt) and doc[j - 1].whitespace_:
            j += 1
        elif nxt.lower_ in {"of", "for", "&"} and j + 1 < len(doc) and is_namelike(doc[j + 1]):
            j += 2
        else:
            break
    return i, j


def facility_len(doc: Doc, i: int) -> int:
    """Tokens of a facility head at token i ("NPP", "air base", "coke plant"), or 0."""
    for head in FACILITY_HEADS:
        if tuple(t.lower_ for t in doc[i : i + len(head)]) == head:
            return len(head)
    for k, tok in enumerate(doc[i : i + 3]):
        if not tok.text.islower() or tok.pos_ not in {"NOUN", "ADJ"}:
            return 0
        if k and (tok.lower_,) in FACILITY_HEADS:
            return k + 1
    return 0


def kind_cue_before(doc: Doc, i: int) -> str | None:
    """'the territory of X', 'the towns of Y and X'."""
    j = i - 1
    while j >= 1 and (doc[j].lower_ in {"and", ","} or is_namelike(doc[j])):
        j -= 1
        if j < i - 8:
            return None
    if j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in CUE_KIND:
        word = doc[j - 1].lower_
        return "region" if word == "capital" else CUE_KIND[word]
    return None


def kind_cue_after(doc: Doc, end: int) -> str | None:
    """'X, a town of 5,000', 'X, the capital of ...', 'X, a port city'."""
    return appositive(doc, end)[0]


def appositive(doc: Doc, end: int) -> tuple[str | None, str | None]:
    """The kind an appositive gives a name, and the place it puts it in:
    'X, a farming village in Zamfara state' -> ('village', 'Zamfara')."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in _APPOS_DET:
        return None, None
    kind: str | None = None
    k = end + 2
    while k < min(len(doc), end + 8):
        tok = doc[k]
        word = CUE_KIND.get(tok.lower_)
        if word and (kind is None or kind == "port"):
            kind = word
        elif kind is not None:
            break
        elif tok.pos_ not in {"ADJ", "ADV", "NOUN", "PROPN", "NUM"} and tok.text not in APPOS_JOINS:
            return None, None
        k += 1
    if kind is None or (k < len(doc) and doc[k].pos_ == "NOUN" and doc[k].is_lower):
        return None, None  # "X, a town councillor": the kind word only modifies
    if k + 1 < len(doc) and doc[k].lower_ in {"in", "of", "on"}:
        j = k + 2 if doc[k + 1].lower_ in DIRECTION_PREFIX and doc[k + 1].is_lower else k + 1
        stop = j
        while stop < len(doc) and is_namelike(doc[stop]) and stop - j < 4:
            stop += 1
        if stop > j:
            return kind, doc[j:stop].text
    return kind, None


def context_marks_place(doc: Doc, start: int, end: int) -> bool:
    """Whether the words around a name say it is a place: 'a farmer from X', 'residents of
    X', 'officials in X', 'in X, where ...', 'X, 40 km north of Y'."""
    if end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].is_lower:
        return False  # a modifier: "workers in Acme warehouses"
    prev = doc[start - 1].lower_ if start >= 1 else ""
    before = doc[start - 2].lower_ if start >= 2 else ""
    if (prev == "from" and before in PEOPLE_FROM) or (prev == "in" and before in PEOPLE_IN):
        return True
    if prev == "of" and before in OF_PLACE:
        return True
    if opening_in(doc, start, end):
        return True
    if end + 1 < len(doc) and doc[end].text == ",":
        if doc[end + 1].lower_ == "where" and prev in LOC_PREPS:
            return True
        window = doc[end + 1 : end + 9]
        for k, tok in enumerate(window[:-1]):
            if tok.lower_ in COMPASS and window[k + 1].lower_ == "of":
                return any(t.like_num for t in window[:k])
    return False


def opening_in(doc: Doc, start: int, end: int) -> bool:
    """'In Xyz, fishermen said ...': a sentence opening with "In", a name and a comma sets
    the scene in a place (months, demonyms, languages and faiths aside)."""
    if start < 1 or doc[start - 1].text != "In" or not doc[start - 1].is_sent_start:
        return False
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    tokens = doc[start:end]
    if any(not t.is_alpha or t.ent_type_ in {"PERSON", "ORG", "DATE"} for t in tokens):
        return False
    return not (DEMONYM.search(tokens[-1].text) or _FAITH.search(tokens[-1].text))


def name_suffix(doc: Doc, end: int) -> tuple[int, str | None, str | None]:
    """A division word, facility or front head after a name: (mention_end, cue, special)."""
    if end < len(doc) and doc[end].lower_ in DIVISION_WORDS:
        return end + 1, "region", None
    n = facility_len(doc, end)
    if n:
        return end + n, None, "facility"
    if end < len(doc) and doc[end].lower_ in FRONT_HEADS and doc[end].text.islower():
        return end + 1, None, "front"
    return end, None, None


def enclosing(doc: Doc, end: int) -> str | None:
    """'Jackson Hole, Wyoming', 'Kutch, in Gujarat': the enclosing place's name after a
    comma."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    first = end + 2 if doc[end + 1].lower_ == "in" else end + 1
    k = first
    while k < len(doc) and is_namelike(doc[k]) and k - first < 3:
        k += 1
    return doc[first:k].text if k > first else None


def could_be_place(doc: Doc, start: int, end: int) -> bool:
    """Whether a name the gazetteer lacks may be a place at all: not a generic word, not an
    organisation or building ("Trump Tower"), not an owner ("Acme's plant")."""
    if name_key(doc[start:end].text) in GENERIC or doc[end - 1].lower_ in NON_PLACE_HEADS:
        return False
    return not (end < len(doc) and doc[end].text in APPOS_JOINS and doc[end].text != "-")


def tagged_place(doc: Doc, start: int, end: int) -> bool:
    """'clashes in Xyz' where the tagger also calls Xyz a place."""
    if start < 1 or doc[start - 1].lower_ not in _PLACING_PREPS:
        return False
    return all(t.ent_type_ in {"GPE", "LOC"} for t in doc[start:end])


def after_place_preposition(doc: Doc, i: int) -> bool:
    """Whether a name follows a preposition of place, alone or in a list ("in X and Y")."""
    j = i - 1
    while j >= 0 and j > i - 12:
        tok = doc[j]
        if tok.lower_ in LOC_PREPS:
            return tok.lower_ != "between"
        if not (is_namelike(tok) or tok.lower_ in {"and", "or", ","}):
            return False
        j -= 1
    return False


def possessor(doc: Doc, i: int) -> str | None:
    """'Georgia's Fulton County': the name before the possessive."""
    if i < 2 or doc[i - 1].text not in {"'s", "\u2019s"} or not is_namelike(doc[i - 2]):
        return None
    k = i - 2
    while k > 0 and name_word(doc[k - 1]) and i - k < 4:
        k -= 1
    return doc[k : i - 1].text


def hyphen_joined(doc: Doc, i: int) -> bool:
    """Whether token i is a hyphen inside a word ("Zelenopillya-Nova")."""
    return 0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_


def unknown_name_end(doc: Doc, i: int) -> int:
    """The end of a capitalised name the gazetteer lacks, across inner hyphens."""
    end = i + 1
    while end < len(doc) and end - i < 6:
        if is_namelike(doc[end]) and doc[end - 1].text != "-":
            end += 1
        elif hyphen_joined(doc, end) and is_namelike(doc[end + 1]):
            end += 2
        elif doc[end].text in INNER_PARTICLES and end + 1 < len(doc) and doc[end].whitespace_:
            if not is_namelike(doc[end + 1]):
                break
            end += 2  # "Vila do Conde"
        elif doc[end].text in INNER_PARTICLES and hyphen_joined(doc, end + 1):
            if end + 2 >= len(doc) or not is_namelike(doc[end + 2]):
                break
            end += 3  # "Maarat al-Numan"
        else:
            break
    return end
