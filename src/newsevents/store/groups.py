"""Near-duplicate article groups in the store: each article's `group_id`.

A new article's MinHash signature (ingest/dedupe.py) is looked up by its LSH bands
among stored articles; every stored article it is a near-duplicate of joins one
group with it, and a group is named by its smallest article id. Groups are the
connected parts of the near-duplicate relation, so the same articles ingested in
any order end in the same groups. Runs inside the article's own transaction.
"""
from __future__ import annotations

from typing import Any

import duckdb

from ..ingest.dedupe import band_keys, is_near_duplicate, signature


def assign_group(con: duckdb.DuckDBPyConnection, article_id: str, text: str) -> str:
    """Store the article's signature and set its `group_id` (and merge groups it links)."""
    sig = signature(text)
    keys = band_keys(sig)
    matched: set[str] = set()
    if keys:
        marks = ", ".join(["(?, ?)"] * len(keys))
        rows = con.execute(
            f"SELECT DISTINCT s.article_id, s.signature, a.group_id FROM article_bands b "
            f"JOIN (VALUES {marks}) AS k(band, bucket) ON b.band = k.band AND b.bucket = k.bucket "
            f"JOIN article_signatures s ON s.article_id = b.article_id "
            f"JOIN articles a ON a.id = s.article_id WHERE b.article_id <> ?",
            [value for key in keys for value in key] + [article_id]).fetchall()
        matched = {group or other for other, other_sig, group in rows
                   if is_near_duplicate(sig, tuple(other_sig))}
    group = min(matched | {article_id})
    stale = sorted(matched - {group})
    if stale:
        con.execute(f"UPDATE articles SET group_id = ? WHERE group_id IN "
                    f"({', '.join('?' * len(stale))})", [group, *stale])
    con.execute("UPDATE articles SET group_id = ? WHERE id = ?", [group, article_id])
    con.execute("INSERT OR REPLACE INTO article_signatures VALUES (?, ?)", [article_id, list(sig)])
    con.execute("DELETE FROM article_bands WHERE article_id = ?", [article_id])
    if keys:
        con.execute(f"INSERT INTO article_bands VALUES {', '.join(['(?, ?, ?)'] * len(keys))}",
                    [value for band, bucket in keys for value in (band, bucket, article_id)])
    return group


def group_of(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """The article's group: its id, its articles and their distinct outlets."""
    row = con.execute("SELECT group_id FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None or row[0] is None:
        return None
    members = con.execute("SELECT id, outlet FROM articles WHERE group_id = ? ORDER BY id",
                          [row[0]]).fetchall()
    return {"group_id": row[0], "articles": [m[0] for m in members],
            "outlets": sorted({m[1] for m in members if m[1]})}
