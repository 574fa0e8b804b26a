"""Words around place names in English news text, used to read their context."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words after a name that give the kind of division it is ("Kursk Oblast", "Hatay province").
DIVISION_WORDS = _words(
    "oblast region province governorate state krai prefecture district raion territory "
    "voivodeship canton oblasts regions provinces governorates districts"
)
PLURAL_DIVISION_WORDS = _words("oblasts regions provinces governorates districts")
# "the territory of X", "the towns of X and Y", "X, a village of ..." give the kind.
CUE_KIND = {
    **dict.fromkeys(
        _words(
            "territory territories region regions province provinces oblast governorate state "
            "district districts county emirate"
        ),
        "region",
    ),
    **dict.fromkeys(_words("island islands"), "region"),
    **dict.fromkeys(_words("city cities capital"), "city"),
    **dict.fromkeys(
        _words(
            "town towns municipality commune neighbourhood neighbourhoods neighborhood "
            "neighborhoods suburb suburbs"
        ),
        "town",
    ),
    # "the port of X": a city when the gazetteer knows it as one, otherwise the port itself
    **dict.fromkeys(_words("port ports harbour harbor"), "port"),
    # "X, the world's largest copper mine"
    **dict.fromkeys(
        _words("mine mines refinery oilfield gasfield airport airbase terminal dam camp"),
        "facility",
    ),
    **dict.fromkeys(_words("village villages settlement settlements hamlet hamlets"), "village"),
}
# People whose place is given by "from", "in" or "of" ("a farmer from X", "residents of X").
PEOPLE_FROM = _words(
    "farmer farmers fisherman fishermen villager villagers resident residents native natives "
    "refugee refugees migrant migrants family families man men woman women boy boys girl girls "
    "mother mothers father fathers herder herders survivor survivors evacuee evacuees "
    "inhabitant inhabitants worker workers people"
)
PEOPLE_IN = PEOPLE_FROM | _words(
    "officials authorities doctors nurses rescuers police hospitals schools clinics shops "
    "markets homes houses streets"
)
# "the mayor of X", "the outskirts of X"
OF_PLACE = _words(
    "residents inhabitants villagers people citizens population mayor governor outskirts "
    "suburbs streets centre center"
)
# Verbs whose direct object, when a gazetteer name, is a place ("rebels seized Goma").
PLACE_VERBS = _words(
    "seize capture recapture retake enter shell bomb besiege encircle evacuate flood visit "
    "liberate occupy surround storm"
)
# Last words of capitalised names that are not places ("Trump Tower", "Acme Electronics").
NON_PLACE_HEADS = _words(
    "tower towers hotel hospital university college school academy church mosque cathedral "
    "temple stadium arena building center centre bank group inc corp corporation company co "
    "ltd llc plc party council ministry agency forum foundation institute association union "
    "club airlines airways electronics motors network networks media news times post press "
    "capital partners holdings fund trust committee commission court consulting consultants "
    "research analytics advisors advisers securities"
)
# Lower-case particles inside names the gazetteer lacks ("Maarat al-Numan", "Vila do Conde").
INNER_PARTICLES = _words("de da do dos das del della di du des la le el al es der den sur")
# Heads that turn a name into a facility ("Zaporizhzhia NPP", "the Zamzam camp").
FACILITY_HEADS: tuple[tuple[str, ...], ...] = tuple(
    tuple(h.split())
    for h in (
        "nuclear power plant",
        "power plant",
        "power station",
        "air base",
        "naval base",
        "military base",
        "refugee camp",
        "displacement camp",
        "npp",
        "plant",
        "airbase",
        "airport",
        "airfield",
        "base",
        "camp",
        "dam",
        "refinery",
        "reactor",
        "prison",
    )
)
# "the Kharkiv front", "the Pokrovsk direction"
FRONT_HEADS = _words("front direction axis sector")
LOC_PREPS = _words(
    "in near at from to into outside around across toward towards through throughout inside "
    "within via between beyond onto over past out off"
)
COMPASS = _words("north south east west northeast northwest southeast southwest")
DIRECTION_PREFIX = _words(
    "north south east west northern southern eastern western central upper lower greater"
)
# A place name followed by one of these is used attributively ("U.S. President Joe Biden").
TITLES = _words(
    "president vice prime minister secretary governor mayor ambassador envoy general gen chief "
    "commander senator sen rep representative foreign defense defence premier chancellor king "
    "queen prince president-elect leader officials official forces troops police"
)
# Words before a capitalised name that make it a person's name.
PERSON_TITLES = _words(
    "mr mrs ms dr president president-elect senator sen rep gen general governor gov mayor "
    "secretary minister chancellor judge sir lord lady chair chief colonel col captain capt sgt "
    "lieutenant commander pope king queen prince princess infantryman soldier"
)
# Verbs whose subject is, in news text, nearly always a person when it is a bare name.
PERSON_VERBS = _words(
    "say tell believe claim warn add note explain admit insist hope stress emphasize emphasise "
    "think write answer argue mention highlight recall ask reply serve fight join smile laugh"
)
# Single names that do not stand for a place on their own, whatever a gazetteer holds.
GENERIC = _words(
    "west east north south western eastern northern southern central kremlin pentagon congress "
    "parliament senate union state city capitol whitehall national federal international "
    "republic kingdom university council ministry army navy police government court hope "
    "victory liberty unity independence mission reform progress commerce enterprise freedom "
    "justice harmony friendship concord paradise eden god christmas easter"
) | {"white house", "downing street", "wall street", "capitol hill", "main street"}
# Lower-case words inside place names ("Rio de Janeiro", "Dar es Salaam", "Trinidad and Tobago").
NAME_PARTICLES = _words(
    "of and de da do dos das del della di du des la le el al es der den upon am sur"
)
MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday"
)
DEMONYM = re.compile(r"(?:an|ans|ian|ians|ese|ish|i|is|ic|ch|ean|eans)$", re.IGNORECASE)
ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z]{2,4}$")
