"""Places named in an article, geocoded from an offline gazetteer.

Candidates are capitalised name sequences found in the gazetteer, plus names that their
context marks as places ("the village of X", "X, a port town", "residents of X", "in X and
<a known town>", "X camp", "X front"; see `place_context`). A small namesake abroad, far from
the article's other places, is taken for a place the gazetteer lacks. The statistical tagger
only adds or removes evidence: a gazetteer name survives a PERSON or PRODUCT tag when its
context says it is a place, and is dropped when it is part of a longer name (an
organisation, a person) or reads as a person ("Norman believes"). A name is judged once per
article, from all its mentions together. Namesakes are resolved in `place_resolve`.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc

from claimledger.extract.places.context import (
    after_place_preposition,
    appositive,
    context_marks_place,
    could_be_place,
    enclosing,
    facility_len,
    hyphen_joined,
    is_namelike,
    kind_cue_after,
    kind_cue_before,
    name_suffix,
    possessor,
    run_bounds,
    tagged_place,
    unknown_name_end,
)
from claimledger.extract.places.gazetteer import Entry, Gazetteer, load_gazetteer, name_key
from claimledger.extract.places.lexicon import (
    ABBREVIATION,
    COMPASS,
    CUE_KIND,
    DEMONYM,
    DIRECTION_PREFIX,
    DIVISION_WORDS,
    GENERIC,
    LOC_PREPS,
    NAME_PARTICLES,
    PERSON_TITLES,
    PERSON_VERBS,
    PLACE_VERBS,
    PLURAL_DIVISION_WORDS,
    TITLES,
)
from claimledger.extract.places.resolve import Resolver, settlement_kind
from claimledger.model import Article, Mention, Place

LOGGER = logging.getLogger(__name__)

MAX_NAME_TOKENS = 6
STRONG_POPULATION = 1_000_000
MEDIUM_POPULATION = 100_000
# an upper-case letter inside a word, other than after Mc, Mac, De, La ... ("McAllen")
_CAMEL = re.compile(r"^(?!Mc|Mac|De|Di|Du|La|Le|Van|Von|Kwa|O')[A-Z]?[a-z]+[A-Z]")


@dataclass(slots=True)
class Candidate:
    """One naming of a (possible) place in the text."""

    start: int  # token index of the name
    end: int
    mention_end: int  # token index after the whole naming expression (with its suffix)
    surface: str
    entries: tuple[Entry, ...]
    kind_cue: str | None = None  # region, city, town, village from the context
    special: str | None = None  # front or facility
    evidence: int = 0
    counter: int = 0
    within: str | None = None  # "X, Y": the name of the enclosing place Y
    within_known: bool = False  # Y is a country or division the gazetteer knows
    owner: str | None = None  # "Y's X": a hint for namesakes only
    marked: bool = False  # the context names a place here ("residents of X", "X, where")

    @property
    def key(self) -> str:
        """Mentions with the same key are judged together."""
        if self.special:
            return f"{self.special}:{name_key(self.surface)}"
        return name_key(self.surface)


def _person_names(doc: Doc, gaz: Gazetteer) -> set[str]:
    """Single words the article uses as parts of people's names."""
    names: set[str] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2 or kind_cue_before(doc, ent.start):
            continue
        if kind_cue_after(doc, ent.end) or context_marks_place(doc, ent.start, ent.end):
            continue
        if (
            ent.text in gaz
            or ent[-1].lower_ in DIVISION_WORDS
            or (facility_len(doc, ent[-1].i) or facility_len(doc, ent.end))
        ):
            continue
        names.update(t.text for t in ent if t.text[:1].isupper() and t.is_alpha)
    for tok in doc[:-1]:
        if tok.lower_.rstrip(".") in PERSON_TITLES and tok.text[:1].isupper():
            nxt = doc[tok.i + 1]
            if nxt.text[:1].isupper() and nxt.pos_ == "PROPN":
                names.add(nxt.text)
    return names


def _match_at(gaz: Gazetteer, doc: Doc, i: int) -> tuple[int, tuple[Entry, ...]]:
    """The longest gazetteer name starting at token i: (end, entries)."""
    best: tuple[int, tuple[Entry, ...]] = (i, ())
    for j in range(i + 1, min(len(doc), i + MAX_NAME_TOKENS) + 1):
        last = doc[j - 1]
        if last.text in {"-", "'s", "\u2019s"} or last.text in NAME_PARTICLES:
            if j == i + 1:
                break
            continue
        if not is_namelike(last):
            break
        text = doc[i:j].text
        if name_key(text) in GENERIC:
            continue
        entries = gaz.lookup(text)
        if entries:
            best = (j, entries)
    return best


def _evidence(doc: Doc, cand: Candidate, persons: set[str]) -> None:
    """Score how strongly the context says the name is, or is not, a place here."""
    first, last = doc[cand.start], doc[cand.end - 1]
    tokens = doc[cand.start : cand.end]
    ent_types = {t.ent_type_ for t in tokens}
    if ent_types & {"GPE", "LOC", "FAC"}:
        cand.evidence += 1
    if cand.kind_cue or cand.special or cand.within or cand.marked:
        cand.evidence += 2
    prev = doc[cand.start - 1] if cand.start else None
    if last.dep_ == "pobj" and last.head.lower_ in LOC_PREPS:
        cand.evidence += 2
    elif last.dep_ == "dobj" and last.head.lemma_ in PLACE_VERBS:
        cand.evidence += 2
    elif prev is not None and prev.lower_ in LOC_PREPS and not _modifier(doc, cand):
        cand.evidence += 2
    elif prev is not None and prev.lower_ == "of" and cand.start > 1:
        if doc[cand.start - 2].lower_ in COMPASS or doc[cand.start - 2].lower_ in CUE_KIND:
            cand.evidence += 2
    nxt = cand.mention_end
    if nxt + 1 < len(doc) and doc[nxt].lower_ in {"in", "near"}:
        k = nxt + 2 if doc[nxt + 1].lower_ in DIRECTION_PREFIX else nxt + 1
        if k < len(doc) and is_namelike(doc[k]):
            cand.evidence += 1  # "Velyka Novosilka in Donetsk Oblast", "X in southern Gaza"
    if "PERSON" in ent_types:
        cand.counter += 1
    if cand.start >= 2 and doc[cand.start - 2 : cand.start].text.lower() == "according to":
        cand.counter += 2  # a source: "according to Xinhua"
    if any(t.text in persons for t in tokens):
        cand.counter += 2
    if last.dep_ in {"nsubj", "nsubjpass"} and last.head.lemma_ in PERSON_VERBS:
        cand.counter += 2
    if first.is_sent_start and nxt < len(doc) and doc[nxt].text == ",":
        if doc[nxt + 1 : nxt + 2].text.lower() in {"a", "an", "who"} and not cand.kind_cue:
            cand.counter += 1  # "Norman, a soldier ..."


def _make_candidate(
    doc: Doc, gaz: Gazetteer, span: tuple[int, int], entries: tuple[Entry, ...], persons: set[str]
) -> Candidate | None:
    i, end = span
    mention_end, cue, special = name_suffix(doc, end)
    surface = doc[i:end].text
    container = None
    if special is None:
        appos, container = appositive(doc, end)
        cue = cue or kind_cue_before(doc, i) or appos
    within = enclosing(doc, end) or container
    within_known = bool(within) and any(e.kind != "city" for e in gaz.lookup(within or ""))
    marked = special is None and (context_marks_place(doc, i, end) or tagged_place(doc, i, end))
    if not entries and (special == "front" or not (cue or special or within_known or marked)):
        if special or not after_place_preposition(doc, i):
            return None
    if not entries and not special and not could_be_place(doc, i, end):
        return None
    if entries and (hyphen_joined(doc, end) or hyphen_joined(doc, i - 1)):
        return None  # part of a longer hyphenated name
    first = doc[i]
    if not entries and (first.ent_type_ == "NORP" or DEMONYM.search(first.text)):
        # a kind word ("the coastal village of X") or an opening "In X," outweighs the tag
        overruled = (cue or marked) and not DEMONYM.search(first.text)
        if not overruled and (first.pos_ != "PROPN" or first.ent_type_ == "NORP"):
            return None
    if special == "facility" and surface in persons:
        return None
    run_start, run_end = run_bounds(doc, i, end)
    if run_end > mention_end and doc[mention_end].lower_.rstrip(".") not in TITLES:
        return None
    if run_start < i:
        prefix = doc[run_start:i]
        if not (len(prefix) == 1 and prefix[0].lower_ in DIRECTION_PREFIX and (entries or cue)):
            return None
        surface = doc[run_start:end].text
        entries, cue, i = (), "region", run_start
    if i > 0 and doc[i - 1].text == "The" and not doc[i - 1].is_sent_start and doc[i].text != "The":
        return None  # a title: "The Atlantic", "The Hill"
    cand = Candidate(i, end, mention_end, surface, entries, kind_cue=cue, special=special)
    cand.within, cand.within_known, cand.marked = within, within_known, marked
    cand.owner = possessor(doc, i)
    _evidence(doc, cand, persons)
    return cand


def _candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """Every naming of a possible place, longest gazetteer match first, left to right."""
    persons = _person_names(doc, gaz)
    out: list[Candidate] = []
    by_end: dict[int, Candidate] = {}
    i = 0
    while i < len(doc):
        if doc[i].lower_ == "the" and i + 1 < len(doc) and is_namelike(doc[i + 1]):
            end, entries = _match_at(gaz, doc, i + 1)
            if entries and doc[i].text == "The" and gaz.lookup(doc[i:end].text):
                # "The Hague", "The Gambia": the article is part of the name
                cand = _make_candidate(doc, gaz, (i, end), gaz.lookup(doc[i:end].text), persons)
                if cand is not None:
                    out.append(cand)
                    i = cand.mention_end
                    continue
        if not is_namelike(doc[i]):
            i += 1
            continue
        end, entries = _match_at(gaz, doc, i)
        if not entries and doc[i].lower_ in DIRECTION_PREFIX:
            i += 1  # "West Maui": try the name after the direction word
            continue
        cand = _make_candidate(doc, gaz, (i, end), entries, persons) if entries else None
        if cand is None:
            # a name the gazetteer lacks, or holds only in part ("Al Asad air base")
            end = unknown_name_end(doc, i)
            cand = _make_candidate(doc, gaz, (i, end), (), persons)
        if cand is not None:
            _share_with_list(doc, cand, by_end)
            out.append(cand)
            by_end[cand.mention_end] = cand
            i = cand.mention_end
        else:
            i = max(end, i + 1)
    _mark_lists(doc, out)
    return out


def _mark_lists(doc: Doc, cands: list[Candidate]) -> None:
    """'in Memba and Angoche': a name the gazetteer lacks, listed with a town it knows after
    a preposition of place, is a place too."""
    chains: list[list[Candidate]] = []
    for cand in cands:
        prev = chains[-1][-1] if chains else None
        if (
            prev is not None
            and cand.start == prev.mention_end + 1
            and doc[prev.mention_end].lower_ in {"and", "or", ","}
        ):
            chains[-1].append(cand)
        else:
            chains.append([cand])
    for chain in chains:
        if len(chain) < 2 or not after_place_preposition(doc, chain[0].start):
            continue
        if any(c.entries and c.entries[0].kind == "city" and not c.special for c in chain):
            for c in chain:
                if not c.entries and not c.special and "PERSON" not in _ent_types(doc, c):
                    c.marked = True


def _ent_types(doc: Doc, cand: Candidate) -> set[str]:
    return {t.ent_type_ for t in doc[cand.start : cand.end]}


def _share_with_list(doc: Doc, cand: Candidate, by_end: dict[int, Candidate]) -> None:
    """'in Kherson and Zaporizhzhia', 'Rafah and Khan Younis in Gaza': listed names share
    their context; 'Tete and Zambezia provinces' share the kind."""
    if cand.start >= 1 and doc[cand.start - 1].lower_ in {"and", "or", ","}:
        partner = by_end.get(cand.start - 1)
        if partner is not None and not partner.special:
            shared = max(cand.evidence, partner.evidence)
            cand.evidence = partner.evidence = shared
            plural = doc[cand.mention_end - 1].lower_ in PLURAL_DIVISION_WORDS
            if plural and cand.mention_end > cand.end and not partner.kind_cue:
                partner.kind_cue = "region"


def _strength(entry: Entry) -> int:
    """How much a bare mention of this entry can be trusted: 2 strong, 1 medium, 0 weak."""
    if entry.kind in {"country", "continent"} or (entry.is_area and entry.primary):
        return 2
    if entry.is_area:
        return 1
    if entry.capital or entry.population >= STRONG_POPULATION:
        return 2 if entry.primary else 1
    if entry.population >= MEDIUM_POPULATION:
        return 1 if entry.primary else 0
    return 0


def _modifier(doc: Doc, cand: Candidate) -> bool:
    """'in Acme funds': the name modifies the noun after it (a kind word aside)."""
    nxt = doc[cand.mention_end] if cand.mention_end < len(doc) else None
    return (
        nxt is not None
        and nxt.pos_ == "NOUN"
        and nxt.is_lower
        and nxt.lower_ not in CUE_KIND
        and doc[cand.end - 1].dep_ == "compound"
    )


def _token_ok(doc: Doc, cand: Candidate, entry: Entry | None) -> bool:
    """Surface checks on one mention: not a demonym, not a common word opening a sentence,
    not a brand written in camel case ("BlackRock")."""
    tok = doc[cand.start]
    if not cand.kind_cue and any(_CAMEL.search(t.text) for t in doc[cand.start : cand.end]):
        return False
    single = cand.end - cand.start == 1
    if single and tok.pos_ not in {"PROPN", "NOUN"} and not cand.evidence:
        return False
    if single and tok.is_sent_start and tok.pos_ != "PROPN" and not cand.evidence:
        return False
    if tok.ent_type_ == "LANGUAGE" and DEMONYM.search(tok.text) and not cand.within:
        return entry is not None and _strength(entry) == 2  # "in English": a language
    if (tok.ent_type_ == "NORP" or tok.tag_ in {"JJ", "NNPS"}) and DEMONYM.search(tok.text):
        if entry is None or not entry.primary or (_strength(entry) < 1 and cand.evidence < 2):
            return False
    return True


def _accepted(group: list[Candidate], entry: Entry | None, near: bool) -> bool:
    """Whether a name counts as a place in this article, from all its mentions."""
    evidence = max(c.evidence for c in group) + (1 if near else 0)
    counter = max(c.counter for c in group)
    if group[0].special:
        return counter < 2 or evidence >= 2
    if entry is None:
        placed = any(c.within_known for c in group) and evidence >= 4
        cued = any(c.kind_cue or c.marked for c in group)
        return (placed or cued) and counter < 2
    strength = _strength(entry)
    if strength == 2:
        return counter < 3 or evidence >= 2
    if strength == 1:
        return counter == 0 or (evidence >= 2 and counter < 3)
    return (evidence >= 2 and counter < 2) or (evidence >= 3 and counter < 3)


def extract_places(doc: Doc, article: Article) -> list[Place]:
    """Every distinct place named in the article, with its mentions."""
    gaz = load_gazetteer()
    cands = _candidates(doc, gaz)
    resolver = Resolver(gaz, cands)
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for cand in cands:
        by_key[cand.key].append(cand)
    places: dict[str, list[Candidate]] = {}
    entries: dict[str, Entry | None] = {}
    for group in by_key.values():
        entry = resolver.best(group[0])
        if entry is not None and resolver.foreign(entry):
            entry = None  # a small namesake far from the article's other places
        kept = [c for c in group if _token_ok(doc, c, entry)]
        if not kept or not _accepted(kept, entry, resolver.near_others(group[0], entry)):
            continue
        pkey = resolver.group_key(kept[0], entry)
        places.setdefault(pkey, []).extend(kept)
        entries[pkey] = entry
    out = [_place(doc, sorted(g, key=lambda c: c.start), entries[k]) for k, g in places.items()]
    out.sort(key=lambda p: p.mentions[0].start)
    return out


def _place(doc: Doc, cands: list[Candidate], entry: Entry | None) -> Place:
    special = cands[0].special
    mentions = [
        Mention(
            doc[c.start : c.mention_end].text,
            doc[c.start].idx,
            doc[c.start : c.mention_end].end_char,
        )
        for c in cands
    ]
    name = _name(doc, cands, entry)
    if special:
        return Place(name, special, mentions=mentions)
    cues = Counter(c.kind_cue for c in cands if c.kind_cue)
    if cues.most_common(1)[0][0] == "port" if cues else False:
        kind = "facility" if entry is None else settlement_kind(entry)
    elif cues and not (entry is not None and entry.kind == "country"):
        kind = cues.most_common(1)[0][0]
    elif entry is None:
        kind = "town"
    elif entry.kind == "country":
        kind = "country"
    elif entry.is_area:
        kind = "region"
    else:
        kind = settlement_kind(entry)
    if entry is None:
        return Place(name, kind, mentions=mentions)
    return Place(
        name, kind, entry.lat, entry.lon, entry.country, entry.admin1, entry.geonames_id, mentions
    )


def _name(doc: Doc, cands: list[Candidate], entry: Entry | None) -> str:
    """The name as the article writes it most often (fullest on ties), without suffixes."""
    if cands[0].special:
        forms = Counter(doc[c.start : c.mention_end].text for c in cands)
        return max(forms, key=lambda s: (forms[s], len(s)))
    forms = Counter(c.surface for c in cands)
    best = max(forms, key=lambda s: (not ABBREVIATION.match(s), forms[s], len(s)))
    if entry is not None and entry.kind == "country" and ABBREVIATION.match(best):
        return entry.name
    return best
