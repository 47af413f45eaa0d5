import pytest

from newsevents.eval.toponyms import haversine_km, score_toponyms
from newsevents.records import Where

GOLD = [{
    "id": "a1", "text": "Troops left Kyiv for Paris.",
    "toponyms": [
        {"text": "Kyiv", "start": 12, "end": 16, "geonameid": 703448, "lat": 50.45, "lon": 30.52},
        {"text": "Paris", "start": 21, "end": 26, "geonameid": 2988507, "lat": 48.85,
         "lon": 2.35},
    ],
}]


def _where(text, start, lat, lon, geonameid):
    return Where(name=text, country=None, admin1=None, lat=lat, lon=lon, text=text,
                 geonameid=geonameid, char_start=start, char_end=start + len(text))


def test_gold_as_prediction_scores_perfectly():
    def predict(record):
        return [dict(t) for t in record["toponyms"]]
    result = score_toponyms(GOLD, predict)
    assert result["recall"] == 1.0 and result["accuracy_161km"] == 1.0
    assert result["id_accuracy"] == 1.0 and result["gold"] == 2


def test_wrong_places_are_found_but_not_accurate():
    def predict(record):
        # Kyiv put in Texas, Paris in Texas: spans right, points and ids wrong
        return [_where("Kyiv", 12, 31.0, -99.0, 1), _where("Paris", 21, 33.66, -95.55, 2)]
    result = score_toponyms(GOLD, predict)
    assert result["recall"] == 1.0
    assert result["accuracy_161km"] == 0.0 and result["id_matches"] == 0


def test_overlap_counts_as_found_and_missing_spans_lower_recall():
    result = score_toponyms(GOLD, lambda r: [_where("Kyiv for", 12, 50.4, 30.5, None)])
    assert result["found"] == 1 and result["recall"] == 0.5
    assert result["within_161km"] == 1 and result["with_ids"] == 0


def test_found_place_without_coordinates_counts_as_wrong():
    result = score_toponyms(GOLD, lambda r: [_where("Kyiv", 12, None, None, None)])
    assert result["located"] == 1 and result["accuracy_161km"] == 0.0


def test_no_predictions_gives_zero_recall_and_no_accuracy():
    result = score_toponyms(GOLD, lambda r: [])
    assert result["recall"] == 0.0 and result["accuracy_161km"] is None


def test_haversine_london_paris():
    assert haversine_km(51.507, -0.128, 48.857, 2.352) == pytest.approx(344, abs=5)
