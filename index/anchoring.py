"""Find a quoted passage again in changed text, by its quote and context (Hypothesis-style).

A passage is remembered as a W3C TextQuoteSelector: the ``exact`` text with up to
``CONTEXT`` characters of ``prefix`` and ``suffix``. To place it in new text, every
occurrence of the quote with at most a quarter of its characters changed is found (Myers'
bit-parallel edit distance), and each is scored like Hypothesis does: quote similarity
weighs 50, prefix and suffix similarity 20 each, closeness to a position hint 2.

The best candidate is kept only when its quote similarity and its overall score both reach
``MIN_SCORE``, so a deleted sentence does not re-attach to a lookalike elsewhere, whose
context differs; or when the quote is found exactly, once, and is at least
``UNIQUE_LENGTH`` long (the same passage, moved). Otherwise ``anchor`` returns None: an orphan.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT = 32
MIN_SCORE = 0.75
UNIQUE_LENGTH = 32
_WEIGHTS = (50.0, 20.0, 20.0, 2.0)  # quote, prefix, suffix, position
#: An exact occurrence scoring this well is taken without a fuzzy search.
_SURE = 0.95


@dataclass(frozen=True, slots=True)
class Quote:
    """A TextQuoteSelector: the passage and the text just before and after it."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    """Where a quote was placed: ``text[start:end]``, with its score (0..1)."""

    start: int
    end: int
    score: float


def quote_at(text: str, start: int, end: int, context: int = CONTEXT) -> Quote:
    """The selector for ``text[start:end]``."""
    return Quote(text[start:end], text[max(0, start - context) : start], text[end : end + context])


def anchor(text: str, quote: Quote, hint: int | None = None) -> Match | None:
    """The best place for ``quote`` in ``text``, near ``hint`` when given; None if none is good."""
    exact = quote.exact
    if not exact:
        return None
    whole = occurrences(text, quote.prefix + exact + quote.suffix)
    if whole:  # the passage and its context, untouched: the common case, found in O(n)
        at = min(whole, key=lambda w: 0 if hint is None else abs(w + len(quote.prefix) - hint))
        at += len(quote.prefix)
        return _score(text, quote, at, at + len(exact), 0, hint)
    exact_hits = occurrences(text, exact)
    scored = [_score(text, quote, s, s + len(exact), 0, hint) for s in exact_hits]
    best = max(scored, key=lambda m: m.score, default=None)
    if best is None or best.score < _SURE:
        limit = int(len(exact) * (1 - MIN_SCORE))
        fuzzy = [_score(text, quote, s, e, d, hint) for s, e, d in _approximate(text, exact, limit)]
        best = max([*scored, *fuzzy], key=lambda m: m.score, default=None)
    if best is None:
        return None
    if best.score >= MIN_SCORE:
        return best if text[best.start : best.end] == exact else _whole_words(text, quote, best)
    if len(exact_hits) == 1 and len(exact) >= UNIQUE_LENGTH:
        return next(m for m in scored)
    return None


def similarity(a: str, b: str) -> float:
    """1 minus the edit distance over the longer length (1.0 for two empty strings)."""
    longest = max(len(a), len(b))
    return 1.0 if not longest else 1.0 - _levenshtein(a, b) / longest


def _score(text: str, quote: Quote, start: int, end: int, errors: int, hint: int | None) -> Match:
    quote_score = 1.0 - errors / len(quote.exact)
    if quote_score < MIN_SCORE:
        return Match(start, end, 0.0)
    before = text[max(0, start - len(quote.prefix)) : start]
    after = text[end : end + len(quote.suffix)]
    near = 0.5 if hint is None else 1.0 - min(1.0, abs(start - hint) / max(len(text), 1))
    parts = (quote_score, similarity(quote.prefix, before), similarity(quote.suffix, after), near)
    total = sum(w * p for w, p in zip(_WEIGHTS, parts, strict=True))
    return Match(start, end, total / sum(_WEIGHTS))


def _whole_words(text: str, quote: Quote, match: Match) -> Match:
    """Widen a fuzzy match to whole words where the quote began or ended at a word's edge."""
    start, end = match.start, match.end
    if quote.exact[:1].isalnum() and not quote.prefix[-1:].isalnum():
        while start > 0 and text[start - 1].isalnum() and match.start - start < CONTEXT:
            start -= 1
    if quote.exact[-1:].isalnum() and not quote.suffix[:1].isalnum():
        while end < len(text) and text[end].isalnum() and end - match.end < CONTEXT:
            end += 1
    return Match(start, end, match.score)


def occurrences(text: str, exact: str) -> list[int]:
    """Where ``exact`` starts in ``text``, every time (overlaps too)."""
    found, at = [], text.find(exact)
    while at >= 0:
        found.append(at)
        at = text.find(exact, at + 1)
    return found


def _approximate(text: str, pattern: str, limit: int) -> list[tuple[int, int, int]]:
    """(start, end, errors) of the closest matches in each run of ends within ``limit`` edits."""
    runs: list[list[tuple[int, int]]] = []
    for end, errors in _ends(text, pattern, limit):
        if runs and runs[-1][-1][0] == end - 1:
            runs[-1].append((end, errors))
        else:
            runs.append([(end, errors)])
    matches = []
    for run in runs:  # each end with the run's fewest errors: the context scores choose
        fewest = min(errors for _, errors in run)
        for end, errors in [r for r in run if r[1] == fewest][:8]:
            window = text[max(0, end - len(pattern) - errors) : end]
            back = _ends(window[::-1], pattern[::-1], errors)
            if back:  # the start with the fewest errors, then the length closest to the quote's
                length = min(back, key=lambda b: (b[1], abs(b[0] - len(pattern))))[0]
                matches.append((end - length, end, errors))
    return matches


def _ends(text: str, pattern: str, limit: int) -> list[tuple[int, int]]:
    """(end, errors) for every end in ``text`` of a match of ``pattern`` within ``limit`` edits.

    Myers (1999): the DP column as bit vectors, one Python int of ``len(pattern)`` bits.
    """
    m = len(pattern)
    masks: dict[str, int] = {}
    for i, char in enumerate(pattern):
        masks[char] = masks.get(char, 0) | 1 << i
    full, top = (1 << m) - 1, 1 << (m - 1)
    pv, mv, score = full, 0, m
    found = []
    for j, char in enumerate(text):
        eq = masks.get(char, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = (mv | ~(xh | pv)) & full
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = (ph << 1) & full
        mh = (mh << 1) & full
        pv = (mh | ~(xv | ph)) & full
        mv = ph & xv
        if score <= limit:
            found.append((j + 1, score))
    return found


def _levenshtein(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, start=1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]
