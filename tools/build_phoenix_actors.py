"""Build the Phoenix back-off actor data from PETRARCH2's actor and agent dictionaries.

    python tools/build_phoenix_actors.py ../shared/reference/petrarch2

Writes, with the MIT notice inside each file (and data/NOTICE-petrarch2.txt beside them):

- src/newsevents/data/actors/phoenix_actors.json: people and bodies of
  Phoenix.Countries.actors.txt, Phoenix.International.actors.txt and
  Phoenix.MilNonState.actors.txt, each with its names, country, sector and dated
  roles ("[RUSGOV 000507-080507]" -> a GOV role of RUS from 2000-05-07 to 2008-05-07);
- src/newsevents/data/actors/phoenix_agents.json: one-word group nouns and titles of
  Phoenix.agents.txt with their sector ("insurgents" -> REB, "gendarmes" -> POL), of the
  sectors whose words name actors (GOV, MIL, POL, INT, JUD, LEG, OPP, REB).

CAMEO codes become the project's codes (shared/gold/GUIDELINES.md): the first three
letters are an ISO 3166-1 alpha-3 country (KSV -> XKX), IGO for intergovernmental
bodies; the next role decides the sector (GOV..., MIL, COP -> POL, SPY -> INT, JUD,
LEG, OPP, MED, BUS, REB/UAF/CRM/INS/SEP -> REB, NGO, civilian roles -> CVL), and
ELI (an elite out of office) gives no sector.

Kept is what can name someone in news text without guessing:
- no country blocks ("AFGHANISTAN_ [AFG]" with its cities): countries.yaml has them;
- no role that ended before 1990, no entry left with no role from 1990 on;
- no code of a state that no longer exists (USR, YUG, DDR) nor a company (MNC);
- no entry of no country (NGOs, international militant groups): what the text says
  of them ("Iraq's Red Crescent") tells more than a name with no country;
- no one-word name that is an English word ("Rice", "Ban"), judged by the WordNet
  lemma lists the spaCy model ships; no name made only of English and country words
  that is a body's with no country word ("Supreme Court"), ends in an agent noun
  ("German Chancellor") or holds "of" ("Secretary of State"): a description, which
  the resolver reads in context;
- no name two entries of different countries share.
Curated data wins: the loader (nlp/actor_data.py) skips any entry whose name the
curated YAML already has, so this file need not change when the YAML does.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "src" / "newsevents" / "data" / "actors"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
               "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"
EARLIEST_END = date(1990, 1, 1)
COUNTRY_RENAMES = {"KSV": "XKX"}
# Roles (three-letter CAMEO codes after the country) -> the project's sectors.
ROLE_SECTORS = {
    "GOV": "GOV", "MIL": "MIL", "COP": "POL", "SPY": "INT", "JUD": "JUD", "LEG": "LEG",
    "OPP": "OPP", "MED": "MED", "BUS": "BUS", "REB": "REB", "UAF": "REB", "CRM": "REB",
    "INS": "REB", "SEP": "REB", "NGO": "NGO", "NGM": "NGO", "HRI": "NGO", "IGO": "IGO",
    "CVL": "CVL", "PPL": "CVL", "EDU": "CVL", "HLH": "CVL", "AGR": "CVL", "LAB": "CVL",
    "REF": "CVL", "REL": "CVL", "ENV": "CVL", "DEV": "CVL", "CHR": "CVL", "MUS": "CVL",
    "JEW": "CVL", "HIN": "CVL", "BUD": "CVL", "ELI": None,
}
# An armed role anywhere in the code wins over a religion or origin before it (MUSUAF).
ARMED = {"REB", "UAF", "INS", "SEP"}
TITLES = {"GOV": "government", "MIL": "military", "POL": "police", "INT": "intelligence",
          "JUD": "judiciary", "LEG": "legislature", "OPP": "opposition", "MED": "media",
          "BUS": "business", "REB": "armed group", "NGO": "non-governmental organisation",
          "IGO": "intergovernmental organisation", "CVL": "civil society", None: "out of office"}
# Words that make a name a body's, not a person's.
BODY_WORDS = {
    "army", "armies", "forces", "force", "ministry", "party", "council", "front", "movement",
    "organization", "organisation", "union", "association", "agency", "committee", "commission",
    "bank", "court", "police", "guard", "guards", "brigade", "brigades", "group", "league",
    "government", "parliament", "assembly", "office", "service", "services", "department",
    "institute", "foundation", "fund", "federation", "society", "network", "coalition", "alliance",
    "corps", "battalion", "militia", "center", "centre", "program", "programme", "authority",
    "board", "bureau", "congress", "senate", "cabinet", "navy", "regime", "revolutionary",
    "liberation", "islamic", "national", "people's", "peoples", "state", "states", "republic",
    "secretariat", "tribunal", "mission", "command", "division", "unit", "units", "squad",
    "cell", "cells", "jihad", "mujahideen", "fighters", "rebels", "soldiers", "troops", "of",
    "for", "and", "the", "news", "radio", "television", "tv", "times", "post", "press",
    "school", "university", "college", "hospital", "church", "trust", "company", "corporation",
    "inc", "ltd", "co", "group", "holdings", "international", "watch", "rights", "relief",
}
PARTICLES = {"de", "da", "del", "della", "di", "do", "dos", "das", "du", "van", "von", "der",
             "den", "ter", "la", "le", "bin", "ibn", "bint", "al", "el", "y", "e", "ul", "ud"}
FUNCTION_WORDS = {"of", "for", "and", "the", "in", "on", "to", "against", "at", "a", "an", "by",
                  "with", "us", "u.s.", "u.s", "uk", "u.k."}
CONNECTIVES = {"of", "for", "and", "the", "in", "on", "to", "against", "at"}
NOTICE = ("Derived by tools/build_phoenix_actors.py from PETRARCH2's Phoenix actor and agent "
          "dictionaries (openeventdata/petrarch2, commit 676801cd9cb2). "
          "The MIT License (MIT) Copyright (c) 2014 Open Event Data Alliance. Permission is hereby "
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
SOURCE = "openeventdata/petrarch2 Phoenix.*.actors.txt, Phoenix.agents.txt (commit 676801cd9cb2)"


# ---- reading the dictionary format -------------------------------------------------------
@dataclass
class Record:
    """One actor record: a primary phrase, its synonyms and its codes (dated or not)."""
    file: str
    line: int
    names: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)     # the text inside [...]


CODE = re.compile(r"\[([^\]]*)\]")


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0]


def read_records(path: Path) -> list[Record]:
    """Records of a TABARI/PETRARCH .actors file: a phrase, "+" synonyms, tab-led codes.
    A code may also stand on a phrase's own line ("KOFI_ANNAN_ [IGOUNO 970101-061231]")."""
    records: list[Record] = []
    current: Record | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if raw.lstrip().startswith("#"):
            continue
        line = _strip_comment(raw).rstrip()
        if not line.strip():
            continue
        codes = CODE.findall(line)
        phrase = CODE.sub(" ", line).strip()
        if raw.startswith(("\t", " ")) and not phrase:
            if current is not None:
                current.codes.extend(codes)
            continue
        if phrase.startswith("+"):
            if current is None:
                continue
            current.names.append(phrase[1:].strip())
            current.codes.extend(codes)
            continue
        # A new primary phrase, unless the last record has names but no codes yet
        # ("ABDUL_QADIR_ / +NUR_MOHAMMAD_TARAKI_ / [codes]" share codes).
        current = Record(file=path.name, line=number, names=[phrase], codes=list(codes))
        records.append(current)
    return records


def parse_date(text: str) -> date | None:
    """YYMMDD or YYYYMMDD; a two-digit year up to 30 is 20YY, as PETRARCH reads it."""
    text = text.strip()
    try:
        if len(text) == 6:
            year = int(text[:2])
            return date(2000 + year if year <= 30 else 1900 + year, int(text[2:4]), int(text[4:6]))
        if len(text) == 8:
            return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None
    return None


@dataclass(frozen=True)
class Code:
    country: str | None
    sector: str | None
    start: date | None
    end: date | None
    dated: bool


def parse_code(text: str, countries: set[str]) -> Code | None:
    """ "USAGOV 010120-050120" -> USA, GOV, dates; None for what the project cannot use."""
    parts = text.split()
    if not parts or parts[0].startswith("-"):
        return None
    body, restriction = parts[0].upper(), "".join(parts[1:])
    start = end = None
    if restriction:
        if restriction.startswith("<"):
            end = parse_date(restriction[1:])
            if end is None:
                return None
        elif restriction.startswith(">"):
            start = parse_date(restriction[1:])
            if start is None:
                return None
        elif "-" in restriction:
            first, _, last = restriction.partition("-")
            start, end = parse_date(first), parse_date(last)
            if start is None or end is None:
                return None
        else:
            return None
    chunks = [body[i:i + 3] for i in range(0, len(body), 3)]
    head = chunks[0]
    if head == "IGO":
        country, roles = "IGO", ["IGO"]
    elif head in ("NGO", "NGM"):
        country, roles = None, ["NGO"]
    elif head in ("IMG", "UIS"):
        country, roles = None, ["REB"]
    elif head == "ELI":
        country, roles = None, ["ELI"]
    elif COUNTRY_RENAMES.get(head, head) in countries:
        country, roles = COUNTRY_RENAMES.get(head, head), chunks[1:]
    else:
        return None          # a former state, a region, a company (MNC)
    armed = [r for r in roles if r in ARMED]
    sector = ROLE_SECTORS.get(armed[0] if armed else (roles[0] if roles else ""), None)
    if country == "IGO":
        sector = "IGO"
    return Code(country, sector, start, end, bool(restriction))


# ---- names ----------------------------------------------------------------------------------
def name_tokens(phrase: str) -> list[str]:
    """The words of a phrase, without a parenthesised acronym ("..._(AAIA)_")."""
    phrase = re.sub(r"\([^)]*\)", " ", phrase)
    return [t for t in re.split(r"[_\s]+", phrase.strip()) if t and t not in ("+", "-")]


def _cap(part: str) -> str:
    if not part:
        return part
    lower = part.lower()
    if lower.startswith("mc") and len(part) > 2:
        return "Mc" + lower[2].upper() + lower[3:]
    if lower.startswith("o'") and len(part) > 2:
        return "O'" + lower[2].upper() + lower[3:]
    return lower[0].upper() + lower[1:]


def _display_token(token: str, first: bool) -> list[str]:
    """Spellings of one dictionary token as news prints it."""
    if "." in token or not re.search(r"[AEIOUY]", token.upper()):
        return [token.upper()]              # "U.N.", "B.", initials and acronyms
    parts = token.split("-")
    lower_parts = [p.lower() for p in parts]
    if len(parts) > 1 and lower_parts[0] in ("al", "el", "ad", "as", "ash", "an", "ar", "az", "at"):
        rest = "-".join(_cap(p) for p in parts[1:])
        return [f"{lower_parts[0]}-{rest}", f"{_cap(parts[0])}-{rest}"]
    if not first and token.lower() in CONNECTIVES:
        return [token.lower()]               # "Commission for Human Rights"
    if not first and token.lower() in PARTICLES:
        return [token.lower(), _cap(token)]
    spellings = ["-".join(_cap(p) for p in parts)]
    if len(parts) > 1:
        # "Ban Ki-moon", "Jean-Claude": the part after a hyphen in either case.
        spellings.append(_cap(parts[0]) + "-" + "-".join(p.lower() for p in parts[1:]))
    return spellings


def display_names(phrase: str, limit: int = 3) -> list[str]:
    """ "BASHAR_AL-ASSAD_" -> ["Bashar al-Assad", "Bashar Al-Assad"]; at most `limit`."""
    tokens = name_tokens(phrase)
    if not tokens:
        return []
    if len(tokens) == 1 and len(tokens[0]) <= 5 and tokens[0].isalpha():
        return [tokens[0].upper()] if tokens[0].isupper() else [tokens[0]]
    names = [""]
    for i, token in enumerate(tokens):
        names = [f"{n} {s}".strip() for n in names for s in _display_token(token, i == 0)][:limit]
    return list(dict.fromkeys(names))


def is_body(phrase: str) -> bool:
    tokens = [t.lower() for t in name_tokens(phrase)]
    return len(tokens) == 1 or any(t in BODY_WORDS for t in tokens) or any(
        ch.isdigit() for ch in phrase)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# ---- building ---------------------------------------------------------------------------------
def common_english_words() -> set[str]:
    """WordNet's lemmas (nouns, verbs, adjectives, adverbs) from the spaCy model's lemmatizer."""
    from newsevents.nlp.model import load_spacy
    tables = load_spacy().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return {w.lower() for pos in ("noun", "verb", "adj", "adv") for w in tables[pos]}


def project_countries() -> set[str]:
    from newsevents.data_files import read_yaml
    return {row["code"] for row in read_yaml("actors", "countries.yaml")}


def is_country_block(record: Record, countries: set[str]) -> bool:
    """ "AFGHANISTAN_ [AFG]" with its demonyms and cities: a code that is a bare country."""
    return any(c.split()[0] in countries | set(COUNTRY_RENAMES) for c in record.codes if c.split())


def country_words(records: list[Record], countries: set[str]) -> set[str]:
    """Words of the country blocks' names ("AFGHAN_", "KABUL_"): proper, whatever WordNet says."""
    words: set[str] = set()
    for record in records:
        if is_country_block(record, countries):
            for name in record.names:
                words.update(t.lower() for t in name_tokens(name))
    return words


def _role(code: Code, entry_country: str | None) -> list:
    role = [TITLES[code.sector], code.sector, code.start.isoformat() if code.start else None,
            code.end.isoformat() if code.end else None]
    if code.country != entry_country:
        role.append(code.country)
    return role


def build_actors(source: Path, common: set[str], countries: set[str],
                 agent_nouns: set[str] = frozenset()) -> dict:
    records = [r for name in ACTOR_FILES if (source / name).is_file()
               for r in read_records(source / name)]
    proper = country_words(records, countries)
    entries: list[dict] = []
    counts = {"records": len(records), "country blocks": 0, "no usable code": 0, "before 1990": 0,
              "no country": 0, "no name left": 0}
    for record in records:
        codes = [c for c in (parse_code(text, countries) for text in record.codes) if c is not None]
        if is_country_block(record, countries):
            counts["country blocks"] += 1
            continue
        if not codes:
            counts["no usable code"] += 1
            continue
        dated = [c for c in codes if c.dated and (c.end is None or c.end >= EARLIEST_END)]
        defaults = [c for c in codes if not c.dated]
        if not dated and not any(d.sector is not None for d in defaults):
            counts["before 1990"] += 1
            continue
        # The entry's own country: the default code's, else the latest role's.
        latest = sorted(dated, key=lambda c: c.start or c.end or date.min)
        own = next((d for d in defaults if d.country), None) or (latest[-1] if latest else defaults[0])
        country = own.country
        if country is None and latest:
            country = next((c.country for c in reversed(latest) if c.country), None)
        if country is None:
            # An NGO or a militant group of no country: the text's own description
            # ("Iraq's Red Crescent") says more than a name with no country.
            counts["no country"] += 1
            continue
        sector = next((d.sector for d in defaults if d.sector), None) or (
            latest[-1].sector if latest else None)
        body = is_body(record.names[0])
        names: list[str] = []
        for phrase in record.names:
            tokens = [t.lower() for t in name_tokens(phrase)]
            if not tokens:
                continue
            if len(tokens) == 1 and tokens[0].strip(".'") in common:
                continue          # "Rice", "Ban"
            if all(t in common or t in proper or t in FUNCTION_WORDS for t in tokens) and (
                    any(t in FUNCTION_WORDS for t in tokens) or tokens[-1] in agent_nouns
                    or (body and not any(t in proper for t in tokens))):
                # "Supreme Court", "German Chancellor", "US Secretary of State": a
                # description, which nlp/actors.py reads from its words in context.
                continue
            names.extend(n for n in display_names(phrase) if n not in names)
        if not names:
            counts["no name left"] += 1
            continue
        kind = "org" if body else "person"
        entry = {"id": f"{kind}:phoenix-{slug(names[0])}", "kind": kind, "name": names[0]}
        if names[1:]:
            entry["aliases"] = names[1:]
        entry["country"] = country
        entry["sector"] = sector
        roles = list(dict.fromkeys(tuple(_role(c, country)) for c in sorted(
            dated, key=lambda c: (c.start or date.min, c.end or date.max))))
        if roles:
            entry["roles"] = [list(r) for r in roles]
        entries.append(entry)
    entries = _drop_shared_names(entries)
    _unique_ids(entries)
    entries.sort(key=lambda e: e["id"])
    return {"notice": NOTICE, "source": SOURCE, "counts": counts, "entries": entries}


def _drop_shared_names(entries: list[dict]) -> list[dict]:
    """A name that entries of different countries share names no one; an entry with no
    name left goes. Entries of one country sharing a name are one entry's duplicates."""
    owners: dict[str, set] = {}
    for entry in entries:
        for name in [entry["name"], *entry.get("aliases", [])]:
            owners.setdefault(name, set()).add(entry["country"])
    kept: list[dict] = []
    seen: set[str] = set()
    for entry in entries:
        names = [n for n in [entry["name"], *entry.get("aliases", [])]
                 if len(owners[n]) == 1 and n not in seen]
        if not names:
            continue
        seen.update(names)
        entry["name"], aliases = names[0], names[1:]
        if aliases:
            entry["aliases"] = aliases
        else:
            entry.pop("aliases", None)
        kept.append(entry)
    return kept


def _unique_ids(entries: list[dict]) -> None:
    taken: dict[str, int] = {}
    for entry in entries:
        base = f"{entry['kind']}:phoenix-{slug(entry['name'])}"
        taken[base] = taken.get(base, 0) + 1
        entry["id"] = base if taken[base] == 1 else f"{base}-{taken[base]}"


# ---- agents -----------------------------------------------------------------------------------
# Sectors whose agent nouns name actors. The civilian, business and media lists mix
# people with places and things ("village", "airliner", "website") and the curated
# sectors.yaml already has their people; events ("uprising", "revolt") are no actors.
AGENT_SECTORS = {"GOV", "MIL", "POL", "INT", "JUD", "LEG", "OPP", "REB"}
EVENT_NOUNS = re.compile(r"(ion|ance|ence|ency|ism|dom|land|ship|ing)$|^(revolt|uprising)$")
AGENT_LINE = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]")


def plural(word: str) -> str:
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def agent_sector(code: str) -> str | None:
    code = code.strip()
    if code.endswith("~"):                  # "NGO~": the code goes before the actor's
        chunks = [code[:-1][i:i + 3] for i in range(0, len(code) - 1, 3)]
    elif code.startswith("~"):
        chunks = [code[1:][i:i + 3] for i in range(0, len(code) - 1, 3)]
    else:
        return None
    armed = [c for c in chunks if c in ARMED]
    return ROLE_SECTORS.get(armed[0] if armed else chunks[0])


def build_agents(source: Path, every_sector: bool = False) -> dict:
    """One-word agents ("insurgent", "gendarme") with their regular or listed plurals.
    Phrases are left out: their words rarely end a noun phrase as the dictionary has them
    ("ministry for energy"), and as institution names they cost events on the check halves."""
    substitutions: dict[str, list[str]] = {}
    group_nouns: dict[str, str] = {}
    for raw in (source / AGENT_FILE).read_text(encoding="utf-8", errors="replace").splitlines():
        line = _strip_comment(raw).strip()
        if not line:
            continue
        marker = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if marker:
            substitutions[marker.group(1)] = [w.strip() for w in marker.group(2).split(",") if w.strip()]
            continue
        match = AGENT_LINE.match(line)
        if not match or agent_sector(match.group("code")) not in AGENT_SECTORS and not (
                every_sector and agent_sector(match.group("code"))):
            continue
        sector = agent_sector(match.group("code"))
        phrase = match.group("phrase").strip().rstrip("_")
        variants = [phrase]
        for marker_name, words in substitutions.items():
            if marker_name in phrase:
                variants = [v.replace(marker_name, w) for v in variants for w in words]
        for variant in variants:
            word = variant.lower()
            if not word.isalpha() or EVENT_NOUNS.search(word):
                continue                     # a phrase, a number, an event ("uprising")
            forms = [word]
            listed = match.group("plural")
            if listed is None and variant == phrase and not word.endswith(("s", "men", "people")):
                forms.append(plural(word))
            forms.extend(p.strip().lower() for p in (listed or "").split(",") if p.strip().isalpha())
            for form in forms:
                group_nouns.setdefault(form, sector)
    return {"notice": NOTICE, "source": SOURCE, "group_nouns": dict(sorted(group_nouns.items()))}


def build(source: Path, common: set[str] | None = None,
          countries: set[str] | None = None) -> tuple[dict, dict]:
    common = common_english_words() if common is None else common
    countries = project_countries() if countries is None else countries
    agents = build_agents(source, every_sector=True)
    return (build_actors(source, common, countries, set(agents["group_nouns"])),
            build_agents(source))


def dump(data: dict) -> str:
    """One entry per line: the file diffs by entry when the dictionaries change."""
    if "entries" in data:
        head = {k: v for k, v in data.items() if k != "entries"}
        lines = [json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in data["entries"]]
        body = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
        return body + ',\n "entries": [\n' + ",\n".join(lines) + "\n ]\n}\n"
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="the petrarch2 folder of ../shared/reference")
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    for name in (*ACTOR_FILES, AGENT_FILE):
        if not (args.source / name).is_file():
            print(f"{args.source / name}: no such file", file=sys.stderr)
            return 2
    actors, agents = build(args.source)
    (args.out_dir / "phoenix_actors.json").write_text(dump(actors), encoding="utf-8")
    (args.out_dir / "phoenix_agents.json").write_text(dump(agents), encoding="utf-8")
    people = sum(e["kind"] == "person" for e in actors["entries"])
    print(f"phoenix_actors.json: {people} people, {len(actors['entries']) - people} bodies "
          f"(dropped: {actors['counts']}); phoenix_agents.json: {len(agents['group_nouns'])} group "
          f"nouns", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
