"""Search a library: ranked article hits with their best paragraph, snippets, facets, spelling."""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from whoosh import query as wq

from index.library import Library
from index.model import READING_ROLES, Article
from index.query import SEARCH_FIELDS, STOP_WORDS, parse_query
from index.search_index import stemming_analyzer

SNIPPET_CHARS = 220
_RAW_WORD = re.compile(r"(?<![\w:])([A-Za-z][A-Za-z'’-]{2,})(?![\w:*?])")
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}


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


def search(library: Library, text: str, *, limit: int = 10, outlet: str = "") -> SearchResult:
    """Run ``text`` against the library; ``outlet`` narrows to one outlet (exact name)."""
    library.ensure_index()
    text = text.strip()
    if not text:
        return SearchResult(text, 0, "", {"outlet": {}}, [])
    searcher = library.index.searcher()
    parsed = parse_query(text, searcher.schema, searcher.reader())
    query = parsed.query
    if query is wq.NullQuery:
        return SearchResult(text, 0, "", {"outlet": {}}, [], parsed.note)
    facets = _outlet_counts(searcher, query)
    if outlet:
        query = wq.And([query, wq.Term("outlet_facet", outlet)])
    results = searcher.search(query, limit=max(1, limit), terms=True)
    total = len(results) if outlet else sum(facets.values())
    ids = [r["id"] for r in results]
    scores = {r["id"]: float(r.score) for r in results}
    articles = library.store.get_many(ids)
    terms = _query_words(query)
    hits = [_hit(a, scores[a.id], terms, searcher) for a in articles]
    suggestion = _suggest(text, searcher) if total < 3 else ""
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


def _outlet_counts(searcher: Any, query: Any) -> dict[str, int]:
    """Matches per outlet over all hits, read from the outlet column (no scoring)."""
    docnums = searcher.docs_for_query(query)
    counts: dict[str, int] = {}
    column = searcher.reader().column_reader("outlet_facet", translate=True)
    for docnum in docnums:
        name = column[docnum]
        counts[name] = counts.get(name, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


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


def _hit(article: Article, score: float, terms: set[str], searcher: Any) -> Hit:
    best_index, best_score, best_spans = _best_paragraph(article, terms, searcher)
    paragraph = next((p for p in article.paragraphs if p.index == best_index), None)
    if paragraph is None:
        return Hit(article.id, article.title, article.outlet, article.date, score, -1, "", [])
    snippet, spans = make_snippet(paragraph.text, best_spans)
    return Hit(
        article.id, article.title, article.outlet, article.date, score, best_index, snippet, spans
    )


def term_spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """Character spans of the words in ``text`` whose stems are in ``terms``."""
    if not terms:
        return []
    return [
        (t.startchar, t.endchar)
        for t in stemming_analyzer()(text, chars=True, mode="index")
        if t.text in terms
    ]


def _best_paragraph(
    article: Article, terms: set[str], searcher: Any
) -> tuple[int, float, list[tuple[int, int]]]:
    """The reading paragraph with the most (idf-weighted, distinct-first) query words."""
    n = max(1, searcher.doc_count())
    idf = {t: math.log(1 + n / (1 + searcher.doc_frequency("body", t))) for t in terms}
    best: tuple[int, float, list[tuple[int, int]]] = (-1, -1.0, [])
    for p in article.paragraphs:
        if p.role not in READING_ROLES:
            continue
        spans = term_spans(p.text, terms)
        found = {_stem_at(p.text, s) for s in spans}
        score = sum(idf.get(t, 0.0) for t in found) * 2 + 0.1 * len(spans)
        if score > best[1]:
            best = (p.index, score, spans)
    return best


def _stem_at(text: str, span: tuple[int, int]) -> str:
    return next(iter(t.text for t in stemming_analyzer()(text[span[0] : span[1]])), "")


def make_snippet(
    text: str, spans: list[tuple[int, int]], width: int = SNIPPET_CHARS
) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``text`` around its densest run of hits, with spans shifted to match."""
    if len(text) <= width:
        return text, spans
    start = 0
    if spans:
        best_count = -1
        for first in spans:
            count = sum(1 for s in spans if first[0] <= s[0] and s[1] <= first[0] + width)
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


def _suggest(text: str, searcher: Any) -> str:
    """The query with unknown words replaced by the closest known ones, or ''."""
    reader = searcher.reader()
    corrector = None
    changed = False

    def replace(match: re.Match[str]) -> str:
        nonlocal corrector, changed
        word = match.group(1)
        lower = word.lower()
        if word in _OPERATORS or lower in STOP_WORDS or reader.doc_frequency("words", lower):
            return word
        corrector = corrector or searcher.corrector("words")
        options = corrector.suggest(lower, limit=1, maxdist=2)
        if options:
            changed = True
            return options[0]
        return word

    suggestion = _RAW_WORD.sub(replace, text)
    return suggestion if changed else ""


__all__ = ["Hit", "SearchResult", "make_snippet", "search", "term_spans"]
