"""Which named body a description of a body ("the agency", "the health ministry") stands for.

A description fits a named body at one of three strengths:
3. its head noun is a word of the name ("the ministry" ↔ "Ministry of Health"), and so is
   every common-noun modifier ("the health ministry");
2. its head noun is a near synonym of a word of the name ("the department" ↔ "Ministry of
   Finance", "the firm" ↔ "Acme Corp", "the government" ↔ a country);
1. its head noun could stand for any organisation ("the agency", "the group") and the name is
   an organisation the parse labels as such.
A proper-noun modifier the name lacks ("the Sindh livestock department") rules a body out, and
so does a common-noun modifier missing from a name that holds the head noun ("the health
ministry" is not the Ministry of Finance). Other common-noun modifiers say what kind of body
it is ("the rights group") and cannot be checked against a name.
"""

from __future__ import annotations

from dataclasses import dataclass

# Head nouns and the name words each can stand for, beyond the noun itself.
_SYNONYMS: dict[str, frozenset[str]] = {
    "agency": frozenset(
        "agency organization organisation programme program fund office commission service "
        "administration bureau authority".split()
    ),
    "authority": frozenset("authority agency administration commission directorate".split()),
    "ministry": frozenset("ministry department".split()),
    "department": frozenset("department ministry".split()),
    "company": frozenset(
        "company corp corp. corporation inc inc. ltd ltd. plc group holdings co co. llc ag sa "
        "firm industries".split()
    ),
    "firm": frozenset(
        "firm company corp corp. corporation inc inc. ltd ltd. plc group holdings co co. llc "
        "partners".split()
    ),
    "group": frozenset(
        "group organization organisation charity foundation trust federation association "
        "alliance coalition network movement front party".split()
    ),
    "organisation": frozenset(
        "organization organisation group charity foundation trust federation association "
        "agency fund programme program".split()
    ),
    "charity": frozenset("charity foundation trust fund organization organisation".split()),
    "body": frozenset(
        "body organization organisation agency commission council committee board authority".split()
    ),
    "union": frozenset("union federation confederation association".split()),
    "council": frozenset("council assembly board".split()),
    "board": frozenset("board council commission".split()),
    "commission": frozenset("commission committee".split()),
    "military": frozenset("military army forces force command".split()),
    "army": frozenset("army military forces force".split()),
    "government": frozenset("government administration cabinet".split()),
    "administration": frozenset("administration government".split()),
    "service": frozenset("service agency".split()),
    "office": frozenset("office bureau".split()),
    "institute": frozenset("institute institution centre center".split()),
    "lender": frozenset("bank fund".split()),
    "regulator": frozenset("commission authority agency board".split()),
}
_SYNONYMS["organization"] = _SYNONYMS["organisation"]

# Head nouns that can stand for any organisation named just before.
_ANY_BODY = frozenset(
    """
    agency organization organisation group body charity company firm institution lender
    regulator insurer operator producer miner carrier carmaker automaker airline retailer
    chipmaker broadcaster conglomerate manufacturer exporter refiner utility maker
    drugmaker giant provider supplier distributor publisher chain
    """.split()
)

# Head nouns that stand for a country's government ("the government" ↔ "Pakistan").
_STATE_NOUNS = frozenset("government administration state cabinet".split())

# United Nations and other international bodies usually written as acronyms.
_UN_BODIES = frozenset(
    """
    unicef who wfp unhcr undp unfpa ocha unrwa fao iaea ilo unesco iom unaids unep imo icao
    itu wmo unido ifad unctad unops un-habitat unhrc ohchr icrc ifrc msf
    """.split()
)

# Modifiers that say nothing of which body is meant ("the main opposition group").
_NEUTRAL_MODIFIERS = frozenset(
    """
    same main local national federal state provincial regional international global
    government state-run state-owned official new largest biggest private public
    """.split()
)


@dataclass(slots=True, frozen=True)
class BodyDescription:
    """A definite description of a body: its head noun and its modifiers."""

    head: str
    common: frozenset[str]  # lowercase common-noun and adjective modifiers
    proper: frozenset[str]  # lowercase proper-noun modifiers ("sindh", "un")

    @property
    def is_un(self) -> bool:
        """True for "the UN agency", "the U.N. body"."""
        return bool(self.proper & {"un", "u.n.", "united", "nations"})


def fit(
    desc: BodyDescription, name: str, label: str | None, known: frozenset[str] = frozenset()
) -> int:
    """How well a body called `name` fits the description: 0 (not at all) to 3.

    `known` holds words an earlier mention gave the body ("the disaster agency AFAD").
    """
    words = {w.strip(".,'’()").lower() for w in name.replace("-", " ").split()} | known
    words |= {w.rstrip("s") for w in words if len(w) > 3}
    low = name.lower()
    acronym = name.isupper() and name.replace(".", "").isalpha() and len(name) > 1
    un_body = low in _UN_BODIES or "united nations" in low or low.startswith(("un ", "u.n. "))
    extra_proper = desc.proper - words
    if desc.is_un:
        if not un_body:
            return 0
        extra_proper = frozenset()
    if extra_proper:
        return 0
    common = {w for w in desc.common if w not in _NEUTRAL_MODIFIERS}
    if desc.head in words:  # "the health ministry" is not the Ministry of Finance
        return 3 if common <= words else 0
    if words & _SYNONYMS.get(desc.head, frozenset()):
        return 2
    if desc.head in _STATE_NOUNS and label in {"GPE", "NORP"} and not common:
        return 2
    if desc.head in _ANY_BODY and label not in {"GPE", "NORP", "LOC", "FAC"}:
        if un_body and desc.head in {"agency", "organization", "organisation", "body"}:
            return 2
        if acronym:
            return 2
        if label in {"ORG", None}:  # None: a body the article names that the parse missed
            return 1
    return 0
