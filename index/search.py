"""Search a library: ranked article hits with their best paragraph, snippets, facets, spelling."""

from __future__ import annotations

import math
import re
import threading
from collections import Counter, OrderedDict
from dataclasses import asdict, dataclass, field
from typing import Any

from whoosh import query as wq

from index.columns import per_searcher, segment_outlets
from index.highlight import make_snippet, matched_words, term_spans
from index.library import Library
from index.matchset import Segment, segments
from index.model import READING_ROLES, Article
from index.query import SEARCH_FIELDS, STOP_WORDS, ParsedQuery, parse_query
from index.ranking import top_hits
from index.spelling import suggest as suggest_word

_RAW_WORD = re.compile(r"(?<![\w:])([A-Za-z][A-Za-z'’-]{2,})(?![\w:*?])")
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}
#: Parsed queries (and spelling suggestions) kept per searcher.
PARSED_KEPT = 256
_PARSED_LOCK = threading.Lock()


@dataclass(slots=True)
class Hit:
    """One article that matched, with the paragraph that matched best."""

    article_id: str
    title: str
    outlet: str
    date: str
    score: float
    paragraph: int
    snippet: str
    highlights: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class SearchResult:
    query: str
    total: int
    suggestion: str
    facets: dict[str, dict[str, int]]
    hits: list[Hit]
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for hit in data["hits"]:
            hit["highlights"] = [list(span) for span in hit["highlights"]]
        return data


def search(
    library: Library, text: str, *, limit: int = 10, outlet: str = "", suggest: bool = True
) -> SearchResult:
    """Run ``text`` against the library; ``outlet`` narrows to one outlet (exact name).

    ``suggest`` looks for spelling corrections when little is found (off while typing).
    """
    library.ensure_index()
    text = text.strip()
    if not text:
        return SearchResult(text, 0, "", {"outlet": {}}, [])
    searcher = library.index.searcher()
    parsed = _parse(searcher, text)
    query = parsed.query
    if query is wq.NullQuery:
        return SearchResult(text, 0, "", {"outlet": {}}, [], parsed.note)
    segs = segments(searcher)
    facets = _outlet_counts(searcher, segs, query)
    if outlet:
        query = wq.And([query, wq.Term("outlet_facet", outlet)])
    total = facets.get(outlet, 0) if outlet else sum(facets.values())
    top = _top(searcher, query, segs, limit) if total and limit > 0 else []
    ids = [searcher.stored_fields(docnum)["id"] for _, docnum in top]
    scores = {article_id: score for article_id, (score, _) in zip(ids, top, strict=True)}
    articles = library.store.get_many(ids)
    terms = _query_words(query)
    idf = _idf(searcher, terms)
    hits = [_hit(a, scores[a.id], terms, idf) for a in articles]
    suggestion = _suggest(text, searcher, library) if suggest and total < 3 else ""
    return SearchResult(text, total, suggestion, {"outlet": facets}, hits, parsed.note)


def highlight_paragraphs(
    library: Library, article: Article, text: str
) -> dict[int, list[tuple[int, int]]]:
    """Spans of the query's words in each paragraph of ``article`` (only those with hits)."""
    library.ensure_index()
    searcher = library.index.searcher()
    terms = _query_words(parse_query(text, searcher.schema, searcher.reader()).query)
    spans = {p.index: term_spans(p.text, terms) for p in article.paragraphs}
    return {index: found for index, found in spans.items() if found}


def _parse(searcher: Any, text: str) -> ParsedQuery:
    """The parsed query, kept per searcher (typing repeats queries; prefixes cost ~10 ms)."""
    cache = per_searcher(searcher).setdefault("parsed", OrderedDict())
    with _PARSED_LOCK:  # the reader's screen and the search worker may both ask
        if text in cache:
            cache.move_to_end(text)
            return cache[text]  # type: ignore[no-any-return]
    parsed = parse_query(text, searcher.schema, searcher.reader())
    with _PARSED_LOCK:
        cache[text] = parsed
        if len(cache) > PARSED_KEPT:
            cache.popitem(last=False)
    return parsed


def _outlet_counts(searcher: Any, segs: list[Segment], query: Any) -> dict[str, int]:
    """Matches per outlet over all hits, read from the outlet column (no scoring)."""
    counts: Counter[str] = Counter()
    for number, seg in enumerate(segs):
        docs = seg.docs(query)
        if docs:
            counts.update(map(segment_outlets(searcher, number).__getitem__, docs))
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _top(searcher: Any, query: Any, segs: list[Segment], limit: int) -> list[tuple[float, int]]:
    """(score, document number) of the best ``limit`` hits, best first, as Whoosh ranks."""
    hits = top_hits(searcher, query, segs, limit)
    if hits is None:  # a query the bulk scorer cannot score: let Whoosh rank it
        return [(float(s), d) for s, d in searcher.search(query, limit=limit).top_n]
    return hits


def _query_words(query: Any) -> set[str]:
    """The stemmed words the query looks for in text fields (not NOT-ed ones)."""
    words: set[str] = set()

    def walk(q: Any) -> None:
        if isinstance(q, wq.Not):
            return
        if isinstance(q, wq.Term) and q.fieldname in SEARCH_FIELDS:
            words.add(str(q.text))
        elif isinstance(q, wq.Phrase) and q.fieldname in SEARCH_FIELDS:
            words.update(str(w) for w in q.words)
        for child in q.children() if hasattr(q, "children") else ():
            walk(child)

    walk(query)
    return words


def _idf(searcher: Any, terms: set[str]) -> dict[str, float]:
    """How rare each query word is in body text, for choosing the best paragraph.

    Kept per searcher: a prefix's dozens of words cost one lookup per segment each.
    """
    n = max(1, searcher.doc_count())
    kept = per_searcher(searcher).setdefault("body_idf", {})
    for t in terms - kept.keys():
        kept[t] = math.log(1 + n / (1 + searcher.doc_frequency("body", t)))
    return {t: kept[t] for t in terms}


def _hit(article: Article, score: float, terms: set[str], idf: dict[str, float]) -> Hit:
    best_index, best_score, best_spans = _best_paragraph(article, terms, idf)
    paragraph = next((p for p in article.paragraphs if p.index == best_index), None)
    if paragraph is None:
        return Hit(article.id, article.title, article.outlet, article.date, score, -1, "", [])
    snippet, spans = make_snippet(paragraph.text, best_spans)
    return Hit(
        article.id, article.title, article.outlet, article.date, score, best_index, snippet, spans
    )


def _best_paragraph(
    article: Article, terms: set[str], idf: dict[str, float]
) -> tuple[int, float, list[tuple[int, int]]]:
    """The reading paragraph with the most (idf-weighted, distinct-first) query words."""
    best: tuple[int, float, list[tuple[int, int]]] = (-1, -1.0, [])
    for p in article.paragraphs:
        if p.role not in READING_ROLES:
            continue
        matches = matched_words(p.text, terms)
        found = {stem for _, _, stem in matches}
        score = sum(idf.get(t, 0.0) for t in found) * 2 + 0.1 * len(matches)
        if score > best[1]:
            best = (p.index, score, [(start, end) for start, end, _ in matches])
    return best


def _suggest(text: str, searcher: Any, library: Library) -> str:
    """The query with unknown words replaced by the closest known ones, or ''."""
    changed = False

    def replace(match: re.Match[str]) -> str:
        nonlocal changed
        word = match.group(1)
        if word in _OPERATORS or word.lower() in STOP_WORDS:
            return word
        kept = per_searcher(searcher).setdefault("suggested", {})
        if word not in kept:  # ~90 ms a word on 30k articles; typing repeats words
            if len(kept) >= PARSED_KEPT:
                kept.clear()
            kept[word] = suggest_word(searcher, library.store, word)
        better = kept[word]
        if better and better != word.lower():
            changed = True
            return better
        return word

    suggestion = _RAW_WORD.sub(replace, text)
    return suggestion if changed else ""


__all__ = ["Hit", "SearchResult", "highlight_paragraphs", "make_snippet", "search"]
