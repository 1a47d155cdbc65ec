"""HTML pages: main text in reading order, metadata, captions, errors and lazy imports."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from index.formats.html import looks_like_html, parse_html
from index.model import IngestError, Role

ROOT = Path(__file__).resolve().parents[1]
READABILITY_PAGES = ROOT.parent / "shared" / "data" / "readability_testpages"

LEAD = (
    "The storm made landfall on Sunday morning, bringing heavy rain and strong winds to the "
    "coastal towns of the region, officials said."
)
POWER = (
    "More than ten thousand homes lost power, and emergency crews worked through the night "
    "to clear fallen trees from the main roads."
)
TIDE = (
    "Residents of low-lying areas were told to leave before the tide peaked in the early "
    "afternoon, the mayor said in a statement."
)
CAPTION = "Waves crash against the sea wall in the harbour on Sunday."

ARTICLE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Storm hits coast | Daily Planet</title>
<meta name="author" content="Jane Doe; John Roe">
<meta property="og:site_name" content="Daily Planet">
<meta property="article:published_time" content="2024-07-28T10:30:00Z">
<link rel="canonical" href="https://dailyplanet.example/news/storm">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Storm hits coast</h1>
<p>{LEAD}</p>
<figure><img src="waves.jpg" alt=""><figcaption>{CAPTION}</figcaption></figure>
<p>{POWER}</p>
<h2>Evacuations</h2>
<p>{TIDE}</p>
<p>Schools will stay closed on Monday.<br>Shops
reopened in the afternoon, with long queues outside bakeries.</p>
</article>
<footer><p>Copyright 2024 Daily Planet. All rights reserved.</p></footer>
</body></html>"""

BOILERPLATE = """<html><head><title>Council approves budget - Town Crier</title></head>
<body>
<div id="cookie-banner" class="cookie-consent">We use cookies to give you the best
experience on our site. By continuing you agree to our use of cookies.
<button>Accept all</button> <button>Manage settings</button></div>
<header><div class="logo">Town Crier</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li>
<li><a href="/contact">Contact us</a></li></ul></nav></header>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Dog wins show</a></li>
<li><a href="/b">Road closed for repairs</a></li><li><a href="/c">New cafe opens</a></li></ul>
</aside>
<div class="content"><div class="story-body">
<h1>Council approves budget</h1>
<p>The town council approved its budget for next year on Tuesday evening after a debate
that lasted more than four hours, with eleven votes in favour and four against.</p>
<p>The plan raises spending on road repairs and libraries, and keeps the local tax rate
unchanged for a third year in a row, the council's finance chair said.</p>
<p>Opposition members said the budget relied on optimistic forecasts of income from
parking fees and the sale of two unused buildings near the station.</p>
</div></div>
<div class="share">Share this: <a href="#">Facebook</a> <a href="#">X</a></div>
<footer><p>Town Crier, 1 High Street. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms</a></li></ul>
</footer>
<script>window.tracking = {"id": "should never appear in the text"};</script>
</body></html>"""


def test_article_metadata() -> None:
    url = "https://www.dailyplanet.example/s?utm=x"
    article = parse_html(ARTICLE, url=url, source="saved.html")
    assert article.title == "Storm hits coast"
    assert article.author == "Jane Doe, John Roe"
    assert article.date == "2024-07-28"
    assert article.outlet == "Daily Planet"
    assert article.url == "https://dailyplanet.example/news/storm"
    assert article.source == "saved.html"
    assert article.format == "html"


def test_article_paragraphs_in_reading_order_with_caption() -> None:
    article = parse_html(ARTICLE.encode("utf-8"), url="https://dailyplanet.example/s")
    assert article.paragraphs == [
        "Storm hits coast",
        LEAD,
        CAPTION,
        POWER,
        "Evacuations",
        TIDE,
        "Schools will stay closed on Monday.",
        "Shops reopened in the afternoon, with long queues outside bakeries.",
    ]
    assert article.roles == {2: Role.CAPTION}
    assert article.source == "https://dailyplanet.example/s"


def test_boilerplate_is_left_out() -> None:
    article = parse_html(BOILERPLATE)
    text = "\n".join(article.paragraphs)
    assert article.title == "Council approves budget"
    assert any(p.startswith("The town council approved its budget") for p in article.paragraphs)
    assert any(p.startswith("Opposition members said") for p in article.paragraphs)
    for junk in ("cookies", "Most read", "Privacy policy", "Share this", "tracking", "Contact"):
        assert junk not in text
    assert all("\n" not in p and "  " not in p for p in article.paragraphs)


def test_outlet_falls_back_to_the_host_name() -> None:
    page = BOILERPLATE.replace("- Town Crier", "")
    article = parse_html(page, url="https://www.towncrier.example/2024/budget")
    assert article.outlet == "towncrier.example"
    assert article.url == "https://www.towncrier.example/2024/budget"


def test_broken_html_still_parses() -> None:
    page = (
        "<html><head><title>Harbour fire</title><body><div class=story><h1>Harbour fire"
        "<p>A fire broke out in a warehouse at the harbour late on Friday, and firefighters "
        "needed three hours to bring it under control, the fire service said."
        "<p>No one was hurt, but the smoke could be seen from across the bay <b>for hours"
        "<p>The cause of the fire is not yet known, and an investigation has been opened."
    )
    article = parse_html(page)
    assert article.title == "Harbour fire"
    text = " ".join(article.paragraphs)
    assert "A fire broke out in a warehouse" in text
    assert "an investigation has been opened." in text


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Nothing here</title></head><body></body></html>",
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/a'>About</a></nav><footer>All rights reserved.</footer>"
        "<script>var text = 'script text is not article text at all';</script></body></html>",
    ],
)
def test_page_without_text_is_an_error(page: str) -> None:
    with pytest.raises(IngestError, match=r"^not an article: no main text found$"):
        parse_html(page)


@pytest.mark.parametrize("data", ["", "   ", b"\x00\x01\x02\x03"])
def test_not_html_is_an_error(data: str | bytes) -> None:
    with pytest.raises(IngestError, match=r"^not an article: "):
        parse_html(data)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<!DOCTYPE html><html><body>x", True),
        (b"\xef\xbb\xbf  \n<!doctype HTML>", True),
        (b"<!-- saved page -->\n<HTML lang='en'>", True),
        (b"<head><title>x</title></head>", True),
        (b"<body>text</body>", True),
        (b"<p>Just a paragraph.</p>", True),
        (b"\n\n<p class='lead'>Lead</p>", True),
        (b"Plain text that mentions <html> later.", False),
        (b"<?xml version='1.0'?><rss version='2.0'><channel>", False),
        (b"# Markdown heading\n\n<p>inline html</p>", False),
        (b"<pre>code</pre>", False),
        (b"", False),
    ],
)
def test_looks_like_html(data: bytes, expected: bool) -> None:
    assert looks_like_html(data) is expected


def test_importing_the_parsers_is_light() -> None:
    code = (
        "import sys, index.formats.html, index.formats.feed\n"
        "heavy = [m for m in ('trafilatura', 'feedparser', 'lxml') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def _normal(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _title_matches(got: str, expected: str) -> bool:
    """Equal, or one contains the other (sites differ on keeping the site name)."""
    got, expected = _normal(got), _normal(expected)
    return bool(got) and (got == expected or got in expected or expected in got)


@pytest.mark.skipif(not READABILITY_PAGES.is_dir(), reason="readability test pages absent")
def test_titles_of_readability_pages() -> None:
    """On Mozilla Readability's test pages, the title agrees with theirs on most pages."""
    checked = matched = 0
    misses: list[str] = []
    for folder in sorted(p for p in READABILITY_PAGES.iterdir() if p.is_dir()):
        meta_file, source = folder / "expected-metadata.json", folder / "source.html"
        if not (meta_file.is_file() and source.is_file()):
            continue
        expected = json.loads(meta_file.read_text(encoding="utf-8")).get("title") or ""
        if not expected:
            continue
        checked += 1
        try:
            title = parse_html(source.read_bytes(), url="http://fakehost/test/page.html").title
        except IngestError as error:
            title = f"<{error}>"
        if _title_matches(title, expected):
            matched += 1
        else:
            misses.append(f"{folder.name}: {title!r} != {expected!r}")
    assert checked >= 20
    assert matched >= 0.8 * checked, "\n".join(misses)
