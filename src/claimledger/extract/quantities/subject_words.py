"""Word lists for subject phrases: how English news names changes, fates, places and money.

Verbs are listed by lemma.
"""

from __future__ import annotations

from claimledger.extract.quantities.units import TIME_UNITS


def _pairs(text: str) -> dict[str, str]:
    return dict(pair.split(":") for pair in text.split())


UP = frozenset(
    "rise increase grow climb jump gain add surge soar rebound raise boost expand swell mount "
    "accelerate spike double triple up upward".split()
)
DOWN = frozenset(
    "fall drop decline decrease shrink slip slide plunge tumble sink cut lower reduce lose shed "
    "slash ease dip contract down downward fewer less revise_down".split()
)
REPORTING = frozenset(
    "say tell report estimate add note warn announce claim write state insist acknowledge confirm "
    "find show suggest believe think argue explain".split()
)
MAX_WORDS = 10  # content words in a subject phrase
LIGHT_VERBS = frozenset("be have do get make".split())
# verbs that say what a figure amounts to, not what happened to it: their subject is the thing
LEVEL_VERBS = frozenset("be have include total stand amount come remain number equal".split())
# prepositions whose phrases a predicate keeps
ARG_PREPS = frozenset(
    "in on for from to into by at across through inside outside under near off over among "
    "against with of since between onto toward towards along behind within after before "
    "until".split()
)
SETTLEMENTS = frozenset(
    "city town village hamlet country nation state island province region district county "
    "community municipality settlement neighbourhood neighborhood suburb camp capital".split()
)
# the noun English news uses for a change a verb describes ("prices rose 3%" -> rise)
CHANGE_NOUNS = _pairs(
    "rise:rise increase:increase grow:growth climb:rise jump:rise gain:gain surge:rise soar:rise "
    "rebound:rebound raise:increase boost:increase expand:expansion swell:rise mount:rise "
    "fall:fall drop:fall decline:decline decrease:decrease shrink:contraction slip:fall "
    "slide:fall plunge:fall tumble:fall sink:fall cut:cut lower:cut reduce:cut slash:cut "
    "ease:fall dip:fall contract:contraction revise:revision"
)
# past participles English does not form with -ed
IRREGULAR = _pairs(
    "commit:committed admit:admitted submit:submitted permit:permitted omit:omitted "
    "transmit:transmitted refer:referred prefer:preferred transfer:transferred "
    "occur:occurred deter:deterred control:controlled patrol:patrolled compel:compelled "
    "expel:expelled propel:propelled regret:regretted upset:upset "
    "be:been have:had do:done make:made take:taken give:given send:sent lose:lost hold:held "
    "find:found leave:left bring:brought build:built buy:bought sell:sold pay:paid spend:spent "
    "keep:kept put:put cut:cut set:set hit:hit let:let shut:shut spread:spread cost:cost "
    "rise:risen fall:fallen grow:grown drive:driven flee:fled fight:fought win:won steal:stolen "
    "strike:struck break:broken tear:torn throw:thrown fly:flown draw:drawn see:seen get:got "
    "go:gone come:come run:run begin:begun write:written speak:spoken choose:chosen freeze:frozen "
    "feed:fed lead:led meet:met read:read say:said tell:told think:thought catch:caught "
    "teach:taught seek:sought bear:borne sink:sunk shoot:shot bind:bound hide:hidden sweep:swept "
    "feel:felt deal:dealt mean:meant withdraw:withdrawn shed:shed bid:bid lend:lent owe:owed "
    "forecast:forecast broadcast:broadcast forgive:forgiven eat:eaten know:known show:shown "
    "hang:hung dig:dug wake:woken "
    "overtake:overtaken undertake:undertaken rebuild:rebuilt wind:wound beat:beaten"
)
# how English news names the fate of those a figure counts
FATE = {"die": "killed", "perish": "killed"}
# currency names added to money subjects, as in "aid pledged (euros)"
CURRENCY_NAMES = {
    k: v.replace("_", " ")
    for k, v in _pairs(
        "EUR:euros GBP:pounds_sterling JPY:yen CNY:yuan INR:rupees PKR:rupees TRY:lira RUB:roubles "
        "UAH:hryvnias CHF:francs CAD:Canadian_dollars AUD:Australian_dollars MXN:pesos CLP:pesos "
        "BRL:reais ZAR:rand NGN:naira KES:shillings ILS:shekels SAR:riyals AED:dirhams KRW:won "
        "IDR:rupiah EGP:pounds"
    ).items()
}
# a conversion in brackets names its own currency: "R1,000 ($56)" -> "... (US dollars)"
CONVERSION_NAMES = {**CURRENCY_NAMES, "USD": "US dollars"}
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week "
    "weekend month year day morning evening night tonight midday noon".split()
)
NP_PREPS = frozenset("of in for from on to inside outside near across under at between".split())
RELATIVE = frozenset("which that who whom whose".split())
DATE_PREPS = frozenset("in since through".split())
PREFIX = {
    "percent": "share of",
    "fraction": "share of",
    **dict.fromkeys(TIME_UNITS, "time"),
    **dict.fromkeys(("degree_Celsius", "degree_Fahrenheit", "kelvin"), "temperature"),
    **dict.fromkeys(("kilometer_per_hour", "mile_per_hour", "knot", "meter_per_second"), "speed"),
    "millimeter": "rainfall",
}
# nouns that already say what a measure prefix would ("night temperatures", "wind gusts")
PREFIX_SAID = {
    "temperature": frozenset("temperature heat high low reading thermometer mercury".split()),
    "speed": frozenset("speed wind gust velocity pace".split()),
    "rainfall": frozenset("rain rainfall precipitation snow snowfall downpour".split()),
}
# verbs that say what level a measure reached: their subject is the thing measured
MEASURE_LEVEL_VERBS = frozenset("reach hit top touch exceed surpass pass near peak average".split())
# nouns for a running count: "the total passed 9,000 cases" gives the total, not the cases
TALLY_NOUNS = frozenset("total toll tally count number figure".split())
# nouns for a reckoning: a change made to one is a revision ("estimates were raised by 5%")
ESTIMATE_NOUNS = frozenset("estimate figure count tally forecast projection".split())
# verbs that make the clause they govern a forecast ("expected inflation to average 4%")
EXPECT_VERBS = frozenset("expect forecast project predict anticipate".split())
# a figure after these gives the level something reached, not what was done to it
LEVEL_PREPS = frozenset("to at above below past over under beyond around near from".split())
LENGTH_UNITS = frozenset("km mi meter foot yard nautical_mile".split())
SPANNING = frozenset("stretch run extend span measure cover".split())
NP_DEPS = frozenset("compound amod poss nmod neg prt".split())
SPAN_PREPS = frozenset("of after before since until".split())
RISE_WORDS = frozenset("up higher more greater larger bigger".split())
FALL_WORDS = frozenset("down lower less fewer smaller".split())
FIG_PREPS = frozenset("of in for from on under inside outside near across among at".split())
QUANTIFIERS = frozenset("more less fewer least most many few several much".split())
PRONOUNS = frozenset("it they he she we".split())
# nouns for the people who live in a place: "the 8,000 residents of X" is its population
RESIDENTS = frozenset("resident inhabitant citizen people population".split())
# nouns that already name the dimension a length measures ("a depth of 10 km")
DIMENSION_NOUNS = frozenset(
    "depth length distance height width altitude radius range extent elevation".split()
)
DIMENSIONS = {
    "high": "height",
    "tall": "height",
    "deep": "depth",
    "long": "length",
    "wide": "width",
}
