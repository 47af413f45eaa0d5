"""Near-duplicate article groups in the store: each article's `group_id`.

A new article's MinHash signature (ingest/dedupe.py) is looked up by its LSH bands
among stored articles; every stored article it is a near-duplicate of joins one
group with it, and a group is named by its smallest article id. Groups are the
connected parts of the near-duplicate relation, so the same articles ingested in
any order end in the same groups (up to the bounds of `_matched_groups`, which keep
the work per article small when thousands of copies of one text are stored). Runs
inside the article's own transaction.
"""
from __future__ import annotations

from typing import Any

import duckdb

from ..ingest.dedupe import band_keys, is_near_duplicate, signature

CANDIDATES = 100
TESTS_PER_GROUP = 20


def assign_group(con: duckdb.DuckDBPyConnection, article_id: str,
                 text: str) -> tuple[str, list[str]]:
    """Store the article's signature and set its `group_id` (and merge groups it links).
    Returns that group and the other articles whose group was renamed by the merge: their
    clusters count reports by group, so they are re-counted (clusters the new article joins
    are re-counted with it anyway)."""
    sig = signature(text)
    keys = band_keys(sig)
    matched = _matched_groups(con, article_id, sig, keys) if keys else set()
    group = min(matched | {article_id})
    stale = sorted(matched - {group})
    touched = [other for (other,) in con.execute(
        f"SELECT id FROM articles WHERE group_id IN ({', '.join('?' * len(stale))})",
        stale).fetchall()] if stale else []
    if stale:
        con.execute(f"UPDATE articles SET group_id = ? WHERE group_id IN "
                    f"({', '.join('?' * len(stale))})", [group, *stale])
    con.execute("UPDATE articles SET group_id = ? WHERE id = ?", [group, article_id])
    # only new articles come here (Store.add_article), so nothing of theirs is stored yet
    con.execute("INSERT INTO article_signatures VALUES (?, ?)", [article_id, list(sig)])
    if keys:
        con.execute(f"INSERT INTO article_bands VALUES {', '.join(['(?, ?, ?)'] * len(keys))}",
                    [value for band, bucket in keys for value in (band, bucket, article_id)])
    return group, touched


def _matched_groups(con: duckdb.DuckDBPyConnection, article_id: str, sig: tuple[int, ...],
                    keys: list[tuple[int, str]]) -> set[str]:
    """Groups holding a near-duplicate of the article, from its nearest stored candidates.

    Candidates share a band bucket (an index lookup); the CANDIDATES sharing most buckets
    are kept and, in each of their groups, up to TESTS_PER_GROUP of them are compared, so
    the work per article stays bounded however large a group of copies grows.
    """
    buckets = [bucket for _, bucket in keys]
    hits = con.execute(
        f"SELECT article_id, count(*) AS shared FROM article_bands "
        f"WHERE bucket IN ({', '.join('?' * len(buckets))}) AND article_id <> ? "
        f"GROUP BY article_id ORDER BY shared DESC, article_id LIMIT {CANDIDATES}",
        [*buckets, article_id]).fetchall()
    if not hits:
        return set()
    ids = [other for other, _ in hits]
    marks = ", ".join("?" * len(ids))
    groups = dict(con.execute(f"SELECT id, group_id FROM articles WHERE id IN ({marks})",
                              ids).fetchall())
    tested: dict[str, int] = {}
    chosen = []
    for other in ids:                       # most shared buckets first
        group = groups.get(other) or other
        if tested.get(group, 0) < TESTS_PER_GROUP:
            tested[group] = tested.get(group, 0) + 1
            chosen.append(other)
    marks = ", ".join("?" * len(chosen))
    signatures = con.execute(f"SELECT article_id, signature FROM article_signatures "
                             f"WHERE article_id IN ({marks})", chosen).fetchall()
    return {groups.get(other) or other for other, other_sig in signatures
            if is_near_duplicate(sig, tuple(other_sig))}


def group_of(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """The article's group: its id, its articles and their distinct outlets."""
    row = con.execute("SELECT group_id FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None or row[0] is None:
        return None
    members = con.execute("SELECT id, outlet FROM articles WHERE group_id = ? ORDER BY id",
                          [row[0]]).fetchall()
    return {"group_id": row[0], "articles": [m[0] for m in members],
            "outlets": sorted({m[1] for m in members if m[1]})}
