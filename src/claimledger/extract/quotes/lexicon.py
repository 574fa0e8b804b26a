"""Word lists for speech attribution: reporting verbs, pronouns, titles and kinds of speaker.

The lists are general English news vocabulary. They are kept here, apart from the code that
reads the parse, so that a new verb or title is a one-line change.
"""

from __future__ import annotations

# Verbs that introduce a statement and take a clausal complement ("X said (that) ...").
CLAUSE_VERBS: frozenset[str] = frozenset(
    """
    say tell add warn estimate find report demand urge acknowledge claim insist believe stress
    admit announce explain note emphasize emphasise highlight mention hope answer argue assert
    contend maintain state reveal allege concede complain caution observe recall remark
    reply respond write tweet post predict confirm deny disclose testify reiterate
    conclude calculate vow promise pledge agree assure inform advise brief boast
    counter retort comment think feel fear worry reckon guess project forecast suspect
    recommend propose point describe call accuse charge figure speak shout yell scream chant
    exclaim whisper implore encourage ask continue joke quip laugh sigh recount wonder muse
    cry plead lament scoff snap groan sob marvel concur interject elaborate clarify affirm
    proclaim
    """.split()
)

# Verbs of weak commitment: a statement only when the verb heads the sentence
# ("Ihor believes Russia will hold"), not inside another clause
# ("polling showed that most voters believed ...").
WEAK_VERBS: frozenset[str] = frozenset(
    "believe think feel fear worry hope reckon guess suspect agree".split()
)

# Verbs whose noun-phrase object is the statement ("he stressed the cost of the war").
NP_OBJECT_VERBS: frozenset[str] = frozenset("emphasize emphasise highlight stress mention".split())

# Verbs whose statement is an object plus an infinitive ("urged donors to give more").
INFINITIVE_VERBS: frozenset[str] = frozenset("urge call demand implore encourage".split())

# Verbs that count only with a direct quotation, never alone ("called the plan 'a disaster'").
QUOTE_ONLY_VERBS: frozenset[str] = frozenset(
    "call describe speak ask continue laugh sigh cry sob scoff snap groan interject".split()
)

# Participles that carry a statement of the subject of the verb they hang on
# ("..., saying the toll would rise").
PARTICIPLE_CUES: frozenset[str] = frozenset(
    """
    say insist add warn argue note claim explain stress tell acknowledge admit describe call
    caution complain emphasize emphasise
    """.split()
)

# Particles that form a phrasal reporting verb with a verb outside the list.
PHRASAL_CUES: dict[str, str] = {"point": "out", "lay": "out", "spell": "out"}

PERSON_PRONOUNS: frozenset[str] = frozenset("he she him her his".split())
PLURAL_PRONOUNS: frozenset[str] = frozenset("they them their".split())
THING_PRONOUNS: frozenset[str] = frozenset("it its".split())
FIRST_PERSON: frozenset[str] = frozenset("i we me us".split())

# Titles written before a name ("Police Chief John Pelletier"); lowercase.
TITLE_WORDS: frozenset[str] = frozenset(
    """
    president vice prime minister secretary chancellor governor mayor senator sen. rep.
    representative congressman congresswoman chair chairman chairwoman chief general gen.
    lt. col. colonel major maj. captain capt. sgt. sergeant lieutenant admiral adm. commander
    dr. dr mr. mr mrs. mrs ms. ms prof. professor judge justice king queen prince princess
    pope ambassador envoy spokesman spokeswoman spokesperson director officer official
    minister foreign defense defence interior deputy acting former state of the -elect elect
    president-elect sheikh emir sultan premier attorney police fire commissioner inspector
    superintendent marshal private corporal infantryman serviceman soldier pilot operator
    """.split()
)

# Nouns for people, which an apposition gives a name the tagger took for a body
# ("Ana Lopes, a nurse at the clinic").
PERSON_NOUNS: frozenset[str] = frozenset(
    """
    nurse doctor physician surgeon midwife paramedic medic dentist pharmacist farmer
    resident villager teacher student pupil worker engineer analyst economist researcher
    scientist professor lecturer lawyer attorney judge spokesman spokeswoman spokesperson
    official officer director manager executive founder chairman chairwoman chair president
    minister secretary mother father son daughter wife husband widow widower survivor
    witness shopkeeper trader vendor merchant driver fisherman pilot soldier commander
    activist volunteer journalist reporter photographer coordinator adviser advisor
    consultant expert fellow historian strategist diplomat politician lawmaker legislator
    senator mayor governor leader member owner priest imam pastor bishop nun firefighter
    rescuer ranger guard mechanic electrician miner labourer laborer carpenter builder
    banker trader investor entrepreneur businessman businesswoman actor singer artist
    writer author player coach captain veteran refugee pensioner retiree grandmother
    grandfather mother-of-two father-of-three organiser organizer campaigner protester
    head chief deputy envoy ambassador negotiator representative employee man woman
    """.split()
)

# Words that mark a name or a description as an organisation or other body.
BODY_WORDS: frozenset[str] = frozenset(
    """
    agency bank bureau center centre county ministry department office council company firm
    government group organization organisation commission committee court fund institute
    institution university programme program service authority authorities police army
    military administration board team party union coalition alliance network campaign
    forces force corporation corp. corp inc. inc co. co ltd. ltd association federation
    foundation league nations kingdom states republic parliament congress senate assembly
    house cabinet kremlin pentagon presidency monitor monitors observatory panel project
    lab laboratory hospital school college ngo charity mission embassy consulate brigade
    battalion regiment command staff guard guards unit division directorate secretariat
    """.split()
)

# Nouns that can stand for any body just named ("the agency", "the organisation").
GENERIC_BODY_NOUNS: frozenset[str] = frozenset(
    """
    agency organization organisation body group company firm institution office authority
    carmaker automaker airline retailer lender insurer chipmaker broadcaster conglomerate
    manufacturer exporter refiner utility operator producer miner regulator charity
    maker drugmaker giant provider supplier distributor publisher chain
    """.split()
)

# Nouns for documents that speak for their authors ("a World Bank report estimated ...").
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    """
    report study survey assessment analysis statement data figures estimate estimates census
    review audit paper poll update tally count bulletin release document assessment letter
    """.split()
)

# Nouns that, after "by", name an estimate ("by the center's count", "by their estimate").
ESTIMATE_NOUNS: frozenset[str] = frozenset(
    "count estimate estimates tally calculation calculations reckoning figures measure".split()
)

# Participles that introduce a name or a title, not a statement ("known as", "titled").
NAMING_VERBS: frozenset[str] = frozenset("call name dub know title label brand nickname".split())

# Nouns that introduce a quoted name, not a statement ("known by his callsign “Hohi”").
ALIAS_NOUNS: frozenset[str] = frozenset(
    "callsign call-sign nickname alias codename moniker handle pseudonym nom".split()
)
