"""Mention-level cases: who a phrase in context stands for (country, sector)."""
from datetime import date

import pytest

from newsevents.nlp.actors import ActorResolver
from newsevents.records import Article


@pytest.fixture(scope="module")
def resolve(pipeline):
    def run(text, phrase, published=date(2025, 7, 13), occurrence=0):
        article = Article(text=text, published=published)
        _, doc = next(pipeline.run([article]))
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(phrase, start + 1)
        span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
        resolver = ActorResolver(doc)
        return resolver.actors_for(span.root)
    return run


def codes(actors):
    return [(a.country, a.sector) for a in actors]


CASES = [
    # countries, short forms and metonyms
    ("North Korea fired two missiles on Sunday.", "North Korea", [("PRK", "GOV")]),
    ("The DPRK rejected the statement.", "DPRK", [("PRK", "GOV")]),
    ("The U.S. condemned the launch.", "U.S.", [("USA", "GOV")]),
    ("Britain summoned the ambassador.", "Britain", [("GBR", "GOV")]),
    ("South Korea protested the launch.", "South Korea", [("KOR", "GOV")]),
    ("Pyongyang has supplied Moscow with shells.", "Pyongyang", [("PRK", "GOV")]),
    ("Pyongyang has supplied Moscow with shells.", "Moscow", [("RUS", "GOV")]),
    ("The Kremlin denied the report.", "Kremlin", [("RUS", "GOV")]),
    ("The White House welcomed the deal.", "White House", [("USA", "GOV")]),
    ("Downing Street said talks would continue.", "Downing Street", [("GBR", "GOV")]),
    ("Kyiv accused Moscow of shelling the plant.", "Kyiv", [("UKR", "GOV")]),
    ("Beijing blamed Manila for the clash.", "Manila", [("PHL", "GOV")]),
    ("Washington imposed new tariffs.", "Washington", [("USA", "GOV")]),
    # intergovernmental bodies
    ("NATO allies met in Brussels.", "NATO", [("IGO", "IGO")]),
    ("The UN Security Council met on Friday.", "UN Security Council", [("IGO", "IGO")]),
    ("The IAEA sent inspectors to the plant.", "IAEA", [("IGO", "IGO")]),
    ("The European Union imposed sanctions.", "European Union", [("IGO", "IGO")]),
    ("ASEAN foreign ministers met in Jakarta.", "ASEAN", [("IGO", "IGO")]),
    # demonyms with group nouns
    ("North Korean troops arrived in Kursk.", "troops", [("PRK", "MIL")]),
    ("South Korean officials confirmed the report.", "officials", [("KOR", "GOV")]),
    ("Sudanese paramilitary fighters overran the town.", "fighters", [("SDN", "REB")]),
    ("Israeli troops fired at the crowd.", "troops", [("ISR", "MIL")]),
    ("Ecuadorian police arrested the former vice president.", "police", [("ECU", "POL")]),
    ("Afghan officials said eight people were killed.", "officials", [("AFG", "GOV")]),
    ("Chinese coast guard personnel boarded the boats.", "personnel", [("CHN", "MIL")]),
    ("Georgian protesters rallied outside parliament.", "protesters", [("GEO", "CVL")]),
    ("Palestinian militants fired rockets.", "militants", [("PSE", "REB")]),
    ("Russian forces shelled the city.", "forces", [("RUS", "MIL")]),
    ("Iranian state media reported the launch.", "media", [("IRN", "MED")]),
    # possessives and institutions
    ("South Korea's National Intelligence Service confirmed the deployment.",
     "National Intelligence Service", [("KOR", "INT")]),
    ("Algeria's Foreign Ministry accused Mali of lying.", "Foreign Ministry", [("DZA", "GOV")]),
    ("Taiwan's Defense Ministry said it detected 76 aircraft.", "Defense Ministry", [("TWN", "GOV")]),
    ("China's military held drills on Wednesday.", "military", [("CHN", "MIL")]),
    ("The Lebanese army accused Israel of violations.", "army", [("LBN", "MIL")]),
    ("North Korea's KCNA news agency said Kim met Lavrov.", "KCNA", [("PRK", "MED")]),
    ("Sudan's army chief said his forces had pulled out.", "chief", [("SDN", "MIL")]),
    ("Russia's Security Council said the talks failed.", "Security Council", [("RUS", "GOV")]),
    # people: gazetteer, titles and date-dependent roles
    ("Kim Jong Un met Sergey Lavrov in Wonsan.", "Kim Jong Un", [("PRK", "GOV")]),
    ("Kim Jong Un met Sergey Lavrov in Wonsan.", "Sergey Lavrov", [("RUS", "GOV")]),
    ("Russian Foreign Minister Sergey Lavrov arrived on Friday.", "Sergey Lavrov", [("RUS", "GOV")]),
    ("Foreign Minister Ana Cecilia Gervasi of Peru declared the envoy persona non grata.",
     "Ana Cecilia Gervasi", [("PER", "GOV")]),
    ("Russian Deputy Minister Ivan Petrovsky-Zalessky visited Minsk.", "Ivan Petrovsky-Zalessky",
     [("RUS", "GOV")]),
    ("Ukrainian General Oleksandr Testname said the line held.", "Oleksandr Testname",
     [("UKR", "MIL")]),
    ("Volodymyr Zelenskyy thanked the allies.", "Volodymyr Zelenskyy", [("UKR", "GOV")]),
    ("Xi Jinping hosted the summit.", "Xi Jinping", [("CHN", "GOV")]),
    ("Recep Tayyip Erdogan spoke with Putin.", "Recep Tayyip Erdogan", [("TUR", "GOV")]),
    ("Antonio Guterres urged restraint.", "Antonio Guterres", [("IGO", "IGO")]),
    # short names and surnames refer back to the full mention
    ("Sergey Lavrov arrived in Wonsan. Lavrov said the talks went well.", "Lavrov",
     [("RUS", "GOV")], 1),
    ("Benjamin Netanyahu spoke on Monday. Netanyahu said Israel would respond.", "Netanyahu",
     [("ISR", "GOV")], 1),
    ("Ahmed al-Sharaa met the envoy. Al-Sharaa later left Riyadh.", "Al-Sharaa", [("SYR", "GOV")]),
    # pronouns
    ("Chad closed its own border crossings to Libyan traders.", "its", [("TCD", "GOV")]),
    ("Somalia's army commander said on Friday that his soldiers had left the base.", "his",
     [("SOM", "MIL")]),
    ("Colombia's navy said it had sunk two smuggling boats.", "it", [("COL", "MIL")]),
    ("Estonia and Latvia imposed sanctions. They said more would follow.", "They",
     [("EST", "GOV"), ("LVA", "GOV")]),
    # the two nations, both sides
    ("Pakistan and Afghanistan met in Doha. The two sides agreed to meet again.", "sides",
     [("PAK", "GOV"), ("AFG", "GOV")]),
    ("Lavrov's visit to North Korea deepened ties between the two nations.", "nations",
     [("RUS", "GOV"), ("PRK", "GOV")]),
    # compound actors and allies
    ("Mali, Burkina Faso and Niger recalled their ambassadors.", "Mali",
     [("MLI", "GOV"), ("BFA", "GOV"), ("NER", "GOV")]),
    ("Australian, Indian and French frigates carried out joint patrols.", "frigates",
     [("AUS", "MIL"), ("IND", "MIL"), ("FRA", "MIL")]),
    ("The governments of Mexico, Argentina and Bolivia issued a statement.", "governments",
     [("MEX", "GOV"), ("ARG", "GOV"), ("BOL", "GOV")]),
    # armed groups and media
    ("The Rapid Support Forces took control of the city.", "Rapid Support Forces", [("SDN", "REB")]),
    ("Hezbollah fired rockets at northern Israel.", "Hezbollah", [("LBN", "REB")]),
    ("TASS reported the meeting.", "TASS", [("RUS", "MED")]),
    # a described group with no country of its own belongs to the dateline's country
    ("KATHMANDU, Nepal — Police opened fire on protesters.", "Police", [("NPL", "POL")]),
    ("LIMA, Peru — The government declared a state of emergency.", "government", [("PER", "GOV")]),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_phrase_resolves_to_country_and_sector(resolve, case):
    text, phrase, expected = case[:3]
    occurrence = case[3] if len(case) > 3 else 0
    assert codes(resolve(text, phrase, occurrence=occurrence)) == expected


def test_role_on_the_article_date_decides_the_sector():
    from newsevents.nlp.actor_data import load_index
    shoigu = next(s.entry for s in load_index().lookup("Sergei Shoigu"))
    assert "efen" in shoigu.actor(date(2023, 6, 1)).role
    assert "Security Council" in shoigu.actor(date(2025, 6, 1)).role


def test_resolved_mentions_keep_candidates_and_an_explicit_none(pipeline):
    _, doc = next(pipeline.run([Article(text="Kim Jong Un met Sergey Lavrov in Wonsan.")]))
    named = [m for m in doc._.mentions if m.text == "Kim Jong Un"][0]
    assert named.actor.country == "PRK"
    assert named.candidates[-1].key == "none"
    assert named.candidates[0].score > named.candidates[-1].score


def test_unknown_person_gets_country_and_sector_from_the_text(resolve):
    actors = resolve("Sudanese Interior Minister Khalil Pasha Sairin visited the camp.",
                     "Khalil Pasha Sairin")
    assert codes(actors) == [("SDN", "GOV")]


def test_the_ministry_refers_back_to_the_last_named_ministry(resolve):
    text = ("Qatar's foreign ministry said talks had begun. "
            "The delegations met again on Sunday, according to the ministry.")
    assert codes(resolve(text, "ministry", occurrence=1)) == [("QAT", "GOV")]


def test_the_citys_administration_belongs_to_the_town_named_last(resolve):
    text = "BRUSSELS — Missiles hit Kyiv overnight, according to the city's military administration."
    assert resolve(text, "administration")[0].country == "UKR"


def test_an_appositive_title_gives_an_unknown_person_his_body(resolve):
    text = "Kenji Testuro, the United Nations relief coordinator, demanded access to Gaza."
    assert resolve(text, "Kenji Testuro")[0].country == "IGO"


def test_a_province_before_a_title_gives_the_country(resolve):
    actors = resolve("Ontario Premier Doug Ford suspended the surcharge.", "Doug Ford")
    assert codes(actors) == [("CAN", "GOV")]


def test_an_object_pronoun_is_not_its_own_clauses_subject(resolve):
    text = ("Kosovo police arrested three Serbian citizens near the town of Zvecan on Sunday, "
            "accusing them of planning attacks.")
    assert codes(resolve(text, "them")) == [("SRB", "CVL")]


def test_a_role_held_for_another_body_gives_that_bodys_country():
    from newsevents.nlp.actor_data import load_index
    guterres = next(s.entry for s in load_index().lookup("Antonio Guterres"))
    assert guterres.actor(date(2020, 1, 1)).country == "IGO"


def test_a_dateline_abroad_is_where_the_story_was_filed_not_whose_officials_act(resolve):
    text = ("MUSCAT, Oman — Riot police broke up a sit-in by nurses in Isfahan on Thursday. "
            "Officials later said the nurses would be paid.")
    assert codes(resolve(text, "Officials")) == [("IRN", "GOV")]
    assert codes(resolve(text, "police")) == [("IRN", "POL")]


def test_a_foreign_party_named_by_demonym_leaves_the_dateline_home(resolve):
    text = ("BAMAKO, Mali — The junta gave the Danish envoy three days to leave. "
            "The junta said he had insulted the army.")
    assert codes(resolve(text, "junta", occurrence=1)) == [("MLI", "MIL")]


def test_a_dateline_country_the_story_names_stays_home(resolve):
    text = ("NAIROBI, Kenya — Officials in Kenya said on Monday that rains had cut the road "
            "to Mandera and Wajir.")
    assert codes(resolve(text, "Officials")) == [("KEN", "GOV")]


def test_with_no_dateline_and_no_country_named_the_storys_places_give_home(resolve):
    text = "Gunmen stormed a market in Maiduguri before dawn, witnesses said."
    assert codes(resolve(text, "Gunmen")) == [("NGA", "REB")]


def test_the_two_sides_of_a_civil_war_are_both_of_one_country(resolve):
    text = ("The army and the Rapid Support Forces signed a truce in Jeddah, "
            "but the two sides resumed shelling within hours.")
    assert [a.sector for a in resolve(text, "sides")] == ["MIL", "REB"]


def test_two_nations_are_still_two_countries(resolve):
    text = ("The army and the Rapid Support Forces fought in Khartoum while Egypt and Kenya "
            "offered talks; the two nations sent envoys.")
    assert {a.country for a in resolve(text, "nations")} == {"EGY", "KEN"}


def names(actors):
    return [a.name for a in actors]


def test_another_given_name_before_a_known_surname_is_someone_else(resolve):
    text = "Rasul Aliyev, a teacher from Baku, was fined on Monday."
    assert names(resolve(text, "Rasul Aliyev")) == ["Rasul Aliyev"]


def test_a_full_name_refers_back_only_to_the_same_full_name(resolve):
    text = "Joe Biden criticised China. Hunter Biden was charged with tax offences."
    assert names(resolve(text, "Hunter Biden")) == ["Hunter Biden"]


def test_a_title_the_known_person_holds_names_that_person(resolve):
    text = "Rasul Aliyev, a teacher, was fined. President Aliyev condemned Armenia."
    actor = resolve(text, "Aliyev", occurrence=1)[0]
    assert (actor.name, actor.sector) == ("Ilham Aliyev", "GOV")


def test_a_country_named_as_a_stance_is_not_the_partys_country(resolve):
    text = "BEIRUT, Lebanon — An anti-Syria journalist was attacked on Monday."
    assert [a.country for a in resolve(text, "journalist")] == ["LBN"]
