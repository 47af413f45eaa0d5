from datetime import date

import pytest

from kb_corpus import (KHARKIV, KYIV, PRK, RUS, RUSSIA_PLACE, day, denial_report, report,
                       shells_reports, span, strike_reports)
from newsevents.analysis.clusters import Place, places_compatible, rebuild_clusters
from newsevents.records import Attribution
from newsevents.store import Store, cluster_by_id, find_clusters


def _store(tmp_path, reports, name="kb.duckdb"):
    store = Store.open(tmp_path / name)
    for article, events in reports:
        store.add_article(article, events)
    return store


def _snapshot(store):
    """Clusters and memberships, in a canonical order, for comparing stores."""
    clusters = store.query("SELECT * FROM event_clusters ORDER BY id")
    members = store.query("SELECT event_id, cluster_id FROM cluster_members ORDER BY event_id")
    return clusters, members


def test_one_event_from_three_articles_is_one_cluster_with_counts_of_three(tmp_path):
    with _store(tmp_path, shells_reports()) as store:
        [cluster] = find_clusters(store)
        assert (cluster["n_events"], cluster["n_articles"], cluster["n_outlets"],
                cluster["n_sources"]) == (3, 3, 3, 3)
        assert cluster["type"] == "AID"
        assert (cluster["actor_key"], cluster["recipient_key"]) == ("PRK", "RUS")
        assert (cluster["date_start"], cluster["date_end"]) == (date(2025, 5, 30),
                                                                date(2025, 5, 31))
        # independent sources raise the confidence above any one of them
        assert cluster["confidence"] > 0.8
        members = cluster_by_id(store, cluster["id"])["members"]
        assert {m["outlet"] for m in members} == {"Yonhap", "Reuters", "TASS"}
        assert {m["attribution_name"] for m in members} == {
            "National Intelligence Service", "Ukrainian military intelligence", "TASS"}
        assert all(m["evidence"] for m in members)


def test_ingesting_again_or_in_another_order_gives_the_same_clusters(tmp_path):
    reports = shells_reports() + [denial_report()] + strike_reports()
    with _store(tmp_path, reports, "forward.duckdb") as forward:
        expected = _snapshot(forward)
        for article, events in reports:          # the same articles again change nothing
            assert not forward.add_article(article, events)
        assert _snapshot(forward) == expected
    with _store(tmp_path, list(reversed(reports)), "backward.duckdb") as backward:
        assert _snapshot(backward) == expected
    shuffled = reports[3:] + reports[:3]
    with _store(tmp_path, shuffled, "shuffled.duckdb") as other:
        assert _snapshot(other) == expected


def test_incremental_clusters_equal_a_rebuild_from_scratch(tmp_path):
    with _store(tmp_path, strike_reports() + shells_reports() + [denial_report()]) as store:
        incremental = _snapshot(store)
        rebuild_clusters(store)
        assert _snapshot(store) == incremental


def test_daily_strikes_stay_apart_and_far_places_split(tmp_path):
    with _store(tmp_path, strike_reports()) as store:
        clusters = find_clusters(store, sort="corroborated")
        assert sorted((c["place_name"], str(c["date_start"]), c["n_articles"])
                      for c in clusters) == [("Kharkiv", "2025-06-02", 2),
                                             ("Kharkiv", "2025-06-03", 1),
                                             ("Kyiv", "2025-06-02", 1)]


def test_different_dyads_or_types_never_merge(tmp_path):
    reports = [
        report("a", "North Korea sent shells to Russia.", "sent", "AID", date=day("2025-05-30")),
        report("b", "Russia sent oil to North Korea.", "sent", "AID", actor=(RUS,),
               recipient=(PRK,), date=day("2025-05-30")),
        report("c", "North Korea threatened Russia.", "threatened", "THREATEN",
               date=day("2025-05-30")),
    ]
    with _store(tmp_path, reports) as store:
        assert len(find_clusters(store)) == 3


def test_a_vague_report_joins_the_one_precise_event_inside_its_span(tmp_path):
    vague = report("vague", "Last week North Korea sent shells to Russia.", "sent", "AID",
                   date=span("2025-05-26", "2025-06-01", "last week"), outlet="AP",
                   published="2025-06-05")
    with _store(tmp_path, shells_reports() + [vague]) as store:
        [cluster] = find_clusters(store)
        assert cluster["n_articles"] == 4
    # with two distinct shipments inside the week it cannot tell which: it stays apart
    other = report("june-1", "North Korea sent shells to Russia on May 26.", "sent", "AID",
                   date=day("2025-05-26"), outlet="AFP")
    with _store(tmp_path, shells_reports() + [other, vague], "two.duckdb") as store:
        sizes = sorted(c["n_articles"] for c in find_clusters(store))
        assert sizes == [1, 1, 3]


def test_vague_reports_of_the_same_period_merge_with_each_other(tmp_path):
    reports = [
        report("v1", "Since 2023 North Korea has sent shells to Russia.", "sent", "AID",
               date=span("2023-01-01", "2025-06-02", "since 2023")),
        report("v2", "North Korea has sent shells to Russia since 2023.", "sent", "AID",
               date=span("2023-01-01", "2025-06-20", "since 2023"), published="2025-06-20"),
        report("v3", "In 2024 North Korea sent shells to Russia.", "sent", "AID",
               date=span("2024-01-01", "2024-12-31", "in 2024")),
    ]
    with _store(tmp_path, reports) as store:
        assert sorted(c["n_articles"] for c in find_clusters(store)) == [1, 2]


def test_events_without_dates_fall_back_to_the_publication_day(tmp_path):
    reports = [report("u1", "North Korea sent shells to Russia.", "sent", "AID"),
               report("u2", "Pyongyang sent shells to Moscow.", "sent", "AID", outlet="Other")]
    with _store(tmp_path, reports) as store:
        [cluster] = find_clusters(store)
        assert cluster["n_articles"] == 2 and cluster["date_start"] == date(2025, 6, 2)


def test_a_cluster_keeps_its_id_as_later_reports_join(tmp_path):
    # articles arrive in publication order; the denial too names the day of the first report
    first, *later = sorted(shells_reports() + [denial_report()],
                           key=lambda r: r[0].published)
    with _store(tmp_path, [first]) as store:
        [before] = find_clusters(store)
        for article, events in later:
            store.add_article(article, events)
        [after] = find_clusters(store)
        assert after["id"] == before["id"] and after["n_articles"] == 4


@pytest.mark.parametrize("a, b, expected", [
    (KHARKIV, KHARKIV, True),
    (KHARKIV, KYIV, False),                         # 410 km apart
    (KHARKIV, None, True),
    (RUSSIA_PLACE, None, True),
    (KHARKIV, RUSSIA_PLACE, False),                 # another country
])
def test_places_compatible(a, b, expected):
    def place(where):
        return where and Place(where.name, where.country, where.admin1, where.lat, where.lon,
                               where.geonameid)
    assert places_compatible(place(a), place(b)) is expected


def test_a_country_wide_place_fits_any_place_in_it_and_a_region_its_own_cities():
    ukraine = Place("Ukraine", "UKR", None, 49.0, 32.0, None)
    region = Place("Kharkivska", "UKR", "Kharkivska", 49.5, 36.5, None)
    kharkiv = Place("Kharkiv", "UKR", "Kharkivska", 49.99, 36.23, 706483)
    kyiv = Place("Kyiv", "UKR", "Kyiv City", 50.45, 30.52, 703448)
    assert places_compatible(ukraine, kyiv) and places_compatible(region, kharkiv)
    assert not places_compatible(region, kyiv)


# One wire story, told in the agency's words and carried whole by several outlets.
_WIRE_STORY = ("A column of trucks crossed the border bridge before dawn on Friday carrying "
               "artillery shells from North Korea to Russia, according to satellite images "
               "reviewed by analysts, who counted more than forty vehicles waiting at the "
               "rail yard on the far bank while guards closed the road to local traffic for "
               "most of the morning.")


def _wire_copies():
    copies = [report(f"wire-{outlet}", _WIRE_STORY + tail, "carrying", "AID", outlet=outlet,
                     date=day("2025-05-30"), confidence=0.6)
              for outlet, tail in (("Daily Herald", ""), ("Evening Post", " More follows."),
                                   ("Coast Times", " Reporting by staff."))]
    independent = report("own-1", "Russia took delivery of North Korean shells on Friday, a "
                         "Ukrainian officer said.", "took delivery", "AID", outlet="Kyiv Daily",
                         date=day("2025-05-30"), confidence=0.6,
                         attribution=Attribution("a Ukrainian officer", "UKR", "MIL", "said"))
    return copies + [independent]


def test_wire_copies_of_one_story_count_as_one_report_and_one_source(tmp_path):
    with _store(tmp_path, _wire_copies()) as store:
        groups = {store.article_group(a["id"])["group_id"]
                  for a in store.query("SELECT id FROM articles WHERE outlet <> 'Kyiv Daily'")}
        assert len(groups) == 1             # the store saw the three copies as one story
        [cluster] = find_clusters(store)
        assert (cluster["n_articles"], cluster["n_reports"], cluster["n_outlets"],
                cluster["n_sources"]) == (4, 2, 4, 2)
        # copying the story does not make it more certain: two sources of 0.6 each
        assert cluster["confidence"] == pytest.approx(1 - 0.4 * 0.4, abs=0.001)
        assert find_clusters(store, min_sources=3) == []


def test_report_counts_do_not_depend_on_the_order_copies_arrive(tmp_path):
    reports = _wire_copies() + shells_reports()
    with _store(tmp_path, reports, "forward.duckdb") as forward:
        expected = _snapshot(forward)
    for order, name in ((list(reversed(reports)), "backward.duckdb"),
                        (reports[2:] + reports[:2], "rotated.duckdb")):
        with _store(tmp_path, order, name) as other:
            assert _snapshot(other) == expected
