"""event_facts: one narrow row per event with everything the filters, the ordering and the
aggregations read, so the query layer answers from one table without joins.

Kept in step with events by Store.add_article (refresh_facts for the article's ids, inside
its transaction) and caught up at the end of each ingest (sync_facts). Values are stored
normalised for the filters: type upper-case, modality, place name, source and outlet
lower-case, country codes upper-case, actor names lower-case and joined by U+001F; the
place name and country, and the source and outlet, joined the same way (SEARCH_COLUMNS).
Rows are written in day order: DuckDB keeps min/max per row group, so a page of the
newest events, or of one year, reads only the row groups that can hold it (news arrives
roughly in date order, so appended rows keep that property).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..quads import QUAD_OF_TYPE, quad_case_sql

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

# Each of the place and source filters reads two columns (name or country; attributed source
# or outlet); these join the two in one, so that the filter is a condition on one column,
# which DuckDB evaluates inside the scan. A condition over two columns is evaluated above
# it, and then a page of the newest matches reads every row group instead of stopping
# after the newest. The separator (chr(31)) keeps a value from matching across the two.
SEARCH_COLUMNS = """,
        coalesce(lower(e.place_name), '') || chr(31) || coalesce(upper(e.place_country), ''),
        coalesce(lower(e.attribution_name), '') || chr(31) || coalesce(lower(a.outlet), '')"""


def _fill(search: str) -> str:
    return f"""
    INSERT INTO event_facts
    SELECT e.id, e.article_id, coalesce(e.date_start, a.published),
        coalesce(e.date_end, e.date_start, a.published), upper(e.type),
        {quad_case_sql("e.type")}, lower(e.modality), e.score,
        coalesce(r.actor_countries, []), coalesce(r.actor_names, ''),
        coalesce(r.actor_nodes, []), coalesce(r.recipient_countries, []),
        coalesce(r.recipient_names, ''), coalesce(r.recipient_nodes, []),
        lower(e.place_name), upper(e.place_country), lower(e.attribution_name), lower(a.outlet),
        e.evidence_start, e.trigger_start{search}
    FROM events e JOIN articles a ON a.id = e.article_id {{articles_on}}
    LEFT JOIN ({_ROLES.format(where="{roles_where}")}) r ON r.event_id = e.id
    {{events_where}}
    ORDER BY 3 DESC NULLS LAST, 2
"""


FILL = _fill(SEARCH_COLUMNS)

# Migration 0007 as it shipped: it fills the table for events stored before it existed,
# with the columns the table had then; 0011 adds the search columns.
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
    {_fill("").format(roles_where="", events_where="", articles_on="")};
    CREATE INDEX event_facts_article ON event_facts (article_id);
    CREATE INDEX events_article ON events (article_id);
    CREATE INDEX cluster_members_article ON cluster_members (article_id);
    CREATE INDEX cluster_members_event ON cluster_members (event_id);
    CREATE INDEX cluster_members_block ON cluster_members (block);
    CREATE INDEX event_clusters_id ON event_clusters (id);
"""

ADD_SEARCH = """
    ALTER TABLE event_facts ADD COLUMN place_search VARCHAR;
    ALTER TABLE event_facts ADD COLUMN source_search VARCHAR;
    UPDATE event_facts SET
        place_search = coalesce(place_name, '') || chr(31) || coalesce(place_country, ''),
        source_search = coalesce(source, '') || chr(31) || coalesce(outlet, '');
"""


def one_of(column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
    """`column = ?` or `column IN (?, ...)`: forms DuckDB answers from an index (a list
    parameter unnested in a subquery would scan the table instead)."""
    values = list(values)
    if len(values) == 1:
        return f"{column} = ?", values
    if len(values) <= 1000:
        return f"{column} IN ({', '.join('?' * len(values))})", values
    return f"{column} IN (SELECT unnest(?))", [values]


def refresh_facts(store: "Store", article_ids: Sequence[str]) -> None:
    """Rewrite the facts of these articles' events (run inside the writing transaction)."""
    ids = sorted(set(article_ids))
    if not ids:
        return
    in_articles, params = one_of("article_id", ids)
    store.execute(f"DELETE FROM event_facts WHERE {in_articles}", params)
    event_ids = [r["id"] for r in store.execute(f"SELECT id FROM events WHERE {in_articles}",
                                                params)]
    if not event_ids:
        return
    # each side of each join narrowed by its own index-friendly condition: a join alone
    # would build a hash table of every article
    in_articles_a, article_params = one_of("a.id", ids)
    in_events, event_params = one_of("event_id", event_ids)
    in_events_e, _ = one_of("e.id", event_ids)
    store.execute(FILL.format(roles_where=f"WHERE {in_events}", articles_on=f"AND {in_articles_a}",
                              events_where=f"WHERE {in_events_e}"),
                  [*article_params, *event_params, *event_params])


FACT_COLUMNS = (
    "event_id", "article_id", "day", "day_end", "type", "quad", "modality", "score",
    "actor_countries", "actor_names", "actor_nodes", "recipient_countries", "recipient_names",
    "recipient_nodes", "place_name", "place_country", "source", "outlet", "evidence_start",
    "trigger_start", "place_search", "source_search",
)


def facts_of(events: Sequence[dict[str, Any]], links: Sequence[Sequence[Any]],
             published: Any, outlet: str | None) -> dict[str, list[Any]] | None:
    """The facts FILL would write for one article's new events, built from the rows just
    inserted (events as dicts of their columns; event_actors rows as event_id, role,
    position, actor_id, name, country), column by column; the planning of FILL costs more
    than the whole insert. None when a value to case-fold is not ASCII: DuckDB's upper and
    lower follow other Unicode rules than Python's, so those articles take FILL instead."""
    roles: dict[tuple[str, str], list[tuple[str, str | None]]] = {}
    for event_id, role, _position, _actor, name, country in links:
        roles.setdefault((event_id, role), []).append((name, country))
    folded = [outlet]
    for e in events:
        folded += [e["type"], e["modality"], e["place_name"], e["place_country"],
                   e["attribution_name"]]
    folded += [text for pairs in roles.values() for pair in pairs for text in pair]
    if not all(text is None or text.isascii() for text in folded):
        return None
    rows = []
    for e in events:
        day = e["date_start"] if e["date_start"] is not None else published
        day_end = next((d for d in (e["date_end"], e["date_start"], published)
                        if d is not None), None)
        row = [e["id"], e["article_id"], day, day_end, e["type"].upper(),
               QUAD_OF_TYPE.get(e["type"].upper()), e["modality"].lower(), e["score"]]
        for role in ("actor", "recipient"):
            pairs = roles.get((e["id"], role), [])
            row += [list(dict.fromkeys(c.upper() for _, c in pairs if c is not None)),
                    NAME_SEPARATOR.join(name.lower() for name, _ in pairs),
                    list(dict.fromkeys(c if c is not None else name for name, c in pairs))]
        place = [_lower(e["place_name"]), _upper(e["place_country"])]
        source = [_lower(e["attribution_name"]), _lower(outlet)]
        row += [*place, *source, e["evidence_start"], e["trigger_start"],
                _joined(place), _joined(source)]
        rows.append(row)
    # FILL's order: newest day first, undated last
    rows.sort(key=lambda r: (r[2] is None, -(r[2].toordinal() if r[2] else 0), r[1]))
    return {name: [row[i] for row in rows] for i, name in enumerate(FACT_COLUMNS)}


def _lower(text: str | None) -> str | None:
    return text.lower() if text is not None else None


def _upper(text: str | None) -> str | None:
    return text.upper() if text is not None else None


def _joined(texts: list[str | None]) -> str:
    """SEARCH_COLUMNS' value of these two texts."""
    return NAME_SEPARATOR.join(text or "" for text in texts)


def sync_facts(store: "Store") -> None:
    """Add facts of events that have none and drop facts of events that are gone."""
    store.execute("DELETE FROM event_facts f WHERE NOT EXISTS "
                  "(SELECT 1 FROM events e WHERE e.id = f.event_id)")
    if not store.execute("SELECT 1 FROM event_facts LIMIT 1"):
        store.execute(FILL.format(roles_where="", events_where="", articles_on=""))  # in order
        return
    missing = [r["article_id"] for r in store.execute(
        "SELECT DISTINCT e.article_id FROM events e WHERE NOT EXISTS "
        "(SELECT 1 FROM event_facts f WHERE f.event_id = e.id)")]
    refresh_facts(store, missing)
