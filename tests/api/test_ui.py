"""The web UI in headless Chromium: every page loads without console errors and shows what
it should, a screenshot of each is saved, the keyboard works, and markup stays text."""
from __future__ import annotations

import re

import pytest

from api_corpus import ARTICLE_COUNT, EVENT_COUNT
from live_server import TOKEN


def visit(page, url: str, screenshots, name: str):
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
    assert page.console_watch.problems == [], page.console_watch.problems
    return response


def test_events_page_lists_events_with_filters_and_paging(read_only_server, page, screenshots):
    response = visit(page, read_only_server.url + "/events", screenshots, "events")
    assert response.status == 200
    assert page.title() == "Events · newsevents"
    assert page.locator("#events-table tbody tr").count() == EVENT_COUNT
    assert page.locator("nav[aria-label=Main] a[aria-current=page]").inner_text() == "Events"
    # the type menu offers each stored type with its count
    assert page.locator("select[name=type] option[value=AID]").inner_text() == "AID (3)"


def test_filtering_events_from_the_form(read_only_server, page, screenshots):
    page.goto(read_only_server.url + "/events")
    page.fill("input[name=actor]", "PRK")
    page.select_option("select[name=type]", "AID")
    page.click("form[role=search] button[type=submit]")
    page.wait_for_url(re.compile(r"actor=PRK"))
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == 2
    assert all("North Korea" in text for text in rows.all_inner_texts())
    page.screenshot(path=str(screenshots / "events-filtered.png"), full_page=True)
    assert page.console_watch.problems == []


def test_paging_by_link_and_by_key(read_only_server, page):
    page.goto(read_only_server.url + "/events?per_page=10")
    assert page.locator(".pager").first.inner_text().startswith(f"1–10 of {EVENT_COUNT} events")
    page.locator(".pager a[rel=next]").first.click()
    page.wait_for_url(re.compile(r"page=2"))
    first_on_two = page.locator("#events-table tbody tr").first.inner_text()
    page.keyboard.press("n")
    page.wait_for_url(re.compile(r"page=3"))
    page.keyboard.press("p")
    page.wait_for_url(re.compile(r"page=2"))
    assert page.locator("#events-table tbody tr").first.inner_text() == first_on_two
    assert page.console_watch.problems == []


def test_keyboard_selects_a_row_and_opens_its_article(read_only_server, page):
    page.goto(read_only_server.url + "/events")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.name") == "actor"
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    page.keyboard.press("j")
    selected = page.locator("#events-table tbody tr.selected")
    assert selected.count() == 1
    target = selected.get_attribute("data-href")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(target.split("#")[0])))
    assert page.locator("h1").inner_text()
    page.keyboard.press("?")
    assert page.locator("#help").is_visible()
    page.keyboard.press("Escape")
    page.keyboard.press("g")
    page.keyboard.press("l")
    page.wait_for_url(re.compile(r"/clusters$"))
    assert page.console_watch.problems == []


def test_article_view_highlights_each_events_evidence_beside_its_fields(read_only_server, page,
                                                                         screenshots):
    visit(page, read_only_server.url + "/articles/wire-shells", screenshots, "article")
    assert page.locator("h1").inner_text() == "North Korea ships shells to Russia"
    cards = page.locator(".event-card")
    assert cards.count() == 3
    assert page.locator("#article-text mark").count() >= 3
    assert page.locator("#article-text .trigger").all_inner_texts() == ["sent", "denied", "condemned"]
    first = cards.first.inner_text()
    assert "AID" in first and "North Korea (PRK)" in first and "Russia (RUS)" in first
    assert "about 5 million artillery shells" in first and "South Korean military" in first
    # the keyboard moves through the events and lights up their evidence
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("j")
    page.keyboard.press("j")
    active = page.locator("#article-text mark.active").all_inner_texts()
    assert "".join(active) == "Russia denied receiving any weapons from Pyongyang."
    assert page.locator(".event-card.active .pill").inner_text() == "REJECT"
    # each event links to every report of it (its cluster)
    cards.first.locator("a", has_text="every report of this event").click()
    page.wait_for_url(re.compile(r"/clusters/\w+$"))
    assert page.locator("table.claims tbody tr").count() == 2
    assert page.console_watch.problems == []


def test_event_row_link_opens_the_article_at_that_event(read_only_server, page):
    page.goto(read_only_server.url + "/events?type=THREATEN")
    page.locator("#events-table tbody tr td.evidence a").first.click()
    page.wait_for_url(re.compile(r"/articles/[0-9a-f]{16}#event-"))   # stored under its key
    page.wait_for_load_state("networkidle")
    assert page.locator(".event-card.active .pill").inner_text() == "THREATEN"
    assert "threatened" in "".join(page.locator("#article-text mark.active").all_inner_texts())


def test_articles_page_lists_articles(read_only_server, page, screenshots):
    visit(page, read_only_server.url + "/articles", screenshots, "articles")
    titles = page.locator("#articles-table tbody td:nth-child(2)").all_inner_texts()
    assert titles[0] == "Lavrov visits Pyongyang" and "(untitled)" in titles
    assert len(titles) == ARTICLE_COUNT


def test_map_draws_the_bundled_countries_and_one_circle_per_place(read_only_server, page,
                                                                   screenshots):
    visit(page, read_only_server.url + "/map", screenshots, "map")
    assert page.locator("#map svg path.country").count() > 150
    places = read_only_server.get_json("/api/places")[1]["places"]
    assert page.locator("#map svg circle.place").count() == len(places) == 6
    assert page.locator("#places-table tbody tr").count() == 6
    # zooming by button changes the view; a circle links to its events
    before = page.locator("#map svg").get_attribute("viewBox")
    page.click("[data-zoom=in]")
    assert page.locator("#map svg").get_attribute("viewBox") != before
    page.click("[data-zoom=reset]")
    page.locator("#map svg a", has=page.locator("circle")).filter(
        has_text="Kursk").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/events\?place=Kursk"))
    assert page.locator("#events-table tbody tr").count() == 3
    assert page.console_watch.problems == []


def test_api_docs_page_and_error_page_render(read_only_server, page, screenshots):
    visit(page, read_only_server.url + "/api/docs", screenshots, "api-docs")
    assert page.locator(".endpoint h3", has_text="/api/events").count() >= 1
    page.goto(read_only_server.url + "/events?since=last-week")
    page.screenshot(path=str(screenshots / "error.png"), full_page=True)
    assert "not an ISO date" in page.locator("[role=alert]").inner_text()


def test_markup_in_stored_names_is_shown_as_text(read_only_server, page):
    page.goto(read_only_server.url + "/events?type=ACCUSE&actor=USA")
    cell = page.locator("#events-table tbody tr td:nth-child(4)").first
    assert cell.inner_text() == '<i>Shadow</i> & "Co" (RUS)'
    assert cell.locator("i").count() == 0
    assert page.console_watch.problems == []


def test_a_posted_article_with_html_and_script_is_escaped_on_every_page(server, page, screenshots):
    hostile_title = '<b id="bold-title">Bold</b> claims <script>window.__xss = "title"</script>'
    hostile_text = ('<script>window.__xss = "text"</script> '
                    'The defence ministers of Japan and India met in Tokyo on Monday. '
                    '<img id="evil-img" src="x" onerror="window.__xss = \'img\'"> '
                    'They agreed to hold joint naval drills.')
    status, report = server.post_json("/api/articles", {"articles": [{
        "id": "hostile-1", "title": hostile_title, "text": hostile_text,
        "published": "2025-09-01", "outlet": "<em>Outlet</em>"}]}, token=TOKEN)
    assert status == 201 and report["stored"] == 1 and report["events"] >= 1

    visit(page, server.url + "/articles/hostile-1", screenshots, "xss-article")
    assert page.evaluate("window.__xss") is None
    assert page.locator("h1").inner_text() == hostile_title
    assert page.locator("#bold-title, #evil-img").count() == 0
    assert page.locator("#article-text script").count() == 0
    assert hostile_text in page.locator("#article-text").inner_text()
    assert "<em>Outlet</em>" in page.locator(".article-meta").inner_text()

    for path in ("/articles?source=Outlet", "/events?source=Outlet", "/clusters?source=Outlet",
                 "/claims?source=Outlet", "/actors?source=Outlet", "/map"):
        visit(page, server.url + path, screenshots, "xss-" + path.strip("/").split("?")[0])
        assert page.evaluate("window.__xss") is None
        assert page.locator("#bold-title, #evil-img, main script:not([src]):not([type])").count() == 0
    assert page.locator("#articles-table, #events-table, #map").count() >= 1


# --- the knowledge-base pages ---------------------------------------------------------------

def test_timeline_chart_draws_a_segment_per_period_and_type_and_links_to_events(read_only_server,
                                                                              page, screenshots):
    visit(page, read_only_server.url + "/timeline", screenshots, "timeline")
    rows = read_only_server.get_json("/api/timeline")[1]["rows"]
    bars = page.locator("#timeline-chart rect.bar")
    assert bars.count() == len(rows)
    legend = page.locator("#timeline-chart .chart-legend button")
    assert legend.count() == len({r["key"] for r in rows})
    protest = page.locator("#timeline-chart .chart-legend button", has_text="PROTEST")
    protest.click()
    assert protest.get_attribute("aria-pressed") == "false"
    assert bars.count() == len(rows) - sum(1 for r in rows if r["key"] == "PROTEST")
    page.locator("#timeline-chart a", has=page.locator("rect.bar")).filter(
        has_text="CONSULT: 12").first.click()
    page.wait_for_url(re.compile(r"/events\?.*type=CONSULT"))
    assert page.locator("#events-table tbody tr").count() == 12
    assert page.console_watch.problems == []


def test_network_graph_draws_nodes_and_links_and_opens_a_nodes_events(read_only_server, page,
                                                                      screenshots):
    visit(page, read_only_server.url + "/network", screenshots, "network")
    graph = read_only_server.get_json("/api/network")[1]
    assert page.locator("#network .node").count() == len(graph["nodes"])
    assert page.locator("#network path.edge").count() == len(graph["edges"])
    kor = page.locator("#network .node", has_text="KOR")
    kor.focus()
    assert "focused" in page.locator("#network").get_attribute("class")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/events\?actor=KOR"))
    assert page.console_watch.problems == []
    visit(page, read_only_server.url + "/network?node=actor", screenshots, "network-actors")
    assert page.locator("#network .node", has_text="South Korea").count() == 1


def test_clusters_page_and_one_cluster_with_its_claims(read_only_server, page, screenshots):
    visit(page, read_only_server.url + "/clusters?sort=corroborated", screenshots, "clusters")
    first = page.locator("#clusters-table tbody tr").first
    assert "AID" in first.inner_text() and "PRK" in first.inner_text()
    first.locator("a").first.click()
    page.wait_for_url(re.compile(r"/clusters/\w+"))
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(screenshots / "cluster.png"), full_page=True)
    assert page.locator("table.claims tbody tr").count() == 2
    assert page.locator("table.claims tr.disagrees").count() == 2
    assert page.console_watch.problems == []


def test_claims_view_compares_the_sources_of_a_dyad(read_only_server, page, screenshots):
    visit(page, read_only_server.url + "/claims?actor=PRK&recipient=RUS&type=AID", screenshots,
          "claims")
    group = page.locator(".claim-group")
    assert group.count() == 1
    assert group.locator(".badge.disagree").inner_text() == "sources disagree"
    notes = group.locator(".conflict-note").all_inner_texts()
    assert any("10 million shells" in n for n in notes) and any("5 million" in n for n in notes)
    assert page.locator("#dyad-chart rect.bar").count() >= 1


def test_actors_and_exports_pages(read_only_server, page, screenshots):
    visit(page, read_only_server.url + "/actors", screenshots, "actors")
    assert page.locator("#actors-table tbody tr").first.inner_text().startswith("South Korea")
    assert page.locator("#sources-table tbody tr").count() >= 5
    visit(page, read_only_server.url + "/exports?type=AID", screenshots, "exports")
    assert page.locator("#exports-table a[download]").count() == 8
    with page.expect_download() as info:
        page.locator("#exports-table tr", has_text="csv").locator("a").first.click()
    download = info.value
    assert download.suggested_filename == "newsevents-events.csv"
    text = open(download.path(), encoding="utf-8").read()
    assert text.splitlines()[0].startswith("id,") and len(text.splitlines()) == 4
    assert page.console_watch.problems == []
