"""Quotes and indirect statements of one article, from its parsed paragraphs.

A reporting verb ("said", "told", "according to", "believes") outside any quotation is a
cue; its subject is the source. Each quote goes to the cue its words hang from in the
dependency tree, else to the nearest cue of its sentence, which also tells whether the
attribution stands before, after or inside the quote. A cue with no quote but a clause
("China said it was the Quad countries ...") makes an indirect statement; quoted fragments
inside that clause belong to it. A quote with no cue continues the previous quote when it
follows it in the paragraph or opens the next paragraph; other long quotes stand alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from index.claim_model import (
    AFTER,
    BEFORE,
    CONTINUED,
    INSIDE,
    NONE,
    NUMBER,
    QUOTE,
    STATEMENT,
    Claim,
)
from index.claim_numbers import number_claims
from index.claim_quotes import (
    QuoteSpan,
    inner,
    is_title,
    paragraph_quotes,
    starts_with_quote,
)
from index.claim_speakers import Speakers, proper_run
from index.claim_verbs import Cue, is_cue, source, trimmed

_SIGNATURE = re.compile(
    r"\s*(―|—|–|--)\s*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})(?=\W*$|\W+[“\"])"
)
#: An unattributed quote this long (in words) is a claim of its own, not a scare quote.
STANDALONE_WORDS = 5
#: A quote needs this many words to go to a nearby cue it does not hang from.
FALLBACK_WORDS = 3
#: A clause opening with a quote and this much covered by quotes is a direct quote.
QUOTED_SHARE = 0.6


def extract(
    article: str, paragraphs: Sequence[tuple[int, str]], docs: Sequence[Any | None]
) -> list[Claim]:
    """Claims of one article; ``docs[k]`` parses ``paragraphs[k]`` (None: not parsed)."""
    quotes = paragraph_quotes([text for _, text in paragraphs])
    speakers = Speakers()
    claims: list[Claim] = []
    previous: Claim | None = None
    for k, ((index, text), doc) in enumerate(zip(paragraphs, docs, strict=True)):
        if doc is None:
            speakers.note_text(text)
            previous = None
            continue
        carried = (
            previous if starts_with_quote(text) or (quotes[k] and quotes[k][0].open_start) else None
        )
        found = _paragraph(article, index, text, doc, quotes[k], speakers, carried)
        claims.extend(found)
        claims.extend(number_claims(article, index, text, doc, found))
        said = [c for c in found if c.kind != NUMBER]
        previous = said[-1] if said and said[-1].kind == QUOTE and said[-1].speaker else None
    order = {index: k for k, (index, _) in enumerate(paragraphs)}
    claims.sort(key=lambda c: (order[c.paragraph], c.start, c.kind))
    for seq, claim in enumerate(claims):
        claim.seq = seq
    return claims


def _paragraph(
    article: str,
    index: int,
    text: str,
    doc: Any,
    spans: list[QuoteSpan],
    speakers: Speakers,
    carried: Claim | None,
) -> list[Claim]:
    inside = _quote_of_tokens(doc, spans)
    cues: list[Cue] = []
    for token in doc:
        if inside[token.i] >= 0:
            continue
        if token.is_space and len(token.text) > 1:  # a sentence left out of parsing
            speakers.note_text(text[token.idx : token.idx + len(token.text)].strip())
        _note_subject(token, speakers)
        if is_cue(token):
            head = source(token)
            speaker = speakers.name(head) if head is not None else ""
            speakers.quoted(speaker)
            cues.append(Cue(token, head, speaker))
    consumed = _attach(doc, spans, inside, cues)
    claims: list[Claim] = []
    for cue in cues:
        for pieces in _pieces(cue, spans):
            claims.append(_quote_claim(article, index, text, pieces, cue))
        if cue.quotes:
            continue
        if cue.clause and cue.source is not None:
            start, end = cue.clause
            words = " ".join(text[a:b] for a, b in cue.pieces)
            claim = Claim(article, 0, STATEMENT, words, index, start, end)
            claim.parts = list(cue.pieces) if len(cue.pieces) > 1 else []
            _attribute(claim, cue, index)
            claims.append(claim)
    last = carried
    for j, span in enumerate(spans):
        owner = next((c for c in claims if c.kind == QUOTE and _covers(c, span)), None)
        if owner is not None:
            last = owner
            continue
        if j in consumed or is_title(text, span):
            continue
        claim = _quote_claim(article, index, text, [span], None)
        signed = _SIGNATURE.match(text, span.end)
        if signed:  # “...” ― Jorge Falcon
            name_at, dash_at = signed.start(2), signed.start(1)
            claim.speaker, claim.cue, claim.shape = signed.group(2), signed.group(1), AFTER
            claim.cue_span = (index, dash_at, dash_at + len(signed.group(1)))
            claim.source = (index, name_at, name_at + len(signed.group(2)))
        elif last is not None and last.speaker and _opens_sentence(text, span, j):
            claim.speaker, claim.cue, claim.shape = last.speaker, last.cue, CONTINUED
            claim.source, claim.cue_span = last.source, last.cue_span
        elif span.words(text) < STANDALONE_WORDS or last is not None and not last.speaker:
            continue
        claims.append(claim)
        last = claim
    return claims


def _note_subject(token: Any, speakers: Speakers) -> None:
    """Remember the subjects of sentences: the people and groups pronouns may point to."""
    subject = token.dep_ in ("nsubj", "nsubjpass") or (
        token.dep_ == "conj" and token.head.dep_ in ("nsubj", "nsubjpass")
    )
    if not subject:
        return
    if token.tag_ in ("NNP", "NNPS"):
        speakers.note(" ".join(t.text for t in proper_run(token)))
    elif token.tag_ in ("NNS", "NN") and token.dep_ != "conj":
        speakers.note(token.text, person=False)


def _opens_sentence(text: str, span: QuoteSpan, j: int) -> bool:
    """A quote standing as a sentence: first in its paragraph, or after a sentence's end."""
    before = text[: span.start].rstrip()
    return j == 0 and not before or (before[-1:] in '.!?:”"' and span.words(text) >= 3)


def _quote_of_tokens(doc: Any, spans: list[QuoteSpan]) -> list[int]:
    """For each token, the (last) quote span it starts in, else -1."""
    inside = [-1] * len(doc)
    if not spans:
        return inside
    starts = [token.idx for token in doc]  # ascending
    for j, span in enumerate(spans):
        first, stop = bisect_left(starts, span.start), bisect_left(starts, span.end)
        inside[first:stop] = [j] * (stop - first)
    return inside


def _attach(doc: Any, spans: list[QuoteSpan], inside: list[int], cues: list[Cue]) -> set[int]:
    """Give quotes to cues; returns quotes that are fragments of an indirect statement."""
    consumed: set[int] = set()
    for cue in cues:  # a clause mostly in quotes is a direct quote; else quotes are fragments
        if cue.clause is None:
            continue
        start, end = cue.clause
        for span in spans:  # the quote's closing marks fall outside the parsed clause
            if start <= span.start < end < span.end <= end + 3:
                end = span.end
                cue.pieces[-1] = (cue.pieces[-1][0], end)
                cue.clause = (start, end)
        held = [j for j, s in enumerate(spans) if s.start >= start - 1 and s.end <= end + 1]
        covered = sum(spans[j].end - spans[j].start for j in held)
        opens = bool(held) and spans[held[0]].start <= start + 1
        if opens and covered >= QUOTED_SHARE * (end - start):
            cue.quotes.extend(held)
        else:
            consumed.update(held)
    taken = {j for cue in cues for j in cue.quotes} | consumed
    for j, span in enumerate(spans):
        if j in taken:
            continue
        owner = _owner(doc, span, j, inside, cues)
        if owner is not None:
            owner.quotes.append(j)
    for cue in cues:
        cue.quotes.sort()
    return consumed


def _owner(doc: Any, span: QuoteSpan, j: int, inside: list[int], cues: list[Cue]) -> Any:
    tokens = [doc[i] for i, quote in enumerate(inside) if quote == j]
    if not tokens or not cues or is_title(doc.text, span):
        return None
    by_token = {cue.token.i: cue for cue in cues}
    for token in tokens:
        if inside[token.head.i] != j and token.head.i in by_token:
            return by_token[token.head.i]
    for cue in cues:
        if inside[cue.token.head.i] == j:
            return cue
    if span.words(doc.text) < FALLBACK_WORDS:
        return None  # a scare quote ("historic") near a verb is not what it reports
    sentences = {tokens[0].sent.start, tokens[-1].sent.start}
    near = [c for c in cues if c.token.sent.start in sentences]
    if not near:
        return None
    return min(near, key=lambda c: min(abs(c.token.i - tokens[0].i), abs(c.token.i - tokens[-1].i)))


def _pieces(cue: Cue, spans: list[QuoteSpan]) -> list[list[QuoteSpan]]:
    """A cue's quotes, one claim each, but a quote interrupted by the cue is one claim."""
    groups = [[spans[j]] for j in cue.quotes]
    at = cue.token.idx
    for k in range(len(groups) - 1):
        if groups[k][-1].end <= at < groups[k + 1][0].start:
            return [*groups[:k], groups[k] + groups[k + 1], *groups[k + 2 :]]
    return groups


def _quote_claim(
    article: str, index: int, text: str, parts: list[QuoteSpan], cue: Cue | None
) -> Claim:
    words = " ".join(text[a:b] for a, b in (inner(text, p) for p in parts))
    claim = Claim(article, 0, QUOTE, words, index, parts[0].start, parts[-1].end)
    claim.parts = [(p.start, p.end) for p in parts]
    if cue is not None:
        _attribute(claim, cue, index)
        at = cue.token.idx
        if at < parts[0].start:
            claim.shape = BEFORE
        elif at > parts[-1].end:
            claim.shape = AFTER
        else:
            claim.shape = INSIDE
    return claim


def _attribute(claim: Claim, cue: Cue, index: int) -> None:
    claim.speaker, claim.cue, claim.cue_span = cue.speaker, cue.text, cue.span(index)
    if cue.source is not None:
        tokens = list(cue.source.subtree)  # as written, with appositions and clauses
        span = trimmed(tokens, least=1)
        if span is not None:
            claim.source = (index, *span)
    if claim.shape == NONE and claim.kind == STATEMENT:
        claim.shape = BEFORE if cue.token.idx < claim.start else AFTER


def _covers(claim: Claim, span: QuoteSpan) -> bool:
    return any(a == span.start and b == span.end for a, b in claim.parts)
