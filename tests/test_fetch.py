"""fetch_url against a local HTTP server: bodies, redirects, limits and one-line errors."""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING

import pytest

from index.fetch import USER_AGENT, FetchResult, fetch_url
from index.model import IngestError

if TYPE_CHECKING:
    from tests.conftest_http import LocalServer


def _error(url: str, **options: float) -> str:
    with pytest.raises(IngestError) as caught:
        fetch_url(url, **options)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_fetch_returns_body_type_and_url(http_server: LocalServer) -> None:
    url = http_server.add("/page", "<p>Hello</p>")
    result = fetch_url(url)
    html = "text/html; charset=utf-8"
    assert result == FetchResult(url=url, content_type=html, body=b"<p>Hello</p>")
    assert http_server.requests[-1][1]["User-Agent"] == USER_AGENT


def test_redirects_give_the_final_url(http_server: LocalServer) -> None:
    final = http_server.add("/story/final", "the story")
    http_server.redirect("/hop", "/story/final", status=301)
    start = http_server.redirect("/start", "/hop")
    result = fetch_url(start)
    assert result.url == final
    assert result.body == b"the story"


def test_not_found(http_server: LocalServer) -> None:
    assert _error(http_server.url("/missing")) == "not found (HTTP 404)"


def test_other_http_errors_name_code_and_reason(http_server: LocalServer) -> None:
    url = http_server.add("/busy", "try later", status=503)
    assert _error(url) == "HTTP 503 Service Unavailable"


def test_too_large_by_declared_length(http_server: LocalServer) -> None:
    url = http_server.add("/big", b"x" * 5000)
    assert _error(url, max_bytes=1000) == "too large (over 0.001 MB)"


def test_too_large_without_declared_length(http_server: LocalServer) -> None:
    url = http_server.add("/stream", b"x" * 300_000, send_length=False)
    assert _error(url, max_bytes=200_000) == "too large (over 0.2 MB)"
    assert fetch_url(url, max_bytes=300_000).body == b"x" * 300_000


def test_default_limit_is_20_mb() -> None:
    assert fetch_url.__kwdefaults__ == {"timeout": 15.0, "max_bytes": 20_000_000}


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:alert(1)", "/just/a/path"]
)
def test_non_http_schemes_are_rejected(url: str) -> None:
    assert _error(url).startswith("cannot fetch: not an http(s) URL")


def test_connection_refused() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert _error(f"http://127.0.0.1:{port}/") == "cannot fetch: Connection refused"


def test_timeout(http_server: LocalServer) -> None:
    url = http_server.add("/slow", "late", delay=1.0)
    assert _error(url, timeout=0.2) == "cannot fetch: timed out"


def test_malformed_url_is_a_one_line_error() -> None:
    assert _error("http://").startswith("cannot fetch: ")
    assert _error("http://127.0.0.1:99999/").startswith("cannot fetch: ")
