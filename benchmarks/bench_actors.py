"""Time actor gazetteer matching next to spaCy's parse of the same articles.

    PYTHONPATH=src python benchmarks/bench_actors.py --articles 200

Prints per-article milliseconds of the spaCy parse, of the raw Aho-Corasick
scan (`gazetteer_spans`) and of full mention finding (`find_mentions`, which
adds span alignment and NER fill-in), each with its ratio to the parse. The
articles are invented wire-style paragraphs, shuffled into varied articles.
"""
from __future__ import annotations

import argparse
import random
import time

PARAGRAPHS = [
    "SEOUL, South Korea — North Korean leader Kim Jong Un met Russian Foreign Minister "
    "Sergei Lavrov in Wonsan on Saturday and pledged full support for Moscow, the Korean "
    "Central News Agency reported on Sunday.",
    "South Korea's National Intelligence Service said Pyongyang had sent about 3,000 more "
    "troops to Russia since January, adding to the 11,000 soldiers deployed last year.",
    "Ukrainian President Volodymyr Zelensky accused Moscow of dragging out talks and called "
    "on the European Union and NATO to tighten sanctions on Russian oil exports.",
    "The United Nations Security Council will meet next week to discuss the shelling of "
    "Kharkiv, a spokesman for the U.N. Secretary-General said in New York.",
    "China's foreign ministry condemned the latest U.S. arms sale to Taiwan and warned that "
    "Beijing would take firm countermeasures, state broadcaster CCTV reported.",
    "Japanese Prime Minister Shigeru Ishiba and South Korean President Lee Jae-myung agreed "
    "in a phone call on Tuesday to strengthen cooperation with Washington on North Korea.",
    "Iranian Foreign Minister Abbas Araghchi said Tehran would not resume talks with the "
    "International Atomic Energy Agency until its nuclear sites were guaranteed safety.",
    "Israeli troops arrested 14 Palestinians in raids across the West Bank overnight, the "
    "Palestinian Prisoners' Society said, while the Israeli military declined to comment.",
    "German Chancellor Friedrich Merz promised Kyiv another 1.9 billion euros in military aid "
    "during a visit to Berlin by Ukrainian Defence Minister Rustem Umerov.",
    "Protesters marched through central Belgrade on Friday demanding early elections, and "
    "police detained dozens of students, Serbia's interior ministry said.",
]


def sample_articles(n: int, paragraphs_per_article: int = 5, seed: int = 13) -> list[str]:
    """`n` articles of shuffled paragraphs; the same seed gives the same articles."""
    rng = random.Random(seed)
    return ["\n".join(rng.sample(PARAGRAPHS, paragraphs_per_article)) for _ in range(n)]


def _ms_per(seconds: float, n: int) -> float:
    return 1000.0 * seconds / n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()

    from newsevents.nlp.entities import _automaton, find_mentions, gazetteer_spans
    from newsevents.nlp.model import load_spacy
    from newsevents.pipeline import register_doc_attributes

    texts = sample_articles(args.articles)
    n = len(texts)

    start = time.perf_counter()
    nlp = load_spacy()
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    _automaton()  # built once per process; timed apart from matching
    build_s = time.perf_counter() - start

    list(nlp.pipe(texts[:8]))  # warm-up
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse_s = time.perf_counter() - start

    start = time.perf_counter()
    spans = [gazetteer_spans(text) for text in texts]
    scan_s = time.perf_counter() - start

    register_doc_attributes()
    start = time.perf_counter()
    mentions = [find_mentions(doc) for doc in docs]
    mentions_s = time.perf_counter() - start

    chars = sum(len(t) for t in texts)
    print(f"{n} articles, {chars / n:.0f} characters each on average")
    print(f"spaCy load {load_s:.2f} s; actor automaton build {build_s * 1000:.0f} ms (once)")
    print(f"{'stage':<28}{'ms/article':>12}{'ratio to parse':>16}")
    print(f"{'spaCy parse (nlp.pipe)':<28}{_ms_per(parse_s, n):>12.3f}{1.0:>16.3f}")
    print(f"{'gazetteer_spans':<28}{_ms_per(scan_s, n):>12.3f}{scan_s / parse_s:>16.3f}")
    print(f"{'find_mentions':<28}{_ms_per(mentions_s, n):>12.3f}{mentions_s / parse_s:>16.3f}")
    print(f"gazetteer hits/article {sum(map(len, spans)) / n:.1f}; "
          f"mentions/article {sum(map(len, mentions)) / n:.1f}")


if __name__ == "__main__":
    main()
