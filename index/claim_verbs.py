"""Reporting verbs (cues) in a parsed paragraph: their source and what they report.

A cue is a reporting verb outside any quotation ("said", "told", "believes that", "pledged
to", "criticized X as", "according to"). Its source is its subject, or the subject of the
verb it hangs from ("..., adding that"), or the object of "according to". What it reports
is its clausal complement (which must have a subject or "that"), the "to" complement of a
verb of intent, the object of a verb of judgement, or the clause it interrupts
("The museum, Mr. Obama said, would ...").
"""

from __future__ import annotations

from typing import Any

from index.claim_cues import CUE_FORMS, INTENT_FORMS, OBJECT_FORMS, THINKING_FORMS

_OBJECT_EXTRA = {"prep", "oprd", "xcomp", "advcl"}
_NOT_CLAIMS = {"PRP", "DT", "WP", "WDT", "EX"}  # "what it called ...", "denied it"
_CLAUSE_MARKS = {"nsubj", "nsubjpass", "expl", "csubj", "mark"}


class Cue:
    """A reporting verb with its source head, speaker and clause (character span)."""

    def __init__(self, token: Any, source: Any | None, speaker: str) -> None:
        self.token = token
        self.source = source
        self.speaker = speaker
        self.pieces = clause(token)
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


def is_cue(token: Any) -> bool:
    word = token.lower_
    if word == "according":  # not when it backs up another cue ("said, according to a video")
        follows = token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"
        return follows and (token.head.lower_ == "according" or not is_cue(token.head))
    if word not in CUE_FORMS or not token.tag_.startswith("VB"):
        return False
    if word in THINKING_FORMS:
        complements = ("ccomp", "xcomp") if word in INTENT_FORMS else ("ccomp",)
        return any(c.dep_ in complements for c in token.children)
    return True


def source(cue: Any, depth: int = 0) -> Any | None:
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
        return source(cue.head, depth + 1)
    return None


def clause(cue: Any) -> list[tuple[int, int]]:
    """Characters of what the cue reports (one or two pieces): its clausal complement, or
    the clause it interrupts ("The museum, Mr. Obama said, would ...") or backs up
    ("according to")."""
    for child in cue.children:
        if child.dep_ == "ccomp" and any(c.dep_ in _CLAUSE_MARKS for c in child.children):
            after = child.i > cue.i
            return _pieces_of([t for t in child.subtree if (t.i > cue.i) == after])
    if cue.lower_ in INTENT_FORMS:
        for child in cue.children:
            if child.dep_ == "xcomp" and child.i > cue.i:
                return _pieces_of(list(child.subtree))
    if cue.lower_ in OBJECT_FORMS:
        objects = [c for c in cue.children if c.dep_ == "dobj" and c.tag_ not in _NOT_CLAIMS]
        if objects:
            extra = [c for c in cue.children if c.i > objects[0].i and c.dep_ in _OBJECT_EXTRA]
            last = max([objects[0], *extra], key=lambda t: t.right_edge.i).right_edge.i
            return _pieces_of([t for t in cue.doc[objects[0].left_edge.i : last + 1]])
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
    span = trimmed(tokens)
    return [span] if span else []


def trimmed(tokens: list[Any], least: int = 3) -> tuple[int, int] | None:
    while tokens and tokens[0].is_punct and tokens[0].text not in '"“':
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in '"”':
        tokens = tokens[:-1]
    if len(tokens) < least:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
