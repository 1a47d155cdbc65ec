"""Parse what a person types into a safe, bounded Whoosh query.

Any string is accepted: syntax Whoosh cannot parse falls back to plain terms. Prefix and
wildcard terms expand to a bounded number of index terms (unbounded expansion took seconds
to minutes on 130k articles), and wildcards need a literal start of at least two letters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from whoosh import query as wq
from whoosh.qparser import MultifieldParser
from whoosh.qparser.dateparse import DateParserPlugin

from index.query_dates import exact_date_clauses

MAX_EXPANSION = 64
MIN_WILDCARD_PREFIX = 2
SEARCH_FIELDS = ("title", "body", "extra")
FIELD_ALIASES = {"site": "outlet", "source": "outlet", "by": "author", "headline": "title"}
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
    ]
)

_SYNTAX = re.compile(r"""[()\[\]{}"^~:*?+\-!\\/]""")
_USER_FIELD = re.compile(r"\b([A-Za-z_]+):")


@dataclass(slots=True)
class ParsedQuery:
    """The Whoosh query, plus a note when the text had to be read as plain words."""

    query: Any
    note: str = ""


def make_parser(schema: Any) -> MultifieldParser:
    parser = MultifieldParser(list(SEARCH_FIELDS), schema=schema)
    parser.add_plugin(DateParserPlugin(free=False))
    return parser


def parse_query(text: str, schema: Any, reader: Any) -> ParsedQuery:
    """Parse ``text``; bad syntax becomes plain terms, never an exception."""
    text = _USER_FIELD.sub(lambda m: FIELD_ALIASES.get(m.group(1).lower(), m.group(1)) + ":", text)
    text = exact_date_clauses(text)
    note = ""
    try:
        query = make_parser(schema).parse(text)
        if _has_errors(query):
            raise ValueError("syntax")
    except Exception:  # noqa: BLE001 - whoosh raises many types for odd input
        query, note = _plain_terms(text, schema), "read as plain words"
    query, bound_note = _bound(query, reader)
    query = _drop_stop_words(query)
    return ParsedQuery(query=query.normalize(), note=note or bound_note)


def _plain_terms(text: str, schema: Any) -> Any:
    words = _SYNTAX.sub(" ", text)
    try:
        return MultifieldParser(list(SEARCH_FIELDS), schema=schema).parse(
            " ".join(w for w in words.split() if w.upper() not in {"AND", "OR", "NOT", "ANDNOT"})
        )
    except Exception:  # noqa: BLE001
        return wq.NullQuery


def _has_errors(query: Any) -> bool:
    return any(
        isinstance(q, wq.Query) and q.__class__.__name__ == "ErrorQuery" for q in _walk(query)
    )


def _walk(query: Any) -> list[Any]:
    found = [query]
    if hasattr(query, "children"):
        for child in query.children():
            found.extend(_walk(child))
    return found


def _bound(query: Any, reader: Any) -> tuple[Any, str]:
    """Replace prefix, wildcard, range and fuzzy queries with an Or of at most MAX_EXPANSION
    terms."""
    notes: list[str] = []

    def fix(q: Any) -> Any:
        if isinstance(q, wq.Prefix | wq.Wildcard):
            return _expand(q, reader, notes)
        if isinstance(q, wq.TermRange | wq.FuzzyTerm | wq.Regex):
            return _expand_terms(q, reader, notes)
        if isinstance(q, wq.BinaryQuery):  # ANDNOT, ANDMAYBE, REQUIRE: before CompoundQuery
            return q.__class__(fix(q.a), fix(q.b))
        if isinstance(q, wq.CompoundQuery):
            return q.__class__([fix(c) for c in q.subqueries], boost=q.boost)
        if isinstance(q, wq.Not):
            return wq.Not(fix(q.query))
        return q

    return fix(query), "; ".join(dict.fromkeys(notes))


def _expand(q: Any, reader: Any, notes: list[str]) -> Any:
    text = q.text
    if isinstance(q, wq.Wildcard):
        literal = re.split(r"[*?]", text, maxsplit=1)[0]
        if len(literal) < MIN_WILDCARD_PREFIX:
            notes.append(f"wildcards need {MIN_WILDCARD_PREFIX} leading letters: {text!r} ignored")
            return wq.NullQuery
        pattern = re.compile(re.escape(text).replace(r"\*", ".*").replace(r"\?", ".") + "$")
        candidates = (t for t in _prefix_terms(reader, q.fieldname, literal) if pattern.match(t))
    else:
        candidates = iter(_prefix_terms(reader, q.fieldname, text))
    return _bounded_or(q, candidates, repr(text), reader, notes)


def _expand_terms(q: Any, reader: Any, notes: list[str]) -> Any:
    """A term range or fuzzy term as an Or of at most MAX_EXPANSION of its terms."""
    if q.fieldname not in reader.schema:
        return wq.NullQuery
    texts = (t.decode("utf-8") if isinstance(t, bytes) else t for t in q._btexts(reader))
    return _bounded_or(q, texts, str(q), reader, notes)  # a generator: read only as needed


def _bounded_or(
    q: Any, candidates: Iterator[str], label: str, reader: Any, notes: list[str]
) -> Any:
    """An Or of at most MAX_EXPANSION of ``candidates`` (the most common), noted when cut."""
    terms = list(islice(candidates, MAX_EXPANSION * 4 + 1))
    if len(terms) > MAX_EXPANSION:
        notes.append(f"{label} matches many words; using the {MAX_EXPANSION} most common")
        terms.sort(key=lambda t: -reader.doc_frequency(q.fieldname, t))
        terms = terms[:MAX_EXPANSION]
    if not terms:
        return wq.NullQuery
    return wq.Or([wq.Term(q.fieldname, t) for t in terms], boost=q.boost)


def _prefix_terms(reader: Any, fieldname: str, prefix: str) -> Any:
    if fieldname not in reader.schema:
        return iter(())
    return (
        t.decode("utf-8") if isinstance(t, bytes) else t
        for t in reader.expand_prefix(fieldname, prefix)
    )


def _drop_stop_words(query: Any) -> Any:
    """Drop stop-word terms from AND/OR groups (phrases keep them, so phrases stay exact)."""
    if isinstance(query, wq.BinaryQuery):
        return query.__class__(_drop_stop_words(query.a), _drop_stop_words(query.b))
    if isinstance(query, wq.CompoundQuery):
        kept = [_drop_stop_words(c) for c in query.subqueries if not _is_stop(c)]
        return query.__class__(kept or list(query.subqueries), boost=query.boost)
    return query


def _is_stop(q: Any) -> bool:
    if isinstance(q, wq.Term):
        return str(q.text) in STOP_WORDS
    if isinstance(q, wq.Or) and q.subqueries:  # a word searched over several fields
        return all(isinstance(c, wq.Term) and str(c.text) in STOP_WORDS for c in q.subqueries)
    return False
