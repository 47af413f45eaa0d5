import io
import json
from datetime import date

import pytest

from newsevents.errors import InputError, RecordError
from newsevents.ingest import parse_date, read_articles
from newsevents.records import Article


def _write(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def _one(items):
    items = list(items)
    assert len(items) == 1
    return items[0]


# --- parse_date ---------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("2025-03-04", date(2025, 3, 4)),
    ("2025-03-04T23:30:00", date(2025, 3, 4)),
    ("2025-03-04T23:30:00Z", date(2025, 3, 4)),
    ("2025-03-04T23:30:00+09:00", date(2025, 3, 4)),
    ("2025-03-04 08:00", date(2025, 3, 4)),
])
def test_parse_date_accepts_iso_dates_and_datetimes_keeping_the_written_day(value, expected):
    assert parse_date(value, "f.jsonl", 3, "published") == expected


@pytest.mark.parametrize("value", ["2025-02-30", "Wed Nov 23", "4:58 PM ET", "2025-3-4", 20250304])
def test_parse_date_rejects_impossible_incomplete_or_unknown_dates_with_location(value):
    with pytest.raises(RecordError) as info:
        parse_date(value, "f.jsonl", 3, "published")
    assert info.value.line == 3
    assert info.value.field == "published"
    assert info.value.source == "f.jsonl"


# --- text and Markdown --------------------------------------------------------------------

def test_text_file_first_non_empty_line_is_title_and_rest_is_text(tmp_path):
    path = _write(tmp_path, "a.txt", "\n\nTalks resume\n\nThe envoys met in Geneva.\nThey spoke for hours.\n")
    article = _one(read_articles(path, published=date(2024, 5, 1)))
    assert isinstance(article, Article)
    assert article.title == "Talks resume"
    assert article.text == "The envoys met in Geneva.\nThey spoke for hours."
    assert article.published == date(2024, 5, 1)
    assert article.id == article.key      # no id of its own: the content key


def test_text_file_with_given_title_keeps_every_line_as_text(tmp_path):
    path = _write(tmp_path, "a.txt", "The envoys met in Geneva.\nThey spoke for hours.\n")
    article = _one(read_articles(path, title="Envoys meet"))
    assert article.title == "Envoys meet"
    assert article.text.startswith("The envoys met in Geneva.")
    assert article.published is None


def test_markdown_heading_marks_are_dropped_from_the_title(tmp_path):
    path = _write(tmp_path, "a.md", "# Ceasefire agreed\n\nBoth sides signed a truce.\n")
    article = _one(read_articles(path))
    assert article.title == "Ceasefire agreed"
    assert article.text == "Both sides signed a truce."


def test_text_file_of_one_line_is_all_text(tmp_path):
    path = _write(tmp_path, "a.txt", "Germany expelled two Russian diplomats.\n\n")
    article = _one(read_articles(path))
    assert article.title is None
    assert article.text == "Germany expelled two Russian diplomats."


def test_empty_text_file_yields_a_record_error(tmp_path):
    path = _write(tmp_path, "a.txt", "\n\n  \n")
    error = _one(read_articles(path))
    assert isinstance(error, RecordError)
    assert error.field == "text"


def test_missing_file_raises_input_error_naming_the_path(tmp_path):
    path = tmp_path / "nowhere.txt"
    with pytest.raises(InputError) as info:
        list(read_articles(path))
    assert str(path) in str(info.value)


def test_unknown_extension_raises_input_error_naming_the_path(tmp_path):
    path = _write(tmp_path, "a.pdf", "x")
    with pytest.raises(InputError) as info:
        list(read_articles(path))
    assert "a.pdf" in str(info.value)
    assert ".pdf" in info.value.reason


# --- HTML ---------------------------------------------------------------------------------

PAGE = """<!doctype html><html><head>
<title>Envoys meet in Geneva</title>
<meta property="article:published_time" content="2024-06-02T10:15:00+02:00">
<meta property="og:site_name" content="Daily Wire Service">
<link rel="canonical" href="https://news.example/envoys">
<style>p { color: red }</style>
<script>var p = "<p>not news</p>";</script>
</head><body>
<nav><p>Home | World</p></nav>
<h1>Envoys meet</h1>
<article>
  <p>The   envoys <b>met</b> in Geneva on Monday.</p>
  <p></p>
  <p>They agreed to meet again.</p>
</article>
<footer><p>Copyright 2024</p></footer>
</body></html>"""


def test_html_takes_title_article_paragraphs_and_meta_date(tmp_path):
    path = _write(tmp_path, "page.html", PAGE)
    article = _one(read_articles(path, published=date(2000, 1, 1)))
    assert article.title == "Envoys meet"                     # the headline, not the <title>
    assert article.text == "The envoys met in Geneva on Monday.\nThey agreed to meet again."
    assert article.published == date(2024, 6, 2)
    assert article.outlet == "Daily Wire Service"
    assert article.url == "https://news.example/envoys"


def test_html_without_article_uses_page_paragraphs_h1_and_time_tag(tmp_path):
    page = ("<html><body><h1>Truce holds</h1><time datetime='2023-11-20'>Nov 20</time>"
            "<script>alert(1)</script><p>The truce held overnight.</p></body></html>")
    article = _one(read_articles(_write(tmp_path, "p.htm", page)))
    assert article.title == "Truce holds"
    assert article.text == "The truce held overnight."
    assert "alert" not in article.text
    assert article.published == date(2023, 11, 20)


def test_html_without_a_date_falls_back_to_the_argument(tmp_path):
    page = "<html><head><title>T</title></head><body><p>Text here.</p></body></html>"
    article = _one(read_articles(_write(tmp_path, "p.html", page), published=date(2022, 2, 2)))
    assert article.published == date(2022, 2, 2)


# --- JSON Lines ---------------------------------------------------------------------------

def test_jsonl_keeps_good_lines_and_reports_each_bad_line_with_number_and_field(tmp_path):
    good = {"id": "a1", "title": "One", "published": "2024-01-02", "outlet": "Wire",
            "url": "https://x.example/1", "text": "First story."}
    lines = [
        json.dumps(good),                                        # 1 good
        "",                                                      # 2 blank: skipped
        "{not json",                                             # 3 invalid JSON
        json.dumps({"id": "a3", "title": "No text"}),            # 4 missing text
        json.dumps({"id": "a4", "text": "   "}),                 # 5 empty text
        json.dumps(["a", "list"]),                               # 6 not an object
        json.dumps({"id": "a6", "text": "x", "published": "2025-02-30"}),  # 7 impossible date: kept
        json.dumps({"id": "a7", "text": "x", "published": "02/03/2025"}),  # 8 day first: kept
        json.dumps({"id": 7, "text": "x"}),                      # 9 wrong type
        json.dumps({"text": "No id here.", "title": "Anon"}),    # 10 good, hashed id
    ]
    path = _write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    warnings = []
    items = list(read_articles(path, published=date(2020, 1, 1), on_warning=warnings.append))
    articles = [i for i in items if isinstance(i, Article)]
    errors = {e.line: e for e in items if isinstance(e, RecordError)}

    assert [a.id for a in articles] == ["a1", "a6", "a7", Article("No id here.", title="Anon").key]
    assert articles[0].published == date(2024, 1, 2)          # the record's own date wins
    assert articles[0].outlet == "Wire" and articles[0].url == "https://x.example/1"
    assert articles[1].published is None                      # unreadable: no date, no guess
    assert articles[2].published == date(2025, 3, 2)
    assert articles[3].published == date(2020, 1, 1)          # else the argument
    assert [(w.line, w.field) for w in warnings] == [(7, "published")]
    assert "2025-02-30" in str(warnings[0])
    assert sorted(errors) == [3, 4, 5, 6, 9]
    assert all(e.source == str(path) for e in errors.values())
    assert "invalid JSON" in errors[3].reason
    assert errors[4].field == "text" and "missing" in errors[4].reason
    assert errors[5].field == "text" and "empty" in errors[5].reason
    assert "object" in errors[6].reason
    assert errors[9].field == "id" and "string" in errors[9].reason
    assert "line 9" in str(errors[9])


def test_jsonl_ignores_extra_keys_and_null_optional_fields(tmp_path):
    record = {"id": "z", "title": None, "published": None, "outlet": None, "url": None,
              "text": "Body.", "events": [], "notes": "annotator note"}
    article = _one(read_articles(_write(tmp_path, "g.jsonl", json.dumps(record))))
    assert article == Article(text="Body.", id="z")


# --- stdin --------------------------------------------------------------------------------

def test_stdin_jsonl_stream_is_detected_by_leading_brace(monkeypatch):
    stream = "\n  " + json.dumps({"id": "s1", "text": "From a pipe."}) + "\n{bad\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(stream))
    items = list(read_articles("-"))
    assert isinstance(items[0], Article) and items[0].id == "s1"
    assert isinstance(items[1], RecordError)
    assert items[1].source == "<stdin>" and items[1].line == 3


def test_stdin_plain_text_is_one_article_with_title_line(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Headline\nThe body of the story.\n"))
    article = _one(read_articles("-", published=date(2021, 9, 9)))
    assert article.title == "Headline"
    assert article.text == "The body of the story."
    assert article.published == date(2021, 9, 9)


def test_jsonl_line_that_is_not_utf8_is_a_record_error_for_that_line_only(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"id": "ok", "text": "Fine."}\n{"id": "bad", "text": "caf\xe9"}\n')
    items = list(read_articles(path))
    assert isinstance(items[0], Article) and items[0].id == "ok"
    assert isinstance(items[1], RecordError) and items[1].line == 2
