"""Claims: what each source says about an event cluster, or about the events of a filter
(a dyad and type: actor PRK, recipient RUS, type AID), with disagreements flagged.

    find_claims(store, flt=None, cluster_id=None) -> list[dict]

One claim per event mention, grouped by cluster (most sources first), then by date: the
cluster's id and source count; the mention's source (the attributed source, else the
outlet, else the article) and source_kind ("attributed", "outlet" or "article"), source_country, outlet, article_id,
title, url, published; what it claims: type, mode, actor and recipient (names),
actor_countries, recipient_countries, modality, date_start, date_end, date_text,
place_name, place_country, quantities, evidence, confidence; and the comparison
(analysis/claims.py): single_source, disagreement, conflicts
([{field, claim, other, other_event_id, other_source}]).

With a cluster id, every member of the cluster is a claim and the filter is ignored;
disagreements are always judged against the whole cluster, not just the filtered rows.
"""
from __future__ import annotations

from typing import Any

from ..analysis.claims import compare_claims
from ..errors import InputError
from .queries import EVENT_SELECT, EventFilter, event_row, filter_sql
from .store import Store

_CLAIM_ORDER = ("ORDER BY c.n_sources DESC NULLS LAST, m.cluster_id, "
                "coalesce(e.date_start, e.published), e.published, e.id")


def find_claims(store: Store, flt: EventFilter | None = None,
                cluster_id: str | None = None) -> list[dict[str, Any]]:
    flt = flt or EventFilter()
    if cluster_id is not None:
        if not store.scalar("SELECT count(*) FROM event_clusters WHERE id = ?", [cluster_id]):
            raise InputError(f"no cluster {cluster_id!r}", field="cluster")
        cluster_ids = [cluster_id]
    else:
        where, params = filter_sql(flt)
        sql = (f"SELECT DISTINCT m.cluster_id FROM events e JOIN articles a ON a.id = e.article_id "
               f"JOIN cluster_members m ON m.event_id = e.id {where}")
        cluster_ids = [r["cluster_id"] for r in store.query(sql, params)]
    rows = store.query(
        f"SELECT e.*, m.cluster_id, c.n_sources AS cluster_sources FROM ({EVENT_SELECT}) e "
        "JOIN cluster_members m ON m.event_id = e.id JOIN event_clusters c ON c.id = m.cluster_id "
        f"WHERE m.cluster_id IN (SELECT unnest(?)) {_CLAIM_ORDER}", [cluster_ids])
    claims = compare_claims([_claim(event_row(r)) for r in rows])
    if cluster_id is None:
        # judged against whole clusters; shown for the events the filter asked about
        where, params = filter_sql(flt)
        wanted = {r["id"] for r in store.query(
            f"SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id "
            f"JOIN cluster_members m ON m.event_id = e.id {where}", params)}
        claims = [c for c in claims if c["event_id"] in wanted]
        claims = claims[flt.offset:]
        if flt.limit is not None:
            claims = claims[:flt.limit]
    return claims


def _claim(row: dict[str, Any]) -> dict[str, Any]:
    attributed = row.get("attribution_name")
    return {
        "cluster_id": row["cluster_id"], "cluster_sources": row["cluster_sources"],
        "event_id": row["id"],
        "source": attributed or row.get("outlet") or f"article {row['article_id']}",
        "source_kind": "attributed" if attributed else ("outlet" if row.get("outlet")
                                                         else "article"),
        "source_country": row.get("attribution_country") if attributed else None,
        "outlet": row.get("outlet"), "article_id": row["article_id"], "title": row.get("title"),
        "url": row.get("url"), "published": row.get("published"),
        "type": row["type"], "mode": row.get("mode"),
        "actor": [a["name"] for a in row.get("actor") or []],
        "recipient": [a["name"] for a in row.get("recipient") or []],
        "actor_countries": row["actor_countries"], "recipient_countries": row["recipient_countries"],
        "modality": row["modality"], "date_start": row.get("date_start"),
        "date_end": row.get("date_end"), "date_text": row.get("date_text"),
        "place_name": row.get("place_name"), "place_country": row.get("place_country"),
        "quantities": row.get("quantities") or [], "evidence": row.get("evidence"),
        "confidence": row.get("confidence"),
    }
