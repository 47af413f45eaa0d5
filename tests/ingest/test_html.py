from datetime import date

from newsevents.errors import RecordError, RecordWarning
from newsevents.ingest import read_articles, read_items
from newsevents.records import Article

STORY = ("Russia supplied artillery shells to Syria on Monday, the defence ministry said. "
         "Germany condemned the shipment on Tuesday and summoned the Russian ambassador.")

PAGE = """<!doctype html><html lang="en"><head>
<meta charset="utf-8">
<title>Shells for Syria | The Daily Courier</title>
<meta property="og:site_name" content="The Daily Courier">
<meta property="article:published_time" content="Thu, 24 Nov 2016 09:30:00 GMT">
<link rel="canonical" href="https://courier.example/world/shells">
<script>window.ads = ["<p>Buy gold now</p>"];</script>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="ad-banner"><a href="https://ads.example">Special offer: cheap flights to Paris!</a></div>
<main><article>
<h1>Shells for Syria</h1>
<p>Russia supplied artillery shells to Syria on Monday, the defence ministry said.</p>
<p>Germany condemned the shipment on Tuesday and summoned the Russian ambassador.</p>
</article>
<aside class="related"><h3>Most read</h3><ul><li><a href="/a">Celebrity weds in Rome</a></li>
<li><a href="/b">Stocks rise on Friday</a></li></ul></aside></main>
<footer><p>Copyright 2016 The Daily Courier. All rights reserved.</p>
<a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>"""


def _write(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_page_text_is_the_story_without_navigation_ads_asides_or_footer(tmp_path):
    [article] = read_articles(_write(tmp_path, "shells.html", PAGE))
    assert article.text == ("Russia supplied artillery shells to Syria on Monday, the defence "
                            "ministry said.\nGermany condemned the shipment on Tuesday and "
                            "summoned the Russian ambassador.")
    for furniture in ("Home", "Sport", "cheap flights", "Most read", "Celebrity", "Copyright",
                      "Privacy", "Buy gold"):
        assert furniture not in article.text


def test_page_metadata_gives_title_outlet_url_and_the_rfc822_date(tmp_path):
    [article] = read_articles(_write(tmp_path, "shells.html", PAGE), published=date(2000, 1, 1))
    assert article.title == "Shells for Syria"
    assert article.outlet == "The Daily Courier"
    assert article.url == "https://courier.example/world/shells"
    assert article.published == date(2016, 11, 24)


def test_a_declared_date_that_cannot_be_read_is_reported_and_not_guessed(tmp_path):
    page = PAGE.replace("Thu, 24 Nov 2016 09:30:00 GMT", "Wed Nov 23")
    items = list(read_items(_write(tmp_path, "undated.html", page), published=date(2016, 1, 1)))
    warning, article = items
    assert isinstance(warning, RecordWarning)
    assert "undated.html" in str(warning) and "'Wed Nov 23'" in str(warning)
    assert isinstance(article, Article) and article.published is None


def test_unclosed_paragraphs_are_repaired_so_no_paragraph_or_event_is_read_twice(tmp_path, pipeline):
    closed = ("<html><body><article><p>Russia supplied artillery shells to Syria on Monday.</p>"
              "<p>Germany condemned the shipment on Tuesday.</p>"
              "<p>France summoned the Russian ambassador.</p></article></body></html>")
    unclosed = closed.replace("</p>", "")
    [good] = read_articles(_write(tmp_path, "closed.html", closed), published=date(2016, 11, 24))
    [repaired] = read_articles(_write(tmp_path, "unclosed.html", unclosed),
                               published=date(2016, 11, 24))
    assert repaired.text == good.text
    assert repaired.text.count("Germany condemned") == 1
    [(_, good_events)] = pipeline.events([good])
    [(_, repaired_events)] = pipeline.events([repaired])
    assert good_events, "the story states events"
    assert [(e.type, e.evidence.text) for e in repaired_events] == \
        [(e.type, e.evidence.text) for e in good_events]


def test_a_page_without_story_text_is_a_bad_record_naming_the_file(tmp_path):
    page = ("<html><head><title>Gallery</title><script>var story = 'none';</script></head>"
            "<body><img src='a.jpg'><style>p { color: red }</style></body></html>")
    [error] = read_articles(_write(tmp_path, "empty.html", page))
    assert isinstance(error, RecordError)
    assert "empty.html" in str(error) and error.field == "text"


def test_page_bytes_in_a_declared_legacy_charset_are_decoded_by_the_page_charset(tmp_path):
    page = ("<html><head><meta charset='iso-8859-1'><title>Caf\u00e9</title></head><body><article>"
            "<p>The minister met envoys at a caf\u00e9 in Li\u00e8ge on Monday.</p></article>"
            "</body></html>").encode("iso-8859-1")
    path = tmp_path / "latin.html"
    path.write_bytes(page)
    [article] = read_articles(path)
    assert "caf\u00e9 in Li\u00e8ge" in article.text
