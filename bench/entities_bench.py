"""The "entities" section: named-entity spans against CoNLL-2003, and extraction speed.

Exact-span F1 for PER, ORG and LOC (our PERSON, ORG, PLACE; MISC is left out of gold and
never predicted) on ``eng.testb`` and the corrected ``conllpp_test.txt``; ``eng.testa`` is
the dev part the rules were tuned on. Each CoNLL document is an article, each sentence a
paragraph, the whole file the library. Three rows per file: the model alone, with the
per-mention mends (titles, fragments, cues, acronyms), and with resolution (library-wide
type votes, merged names, headline-only names dropped). Speed: words per second of the
recogniser on CoNLL text, and articles per second of ``extract_entities`` into a library
(BASIL, about 650 words of reading text an article), per wall second and per CPU second.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench import eventdata
from index.entities import (
    NOT_NEEDED,
    ROLES,
    extract_entities,
    paragraph_mentions,
    recognise,
    with_expansions,
)
from index.entity_list import split_pairs, spread
from index.entity_names import SPACY_TYPES
from index.entity_resolve import resolve
from index.entity_store import Mention
from index.model import Article, Paragraph, Role

CONLL = eventdata.DATA_DIR / "conll2003_en"
FILES = {"eng.testb": "eng.testb", "conllpp test": "conllpp/conllpp_test.txt"}
DEV = {"eng.testa": "eng.testa"}
TO_CONLL = {"PERSON": "PER", "ORG": "ORG", "PLACE": "LOC"}
KINDS = ("PER", "ORG", "LOC")
Span = tuple[int, int, int, str]  # sentence, first token, end token, type
Sentence = tuple[list[str], list[str]]


def read_conll(path: Path) -> list[list[Sentence]]:
    """Documents, each a list of (words, tags) sentences."""
    documents: list[list[Sentence]] = [[]]
    words: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        fields = line.split()
        if fields and fields[0] == "-DOCSTART-":
            documents.append([])
        elif fields:
            words.append(fields[0])
            tags.append(fields[-1])
        elif words:
            documents[-1].append((words, tags))
            words, tags = [], []
    return [d for d in documents if d]


def gold_spans(tags: list[str], sentence: int) -> set[Span]:
    """PER/ORG/LOC spans of IOB1 or IOB2 tags."""
    spans: set[Span] = set()
    start, kind = 0, "O"
    for i, tag in enumerate([*tags, "O"]):
        new = tag[2:] if tag != "O" else "O"
        if new != kind or tag.startswith("B-"):
            if kind in KINDS:
                spans.add((sentence, start, i, kind))
            start, kind = i, new
    return spans


def score(gold: set[Span], found: set[Span]) -> dict[str, dict[str, float]]:
    result = {}
    for kind in (*KINDS, "overall"):
        g = {s for s in gold if kind in (s[3], "overall")}
        f = {s for s in found if kind in (s[3], "overall")}
        hit = len(g & f)
        p = hit / len(f) if f else 0.0
        r = hit / len(g) if g else 0.0
        result[kind] = {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
    return result


def evaluate(path: Path) -> dict[str, Any]:
    """Scores of the three rows on one CoNLL file, and the recogniser's words per second."""
    from spacy.tokens import Doc

    from index.nlp import pipeline

    nlp = pipeline(NOT_NEEDED)
    documents = read_conll(path)
    sentences = [s for d in documents for s in d]
    docs = [Doc(nlp.vocab, words=words) for words, _ in sentences]
    started, cpu = time.perf_counter(), time.process_time()
    docs = list(recognise(docs))
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    gold = {s for i, (_, tags) in enumerate(sentences) for s in gold_spans(tags, i)}
    model = {
        (i, e.start, e.end, TO_CONLL[SPACY_TYPES[e.label_]])
        for i, doc in enumerate(docs)
        for e in doc.ents
        if e.label_ in SPACY_TYPES
    }
    where: dict[tuple[str, int], int] = {}
    mentions: list[Mention] = []
    for n, document in enumerate(documents):
        found: list[Mention] = []
        paragraphs = []
        for j, _ in enumerate(document):
            i = len(where)
            where[(f"d{n}", i)] = i
            spans = [(e.start_char, e.end_char, e.label_) for e in docs[i].ents]
            found += paragraph_mentions(f"d{n}", i, docs[i].text, spans, headline=j == 0)
            paragraphs.append(Paragraph(i, Role.HEADLINE if j == 0 else Role.BODY, docs[i].text))
        mentions += with_expansions(_article(f"d{n}", paragraphs), found)
    mended = _tokens(docs, [(m, m.label) for m in mentions])
    votes: dict[str, Counter[str]] = {}
    for m in mentions:
        if not m.weak:
            votes.setdefault(m.key, Counter())[m.label] += 1
    texts = {key: docs[i].text for key, i in where.items()}
    resolved = resolve(split_pairs(spread(mentions, texts), votes), votes)
    full = _tokens(docs, [(m, e.type) for e in resolved for m in e.mentions])
    words = sum(len(w) for w, _ in sentences)
    return {
        "documents": len(documents),
        "words": words,
        "words_per_s": words / wall,
        "words_per_cpu_s": words / cpu,
        "model": score(gold, model),
        "mended": score(gold, mended),
        "resolved": score(gold, full),
    }


def _article(key: str, paragraphs: list[Paragraph]) -> Article:
    return Article(key, "", "", "", "", "", key, "text", "", paragraphs)


def _tokens(docs: list[Any], typed: list[tuple[Mention, str]]) -> set[Span]:
    found: set[Span] = set()
    for m, kind in typed:
        span = docs[m.paragraph].char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and kind in TO_CONLL:
            found.add((m.paragraph, span.start, span.end, TO_CONLL[kind]))
    return found


def ingest_speed(limit: int = 300) -> dict[str, float]:
    """Articles per second of ``extract_entities`` over BASIL articles in a library."""
    from index.library import Library

    articles = [e.article for e in eventdata.load("basil")][:limit]
    words = sum(len(p.text.split()) for a in articles for p in a.paragraphs if p.role in ROLES)
    with tempfile.TemporaryDirectory() as folder, Library(Path(folder)) as library:
        library.store.save_many(articles)
        extract_entities(library, [a.id for a in articles[:8]])  # load the model first
        started, cpu = time.perf_counter(), time.process_time()
        count = extract_entities(library, [a.id for a in articles])
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "articles": count,
        "words_per_article": words / max(count, 1),
        "articles_per_s": count / wall,
        "articles_per_cpu_s": count / cpu,
    }


def run(args: argparse.Namespace, files: dict[str, str] | None = None) -> dict[str, Any]:
    results: dict[str, Any] = {}
    print("\nNamed entities: exact-span F1 on CoNLL-2003 (PER / ORG / LOC / overall)")
    print(f"{'file':<14} {'row':<9} {'PER':>6} {'ORG':>6} {'LOC':>6} {'all':>6} {'P':>6} {'R':>6}")
    for label, name in (files or FILES).items():
        if not (CONLL / name).is_file():
            print(f"{label:<14} skipped: ../shared/data/conll2003_en/{name} not found")
            continue
        result = results[label] = evaluate(CONLL / name)
        for row in ("model", "mended", "resolved"):
            s = result[row]
            cells = " ".join(f"{s[k]['f1']:>6.3f}" for k in (*KINDS, "overall"))
            print(
                f"{label:<14} {row:<9} {cells} {s['overall']['p']:>6.3f} {s['overall']['r']:>6.3f}"
            )
        print(
            f"{'':<14} recogniser: {result['words_per_s']:,.0f} words/s"
            f" ({result['words_per_cpu_s']:,.0f} per CPU second)"
        )
    if eventdata.available("basil"):
        speed = results["ingest"] = ingest_speed()
        print(
            f"extract_entities on BASIL ({speed['words_per_article']:.0f} words/article):"
            f" {speed['articles_per_s']:.1f} articles/s,"
            f" {speed['articles_per_cpu_s']:.1f} per CPU second (goal 15 per core)"
        )
    return results
