"""Build src/newsevents/data/events/cameo_verbs.json from PETRARCH2's CAMEO verb dictionary.

    python tools/build_cameo_lexicon.py ../shared/reference/petrarch2/CAMEO.2.0.txt

CAMEO.2.0.txt (MIT, Open Event Data Alliance; openeventdata/petrarch2) holds verb
synonym blocks ("--- DENOUNCE [111] ---" followed by verbs) and patterns that give a
verb + object/preposition its CAMEO code ("- * SANCTIONS [053]"). This script keeps
what a dependency parse can check and writes it as JSON, with the MIT notice:

- blocks: the block's default code, its verbs (base form, particles of multi-word
  verbs such as "lash out", a verb's own code) and its patterns;
- a pattern: an optional subject word set, object head word set with modifier words
  ({FINANCIAL AID}), a particle ("THREW OUT CHARGES"), prepositional phrases
  ("(FOR VIOLATING)"), and its code; a word set may name a synonym set ("&MILITARY"),
  stored once under `synsets`; the regular plural of each noun is added, as
  PETRARCH2 does;
- forms: inflected verb forms the dictionary lists, to their base form.

Patterns that name the sentence's own actors ($, +, ^, %) keep their word
constraints only. Codes "---" are kept as null: they say a verb sense is no event.
Patterns whose code is only for the subject as target ("[:1823]", "died after an
assault") are left out: they name no actor.
Identical constraints given different codes are kept in file order; the reader
(nlp/cameo.py) decides what to do with them. Nothing else is interpreted here: the
CAMEO -> PLOVER mapping is the project's own (data/events/cameo_plover.yaml).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsevents" / "data" / "events" / "cameo_verbs.json"
PARTICLES = {"off", "out", "back", "up", "down", "away", "over", "forward", "aside", "in", "on",
             "through", "together", "apart", "around", "ahead", "along", "behind", "into"}
ACTOR_MARKS = {"$", "+", "^", "%"}
NOTICE = ("Derived by tools/build_cameo_lexicon.py from PETRARCH2 CAMEO.2.0.txt. "
          "The MIT License (MIT) Copyright (c) 2015 Open Event Data Alliance. Permission is hereby "
          "granted, free of charge, to any person obtaining a copy of this software and associated "
          "documentation files (the \"Software\"), to deal in the Software without restriction, "
          "including without limitation the rights to use, copy, modify, merge, publish, distribute, "
          "sublicense, and/or sell copies of the Software, and to permit persons to whom the Software "
          "is furnished to do so, subject to the following conditions: The above copyright notice and "
          "this permission notice shall be included in all copies or substantial portions of the "
          "Software. THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR "
          "IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A "
          "PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS "
          "BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT "
          "OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER "
          "DEALINGS IN THE SOFTWARE.")


def plural(word: str) -> str:
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def noun_forms(phrase: str, make_plural: bool = True) -> list[str]:
    """A dictionary noun as the lower-case forms a lemma or a word may take."""
    word = phrase.lower().replace("_", " ").strip()
    forms = {word, singular(word)}
    if make_plural and " " not in word:
        forms.add(plural(singular(word)))
    return sorted(forms)


def strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    synsets: dict[str, list[str]] = {}
    name = None
    for raw in lines:
        line = strip_comment(raw).strip()
        if line.startswith("---"):
            break
        if line.startswith("&"):
            name = line
            synsets[name] = []
        elif line.startswith("+") and name:
            phrase = line[1:].strip()
            keep_singular = phrase.endswith("_") or name.endswith("_")
            synsets[name].extend(noun_forms(phrase.rstrip("_"), make_plural=not keep_singular))
        elif not line:
            name = None if name and synsets.get(name) else name
    return {k.rstrip("_"): sorted(set(v)) for k, v in synsets.items()}


def parse_code(text: str) -> str | None:
    """ "[111]" -> "111"; "[0334:038]" -> "0334" (the code of the subject's act); "[---]" and
    "[:1823]" (a code only for the subject as target: "died after an assault") -> None."""
    inner = text.strip().strip("[]").strip()
    first = inner.split(":")[0].strip()
    return first if re.fullmatch(r"\d{2,4}", first) else None


def targets_subject(text: str) -> bool:
    """ "[:1823]": the act is done to the verb's subject by someone the pattern does not name."""
    inner = text.strip().strip("[]").strip()
    return inner.startswith(":") and bool(re.fullmatch(r":\s*\d{2,4}", inner))


def words_of(token: str, synsets: dict[str, list[str]]) -> tuple[list[str], list[str]] | None:
    """A noun slot ("AID", "{FINANCIAL AID}", "&MILITARY") as (head forms, modifier words)."""
    if token.startswith("{") and token.endswith("}"):
        parts = token[1:-1].split()
        if not parts:
            return None
        head = words_of(parts[-1], synsets)
        if head is None:
            return None
        modifiers = []
        for part in parts[:-1]:
            if part in ACTOR_MARKS:
                continue
            if part.startswith("&"):
                if part not in synsets:
                    return None
                modifiers.append(part)
            else:
                modifiers.append(part.lower().replace("_", " "))
        return head[0], modifiers
    if token.startswith("&"):
        if token not in synsets:
            return None
        return [token], []
    if token in ACTOR_MARKS or not re.fullmatch(r"[A-Z][A-Z_'\-]*", token):
        return None
    return noun_forms(token), []


def tokenize(text: str) -> list[str]:
    """Pattern text into slots: words, {phrases} and (prepositional phrases)."""
    return re.findall(r"\{[^}]*\}|\([^)]*\)|[^\s(){}]+", text)


def parse_pattern(line: str, synsets: dict[str, list[str]]) -> dict | None:
    body = strip_comment(line)[1:]
    match = re.search(r"\[[^\]]*\]", body)
    if match is None or "*" not in body[:match.start()]:
        return None
    if targets_subject(match.group(0)):
        return None
    code = parse_code(match.group(0))
    before, after = body[:match.start()].split("*", 1)
    pattern: dict = {"code": code}
    subject_slots = [t for t in tokenize(before) if t not in ACTOR_MARKS]
    if subject_slots:
        subject = words_of(subject_slots[-1], synsets)
        if subject is None:
            return None
        pattern["subject"] = subject[0]
    preps = []
    for slot in tokenize(after):
        if slot in ACTOR_MARKS:
            continue
        if slot.startswith("("):
            inner = [t for t in tokenize(slot[1:-1]) if t not in ACTOR_MARKS]
            if not inner or not re.fullmatch(r"[A-Z]+", inner[0]):
                return None
            objects = None
            if len(inner) > 1:
                parsed = words_of(inner[-1], synsets)
                if parsed is None:
                    return None
                objects = parsed[0]
            preps.append([inner[0].lower(), objects])
        elif "object" not in pattern and slot.lower() in PARTICLES and "particle" not in pattern:
            pattern["particle"] = slot.lower()
        elif "object" not in pattern:
            parsed = words_of(slot, synsets)
            if parsed is None:
                return None
            pattern["object"], modifiers = parsed
            if modifiers:
                pattern["modifiers"] = modifiers
        elif slot.isalpha() and slot.lower() not in PARTICLES:
            # A bare word after the object ("TOWARD +") is a preposition without its object.
            preps.append([slot.lower(), None])
        else:
            return None
    if preps:
        pattern["preps"] = preps
    if len(pattern) == 1:          # only a code: "- * [020]"
        return None
    return pattern


def parse_verb(line: str) -> tuple[str, list[str], list[str], str | None] | None:
    """ "SEND {SENDS SENDING SENT } [072]" -> (base, particles, forms, own code)."""
    text = strip_comment(line).strip()
    code = None
    match = re.search(r"\[[^\]]*\]\s*$", text)
    if match:
        code = parse_code(match.group(0))
        text = text[:match.start()].strip()
    forms: list[str] = []
    match = re.search(r"\{([^}]*)\}", text)
    if match:
        forms = [f for f in match.group(1).split() if f]
        text = (text[:match.start()] + text[match.end():]).strip()
    if not text or " " in text:
        return None
    words = text.split("_")
    if len(words) == 1:
        return words[0].lstrip("+").lower(), [], [f.lower() for f in forms], code
    verb_index = next((i for i, w in enumerate(words) if w.startswith("+")), None)
    # Only verb-first multi-word verbs ("+LASH_OUT"): the parser finds their particles.
    if verb_index != 0 or not all(w.lower() in PARTICLES for w in words[1:]):
        return None
    base = words[0].lstrip("+").lower()
    base_forms = [f.split("_")[0].lstrip("+").lower() for f in forms]
    return base, [w.lower() for w in words[1:]], base_forms, code


def build(source: Path) -> dict:
    lines = source.read_text(encoding="utf-8", errors="replace").splitlines()
    synsets = read_synsets(lines)
    blocks: list[dict] = []
    forms: dict[str, str] = {}
    block = None
    for line in lines:
        stripped = line.strip()
        header = re.match(r"^---\s+(\S+)\s+(\[[^\]]*\])\s*-*", stripped)
        if header:
            block = {"name": header.group(1), "code": parse_code(header.group(2)),
                     "verbs": [], "patterns": []}
            blocks.append(block)
            continue
        if block is None or not strip_comment(stripped):
            continue
        if stripped.startswith("~"):
            continue
        if stripped.startswith("-"):
            pattern = parse_pattern(stripped, synsets)
            if pattern is not None:
                block["patterns"].append(pattern)
            continue
        if stripped.startswith("&"):
            continue
        verb = parse_verb(stripped)
        if verb is None:
            continue
        base, particles, inflected, code = verb
        entry = {"verb": base}
        if particles:
            entry["particles"] = particles
        if code:
            entry["code"] = code
        block["verbs"].append(entry)
        for form in inflected:
            forms.setdefault(form, base)
    blocks = [b for b in blocks if b["verbs"]]
    used = {w for b in blocks for p in b["patterns"] for w in _pattern_words(p) if w.startswith("&")}
    return {"notice": NOTICE, "source": "openeventdata/petrarch2 CAMEO.2.0.txt (commit 676801cd9cb2)",
            "synsets": {name: synsets[name] for name in sorted(used)},
            "blocks": blocks, "forms": dict(sorted(forms.items()))}


def _pattern_words(pattern: dict) -> list[str]:
    words = list(pattern.get("subject", [])) + list(pattern.get("object", []))
    words += pattern.get("modifiers", [])
    for _, objects in pattern.get("preps", []):
        words += objects or []
    return words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="path to CAMEO.2.0.txt")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    data = build(args.source)
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), indent=None) + "\n",
                        encoding="utf-8")
    patterns = sum(len(b["patterns"]) for b in data["blocks"])
    verbs = sum(len(b["verbs"]) for b in data["blocks"])
    print(f"{args.out}: {len(data['blocks'])} blocks, {verbs} verbs, {patterns} patterns, "
          f"{len(data['forms'])} inflected forms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
