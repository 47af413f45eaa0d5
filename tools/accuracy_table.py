"""Print README's accuracy table: every development set, tuning and check half.

    python tools/accuracy_table.py [--gold ../shared/gold] [--corpus corpus]

Each number is what `newsevents eval FILE --half tune|check` prints for that set
(eval/splits.py fixes the halves); this script only runs them in one process and
lays them out as Markdown.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from newsevents.jobs import evaluate

EVENT_SETS = ("dev.jsonl", "news-dev.jsonl", "plover-gsr.jsonl")
CORPUS_SETS = ("phrasings.jsonl", "articles.jsonl")


def _f(value) -> str:
    return "-" if value is None else f"{value:.3f}"


def event_row(name: str, path: Path) -> str:
    cells = []
    for half in ("tune", "check"):
        r = evaluate(path, half=half)
        fields = r["fields"]
        cells.append(f"{_f(r['events']['f1'])} / {_f(r['triples']['f1'])} / "
                     f"{_f(fields['actor']['accuracy'])} / {_f(fields['recipient']['accuracy'])} / "
                     f"{_f(fields['date']['accuracy'])} / {_f(fields['place']['accuracy'])} / "
                     f"{_f(fields['attribution']['accuracy'])}")
    return f"| {name} | {cells[0]} | {cells[1]} |"


def component_rows(gold: Path) -> list[str]:
    rows = []
    cells = [evaluate(gold / "timex.jsonl", half=h) for h in ("tune", "check")]
    rows.append("| timex.jsonl: DATE expressions resolved to the gold span | "
                + " | ".join(_f(c["recall"]) for c in cells) + " |")
    cells = [evaluate(gold / "toponyms.jsonl", half=h) for h in ("tune", "check")]
    rows.append("| toponyms.jsonl: gold places found | "
                + " | ".join(_f(c["recall"]) for c in cells) + " |")
    rows.append("| toponyms.jsonl: found places within 161 km | "
                + " | ".join(_f(c["accuracy_161km"]) for c in cells) + " |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=Path("../shared/gold"))
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    args = parser.parse_args()
    print("| set | tuning half: event F1 / triple F1 / actor / recipient / date / place / attribution "
          "| check half: the same |")
    print("|---|---|---|")
    for name in EVENT_SETS:
        print(event_row(name, args.gold / name))
    for name in CORPUS_SETS:
        print(event_row(f"corpus/{name}", args.corpus / name))
    print()
    print("| component set | tuning half | check half |")
    print("|---|---|---|")
    for row in component_rows(args.gold):
        print(row)


if __name__ == "__main__":
    main()
