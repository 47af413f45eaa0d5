import gzip
import json
import zipfile
from datetime import date

import pytest

from newsevents.errors import InputError, RecordError, RecordWarning
from newsevents.ingest import read_articles, read_items
from newsevents.records import Article

SUPPLY = {"id": "g-1", "published": "2016-12-17", "text": "Russia supplied shells to Syria."}
TALKS = {"id": "g-2", "published": "Dec 18, 2016", "text": "France and Germany held talks."}
HTML = ("<html><head><title>Truce</title><meta property='article:published_time' "
        "content='2016-12-19'></head><body><article><p>The truce held overnight in Aleppo."
        "</p></article></body></html>")


def _jsonl(*records) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")


def test_gzipped_jsonl_is_read_line_by_line_with_line_numbers(tmp_path):
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress(_jsonl(SUPPLY) + b"{broken\n" + _jsonl(TALKS)))
    items = list(read_articles(path))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.id for a in articles] == ["g-1", "g-2"]
    assert articles[1].published == date(2016, 12, 18)
    [error] = [i for i in items if isinstance(i, RecordError)]
    assert error.source == str(path) and error.line == 2


def test_gzipped_html_is_read_by_its_inner_extension(tmp_path):
    path = tmp_path / "truce.html.gz"
    path.write_bytes(gzip.compress(HTML.encode("utf-8")))
    [article] = read_articles(path)
    assert article.text == "The truce held overnight in Aleppo."
    assert article.published == date(2016, 12, 19)


def test_a_corrupt_gzip_file_is_an_input_error_naming_it(tmp_path):
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    with pytest.raises(InputError, match="bad.jsonl.gz"):
        list(read_articles(path))


def test_zip_members_are_read_by_type_and_others_reported(tmp_path):
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("2016/wire.jsonl", _jsonl(SUPPLY, TALKS))
        archive.writestr("2016/truce.html", HTML)
        archive.writestr("notes.pdf", b"%PDF-1.4")
        archive.writestr("__MACOSX/._wire.jsonl", b"\x00")
        archive.writestr("bad.csv", "headline\nNo text column\n")
    items = list(read_items(path))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.text for a in articles] == ["The truce held overnight in Aleppo.",
                                          SUPPLY["text"], TALKS["text"]]
    [skipped] = [i for i in items if isinstance(i, RecordWarning)]
    assert skipped.source == f"{path}:notes.pdf"
    [error] = [i for i in items if isinstance(i, RecordError)]
    assert error.source == f"{path}:bad.csv" and "'text'" in error.reason


def test_a_folder_is_read_recursively_and_a_bad_file_does_not_stop_the_rest(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.jsonl").write_bytes(_jsonl(SUPPLY))
    (tmp_path / "a" / "b" / "two.txt").write_text("Talks\nFrance and Germany held talks.\n")
    (tmp_path / "a" / "b" / "three.jsonl.gz").write_bytes(gzip.compress(_jsonl(TALKS)))
    (tmp_path / "a" / "b" / "broken.parquet").write_bytes(b"nope")
    (tmp_path / "a" / ".hidden.jsonl").write_bytes(b"{not read")
    (tmp_path / "a" / "image.png").write_bytes(b"\x89PNG")
    items = list(read_items(tmp_path / "a", published=date(2016, 12, 20)))
    articles = [i for i in items if isinstance(i, Article)]
    assert sorted(a.text for a in articles) == sorted([SUPPLY["text"], TALKS["text"],
                                                       "France and Germany held talks."])
    [error] = [i for i in items if isinstance(i, RecordError)]
    assert error.source.endswith("broken.parquet")
    [warning] = [i for i in items if isinstance(i, RecordWarning)]
    assert warning.source.endswith("image.png")
