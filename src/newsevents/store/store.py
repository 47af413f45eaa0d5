"""The DuckDB file that holds articles, actors, mentions and events.

All writes go through one connection; each article is written with all its
rows in one transaction, so a failure leaves nothing of it behind, and an
article whose id is already stored is skipped, so ingesting twice changes
nothing.
"""
from __future__ import annotations

import json
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb

from ..errors import ForeignDatabaseError, QueryTimeout, StoreBusyError, StoreError
from ..records import Actor, Article, Event, Mention, content_id
from .facts import facts_of, refresh_facts
from .groups import assign_group, group_of
from .identity import changes, fill_text_keys, find_stored, id_conflicts
from .migrations import MIGRATIONS

DB_ENV = "NEWSEVENTS_DB"
DB_FILENAME = "newsevents.duckdb"
# Seconds to wait for another process's lock on the file before saying it is in use.
LOCK_WAIT = 10.0
TABLES = ("articles", "actors", "mentions", "events", "event_actors")
STORED, UPDATED, ALREADY_STORED = "stored", "updated", "already stored"


@dataclass(frozen=True)
class Saved:
    """What `Store.save_article` did: STORED, UPDATED or ALREADY_STORED, under which key;
    `conflicts` are stored articles of other content with the same input id."""
    status: str
    id: str
    conflicts: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


def _connect(path: Path, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """A connection, retried while another process holds the file's lock."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as e:
            holder = _lock_holder(str(e))
            if holder is None:
                raise StoreError(f"{path}: cannot open the database: {e}") from e
            if time.monotonic() >= deadline:
                raise StoreBusyError(
                    f"{path}: the database is in use by another process ({holder}); waited "
                    f"{wait:g} s. Run again when it has finished, or give --db another file",
                    holder=holder) from e
            time.sleep(0.2)
        except duckdb.Error as e:
            raise StoreError(f"{path}: cannot open the database: {e}") from e


def _lock_holder(message: str) -> str | None:
    """'PID 1234' (and program) from DuckDB's lock error, None for other errors."""
    if "lock" not in message.lower():
        return None
    match = re.search(r"held in (\S+) \(PID (\d+)\)", message)
    return f"{Path(match.group(1)).name}, PID {match.group(2)}" if match else "another process"


def default_db_path() -> Path:
    """`$NEWSEVENTS_DB` when set, else newsevents.duckdb in the working directory."""
    configured = os.environ.get(DB_ENV, "").strip()
    return Path(configured) if configured else Path.cwd() / DB_FILENAME


def actor_key(actor: Actor) -> str:
    """The actor's project id, else a stable hash of name|country|sector."""
    if actor.id:
        return actor.id
    return "hash:" + content_id(actor.name, actor.country or "", actor.sector or "")


@dataclass(frozen=True)
class Written:
    """The rows of a new article just written: its events (dicts of their columns), their
    event_actors rows, its date, outlet and near-duplicate group."""
    events: list[dict[str, Any]]
    links: list[list[Any]]
    published: Any
    outlet: str | None
    story: str


class Store:
    """An open store; use `Store.open(path)`, preferably as a context manager."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: Path) -> None:
        self._con = connection
        self.path = path
        # Seconds a read may run before it is interrupted (None: no limit); the server sets it.
        self.query_timeout: float | None = None
        # Bumped by every write through this Store: memoised answers older than it are stale.
        self.generation = 0
        self._memo: dict[Any, tuple[int, Any]] = {}

    @classmethod
    def open(cls, path: str | Path | None = None, read_only: bool = False,
             wait: float = LOCK_WAIT) -> "Store":
        """Open (creating if needed) and migrate. A read-only open of a newsevents file that
        an older version wrote migrates it first, in a writing open of its own.

        A file another process holds is waited for up to `wait` seconds, then refused
        with StoreBusyError; a DuckDB file of another application is refused untouched."""
        db_path = Path(path) if path is not None else default_db_path()
        if read_only and not db_path.is_file():
            raise StoreError(f"{db_path}: no database file to open read-only")
        connection = _connect(db_path, read_only, wait)
        store = cls(connection, db_path)
        try:
            if read_only:
                if store._pending_migrations():
                    connection.close()
                    cls.open(db_path, wait=wait).close()
                    return cls.open(db_path, read_only=True, wait=wait)
                store._check_migrated()
            else:
                store._check_owned()
                store._migrate()
        except BaseException:
            connection.close()
            raise
        return store

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- schema ---------------------------------------------------------------------------

    def applied_migrations(self) -> list[str]:
        rows = self._con.execute("SELECT name FROM schema_migrations ORDER BY applied_at, name")
        return [name for (name,) in rows.fetchall()]

    def _migrate(self) -> None:
        try:
            self._con.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                              "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: cannot create schema_migrations: {e}") from e
        applied = set(self.applied_migrations())
        for name, sql in MIGRATIONS:
            if name in applied:
                continue
            try:
                with self.transaction():
                    self._con.execute(sql)
                    self._con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [name, _now()])
            except duckdb.Error as e:
                raise StoreError(f"{self.path}: migration {name} failed: {e}") from e
        if "0009_article_identity" in self.applied_migrations() and self.scalar(
                "SELECT count(*) FROM articles WHERE text_key IS NULL"):
            with self.transaction():
                fill_text_keys(self._con)
        if "0010_cluster_reports" in self.applied_migrations() and self.scalar(
                "SELECT count(*) FROM event_clusters WHERE n_reports IS NULL"):
            # clusters written before reports were counted by near-duplicate group
            from ..analysis.clusters import rebuild_clusters
            with self.transaction():
                rebuild_clusters(self)

    def _check_owned(self) -> None:
        """Refuse, before writing anything, a database that holds another application's
        tables: newsevents' own files record their migrations in `schema_migrations`."""
        tables = [name for (name,) in self._con.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_catalog = current_database() ORDER BY table_name").fetchall()]
        if not tables:
            return
        first = MIGRATIONS[0][0]
        if "schema_migrations" in tables:
            try:
                if self._con.execute("SELECT count(*) FROM schema_migrations WHERE name = ?",
                                     [first]).fetchone()[0]:
                    return
            except duckdb.Error:
                pass        # a table of that name with other columns: someone else's
        shown = ", ".join(tables[:5]) + (f" and {len(tables) - 5} more" if len(tables) > 5 else "")
        raise ForeignDatabaseError(
            f"{self.path}: this DuckDB file belongs to another application (tables: {shown}); "
            "newsevents leaves it untouched. Give --db (or $NEWSEVENTS_DB) a new file name")

    def _pending_migrations(self) -> list[str]:
        """Migrations this file has not had; StoreError when it is no newsevents file."""
        self._check_owned()     # another application's file is named as such, not as a SQL error
        try:
            applied = set(self.applied_migrations())
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: not a newsevents database (it has no tables); "
                             "give --db a file that `newsevents ingest` wrote") from e
        return [name for name, _ in MIGRATIONS if name not in applied]

    def _check_migrated(self) -> None:
        pending = self._pending_migrations()
        if pending:
            raise StoreError(f"{self.path}: needs migrations {', '.join(pending)}; "
                             "open it once without read_only")

    # --- reading --------------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a parameterised SELECT as dicts, on a cursor of their own."""
        with self._cursor() as cursor:
            result = cursor.execute(sql, list(params))
            columns = [d[0] for d in result.description]
            return [dict(zip(columns, row)) for row in result.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self._cursor() as cursor:
            row = cursor.execute(sql, list(params)).fetchone()
            return row[0] if row else None

    class _Cursor:
        """A cursor of its own, interrupted after `timeout` seconds; DuckDB errors as StoreError."""

        def __init__(self, con: duckdb.DuckDBPyConnection, timeout: float | None) -> None:
            self._cursor = con.cursor()
            self._timeout = timeout
            self._timer = threading.Timer(timeout, self._cursor.interrupt) if timeout else None

        def __enter__(self) -> duckdb.DuckDBPyConnection:
            if self._timer:
                self._timer.start()
            return self._cursor

        def __exit__(self, exc_type, exc, tb) -> None:
            if self._timer:
                self._timer.cancel()
            self._cursor.close()
            if isinstance(exc, duckdb.InterruptException):
                raise QueryTimeout(f"the query took longer than {self._timeout:g} s and was "
                                   "stopped; narrow the filters") from exc
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"query failed: {exc}") from exc

    def _cursor(self) -> "_Cursor":
        return Store._Cursor(self._con, self.query_timeout)

    def memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        """compute(), remembered until this Store next writes: for answers every page asks
        for (the filter form's type counts) that only change when articles are stored. Only
        writes through this Store are seen, which is all of them while it holds the file."""
        generation = self.generation        # before reading: a write meanwhile makes it stale
        held = self._memo.get(key)
        if held is not None and held[0] == generation:
            return held[1]
        value = compute()
        self._memo[key] = (generation, value)
        return value

    def has_article(self, article_id: str) -> bool:
        return self.scalar("SELECT count(*) FROM articles WHERE id = ?", [article_id]) > 0

    def article_group(self, article_id: str) -> dict[str, Any] | None:
        """The near-duplicate group of a stored article: group_id, articles, outlets."""
        return group_of(self._con, article_id)

    def counts(self) -> dict[str, int]:
        return {table: self.scalar(f"SELECT count(*) FROM {table}") for table in TABLES}

    # --- writing --------------------------------------------------------------------------

    class _Transaction:
        def __init__(self, store: "Store") -> None:
            self._store = store

        def __enter__(self) -> None:
            self._store._con.execute("BEGIN TRANSACTION")

        def __exit__(self, exc_type, exc, tb) -> None:
            try:
                if exc_type is None:
                    self._store._con.execute("COMMIT")
                else:
                    self._store._con.execute("ROLLBACK")
            finally:
                self._store.generation += 1     # after the commit: readers now see it

    def transaction(self) -> "_Transaction":
        """BEGIN now; COMMIT when the block ends, ROLLBACK if it raises."""
        return Store._Transaction(self)

    def add_article(self, article: Article, events: Iterable[Event],
                    mentions: Iterable[Mention] = ()) -> bool:
        """Write the article with its events and mentions; False if it is already stored
        unchanged (store/identity.py says when an article is the same)."""
        return self.save_article(article, events, mentions).status != ALREADY_STORED

    def is_stored_unchanged(self, article: Article) -> bool:
        """True when saving the article would change nothing (no need to extract it)."""
        stored = find_stored(self._con, article)
        return stored is not None and not changes(stored, article)

    def save_article(self, article: Article, events: Iterable[Event],
                     mentions: Iterable[Mention] = ()) -> "Saved":
        """Store a new article, update a changed one, or leave an unchanged one, with all its
        rows in one transaction: a failure or a kill leaves the article as it was."""
        stored = find_stored(self._con, article)
        changed = changes(stored, article) if stored else []
        if stored is not None and not changed:
            return Saved(ALREADY_STORED, stored.id)
        key = stored.id if stored else article.key
        conflicts = [] if stored else id_conflicts(self._con, article)
        try:
            with self.transaction():
                regrouped: list[str] = []
                if stored is None:
                    self._insert_article(article)
                    group, regrouped = assign_group(self._con, key, article.text)
                else:
                    self._replace_article(key, article)
                mentioned = self._insert_mentions(key, mentions)
                event_rows, link_rows, actors = self._insert_events(key, events)
                self._insert_actors(mentioned, actors)
                # a new article's facts and points come from the rows in hand; a replaced
                # one's are read from the tables
                self._update_clusters([key], None if stored else Written(
                    event_rows, link_rows, article.published, article.outlet, group))
                if regrouped:
                    # their clusters count this article's group as one report with them
                    from ..analysis.clusters import update_clusters
                    update_clusters(self, regrouped)
        except duckdb.Error as e:
            raise StoreError(f"article {article.id}: not stored: {e}") from e
        return Saved(UPDATED if stored else STORED, key, conflicts, changed)

    def _replace_article(self, key: str, article: Article) -> None:
        """The stored article takes the new title and date; its old rows go."""
        self._con.execute("UPDATE articles SET title = ?, published = coalesce(?, published), "
                          "url = coalesce(?, url), input_id = ? WHERE id = ?",
                          [article.title, article.published, article.url, article.id, key])
        self._con.execute("DELETE FROM event_actors WHERE event_id IN "
                          "(SELECT id FROM events WHERE article_id = ?)", [key])
        self._con.execute("DELETE FROM events WHERE article_id = ?", [key])
        self._con.execute("DELETE FROM mentions WHERE article_id = ?", [key])

    def _update_clusters(self, article_ids: list[str], written: "Written | None" = None) -> None:
        """Bring what is derived from these articles' events up to date: their event_facts,
        then the clusters around them. Call it inside any transaction that changes events.
        `written`: the rows of the one new article just stored, so that nothing of it needs
        reading back (articles whose text the shortcuts cannot fold exactly are read back)."""
        from ..analysis.clusters import points_of, update_clusters
        facts = points = None
        if written is not None:
            facts = facts_of(written.events, written.links, written.published, written.outlet)
            points = points_of(written.events, written.links, written.published,
                               written.outlet, written.story)
        if facts is None:
            refresh_facts(self, article_ids)
        else:
            self.insert_columns("event_facts", facts)
        update_clusters(self, article_ids, points)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run SQL on the one write connection, inside its open transaction if any: writes,
        and reads that must see them. Rows come back as dicts."""
        self.generation += 1
        try:
            result = self._con.execute(sql, list(params))
        except duckdb.Error as e:
            raise StoreError(f"statement failed: {e}") from e
        if result.description is None:
            return []
        columns = [d[0] for d in result.description]
        return [dict(zip(columns, row)) for row in result.fetchall()]

    def insert_columns(self, table: str, columns: dict[str, list[Any]]) -> None:
        """Append many rows at once, given column by column, through an Arrow table."""
        if not columns or not next(iter(columns.values())):
            return
        import pyarrow as pa
        incoming = pa.table(columns)
        names = ", ".join(f'"{c}"' for c in columns)
        self._con.register("_incoming_rows", incoming)
        try:
            self._con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _incoming_rows")
        except duckdb.Error as e:
            raise StoreError(f"cannot write {table}: {e}") from e
        finally:
            self._con.unregister("_incoming_rows")

    def _insert_article(self, article: Article) -> None:
        self._con.execute(
            "INSERT INTO articles (id, title, published, outlet, url, text, content_hash, "
            "ingested_at, input_id, text_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [article.key, article.title, article.published, article.outlet, article.url,
             article.text, content_id(article.title or "", article.text), _now(), article.id,
             article.text_key])

    def _insert_actors(self, *groups: Iterable[Actor]) -> None:
        """Actors not stored yet, in one statement: within a group the last record of a key
        is written, and a key an earlier group wrote keeps that group's record."""
        rows: dict[str, list[Any]] = {}
        for actors in groups:
            group = {actor_key(a): [actor_key(a), a.name, a.country, a.sector, a.wikidata]
                     for a in actors}
            for key, row in group.items():
                rows.setdefault(key, row)
        self._insert_rows("actors", ACTOR_COLUMNS, list(rows.values()), or_ignore=True)

    def _insert_mentions(self, article_id: str, mentions: Iterable[Mention]) -> list[Actor]:
        """Write the mentions; returns their actors, for _insert_actors."""
        rows: dict[str, list[Any]] = {}
        actors = []
        for m in mentions:
            key = content_id(article_id, str(m.start), str(m.end), m.kind)
            candidates = [c.to_dict() for c in m.candidates]
            rows.setdefault(key, [key, article_id, m.start, m.end, m.text, m.kind,
                                  actor_key(m.actor) if m.actor else None, m.sentence,
                                  _json(candidates)])
            if m.actor:
                actors.append(m.actor)
        self._insert_rows("mentions", MENTION_COLUMNS, list(rows.values()))
        return actors

    def _insert_events(self, article_id: str, events: Iterable[Event]
                       ) -> tuple[list[dict[str, Any]], list[list[Any]], list[Actor]]:
        """Write the events and their event_actors; returns the rows written (events as
        dicts of their columns) and the actors, for _insert_actors."""
        event_rows: dict[str, dict[str, Any]] = {}
        link_rows: list[list[Any]] = []
        actors: list[Actor] = []
        for event in events:
            event = _owned(event, article_id)
            if event.id in event_rows:
                continue        # the same trigger and clause found twice: keep the first
            event_rows[event.id] = _event_row(event, article_id)
            for role, group in (("actor", event.actor), ("recipient", event.recipient)):
                for position, a in enumerate(group):
                    link_rows.append([event.id, role, position, actor_key(a), a.name, a.country])
                    actors.append(a)
        self._insert_rows("events", EVENT_COLUMNS,
                          [[row[c] for c in EVENT_COLUMNS] for row in event_rows.values()])
        self._insert_rows("event_actors", EVENT_ACTOR_COLUMNS, link_rows)
        return list(event_rows.values()), link_rows, actors

    def _insert_rows(self, table: str, columns: Sequence[str], rows: list[list[Any]],
                     or_ignore: bool = False) -> None:
        """One multi-row INSERT: DuckDB runs executemany row by row (3x slower ingest here)."""
        if not rows:
            return
        row_marks = "(" + ", ".join("?" * len(columns)) + ")"
        names = ", ".join(f'"{c}"' for c in columns)
        verb = "INSERT OR IGNORE INTO" if or_ignore else "INSERT INTO"
        self._con.execute(f"{verb} {table} ({names}) VALUES {', '.join([row_marks] * len(rows))}",
                          [value for row in rows for value in row])


ACTOR_COLUMNS = ("id", "name", "country", "sector", "wikidata")
MENTION_COLUMNS = ("id", "article_id", "start", "end", "text", "kind", "actor_id", "sentence",
                   "candidates")
EVENT_ACTOR_COLUMNS = ("event_id", "role", "position", "actor_id", "name", "country")
EVENT_COLUMNS = (
    "id", "article_id", "type", "mode", "cameo", "score", "actor", "recipient",
    "date_start", "date_end", "date_text", "date_granularity",
    "place_name", "place_country", "place_admin1", "lat", "lon", "geonameid",
    "quantities", "attribution_name", "attribution_country", "attribution_sector",
    "attribution_text", "modality", "evidence", "evidence_start", "evidence_end",
    "trigger", "trigger_start", "trigger_end", "confidence",
)


def _owned(event: Event, article_id: str) -> Event:
    """The event with this article's id and a stable event id derived from it."""
    if not event.id or event.article_id != article_id:
        return event.with_id(article_id)
    return event


def _event_row(event: Event, article_id: str) -> dict[str, Any]:
    data = event.to_dict()
    when, where, said = event.date, event.place, event.attribution
    values = {
        "id": event.id, "article_id": article_id, "type": event.type, "mode": event.mode,
        "cameo": event.cameo, "score": event.score,
        "actor": _json(data["actor"]), "recipient": _json(data["recipient"]),
        "date_start": when.start if when else None, "date_end": when.end if when else None,
        "date_text": when.text if when else None,
        "date_granularity": when.granularity if when else None,
        "place_name": where.name if where else None,
        "place_country": where.country if where else None,
        "place_admin1": where.admin1 if where else None,
        "lat": where.lat if where else None, "lon": where.lon if where else None,
        "geonameid": where.geonameid if where else None,
        "quantities": _json(data["quantities"]),
        "attribution_name": said.name if said else None,
        "attribution_country": said.country if said else None,
        "attribution_sector": said.sector if said else None,
        "attribution_text": said.text if said else None,
        "modality": event.modality, "evidence": event.evidence.text,
        "evidence_start": event.evidence.start, "evidence_end": event.evidence.end,
        "trigger": event.trigger, "trigger_start": event.trigger_start,
        "trigger_end": event.trigger_end, "confidence": data["confidence"],
    }
    return values


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
