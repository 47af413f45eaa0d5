"""The DuckDB store: schema migrations, writes per article, and the event queries."""
from .queries import EventFilter, count_events, event_by_id, find_events
from .store import Store, actor_key, default_db_path

__all__ = ["Store", "default_db_path", "actor_key", "EventFilter", "find_events",
           "count_events", "event_by_id"]
