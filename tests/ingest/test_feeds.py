from datetime import date

import pytest

from newsevents.errors import InputError, RecordError, RecordWarning
from newsevents.ingest import ReadOptions, read_articles, read_items
from newsevents.records import Article

from feed_server import FeedServer, Resource

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>The Daily Courier</title><link>https://courier.example/</link>
<description>World news</description>
<item><title>Shells for Syria</title><link>{base}/shells</link>
<guid>courier-1</guid><pubDate>Thu, 24 Nov 2016 23:30:00 -0500</pubDate>
<description>&lt;p&gt;Russia supplied shells to Syria on Monday.&lt;/p&gt;&lt;p&gt;Germany condemned it.&lt;/p&gt;</description>
</item>
<item><title>Talks</title><link>{base}/talks</link><guid>courier-2</guid>
<pubDate>Wed Nov 23</pubDate>
<content:encoded><![CDATA[<p>France and Germany held talks in Paris.</p>]]></content:encoded>
<description>Short summary.</description></item>
<item><title>Photo of the day</title><link>{base}/photo</link><guid>courier-3</guid></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Gazette</title>
<id>urn:gazette</id><updated>2016-12-18T10:00:00Z</updated>
<entry><title>Truce</title><id>urn:gazette:1</id><link href="https://gazette.example/truce"/>
<published>2016-12-18T09:00:00+01:00</published>
<summary>The truce held overnight in Aleppo.</summary></entry>
</feed>"""

PAGE = ("<html><head><title>Shells</title></head><body><nav><a href='/'>Home</a></nav><article>"
        "<p>Russia supplied shells to Syria on Monday, the defence ministry said.</p>"
        "<p>Germany condemned the shipment and summoned the Russian ambassador.</p>"
        "</article></body></html>")


def test_rss_file_items_become_articles_with_feed_outlet_and_written_dates(tmp_path):
    path = tmp_path / "courier.rss"
    path.write_text(RSS.format(base="https://courier.example"), encoding="utf-8")
    items = list(read_items(path))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.id for a in articles] == ["courier-1", "courier-2"]
    shells, talks = articles
    assert shells.text == "Russia supplied shells to Syria on Monday.\nGermany condemned it."
    assert shells.published == date(2016, 11, 24)        # as written, though UTC says the 25th
    assert shells.outlet == "The Daily Courier" and shells.title == "Shells for Syria"
    assert shells.url == "https://courier.example/shells"
    assert talks.text == "France and Germany held talks in Paris."   # content before summary
    assert talks.published is None
    [warning] = [i for i in items if isinstance(i, RecordWarning)]
    assert "item 2" in str(warning) and "'Wed Nov 23'" in str(warning)
    [error] = [i for i in items if isinstance(i, RecordError)]
    assert "item 3" in str(error) and "no text" in error.reason


def test_atom_file_is_read_like_rss(tmp_path):
    path = tmp_path / "gazette.atom"
    path.write_text(ATOM, encoding="utf-8")
    [article] = read_articles(path)
    assert article == Article(text="The truce held overnight in Aleppo.", id="urn:gazette:1",
                              title="Truce", published=date(2016, 12, 18), outlet="Gazette",
                              url="https://gazette.example/truce")


def test_an_xml_file_that_is_no_feed_is_an_input_error_naming_it(tmp_path):
    path = tmp_path / "config.xml"
    path.write_text("<?xml version='1.0'?><config><a>1</a></config>", encoding="utf-8")
    with pytest.raises(InputError, match="config.xml.*not an RSS or Atom feed"):
        list(read_articles(path))


def test_feed_url_is_fetched_and_linked_pages_read_for_full_text():
    with FeedServer() as server:
        base = server.url("")
        server.resources["/feed.xml"] = Resource(RSS.format(base=base).encode())
        server.resources["/shells"] = Resource(PAGE.encode(), content_type="text/html")
        options = ReadOptions(fetch_pages=True)
        warnings = []
        articles = list(read_articles(server.url("/feed.xml"), options=options,
                                      on_warning=warnings.append))
    shells = articles[0]
    assert shells.text == ("Russia supplied shells to Syria on Monday, the defence ministry "
                           "said.\nGermany condemned the shipment and summoned the Russian "
                           "ambassador.")
    # /talks is not served: the item keeps its feed text and says why
    assert articles[1].text == "France and Germany held talks in Paris."
    assert any("item 2" in str(w) and "404" in str(w) for w in warnings)
    assert {"/feed.xml", "/shells", "/talks"} <= set(server.paths_requested())


def test_page_url_is_read_as_one_article():
    with FeedServer() as server:
        server.resources["/shells"] = Resource(PAGE.encode(), content_type="text/html")
        [article] = read_articles(server.url("/shells"), published=date(2016, 11, 24))
    assert article.text.startswith("Russia supplied shells to Syria on Monday")
    assert article.url == server.url("/shells")


def test_an_unreachable_feed_url_is_a_clear_input_error_naming_it():
    url = "http://127.0.0.1:9/feed.xml"       # the discard port: nothing listens there
    with pytest.raises(InputError) as info:
        list(read_articles(url))
    assert url in str(info.value) and "cannot be reached" in str(info.value)
