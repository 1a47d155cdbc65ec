"""The "align" section: paragraph alignment against hand-written gold (bench/gold/align).

Precision: predicted ``match`` links that are gold ``sure`` or ``possible``. Recall: gold
``sure`` links predicted as ``match``. F1 per story and macro over the test part (dev in
brackets, used for tuning). The baseline in the same run is a TF-IDF cosine threshold
(``bench.align_baseline``: no names, numbers or wording, no competition), its threshold
tuned on dev. Speed: the median time to align a five-outlet NewsWCL50 event.

Links to an article's title standing in for a missing headline paragraph (``TITLE_INDEX``)
are left out of the scoring: the gold holds paragraphs only and cannot judge them.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Any

from bench import align_baseline, eventdata
from index.align import TITLE_INDEX, AlignParams, align
from index.model import Article

GOLD_DIR = Path(__file__).resolve().parent / "gold" / "align"
Pair = frozenset[tuple[str, int]]
Key = tuple[int, int]


def load_gold() -> list[dict[str, Any]]:
    """Gold stories whose data is on this machine, with their articles loaded."""
    stories = []
    cache: dict[str, dict[str, Article]] = {}
    for path in sorted(GOLD_DIR.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        dataset = gold["event"].split(":")[0]
        if dataset != "seed" and not eventdata.available(dataset):
            continue
        if dataset not in cache:
            cache[dataset] = eventdata.by_key([dataset])
        gold["loaded"] = [cache[dataset][a["key"]] for a in gold["articles"]]
        stories.append(gold)
    return stories


def _pair(a: tuple[str, int], b: tuple[str, int]) -> Pair:
    return frozenset((tuple(a), tuple(b)))  # type: ignore[arg-type]


def _scores(gold: dict[str, Any], predicted: set[Pair]) -> dict[str, float]:
    sure = {
        _pair(tuple(link["a"]), tuple(link["b"]))
        for link in gold["links"]
        if link["kind"] == "sure"
    }
    possible = {_pair(tuple(link["a"]), tuple(link["b"])) for link in gold["links"]} - sure
    correct = len(predicted & (sure | possible))
    precision = correct / len(predicted) if predicted else 0.0
    recall = len(predicted & sure) / len(sure) if sure else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "predicted": len(predicted)}


def _keyed(articles: list[Article], pairs: list[tuple[Key, Key]]) -> set[Pair]:
    return {_pair((articles[a[0]].id, a[1]), (articles[b[0]].id, b[1])) for a, b in pairs}


def score_story(gold: dict[str, Any], params: AlignParams) -> dict[str, float]:
    articles: list[Article] = gold["loaded"]
    alignment = align(articles, params)
    pairs = [
        (link.a, link.b)
        for link in alignment.matches()
        if TITLE_INDEX not in (link.a[1], link.b[1])
    ]
    return _scores(gold, _keyed(articles, pairs))


def score_baseline(gold: dict[str, Any], threshold: float) -> dict[str, float]:
    articles: list[Article] = gold["loaded"]
    if "cosines" not in gold:
        gold["cosines"] = align_baseline.cosines(articles)
    pairs = [pair for pair, score in gold["cosines"].items() if score >= threshold]
    return _scores(gold, _keyed(articles, pairs))


def _mean(scores: list[dict[str, float]]) -> dict[str, float]:
    if not scores:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    return {k: statistics.mean(s[k] for s in scores) for k in ("precision", "recall", "f1")}


def macro(stories: list[dict[str, Any]], params: AlignParams, split: str) -> dict[str, float]:
    return _mean([score_story(g, params) for g in stories if g["split"] == split])


def macro_baseline(stories: list[dict[str, Any]], threshold: float, split: str) -> dict[str, float]:
    return _mean([score_baseline(g, threshold) for g in stories if g["split"] == split])


def baseline(stories: list[dict[str, Any]]) -> float:
    """The TF-IDF cosine threshold that does best on dev."""
    thresholds = align_baseline.THRESHOLDS
    return max(thresholds, key=lambda t: macro_baseline(stories, t, "dev")["f1"])


def five_outlet_ms(repeats: int = 7) -> float:
    """Median milliseconds to align the largest five-outlet NewsWCL50 event."""
    if not eventdata.available("newswcl50"):
        return float("nan")
    events: dict[str, list[Article]] = {}
    for item in eventdata.load("newswcl50"):
        events.setdefault(item.event, []).append(item.article)
    story = max(events.values(), key=lambda arts: sum(len(a.paragraphs) for a in arts))
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        align(story)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def run(args: argparse.Namespace) -> dict[str, Any]:
    stories = load_gold()
    base = baseline(stories)
    ours = AlignParams()
    print("\nParagraph alignment vs gold (P = match links sure or possible, R = sure found)")
    print(f"{'story':<36} {'split':<5} {'P':>6} {'R':>6} {'F1':>6} {'base F1':>8}")
    per_story = {}
    for gold in stories:
        mine, theirs = score_story(gold, ours), score_baseline(gold, base)
        per_story[gold["name"]] = {"ours": mine, "baseline": theirs}
        print(
            f"{gold['name']:<36} {gold['split']:<5} {mine['precision']:>6.3f}"
            f" {mine['recall']:>6.3f} {mine['f1']:>6.3f} {theirs['f1']:>8.3f}"
        )
    result: dict[str, Any] = {"stories": per_story, "baseline_threshold": base}
    for split in ("test", "dev"):
        mine, theirs = macro(stories, ours, split), macro_baseline(stories, base, split)
        result[split] = {"ours": mine, "baseline": theirs}
        print(
            f"{'macro ' + split:<36} {'':<5} {mine['precision']:>6.3f} {mine['recall']:>6.3f}"
            f" {mine['f1']:>6.3f} {theirs['f1']:>8.3f}"
        )
    result["five_outlet_ms"] = five_outlet_ms()
    print(f"aligning a five-outlet story (NewsWCL50): {result['five_outlet_ms']:.0f} ms median")
    print(f"baseline: TF-IDF cosine >= {base:.2f} (tuned on dev in this run)")
    return result
