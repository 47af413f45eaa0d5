"""Which stored article an incoming article is: the rule of article identity.

An article is stored under its key, a hash of its normalised text, title and
outlet (records.Article.key); the input's own `id` is kept as `input_id`.

    same key stored                       the same article
    else same text and outlet stored,     the same article with a corrected title
      with the same input id (or the      or date
      incoming article has none)
    else                                  a new article; when a stored article of
                                          different content has the same input id,
                                          that is reported as an id conflict

The same article again with nothing changed is "already stored". With a new
title, or a publication date that differs from the stored one, it is updated
in place: its events are extracted again, so relative dates are re-resolved
against the new date. An article given without a date never clears a stored one.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from ..records import Article, normalised


@dataclass(frozen=True)
class Stored:
    id: str
    title: str | None
    published: date | None
    input_id: str | None


def find_stored(con: duckdb.DuckDBPyConnection, article: Article) -> Stored | None:
    """The stored article the incoming one is, by the rule above, or None."""
    row = con.execute("SELECT id, title, published, input_id FROM articles WHERE id = ?",
                      [article.key]).fetchone()
    if row is None:
        same_id = "AND input_id = ?" if article.has_input_id else ""
        params = [article.text_key] + ([article.id] if article.has_input_id else [])
        row = con.execute(f"SELECT id, title, published, input_id FROM articles "
                          f"WHERE text_key = ? {same_id} ORDER BY ingested_at, id LIMIT 1",
                          params).fetchone()
    return Stored(*row) if row else None


def changes(stored: Stored, article: Article) -> list[str]:
    """Fields of the incoming article that differ from the stored one: title, published."""
    changed = []
    if normalised(stored.title) != normalised(article.title):
        changed.append("title")
    if article.published is not None and article.published != stored.published:
        changed.append("published")
    return changed


def id_conflicts(con: duckdb.DuckDBPyConnection, article: Article) -> list[str]:
    """Keys of stored articles of other content that came with the same input id."""
    if not article.has_input_id:
        return []
    rows = con.execute("SELECT id FROM articles WHERE input_id = ? AND id <> ? ORDER BY id",
                       [article.id, article.key]).fetchall()
    return [key for (key,) in rows]


def fill_text_keys(con: duckdb.DuckDBPyConnection) -> int:
    """Give rows stored before text keys existed theirs; returns how many."""
    rows = con.execute("SELECT id, text, outlet FROM articles WHERE text_key IS NULL").fetchall()
    for key, text, outlet in rows:
        con.execute("UPDATE articles SET text_key = ? WHERE id = ?",
                    [Article(text=text, id=key, outlet=outlet).text_key, key])
    return len(rows)
