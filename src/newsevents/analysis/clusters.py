"""Event clusters: the mentions of one real event, from many articles, merged into one.

The rule, which gives the same clusters whatever order articles arrive in:

1. Block. Two mentions are compared only when they have the same PLOVER type, the same
   set of actor countries and the same set of recipient countries (an actor without a
   country counts by its name). Modality, source and quantities may differ: that
   is what claims compare.
2. Span. A mention's dates are its event's [start, end], or its article's publication
   day when the text gives none. A span of one or two days is precise; a longer one
   ("last week", "in June", "since 2023") is vague.
3. Precise mentions, taken in canonical order (start, end, publication day, event id), join the
   first cluster whose seed (its first member) is at most the type's window away
   (`WINDOW_DAYS`) and whose placed members are all compatible with its place; else
   they seed a new cluster. A cluster therefore never stretches past one window, so
   daily strikes stay daily.
4. A vague mention joins the one precise cluster whose seed falls inside its span (by
   the window) with compatible places. When none or several do, vague mentions
   cluster among themselves the same way, by the overlap of their spans with the seed's
   (intersection over union of at least `VAGUE_OVERLAP`).
5. Places are compatible when either is missing; else they must be in the same
   country, and two points (cities, sites) within `PLACE_KM`, a point inside a region
   (its admin1), and a country-wide place fits anything in its country.

Nothing merges unless the two spans, widened by the window, overlap, so a new article
changes only the clusters of its neighbourhood: the mentions of its blocks whose widened
spans chain into its own. `update_clusters` re-clusters exactly those; `rebuild_clusters`
does every block. A cluster's id is a hash of its seed's event id: it stays as members
are added and changes only when an earlier mention becomes the seed.

Counts: articles, reports (independent articles: wire copies of one story, which share a
near-duplicate group in the store, count once), outlets (distinct named outlets), sources
(distinct attributed sources; an unattributed mention is its story's own claim, so one wire
story carried by three outlets is one source) and a confidence, the noisy-or of each
source's best mention confidence: independent sources that agree raise it, one source
repeated, or one story copied, does not.
"""
from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..nlp.gazetteer import haversine_km
from ..records import content_id
from ..store.facts import one_of

if TYPE_CHECKING:
    from ..store.store import Store

DEFAULT_WINDOW_DAYS = 1
# Strikes, raids and protests recur daily between the same parties: only the same day merges.
# Deliveries, deployments and sanctions are reported days apart.
WINDOW_DAYS = {"ASSAULT": 0, "PROTEST": 0, "COERCE": 0, "AID": 3, "MOBILIZE": 3,
               "SANCTION": 2, "COOPERATE": 2, "RETREAT": 2}
PRECISE_DAYS = 1          # end - start; a day or two
VAGUE_OVERLAP = 0.5
PLACE_KM = 50.0
# How far any mention can reach in days, so neighbourhood queries stay bounded.
_MAX_WINDOW = max([DEFAULT_WINDOW_DAYS, *WINDOW_DAYS.values()])

MEMBER_COLUMNS = ("event_id", "cluster_id", "article_id", "block", "span_start", "span_end")
CLUSTER_COLUMNS = (
    "id", "type", "block", "actor_key", "recipient_key", "seed_event_id", "date_start",
    "date_end", "place_name", "place_country", "lat", "lon", "n_events", "n_articles",
    "n_outlets", "n_sources", "confidence", "modalities", "first_published", "last_published",
    "n_reports",
)


def window_days(event_type: str) -> int:
    return WINDOW_DAYS.get(event_type.upper(), DEFAULT_WINDOW_DAYS)


@dataclass(frozen=True)
class Place:
    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None

    @property
    def level(self) -> str:
        """country (no admin1: a country-wide place), region (the admin1 itself) or point."""
        if not self.admin1:
            return "country"
        if self.name and self.name.casefold() == self.admin1.casefold():
            return "region"
        return "point"


@dataclass(frozen=True)
class Point:
    """One event mention as the clustering rule sees it."""
    id: str
    article_id: str
    type: str
    block: str
    actor_key: str
    recipient_key: str
    start: date | None
    end: date | None
    place: Place | None
    outlet: str | None
    source: str | None      # the attributed source; None: the outlet's own report
    story: str              # the article's near-duplicate group: wire copies share it
    confidence: float
    modality: str
    published: date | None

    @property
    def precise(self) -> bool:
        return self.start is not None and (self.end - self.start).days <= PRECISE_DAYS

    @property
    def order(self) -> tuple:
        # among mentions of the same dates the first published seeds: later reports rarely
        # take the seat, so cluster ids stay put as reports arrive
        return (self.start or date.min, self.end or date.min, self.published or date.max,
                self.id)


@dataclass(frozen=True)
class Cluster:
    id: str
    members: tuple[Point, ...]

    @property
    def seed(self) -> Point:
        return self.members[0]


def places_compatible(a: Place | None, b: Place | None, km: float = PLACE_KM) -> bool:
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if "country" in (a.level, b.level):
        return True
    if "region" in (a.level, b.level):
        return bool(a.admin1 and b.admin1 and a.admin1.casefold() == b.admin1.casefold())
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return haversine_km(a.lat, a.lon, b.lat, b.lon) <= km
    return bool(a.name and b.name and a.name.casefold() == b.name.casefold())


def _gap_days(a: Point, b: Point) -> int:
    """Days between two spans; 0 when they overlap."""
    return max(0, (max(a.start, b.start) - min(a.end, b.end)).days)


def _overlap_ratio(a: Point, b: Point) -> float:
    inter = (min(a.end, b.end) - max(a.start, b.start)).days + 1
    union = (max(a.end, b.end) - min(a.start, b.start)).days + 1
    return max(0, inter) / union


def _fits_places(point: Point, members: list[Point]) -> bool:
    return all(places_compatible(point.place, m.place) for m in members)


def cluster_points(points: Iterable[Point]) -> list[Cluster]:
    """Apply the rule of the module docstring to mentions of any blocks."""
    by_block: dict[str, list[Point]] = defaultdict(list)
    for p in points:
        by_block[p.block].append(p)
    clusters: list[Cluster] = []
    for block in sorted(by_block):
        clusters += _cluster_block(sorted(by_block[block], key=lambda p: p.order))
    return clusters


def _cluster_block(points: list[Point]) -> list[Cluster]:
    """Points of one block in canonical order -> clusters (precise, then vague, then undated)."""
    window = window_days(points[0].type)
    precise: list[list[Point]] = []
    open_from = 0           # precise clusters before this index are too old for later points
    vague: list[Point] = []
    undated: list[list[Point]] = []
    for p in points:
        if p.start is None:
            undated.append([p])         # nothing to compare it by: a cluster of its own
        elif p.precise:
            # points come by start date, so a seed more than a window (and a span) back
            # can take no later point either
            while (open_from < len(precise)
                   and (p.start - precise[open_from][0].end).days > window):
                open_from += 1
            home = next((c for c in precise[open_from:] if _gap_days(p, c[0]) <= window
                         and _fits_places(p, c)), None)
            if home is None:
                precise.append([p])
            else:
                home.append(p)
        else:
            vague.append(p)
    seed_starts = [c[0].start for c in precise]
    loose: list[list[Point]] = []
    attachments: list[tuple[list[Point], Point]] = []
    for p in vague:
        # decided against the precise clusters alone, so attachments never depend on each other
        first = bisect_left(seed_starts, p.start - timedelta(days=window + PRECISE_DAYS))
        last = bisect_right(seed_starts, p.end + timedelta(days=window))
        homes = [c for c in precise[first:last] if _gap_days(c[0], p) <= window
                 and _fits_places(p, c)]
        if len(homes) == 1:
            attachments.append((homes[0], p))
            continue
        home = next((c for c in loose if _overlap_ratio(p, c[0]) >= VAGUE_OVERLAP
                     and _fits_places(p, c)), None)
        if home is None:
            loose.append([p])
        else:
            home.append(p)
    for home, p in attachments:
        home.append(p)
    return [Cluster(id=content_id("cluster", members[0].id), members=tuple(members))
            for members in precise + loose + undated]


# --- summaries ------------------------------------------------------------------------------

def summarize(cluster: Cluster) -> dict[str, Any]:
    """The event_clusters row of a cluster."""
    members = cluster.members
    seed = cluster.seed
    if len(members) == 1:
        return _summarize_one(cluster.id, seed)
    dated = [m for m in members if m.precise] or [m for m in members if m.start] or []
    place = _best_place(members)
    best_by_source: dict[str, float] = {}
    for m, key in zip(members, _source_keys(members)):
        best_by_source[key] = max(best_by_source.get(key, 0.0), m.confidence)
    doubt = 1.0
    for confidence in best_by_source.values():
        doubt *= 1.0 - min(max(confidence, 0.0), 0.999)
    modalities: dict[str, int] = {}
    for m in members:
        modalities[m.modality] = modalities.get(m.modality, 0) + 1
    published = [m.published for m in members if m.published]
    return {
        "id": cluster.id, "type": seed.type, "block": seed.block, "actor_key": seed.actor_key,
        "recipient_key": seed.recipient_key, "seed_event_id": seed.id,
        "date_start": min(m.start for m in dated) if dated else None,
        "date_end": max(m.end for m in dated) if dated else None,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "n_events": len(members),
        "n_articles": len({m.article_id for m in members}),
        "n_reports": len({m.story for m in members}),
        "n_outlets": len({m.outlet.casefold() for m in members if m.outlet}),
        "n_sources": len(best_by_source),
        "confidence": round(1.0 - doubt, 3),
        "modalities": json.dumps(dict(sorted(modalities.items()))),
        "first_published": min(published) if published else None,
        "last_published": max(published) if published else None,
    }


def _source_keys(members: Sequence[Point]) -> list[str]:
    """Who claims each mention: its attributed source, else its outlet; the outlets that
    carry copies of one wire story (one near-duplicate group) are one source together."""
    parent: dict[str, str] = {}

    def root(token: str) -> str:
        while parent.setdefault(token, token) != token:
            token = parent[token]
        return token

    def claimant(m: Point) -> str:
        name = m.source or m.outlet
        return f"name {name.casefold()}" if name else f"story {m.story}"

    for m in members:
        if m.source is None and m.outlet:
            a, b = root(claimant(m)), root(f"story {m.story}")
            parent[max(a, b)] = min(a, b)
    return [root(claimant(m)) for m in members]


def _summarize_one(cluster_id: str, p: Point) -> dict[str, Any]:
    """summarize() of a one-mention cluster, the most common kind, without the loops."""
    place = p.place
    return {
        "id": cluster_id, "type": p.type, "block": p.block, "actor_key": p.actor_key,
        "recipient_key": p.recipient_key, "seed_event_id": p.id,
        "date_start": p.start, "date_end": p.end,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "n_events": 1, "n_articles": 1, "n_reports": 1, "n_outlets": 1 if p.outlet else 0,
        "n_sources": 1,
        "confidence": round(min(max(p.confidence, 0.0), 0.999), 3),
        "modalities": json.dumps({p.modality: 1}),
        "first_published": p.published, "last_published": p.published,
    }


def _best_place(members: Sequence[Point]) -> Place | None:
    rank = {"point": 0, "region": 1, "country": 2}
    placed = [m.place for m in members if m.place is not None]
    return min(placed, key=lambda p: rank[p.level]) if placed else None


# --- the store side -------------------------------------------------------------------------

_TOKEN = "coalesce(x.country, x.name)"
_TOKENS = f"string_agg(DISTINCT {_TOKEN}, ',' ORDER BY {_TOKEN})"
_POINT_SELECT = f"""
    WITH roles AS (
        SELECT x.event_id,
               {_TOKENS} FILTER (WHERE x.role = 'actor') AS actors,
               {_TOKENS} FILTER (WHERE x.role = 'recipient') AS recipients
        FROM event_actors x {{actor_where}} GROUP BY x.event_id)
    SELECT e.id, e.article_id, upper(e.type) AS type,
           coalesce(r.actors, '') AS actors, coalesce(r.recipients, '') AS recipients,
           coalesce(e.date_start, a.published) AS span_start,
           coalesce(e.date_end, e.date_start, a.published) AS span_end,
           e.place_name, e.place_country, e.place_admin1, e.lat, e.lon, e.geonameid,
           a.outlet, e.attribution_name, e.confidence, e.modality, a.published,
           coalesce(a.group_id, a.id) AS story
    FROM events e JOIN articles a ON a.id = e.article_id {{articles_on}}
    LEFT JOIN roles r ON r.event_id = e.id
"""


def _point(row: dict[str, Any]) -> Point:
    place = None
    if row["place_name"] or row["place_country"]:
        place = Place(row["place_name"], row["place_country"], row["place_admin1"], row["lat"],
                      row["lon"], row["geonameid"])
    source = row["attribution_name"]
    return Point(
        id=row["id"], article_id=row["article_id"], type=row["type"],
        block=f"{row['type']}|{row['actors']}>{row['recipients']}",
        actor_key=row["actors"], recipient_key=row["recipients"],
        start=row["span_start"], end=row["span_end"], place=place, outlet=row["outlet"],
        source=source, story=row["story"], confidence=float(row["confidence"] or 0.0),
        modality=row["modality"],
        published=row["published"])


def _points(store: "Store", event_ids: Sequence[str] | None) -> list[Point]:
    if event_ids is None:
        sql = _POINT_SELECT.format(actor_where="", articles_on="")
        return [_point(r) for r in store.execute(sql)]
    if not event_ids:
        return []
    in_actors, params = one_of("x.event_id", event_ids)
    in_events, more = one_of("e.id", event_ids)
    # the articles side narrowed too, or the join hashes every article
    article_ids = sorted({r["article_id"] for r in store.execute(
        f"SELECT article_id FROM events e WHERE {in_events}", more)})
    in_articles, article_params = one_of("a.id", article_ids)
    sql = (_POINT_SELECT.format(actor_where=f"WHERE {in_actors}", articles_on=f"AND {in_articles}")
           + f" WHERE {in_events}")
    return [_point(r) for r in store.execute(sql, [*params, *article_params, *more])]


def points_of(events: Sequence[dict[str, Any]], links: Sequence[Sequence[Any]],
              published: date | None, outlet: str | None, story: str) -> list[Point] | None:
    """The points _points would read for a new article's events, from the rows just written
    (events as dicts of their columns; event_actors rows as event_id, role, position,
    actor_id, name, country) and its near-duplicate group `story`. None when a type or an
    actor token is not ASCII: DuckDB's upper and sort order may differ from Python's there."""
    tokens: dict[tuple[str, str], set[str]] = defaultdict(set)
    for event_id, role, _position, _actor, name, country in links:
        tokens[(event_id, role)].add(country if country is not None else name)
    texts = [e["type"] for e in events] + [t for group in tokens.values() for t in group]
    if not all(text.isascii() for text in texts):
        return None
    points = []
    for e in events:
        actors = ",".join(sorted(tokens.get((e["id"], "actor"), ())))
        recipients = ",".join(sorted(tokens.get((e["id"], "recipient"), ())))
        start = e["date_start"] if e["date_start"] is not None else published
        end = next((d for d in (e["date_end"], e["date_start"], published) if d is not None),
                   None)
        points.append(_point({
            "id": e["id"], "article_id": e["article_id"], "type": e["type"].upper(),
            "actors": actors, "recipients": recipients, "span_start": start, "span_end": end,
            "place_name": e["place_name"], "place_country": e["place_country"],
            "place_admin1": e["place_admin1"], "lat": e["lat"], "lon": e["lon"],
            "geonameid": e["geonameid"], "outlet": outlet,
            "attribution_name": e["attribution_name"], "confidence": e["confidence"],
            "modality": e["modality"], "published": published, "story": story}))
    return points


def update_clusters(store: "Store", article_ids: Iterable[str],
                    new_points: list[Point] | None = None) -> int:
    """Re-cluster the neighbourhoods of these articles' events (new, changed or removed);
    run it inside the transaction that wrote them. Returns how many mentions were re-clustered.
    `new_points` (from points_of) are the events of one article stored just now: it has no
    memberships yet, so nothing of it is read back."""
    if new_points is not None:
        return _recluster(store, new_points, [])
    article_ids = sorted(set(article_ids))
    if not article_ids:
        return 0
    in_articles, params = one_of("article_id", article_ids)
    old = store.execute("SELECT cluster_id, block, span_start, span_end FROM cluster_members "
                        f"WHERE {in_articles}", params)
    store.execute(f"DELETE FROM cluster_members WHERE {in_articles}", params)
    new_ids = [r["id"] for r in store.execute(f"SELECT id FROM events WHERE {in_articles}",
                                              params)]
    new = _points(store, new_ids)
    _drop_clusters(store, {r["cluster_id"] for r in old})
    return _recluster(store, new, [(r["block"], r["span_start"], r["span_end"]) for r in old])


def sync_clusters(store: "Store") -> int:
    """Cluster events that have no cluster yet (stores written before clustering existed, or
    by another writer) and drop memberships of events that are gone."""
    gone = store.execute("SELECT cluster_id, block, span_start, span_end FROM cluster_members m "
                         "WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = m.event_id)")
    if gone:
        _drop_clusters(store, {r["cluster_id"] for r in gone})
        store.execute("DELETE FROM cluster_members m WHERE NOT EXISTS "
                      "(SELECT 1 FROM events e WHERE e.id = m.event_id)")
    missing = [r["id"] for r in store.execute(
        "SELECT e.id FROM events e WHERE NOT EXISTS "
        "(SELECT 1 FROM cluster_members m WHERE m.event_id = e.id)")]
    if not missing and not gone:
        return 0
    return _recluster(store, _points(store, missing),
                      [(r["block"], r["span_start"], r["span_end"]) for r in gone])


def _recluster(store: "Store", new: list[Point],
               old: list[tuple[str, date | None, date | None]]) -> int:
    """Re-cluster the neighbourhoods around `new` points (not yet members) and the spans of
    `old` memberships (already deleted)."""
    reach: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for p in new:
        if p.start is not None:
            reach[p.block].append((p.start, p.end))
    for block, start, end in old:
        if start is not None:
            reach[block].append((start, end))
    neighbour_ids = _neighbourhoods(store, reach)
    new_ids = {p.id for p in new}
    points = new + _points(store, sorted(neighbour_ids - new_ids))
    if not points:
        return 0
    ids = sorted({p.id for p in points})
    in_events, params = one_of("event_id", ids)
    stale = {r["cluster_id"] for r in store.execute(
        f"SELECT DISTINCT cluster_id FROM cluster_members WHERE {in_events}", params)}
    _drop_clusters(store, stale)
    store.execute(f"DELETE FROM cluster_members WHERE {in_events}", params)
    _write(store, cluster_points(points))
    return len(points)


def _drop_clusters(store: "Store", cluster_ids: set[str]) -> None:
    if cluster_ids:
        in_clusters, params = one_of("id", sorted(cluster_ids))
        store.execute(f"DELETE FROM event_clusters WHERE {in_clusters}", params)


def _neighbourhoods(store: "Store", reach: dict[str, list[tuple[date, date]]]) -> set[str]:
    """Ids of the members of each block whose widened spans chain into any of its spans.

    Each round asks once for every block still growing (one statement, not one per block)
    and widens each block's bounds by its own fresh members, until none has any."""
    bounds: dict[str, tuple[date, date, timedelta]] = {
        block: (min(s for s, _ in spans), max(e for _, e in spans),
                timedelta(days=2 * window_days(block.split("|", 1)[0])))
        for block, spans in reach.items()}
    found: set[str] = set()
    growing = sorted(bounds)
    while growing:
        in_blocks, params = one_of("block", growing)
        rows = store.execute(
            f"SELECT block, event_id, span_start, span_end FROM cluster_members WHERE {in_blocks} "
            "AND span_start <= ? AND span_end >= ?",
            [*params, max(bounds[b][1] + bounds[b][2] for b in growing),
             min(bounds[b][0] - bounds[b][2] for b in growing)])
        fresh: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in rows:
            low, high, widen = bounds[r["block"]]
            if (r["span_start"] <= high + widen and r["span_end"] >= low - widen
                    and r["event_id"] not in found):
                fresh[r["block"]].append(r)
        for block, members in fresh.items():
            found |= {r["event_id"] for r in members}
            low, high, widen = bounds[block]
            bounds[block] = (min(low, *(r["span_start"] for r in members)),
                             max(high, *(r["span_end"] for r in members)), widen)
        growing = sorted(fresh)
    return found


def rebuild_clusters(store: "Store", progress: Callable[[int], None] | None = None) -> int:
    """Cluster every stored event from scratch; returns how many events were clustered."""
    points = _points(store, None)
    store.execute("DELETE FROM cluster_members")
    store.execute("DELETE FROM event_clusters")
    by_block: dict[str, list[Point]] = defaultdict(list)
    for p in points:
        by_block[p.block].append(p)
    batch: list[Cluster] = []
    for block in sorted(by_block):
        members = by_block[block]
        batch += _cluster_block(sorted(members, key=lambda p: p.order))
        if progress:
            progress(len(members))
        if len(batch) >= 50_000:
            _write(store, batch)
            batch = []
    _write(store, batch)
    return len(points)


def _write(store: "Store", clusters: list[Cluster]) -> None:
    if not clusters:
        return
    summaries = [summarize(c) for c in clusters]
    store.insert_columns("event_clusters",
                         {name: [row[name] for row in summaries] for name in CLUSTER_COLUMNS})
    members = [(c.id, p) for c in clusters for p in c.members]
    store.insert_columns("cluster_members", {
        "event_id": [p.id for _, p in members], "cluster_id": [cid for cid, _ in members],
        "article_id": [p.article_id for _, p in members], "block": [p.block for _, p in members],
        "span_start": [p.start for _, p in members], "span_end": [p.end for _, p in members]})


__all__ = ["cluster_points", "points_of", "update_clusters", "sync_clusters", "rebuild_clusters",
           "places_compatible", "window_days", "summarize", "Point", "Place", "Cluster",
           "WINDOW_DAYS", "PLACE_KM"]
