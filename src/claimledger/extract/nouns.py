"""What a counted noun counts: people (`person`), buildings and equipment (`item`), or else `count`.

The lexicon lists the nouns English news uses for people, by role, status, trade and fate;
a few productive endings (-ist, -eer, -man, -woman, -worker) cover the rest of the trades.
"""

from __future__ import annotations

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
ITEM_NOUNS = frozenset(
    """
building home house structure apartment flat dwelling residence housing property
equipment shelter tent cabin hut school hospital church mosque
""".split()
)
# nouns that never count anything when a bare number stands before them
NOT_COUNTED = frozenset("time times way side thing one another".split())


def counted_unit(lemma: str) -> str:
    """The schema unit for a noun counted by a number: person, item or count."""
    low = lemma.lower()
    if low in PERSON_NOUNS:
        return "person"
    if low in ITEM_NOUNS:
        return "item"
    if low.endswith(PERSON_SUFFIXES) and low not in PERSON_SUFFIX_EXCEPTIONS and len(low) > 4:
        return "person"
    return "count"


def is_person_noun(lemma: str) -> bool:
    """True when the noun names people."""
    return counted_unit(lemma) == "person"
