"""Quotes and reported speech: table-driven cases written for the project."""

from __future__ import annotations

import pytest

from claimledger.extract.quotes.marks import find_stretches
from claimledger.extract.quotes.statements import extract_quotes


def _statements(parse, text: str) -> set[tuple[str | None, bool, str]]:
    doc, article = parse(text)
    return {(q.speaker, q.direct, q.content) for q in extract_quotes(doc, article)}


DIRECT = [
    (
        '"We will rebuild the bridge by spring," said Mayor Ana Torres.',
        {("Ana Torres", True, "We will rebuild the bridge by spring")},
    ),
    (
        "Mayor Ana Torres visited the flooded district on Monday. "
        "“The river is still rising,” the mayor said.",
        {("Ana Torres", True, "The river is still rising")},
    ),
    (
        "Tom Reyes, a farmer near the dam, watched the water climb.\n\n"
        "“The water came fast,” he said. “We lost everything.”",
        {
            ("Tom Reyes", True, "The water came fast"),
            ("Tom Reyes", True, "We lost everything."),
        },
    ),
    (
        "Health Minister Lena Park told reporters: “Every clinic in the region is open.”",
        {("Lena Park", True, "Every clinic in the region is open.")},
    ),
    (
        "“The numbers,” said Lena Park, “do not lie about the outbreak.”",
        {("Lena Park", True, "The numbers"), ("Lena Park", True, "do not lie about the outbreak.")},
    ),
    (
        "Paul Ortiz, a union leader, spoke outside the plant. “We have waited long enough.\n\n"
        "“Our members will not wait another year,” he said.",
        {
            ("Paul Ortiz", True, "We have waited long enough."),
            ("Paul Ortiz", True, "Our members will not wait another year"),
        },
    ),
    (
        "Paul Ortiz called the offer “an insult to every worker in this town.”",
        {("Paul Ortiz", True, "an insult to every worker in this town.")},
    ),
    (
        "Dana White said the plan was sound.\n\n“It will work, and it will save the city money.”",
        {
            ("Dana White", False, "the plan was sound"),
            ("Dana White", True, "It will work, and it will save the city money."),
        },
    ),
    (
        "The Reserve Bank of Ruritania held its rate on Tuesday. "
        '"Prices will fall next year," the bank said in a statement.',
        {("Reserve Bank of Ruritania", True, "Prices will fall next year")},
    ),
    (
        "“We need help now,” said Ahmed Saleh, a nurse in the camp. He said medicine had run out.",
        {
            ("Ahmed Saleh", True, "We need help now"),
            ("Ahmed Saleh", False, "medicine had run out"),
        },
    ),
    (
        'The coach, Jonas Berg, praised the team after the match. "We played with heart," he said.',
        {("Jonas Berg", True, "We played with heart")},
    ),
    (
        "“Nobody warned us about the second wave,” a fisherman in the village said.",
        {("a fisherman in the village", True, "Nobody warned us about the second wave")},
    ),
]


@pytest.mark.parametrize("text, expected", DIRECT)
def test_direct_quotes(parse, text, expected):
    assert _statements(parse, text) == expected


PARTIAL = [
    (
        "The governor said the state would face “a very hard winter” without federal aid.",
        {
            ("the governor", True, "a very hard winter"),
            (
                "the governor",
                False,
                "the state would face “a very hard winter” without federal aid",
            ),
        },
    ),
    (
        "Governor Mia Holt said the state “will not survive another winter” without aid.",
        {("Mia Holt", True, "will not survive another winter")},
    ),
    (
        "Mia Holt warned of a “real danger of shortages” in the north.",
        {("Mia Holt", True, "real danger of shortages")},
    ),
    (
        "Mia Holt said she doubted the plan would pass, describing it as “dead on arrival” in the "
        "senate.",
        {
            ("Mia Holt", False, "she doubted the plan would pass"),
            ("Mia Holt", True, "dead on arrival"),
        },
    ),
]


@pytest.mark.parametrize("text, expected", PARTIAL)
def test_partial_quotes(parse, text, expected):
    got = {(s.lower() if s else s, d, c) for s, d, c in _statements(parse, text)}
    assert got == {(s.lower(), d, c) for s, d, c in expected}


REPORTED = [
    (
        "Ana Torres said the bridge would reopen in May.",
        {("Ana Torres", False, "the bridge would reopen in May")},
    ),
    (
        "Ana Torres said that the bridge would reopen in May.",
        {("Ana Torres", False, "the bridge would reopen in May")},
    ),
    (
        "The bridge will reopen in May, Ana Torres said.",
        {("Ana Torres", False, "The bridge will reopen in May")},
    ),
    (
        "The National Roads Agency sent crews out overnight. "
        "By Friday, the agency said, most roads had been cleared.",
        {("National Roads Agency", False, "most roads had been cleared")},
    ),
    (
        "Acme Corp reported strong sales in March. "
        "The company warned that profits would fall later in the year.",
        {("Acme Corp", False, "profits would fall later in the year")},
    ),
    (
        "Foreign Minister Rui Alves arrived in Geneva on Sunday. "
        "The minister told reporters that talks would resume within days.",
        {("Rui Alves", False, "talks would resume within days")},
    ),
    (
        "Doctors urged residents to stay indoors until the smoke cleared.",
        {("Doctors", False, "residents to stay indoors until the smoke cleared")},
    ),
    (
        "Maya Lin runs the only clinic in the valley. She stressed the need for more nurses.",
        {("Maya Lin", False, "the need for more nurses")},
    ),
    (
        "The ministry raised the toll to 40 on Sunday, saying more bodies had been found.",
        {("The ministry", False, "more bodies had been found")},
    ),
    (
        "Police arrested two men on Friday and said more arrests were likely.",
        {("Police", False, "more arrests were likely")},
    ),
    (
        "Kim Lee said the deal was fair and that both sides had gained from it.",
        {
            ("Kim Lee", False, "the deal was fair"),
            ("Kim Lee", False, "both sides had gained from it"),
        },
    ),
    (
        "Hana Kim believes the economy will recover next year.",
        {("Hana Kim", False, "the economy will recover next year")},
    ),
    (
        "Rosa Diaz, an economist at Ridge Bank, points out that wages have stalled.",
        {("Rosa Diaz", False, "wages have stalled")},
    ),
    (
        "Analysts estimate that 3,000 jobs were lost in the region.",
        {("Analysts", False, "3,000 jobs were lost in the region")},
    ),
    (
        "Researchers at Leeds University found that the drug cut deaths by half.",
        {("Researchers at Leeds University", False, "the drug cut deaths by half")},
    ),
    (
        "Protesters demanded that the mayor resign before the election.",
        {("Protesters", False, "the mayor resign before the election")},
    ),
    (
        "The World Bank said growth would slow to 2 percent this year.",
        {("World Bank", False, "growth would slow to 2 percent this year")},
    ),
    (
        "The United Nations says 5,000 people have fled across the border.",
        {("United Nations", False, "5,000 people have fled across the border")},
    ),
    (
        "Officials in Lagos said the main road would stay closed.",
        {("Officials in Lagos", False, "the main road would stay closed")},
    ),
    (
        "A diplomat in Brussels, who asked not to be named, said the vote would pass.",
        {("A diplomat in Brussels", False, "the vote would pass")},
    ),
    (
        "Nurses at the hospital, Jan Novak admitted, had not been paid for weeks.",
        {("Jan Novak", False, "Nurses at the hospital had not been paid for weeks")},
    ),
    (  # words after a trailing cue that still belong to the statement
        "Output climbed to 82 tonnes, the mining board said, close to the record set in 2019.",
        {
            (
                "the mining board",
                False,
                "Output climbed to 82 tonnes, close to the record set in 2019",
            )
        },
    ),
    (
        "Ticket sales slumped, the theatre said, well below its forecast for the season.",
        {("the theatre", False, "Ticket sales slumped, well below its forecast for the season")},
    ),
    # ... but not the cue's setting, a date or a participle
    (
        "Ticket sales slumped, the theatre said, in a statement.",
        {("the theatre", False, "Ticket sales slumped")},
    ),
    (
        "Ticket sales slumped, the theatre said, on Monday.",
        {("the theatre", False, "Ticket sales slumped")},
    ),
    (
        "Coach Ellen Shaw insists her team can still win the league.",
        {("Ellen Shaw", False, "her team can still win the league")},
    ),
]


@pytest.mark.parametrize("text, expected", REPORTED)
def test_reported_speech(parse, text, expected):
    assert _statements(parse, text) == expected


SPEAKERS = [
    (
        "Carlos Mendes, a fisherman, lost his boat in the storm. "
        "He said the wind came without warning.",
        ["Carlos Mendes"],
    ),
    (
        "Carlos Mendes lives by the harbour. Mendes said the storm came at night.",
        ["Carlos Mendes"],
    ),
    (
        "Priya Nair, a teacher, said the school had closed. She said classes would resume online.",
        ["Priya Nair", "Priya Nair"],
    ),
    (
        "Aid workers reached the village on Sunday. They said food was running out.",
        ["Aid workers"],
    ),
    (
        "The World Food Programme sent 20 trucks. It said more convoys were planned.",
        ["World Food Programme"],
    ),
    (
        "A senior police official said the suspect had fled. "
        "The official said a reward would be offered.",
        ["A senior police official", "A senior police official"],
    ),
    (
        "Interior Minister Sofia Berg spoke in parliament. "
        "The minister said border checks would be tightened.",
        ["Sofia Berg"],
    ),
    (
        "Marin County officials ordered evacuations. The county said 300 homes were at risk.",
        ["Marin County"],
    ),
    (
        "A new UNICEF report estimated that two million children were out of school.",
        ["UNICEF"],
    ),
    (
        "His deputy, Karl Weiss, said the audit was complete.",
        ["Karl Weiss"],
    ),
    (
        "Oleh, known by his callsign “Falcon,” serves in an artillery unit. "
        "Falcon said the guns had been quiet for a week.",
        ["Oleh"],
    ),
    (
        "Prime Minister Omar Haddad toured the port on Friday.\n\n"
        "Lina Haddad, a shipping analyst, said exports had dropped. "
        "Omar Haddad said the port would expand.\n\n"
        "“The ships are waiting at sea,” she said.",
        ["Lina Haddad", "Omar Haddad", "Lina Haddad"],
    ),
    (
        "Ukraine's foreign minister, Petro Boyko, met his counterpart on Monday. "
        "Boyko told reporters the talks had been useful.",
        ["Petro Boyko"],
    ),
]


SPEAKERS += [
    (
        "Maria Lopez, a retired judge, said the ruling was flawed. "
        "Governor Sam Hill said he disagreed with it.\n\n"
        "“The court ignored the evidence,” she said.",
        ["Maria Lopez", "Sam Hill", "Maria Lopez"],
    ),
    (
        "Mr. Grant said the plant would close. Ms. Alvarez said the union would fight.\n\n"
        "“We will not give up,” she said.",
        ["Grant", "Alvarez", "Alvarez"],
    ),
    (
        "Tom Reyes spoke to reporters in the square. "
        '"We have lost everything. Nobody has come to help us."',
        ["Tom Reyes"],
    ),
    (
        "Ella Ruiz said the clinic would stay open. “We owe it to the families who rely on us.”",
        ["Ella Ruiz", "Ella Ruiz"],
    ),
    (
        "“The water is not safe to drink,” said Dr. Omar Aziz, the district health officer.",
        ["Omar Aziz"],
    ),
]


@pytest.mark.parametrize("text, expected", SPEAKERS)
def test_speakers_resolve(parse, text, expected):
    doc, article = parse(text)
    speakers = [q.speaker for q in extract_quotes(doc, article)]
    assert speakers == expected
    assert not {"he", "she", "they", "it"} & {s.lower() for s in speakers if s}


ROLES = [
    ("Foreign Secretary Ann Cole said talks would continue.", "Foreign Secretary"),
    (
        "Ben Okafor, a spokesman for the port authority, said ships were waiting.",
        "spokesman for the port authority",
    ),
    ("Police Chief Dan Roe said the roads were closed.", "Police Chief"),
    (
        "Ivan Petrov of the 12th Mountain Brigade said the village was empty.",
        "12th Mountain Brigade",
    ),
    (
        "Sara Blum, who runs a shelter in the city, said beds were full.",
        "runs a shelter in the city",
    ),
    ("The property firm Landmark said prices had peaked.", "property firm"),
]


@pytest.mark.parametrize("text, expected", ROLES)
def test_roles(parse, text, expected):
    doc, article = parse(text)
    quotes = extract_quotes(doc, article)
    assert quotes and quotes[0].role == expected


NOTHING = [
    "The so-called “peace plan” was rejected by both sides on Monday.",
    "She wrote a book titled “The Long Road Home” about her childhood.",
    "The plan was announced on Monday after a long delay.",
    "Figures released by the agency showed a sharp drop in exports.",
    "According to the ministry, 40 people died in the floods.",
    "The firm added 200 jobs in March, its best month in a year.",
    "The survey showed that most voters believed the economy was weak.",
    "“A town without water”\n\nThe taps in Millbrook ran dry in June.",
    "Yurko, with callsign “Bear,” has served since 2019.",
    "The president declared a state of emergency in three provinces.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_statement(parse, text):
    doc, article = parse(text)
    assert extract_quotes(doc, article) == []


UNBALANCED = [
    (
        "“We are ready, said the captain.\n\nThe crew said they were ready to sail.",
        ("The crew", "they were ready to sail"),
    ),
    (
        "“It was quiet,” she said. Then the shelling began again.”\n\n"
        "Nina Ross said the town was empty.",
        ("Nina Ross", "the town was empty"),
    ),
    (
        'He said "the roads are "open" now.\n\nOfficials said the bridge was shut.',
        ("Officials", "the bridge was shut"),
    ),
    ("“”\n\nOfficials said the bridge was shut.", ("Officials", "the bridge was shut")),
    (
        "“One mark here and “another there.\n\nOfficials said the bridge was shut.",
        ("Officials", "the bridge was shut"),
    ),
]


@pytest.mark.parametrize("text, expected", UNBALANCED)
def test_unbalanced_marks_never_raise(parse, text, expected):
    doc, article = parse(text)
    quotes = extract_quotes(doc, article)
    assert expected in {(q.speaker, q.content) for q in quotes}


OFFSETS = [
    (
        "“Stay home tonight,” he said, after Mayor Ana Torres spoke.",
        "Stay home tonight",
    ),
    ("Ana Torres said the bridge would reopen in May.", "the bridge would reopen in May"),
]


@pytest.mark.parametrize("text, content", OFFSETS)
def test_offsets_point_into_the_text(parse, text, content):
    doc, article = parse(text)
    quotes = extract_quotes(doc, article)
    q = next(q for q in quotes if q.content == content)
    assert article.text[q.start : q.end] == content
    assert q.speaker_start is not None and q.speaker_end is not None
    assert article.text[q.speaker_start : q.speaker_end]


STRETCHES = [
    ("“One,” he said. “Two.”", ["One", "Two."]),
    ('"Straight quotes," she said.', ["Straight quotes"]),
    ('“Mixed marks" here.', ["Mixed marks"]),
    ("“First paragraph.\n\n“Second paragraph,” he said.", ["First paragraph.", "Second paragraph"]),
    ("No marks at all.", []),
    ("It ends here.”", ["It ends here."]),
    ("“Never closed", ["Never closed"]),
]


@pytest.mark.parametrize("text, expected", STRETCHES)
def test_quote_marks(text, expected):
    assert [text[s.start : s.end] for s in find_stretches(text)] == expected
