"""Claims in articles: quotes with their speakers, indirect statements and numbers.

``extract_claims`` parses an article's headline and reading paragraphs (bylines, captions and
boilerplate are left out) with spaCy, in batches over many articles, and stores the claims
per article. ``claims_for`` reads the claims of any set of articles, clusters the same claim
across outlets and marks what differs and what conflicts; ``who_is_quoted`` counts speakers
by outlet. spaCy is imported only when parsing runs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from index.claim_model import NUMBER, Claim
from index.claim_store import ClaimStore
from index.model import READING_ROLES, Article, Role

if TYPE_CHECKING:
    from index.library import Library

#: Bump when extraction changes, so stored claims are made again.
EXTRACTOR_VERSION = 1
#: Pipeline parts claims do without (tags and the dependency parse are enough).
DISABLE = ("lemmatizer", "ner", "attribute_ruler", "senter")
#: The pipeline parts claims run, in order.
SYNTAX = ("tok2vec", "tagger", "parser")
#: Articles parsed and stored together.
BATCH_ARTICLES = 32

Progress = Callable[[int, int, str], None]


def claim_paragraphs(article: Article) -> list[tuple[int, str]]:
    """The paragraphs claims are taken from: the headline and the reporting."""
    return [
        (p.index, p.text)
        for p in article.paragraphs
        if p.role is Role.HEADLINE or p.role in READING_ROLES
    ]


def parse_claims(
    items: Sequence[tuple[str, Sequence[tuple[int, str]]]],
) -> Iterator[tuple[str, list[Claim]]]:
    """``(article id, claims)`` for ``(article id, paragraphs)`` items, parsed together."""
    from index.claim_extract import extract
    from index.nlp import parse

    wanted = [
        (k, p, text)
        for k, (_, paragraphs) in enumerate(items)
        for p, text in enumerate(parse_texts(paragraphs))
        if text is not None
    ]
    docs: list[list[object | None]] = [[None] * len(paragraphs) for _, paragraphs in items]
    texts = (masked for _, _, masked in wanted)
    for (k, p, _), doc in zip(wanted, parse(texts, disable=DISABLE), strict=True):
        docs[k][p] = doc
    for k, (article_id, paragraphs) in enumerate(items):
        yield article_id, extract(article_id, paragraphs, docs[k])


def parse_texts(paragraphs: Sequence[tuple[int, str]]) -> list[str | None]:
    """What the parser reads of each paragraph: its text with claim-free sentences blanked
    out, or None when every sentence is (``claim_triggers.parse_text``)."""
    from index.claim_triggers import parse_text

    return [parse_text(text) for _, text in paragraphs]


def extract_claims(
    library: Library,
    article_ids: Sequence[str],
    progress: Progress | None = None,
    *,
    force: bool = False,
) -> int:
    """Find and store the claims of these articles; returns how many were processed.

    Articles already processed from the same text by this extractor are skipped unless
    ``force``. A read-only library processes nothing.
    """
    if library.read_only:
        return 0
    store = ClaimStore(library.store)
    todo = (
        list(dict.fromkeys(article_ids)) if force else store.missing(article_ids, EXTRACTOR_VERSION)
    )
    done = 0
    for first in range(0, len(todo), BATCH_ARTICLES):
        articles = library.store.get_many(todo[first : first + BATCH_ARTICLES])
        hashes = {a.id: a.content_hash for a in articles}
        found = parse_claims([(a.id, claim_paragraphs(a)) for a in articles])
        store.replace(((i, hashes[i], claims) for i, claims in found), EXTRACTOR_VERSION)
        done += len(articles)
        if progress:
            progress(done, len(todo), articles[-1].id if articles else "")
    return done


def claims_for(library: Library, article_ids: Sequence[str]) -> list[Claim]:
    """The stored claims of these articles, clustered across them, with outlets filled in.

    Articles not yet processed contribute nothing (see ``extract_claims`` and ``missing``).
    """
    from index.claim_clusters import cluster

    claims = ClaimStore(library.store).claims(article_ids)
    articles = library.store.get_many(list(dict.fromkeys(article_ids)))
    outlets = {a.id: a.outlet for a in articles}
    for claim in claims:
        claim.outlet = outlets.get(claim.article, "")
    cluster(claims, articles)
    return claims


def missing(library: Library, article_ids: Sequence[str]) -> list[str]:
    """Articles whose claims are not stored yet (or are stale)."""
    return ClaimStore(library.store).missing(article_ids, EXTRACTOR_VERSION)


def who_is_quoted(claims: Sequence[Claim]) -> dict[str, dict[str, int]]:
    """``{speaker: {outlet: count}}`` over quotes and statements, most quoted first."""
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for claim in claims:
        if claim.kind != NUMBER and claim.speaker:
            table[claim.speaker][claim.outlet or "?"] += 1
    ranked = sorted(table.items(), key=lambda kv: (-sum(kv[1].values()), kv[0].lower()))
    return {speaker: dict(outlets) for speaker, outlets in ranked}
