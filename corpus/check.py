"""Check corpus files against the gold format of shared/gold/GUIDELINES.md.

    python corpus/check.py [FILE.jsonl ...]     # default: corpus/*.jsonl

Checks the JSON shape of every article and event, that each evidence is a
verbatim substring found once in its text, that types, modes, sectors,
countries and modalities are the ones GUIDELINES.md allows, that ids are
unique, that dates are ISO spans not after `published` for events said to
have happened, that date, quantity and place words occur in the text, and
that no text shares a sentence of 40 or more characters with the gold files
(read from $NEWSEVENTS_GOLD or ../shared/gold next to the repository, only if
present). Prints one line per problem (file:line: id: field: what is wrong)
and a count per type; exits 1 if anything is wrong. Standard library only.
"""
from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent

MODES = {
    "AGREE": set(),
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "SUPPORT": set(),
    "CONCEDE": set(),
    "COOPERATE": set(),
    "AID": {"economic", "military", "humanitarian"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold", "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"},
}
SECTORS = {"GOV", "MIL", "MED", "INT", "OPP", "CVL", "BUS", "NGO", "IGO", "REB", "JUD", "LEG", "POL", None}
MODALITIES = {"asserted", "future", "hypothetical", "negated"}
ARTICLE_KEYS = ("id", "title", "published", "outlet", "url", "text", "events")
EVENT_KEYS = ("type", "mode", "actor", "recipient", "date", "place", "quantities", "attribution",
              "modality", "evidence")
SHARED_SENTENCE = 40


def _countries() -> set[str] | None:
    try:
        import pycountry
    except ImportError:  # the shape check still applies
        return None
    return {c.alpha_3 for c in pycountry.countries} | {"XKX"}  # Kosovo's user-assigned code


COUNTRIES = _countries()


def _iso(value) -> date | None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _contains(text: str, words: str) -> bool:
    return words.lower() in text.lower()


def check_entity(entity, where: str, problems: list[str]) -> None:
    if not isinstance(entity, dict):
        problems.append(f"{where}: not an object")
        return
    if set(entity) - {"name", "country", "sector", "aliases"} or {"name", "country", "sector"} - set(entity):
        problems.append(f"{where}: keys must be name, country, sector")
    if not isinstance(entity.get("name"), str) or not entity.get("name", "").strip():
        problems.append(f"{where}.name: missing or empty")
    country = entity.get("country")
    if country is not None and country != "IGO":
        if not isinstance(country, str) or not re.fullmatch(r"[A-Z]{3}", country) or \
                (COUNTRIES is not None and country not in COUNTRIES):
            problems.append(f"{where}.country: {country!r} is not ISO 3166 alpha-3, IGO or null")
    if entity.get("sector") not in SECTORS:
        problems.append(f"{where}.sector: {entity.get('sector')!r} is not one of GUIDELINES' sectors")


def check_event(event, text: str, published: date | None, where: str, problems: list[str]) -> None:
    if not isinstance(event, dict):
        problems.append(f"{where}: not an object")
        return
    missing = [k for k in EVENT_KEYS if k not in event]
    if missing:
        problems.append(f"{where}: missing {', '.join(missing)}")
        return
    kind, mode = event["type"], event["mode"]
    if kind not in MODES:
        problems.append(f"{where}.type: {kind!r} is not a PLOVER type")
    elif mode is not None and mode not in MODES[kind]:
        problems.append(f"{where}.mode: {mode!r} is not a mode of {kind}")
    for role in ("actor", "recipient"):
        if not isinstance(event[role], list):
            problems.append(f"{where}.{role}: not a list")
            continue
        for n, entity in enumerate(event[role]):
            check_entity(entity, f"{where}.{role}[{n}]", problems)
    if not event["actor"]:
        problems.append(f"{where}.actor: empty (every event has someone who does it)")
    if event["modality"] not in MODALITIES:
        problems.append(f"{where}.modality: {event['modality']!r} is not one of {sorted(MODALITIES)}")
    evidence = event["evidence"]
    if not isinstance(evidence, str) or not evidence.strip():
        problems.append(f"{where}.evidence: missing or empty")
    elif evidence not in text:
        problems.append(f"{where}.evidence: not a verbatim substring of the text: {evidence!r}")
    elif text.count(evidence) > 1:
        problems.append(f"{where}.evidence: occurs more than once in the text, so its span is ambiguous")
    elif "\n" in evidence:
        problems.append(f"{where}.evidence: spans paragraphs")

    span = event["date"]
    if span is not None:
        start, end = (_iso(span.get("start")), _iso(span.get("end"))) if isinstance(span, dict) else (None, None)
        if start is None or end is None:
            problems.append(f"{where}.date: needs ISO `start` and `end`")
        else:
            if start > end:
                problems.append(f"{where}.date: start after end")
            if published and event["modality"] in ("asserted", "negated") and start > published:
                problems.append(f"{where}.date: {start} is after published {published} for an event said to have happened")
        if not isinstance(span, dict) or not isinstance(span.get("text"), str) or not _contains(text, span["text"]):
            problems.append(f"{where}.date.text: not found in the text")
    place = event["place"]
    if place is not None:
        if not isinstance(place, dict) or not {"name", "country", "lat", "lon"} <= set(place):
            problems.append(f"{where}.place: needs name, country, lat, lon")
        else:
            names = [place["name"], *place.get("aliases", [])]
            if not any(isinstance(n, str) and _contains(text, n) for n in names):
                problems.append(f"{where}.place: neither {place['name']!r} nor an alias occurs in the text")
            if place["country"] is not None and COUNTRIES is not None and place["country"] not in COUNTRIES:
                problems.append(f"{where}.place.country: {place['country']!r} is not ISO 3166 alpha-3")
            for axis, bound in (("lat", 90), ("lon", 180)):
                value = place[axis]
                if not isinstance(value, (int, float)) or not -bound <= value <= bound:
                    problems.append(f"{where}.place.{axis}: {value!r} is not a coordinate")
    if not isinstance(event["quantities"], list):
        problems.append(f"{where}.quantities: not a list")
    else:
        for n, quantity in enumerate(event["quantities"]):
            if not isinstance(quantity, dict) or not isinstance(quantity.get("value"), (int, float)):
                problems.append(f"{where}.quantities[{n}]: needs a numeric value")
            elif not isinstance(quantity.get("text"), str) or quantity["text"] not in text:
                problems.append(f"{where}.quantities[{n}].text: not a verbatim substring of the text")
    attribution = event["attribution"]
    if attribution is not None:
        if not isinstance(attribution, dict) or not isinstance(attribution.get("name"), str) or "country" not in attribution:
            problems.append(f"{where}.attribution: needs name and country, or null")
        elif attribution["country"] not in (None, "IGO") and COUNTRIES is not None and attribution["country"] not in COUNTRIES:
            problems.append(f"{where}.attribution.country: {attribution['country']!r} is not ISO 3166 alpha-3, IGO or null")


def check_file(path: Path, seen_ids: set[str], problems: list[str], counts: Counter) -> list[dict]:
    articles = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            article = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{where}: not valid JSON ({e.msg})")
            continue
        if not isinstance(article, dict):
            problems.append(f"{where}: not a JSON object")
            continue
        missing = [k for k in ARTICLE_KEYS if k not in article]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
            continue
        article_id = article["id"]
        if not isinstance(article_id, str) or not article_id:
            problems.append(f"{where}: id: missing or empty")
            continue
        where = f"{where}: {article_id}"
        if article_id in seen_ids:
            problems.append(f"{where}: id: repeated")
        seen_ids.add(article_id)
        published = None
        if article["published"] is not None:
            published = _iso(article["published"])
            if published is None:
                problems.append(f"{where}: published: {article['published']!r} is not an ISO date")
        text = article["text"]
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: text: missing or empty")
            continue
        if not isinstance(article["events"], list):
            problems.append(f"{where}: events: not a list")
            continue
        for n, event in enumerate(article["events"]):
            check_event(event, text, published, f"{where}: events[{n}]", problems)
            if isinstance(event, dict):
                counts[event.get("type")] += 1
        if not article["events"]:
            counts["(no event)"] += 1
        article["_where"] = where
        articles.append(article)
    return articles


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?\"”])\s+|\n", text)
    return [" ".join(p.split()).lower() for p in parts if len(" ".join(p.split())) >= SHARED_SENTENCE]


def gold_dir() -> Path | None:
    candidates = [os.environ.get("NEWSEVENTS_GOLD"), HERE.parent.parent / "shared" / "gold", Path("/work/shared/gold")]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def check_against_gold(articles: list[dict], problems: list[str]) -> int:
    """Problems for texts that share a sentence of 40+ characters with the gold files; gold files read."""
    folder = gold_dir()
    if folder is None:
        return 0
    gold_texts, read = [], 0
    for path in sorted(folder.glob("*.jsonl")):
        read += 1
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                if isinstance(record.get("text"), str):
                    gold_texts.append(" ".join(record["text"].split()).lower())
    gold_blob = "\n".join(gold_texts)
    gold_sentences = {s for t in gold_texts for s in _sentences(t)}
    ours_blob = "\n".join(" ".join(a["text"].split()).lower() for a in articles)
    for article in articles:
        for sentence in _sentences(article["text"]):
            if sentence in gold_blob:
                problems.append(f"{article['_where']}: text: shares a sentence with the gold files: {sentence[:80]!r}")
    for sentence in gold_sentences:
        if sentence in ours_blob:
            problems.append(f"a gold sentence occurs in the corpus: {sentence[:80]!r}")
    return read


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(HERE.glob("*.jsonl"))
    problems: list[str] = []
    seen_ids: set[str] = set()
    everything = []
    for path in paths:
        counts: Counter = Counter()
        articles = check_file(path, seen_ids, problems, counts)
        everything.extend(articles)
        summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: str(kv[0])))
        print(f"{path.name}: {len(articles)} articles, {sum(len(a['events']) for a in articles)} events ({summary})")
    read = check_against_gold(everything, problems)
    print(f"gold overlap: {'checked against ' + str(read) + ' gold files' if read else 'gold files not found, not checked'}")
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
