"""``add`` with http(s) URLs: pages and feeds fetched from a local server, never the internet."""

from __future__ import annotations

from index.ingest import add_inputs
from index.library import Library
from index.search import search
from tests.conftest_http import LocalServer

PAGE = """<!doctype html><html><head><title>Port Reopens | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<meta name="author" content="Ann Lee"><meta property="article:published_time" content="2024-03-05">
</head><body><nav>Home / World / Ports</nav><article><h1>Port Reopens</h1>
<p>The harbour reopened on Tuesday after a three-week strike by dock workers ended with a deal.</p>
<p>Union leaders said the contract raises pay by 12 percent over four years, and the port
authority said ships would be unloaded around the clock to clear the backlog.</p>
</article><footer>Copyright Harbour Times</footer></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title>
<item><title>Port Reopens</title><link>{link}</link><description>Short summary.</description>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item></channel></rss>"""


def test_add_a_page_by_url_then_again(library: Library, http_server: LocalServer) -> None:
    url = http_server.add("/news/port.html", PAGE)
    report = add_inputs(library, [url])
    assert report.failed == []
    article = library.get(report.added[0]["id"])
    assert article is not None
    assert (article.title, article.outlet, article.author, article.date) == (
        "Port Reopens",
        "Harbour Times",
        "Ann Lee",
        "2024-03-05",
    )
    assert article.source == url
    assert search(library, "backlog").total == 1
    again = add_inputs(library, [url])
    assert again.added == [] and again.skipped[0]["reason"] == "already in the library"


def test_add_a_feed_by_url_fetches_summary_only_entries(
    library: Library, http_server: LocalServer
) -> None:
    page = http_server.add("/news/port.html", PAGE)
    feed = http_server.add("/feed.xml", FEED.format(link=page), content_type="application/rss+xml")
    report = add_inputs(library, [feed])
    assert report.failed == []
    article = library.get(report.added[0]["id"])
    assert article is not None
    assert "12 percent" in article.body_text()


def test_unreachable_and_missing_urls_fail_one_line_each(
    library: Library, http_server: LocalServer
) -> None:
    good = http_server.add("/ok.html", PAGE)
    report = add_inputs(library, [http_server.url("/missing"), "http://127.0.0.1:9/", good])
    errors = [f["error"] for f in report.failed]
    assert errors[0] == "not found (HTTP 404)"
    assert errors[1].startswith("cannot fetch")
    assert len(report.added) == 1
