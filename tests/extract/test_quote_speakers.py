"""Speakers of statements: descriptions of bodies, pronouns, unnamed groups, split clauses."""

from __future__ import annotations

import pytest

from claimledger.extract.quotes.bodies import BodyDescription, fit
from claimledger.extract.quotes.statements import extract_quotes


def _speakers(parse, text: str) -> list[str | None]:
    doc, article = parse(text)
    return [q.speaker for q in extract_quotes(doc, article)]


def _statements(parse, text: str) -> list[tuple[str | None, str | None, bool, str]]:
    doc, article = parse(text)
    return [(q.speaker, q.cue, q.direct, q.content) for q in extract_quotes(doc, article)]


BODY_DESCRIPTIONS = [
    (  # an acronym the tagger calls a common noun
        "UNICEF said it had flown in 12 tonnes of medicine. "
        "The agency said it needed $4 million more.",
        ["UNICEF", "UNICEF"],
    ),
    (
        "The World Food Programme said it had cut rations in Chad. "
        "The agency said it needed $140 million.",
        ["World Food Programme", "World Food Programme"],
    ),
    (  # the head noun of the name, not a person whose role mentions the body
        "The Flood Control Authority said the river had crested. Rina Das, a spokeswoman "
        "for the authority, said the dykes held. The authority warned that more rain was due.",
        ["Flood Control Authority", "Rina Das", "Flood Control Authority"],
    ),
    (
        "The Ministry of Finance said revenue fell in March. "
        "The ministry said customs receipts were lower.",
        ["Ministry of Finance", "Ministry of Finance"],
    ),
    (  # a near synonym
        "Kenya's Ministry of Health confirmed 14 deaths. "
        "The department said 300 cases were under investigation.",
        ["Ministry of Health"],
    ),
    (
        "Rio Tinto said it would close the smelter. The company said 400 jobs would go.",
        ["Rio Tinto", "Rio Tinto"],
    ),
    (  # a proper modifier the earlier body lacks: a body of its own
        "Sindh's chief minister said the relief effort was under way. The losses were "
        "large, the Sindh livestock department estimated.",
        ["Sindh's chief minister", "Sindh livestock department"],
    ),
    (
        "Oxfam said in a statement that 2,000 families had lost their homes. "
        "The charity urged donors to release emergency funds.",
        ["Oxfam", "Oxfam"],
    ),
    (  # the nearest paragraph that names a fitting body wins
        "The disaster agency AFAD said 50,000 people had died.\n\n"
        "The UN Development Programme said 1.5 million people were homeless. "
        "The agency said rubble would take years to clear.",
        ["AFAD", "UN Development Programme", "UN Development Programme"],
    ),
    (
        "The World Health Organization and UNICEF said in a joint statement that two million "
        "children had missed vaccinations. The two agencies called on governments to act.",
        ["The World Health Organization and UNICEF", "The World Health Organization and UNICEF"],
    ),
    (
        "Amnesty International said it had documented 45 cases of torture. "
        "The rights group called on the authorities to investigate.",
        ["Amnesty International", "Amnesty International"],
    ),
    (  # an industry noun for a company, not the person quoted in between
        "Sterling Drug Inc. said it will sell a unit. A company spokesman said the sale would "
        "close in May. The drug maker said the unit had sales of $240 million.",
        ["Sterling Drug Inc.", "A company spokesman", "Sterling Drug Inc."],
    ),
    (  # "police" is one body, though the tagger makes it plural
        "Police in Lagos said 14 people had been arrested. "
        "The police said the suspects would be charged on Monday.",
        ["Police in Lagos", "Police in Lagos"],
    ),
    (  # a name the parse reads as a clause, with no entity label
        "Save the Children said 1,200 schools had been damaged. "
        "The charity said pupils would miss months of lessons.",
        ["Save the Children", "Save the Children"],
    ),
    (
        "Japan said on Friday it would release the water in August. "
        "The government said the plan was safe.",
        ["Japan", "Japan"],
    ),
    (  # a possessive owner and a lowercase name the tagger calls proper
        "The Ministry of Health said 61 people had died. "
        "The country's national health ministry said 300 more cases were suspected.",
        ["Ministry of Health", "Ministry of Health"],
    ),
    (
        "The Interior Ministry said 14 people were detained. The ministry did not say where.",
        ["Interior Ministry"],
    ),
]


@pytest.mark.parametrize("text, expected", BODY_DESCRIPTIONS)
def test_body_descriptions_resolve(parse, text, expected):
    got = [s.removeprefix("the ") if s else s for s in _speakers(parse, text)]
    assert got == expected


def _desc(head: str, common: str = "", proper: str = "") -> BodyDescription:
    return BodyDescription(head, frozenset(common.split()), frozenset(proper.split()))


FITS = [
    (_desc("ministry", "health"), "Ministry of Health", "ORG", 3),
    (_desc("ministry"), "Ministry of Health", "ORG", 3),
    (_desc("department"), "Ministry of Finance", "ORG", 2),
    (_desc("agency", proper="un"), "UNICEF", "ORG", 2),
    (_desc("agency", proper="un"), "AFAD", "ORG", 0),
    (_desc("agency"), "AFAD", "ORG", 2),
    (_desc("agency"), "Red Cross", "ORG", 1),
    (_desc("ministry", "health"), "Ministry of Finance", "ORG", 0),
    (_desc("department", proper="sindh"), "Ministry of Health", "ORG", 0),
    (_desc("company"), "Acme Corp", "ORG", 2),
    (_desc("government"), "Kenya", "GPE", 2),
    (_desc("company"), "Kenya", "GPE", 0),
    (_desc("bank"), "World Bank", "ORG", 3),
    (_desc("bank"), "International Monetary Fund", "ORG", 0),
]


@pytest.mark.parametrize("desc, name, label, expected", FITS)
def test_body_fit(desc, name, label, expected):
    assert fit(desc, name, label) == expected


PRONOUNS = [
    (  # a two-word name the tagger takes for an organisation, apposed to a person's title
        "A senior official in the province said half of the deaths were at home.\n\n"
        "“We had 40 beds and 130 patients,” said Rosa Mbeki, a nurse at the clinic.\n\n"
        "She said supplies had run out on Sunday.",
        ["A senior official in the province", "Rosa Mbeki", "Rosa Mbeki"],
    ),
    (
        "A senior police official said the attackers had used a stolen van.\n\n"
        "“We found the vehicle two kilometres away,” said Sana Qureshi, an investigator.\n\n"
        "She said forensic teams were examining it.",
        ["A senior police official", "Sana Qureshi", "Sana Qureshi"],
    ),
    (  # the person who spoke in the paragraph before, not one it merely mentions
        "“We had 40 beds and 130 patients,” said Rosa Mbeki, a nurse at the clinic. The "
        "provincial health director, Jose Lopes, visited the ward on Friday.\n\n"
        "She said supplies had run out on Sunday.",
        ["Rosa Mbeki", "Rosa Mbeki"],
    ),
    (  # a family name first
        "Chen Wei, a teacher, said classes had been suspended. Chen said she would stay.",
        ["Chen Wei", "Chen Wei"],
    ),
    (  # a relative pronoun is its antecedent and shows no gender
        "The minister, who spoke at a news conference in Nairobi, said funds had been set "
        "aside. “No family will be left behind,” she said.",
        ["The minister", "The minister"],
    ),
    (
        "Ann Roe, a retired judge who writes about the courts, said the ruling was flawed.\n\n"
        "“The court ignored the evidence,” she said.",
        ["Ann Roe", "Ann Roe"],
    ),
    (  # "to speak" is no cue: the second stretch keeps the cue of the first
        "“We will respond,” a senior official told reporters, speaking on condition of "
        "anonymity because he was not authorised to speak to the media. “The timing is ours.”",
        ["a senior official", "a senior official"],
    ),
    (  # a name the tagger takes for an organisation, shown a person by an apposed age
        "A harbour official, who asked not to be named, said two boats were lost.\n\n"
        "“The engine stopped,” said Tunde Bakare, a 31-year-old from Bamako who swam ashore. "
        "He said his cousin was still missing.",
        ["A harbour official", "Tunde Bakare", "Tunde Bakare"],
    ),
    (  # ... or by a relative clause with "who"
        "A harbour official said two boats were lost.\n\n"
        "“It sank,” said Tunde Bakare, who runs a shop in the port. "
        "He said the crew had been warned.",
        ["A harbour official", "Tunde Bakare", "Tunde Bakare"],
    ),
    (
        "A harbour official said two boats were lost.\n\n"
        "“It sank,” said Tunde Bakare, 44, a fisherman. He said the crew had been warned.",
        ["A harbour official", "Tunde Bakare", "Tunde Bakare"],
    ),
    (
        "Interior Minister Ali Naqvi said victims would be paid. Opposition leader Omar Ayub "
        "said the response had been slow. He said parliament should hold an inquiry.",
        ["Ali Naqvi", "Omar Ayub", "Omar Ayub"],
    ),
]


@pytest.mark.parametrize("text, expected", PRONOUNS)
def test_pronouns_resolve(parse, text, expected):
    assert _speakers(parse, text) == expected


GROUPS = [
    (  # its own description, not an earlier group of officials
        "Local officials said schools would stay closed. "
        "Health officials said 31 cases had been confirmed.",
        ["Local officials", "Health officials"],
    ),
    (
        "Health officials in Uganda said 31 cases had been confirmed. "
        "Local officials said schools would stay closed.",
        ["Health officials in Uganda", "Local officials"],
    ),
    (
        "In neighbouring Zambia, health officials said 40 people had died.",
        ["health officials in Zambia"],
    ),
    (
        "The disease has returned to Zambia, where health officials said 40 people had died.",
        ["health officials in Zambia"],
    ),
    (  # a name in the description already places the group
        "In the city alone, UN monitors said in January that 1,500 people had been killed.",
        ["UN monitors"],
    ),
    (  # one member of a group named before
        "Three nurses at the clinic said they had not been paid. "
        "“We are working for nothing,” one of them said.",
        ["Three nurses at the clinic", "one of three nurses at the clinic"],
    ),
    (
        "In the capital, officials said the road had reopened.",
        ["officials"],
    ),
]


@pytest.mark.parametrize("text, expected", GROUPS)
def test_unnamed_groups(parse, text, expected):
    assert _speakers(parse, text) == expected


CLAUSES = [
    (  # a second cue the parse put inside the first one's clause
        "The agency warned that more rain was expected later in the week and urged "
        "residents of low-lying areas to move to higher ground.",
        [
            ("The agency", "warned", False, "more rain was expected later in the week"),
            ("The agency", "urged", False, "residents of low-lying areas to move to higher ground"),
        ],
    ),
    (
        "The fund warned that rising debt posed a risk and urged governments to rebuild buffers.",
        [
            ("The fund", "warned", False, "rising debt posed a risk"),
            ("The fund", "urged", False, "governments to rebuild buffers"),
        ],
    ),
    (  # the subject's own second verb stays in the clause
        "Police Chief Dan Roe said crews had covered a quarter of the area and hoped to "
        "finish by Friday.",
        [
            (
                "Dan Roe",
                "said",
                False,
                "crews had covered a quarter of the area and hoped to finish by Friday",
            )
        ],
    ),
    (  # a trailing cue the parse coordinated with the first clause
        "Thousands of goats have drowned and half the cotton crop has been lost, the "
        "farm bureau estimated.",
        [
            (
                "the farm bureau",
                "estimated",
                False,
                "Thousands of goats have drowned and half the cotton crop has been lost",
            )
        ],
    ),
    (
        "Oxfam said in a statement that 2,000 families had lost their homes.",
        [("Oxfam", "said", False, "2,000 families had lost their homes")],
    ),
    (
        "The company said in a filing that output fell 12%.",
        [("The company", "said", False, "output fell 12%")],
    ),
    (
        "The union called on the government to reopen talks.",
        [("The union", "called", False, "the government to reopen talks")],
    ),
    (
        "The ministry did not say where the men were held.",
        [],
    ),
    (
        "Shares fell 6 percent, according to exchange data.",
        [],
    ),
]


@pytest.mark.parametrize("text, expected", CLAUSES)
def test_clauses(parse, text, expected):
    assert _statements(parse, text) == expected


ROLES = [
    (  # a sentence that ends in an abbreviation ends the role
        "“We see a lot of nervousness,” said John Hart, chairman of Hart Brothers Inc. "
        "Mr. Hart added that the firm had sold bonds.",
        "chairman of Hart Brothers Inc.",
    ),
    (
        "“We need a ceasefire now,” said Jan Olsen, secretary general of the Nordic Refugee "
        "Council.",
        "secretary general of the Nordic Refugee Council",
    ),
    (
        "“I lost everything,” says Maria Gomez, 58, a baker, standing in front of her shop.",
        "baker",
    ),
]

NO_ROLES = [
    "Zelenskiy, speaking in his nightly video address, said forces had repelled 40 attacks.",
    "“I lost everything,” says Maria Gomez, 58, standing in front of the ruins of her home.",
]


@pytest.mark.parametrize("text", NO_ROLES)
def test_participles_are_no_roles(parse, text):
    doc, article = parse(text)
    assert {q.role for q in extract_quotes(doc, article)} == {None}


@pytest.mark.parametrize("text, expected", ROLES)
def test_roles_end_with_their_sentence(parse, text, expected):
    doc, article = parse(text)
    assert {q.role for q in extract_quotes(doc, article)} == {expected}


CUE_VERBS = ["asked", "joked", "quipped", "recounted", "wondered", "pleaded", "continued"]


@pytest.mark.parametrize("verb", CUE_VERBS)
def test_quote_cues(parse, verb):
    text = f"“Who will pay for the new bridge?” Carla Diaz {verb}. “Not the town.”"
    assert [(s, c) for s, c, _, _ in _statements(parse, text)] == [("Carla Diaz", verb)] * 2


NOT_STATEMENTS = [
    "Donors pledged $7 billion, as widely different estimates underlined the scale of the task.",
    "The president declared a state of emergency in ten provinces.",
    "Prices continued to rise in March, and the talks continued.",
    "She asked the court to delay the hearing.",
]


@pytest.mark.parametrize("text", NOT_STATEMENTS)
def test_not_statements(parse, text):
    assert _statements(parse, text) == []
