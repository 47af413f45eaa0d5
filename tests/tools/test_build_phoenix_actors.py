"""tools/build_phoenix_actors.py reads the PETRARCH2 actor and agent dictionary formats;
small dictionaries of our own in those formats stand in for the Phoenix files."""
import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "reference" / "petrarch2"

COUNTRIES = """\
# a comment
ELBONIA_  [FRA]
+ELBONIAN_
+ELBOTOWN_

TOMASZ_WIELGORSKI_  # CountryInfo.txt
+TOMEK_WIELGORSKI_
	[FRAELI 600101-950301]
	[FRAGOV 950301-030615]
	[FRAGOVMIL >030616]
ANNA_OLDSTEAD_  # CountryInfo.txt
	[DEUGOV 700101-851231]
BROWN_
	[GBRGOV 050101-091231]
SUPREME_COURT
	[ESPJUD]
ELBONIAN_NATIONAL_GUARD
+ENG
	[FRAMIL]
GRIGOR_PALANSKY_
	[USRGOV 800101-911225]
CHIEF_OF_STAFF_
	[ESPGOV 100101-120101]
LILIAN_BAKER_
	[ESPGOV 100101-120101]
LINA_VORSTEDT_
	[KSVGOV 080217-120101]
MARTA_KELLSON_
	[ITAGOV 010101-050101]
MARTA_KELLSON_
	[PRTGOV 060101-090101]
"""

INTERNATIONAL = """\
OSRIC_MBEKI_TALLO_	[IGOUNO 020101-081231] [ELI]# a UN envoy
HELPING_HANDS_TRUST_	[NGO]# an NGO of no country
"""

MILNONSTATE = """\
ELBONIAN_LIBERATION_FRONT_ [FRAREB] # a rebel group
+ELF_
"""

AGENTS = """\
!PERSON! = MAN, MEN
INSURGENT [~REB]
GENDARME [~COP]
GUARD [~MIL]
MILITIA!PERSON! [~REB]
VILLAGE [~CVL]
UPRISING [~REB]
SECRETARY_GENERAL {SECRETARIES_GENERAL} [~GOV]
POLICE {} [~COP]
"""


def _load_tool():
    spec = importlib.util.spec_from_file_location("build_phoenix_actors",
                                                  ROOT / "tools" / "build_phoenix_actors.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module       # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool():
    return _load_tool()


@pytest.fixture(scope="module")
def built(tool, tmp_path_factory):
    source = tmp_path_factory.mktemp("petrarch2")
    (source / "Phoenix.Countries.actors.txt").write_text(COUNTRIES, encoding="utf-8")
    (source / "Phoenix.International.actors.txt").write_text(INTERNATIONAL, encoding="utf-8")
    (source / "Phoenix.MilNonState.actors.txt").write_text(MILNONSTATE, encoding="utf-8")
    (source / "Phoenix.agents.txt").write_text(AGENTS, encoding="utf-8")
    common = {"brown", "supreme", "court", "national", "guard", "chief", "staff", "lilian", "baker"}
    countries = {"FRA", "DEU", "GBR", "ESP", "ITA", "PRT", "XKX"}
    actors, agents = tool.build(source, common=common, countries=countries)
    by_name = {e["name"]: e for e in actors["entries"]}
    for entry in actors["entries"]:
        for alias in entry.get("aliases", []):
            by_name[alias] = entry
    return actors, agents, by_name


def test_a_person_keeps_dated_roles_as_country_and_sector(built):
    _, _, by_name = built
    person = by_name["Tomasz Wielgorski"]
    assert person["kind"] == "person" and person["country"] == "FRA"
    assert person["roles"] == [["out of office", None, "1960-01-01", "1995-03-01"],
                               ["government", "GOV", "1995-03-01", "2003-06-15"],
                               ["government", "GOV", "2003-06-16", None]]
    assert by_name["Tomek Wielgorski"] is person


def test_roles_that_ended_before_1990_and_former_states_are_dropped(built):
    _, _, by_name = built
    assert "Anna Oldstead" not in by_name          # only a role that ended in 1985
    assert "Grigor Palansky" not in by_name        # only a Soviet role


def test_kosovo_takes_the_projects_code(built):
    assert built[2]["Lina Vorstedt"]["country"] == "XKX"


def test_country_blocks_common_words_and_generic_bodies_are_dropped(built):
    _, _, by_name = built
    assert not {"Elbonia", "Elbonian", "Elbotown", "Brown", "BROWN", "Supreme Court"} & set(by_name)


def test_a_descriptive_name_is_left_to_the_resolver_and_its_acronym_kept(built):
    _, _, by_name = built
    assert "Elbonian National Guard" not in by_name and "Chief Of Staff" not in by_name
    guard = by_name["ENG"]
    assert guard["kind"] == "org" and (guard["country"], guard["sector"]) == ("FRA", "MIL")


def test_a_person_named_in_common_words_alone_is_kept(built):
    assert built[2]["Lilian Baker"]["country"] == "ESP"


def test_a_name_two_countries_share_names_no_one(built):
    assert "Marta Kellson" not in built[2]


def test_igo_roles_and_rebel_groups_map_to_project_codes(built):
    _, _, by_name = built
    envoy = by_name["Osric Mbeki Tallo"]
    assert envoy["country"] == "IGO" and envoy["roles"][0][1] == "IGO"
    front = by_name["Elbonian Liberation Front"]
    assert (front["country"], front["sector"]) == ("FRA", "REB") and "ELF" in front["aliases"]


def test_an_entry_of_no_country_is_left_out(built):
    assert "Helping Hands Trust" not in built[2]


def test_agents_become_group_nouns_with_plurals_and_substitutions(built):
    nouns = built[1]["group_nouns"]
    assert nouns["insurgent"] == nouns["insurgents"] == "REB"
    assert nouns["gendarmes"] == "POL" and nouns["police"] == "POL" and "polices" not in nouns
    assert nouns["militiaman"] == nouns["militiamen"] == "REB"
    assert "secretary general" not in nouns        # phrases are left out


def test_civilian_places_and_events_are_no_agents(built):
    nouns = built[1]["group_nouns"]
    assert "village" not in nouns and "uprising" not in nouns


def test_the_built_files_carry_the_mit_notice(built):
    actors, agents, _ = built
    for data in (actors, agents):
        assert "MIT License" in data["notice"] and "Open Event Data Alliance" in data["notice"]


def test_names_are_spelled_as_news_prints_them(tool):
    assert tool.display_names("BASHAR_AL-ASSAD_")[0] == "Bashar al-Assad"
    assert "Ban Ki-moon" in tool.display_names("BAN_KI-MOON")
    assert tool.display_names("JOHN_MCCAIN") == ["John McCain"]
    assert tool.display_names("UNITED_NATIONS_COMMISSION_FOR_REFUGEES") == [
        "United Nations Commission for Refugees"]


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="../shared/reference/petrarch2 is not here")
def test_committed_data_equals_a_fresh_build(tool):
    actors, agents = tool.build(REFERENCE)
    data = ROOT / "src" / "newsevents" / "data" / "actors"
    assert json.loads((data / "phoenix_actors.json").read_text(encoding="utf-8")) == actors
    assert json.loads((data / "phoenix_agents.json").read_text(encoding="utf-8")) == agents
