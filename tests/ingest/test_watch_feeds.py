import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.errors import InputError
from newsevents.ingest.watch import parse_interval, poll_round, read_feed_list, watch
from newsevents.store import Store

from feed_server import FeedServer, Resource

ITEM = """<item><title>{title}</title><guid>{guid}</guid><link>https://courier.example/{guid}</link>
<pubDate>{date}</pubDate><description>{text}</description></item>"""


def _rss(*items: str, title: str = "The Daily Courier") -> bytes:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
            f'{"".join(items)}</channel></rss>').encode()


SHELLS = ITEM.format(title="Shells", guid="c-1", date="Mon, 14 Nov 2016 08:00:00 GMT",
                     text="Russia supplied artillery shells to Syria on Monday.")
TALKS = ITEM.format(title="Talks", guid="c-2", date="Tue, 15 Nov 2016 08:00:00 GMT",
                    text="France and Germany held talks in Paris on Tuesday.")
TRUCE = ITEM.format(title="Truce", guid="g-1", date="Tue, 15 Nov 2016 09:00:00 GMT",
                    text="Turkey condemned Syria on Tuesday for breaking the truce.")


@pytest.mark.parametrize("text, seconds", [("90s", 90), ("15m", 900), ("1h", 3600), ("2.5m", 150),
                                           ("30", 30)])
def test_intervals_are_read_in_seconds_minutes_or_hours(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "0m", "15 minutes", "-5m"])
def test_bad_intervals_are_refused_with_an_example(text):
    with pytest.raises(InputError, match="15m"):
        parse_interval(text)


def test_feed_list_skips_comments_and_names_the_line_of_a_bad_entry(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("# world\nhttps://a.example/rss\n\nhttp://b.example/atom  # news\n"
                    "ftp://c.example/feed\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_feed_list(path)
    assert info.value.line == 5 and "ftp://c.example/feed" in str(info.value)
    path.write_text("# world\nhttps://a.example/rss\n\nhttp://b.example/atom  # news\n")
    assert read_feed_list(path) == ["https://a.example/rss", "http://b.example/atom"]


def test_rounds_honour_etag_and_last_modified_and_survive_failing_feeds(tmp_path):
    db = tmp_path / "watch.duckdb"
    with FeedServer() as server:
        server.resources["/courier.rss"] = Resource(_rss(SHELLS), etag='"v1"')
        server.resources["/gazette.rss"] = Resource(_rss(TRUCE, title="Gazette"),
                                                    last_modified="Tue, 15 Nov 2016 09:00:00 GMT")
        server.resources["/broken.rss"] = Resource(b"", status=500)
        feeds = [server.url("/courier.rss"), server.url("/broken.rss"),
                 "http://127.0.0.1:9/offline.rss", server.url("/gazette.rss")]

        first = poll_round(feeds, db)
        assert [f.status for f in first.feeds] == ["new", "failed", "failed", "new"]
        assert [f.stored for f in first.feeds] == [1, 0, 0, 1]
        assert "500" in first.feeds[1].error and "cannot be reached" in first.feeds[2].error

        second = poll_round(feeds, db)
        assert [f.status for f in second.feeds] == ["not-modified", "failed", "failed",
                                                    "not-modified"]
        conditional = {path: headers for path, headers in server.requests[-4:]}
        assert conditional["/courier.rss"]["if-none-match"] == '"v1"'
        assert conditional["/gazette.rss"]["if-modified-since"] == "Tue, 15 Nov 2016 09:00:00 GMT"

        server.resources["/courier.rss"] = Resource(_rss(TALKS, SHELLS), etag='"v2"')
        third = poll_round(feeds, db)
        assert (third.feeds[0].status, third.feeds[0].stored) == ("new", 1)   # only the new item

    with Store.open(db, read_only=True) as store:
        rows = store.query("SELECT input_id, outlet FROM articles ORDER BY input_id")
        assert [(r["input_id"], r["outlet"]) for r in rows] == [
            ("c-1", "The Daily Courier"), ("c-2", "The Daily Courier"), ("g-1", "Gazette")]
        state = {r["url"]: r for r in store.query("SELECT * FROM feed_state")}
        assert state[feeds[0]]["etag"] == '"v2"' and state[feeds[1]]["status"] == "failed"


def test_watch_sleeps_between_rounds_and_rereads_the_list(tmp_path):
    feed_file = tmp_path / "courier.rss"
    feed_file.write_bytes(_rss(SHELLS))
    listing = tmp_path / "feeds.txt"
    listing.write_text(str(feed_file) + "\n")
    reports, sleeps = [], []
    watch(listing, tmp_path / "w.duckdb", 900, reports.append, rounds=2, sleep=sleeps.append)
    assert len(reports) == 2 and len(sleeps) == 1 and 0 < sleeps[0] <= 900
    assert [f.stored for r in reports for f in r.feeds] == [1, 0]


def test_cli_watch_feeds_once_reports_the_failing_feed_and_exits_non_zero(tmp_path):
    feed_file = tmp_path / "courier.rss"
    feed_file.write_bytes(_rss(SHELLS))
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"http://127.0.0.1:9/offline.rss\n{feed_file}\n")
    result = CliRunner().invoke(app, ["watch-feeds", str(listing), "--once",
                                      "--db", str(tmp_path / "cli.duckdb")])
    assert result.exit_code == 1
    stderr = " ".join(result.stderr.split())
    assert "feed failed: http://127.0.0.1:9/offline.rss" in stderr
    assert f"{feed_file}: new; stored 1 article(s)" in stderr


def test_a_feed_file_that_vanished_fails_its_round_without_stopping_the_others(tmp_path):
    kept = tmp_path / "kept.rss"
    kept.write_bytes(_rss(SHELLS))
    report = poll_round([str(tmp_path / "gone.rss"), str(kept)], tmp_path / "files.duckdb")
    assert [f.status for f in report.feeds] == ["failed", "new"]
    assert "gone.rss" in report.feeds[0].error and report.feeds[1].stored == 1
