"""The Ledger: the one place that speaks SQL. Saves extractions, answers queries."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import asdict, fields
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Engine,
    and_,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
)
from sqlalchemy.engine import Connection

from claimledger.config import db_url
from claimledger.model import Article, Cluster, Extraction, Quantity
from claimledger.store import schema as t

LOGGER = logging.getLogger(__name__)
_QUANTITY_FIELDS = [f.name for f in fields(Quantity)]


class LedgerError(RuntimeError):
    """The ledger database cannot be opened or used."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Ledger:
    """A claims ledger over any SQLAlchemy database (SQLite file by default)."""

    def __init__(self, url: str = "sqlite:///claimledger.db") -> None:
        self.url = db_url(url)
        try:
            self.engine: Engine = create_engine(self.url)
        except Exception as exc:
            raise LedgerError(f"cannot open database {self.url!r}: {exc}") from None
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        try:
            t.metadata.create_all(self.engine)
        except Exception as exc:
            raise LedgerError(f"cannot open database {self.url!r}: {exc}") from None

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    # -- writing ---------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is already stored."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.articles.c.id).where(t.articles.c.id == article_id))
            return row.first() is not None

    def save(self, extraction: Extraction) -> bool:
        """Store one article and its claims in one transaction; False if it was already there."""
        article = extraction.article
        with self.engine.begin() as conn:
            exists = conn.execute(select(t.articles.c.id).where(t.articles.c.id == article.id))
            if exists.first() is not None:
                return False
            conn.execute(
                insert(t.articles),
                {**asdict(article), "ingested_at": datetime.now(UTC).isoformat(timespec="seconds")},
            )
            self._insert_claims(conn, extraction)
        return True

    def _insert_claims(self, conn: Connection, ex: Extraction) -> None:
        aid = ex.article.id
        rows = [
            {**asdict(q), "article_id": aid, "position": i} for i, q in enumerate(ex.quantities)
        ]
        if rows:
            conn.execute(insert(t.quantities), rows)
        rows = [{**asdict(q), "article_id": aid, "position": i} for i, q in enumerate(ex.quotes)]
        if rows:
            conn.execute(insert(t.quotes), rows)
        rows = [{**asdict(d), "article_id": aid} for d in ex.dates]
        if rows:
            conn.execute(insert(t.dates), rows)
        for i, place in enumerate(ex.places):
            data = asdict(place)
            mentions = data.pop("mentions")
            key = conn.execute(
                insert(t.places).values(**data, article_id=aid, position=i)
            ).inserted_primary_key
            assert key is not None, "a single-row insert always reports its primary key"
            place_id = key[0]
            if mentions:
                conn.execute(
                    insert(t.place_mentions), [{**m, "place_id": place_id} for m in mentions]
                )

    def replace_clusters(self, clusters: Sequence[Cluster]) -> None:
        """Replace every stored cluster with `clusters`, in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(delete(t.cluster_members))
            conn.execute(delete(t.clusters))
            for c in clusters:
                conn.execute(
                    insert(t.clusters),
                    {
                        "id": c.id,
                        "measure": c.measure,
                        "dimension": c.dimension,
                        "relation": c.relation,
                        "note": c.note,
                    },
                )
                members = [
                    {"cluster_id": c.id, "quantity_id": m.quantity_id, "position": i}
                    for i, m in enumerate(c.members)
                    if m.quantity_id is not None
                ]
                if members:
                    conn.execute(insert(t.cluster_members), members)

    # -- reading ---------------------------------------------------------------------------

    def _rows(self, query: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def counts(self) -> dict[str, int]:
        """How many rows each kind of record has."""
        names = ("articles", "quantities", "quotes", "places", "clusters")
        with self.engine.connect() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(getattr(t, name))).scalar_one()
                for name in names
            }

    def articles(
        self,
        *,
        search: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored articles (without their text), newest first."""
        a = t.articles
        query = select(a.c.id, a.c.published, a.c.title, a.c.outlet, a.c.url, a.c.source)
        if search:
            query = query.where(or_(a.c.title.ilike(_like(search)), a.c.text.ilike(_like(search))))
        if since:
            query = query.where(a.c.published >= since)
        if until:
            query = query.where(a.c.published <= until)
        return self._rows(query.order_by(a.c.published.desc(), a.c.id).limit(limit))

    def article(self, article_id: str) -> Article | None:
        """One stored article, with its text."""
        rows = self._rows(select(t.articles).where(t.articles.c.id == article_id))
        if not rows:
            return None
        row = rows[0]
        row.pop("ingested_at")
        return Article(**row)

    def quantities(
        self,
        *,
        unit: str | None = None,
        noun: str | None = None,
        claimant: str | None = None,
        search: str | None = None,
        since: str | None = None,
        until: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored figures with their article's date and source, filtered."""
        q, a = t.quantities, t.articles
        query = select(q, a.c.published, a.c.source).join(a, a.c.id == q.c.article_id)
        conds = []
        if unit:
            conds.append(q.c.unit == unit)
        if noun:
            conds.append(q.c.noun == noun)
        if claimant:
            conds.append(q.c.claimant.ilike(_like(claimant)))
        if search:
            like = _like(search)
            conds.append(
                or_(q.c.text.ilike(like), q.c.subject.ilike(like), q.c.sentence.ilike(like))
            )
        if since:
            conds.append(func.coalesce(q.c.as_of, a.c.published) >= since)
        if until:
            conds.append(func.coalesce(q.c.as_of, a.c.published) <= until)
        if article_id:
            conds.append(q.c.article_id == article_id)
        if conds:
            query = query.where(and_(*conds))
        order = (a.c.published, q.c.article_id, q.c.position)
        return self._rows(query.order_by(*order).limit(limit))

    def quotes(
        self,
        *,
        speaker: str | None = None,
        direct: bool | None = None,
        search: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored quotes with their article's date and source, filtered."""
        q, a = t.quotes, t.articles
        query = select(q, a.c.published, a.c.source).join(a, a.c.id == q.c.article_id)
        if speaker:
            query = query.where(q.c.speaker.ilike(_like(speaker)))
        if direct is not None:
            query = query.where(q.c.direct == direct)
        if search:
            query = query.where(q.c.content.ilike(_like(search)))
        if article_id:
            query = query.where(q.c.article_id == article_id)
        return self._rows(query.order_by(a.c.published, q.c.article_id, q.c.position).limit(limit))

    def places(
        self,
        *,
        name: str | None = None,
        kind: str | None = None,
        country: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Distinct stored places with how many articles and mentions name them."""
        p, m = t.places, t.place_mentions
        mentions = select(m.c.place_id, func.count().label("n")).group_by(m.c.place_id).subquery()
        query = (
            select(
                p.c.name,
                p.c.kind,
                p.c.country,
                p.c.lat,
                p.c.lon,
                p.c.geonames_id,
                func.count(func.distinct(p.c.article_id)).label("articles"),
                func.coalesce(func.sum(mentions.c.n), 0).label("mentions"),
            )
            .outerjoin(mentions, mentions.c.place_id == p.c.id)
            .group_by(p.c.name, p.c.kind, p.c.country, p.c.lat, p.c.lon, p.c.geonames_id)
        )
        if name:
            query = query.where(p.c.name.ilike(_like(name)))
        if kind:
            query = query.where(p.c.kind == kind)
        if country:
            query = query.where(p.c.country == country.upper())
        return self._rows(
            query.order_by(func.count(func.distinct(p.c.article_id)).desc(), p.c.name).limit(limit)
        )

    def figures(self) -> list[tuple[int, str, str | None, Quantity]]:
        """Every stored figure as (id, document name, published, Quantity), for reconciling."""
        q, a = t.quantities, t.articles
        query = select(q, a.c.published, a.c.source).join(a, a.c.id == q.c.article_id)
        out = []
        for row in self._rows(query.order_by(q.c.id)):
            quantity = Quantity(**{k: row[k] for k in _QUANTITY_FIELDS})
            doc = (row["source"] or row["article_id"]).rsplit("/", 1)[-1]
            out.append((row["id"], doc, row["published"], quantity))
        return out

    def clusters(self, *, relation: str | None = None) -> list[dict[str, Any]]:
        """Stored clusters, each with its members in time order."""
        c = t.clusters
        query = select(c)
        if relation:
            query = query.where(c.c.relation == relation)
        found = self._rows(query.order_by(c.c.id))
        members = self._cluster_members([row["id"] for row in found])
        for row in found:
            row["members"] = members.get(row["id"], [])
        return found

    def _cluster_members(self, ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        cm, q, a = t.cluster_members, t.quantities, t.articles
        ids = list(ids)
        if not ids:
            return {}
        query = (
            select(cm.c.cluster_id, q, a.c.published, a.c.source, a.c.title)
            .join(q, q.c.id == cm.c.quantity_id)
            .join(a, a.c.id == q.c.article_id)
            .where(cm.c.cluster_id.in_(ids))
            .order_by(cm.c.cluster_id, cm.c.position)
        )
        out: dict[str, list[dict[str, Any]]] = {}
        for row in self._rows(query):
            out.setdefault(row.pop("cluster_id"), []).append(row)
        return out
