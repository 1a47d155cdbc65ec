"""Where a query's words occur in text: spans for highlighting, and snippets around them.

Words are matched as the index analyzes them (same tokens, folding and Porter2 stems), but
only words that could match are stemmed, and stems are cached across searches: stemming every
word of every hit's paragraphs cost 200 ms a search on 30k articles.
"""

from __future__ import annotations

import re
from functools import lru_cache

from whoosh.lang.porter2 import stem as porter2_stem
from whoosh.support.charset import accent_map

from index.search_index import TOKEN_PATTERN

SNIPPET_CHARS = 220
MAX_WINDOW_STARTS = 50
_TOKEN = re.compile(TOKEN_PATTERN, re.UNICODE)
_DROPPED = str.maketrans("", "", ".'’")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The index's form of one token: dots and apostrophes dropped, folded, stemmed."""
    return porter2_stem(word.translate(_DROPPED).lower().translate(accent_map))


def matched_words(text: str, stems: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, stem) of each word in ``text`` whose stem is in ``stems``."""
    if not stems:
        return []
    heads = {s[:2] for s in stems}
    plain = text.isascii()
    if plain:  # a quick look for the stems' first letters anywhere saves the word walk
        folded = text.lower().translate(_DROPPED)
        if not any(head in folded for head in heads):
            return []
    found = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        start = word[:2]
        if plain and start.isalnum() and start.lower() not in heads:
            continue  # the common case, without the folding below
        if word.translate(_DROPPED)[:2].lower().translate(accent_map) not in heads:
            continue
        stemmed = stem(word)
        if stemmed in stems:
            found.append((match.start(), match.end(), stemmed))
    return found


def term_spans(text: str, stems: set[str]) -> list[tuple[int, int]]:
    """Character spans of the words in ``text`` whose stems are in ``stems``."""
    return [(start, end) for start, end, _ in matched_words(text, stems)]


def make_snippet(
    text: str, spans: list[tuple[int, int]], width: int = SNIPPET_CHARS
) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``text`` around its densest run of hits, with spans shifted to match."""
    if len(text) <= width:
        return text, spans
    start = 0
    if spans:
        best_count = -1
        for first in spans[:MAX_WINDOW_STARTS]:  # bounded: a word may occur thousands of times
            count = sum(
                1
                for s in spans[: MAX_WINDOW_STARTS * 4]
                if first[0] <= s[0] and s[1] <= first[0] + width
            )
            if count > best_count:
                best_count, start = count, first[0]
        start = max(0, start - width // 4)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < start + 20 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    shown = [(a + shift, b + shift) for a, b in spans if a >= start and b <= end]
    return prefix + text[start:end] + suffix, shown
