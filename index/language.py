"""Language processing at ingest: the names and claims of articles from one spaCy pass.

Each paragraph either step reads is tokenised once. The recogniser runs over the full text
of the reading paragraphs (headline, dek, body, captions) for names (``entities``); the
tagger and parser over the sentences claims may sit in (``claim_triggers.parse_text``
blanks the others) of the headline, dek and body (``claims``). Where nothing is blanked,
most paragraphs, one ``Doc`` carries both: the recogniser runs first, so names never
depend on the parser's sentence boundaries and equal those of ``extract_entities``;
claims equal those of ``extract_claims``. Bylines and boilerplate are read by neither.
Names and claims of a batch of articles are stored in one transaction. spaCy is imported
only when processing runs (``index.nlp``), never on the reader's start-up path.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from index import claims as claim_step
from index import entities as name_step
from index.claim_model import Claim
from index.claim_store import ClaimStore
from index.entity_store import EntityStore, Mention
from index.model import Article

if TYPE_CHECKING:
    import sqlite3

    from index.library import Library

#: Articles parsed and stored together.
BATCH_ARTICLES = 64

Progress = Callable[[int, int, str], None]


@dataclass(slots=True)
class Read:
    """What one pass found in one article: ``None`` where that step was not wanted."""

    article: Article
    mentions: list[Mention] | None = None
    claims: list[Claim] | None = None


def analyse(
    articles: Sequence[Article],
    *,
    names: Collection[str] | None = None,
    claims: Collection[str] | None = None,
) -> list[Read]:
    """Names and claims of ``articles`` from one pass; only articles whose ids are in
    ``names`` (``claims``) get mentions (claims), every article when None."""
    from index.claim_extract import extract
    from index.nlp import ORDER, run, shared

    make_doc = shared().make_doc
    recognised: list[Any] = []
    parsed: list[Any] = []
    plans = []
    for article in articles:
        name_docs: dict[int, Any] = {}
        claim_docs: list[Any | None] = []
        paragraphs: list[tuple[int, str]] = []
        if names is None or article.id in names:
            for paragraph in article.paragraphs:
                if paragraph.role in name_step.ROLES:
                    name_docs[paragraph.index] = make_doc(paragraph.text)
            recognised += name_docs.values()
        if claims is None or article.id in claims:
            paragraphs = claim_step.claim_paragraphs(article)
            for (index, text), masked in zip(
                paragraphs, claim_step.parse_texts(paragraphs), strict=True
            ):
                doc = None
                if masked is not None:
                    shared_doc = name_docs.get(index) if masked == text else None
                    doc = shared_doc if shared_doc is not None else make_doc(masked)
                    parsed.append(doc)
                claim_docs.append(doc)
        plans.append((article, name_docs, paragraphs, claim_docs))
    for _ in run(recognised, ["ner"]):  # before the parser: see the module's note
        pass
    for _ in run(parsed, [n for n in ORDER if n not in claim_step.DISABLE]):
        pass
    results = []
    for article, name_docs, paragraphs, claim_docs in plans:
        read = Read(article)
        if names is None or article.id in names:
            read.mentions = name_step.mentions_in(article, name_docs)
        if claims is None or article.id in claims:
            read.claims = extract(article.id, paragraphs, claim_docs)
        results.append(read)
    return results


def extract_language(
    library: Library, article_ids: Sequence[str], progress: Progress | None = None
) -> int:
    """Find and store the names and claims of these articles that are missing or out of
    date (either); returns how many articles were read. A read-only library reads none."""
    if library.read_only:
        return 0
    ids = list(dict.fromkeys(article_ids))
    names = set(name_step.pending(library, ids))
    claims = set(claim_step.missing(library, ids))
    todo = [i for i in ids if i in names or i in claims]
    entity_store, claim_store = EntityStore(library.store), ClaimStore(library.store)
    done = 0
    for first in range(0, len(todo), BATCH_ARTICLES):
        articles = library.store.get_many(todo[first : first + BATCH_ARTICLES])
        found = analyse(articles, names=names, claims=claims)
        mentions = [
            (r.article.id, r.article.content_hash, r.mentions)
            for r in found
            if r.mentions is not None
        ]
        said = [
            (r.article.id, r.article.content_hash, r.claims) for r in found if r.claims is not None
        ]

        def store(conn: sqlite3.Connection, mentions: Any = mentions, said: Any = said) -> None:
            entity_store.replace_in(conn, mentions, name_step.VERSION)
            claim_store.replace_in(conn, said, claim_step.EXTRACTOR_VERSION)

        library.store.write(store)
        done += len(articles)
        if progress:
            progress(done, len(todo), articles[-1].id if articles else "")
    return done
