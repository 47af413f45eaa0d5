"""event_facts: one narrow row per event with everything the filters, the ordering and the
aggregations read, so the query layer answers from one table without joins.

Kept in step with events by Store.add_article (refresh_facts for the article's ids, inside
its transaction) and caught up at the end of each ingest (sync_facts). Values are stored
normalised for the filters: type upper-case, modality, place name, source and outlet
lower-case, country codes upper-case, actor names lower-case and joined by U+001F.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..quads import quad_case_sql

if TYPE_CHECKING:
    from .store import Store

NAME_SEPARATOR = "\x1f"

_ROLES = """
    SELECT event_id,
        list(DISTINCT upper(country)) FILTER (WHERE role = 'actor' AND country IS NOT NULL)
            AS actor_countries,
        string_agg(lower(name), chr(31)) FILTER (WHERE role = 'actor') AS actor_names,
        list(DISTINCT coalesce(country, name)) FILTER (WHERE role = 'actor') AS actor_nodes,
        list(DISTINCT upper(country)) FILTER (WHERE role = 'recipient' AND country IS NOT NULL)
            AS recipient_countries,
        string_agg(lower(name), chr(31)) FILTER (WHERE role = 'recipient') AS recipient_names,
        list(DISTINCT coalesce(country, name)) FILTER (WHERE role = 'recipient')
            AS recipient_nodes
    FROM event_actors {where} GROUP BY event_id
"""

FILL = f"""
    INSERT INTO event_facts
    SELECT e.id, e.article_id, coalesce(e.date_start, a.published),
        coalesce(e.date_end, e.date_start, a.published), upper(e.type),
        {quad_case_sql("e.type")}, lower(e.modality), e.score,
        coalesce(r.actor_countries, []), coalesce(r.actor_names, ''),
        coalesce(r.actor_nodes, []), coalesce(r.recipient_countries, []),
        coalesce(r.recipient_names, ''), coalesce(r.recipient_nodes, []),
        lower(e.place_name), upper(e.place_country), lower(e.attribution_name), lower(a.outlet),
        e.evidence_start, e.trigger_start
    FROM events e JOIN articles a ON a.id = e.article_id
    LEFT JOIN ({_ROLES.format(where="{roles_where}")}) r ON r.event_id = e.id
    {{events_where}}
"""

# The migration fills the table for events stored before it existed.
CREATE = f"""
    CREATE TABLE event_facts (
        event_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        day DATE,
        day_end DATE,
        type VARCHAR,
        quad TINYINT,
        modality VARCHAR,
        score DOUBLE,
        actor_countries VARCHAR[],
        actor_names VARCHAR,
        actor_nodes VARCHAR[],
        recipient_countries VARCHAR[],
        recipient_names VARCHAR,
        recipient_nodes VARCHAR[],
        place_name VARCHAR,
        place_country VARCHAR,
        source VARCHAR,
        outlet VARCHAR,
        evidence_start INTEGER,
        trigger_start INTEGER
    );
    {FILL.format(roles_where="", events_where="")}
"""


def refresh_facts(store: "Store", article_ids: Sequence[str]) -> None:
    """Rewrite the facts of these articles' events (run inside the writing transaction)."""
    ids = sorted(set(article_ids))
    if not ids:
        return
    store.execute("DELETE FROM event_facts WHERE article_id IN (SELECT unnest(?))", [ids])
    store.execute(FILL.format(
        roles_where="WHERE event_id IN (SELECT id FROM events WHERE article_id IN "
                    "(SELECT unnest(?)))",
        events_where="WHERE e.article_id IN (SELECT unnest(?))"), [ids, ids])


def sync_facts(store: "Store") -> None:
    """Add facts of events that have none and drop facts of events that are gone."""
    store.execute("DELETE FROM event_facts f WHERE NOT EXISTS "
                  "(SELECT 1 FROM events e WHERE e.id = f.event_id)")
    missing = [r["article_id"] for r in store.execute(
        "SELECT DISTINCT e.article_id FROM events e WHERE NOT EXISTS "
        "(SELECT 1 FROM event_facts f WHERE f.event_id = e.id)")]
    refresh_facts(store, missing)
