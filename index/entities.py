"""Named entities at ingest: spaCy's recogniser over each article's reading text, mended.

Only the ``ner`` component runs (its own embedding layer; tagger and parser are left
out), on the headline, dek, body and caption paragraphs, in batches; at ingest the same
tokenised paragraphs serve claims too (``index.language``). Each span is trimmed
(titles, articles, possessives, lower-case tails), typed (PERSON, ORG or PLACE, with cues
from the last word), and acronyms get their expansion from the same article ('USFJ' and
'U.S. Forces Japan'). Library-wide resolution (voting, merging) is ``entity_resolve``.
spaCy is imported only when extraction runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from index.entity_names import (
    SPACY_TYPES,
    cue_type,
    expands,
    is_acronym,
    name_key,
    name_spans,
    rules,
    title_case,
    trim,
)
from index.entity_store import EntityStore, Mention
from index.model import READING_ROLES, Article, Role

#: Raise to re-extract every article after the extraction rules change.
VERSION = 3
#: Paragraphs read: the reporting text, the headline and captions (never bylines).
ROLES = READING_ROLES | {Role.HEADLINE, Role.CAPTION}
#: Where a title-case line is a headline (the dek often repeats it).
HEADLINES = frozenset({Role.HEADLINE, Role.DEK})
#: Pipeline components left out: the recogniser needs none of them.
NOT_NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
ARTICLES_PER_WRITE = 64

Progress = Callable[[int, int, str], None]


def extract_entities(
    library: Any, article_ids: Sequence[str], progress: Progress | None = None
) -> int:
    """Find and store the mentions of these articles (replacing older ones); returns how
    many articles were read."""
    store = EntityStore(library.store)
    done = 0
    for i in range(0, len(article_ids), ARTICLES_PER_WRITE):
        articles = library.store.get_many(article_ids[i : i + ARTICLES_PER_WRITE])
        found = article_mentions(articles)
        store.replace(
            [(a.id, a.content_hash, m) for a, m in zip(articles, found, strict=True)], VERSION
        )
        done += len(articles)
        if progress:
            progress(done, len(article_ids), "entities")
    return done


def pending(library: Any, article_ids: Sequence[str] | None = None) -> list[str]:
    """Articles (of ``article_ids``, else all) whose mentions are missing or out of date."""
    return EntityStore(library.store).pending(VERSION, article_ids)


def article_mentions(articles: Sequence[Article]) -> list[list[Mention]]:
    """The mentions of each article, in text order."""
    units = [(a.id, p) for a in articles for p in a.paragraphs if p.role in ROLES]
    keys = [(i, p.index) for i, p in units]
    docs = dict(zip(keys, recognise(p.text for _, p in units), strict=True))
    return [mentions_in(a, {k: docs[(a.id, k)] for k in reading(a)}) for a in articles]


def reading(article: Article) -> list[int]:
    """The paragraphs (indexes) names are read from."""
    return [p.index for p in article.paragraphs if p.role in ROLES]


def mentions_in(article: Article, docs: Mapping[int, Any]) -> list[Mention]:
    """The mentions of one article, in text order, from ``docs[paragraph index]``: the
    recogniser's docs of its ``reading`` paragraphs (their full text)."""
    found: list[Mention] = []
    for paragraph in article.paragraphs:
        if paragraph.role not in ROLES:
            continue
        spans = [(e.start_char, e.end_char, e.label_) for e in docs[paragraph.index].ents]
        found += paragraph_mentions(
            article.id,
            paragraph.index,
            paragraph.text,
            spans,
            headline=paragraph.role in HEADLINES,
        )
    return with_expansions(article, found)


def recognise(texts: Iterable[Any]) -> Iterator[Any]:
    """spaCy docs with entities for ``texts`` (strings or docs), in order; the recogniser only."""
    from index.nlp import run

    yield from run(texts, ["ner"])


def paragraph_mentions(
    article_id: str,
    index: int,
    text: str,
    spans: Sequence[tuple[int, int, str]],
    *,
    headline: bool = False,
) -> list[Mention]:
    """Mentions from the model's ``(start, end, label)`` spans in one paragraph; those of
    a title-case headline are marked weak (its every word looks like a name)."""
    weak = headline and title_case(text)
    mentions = []
    for start, end, label in spans:
        kind = SPACY_TYPES.get(label) or cue_type(text[start:end].split())
        if kind is None:  # dates, numbers, nationalities, events; but 'the X Prefecture'
            continue
        trimmed = trim(text, start, end, kind)
        if trimmed is None:
            continue
        a, b, kind = trimmed
        name = text[a:b]
        mentions.append(Mention(article_id, index, a, b, name, name_key(name), kind, weak))
        short = _BRACKETED.match(text, b)  # 'Indo-Pacific Command (INDOPACOM)'
        if short and expands(short[1], name.split()):
            a, b = short.span(1)
            if not any(a <= s < b for s, _, _ in spans):
                acronym = Mention(article_id, index, a, b, short[1], name_key(short[1]), kind, weak)
                mentions.append(acronym)
    return mentions


_BRACKETED = re.compile(r"\s*\(([A-Z][A-Z.&]{1,9})\)")


def with_expansions(article: Article, mentions: list[Mention]) -> list[Mention]:
    """Mentions plus the article's spelled-out forms of its acronyms.

    'U.S. Forces Japan' is found for 'USFJ' even where the model saw only 'U.S.' and
    'Japan'; names inside an expansion give way to it. Acronyms of three letters or more.
    """
    acronyms = {
        m.text: m.label
        for m in mentions
        if is_acronym(m.text) and len(m.key) > 2 and not m.weak and m.key not in rules().aliases
    }
    spans = {(m.paragraph, m.start, m.end) for m in mentions}
    if not acronyms:
        return mentions
    added: list[Mention] = []
    for paragraph in article.paragraphs:
        if paragraph.role not in ROLES:
            continue
        taken: list[tuple[int, int]] = []
        for start, end, words in name_spans(paragraph.text):
            if any(a < end and start < b for a, b in taken):
                continue
            label = next((k for acr, k in acronyms.items() if expands(acr, words)), None)
            if label is None or (paragraph.index, start, end) in spans:
                continue
            taken.append((start, end))
            name = paragraph.text[start:end]
            kind = cue_type([w.lower() for w in words]) or label
            weak = paragraph.role in HEADLINES and title_case(paragraph.text)
            added.append(
                Mention(article.id, paragraph.index, start, end, name, name_key(name), kind, weak)
            )
    if not added:
        return mentions
    kept = [
        m
        for m in mentions
        if not any(
            n.paragraph == m.paragraph and n.start <= m.start and m.end <= n.end for n in added
        )
    ]
    return sorted(kept + added, key=lambda m: (m.paragraph, m.start))
