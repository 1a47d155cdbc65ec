"""Cheap format sniffing on the first bytes of an input."""

from __future__ import annotations

import re

_FEED = re.compile(
    rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*)*"
    rb"<(?:rss\b|feed\b[^>]*http://www\.w3\.org/2005/Atom|rdf:RDF\b)",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_feed(data: bytes) -> bool:
    """RSS, Atom or RDF feeds, judged by their root element."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return bool(_FEED.match(head))
