"""The fixed split of every development set into a tuning half and a check half.

Misses are studied on the tuning half only; a change is kept only when the check
half does not drop. An article's half is decided by its id alone, so the split
never changes as gold files grow and needs no list kept in the repository:
the first byte of the SHA-1 of the id, even for "tune", odd for "check".
A gold set whose ids repeat (plover-gsr.jsonl) keeps every copy in one half.
"""
from __future__ import annotations

import hashlib

HALVES = ("tune", "check")


def half_of(article_id: str) -> str:
    digest = hashlib.sha1(article_id.encode("utf-8")).digest()
    return HALVES[digest[0] % 2]


def in_half(records: list[dict], half: str | None) -> list[dict]:
    """The records of one half, in file order; all of them when `half` is None."""
    if half is None:
        return list(records)
    if half not in HALVES:
        raise ValueError(f"unknown half {half!r}; expected one of {', '.join(HALVES)}")
    return [r for r in records if half_of(str(r.get("id") or "")) == half]


__all__ = ["HALVES", "half_of", "in_half"]
