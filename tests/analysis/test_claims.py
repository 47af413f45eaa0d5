import pytest

from kb_corpus import day, denial_report, report, shells_reports
from newsevents.analysis.claims import counted_thing, quantity_range
from newsevents.errors import InputError
from newsevents.records import Quantity
from newsevents.store import EventFilter, Store, find_claims, find_clusters


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "claims.duckdb") as opened:
        for article, events in shells_reports() + [denial_report()]:
            opened.add_article(article, events)
        yield opened


def _by_source(claims):
    return {c["source"]: c for c in claims}


def test_two_sources_disagreeing_on_a_quantity_are_flagged(store):
    claims = _by_source(find_claims(store, EventFilter(actor="PRK", recipient="RUS",
                                                       type="AID")))
    nis, ukraine = claims["National Intelligence Service"], claims["Ukrainian military intelligence"]
    assert nis["disagreement"] and ukraine["disagreement"]
    [conflict] = [c for c in nis["conflicts"] if c["field"] == "quantity"]
    assert conflict == {"field": "quantity", "claim": "10 million shells",
                        "other": "5 million artillery shells",
                        "other_event_id": ukraine["event_id"],
                        "other_source": "Ukrainian military intelligence"}
    assert nis["quantities"][0]["value"] == 10_000_000


def test_a_denial_disagrees_with_the_reports_that_it_happened(store):
    claims = _by_source(find_claims(store, EventFilter(type="AID")))
    kcna = claims["KCNA"]
    assert kcna["modality"] == "negated" and kcna["disagreement"]
    assert {c["other_source"] for c in kcna["conflicts"] if c["field"] == "modality"} == {
        "National Intelligence Service", "Ukrainian military intelligence", "TASS"}
    # TASS gives no number and the same story otherwise: only the denial disagrees with it
    assert {c["field"] for c in claims["TASS"]["conflicts"]} == {"modality", "date"}


def test_claims_of_a_cluster_are_its_members_and_not_single_source(store):
    [cluster] = find_clusters(store)
    claims = find_claims(store, cluster_id=cluster["id"])
    assert len(claims) == 4 and not any(c["single_source"] for c in claims)
    assert {c["source_kind"] for c in claims} == {"attributed"}


def test_a_claim_only_one_source_makes_is_single_source(tmp_path):
    with Store.open(tmp_path / "single.duckdb") as store:
        article, events = report("solo", "North Korea sent troops to Russia on Monday.",
                                 "sent", "AID", date=day("2025-06-02"), outlet="Daily NK")
        store.add_article(article, events)
        [claim] = find_claims(store)
        assert claim["single_source"] and not claim["disagreement"]
        assert (claim["source"], claim["source_kind"]) == ("Daily NK", "outlet")


def test_claims_about_different_events_are_not_compared(tmp_path):
    reports = [report("may", "North Korea sent 100 tanks to Russia on May 1.", "sent", "AID",
                      date=day("2025-05-01"), quantities=(Quantity(100, "100 tanks", unit="tanks"),)),
               report("jun", "North Korea sent 20 tanks to Russia on June 1.", "sent", "AID",
                      date=day("2025-06-01"), quantities=(Quantity(20, "20 tanks", unit="tanks"),))]
    with Store.open(tmp_path / "apart.duckdb") as store:
        for article, events in reports:
            store.add_article(article, events)
        assert not any(c["disagreement"] for c in find_claims(store))


def test_an_unknown_cluster_is_an_input_error(store):
    with pytest.raises(InputError, match="no cluster"):
        find_claims(store, cluster_id="nope")


@pytest.mark.parametrize("qualifier, text, expected", [
    (None, "10 million shells", (1e7, 1e7)),
    ("more than", "more than 5 shells", (5, float("inf"))),
    ("up to", "up to 5 shells", (0, 5)),
    ("about", "about 10 shells", (9, 11)),
    (None, "thousands of troops", (2000, 20000)),
    ("additional", "an additional 5 shells", None),
])
def test_quantity_ranges_follow_their_qualifier(qualifier, text, expected):
    value = 2000 if "thousands" in text else (1e7 if "million" in text else
                                              (10 if "10" in text else 5))
    found = quantity_range(Quantity(value, text, unit="shells", qualifier=qualifier).to_dict())
    assert found == (pytest.approx(expected) if expected else None)


def test_what_a_quantity_counts_ignores_modifiers_and_plurals():
    assert counted_thing({"unit": "artillery shells"}) == counted_thing({"unit": "shell"})
    assert counted_thing({"unit": "troops"}) != counted_thing({"unit": "shells"})
    assert counted_thing({"unit": None}) is None
