"""The "claims" section: quote attribution on PolNeAR, quote speakers on BASIL, and speed.

PolNeAR's dev part was used for tuning and its test part is reported (dev in brackets);
BASIL's 2010-2014 articles were the dev part, 2015-2019 the test part. Speed is ingest
with language processing: articles saved to a fresh library, then ``extract_claims``;
articles per second per core is words per CPU second over 600 (the process is one thread).
``python -m bench.claims_bench --part dev`` prints the dev numbers alone.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.claims_eval import KINDS, SpanScore, basil_quotes, polnear, predicted, speaker_right
from bench.eventdata import DATA_DIR
from index.claims import extract_claims, parse_claims
from index.library import Library
from index.model import RawArticle
from index.prepare import prepare_article

POLNEAR = DATA_DIR / "polnear"
BASIL = DATA_DIR / "basil"
WORDS_PER_ARTICLE = 600


def score_polnear(split: str) -> dict[str, Any]:
    docs = list(polnear(POLNEAR, split))
    scores = {kind: SpanScore() for kind in KINDS}
    found = dict(parse_claims([(d.name, d.paragraphs) for d in docs]))
    for doc in docs:
        spans = predicted(doc, found[doc.name])
        for kind in KINDS:
            scores[kind].add(doc.text, doc.gold[kind], spans[kind])
    return {"articles": len(docs)} | {kind: scores[kind].scores() for kind in KINDS}


def score_basil(part: str) -> dict[str, Any]:
    items = [i for i in basil_quotes(BASIL) if (i[2][0].year <= 2014) == (part == "dev")]
    found = dict(parse_claims([(name, paragraphs) for name, paragraphs, _ in items]))
    right = held = total = 0
    for name, _, quotes in items:
        for quote in quotes:
            verdict = speaker_right(quote, found[name])
            total += 1
            held += verdict is not None
            right += bool(verdict)
    return {
        "quotes": total,
        "accuracy": right / total if total else 0.0,
        "found": held / total if total else 0.0,
        "accuracy_found": right / held if held else 0.0,
    }


def speed(split: str = "test") -> dict[str, Any]:
    """Save PolNeAR articles to a fresh library and extract their claims, timed."""
    articles = []
    for doc in polnear(POLNEAR, split):
        texts = [text for _, text in doc.paragraphs]
        raw = RawArticle(texts, title=texts[0], source=f"polnear:{doc.name}")
        articles.append(prepare_article(raw, article_id=doc.name))
    words = sum(len(p.text.split()) for a in articles for p in a.paragraphs)
    with tempfile.TemporaryDirectory() as folder, Library(Path(folder)) as library:
        from index.nlp import pipeline

        pipeline(("lemmatizer", "ner", "attribute_ruler"))  # loading is not ingest
        wall, cpu = time.perf_counter(), time.process_time()
        ids = library.store.save_many(articles)
        extract_claims(library, ids)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "articles": len(articles),
        "words_per_article": words / len(articles),
        "articles_per_s": len(articles) / wall,
        "articles_per_cpu_s_at_600": words / cpu / WORDS_PER_ARTICLE,
    }


def _row(name: str, test: dict[str, float], dev: dict[str, float] | None) -> str:
    cells = []
    for key in ("exact_f1", "overlap_p", "overlap_r", "overlap_f1"):
        cell = f"{test[key]:.3f}" + (f" ({dev[key]:.2f})" if dev else "")
        cells.append(f"{cell:>14}")
    return f"{name:<9}{test['gold']:>7.0f}{test['predicted']:>7.0f}" + "".join(cells)


def run(args: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, Any] = {}
    if POLNEAR.is_dir():
        print("\nPolNeAR attribution spans, test part (dev in brackets)")
        results["polnear"] = {"test": score_polnear("test"), "dev": score_polnear("dev")}
        head = "".join(f"{h:>14}" for h in ("exact F1", "overlap P", "overlap R", "overlap F1"))
        print(f"{'span':<9}{'gold':>7}{'found':>7}{head}")
        for kind in KINDS:
            test, dev = results["polnear"]["test"][kind], results["polnear"]["dev"][kind]
            print(_row(kind.lower(), test, dev))
    else:
        print(f"claims: skipped PolNeAR: {POLNEAR} not found")
    if BASIL.is_dir():
        results["basil"] = {"test": score_basil("test"), "dev": score_basil("dev")}
        test, dev = results["basil"]["test"], results["basil"]["dev"]
        print("\nBASIL quote speakers (named speakers), test part (dev in brackets)")
        print(f"{'quotes':>8}{'accuracy':>16}{'quote found':>16}{'acc. if found':>16}")
        cells = [f"{test[k]:.3f} ({dev[k]:.2f})" for k in ("accuracy", "found", "accuracy_found")]
        print(f"{test['quotes']:>8}" + "".join(f"{c:>16}" for c in cells))
    if POLNEAR.is_dir():
        results["speed"] = speed()
        s = results["speed"]
        print(
            f"\nIngest with claims: {s['articles']} articles of {s['words_per_article']:.0f} words,"
            f" {s['articles_per_s']:.1f} articles/s wall;"
            f" {s['articles_per_cpu_s_at_600']:.1f} articles/s per core at 600 words"
        )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.claims_bench")
    parser.add_argument("--part", choices=("dev", "test"), default="dev")
    parser.add_argument("--skip-basil", action="store_true")
    args = parser.parse_args(argv)
    polnear_scores = score_polnear(args.part)
    for kind in KINDS:
        print(_row(kind.lower(), polnear_scores[kind], None))
    if not args.skip_basil:
        print(score_basil(args.part))
    return 0


if __name__ == "__main__":
    sys.exit(main())
