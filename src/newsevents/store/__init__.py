"""The DuckDB store and its one query layer, shared by the CLI, the API and the web UI.

Every read function takes the open Store first and, where it filters events, the
EventFilter of find_events (actor, recipient, type, since, until, place, source,
modality, limit, offset). Rows are plain dicts (JSON-ready once dates are strings):

    queries.py     find_events(store, flt) / count_events / event_by_id(store, id)
    articles.py    find_articles(store, flt) / count_articles / article_by_id(store, id)
    clusters.py    find_clusters(store, flt, min_articles=1, min_sources=1, sort="recent")
                   count_clusters / cluster_by_id(store, id) / cluster_of_event(store, id)
    claims.py      find_claims(store, flt, cluster_id=None)
    aggregates.py  timeline(store, flt, interval="month", by="type")
                   network(store, flt, node="country") -> {"nodes", "edges"}
                   dyad_history(store, actor, recipient, flt, interval="month", both=False)
                   find_sources(store, flt) / find_actors(store, flt, role=None)

Filters, pages and aggregations read event_facts (facts.py), one narrow row per event;
clusters are written by analysis/clusters.py. Store.add_article keeps both up to date.
"""
from .aggregates import dyad_history, find_actors, find_sources, network, timeline
from .articles import article_by_id, count_articles, find_articles
from .claims import find_claims
from .clusters import cluster_by_id, cluster_of_event, count_clusters, find_clusters
from .queries import EventFilter, count_events, event_by_id, find_events
from .store import Store, actor_key, default_db_path

__all__ = ["Store", "default_db_path", "actor_key", "EventFilter", "find_events",
           "count_events", "event_by_id", "find_articles", "count_articles", "article_by_id",
           "find_clusters", "count_clusters", "cluster_by_id", "cluster_of_event", "find_claims",
           "timeline", "network", "dyad_history", "find_sources", "find_actors"]
