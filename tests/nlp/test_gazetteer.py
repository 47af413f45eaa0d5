import pytest

from newsevents.nlp import gazetteer as gz_module
from newsevents.nlp.gazetteer import (DEMONYM, Gazetteer, Place, cache_key, fold,
                                      load_gazetteer)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def _features(gazetteer, name):
    return {(p.feature, p.country) for p, _ in gazetteer.lookup(name)}


def test_fold_drops_accents_and_case():
    assert fold("Wŏnsan") == fold("Wonsan") == "wonsan"
    assert fold("Aydın") == "aydin"
    assert fold("Russia’s") == "russia's"


def test_city_found_by_accentless_spelling(gazetteer):
    (place, _), = gazetteer.lookup("Wonsan")
    assert place.country == "PRK" and place.feature == "city"
    assert place.lat == pytest.approx(39.15, abs=0.1)


def test_georgia_is_both_country_and_us_state(gazetteer):
    assert {("country", "GEO"), ("admin1", "USA")} <= _features(gazetteer, "Georgia")


def test_news_forms_of_subdivisions_are_indexed(gazetteer):
    for name, country in (("Kursk region", "RUS"), ("Kursk Oblast", "RUS"),
                          ("Donetsk region", "UKR"), ("Paktika province", "AFG"),
                          ("North Kordofan state", "SDN")):
        places = [p for p, _ in gazetteer.lookup(name)]
        assert any(p.feature == "admin1" and p.country == country and p.lat is not None
                   for p in places), name


def test_subdivision_without_curated_point_is_placed_at_its_namesake_city(gazetteer):
    places = [p for p, _ in gazetteer.lookup("Belgorod Oblast")]
    assert places and places[0].lat is not None
    aydin = [p for p, _ in gazetteer.lookup("Aydin") if p.feature == "admin1"]
    assert aydin and aydin[0].coords == "capital-city"


def test_demonym_names_its_country(gazetteer):
    (place, kind), = gazetteer.lookup("Turkish")
    assert place.country == "TUR" and kind == DEMONYM
    assert gazetteer.is_demonym("Turkish") and not gazetteer.is_demonym("Turkey")


def test_curated_features_cover_seas_straits_and_disputed_areas(gazetteer):
    features = [p for p in gazetteer.places if p.feature == "feature"]
    assert len(features) >= 120
    for name in ("Black Sea", "Sea of Japan", "East Sea", "Taiwan Strait", "Strait of Hormuz",
                 "Bab el-Mandeb", "Gaza Strip", "Golan Heights", "Second Thomas Shoal",
                 "Torkham", "Darfur", "Line of Control"):
        assert gazetteer.lookup(name), name


def test_cache_key_depends_on_city_list():
    assert cache_key("cities5000") != cache_key("cities15000")


def test_cache_round_trip_and_unwritable_directory(tmp_path):
    small = Gazetteer()
    index = small.add_place(Place(key="feat:x", name="Xland", feature="feature", country=None,
                                  admin1=None, lat=1.0, lon=2.0))
    small.add_name("Xland", index, "name")
    path = tmp_path / "gazetteer.pickle"
    assert gz_module._write_cache(path, small)
    assert gz_module._read_cache(path).lookup("xland")[0][0].name == "Xland"
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    assert gz_module._write_cache(blocker / "sub" / "gazetteer.pickle", small) is False


def test_corrupt_cache_is_ignored(tmp_path):
    path = tmp_path / "gazetteer.pickle"
    path.write_bytes(b"not a pickle")
    assert gz_module._read_cache(path) is None


def test_cache_dir_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSEVENTS_CACHE", str(tmp_path))
    assert gz_module.cache_dir() == tmp_path


def test_subdivision_without_namesake_city_sits_among_its_towns(gazetteer):
    # Limpopo has no city of its name: its point comes from the towns filed under it.
    (limpopo,) = [p for p, _ in gazetteer.lookup("Limpopo") if p.feature == "admin1"]
    assert limpopo.country == "ZAF" and limpopo.coords == "towns"
    assert -26 < limpopo.lat < -22 and 26 < limpopo.lon < 32


def test_us_counties_are_indexed_by_full_name_only(gazetteer):
    counties = [p for p, _ in gazetteer.lookup("Jefferson County") if p.feature == "admin2"]
    assert {p.admin1 for p in counties} >= {"Kentucky", "Alabama", "Colorado"}
    louisville_county = next(p for p in counties if p.admin1 == "Kentucky")
    assert abs(louisville_county.lat - 38.2) < 1 and abs(louisville_county.lon + 85.7) < 1
    assert not any(p.feature == "admin2" for p, _ in gazetteer.lookup("Jefferson"))


def test_second_level_divisions_that_the_towns_table_knows_are_indexed(gazetteer):
    (hampshire,) = [p for p, _ in gazetteer.lookup("Hampshire") if p.feature == "admin2"]
    assert hampshire.country == "GBR" and 50.5 < hampshire.lat < 51.5
    (nord,) = [p for p, _ in gazetteer.lookup("Nord") if p.feature == "admin2"]
    assert nord.country == "FRA" and 50 < nord.lat < 51
