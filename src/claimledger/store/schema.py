"""The ledger's tables (SQLAlchemy Core): plain tables any SQLite or PostgreSQL tool can read.

Every claim row keeps `start`/`end` character offsets into its article's `text`.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def _article_fk() -> Column:
    return Column(
        "article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
    )


articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text),
    Column("published", String(10), index=True),
    Column("url", Text),
    Column("outlet", Text),
    Column("source", Text),
    Column("text", Text, nullable=False),
    Column("ingested_at", String(32), nullable=False),
)

quantities = Table(
    "quantities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("value", Float),
    Column("low", Float),
    Column("high", Float),
    Column("unit", String(64), nullable=False, index=True),
    Column("unit_text", Text),
    Column("noun", String(128), index=True),
    Column("approx", String(32)),
    Column("change", String(8)),
    Column("subject", Text),
    Column("claimant", Text, index=True),
    Column("as_of", String(32), index=True),
    Column("sentence", Text),
    Column("place", Text),
    Column("canonical_value", Float),
    Column("canonical_unit", String(64)),
    Column("linked_to", Integer),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("position", Integer, nullable=False),
    Column("speaker", Text, index=True),
    Column("role", Text),
    Column("cue", String(64)),
    Column("direct", Boolean, nullable=False),
    Column("content", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("geonames_id", Integer),
)

place_mentions = Table(
    "place_mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("place_id", Integer, ForeignKey("places.id", ondelete="CASCADE"), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

dates = Table(
    "dates",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("value", String(32)),
    Column("type", String(12), nullable=False),
)

clusters = Table(
    "clusters",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("measure", Text, nullable=False),
    Column("dimension", String(32)),
    Column("relation", String(16), nullable=False),
    Column("note", Text),
)

cluster_members = Table(
    "cluster_members",
    metadata,
    Column(
        "cluster_id", String(64), ForeignKey("clusters.id", ondelete="CASCADE"), primary_key=True
    ),
    Column(
        "quantity_id", Integer, ForeignKey("quantities.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("position", Integer, nullable=False),
)

Index("ix_quantities_article", quantities.c.article_id)
Index("ix_quotes_article", quotes.c.article_id)
Index("ix_places_article", places.c.article_id)
Index("ix_dates_article", dates.c.article_id)
Index("ix_place_mentions_place", place_mentions.c.place_id)
