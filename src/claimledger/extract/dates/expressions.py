"""Time expressions, resolved against the publication date, and the as-of date of a figure.

Finding: the surface grammar of `timex` proposes candidates over the article text; the parse
then vets them (a capitalised `May` that is a month, not a modal or a surname; a four-digit
number that is a year, not a count or part of a name) and gives each the tense of its clause,
which decides whether a bare `March` or `Thursday` lies before or after publication.
Adjacent candidates are then joined: `since August` becomes the interval from August to the
publication day, `between March and May` and `from 2014 to 2015` one interval, and hedges and
edges (`more than a century`, `late last year`) join the expression they qualify.
Relative expressions (`three days later`, `the ensuing month`) count from the last date named
earlier in the same paragraph, else from the publication day.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimledger.extract.dates.timecalc import Point, Tense, parse_point, period_ending
from claimledger.extract.dates.timex import (
    HEDGE,
    MODIFIER,
    Candidate,
    Context,
    evaluate,
    month_number,
    scan,
    select,
    since_interval,
)
from claimledger.model import Article, DateRef

LOGGER = logging.getLogger(__name__)

_FUTURE_LEMMAS = {
    "will", "shall", "expect", "plan", "schedule", "due", "set", "slate", "aim", "intend",
    "hope", "prepare", "propose", "vow", "pledge", "promise", "threaten", "upcoming",
    "likely", "want", "seek", "agree", "decide", "go",
}  # fmt: skip
_STATIVE = {
    "be", "have", "say", "tell", "report", "show", "mean", "remain", "stand", "know",
    "seem", "appear", "estimate", "claim", "write", "add", "note", "believe", "think", "put",
    "include", "hold", "own", "need", "want", "expect", "call", "accuse", "deny", "insist",
}  # fmt: skip
_DEFER_LEMMAS = {
    "postpone", "adjourn", "delay", "defer", "reschedule", "extend", "suspend", "recess",
    "postponed", "adjourned", "delayed", "deferred", "rescheduled", "extended", "suspended",
}  # fmt: skip
_FUTURE_AUX = {"will", "'ll", "wo", "shall", "would", "'d"}
_YEAR_CUES = {
    "in", "since", "by", "until", "till", "from", "to", "through", "of", "during", "before",
    "after", "between", "and", "early", "late", "mid", "-", "year", "spring", "summer", "fall",
    "autumn", "winter", "around", "circa", "as", "or", "–", "for", "throughout",
}  # fmt: skip
_TEMPORAL_PREPS = {
    "in", "during", "over", "by", "until", "till", "since", "through", "throughout", "before",
    "after", "for", "from", "to", "into", "early", "late", "mid", "of", "this", "that",
}  # fmt: skip
_NAME_LABELS = {"ORG", "PERSON", "LAW", "EVENT", "PRODUCT", "WORK_OF_ART", "FAC", "NORP"}
_REPORTING = {
    "say", "tell", "announce", "report", "estimate", "write", "claim", "state", "add",
    "warn", "confirm", "note", "acknowledge", "find", "put",
}  # fmt: skip
_NOMINAL_DEPS = {"compound", "nmod", "poss", "amod", "nummod"}
_NAME_SENSITIVE = {
    "year", "decade", "month", "q_quarter", "set_adverb", "weekday", "century",
    "month_year",
}  # fmt: skip
_POINT_RULES = {"iso", "slash", "month_day", "day_month", "month_year", "month", "year", "deictic"}
_ENDING = re.compile(
    r"^\s+(?:through|to|until|ending(?:\s+in)?|ended(?:\s+in)?|that\s+ended(?:\s+in)?)\s+$",
    re.IGNORECASE,
)
_BASELINE = re.compile(r"\b(?:than|compared|from|since|versus|vs\.?|against)\b[^.;]*$", re.I)
_NOT_JOINED = {"duration", "set_per", "set_adverb", "set_every", "clock", "bare_duration"}
_ANCHORED_RULES = {"shifted", "anchored", "day_before", "past_n"}
_JOIN = re.compile(r"^\s*(?:and|to|until|till|through|thru|-|–|—)\s*$", re.IGNORECASE)
_RANGE_LEAD = re.compile(r"(?:\b(?:between|from)\s+)$", re.IGNORECASE)
_SINCE_LEAD = re.compile(r"\bsince\s+$", re.IGNORECASE)


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    cand: Candidate
    tense: Tense
    since: bool = False
    partner: Candidate | None = None  # the end of a range `from X to Y`
    core_start: int = 0  # where the expression starts without `since`, `from`, `between`
    ending: bool = False  # a length of time up to the partner: `12 months through March`


def _published(article: Article) -> Point | None:
    return parse_point(article.published[:10]) if article.published else None


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _sentence(doc: Doc, i: int) -> Span:
    """The sentence holding token `i`, found from sentence starts (Token.sent walks every
    sentence of the doc, which is quadratic over an article's figures)."""
    start, end = i, i + 1
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return doc[start:end]


def _future_word(tok: Token) -> bool:
    """A word that points forward (`expected`, `due`, `plans`), tolerant of bad lemmas."""
    word = tok.lower_
    forms = [tok.lemma_.lower(), word]
    if word.endswith(("ed", "es", "s")):
        forms += [word[:-1], word[:-2]]
        if len(word) > 4 and word.endswith("ed") and word[-3] == word[-4]:
            forms.append(word[:-3])
    return any(f in _FUTURE_LEMMAS for f in forms)


def clause_tense(span: Span, scheduled: bool = False) -> Tense:
    """`future` when the clause holding `span` speaks of what is to come, else `past` or None.

    With `scheduled`, the simple present of an event verb counts as future, as news uses it
    for timetabled events (`trading resumes on Tuesday`).
    """
    tok: Token = span.root
    for t in span:
        if t.lower_ in ("next", "coming", "upcoming"):
            return "future"
    prep = span.root.head if span.root.dep_ == "pobj" else None
    deferred = prep is not None and prep.lower_ in ("until", "till", "to", "for")
    steps = 0
    while steps < 12:
        steps += 1
        if (tok.lemma_.lower() in _DEFER_LEMMAS or tok.lower_ in _DEFER_LEMMAS) and deferred:
            return "future"
        deps = {c.dep_ for c in tok.children}
        if _future_word(tok) and (
            tok.pos_ == "ADJ"
            or tok.tag_ in ("VB", "VBZ", "VBP", "VBG")
            or (tok.tag_ == "VBN" and "auxpass" in deps)
        ):
            return "future"
        if tok.pos_ in ("VERB", "AUX"):
            auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
            words = {c.lower_ for c in auxes}
            if words & _FUTURE_AUX:
                return "future"
            if ("to" in words or tok.dep_ == "xcomp") and tok.head.i != tok.i:
                tok = tok.head
                if "to" in words and _future_word(tok):
                    return "future"
                continue
            if tok.tag_ in ("VBD", "VBN") or words & {"did", "had", "was", "were", "has", "have"}:
                return "past"
            if tok.tag_ in ("VBZ", "VBP", "VBG"):
                event = tok.lemma_ not in _STATIVE and not words & {
                    "is",
                    "are",
                    "am",
                    "has",
                    "have",
                }
                if scheduled and tok.tag_ != "VBG" and event:
                    return "future"
                return None
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None


def _capitalised(text: str | None) -> bool:
    return bool(text and text[0].isupper())


def _inside_name(span: Span) -> bool:
    for ent in span.doc.ents:
        if ent.label_ in _NAME_LABELS and ent.start <= span.start and span.end <= ent.end:
            return True
    return False


def _plausible_year(span: Span) -> bool:
    """A bare four-digit number reads as a year, not a count, a code or part of a name."""
    tok = span[-1]
    if tok.i + 1 < len(span.doc):
        nxt = span.doc[tok.i + 1]
        if nxt.text in ("%", "percent") or nxt.lower_.startswith("per"):
            return False
        if tok.head.i == nxt.i and nxt.tag_ in ("NNS", "NNPS"):
            return False
        if tok.head.i == nxt.i and nxt.pos_ == "PROPN" and nxt.ent_type_ != "DATE":
            return False
    prev = span.doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.text in ("$", "€", "£", "#", "No.", "No", "number"):
        return False
    if any(t.ent_type_ == "DATE" for t in span):
        return True
    if prev is None or prev.lower_ in _YEAR_CUES or prev.is_punct:
        return True
    return prev.pos_ == "PROPN" and prev.ent_type_ == "DATE"


def _vetted(c: Candidate, doc: Doc) -> bool:
    """Whether the parse confirms the candidate as a time expression."""
    span = _span(doc, c.start, c.end)
    if span is None or len(span) == 0:
        return False
    groups = c.match.groupdict()
    if groups.get("mon") is not None:
        mon = groups["mon"]
        if not _capitalised(mon):
            return False
        tok = next((t for t in span if t.text.startswith(mon[:3])), None)
        if tok is not None and (tok.tag_ == "MD" or tok.tag_.startswith("VB")):
            return False
        if c.name == "month" and span.start > 0:
            prev = doc[span.start - 1]
            if prev.pos_ == "PROPN" and prev.ent_type_ in ("PERSON", "ORG", ""):
                return False
    for key in ("wd", "hol"):
        if groups.get(key) is not None and not _capitalised(groups[key]):
            return False
    if c.name == "q_quarter" and not c.match.group(0).startswith("Q"):
        return False
    if c.name in _NAME_SENSITIVE and _inside_name(span):
        return False
    if c.name == "year" and not c.match.group(0)[0].isalpha() and not _plausible_year(span):
        return False
    if c.name == "season" and groups.get("year") is None:
        rel = (groups.get("rel") or "").lower()
        after = doc.text[c.end : c.end + 4].lower()
        if after.startswith(" of"):
            return False
        if rel in ("", "the"):
            first = span[0]
            before = doc[first.i - 1] if first.i > 0 else None
            if before is None or before.lower_ not in _TEMPORAL_PREPS:
                return False
    if c.name == "duration" and groups.get("unit", "").lower() == "second":
        if (groups.get("n") or "").lower() in ("a", "an", "one"):
            return False
    return True


def _find(doc: Doc) -> list[_Found]:
    text = doc.text
    chosen = select([c for c in scan(text) if _vetted(c, doc)])
    found: list[_Found] = []
    for c in chosen:
        span = _span(doc, c.start, c.end)
        scheduled = c.name in ("weekday", "month_day", "day_month", "month")
        tense = clause_tense(span, scheduled) if span is not None else None
        found.append(_Found(c.start, c.end, c, tense))
    _join(found, text)
    return found


def _join(found: list[_Found], text: str) -> None:
    """Join ranges, `since X`, hedges and edges to the expressions they belong to."""
    i = 0
    while i < len(found):
        f = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        lead = None
        if (
            nxt is not None
            and f.cand.name == "duration"
            and nxt.cand.name in _POINT_RULES
            and _ENDING.match(text[f.end : nxt.start])
        ):
            f.end, f.partner, f.ending = nxt.end, nxt.cand, True
            del found[i + 1]
        elif (
            nxt is not None
            and f.cand.name not in _NOT_JOINED
            and nxt.cand.name not in _NOT_JOINED
            and _JOIN.match(text[f.end : nxt.start])
            and "\n" not in text[f.end : nxt.start]
        ):
            lead = _RANGE_LEAD.search(text[max(0, f.start - 10) : f.start])
            joiner = text[f.end : nxt.start].strip().lower()
            between = lead is not None and lead.group(0).lower().startswith("between")
            if (lead and (joiner != "and" or between)) or joiner in ("-", "–", "—", "through"):
                f.end, f.partner = nxt.end, nxt.cand
                del found[i + 1]
            else:
                lead = None
        prefix = HEDGE if f.cand.name in ("duration", "past_n") else MODIFIER
        m = prefix.search(text[max(0, f.start - 40) : f.start])
        if m and "\n" not in m.group(0):
            f.start -= len(m.group(0))
        f.core_start = f.start
        if lead is not None:
            f.start -= len(lead.group(0))
        since = _SINCE_LEAD.search(text[max(0, f.start - 10) : f.start])
        if since and f.partner is None and f.cand.name not in ("duration", "past_n"):
            f.start -= len(since.group(0))
            f.since = True
        i += 1


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n+", text)]


def _range_parts(
    f: _Found, ctx: Context
) -> tuple[tuple[str | None, str] | None, tuple[str | None, str] | None]:
    """Values of the two ends of `from X to Y`; X takes its year from Y when it has none."""
    end = evaluate(f.partner, ctx) if f.partner else None
    end_point = parse_point(end[0].split("/")[-1]) if end and end[0] else None
    own_year = f.cand.match.groupdict().get("year")
    if end_point and not own_year and f.partner and f.partner.match.groupdict().get("year"):
        ctx = Context(ctx.published, ctx.tense, ctx.anchor, end_point[0])
    return evaluate(f.cand, ctx), end


def _ending(duration: str | None, end: str | None) -> str | None:
    """`the 12 months through March 2024`: the period of that length ending then."""
    m = re.fullmatch(r"P(\d+)([DWMY])", duration or "")
    point = parse_point(end.split("/")[-1]) if end else None
    if m is None or point is None:
        return None
    return period_ending(int(m[1]), m[2], point)


def _joined(start: str | None, end: str | None) -> str | None:
    if not start or not end:
        return None
    return f"{start.split('/')[0].split('T')[0]}/{end.split('/')[-1].split('T')[0]}"


def _narrative_year(f: _Found, narrative: Point | None, published: Point | None) -> int | None:
    """The year a bare month or day takes from a dated story (`In March 2019 … By June`)."""
    groups = f.cand.match.groupdict()
    if narrative is None or published is None or narrative[0] == published[0]:
        return None
    if f.cand.name not in ("month", "month_day", "day_month") or f.tense == "future":
        return None
    if groups.get("year") or groups.get("rel") or groups.get("yrel"):
        return None
    month = month_number(groups["mon"])
    year = narrative[0] + (1 if month < (narrative[1] or 1) else 0)
    return year if (year, month) <= (published[0], published[1] or 12) else None


def extract_dates(doc: Doc, article: Article) -> list[DateRef]:
    """Every time expression in the article with its resolved value and TIMEX3 type.

    Expressions are TIMEX3-shaped: `August` in `since August` and `March` and `May` in
    `between March and May` are each given on their own, and the joined expression (`since
    August`: from August to publication) follows its parts as an interval.
    """
    published = _published(article)
    text = doc.text
    paragraphs = _paragraph_starts(text)
    out: list[DateRef] = []
    anchor: Point | None = None
    narrative: Point | None = None  # the last date with its year written out, in this paragraph
    para = 0
    for f in _find(doc):
        while para + 1 < len(paragraphs) and paragraphs[para + 1] <= f.start:
            para += 1
            anchor = narrative = None
        ctx = Context(published, f.tense, anchor if f.cand.name in _ANCHORED_RULES else None)
        ctx.year_hint = _narrative_year(f, narrative, published)
        first, last = _range_parts(f, ctx)
        if first is None:
            continue
        core_end = f.cand.end
        if f.partner is not None or f.since:
            out.append(DateRef(text[f.core_start : core_end], f.core_start, core_end, *first))
        if f.partner is not None and last is not None:
            out.append(DateRef(text[f.partner.start : f.end], f.partner.start, f.end, *last))
            value, kind = _joined(first[0], last[0]), "DATE"
            if f.ending:
                value = _ending(first[0], last[0])
        elif f.since:
            value, kind = since_interval(first, published)
        else:
            value, kind = first
        out.append(DateRef(text[f.start : f.end], f.start, f.end, value, kind))
        point = parse_point(value) if value and kind == "DATE" and "/" not in value else None
        if point is not None:
            anchor = point
            baseline = _BASELINE.search(text[max(0, f.start - 20) : f.start])
            if f.cand.match.groupdict().get("year") and point[1] is not None and not baseline:
                narrative = point
    LOGGER.debug("%d time expressions in article %s", len(out), article.id)
    return out


def _path(tok: Token) -> list[Token]:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and len(chain) < 30:
        chain.append(chain[-1].head)
    return chain


def _verb(chain: list[Token]) -> Token:
    return next((t for t in chain[1:] if t.pos_ in ("VERB", "AUX")), chain[-1])


_PRESENT_TAGS = {"VBZ", "VBP"}
_NOW = {"now", "still", "currently", "presently"}


def _same_time(fig_chain: list[Token], fig_verb: Token, verb: Token) -> bool:
    """No conjoined clause with a tense of its own lies between the figure's verb and `verb`."""
    for tok in fig_chain[fig_chain.index(fig_verb) : fig_chain.index(verb)]:
        if tok.dep_ == "conj" and (tok.tag_ in _PRESENT_TAGS) != (tok.head.tag_ in _PRESENT_TAGS):
            return False
    return True


def _attribution(chain: list[Token], fig_chain: list[Token]) -> bool:
    """The time expression dates the source of the figure (`according to a report … on Feb. 27`)."""
    for tok in chain:
        if tok.lower_ == "according" and tok.head in fig_chain:
            return True
    return False


def _said_of_now(fig: Span) -> bool:
    """The figure's own clause, or a clause on its noun, says `now`, `still` or `currently`."""
    verbs = [t for t in fig.root.children if t.dep_ in ("relcl", "acl") and t.tag_ in _PRESENT_TAGS]
    verbs.append(_verb(_path(fig.root)))
    return any(c.lower_ in _NOW for v in verbs for c in v.children if c.dep_ == "advmod")


def _own_speaker(sent: Span) -> bool:
    """The sentence names a new source: a reporting verb with a named subject."""
    for tok in sent:
        if tok.dep_ == "nsubj" and tok.pos_ == "PROPN" and tok.head.lemma_ in _REPORTING:
            return True
    return False


def _governing(doc: Doc, dates: list[DateRef], fig: Span, sent: Span) -> tuple[int, str] | None:
    """The best time expression of `sent` for the figure `fig`, as (rank, value)."""
    fig_chain = _path(fig.root)
    fig_verb = _verb(fig_chain)
    best: tuple[tuple[int, int, int], str] | None = None
    for d in dates:
        if d.value is None or d.start < sent.start_char or d.end > sent.end_char:
            continue
        if d.start < fig.end_char and fig.start_char < d.end:
            continue
        if d.type == "SET" or (d.type == "DURATION" and "/" not in d.value):
            continue
        span = _span(doc, d.start, d.end)
        if span is None:
            continue
        root = span.root
        if root.dep_ in _NOMINAL_DEPS and root.head.pos_ in ("NOUN", "PROPN"):
            if root.head not in fig and root.head.dep_ not in ("nsubj", "nsubjpass"):
                continue
        chain = _path(root)
        verb = _verb(chain)
        inside = fig.root in chain and all(
            t.pos_ not in ("VERB", "AUX") for t in chain[1 : chain.index(fig.root)]
        )
        if inside or verb.i == fig_verb.i:
            rank = 0
        elif verb in fig_chain and _same_time(fig_chain, fig_verb, verb):
            rank = 1
        elif _attribution(chain, fig_chain):
            rank = 1
        else:
            continue
        distance = min(abs(span.start - fig.end), abs(fig.start - span.end))
        value = d.value if d.type != "TIME" else d.value.split("T")[0]
        key = (rank, distance, -(d.end - d.start))
        if best is None or key < best[0]:
            best = (key, value)
    return (best[0][0], best[1]) if best else None


def _inheritable(value: str, published: str | None) -> bool:
    """A point in time no later than publication, fit to carry over to the next sentence."""
    if "/" in value:
        return False
    return published is None or value <= published[: len(value)]


def as_of_at(
    doc: Doc,
    dates: list[DateRef],
    start: int,
    end: int | None = None,
    published: str | None = None,
) -> str | None:
    """The date or interval a figure at `start:end` refers to.

    A time expression of the figure's sentence counts when it is attached to the figure
    itself, to the verb of the figure's clause, or to a verb that governs that clause (`In
    September, Zelenskyy announced that … 40,000 troops`); the nearest such wins. Time
    expressions inside subordinate clauses or modifying another noun (`Turkey's 2021
    output`), SETs and bare durations do not count. Without one, the date that governed the
    previous sentence of the same paragraph carries over; failing that, the publication date
    (`published`, ISO) is the answer.
    """
    end = end if end is not None else start + 1
    fig = _span(doc, start, end)
    if fig is None:
        return published
    sent = _sentence(doc, fig.start)
    if _said_of_now(fig):
        return published
    found = _governing(doc, dates, fig, sent)
    if found is not None:
        return found[1]
    if _own_speaker(sent):
        return published
    while sent.start > 0 and "\n" not in doc[sent.start - 1].text_with_ws:
        sent = _sentence(doc, sent.start - 1)
        inherited = _governing(doc, dates, sent[sent.root.i - sent.start :][:1], sent)
        if inherited is not None:
            return inherited[1] if _inheritable(inherited[1], published) else published
    return published
