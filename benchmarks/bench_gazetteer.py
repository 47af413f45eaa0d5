"""Time the gazetteer: cold build, warm load from the disk cache, and matching per article,
each against spaCy's parse of the same articles in the same process.

    python benchmarks/bench_gazetteer.py [--cities cities5000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time

from newsevents.nlp import gazetteer as gazetteer_module
from newsevents.nlp.model import load_spacy
from newsevents.nlp.place import find_places
from newsevents.pipeline import register_doc_attributes

ARTICLES = [
    "Kenyan President William Ruto met Ethiopia's foreign minister in the coastal city of "
    "Mombasa on Friday. Nairobi and Addis Ababa have drawn closer since the war in Sudan, and "
    "hundreds of Kenyan police officers were flown to Port-au-Prince in Haiti.",
    "Paramilitary fighters overran the last army garrison in El Fasher, the capital of North "
    "Darfur state, and massed on the outskirts of El Obeid in North Kordofan, witnesses said. "
    "The United Nations urged both sides to open routes from Chad.",
    "Chinese coast guard ships blocked a Philippine resupply mission near Second Thomas Shoal "
    "in the South China Sea. Manila protested to Beijing, and the U.S. State Department in "
    "Washington said the treaty covers attacks anywhere in the region.",
    "Pakistan kept the Torkham border crossing closed after airstrikes in Afghanistan's Paktika "
    "province. Delegations met in Doha and agreed to meet again in Istanbul next week.",
    "Voters in Atlanta, Georgia, waited for hours, while officials in Alexandria, Virginia, "
    "extended polling. In Tbilisi, Georgian protesters rallied outside parliament.",
] * 4


def _seconds(action, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cities", default=gazetteer_module.DEFAULT_CITIES)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    register_doc_attributes()
    nlp = load_spacy()
    docs: list = []
    parse = _seconds(lambda: docs.__setitem__(slice(None), list(nlp.pipe(ARTICLES))), args.repeat)

    with tempfile.TemporaryDirectory() as cache:
        os.environ["NEWSEVENTS_CACHE"] = cache
        gazetteer_module.load_gazetteer.cache_clear()
        cold = _seconds(lambda: gazetteer_module.load_gazetteer(args.cities))
        gazetteer_module.load_gazetteer.cache_clear()
        warm = _seconds(lambda: gazetteer_module.load_gazetteer(args.cities))
        gazetteer = gazetteer_module.load_gazetteer(args.cities)
    match = _seconds(lambda: [find_places(doc, gazetteer) for doc in docs], args.repeat)

    n = len(ARTICLES)
    print(f"articles: {n}, cities: {args.cities}, places: {len(gazetteer.places)}, "
          f"names: {len(gazetteer.names)}")
    print(f"spaCy parse       {parse:8.3f} s   {1000 * parse / n:7.1f} ms/article")
    print(f"index build cold  {cold:8.3f} s   = {cold / parse:6.1f} x parse of all articles")
    print(f"index load warm   {warm:8.3f} s   = {warm / parse:6.1f} x parse of all articles")
    print(f"matching          {match:8.3f} s   {1000 * match / n:7.1f} ms/article "
          f"= {match / parse:6.3f} x parse")


if __name__ == "__main__":
    main()
