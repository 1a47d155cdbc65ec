"""A local HTTP server on 127.0.0.1 for fetch and feed tests (enable with ``pytest_plugins``)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    """What the server answers for one path."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    send_length: bool = True
    delay: float = 0.0


@dataclass
class LocalServer:
    """Routes to serve, the requests seen, and the base URL (``http://127.0.0.1:PORT``)."""

    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def add(
        self,
        path: str,
        body: str | bytes = b"",
        *,
        status: int = 200,
        content_type: str = "text/html; charset=utf-8",
        send_length: bool = True,
        delay: float = 0.0,
    ) -> str:
        """Serve ``body`` at ``path``; returns the full URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, status, content_type, send_length=send_length, delay=delay)
        return self.url(path)

    def redirect(self, path: str, target: str, status: int = 302) -> str:
        """Redirect ``path`` to ``target`` (a path on this server or a URL)."""
        location = target if "://" in target else self.url(target)
        self.routes[path] = Route(status=status, headers={"Location": location})
        return self.url(path)


def _handler(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            server.requests.append((self.path, dict(self.headers.items())))
            route = server.routes.get(self.path, Route(b"no such page", status=404))
            if route.delay:
                time.sleep(route.delay)
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            if route.send_length:
                self.send_header("Content-Length", str(len(route.body)))
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.end_headers()
            # the client may stop reading early (size limits, timeouts)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(route.body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return Handler


@pytest.fixture
def http_server() -> Iterator[LocalServer]:
    """A threaded HTTP server on 127.0.0.1, port chosen by the OS, stopped after the test."""
    local = LocalServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(local))
    httpd.daemon_threads = True
    local.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield local
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
