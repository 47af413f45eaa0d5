"""Bytes in, records out: stdin is read like a file, undecodable bytes are reported."""
from __future__ import annotations

import io
import json

from newsevents.errors import RecordError
from newsevents.ingest.readers import read_articles, read_stream
from newsevents.records import Article

TEXTS = ["Japan praised India on Monday.\u2028A second line in the same record.",
         "Egypt accused Israel\u0085of shelling the border.",
         "France and Germany held talks in Paris."]


def _jsonl_bytes() -> bytes:
    return "".join(json.dumps({"id": f"r{i}", "text": t}, ensure_ascii=False) + "\n"
                   for i, t in enumerate(TEXTS)).encode("utf-8")


def _texts(items) -> list[str]:
    return [i.text for i in items if isinstance(i, Article)]


def test_stdin_jsonl_with_unicode_line_separators_gives_the_same_records_as_the_file(tmp_path):
    path = tmp_path / "seps.jsonl"
    path.write_bytes(_jsonl_bytes())
    from_file = list(read_articles(str(path)))
    from_stdin = list(read_stream(io.BytesIO(_jsonl_bytes())))
    assert _texts(from_stdin) == _texts(from_file) == TEXTS


def test_stdin_as_a_text_wrapper_is_read_through_its_bytes():
    wrapper = io.TextIOWrapper(io.BytesIO(b"\n\n" + _jsonl_bytes()), encoding="utf-8")
    assert _texts(read_stream(wrapper)) == TEXTS


def test_an_undecodable_jsonl_line_on_stdin_is_reported_with_its_line_and_the_rest_kept():
    data = _jsonl_bytes().split(b"\n")
    data.insert(1, b'{"id": "bad", "text": "caf\xe9 au lait"}')
    items = list(read_stream(io.BytesIO(b"\n".join(data))))
    errors = [i for i in items if isinstance(i, RecordError)]
    assert _texts(items) == TEXTS
    assert [(e.source, e.line) for e in errors] == [("<stdin>", 2)]
    assert "UTF-8" in errors[0].reason


def test_latin1_text_on_stdin_is_one_bad_record_naming_the_byte_and_line():
    [item] = read_stream(io.BytesIO("Title\nLe ministre fran\u00e7ais a parl\u00e9.".encode("latin-1")))
    assert isinstance(item, RecordError)
    assert item.source == "<stdin>"
    assert "0xe7 at line 2" in item.reason and "iconv" in item.reason


def test_plain_text_on_stdin_keeps_its_title_line_and_bom_is_dropped():
    items = read_stream(io.BytesIO("\ufeffBorder talks\nIndia met China.\n".encode("utf-8")))
    [article] = [i for i in items if isinstance(i, Article)]
    assert (article.title, article.text) == ("Border talks", "India met China.")
