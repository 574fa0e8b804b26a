"""The words reconciliation compares figures by: stems, news concepts, names and places.

Words are folded to a crude stem and mapped to news concepts (death, injury, displacement,
troops, cost …) so that "killed" meets "deaths" and "wounded" never meets "killed";
demonyms name their country ("Russian troops" are about Russia); capitalised words are
names, and names after "in", "across" or "inside" say where a figure was measured.
"""

from __future__ import annotations

import re
import unicodedata

WORD = re.compile(r"[A-Za-z][A-Za-z_'\u2019-]*|\d[\d,.]*")
STOP = frozenset(
    """a an the of to in on and or for by with from at as its it their his her that this these
    those be is are was were been has have had will would could should may might can than then
    who whom which what when where while since so such some about around roughly nearly almost
    more less over under up down least most at into out off per each all any other another
    there here also just only still even yet not no new first last same own one two three four
    five six seven eight nine ten twelve hundred hundreds thousand thousands million millions
    billion trillion dozen dozens half percent percentage point points share number total
    figure figures estimate estimated estimates said says say according amount
    """.split()
) | frozenset(
    """square sq km km2 kilometer kilometers kilometre kilometres mile miles mi mi2 acre acres
    hectare hectares ha metre metres meter meters tonne tonnes ton tons kg kilogram kilograms
    dollar dollars usd euro euros eur pound pounds sterling gbp lira liras yen yuan rupee
    rupees ruble rubles roubles hryvnia bn mn m k pct per cent
    """.split()
)
# Counted nouns too generic to say what is measured on their own.
WEAK = frozenset(
    {
        "person",
        "time",
        "thing",
        "item",
        "unit",
        "count",
        "year",
        "month",
        "week",
        "day",
        "area",
        "value",
        "level",
        "rate",
        "size",
    }
)

# Irregular and derived forms folded before stemming.
FORMS = {
    "people": "person",
    "persons": "person",
    "dead": "death",
    "died": "death",
    "die": "death",
    "dies": "death",
    "killed": "death",
    "kill": "death",
    "killing": "death",
    "deaths": "death",
    "fatalities": "death",
    "fatality": "death",
    "lives": "death",
    "toll": "death",
    "bodies": "death",
    "injured": "injury",
    "injuries": "injury",
    "wounded": "injury",
    "wound": "injury",
    "hurt": "injury",
    "injure": "injury",
    "casualties": "casualty",
    "losses": "loss",
    "lost": "loss",
    "missing": "missing",
    "unaccounted": "missing",
    "displaced": "displace",
    "uprooted": "displace",
    "fled": "displace",
    "flee": "displace",
    "refugees": "displace",
    "refugee": "displace",
    "evacuated": "displace",
    "evacuees": "displace",
    "forced": "displace",
    "driven": "displace",
    "homeless": "homeless",
    "troops": "troop",
    "soldiers": "troop",
    "soldier": "troop",
    "forces": "troop",
    "personnel": "troop",
    "fighters": "troop",
    "servicemen": "troop",
    "buildings": "structure",
    "structures": "structure",
    "homes": "structure",
    "houses": "structure",
    "dwellings": "structure",
    "building": "structure",
    "home": "structure",
    "house": "structure",
    "frontline": "front",
    "frontlines": "front",
    "held": "hold",
    "holds": "hold",
    "territory": "ground",
    "land": "ground",
    "ground": "ground",
    "jobs": "job",
    "payrolls": "job",
    "payroll": "job",
    "employment": "job",
    "hired": "job",
    "aid": "aid",
    "assistance": "aid",
    "pledged": "pledge",
    "pledges": "pledge",
    "damage": "cost",
    "damages": "cost",
    "cost": "cost",
    "costs": "cost",
    "worth": "cost",
    "identified": "identify",
    "captured": "capture",
    "prisoners": "prisoner",
    "pows": "prisoner",
    "pow": "prisoner",
    "wiped": "casualty",
    "children": "child",
    "women": "woman",
    "men": "man",
    "villages": "village",
    "towns": "town",
    "cities": "city",
    "affected": "affect",
    "sheltering": "shelter",
    "shelters": "shelter",
    "burned": "burn",
    "burnt": "burn",
    "destroyed": "destroy",
    "damaged": "damaged",  # houses damaged and houses destroyed are two counts
    "rubble": "rubble",
    "cases": "case",
    "infected": "case",
    "infections": "case",
    "infection": "case",
    "sickened": "case",
    "rescued": "rescue",
    "arrested": "arrest",
    "detained": "arrest",
    "arrests": "arrest",
    "detentions": "arrest",
    "staying": "shelter",
    "camps": "shelter",
}
# In money figures these all name a cost; elsewhere "losses" are casualties.
MONEY_FORMS = {
    "loss": "cost",
    "value": "cost",
    "bill": "cost",
    "price": "cost",
    "rebuild": "cost",
    "reconstruction": "cost",
    "casualty": "cost",
}
# Concepts that exclude one another: figures with different ones measure different things.
EXCLUSIVE = frozenset(
    {
        "death",
        "injury",
        "missing",
        "displace",
        "homeless",
        "prisoner",
        "identify",
        "capture",
        "shelter",
        "casualty",
        "case",
        "arrest",
        "destroy",
        "damaged",
    }
)
# Harm to buildings and things, which people are never counted by.
HARM = frozenset({"destroy", "damaged"})
# What a sum of money is: given (aid, pledges, appeals) or lost (damage, costs, losses).
# Money given wins when both are named: "pledged €1 billion for reconstruction".
MONEY_GIVEN = frozenset(
    """aid pledge grant appeal donat donation donor fund funding relief assistance loan
    committ provid release releas spend spent allocat earmark set""".split()
)
MONEY_LOST = frozenset(
    """cost damage loss worth value rebuild reconstruction repair insur insured bill
    destroy economy""".split()
)
# Words telling that a figure replaces an earlier one rather than disputing it.
REVISION = re.compile(
    r"\b(?:revis\w*|previous\w*|first reported|initial\w*|original\w*|instead of|"
    r"lower\w*|raised|down from|up from|earlier (?:figure|estimate|count)|updated?)\b",
    re.I,
)
# Running counts that only grow between reports, bar small revisions.
RUNNING = frozenset({"death", "injury", "case", "arrest"})
# Counts that usually grow while a crisis lasts: a later, higher figure from another
# claimant is a new count, not a dispute.
GROWING = RUNNING | {"displace"}
# Words that restrict a figure to a rate or a part of the period: "average monthly gain".
SCOPE = {
    "average": "per",
    "avg": "per",
    "monthly": "per",
    "weekly": "per",
    "daily": "per",
    "annual": "year",
    "annually": "year",
    "yearly": "year",
    "annualised": "year",
    "annualized": "year",
    "per": "per",
    "each": "per",
    "apiece": "per",
}
# Concepts that overlap without being equal: a match counts, at a discount.
RELATED = {
    frozenset({"casualty", "death"}),
    frozenset({"casualty", "injury"}),
    frozenset({"casualty", "troop"}),
    frozenset({"missing", "death"}),
}

DEMONYMS = {
    "american": "united states",
    "u.s.": "united states",
    "british": "united kingdom",
    "uk": "united kingdom",
    "russian": "russia",
    "ukrainian": "ukraine",
    "north korean": "north korea",
    "south korean": "south korea",
    "korean": "korea",
    "chinese": "china",
    "israeli": "israel",
    "palestinian": "palestine",
    "iranian": "iran",
    "syrian": "syria",
    "turkish": "turkey",
    "sudanese": "sudan",
    "french": "france",
    "german": "germany",
    "polish": "poland",
    "indian": "india",
    "pakistani": "pakistan",
    "afghan": "afghanistan",
    "iraqi": "iraq",
    "lebanese": "lebanon",
    "yemeni": "yemen",
    "egyptian": "egypt",
    "japanese": "japan",
    "mexican": "mexico",
    "canadian": "canada",
    "italian": "italy",
    "spanish": "spain",
    "belarusian": "belarus",
    "georgian": "georgia",
    "saudi": "saudi arabia",
    "ethiopian": "ethiopia",
    "somali": "somalia",
    "libyan": "libya",
    "nigerian": "nigeria",
    "european": "europe",
    "chadian": "chad",
    "haitian": "haiti",
    "venezuelan": "venezuela",
    "brazilian": "brazil",
}
DEMONYM_RE = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(re.escape(d) for d in sorted(DEMONYMS, key=len, reverse=True))
    + r")(?!\w)",
    re.I,
)
MULTIWORD_DEMONYMS = tuple(d for d in DEMONYMS if " " in d)
# Words that make a figure a forecast; "could", "may", "might" only in lower case ("May" is
# a month): "as much as 300 mm of rain could fall".
MODAL = re.compile(
    r"\b(expect\w*|forecast\w*|predict\w*|projected|anticipat\w*|consensus|"
    r"(?-i:could|may|might))\b",
    re.I,
)
NAME = re.compile(r"\b[A-Z][A-Za-z'\u2019.-]*[a-z]\b|\b[A-Z]{2,}\b")
NOT_NAMES = frozenset(
    {
        "president",
        "minister",
        "government",
        "official",
        "officials",
        "i",
        "mr",
        "ms",
        "dr",
        "he",
        "she",
        "they",
        "we",
        "it",
    }
)
MONTH_NAMES = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)


def fold(text: str | None) -> str:
    """Lower-case ASCII text, curly quotes straightened."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("\u2019", "'").casefold()


def stem(word: str) -> str:
    """A crude stem: irregular forms and concepts first, then common English suffixes."""
    w = word.strip("'-").removesuffix("'s")
    if w in FORMS:
        return FORMS[w]
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ves", "f"), ("ing", ""), ("ed", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + repl
            return FORMS.get(w, w)
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        w = w[:-1]
    return FORMS.get(w, w)


# "damaged or destroyed" counts one thing: every structure the disaster touched.
EITHER_HARM = re.compile(r"\b(?:damaged,? or destroyed|destroyed,? or damaged)\b")


def harm_folded(text: str) -> str:
    """Folded text with "damaged or destroyed" read as one concept (destroyed)."""
    return EITHER_HARM.sub("destroyed", text)


def terms(text: str | None) -> list[str]:
    """Content stems of a text, in order, with demonyms folded to their country."""
    out: list[str] = []
    low = harm_folded(fold(text))
    for dem in MULTIWORD_DEMONYMS:
        low = low.replace(dem, DEMONYMS[dem].replace(" ", "_"))
    for w in WORD.findall(low):
        if w[0].isdigit() or w in STOP or len(w) < 2:
            continue
        out.append(DEMONYMS.get(w, stem(w)))
    return out


def places_in(text: str | None, demonyms: bool = True) -> set[str]:
    """Who or where a text names: capitalised names, and countries named by a demonym."""
    raw = (text or "").replace("\u2019", "'")
    found: set[str] = set()
    if demonyms:
        found.update(DEMONYMS[m.group(0).casefold()] for m in DEMONYM_RE.finditer(raw))
    raw = DEMONYM_RE.sub(" ", raw)
    if "north korea" in found or "south korea" in found:
        found.discard("korea")
    for i, w in enumerate(NAME.findall(raw)):
        name = fold(w).removesuffix("'s")
        if i == 0 and raw.lstrip().startswith(w) and name in STOP:
            continue
        if name in STOP or name in MONTH_NAMES or name in DEMONYMS or name in NOT_NAMES:
            continue
        found.add(name)
    return found


LOCATIVE = re.compile(
    r"\b(?:in|at|across|inside|near|outside|throughout|within)\s+(?:the\s+)?"
    r"((?:[A-Z][\w'\u2019.-]*\s*)+(?:(?:and|or|,)\s+(?:[A-Z][\w'\u2019.-]*\s*)+)*)"
)


def where_in(text: str | None) -> set[str]:
    """Names that follow a locative preposition: "killed in Turkey" gives {"turkey"}."""
    found: set[str] = set()
    for m in LOCATIVE.finditer(text or ""):
        found.update(places_in(m.group(1), demonyms=False))
    return found


FRAME = re.compile(
    r"^\W*(?:In|Across|Throughout|Inside)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}"
    r"((?:[A-Z][\w'\u2019.-]*\s*)+(?:(?:and|or)\s+(?:[A-Z][\w'\u2019.-]*\s*)+)*),"
)


def frame_where(sentence: str | None) -> set[str]:
    """Names in a sentence's opening frame: "In neighbouring Malawi, officials said …"."""
    m = FRAME.match(sentence or "")
    return places_in(m.group(1), demonyms=False) if m else set()
