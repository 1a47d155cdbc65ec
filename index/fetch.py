"""Download a web page or feed over HTTP(S), with size and time limits and one-line errors."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPException
from typing import Protocol
from urllib.parse import urlsplit

from index.model import IngestError

USER_AGENT = "Parallax/0.1 (+terminal news reader)"
_CHUNK = 64 * 1024


class _Readable(Protocol):
    def read(self, size: int, /) -> bytes: ...


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A downloaded resource: the final URL after redirects, its content type and body."""

    url: str
    content_type: str
    body: bytes


def fetch_url(url: str, *, timeout: float = 15.0, max_bytes: int = 20_000_000) -> FetchResult:
    """GET ``url``; every failure is an IngestError with a one-line message."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in {"http", "https"}:
        raise IngestError(f"cannot fetch: not an http(s) URL ({scheme or 'no'} scheme)")
    try:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise IngestError(_too_large(max_bytes))
            body = _read_limited(response, max_bytes)
            return FetchResult(
                url=response.geturl() or url,
                content_type=response.headers.get("Content-Type", ""),
                body=body,
            )
    except IngestError:
        raise
    except urllib.error.HTTPError as error:
        raise IngestError(_http_message(error.code, error.reason)) from None
    except urllib.error.URLError as error:
        raise IngestError(f"cannot fetch: {_reason(error.reason)}") from None
    except TimeoutError:
        raise IngestError("cannot fetch: timed out") from None
    except (OSError, HTTPException, ValueError) as error:
        raise IngestError(f"cannot fetch: {_reason(error)}") from None
    except Exception as error:  # noqa: BLE001 - never a traceback for a bad download
        raise IngestError(f"cannot fetch: {type(error).__name__}: {_reason(error)}") from None


def _read_limited(response: _Readable, max_bytes: int) -> bytes:
    """The body, read in chunks; raises IngestError past ``max_bytes``."""
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = response.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > max_bytes:
        raise IngestError(_too_large(max_bytes))
    return b"".join(chunks)


def _too_large(max_bytes: int) -> str:
    return f"too large (over {max_bytes / 1_000_000:.3g} MB)"


def _http_message(code: int, reason: object) -> str:
    if code == 404:
        return "not found (HTTP 404)"
    text = _reason(reason)
    return f"HTTP {code} {text}" if text else f"HTTP {code}"


def _reason(reason: object) -> str:
    """A short one-line description of an error or its reason."""
    if isinstance(reason, TimeoutError):
        return "timed out"
    if isinstance(reason, OSError) and reason.strerror:
        return str(reason.strerror)
    text = " ".join(str(reason).split())
    return text or type(reason).__name__
