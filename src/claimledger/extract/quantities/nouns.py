"""What a counted noun counts: people (`person`), physical things (`item`), or else `count`.

The lexicon lists the nouns English news uses for people, by role, status, trade and fate;
a few productive endings (-ist, -eer, -man, -woman, -worker) cover the rest of the trades.
Peoples and parties written with a capital ("Syrians", "Democrats") are people too.
`item` is for physical objects: buildings and facilities, vehicles, vessels and aircraft,
weapons, equipment and supplies counted by the piece (beds, tents, generators). Abstract or
collective things (villages, families, jobs, doses, households, provinces) and animals are
`count`. "Cases" and "infections" are people in a story about a disease, else `count`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

PERSON_NOUNS = frozenset(
    """
people person persons individual adult child children kid baby infant toddler minor teen
teenager youth youngster man men woman women boy girl elder elderly pensioner retiree senior
civilian resident inhabitant citizen national native local villager townspeople population
refugee migrant immigrant emigrant asylum-seeker evacuee displaced returnee expatriate expat
exile settler nomad pilgrim worshipper worshiper tourist visitor traveller traveler passenger
commuter pedestrian driver motorist cyclist rider
soldier troop fighter militant rebel insurgent combatant guerrilla jihadist extremist terrorist
gunman attacker assailant mercenary conscript recruit draftee reservist serviceman servicemen
servicewoman servicemember marine sailor airman paratrooper commando sniper infantryman
officer commander general colonel captain lieutenant sergeant corporal private cadet guard
peacekeeper personnel crew crewmember staff staffer employee worker laborer labourer hire
police gendarme militiaman militiamen
casualty victim fatality death dead wounded injured injury survivor missing life body corpse
prisoner detainee hostage captive pow inmate convict suspect defendant arrestee abductee
protester protestor demonstrator rioter looter striker picketer activist dissident
voter member lawmaker legislator senator congressman congresswoman representative delegate
deputy mp minister official diplomat ambassador envoy leader politician candidate mayor
governor president judge lawyer attorney prosecutor juror witness
doctor physician surgeon nurse medic paramedic midwife pharmacist dentist therapist caregiver
patient teacher student pupil professor lecturer scholar researcher scientist expert analyst
economist journalist reporter correspondent photographer editor writer author artist actor
singer musician athlete player coach fan spectator supporter follower subscriber user customer
consumer shopper buyer seller client tenant renter landlord homeowner owner shareholder
investor entrepreneur farmer fisherman fishermen herder miner logger builder engineer mechanic
electrician plumber carpenter firefighter rescuer responder volunteer aid-worker policeman
policemen policewoman cop agent spy informant guard trafficker smuggler criminal gang
applicant claimant beneficiary recipient participant attendee respondent trainee intern
apprentice graduate employee contractor freelancer retailer vendor
neighbour neighbor friend relative parent mother father son daughter sibling brother sister
husband wife widow widower orphan grandparent grandchild family-member cousin uncle aunt
monk nun priest cleric imam rabbi bishop pastor missionary
inspector investigator director administrator operator supervisor observer negotiator donor
creditor debtor ancestor sponsor actor instructor counselor counsellor councillor councilor
senator governor mediator moderator monitor auditor surveyor translator interpreter
competitor contestant entrant finalist winner loser runner swimmer climber hiker camper
homeless jobless unemployed poor sick elderly
""".split()
)
PERSON_SUFFIXES = ("ist", "eer", "man", "men", "woman", "women", "worker", "person", "people")
PERSON_SUFFIX_EXCEPTIONS = frozenset(
    "list mist fist wrist twist gist exist resist insist assist persist consist enlist playlist "
    "checklist wishlist career pioneer veneer engineer volunteer mountaineer auctioneer "
    "human omen amen semen abdomen specimen regimen stamen hymen".split()
) - {"engineer", "volunteer", "mountaineer", "auctioneer", "pioneer"}
# physical things: buildings and facilities, vehicles, weapons, equipment and supplies by the piece
ITEM_NOUNS = frozenset(
    """
building home house structure apartment flat dwelling residence housing property shop store
shelter tent cabin hut school classroom hospital clinic church mosque temple synagogue bridge
tower factory plant warehouse office facility depot station terminal substation well dam
tunnel bunker checkpoint airport airfield runway port refinery mill
vehicle car truck lorry van bus minibus coach taxi motorcycle motorbike bicycle bike tractor
trailer train locomotive wagon railcar tram ambulance helicopter chopper aircraft airplane
aeroplane plane jet airliner fighter-jet bomber drone satellite rocket missile ship vessel boat
tanker freighter carrier frigate destroyer submarine warship ferry barge yacht tug trawler
tank howitzer cannon gun rifle pistol launcher mortar shell bomb grenade mine warhead weapon
artillery armor armour equipment machine generator pump ventilator bed cot stretcher mattress
blanket net mosquito-net sandbag tarpaulin container crate pallet kit bottle computer laptop
phone tablet camera radio
engine turbine panel battery charger reactor rig pipeline excavator bulldozer crane
smartphone handset television tv appliance fridge refrigerator stove heater boiler
air-conditioner chip semiconductor server printer meter furnace oven toilet latrine
""".split()
)
# nouns whose unit depends on the story: disease cases are people, court cases are not
CONTEXT_PERSON_NOUNS = frozenset(
    "case infection hospitalization hospitalisation admission reinfection".split()
)
DISEASE_WORDS = frozenset(
    """
cholera measles covid covid-19 coronavirus sars mers ebola marburg mpox monkeypox dengue malaria
polio tuberculosis tb typhoid diphtheria influenza flu h5n1 hiv aids zika chikungunya yellow-fever
meningitis hepatitis plague anthrax rabies diarrhoea diarrhea pertussis rubella mumps
outbreak epidemic pandemic infection infected virus viral disease contagion symptomatic
""".split()
)
# plurals written like the singular: "three sheep", "five aircraft"
INVARIANT_PLURALS = frozenset(
    "sheep deer fish buffalo bison moose elk swine cattle livestock poultry salmon trout cod "
    "aircraft spacecraft hovercraft watercraft offspring personnel staff crew police".split()
)
# peoples and groups written with a capital: "1.5 million Syrians", "40 Democrats"
GROUP_SUFFIXES = ("ans", "ians", "is", "ese", "ites", "ards", "ists")
GROUP_NAMES = frozenset(
    "britons muslims jews christians hindus sikhs buddhists kurds arabs turks poles scots swiss "
    "danes finns serbs croats thais filipinos latinos hispanics democrats tories conservatives "
    "liberals greens socialists communists uyghurs uighurs rohingya tamils pashtuns baloch "
    "yazidis druze alawites sunnis shias shiites catholics protestants".split()
)
# groups of people whose size is given after "of": "a family of six", "a crew of 20"
PEOPLE_GROUPS = frozenset(
    "family household group crew team party band squad gang couple delegation contingent "
    "unit platoon company".split()
)
# what a station or post measures, which makes it a site counted as `count`, not a building:
# "14 weather stations", "30 monitoring stations", "rain gauges"
MEASURING_WORDS = frozenset(
    "weather monitoring measuring gauging gauge seismic seismographic rain rainfall tide tidal "
    "observation observing meteorological sampling sensor air-quality".split()
)
# pronouns after "of" that name people: "forty of us"
PERSON_PRONOUNS = frozenset("us we you".split())
# nouns that never count anything when a bare number stands before them
NOT_COUNTED = frozenset("time times way side thing one another".split())


def counted_unit(lemma: str) -> str:
    """The schema unit for a noun counted by a number: person, item or count."""
    low = lemma.lower()
    if low in PERSON_NOUNS or low in PERSON_PRONOUNS:
        return "person"
    if low in ITEM_NOUNS:
        return "item"
    if low.endswith(PERSON_SUFFIXES) and low not in PERSON_SUFFIX_EXCEPTIONS and len(low) > 4:
        return "person"
    return "count"


def is_person_noun(lemma: str) -> bool:
    """True when the noun names people."""
    return counted_unit(lemma) == "person"


def counted_unit_of(tok: Token) -> str:
    """The unit for the counted noun `tok`, reading the story where the noun alone cannot tell:
    "cases" count people in an article about an outbreak."""
    lemma = tok.lemma_.lower()
    if lemma not in CONTEXT_PERSON_NOUNS and tok.lower_.rstrip("s") in CONTEXT_PERSON_NOUNS:
        lemma = tok.lower_.rstrip("s")
    if lemma in CONTEXT_PERSON_NOUNS:
        obj = _of_object(tok)
        if obj is not None and obj.lemma_.lower() not in DISEASE_WORDS:
            return "count"  # "40 cases of fraud"
        return "person" if _disease_story(tok.doc) else "count"
    low = tok.lower_
    if tok.text[:1].isupper() and tok.tag_ in ("NNPS", "NNS", "NNP") and low.endswith("s"):
        if low in GROUP_NAMES or low.endswith(GROUP_SUFFIXES):
            return "person"
    if low in ("rohingya", "druze", "baloch", "chinese", "japanese", "vietnamese", "sudanese"):
        return "person"
    unit = counted_unit(lemma)
    if unit == "item" and any(
        c.dep_ in ("compound", "amod") and c.lower_ in MEASURING_WORDS for c in tok.children
    ):
        return "count"  # "14 weather stations" are measuring sites, not buildings
    return unit


def group_size_of(doc: Doc, i: int) -> bool:
    """True when the bare number at token i gives the size of a group of people: "a family of
    six", "a crew of 20"."""
    return (
        i >= 2
        and doc[i - 1].lower_ == "of"
        and doc[i - 2].lemma_.lower() in PEOPLE_GROUPS
        and doc[i - 2].pos_ == "NOUN"
    )


def _of_object(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _disease_story(doc: Doc) -> bool:
    """True when the article names a disease or an outbreak (looked up once per article)."""
    key = "claimledger.disease_story"
    if key not in doc.user_data:
        doc.user_data[key] = any(
            t.lower_ in DISEASE_WORDS or t.lemma_.lower() in DISEASE_WORDS for t in doc
        )
    return bool(doc.user_data[key])
