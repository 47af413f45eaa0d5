import csv
from datetime import date, datetime

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsevents.errors import InputError, RecordError, RecordWarning
from newsevents.ingest import ReadOptions, parse_columns, read_articles, read_items
from newsevents.records import Article

MAPPING = ReadOptions(columns={"text": "body", "title": "headline", "published": "date",
                               "outlet": "source", "id": "guid"})


def _csv(tmp_path, rows, name="export.csv", delimiter=","):
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerows(rows)
    return path


def test_csv_rows_are_read_through_the_column_mapping(tmp_path):
    path = _csv(tmp_path, [
        ["guid", "headline", "date", "source", "body", "section"],
        ["w-1", "Shells for Syria", "Dec 17, 2016", "Courier", "Russia supplied shells to Syria.", "world"],
        ["w-2", "Talks", "2016-12-18", "Gazette", "France and Germany held talks.", "world"],
    ])
    articles = list(read_articles(path, options=MAPPING))
    assert articles == [
        Article(text="Russia supplied shells to Syria.", id="w-1", title="Shells for Syria",
                published=date(2016, 12, 17), outlet="Courier"),
        Article(text="France and Germany held talks.", id="w-2", title="Talks",
                published=date(2016, 12, 18), outlet="Gazette"),
    ]


def test_csv_reports_the_starting_line_of_a_bad_row_after_a_multiline_field(tmp_path):
    path = _csv(tmp_path, [
        ["guid", "body", "date"],
        ["a", "First paragraph.\nSecond paragraph.", "24 November 2016"],   # lines 2-3
        ["b", "", "24 November 2016"],                                       # line 4: no text
        ["c", "Kept without a date.", "Wed Nov 23"],                         # line 5
    ])
    options = ReadOptions(columns={"text": "body", "id": "guid", "published": "date"})
    items = list(read_items(path, options=options))
    first, error, warning, kept = items
    assert first.text == "First paragraph.\nSecond paragraph."
    assert isinstance(error, RecordError) and (error.line, error.field) == (4, "body")
    assert isinstance(warning, RecordWarning) and (warning.line, warning.field) == (5, "date")
    assert "'Wed Nov 23'" in str(warning)
    assert kept.id == "c" and kept.published is None


def test_tsv_uses_tabs_and_numeric_dates_follow_the_order_given(tmp_path):
    path = _csv(tmp_path, [["text", "published"], ["Iran and Iraq signed a deal.", "04/03/2016"]],
                name="export.tsv", delimiter="\t")
    [day_first] = read_articles(path)
    [month_first] = read_articles(path, options=ReadOptions(date_order="month-first"))
    assert day_first.published == date(2016, 3, 4)
    assert month_first.published == date(2016, 4, 3)


def test_a_table_without_the_text_column_is_an_input_error_listing_its_columns(tmp_path):
    path = _csv(tmp_path, [["headline", "content"], ["A", "B"]])
    with pytest.raises(InputError) as info:
        list(read_articles(path))
    message = str(info.value)
    assert "export.csv" in message and "'text'" in message and "headline, content" in message
    assert "--columns" in message


def test_column_mapping_is_parsed_and_unknown_fields_are_refused():
    assert parse_columns("text=body, published=date") == {"text": "body", "published": "date"}
    with pytest.raises(InputError, match="FIELD=COLUMN"):
        parse_columns("text")
    with pytest.raises(InputError, match="bodytext"):
        ReadOptions(columns={"bodytext": "body"})


def test_parquet_rows_are_read_with_mapping_native_dates_and_row_numbers(tmp_path):
    table = pa.table({
        "guid": [101, 102, 103],
        "body": ["Russia supplied shells to Syria.", None, "China condemned Japan."],
        "date": [datetime(2016, 12, 17, 22, 0), datetime(2016, 12, 18), None],
        "headline": ["Shells", "Nothing", "Condemned"],
    })
    path = tmp_path / "dump.parquet"
    pq.write_table(table, path)
    options = ReadOptions(columns={"text": "body", "published": "date", "id": "guid",
                                   "title": "headline"})
    warnings = []
    items = list(read_articles(path, published=date(2016, 1, 1), options=options,
                               on_warning=warnings.append))
    first, error, third = items
    assert first == Article(text="Russia supplied shells to Syria.", id="101", title="Shells",
                            published=date(2016, 12, 17))
    assert isinstance(error, RecordError) and (error.line, error.field) == (2, "body")
    assert third.id == "103" and third.published == date(2016, 1, 1)   # no date: the default
    assert warnings == []


def test_a_file_that_is_not_parquet_is_an_input_error_naming_it(tmp_path):
    path = tmp_path / "fake.parquet"
    path.write_bytes(b"not parquet at all")
    with pytest.raises(InputError, match="fake.parquet"):
        list(read_articles(path))
