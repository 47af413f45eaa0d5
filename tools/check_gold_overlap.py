"""Find text copied from the gold sets into the project's tests, corpus, data and examples.

    python tools/check_gold_overlap.py [--gold DIR] [--run N] [--names FILE] [PATH ...]

Reads every string in the gold files of DIR (default: ../shared/gold next to the
repository; dev.jsonl, news-dev.jsonl, plover-gsr.jsonl, timex.jsonl, toponyms.jsonl:
article texts, titles, evidence spans, notes) and scans the files under PATH (default:
tests/, corpus/, src/ (code, comments and data), benchmarks/, examples/) for any run of N (default 7)
consecutive words shared with gold text. Words are lower-cased with punctuation stripped
("U.N." and "UN", "Russia's" and "Russias" are one word each) and read across line
breaks, so quoting style and a sentence split over several string literals do not hide
a copy; escapes as written in source and JSON (\\n, \\u2019) are read as the characters
they stand for. Runs that lie inside a name listed in FILE (default:
tools/gold_overlap_names.txt: official names of states, bodies and offices, long enough
to fill seven words by themselves) are names, not copied text, and are not reported.
Prints one line per copied stretch (file:line: shared words) and exits 1 if there is
any, 0 if none, 2 if the gold files cannot be read. Standard library only.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD_FILES = ("dev.jsonl", "news-dev.jsonl", "plover-gsr.jsonl", "timex.jsonl", "toponyms.jsonl")
NAMES = ROOT / "tools" / "gold_overlap_names.txt"
SCANNED = ("tests", "corpus", "src", "benchmarks", "examples")
RUN = 7
SKIPPED_DIRS = {"__pycache__", ".pytest_cache", ".git"}
TEXT_SUFFIXES = {".py", ".jsonl", ".json", ".yaml", ".yml", ".txt", ".md", ".tsv", ".csv",
                 ".html", ".xml", ".rss", ".atom", ".toml", ".cfg", ".ini", ""}

# A word is letters and digits, joined inside it by dots, apostrophes or hyphens (U.N.,
# Russia's, 22-year-old), which are then dropped: "U.N." and "UN" are the same word.
_WORD = re.compile(r"[^\W_]+(?:[.'’‘ʼ-][^\W_]+)*")
_JOINERS = re.compile(r"[.'’‘ʼ-]")
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|[ntr])")


@dataclass(frozen=True)
class Overlap:
    path: Path
    line: int
    words: str


def _unescape(match: re.Match) -> str:
    code = match.group(1)
    if code[0] == "u":
        return chr(int(code[1:], 16))
    return " "


def words(text: str) -> list[str]:
    """The words of text, lower-cased and without punctuation."""
    return [_JOINERS.sub("", word) for word in _WORD.findall(text.lower())]


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _runs(tokens: list[str], run: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + run]) for i in range(len(tokens) - run + 1)}


def name_runs(path: Path | None, run: int = RUN) -> set[tuple[str, ...]]:
    """Runs of words inside the names listed in path (one a line, # comments)."""
    if path is None:
        return set()
    runs: set[tuple[str, ...]] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        name = line.split("#", 1)[0].strip()
        if name:
            runs |= _runs(words(name), run)
    return runs


def gold_runs(gold_dir: Path, run: int = RUN) -> set[tuple[str, ...]]:
    """Every run of `run` consecutive words in any string of the gold files in gold_dir."""
    runs: set[tuple[str, ...]] = set()
    found = False
    for name in GOLD_FILES:
        path = gold_dir / name
        if not path.is_file():
            continue
        found = True
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise ValueError(f"{path}:{number}: not JSON ({error.msg})") from None
                for text in _strings(record):
                    runs |= _runs(words(text), run)
    if not found:
        raise FileNotFoundError(f"{gold_dir}: none of {', '.join(GOLD_FILES)} found")
    return runs


def scan_file(path: Path, runs: set[tuple[str, ...]], run: int = RUN) -> list[Overlap]:
    """Runs of words in path shared with gold, merged into maximal stretches, with the
    line each stretch starts on. Words are read across line breaks, since a sentence
    in source code is often split over several string literals."""
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return []
    tokens: list[tuple[str, int]] = []
    for number, line in enumerate(text.splitlines(), 1):
        tokens.extend((word, number) for word in words(_ESCAPE.sub(_unescape, line)))
    found: list[Overlap] = []
    start = end = -1  # the current stretch of copied words, tokens[start:end]
    for i in range(len(tokens) - run + 1):
        if tuple(word for word, _ in tokens[i:i + run]) not in runs:
            continue
        if i <= end:
            end = i + run
            continue
        if start >= 0:
            found.append(_overlap(path, tokens, start, end))
        start, end = i, i + run
    if start >= 0:
        found.append(_overlap(path, tokens, start, end))
    return found


def _overlap(path: Path, tokens: list[tuple[str, int]], start: int, end: int) -> Overlap:
    return Overlap(path, tokens[start][1], " ".join(word for word, _ in tokens[start:end]))


def scanned_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files.extend(p for p in sorted(path.rglob("*"))
                         if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
                         and not SKIPPED_DIRS & set(p.relative_to(path).parts))
    return files


def check(paths: list[Path], gold_dir: Path, run: int = RUN,
          names: Path | None = None) -> list[Overlap]:
    runs = gold_runs(gold_dir, run) - name_runs(names, run)
    return [overlap for path in scanned_files(paths) for overlap in scan_file(path, runs, run)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path,
                        help=f"files or folders to scan (default: {', '.join(SCANNED)})")
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold",
                        help="folder of the gold files (default: ../shared/gold)")
    parser.add_argument("--run", type=int, default=RUN,
                        help=f"words in a row that count as a copy (default {RUN})")
    parser.add_argument("--names", type=Path, default=NAMES,
                        help="names allowed in full, one a line (default: tools/gold_overlap_names.txt)")
    args = parser.parse_args(argv)
    paths = args.paths or [ROOT / name for name in SCANNED]
    try:
        overlaps = check(paths, args.gold, args.run, args.names)
    except (OSError, ValueError) as error:
        print(f"check_gold_overlap: {error}", file=sys.stderr)
        return 2
    for overlap in overlaps:
        try:
            shown = overlap.path.resolve().relative_to(ROOT)
        except ValueError:
            shown = overlap.path
        print(f"{shown}:{overlap.line}: {overlap.words}")
    print(f"{len(overlaps)} run(s) of {args.run}+ words shared with the gold sets", file=sys.stderr)
    return 1 if overlaps else 0


if __name__ == "__main__":
    sys.exit(main())
