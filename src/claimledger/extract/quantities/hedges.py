"""Hedges around a figure: "about", "more than", "as many as", "or so", normalised."""

from __future__ import annotations

from spacy.tokens import Doc, Token

HEDGES = {
    "about": "about",
    "approximately": "about",
    "approx.": "about",
    "an estimated": "about",
    "estimated": "about",
    "some": "some",
    "around": "around",
    "roughly": "roughly",
    "nearly": "nearly",
    "almost": "almost",
    "close to": "nearly",
    "just under": "less than",
    "just over": "over",
    "well over": "over",
    "over": "over",
    "more than": "more than",
    "no more than": "up to",
    "no fewer than": "at least",
    "no less than": "at least",
    "above": "more than",
    "past": "more than",
    "upwards of": "more than",
    "upward of": "more than",
    "in excess of": "more than",
    "greater than": "more than",
    "higher than": "more than",
    "larger than": "more than",
    "at least": "at least",
    "a minimum of": "at least",
    "less than": "less than",
    "fewer than": "less than",
    "smaller than": "less than",
    "lower than": "less than",
    "under": "less than",
    "below": "less than",
    "up to": "up to",
    "as many as": "up to",
    "as much as": "up to",
    "as high as": "up to",
    "at most": "up to",
    "a maximum of": "up to",
    "passed": "more than",
    "surpassed": "more than",
    "exceeded": "more than",
    "topped": "more than",
    "crossed": "more than",
}
# verbs that work as hedges when a tally goes past a mark: "the toll passed 9,000"
THRESHOLD_VERBS = frozenset("passed surpassed exceeded topped crossed".split())
TALLY_NOUNS = frozenset(
    "total toll tally number count figure sum death case infection casualty outbreak cost "
    "damage loss price inflation rate temperature population export import output "
    "production debt deficit budget turnout attendance".split()
)
MAX_HEDGE = 3


def hedge_before(doc: Doc, start: int, sent_start: int) -> tuple[str | None, int]:
    """The hedge written right before token `start`, and where it begins."""
    for n in range(MAX_HEDGE, 0, -1):
        if start - n < sent_start:
            continue
        phrase = " ".join(doc[k].lower_ for k in range(start - n, start))
        hedge = HEDGES.get(phrase)
        if hedge is None:
            continue
        first = doc[start - n]
        if phrase == "past" and first.head.i != start and first.dep_ == "amod":
            continue
        if phrase in THRESHOLD_VERBS and not _tally_passes(first):
            continue
        if n == 1 and phrase in ("over", "under", "below", "above", "past", "estimated"):
            if start - 2 >= sent_start and doc[start - 2].lower_ in ("the", "a", "an"):
                continue
        if phrase == "more than" and start - 3 >= sent_start and doc[start - 3].lower_ == "no":
            return "up to", start - 3
        return hedge, start - n
    return None, start


def _tally_passes(verb: Token) -> bool:
    """True when the verb's subject is a tally ("the death toll passed"), not an actor
    ("parliament passed 12 laws")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.lemma_.lower() in TALLY_NOUNS


HEDGES_AFTER = {"or more": "at least", "or so": "about", "or less": "up to", "or fewer": "up to"}


def hedge_after(doc: Doc, k: int, stop: int) -> tuple[str | None, int]:
    """A hedge written after the figure: "60 or more", "a dozen or so"."""
    if k + 1 < stop:
        hedge = HEDGES_AFTER.get(f"{doc[k].lower_} {doc[k + 1].lower_}")
        if hedge and (k + 2 >= stop or doc[k + 2].pos_ not in ("ADJ", "ADV", "NUM")):
            return hedge, k + 2
    return None, k
