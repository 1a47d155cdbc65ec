"""Outlet detection from the signatures an article's text carries (assets/outlets.json)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from index.assets import ASSETS_DIR


@dataclass(frozen=True, slots=True)
class OutletSignature:
    """An outlet's name, the text patterns that identify it, and its web domains."""

    name: str
    patterns: tuple[re.Pattern[str], ...]
    domains: tuple[str, ...]


@lru_cache(maxsize=1)
def load_signatures() -> tuple[OutletSignature, ...]:
    """Read the shipped signature file once."""
    data = json.loads((ASSETS_DIR / "outlets.json").read_text(encoding="utf-8"))
    return tuple(
        OutletSignature(
            name=entry["name"],
            patterns=tuple(re.compile(p, re.MULTILINE) for p in entry["patterns"]),
            domains=tuple(entry.get("domains", ())),
        )
        for entry in data["outlets"]
    )


def outlet_from_text(paragraphs: list[str]) -> str:
    """The outlet whose signature appears in the text, most specific signature first."""
    text = "\n".join(paragraphs)
    best: tuple[int, str] | None = None
    for signature in load_signatures():
        for rank, pattern in enumerate(signature.patterns):
            if pattern.search(text) and (best is None or rank < best[0]):
                best = (rank, signature.name)
                break
    return best[1] if best else ""


def outlet_from_url(url: str) -> str:
    """The outlet whose domain serves ``url``, if known."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # e.g. a malformed IPv6 host
        return ""
    for signature in load_signatures():
        if any(host == d or host.endswith("." + d) for d in signature.domains):
            return signature.name
    return ""
