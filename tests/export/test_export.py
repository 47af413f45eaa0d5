"""Each export read back by the library its users read it with."""
import csv
import json

import networkx as nx
import pandas as pd
import pyarrow.parquet as pq
import pytest

from kb_corpus import denial_report, shells_reports, strike_reports
from newsevents.errors import InputError
from newsevents.export import export
from newsevents.export.gdelt import COLUMNS
from newsevents.store import EventFilter, Store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store.open(tmp_path_factory.mktemp("export") / "kb.duckdb") as opened:
        for article, events in shells_reports() + [denial_report()] + strike_reports():
            opened.add_article(article, events)
        yield opened


def test_csv_reads_back_with_pandas_one_row_per_event(store, tmp_path):
    out = tmp_path / "events.csv"
    assert export(store, EventFilter(type="AID"), "csv", out) == 4
    frame = pd.read_csv(out)
    assert len(frame) == 4 and set(frame["type"]) == {"AID"}
    assert frame["cluster_articles"].tolist() == [4, 4, 4, 4]
    assert json.loads(frame.loc[0, "actor"])[0]["country"] == "PRK"


def test_parquet_reads_back_with_pyarrow_and_pandas(store, tmp_path):
    out = tmp_path / "events.parquet"
    export(store, None, "parquet", out)
    table = pq.read_table(out)
    assert table.num_rows == 8
    assert {"id", "type", "date_start", "evidence", "cluster_id"} <= set(table.column_names)
    assert str(pd.read_parquet(out)["date_start"].dropna().iloc[0])[:4] == "2025"


def test_jsonl_has_one_event_object_per_line(store, tmp_path):
    out = tmp_path / "events.jsonl"
    export(store, EventFilter(actor="RUS"), "jsonl", out)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 4 and all(r["type"] == "ASSAULT" for r in rows)


def test_gdelt_is_tab_separated_with_the_gdelt_header_and_one_row_per_cluster(store, tmp_path):
    out = tmp_path / "events.gdelt.tsv"
    assert export(store, None, "gdelt", out) == 4
    rows = list(csv.DictReader(out.open(), delimiter="\t"))
    assert list(rows[0].keys()) == COLUMNS and len(COLUMNS) == 61
    shipment = next(r for r in rows if r["Actor1CountryCode"] == "PRK")
    assert (shipment["NumArticles"], shipment["NumSources"], shipment["NumMentions"]) == ("4", "4", "4")
    assert shipment["QuadClass"] == "2" and shipment["SQLDATE"] == "20250530"
    assert shipment["Actor2CountryCode"] == "RUS" and shipment["SOURCEURL"].startswith("https://")
    strike = next(r for r in rows if r["ActionGeo_FullName"] == "Kyiv")
    assert strike["ActionGeo_CountryCode"] == "UA" and strike["ActionGeo_Type"] == "4"
    assert float(strike["ActionGeo_Lat"]) == pytest.approx(50.45)


def test_plover_records_use_the_plover_field_names(store, tmp_path):
    out = tmp_path / "events.plover.jsonl"
    export(store, EventFilter(type="ASSAULT"), "plover", out)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    first = records[0]
    assert {"id", "date", "source", "recipient", "event", "quad_code", "event_text",
            "event_loc", "link", "cite_info"} <= set(first)
    assert first["event"] == ["ASSAULT"] and first["quad_code"] == 4
    assert first["source"][0]["code"] == "RUS" and first["recipient"][0]["code"] == "UKR"
    assert first["event_loc"]["cc3"] == "UKR" and first["event_loc"]["country code"] == "UA"


@pytest.mark.parametrize("format, read", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_graph_formats_read_back_with_networkx(store, tmp_path, format, read):
    out = tmp_path / f"network.{format}"
    export(store, None, format, out)
    graph = read(out)
    assert set(graph.edges()) == {("PRK", "RUS"), ("RUS", "UKR")}
    assert int(graph["RUS"]["UKR"]["events"]) == 4
    assert float(graph["PRK"]["RUS"]["score_sum"]) == 0.0


def test_geojson_has_one_point_per_placed_event_with_valid_coordinates(store, tmp_path):
    out = tmp_path / "events.geojson"
    assert export(store, None, "geojson", out) == 5
    collection = json.loads(out.read_text())
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 5
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point"
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    kyiv = next(f for f in collection["features"] if f["properties"]["place_name"] == "Kyiv")
    assert kyiv["geometry"]["coordinates"] == [30.52, 50.45]      # longitude first


def test_unknown_format_or_missing_folder_is_an_input_error(store, tmp_path):
    with pytest.raises(InputError, match="format"):
        export(store, None, "xlsx", tmp_path / "x.xlsx")
    with pytest.raises(InputError, match="folder"):
        export(store, None, "csv", tmp_path / "no" / "x.csv")
