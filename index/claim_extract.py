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
from collections.abc import Sequence
from typing import Any

from index.claim_cues import CUE_FORMS, THINKING_FORMS
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
from index.claim_quotes import QuoteSpan, inner, paragraph_quotes, starts_with_quote
from index.claim_speakers import Speakers, proper_run, source_span

_TRIGGER = re.compile(
    r"[\"“”«»]|\d|\b(?:according|" + "|".join(sorted(CUE_FORMS)) + r")\b", re.IGNORECASE
)
#: An unattributed quote this long (in words) is a claim of its own, not a scare quote.
STANDALONE_WORDS = 5
#: A quote needs this many words to go to a nearby cue it does not hang from.
FALLBACK_WORDS = 3
#: A clause this much covered by quotes is a direct quote rather than a paraphrase.
QUOTED_SHARE = 0.6


def needs_parse(text: str) -> bool:
    """Whether a paragraph can hold a claim (quote marks, a digit or a reporting verb)."""
    return bool(_TRIGGER.search(text))


class _Cue:
    """A reporting verb with its source head, speaker and clause (character span)."""

    def __init__(self, token: Any, source: Any | None, speaker: str) -> None:
        self.token = token
        self.source = source
        self.speaker = speaker
        self.pieces = _clause(token)
        self.clause = (self.pieces[0][0], self.pieces[-1][1]) if self.pieces else None
        self.quotes: list[int] = []

    @property
    def text(self) -> str:
        return "according to" if self.token.lower_ == "according" else self.token.text

    def span(self, paragraph: int) -> tuple[int, int, int]:
        end = self.token.idx + len(self.token.text)
        if self.token.lower_ == "according":
            end += 3
        return (paragraph, self.token.idx, end)


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
    cues: list[_Cue] = []
    for token in doc:
        if inside[token.i] >= 0:
            continue
        _note_subject(token, speakers)
        if _is_cue(token):
            source = _source(token)
            speaker = speakers.name(source) if source is not None else ""
            speakers.quoted(speaker)
            cues.append(_Cue(token, source, speaker))
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
        if j in consumed:
            continue
        claim = _quote_claim(article, index, text, [span], None)
        if last is not None and last.speaker and _opens_sentence(text, span, j):
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
    inside = [-1] * len(doc)
    for j, span in enumerate(spans):
        for token in doc:
            if span.start <= token.idx < span.end:
                inside[token.i] = j
    return inside


def _is_cue(token: Any) -> bool:
    word = token.lower_
    if word == "according":  # not when it backs up another cue ("said, according to a video")
        follows = token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"
        return follows and (token.head.lower_ == "according" or not _is_cue(token.head))
    if word not in CUE_FORMS or not token.tag_.startswith("VB"):
        return False
    return word not in THINKING_FORMS or any(c.dep_ == "ccomp" for c in token.children)


def _source(cue: Any, depth: int = 0) -> Any | None:
    """The head of the source phrase of a cue."""
    if cue.lower_ == "according":
        to = cue.doc[cue.i + 1]
        return next((c for c in to.children if c.dep_ == "pobj"), None)
    for child in cue.children:
        if child.dep_ == "nsubj":
            return child
    for child in cue.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if cue.dep_ == "acl" and cue.tag_ == "VBG" and cue.head.tag_.startswith("NN"):
        return cue.head
    if depth < 2 and cue.dep_ in ("advcl", "conj", "xcomp") and cue.head.tag_.startswith("VB"):
        return _source(cue.head, depth + 1)
    return None


def _clause(cue: Any) -> list[tuple[int, int]]:
    """Characters of what the cue reports (one or two pieces): its clausal complement, or
    the clause it interrupts ("The museum, Mr. Obama said, would ...") or backs up
    ("according to")."""
    for child in cue.children:
        if child.dep_ == "ccomp" and any(c.dep_ in _CLAUSE_MARKS for c in child.children):
            after = child.i > cue.i
            return _pieces_of([t for t in child.subtree if (t.i > cue.i) == after])
    head = cue.head
    if cue.lower_ == "according" or (cue.dep_ == "parataxis" and head.tag_.startswith("VB")):
        outside = cue.left_edge.i, cue.right_edge.i
        rest = [t for t in head.subtree if not outside[0] <= t.i <= outside[1]]
        before = _pieces_of([t for t in rest if t.i < cue.i])
        after = _pieces_of([t for t in rest if t.i > cue.i])
        if cue.lower_ == "according":
            return after if len(after) >= len(before) else before
        return before + after if after else []
    return []


def _pieces_of(tokens: list[Any]) -> list[tuple[int, int]]:
    span = _trimmed(tokens)
    return [span] if span else []


_CLAUSE_MARKS = {"nsubj", "nsubjpass", "expl", "csubj", "mark"}


def _trimmed(tokens: list[Any]) -> tuple[int, int] | None:
    while tokens and tokens[0].is_punct and tokens[0].text not in '"“':
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in '"”':
        tokens = tokens[:-1]
    if len(tokens) < 3:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _attach(doc: Any, spans: list[QuoteSpan], inside: list[int], cues: list[_Cue]) -> set[int]:
    """Give quotes to cues; returns quotes that are fragments of an indirect statement."""
    consumed: set[int] = set()
    for cue in cues:  # a clause mostly in quotes is a direct quote; else quotes are fragments
        if cue.clause is None:
            continue
        start, end = cue.clause
        held = [j for j, s in enumerate(spans) if s.start >= start - 1 and s.end <= end + 1]
        covered = sum(spans[j].end - spans[j].start for j in held)
        if held and covered >= QUOTED_SHARE * (end - start):
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


def _owner(doc: Any, span: QuoteSpan, j: int, inside: list[int], cues: list[_Cue]) -> Any:
    tokens = [t for t in doc if inside[t.i] == j]
    if not tokens or not cues:
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


def _pieces(cue: _Cue, spans: list[QuoteSpan]) -> list[list[QuoteSpan]]:
    """A cue's quotes, one claim each, but a quote interrupted by the cue is one claim."""
    groups = [[spans[j]] for j in cue.quotes]
    at = cue.token.idx
    for k in range(len(groups) - 1):
        if groups[k][-1].end <= at < groups[k + 1][0].start:
            return [*groups[:k], groups[k] + groups[k + 1], *groups[k + 2 :]]
    return groups


def _quote_claim(
    article: str, index: int, text: str, parts: list[QuoteSpan], cue: _Cue | None
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


def _attribute(claim: Claim, cue: _Cue, index: int) -> None:
    claim.speaker, claim.cue, claim.cue_span = cue.speaker, cue.text, cue.span(index)
    if cue.source is not None:
        first, last = source_span(cue.source)
        if cue.source.tag_ in ("PRP", "WP", "WDT"):
            first = last = cue.source.i
        doc = cue.source.doc
        claim.source = (index, doc[first].idx, doc[last].idx + len(doc[last].text))
    if claim.shape == NONE and claim.kind == STATEMENT:
        claim.shape = BEFORE if cue.token.idx < claim.start else AFTER


def _covers(claim: Claim, span: QuoteSpan) -> bool:
    return any(a == span.start and b == span.end for a, b in claim.parts)
