"""The fast search path against Whoosh's own answers, on a library of several segments.

Matches, totals and facets must equal Whoosh's ``docs_for_query``; the ranking must equal
Whoosh's unoptimised one (every match scored); block skipping must not change the top hits.
"""

from __future__ import annotations

import pickle
import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from whoosh import query as wq

from index.columns import per_searcher
from index.library import Library
from index.matchset import segments
from index.postings import _decode_ids, _decode_weights, read_postings
from index.query import parse_query
from index.ranking import top_hits
from index.search import search
from index.search_index import article_document
from tests.helpers import make_article

WORDS = [
    "oil",
    "price",
    "market",
    "bank",
    "trade",
    "rate",
    "dollar",
    "wheat",
    "corn",
    "election",
    "vote",
    "minister",
]
FILLER = [
    "the",
    "a",
    "of",
    "said",
    "new",
    "year",
    "first",
    "last",
    "week",
    "month",
    "report",
    "today",
]
OUTLETS = ["Reuters", "BBC News", "AP", "UPI", "Press TV"]
QUERIES = [
    "oil",
    "said",
    "oil price",
    "oil AND price",
    "wheat OR corn OR vote",
    "oil NOT bank",
    "oil ANDNOT bank",
    "oil ANDMAYBE bank",
    '"interest rates"',
    '"prime minister" election',
    '"rate oil"~3',
    "elect* OR minist*",
    "title:bank",
    "outlet:reuters",
    "outlet:bbc election",
    "oil date:[20240301 to 20240331]",
    "NOT oil",
    "(oil OR corn)^2 market",
    "zzzz",
]


def _text(rng: random.Random, length: int) -> str:
    words = []
    for _ in range(length):
        roll = rng.random()
        if roll < 0.05:
            words += rng.choice([["interest", "rates"], ["prime", "minister"]])
        elif roll < 0.45:
            words.append(rng.choice(WORDS))
        else:
            words.append(rng.choice(FILLER))
    return " ".join(words).capitalize() + "."


@pytest.fixture(scope="module")
def segmented(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """~900 articles in four segments, some replaced (deleted in their first segment)."""
    rng = random.Random(7)
    lib = Library(Path(tmp_path_factory.mktemp("segmented")))
    articles = [
        make_article(
            _text(rng, 6),
            [_text(rng, rng.randint(5, 120)) for _ in range(rng.randint(1, 4))],
            outlet=rng.choice(OUTLETS),
            date=f"2024-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}",
            article_id=f"a{i:04d}",
        )
        for i in range(900)
    ]
    replaced = [
        make_article(_text(rng, 5), [_text(rng, 40)], outlet="AP", article_id=a.id)
        for a in articles[::9]
    ]
    lib.store.save_many(articles)
    lib.store.save_many(replaced)
    lib.index.open()
    for batch in (articles[:400], articles[400:700], articles[700:], replaced):
        writer = lib.index.ix.writer()
        for article in batch:
            writer.update_document(**article_document(article))
        writer.commit(merge=False)
    lib.store.dequeue(lib.store.queued())
    yield lib
    lib.close()


def _parsed(lib: Library, text: str) -> tuple[object, object]:
    searcher = lib.index.searcher()
    return searcher, parse_query(text, searcher.schema, searcher.reader()).query


def test_library_has_segments_and_deletions(segmented: Library) -> None:
    searcher = segmented.index.searcher()
    assert len(searcher.leaf_searchers()) >= 3
    assert searcher.reader().has_deletions()


def test_postings_read_blockwise_equal_whooshs(segmented: Library) -> None:
    searcher = segmented.index.searcher()
    blocks = 0
    for leaf, _ in searcher.leaf_searchers():
        reader = leaf.reader()
        deleted = frozenset(d for d in range(reader.doc_count_all()) if reader.is_deleted(d))
        for fieldname, text in [("body", b"oil"), ("body", b"said"), ("title", b"bank")]:
            matcher = reader.postings(fieldname, text)  # skips deleted documents
            expected = []
            while matcher.is_active():
                expected.append((matcher.id(), matcher.weight()))
                matcher.next()
            postings = read_postings(reader, fieldname, text, deleted)
            pairs = [p for b in postings.blocks for p in zip(b.ids, b.weights(), strict=True)]
            assert [p for p in pairs if p[0] not in deleted] == expected
            assert postings.docs == {d for d, _ in expected}
        blocks = max(blocks, len(read_postings(reader, "body", b"said", deleted).blocks))
    assert blocks > 1


@pytest.mark.parametrize("text", QUERIES)
def test_matches_totals_and_facets_equal_whoosh(segmented: Library, text: str) -> None:
    searcher, query = _parsed(segmented, text)
    expected = set(searcher.docs_for_query(query))  # type: ignore[attr-defined]
    found = {seg.offset + d for seg in segments(searcher) for d in seg.docs(query)}
    assert found == expected
    stored = (segmented.get(searcher.stored_fields(d)["id"]) for d in expected)  # type: ignore[attr-defined]
    outlets = Counter(a.outlet for a in stored if a is not None)
    result = search(segmented, text, limit=5)
    assert result.total == len(expected)
    assert result.facets["outlet"] == dict(outlets)


@pytest.mark.parametrize("text", QUERIES)
def test_ranking_equals_whooshs_unoptimised_one(segmented: Library, text: str) -> None:
    searcher, query = _parsed(segmented, text)
    everything = 10**6
    ranked = top_hits(searcher, query, segments(searcher), everything)
    if ranked is None:  # a query the bulk scorer leaves to Whoosh
        assert isinstance(query, wq.CompoundQuery) and query.boost != 1.0 or "^" in text
        return
    whoosh = searcher.search(query, limit=None).top_n  # type: ignore[attr-defined]
    assert [d for _, d in ranked] == [d for _, d in whoosh]
    assert [s for s, _ in ranked] == pytest.approx([s for s, _ in whoosh], rel=1e-12)
    for limit in (1, 3, 10):  # block skipping keeps exactly the best ones
        assert top_hits(searcher, query, segments(searcher), limit) == ranked[:limit]


@pytest.mark.parametrize("text", ["oil", '"interest rates"', "(oil OR corn)^2 market"])
def test_search_hits_follow_the_ranking(segmented: Library, text: str) -> None:
    searcher, query = _parsed(segmented, text)
    whoosh = searcher.search(query, limit=5)  # type: ignore[attr-defined]
    hits = search(segmented, text, limit=5).hits
    assert [h.article_id for h in hits] == [r["id"] for r in whoosh]
    assert [h.score for h in hits] == pytest.approx([r.score for r in whoosh], rel=1e-12)


def test_outlet_filter_total_is_that_outlets_count(segmented: Library) -> None:
    everything = search(segmented, "oil", limit=0)
    narrowed = search(segmented, "oil", outlet="UPI", limit=50)
    assert narrowed.total == everything.facets["outlet"]["UPI"]
    assert {h.outlet for h in narrowed.hits} == {"UPI"}
    assert narrowed.facets == everything.facets


def test_unexpected_block_layouts_fall_back_to_unpickling() -> None:
    ids, weights = (3, 1, 4), (1.5, 2.0, 0.5)  # ids stored as gaps
    data = pickle.dumps((ids, weights, (b"x", b"y", b"z")), protocol=4)
    assert _decode_ids(data, 0, 3) == (3, 4, 8)
    assert _decode_weights(data, 0, 3) == weights


def test_kept_postings_are_reused_and_bounded(
    segmented: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    import index.matchset as matchset

    searcher = segmented.index.searcher()
    first = segments(searcher)[0].postings("body", "oil")
    assert segments(searcher)[0].postings("body", "oil") is first  # kept across searches
    monkeypatch.setattr(matchset, "KEPT_POSTINGS", 4 * len(first.docs))
    kept = per_searcher(searcher)
    kept.pop("postings"), kept.pop("postings_size")  # start empty under the small bound
    for text in QUERIES:
        expected = search(segmented, text, limit=5)
        again = search(segmented, text, limit=5)  # served from kept postings
        assert again.total == expected.total and again.hits == expected.hits
    assert kept["postings_size"] <= matchset.KEPT_POSTINGS
    assert sum(len(p.docs) for p in kept["postings"].values()) == kept["postings_size"]


def test_kept_postings_end_with_their_searcher(tmp_path: Path) -> None:
    lib = Library(tmp_path)
    lib.store.save_many([make_article("Oil prices", ["Oil rose."], article_id="x1")])
    assert search(lib, "oil").total == 1
    lib.store.save_many([make_article("More oil", ["Oil fell."], article_id="x2")])
    assert search(lib, "oil").total == 2  # a new generation reads new postings
    lib.close()


def test_outlet_column_read_in_one_piece_equals_whooshs(segmented: Library) -> None:
    from index.columns import _var_bytes

    searcher = segmented.index.searcher()
    for leaf, _ in searcher.leaf_searchers():
        reader = leaf.reader()
        fast = _var_bytes(reader.column_reader("outlet_facet", translate=False))
        assert fast is not None  # the layout is the one expected: no fallback
        assert fast == list(reader.column_reader("outlet_facet", translate=True))
    assert _var_bytes(object()) is None  # anything else: Whoosh's own reading
