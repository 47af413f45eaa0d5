"""Near-duplicate articles (wire copies across outlets) by MinHash over word shingles.

A text is the set of its five-word shingles; two texts' Jaccard similarity is
estimated from 128 MinHash values, and candidates are found by locality-sensitive
hashing in 32 bands of 4 values (pairs at 0.5 similarity meet in a band with
probability 0.87, at 0.8 with 0.9999). Copies whose estimated similarity is at least
`SIMILAR` are one story: an agency's piece with another headline, a trimmed last
paragraph or an outlet's own first line is still a copy, while two reports of the
same event in their own words are not.

The permutations come from a fixed seed, so a signature is the same in every process
(the store keeps them, and Spark executors compute them on their own).
"""
from __future__ import annotations

import re
import zlib
from functools import lru_cache
from hashlib import blake2b

import numpy as np

SHINGLE_WORDS = 5
PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
SIMILAR = 0.5
_PRIME = 4_294_967_311            # the first prime above 2**32: shingle hashes are 32-bit
_SEED = 20161124
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(_SEED)
    # a < 2**31 keeps a * x + b below 2**64 for 32-bit x, so uint64 arithmetic is exact
    a = rng.integers(1, 2**31, size=PERMUTATIONS, dtype=np.uint64)
    b = rng.integers(0, 2**32, size=PERMUTATIONS, dtype=np.uint64)
    return a, b


def shingles(text: str) -> np.ndarray:
    """32-bit hashes of the text's word shingles (lower-cased words, punctuation dropped)."""
    words = _WORD.findall(text.lower())
    if not words:
        return np.zeros(0, dtype=np.uint64)
    size = min(SHINGLE_WORDS, len(words))
    grams = {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}
    return np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint64,
                       count=len(grams))


def signature(text: str) -> tuple[int, ...]:
    """The text's MinHash signature: PERMUTATIONS integers; empty for a text without words."""
    hashes = shingles(text)
    if not len(hashes):
        return ()
    a, b = _permutations()
    values = (np.outer(hashes, a) + b) % np.uint64(_PRIME)
    return tuple(int(v) for v in values.min(axis=0))


def similarity(first: tuple[int, ...], second: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the two texts the signatures came from."""
    if not first or not second:
        return 0.0
    return float(np.mean(np.asarray(first) == np.asarray(second)))


def band_keys(sig: tuple[int, ...]) -> list[tuple[int, str]]:
    """(band, bucket) pairs: texts sharing any pair are candidate near-duplicates."""
    if not sig:
        return []
    keys = []
    for band in range(BANDS):
        rows = np.asarray(sig[band * ROWS:(band + 1) * ROWS], dtype=np.uint64).tobytes()
        keys.append((band, blake2b(rows, digest_size=8).hexdigest()))
    return keys


def is_near_duplicate(first: tuple[int, ...], second: tuple[int, ...]) -> bool:
    return similarity(first, second) >= SIMILAR


def group_near_duplicates(texts: dict[str, str]) -> dict[str, str]:
    """For texts keyed by id, each id's group: the smallest id among its near-duplicates
    (linked through any chain of copies), so the grouping does not depend on order."""
    sigs = {key: signature(text) for key, text in texts.items()}
    buckets: dict[tuple[int, str], list[str]] = {}
    for key in sorted(sigs):
        for band in band_keys(sigs[key]):
            buckets.setdefault(band, []).append(key)
    parent = {key: key for key in sigs}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for members in buckets.values():
        for i, first in enumerate(members):
            for second in members[i + 1:]:
                if root(first) != root(second) and is_near_duplicate(sigs[first], sigs[second]):
                    low, high = sorted((root(first), root(second)))
                    parent[high] = low
    return {key: root(key) for key in sigs}
