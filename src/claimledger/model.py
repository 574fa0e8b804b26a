"""Plain records that flow through claimledger: articles in, claims out.

Every claim carries character offsets (`start`, `end`) into its article's text, so it can
always be shown in its sentence.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Article:
    """One news article: its normalised text and what the source said about it."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None when the source gives none
    url: str | None = None
    outlet: str | None = None
    source: str | None = None  # file path or URL it was read from


@dataclass(slots=True)
class DateRef:
    """A time expression and the date or interval it resolves to."""

    text: str
    start: int
    end: int
    value: str | None  # YYYY-MM-DD, YYYY-MM, YYYY, or an interval A/B
    type: str = "DATE"  # DATE, DURATION, SET, TIME


@dataclass(slots=True)
class Quote:
    """An attributed statement, direct (in quotation marks) or reported."""

    speaker: str | None
    role: str | None
    cue: str | None
    direct: bool
    content: str
    start: int
    end: int
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass(slots=True)
class Quantity:
    """A figure the article asserts, with what it measures and who claims it."""

    text: str
    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str = "count"
    unit_text: str | None = None
    noun: str | None = None
    approx: str | None = None
    change: str | None = None  # "up", "down" or None
    subject: str | None = None
    claimant: str | None = None
    as_of: str | None = None
    sentence: str = ""
    place: str | None = None
    canonical_value: float | None = None
    canonical_unit: str | None = None
    linked_to: int | None = None  # index of the figure this one restates in another unit


@dataclass(slots=True)
class Mention:
    """Where a place is named in the text."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Place:
    """A distinct place named in an article, geocoded when the gazetteer knows it."""

    name: str
    kind: str  # country, region, city, town, village, front, facility
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    geonames_id: int | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The article's claims in the gold format (SCHEMA.md) plus extra fields."""
        a = self.article
        return {
            "doc": a.source.rsplit("/", 1)[-1] if a.source else a.id,
            "id": a.id,
            "title": a.title,
            "published": a.published,
            "url": a.url,
            "quantities": [asdict(q) for q in self.quantities],
            "quotes": [asdict(q) for q in self.quotes],
            "places": [asdict(p) for p in self.places],
            "dates": [asdict(d) for d in self.dates],
        }


@dataclass(slots=True)
class ClusterMember:
    """One figure in a cluster, with enough context to show it in a timeline."""

    quantity_id: int | None
    doc: str
    text: str
    value: float | None
    unit: str
    as_of: str | None
    claimant: str | None
    canonical_value: float | None = None


@dataclass(slots=True)
class Cluster:
    """Figures from one or more articles that measure the same real-world quantity."""

    id: str
    measure: str
    dimension: str
    relation: str  # agree, update, conflict, derived
    note: str
    members: list[ClusterMember] = field(default_factory=list)
