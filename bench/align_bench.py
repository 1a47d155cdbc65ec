"""The "align" section: paragraph alignment against hand-written gold (bench/gold/align).

Precision: predicted ``match`` links that are gold ``sure`` or ``possible``. Recall: gold
``sure`` links predicted as ``match``. F1 per story and macro over the test part (dev in
brackets, used for tuning). The baseline in the same run is a TF-IDF cosine threshold (no
names, numbers or wording bonuses, no competition), its threshold tuned on dev. Speed: the
median time to align a five-outlet NewsWCL50 event.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Any

from bench import eventdata
from index.align import AlignParams, align
from index.model import Article

GOLD_DIR = Path(__file__).resolve().parent / "gold" / "align"
Pair = frozenset[tuple[str, int]]


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


def score_story(gold: dict[str, Any], params: AlignParams) -> dict[str, float]:
    articles: list[Article] = gold["loaded"]
    alignment = align(articles, params)
    predicted = {
        _pair((articles[link.a[0]].id, link.a[1]), (articles[link.b[0]].id, link.b[1]))
        for link in alignment.matches()
    }
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


def macro(stories: list[dict[str, Any]], params: AlignParams, split: str) -> dict[str, float]:
    scores = [score_story(g, params) for g in stories if g["split"] == split]
    if not scores:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    return {k: statistics.mean(s[k] for s in scores) for k in ("precision", "recall", "f1")}


def baseline(stories: list[dict[str, Any]]) -> AlignParams:
    """TF-IDF cosine alone, with the threshold that does best on dev."""
    candidates = [
        AlignParams(match=t / 100, related=1.0, competitive=0.0, names=0, numbers=0, wording=0)
        for t in range(10, 80, 5)
    ]
    return max(candidates, key=lambda p: macro(stories, p, "dev")["f1"])


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
        mine, theirs = score_story(gold, ours), score_story(gold, base)
        per_story[gold["name"]] = {"ours": mine, "baseline": theirs}
        print(
            f"{gold['name']:<36} {gold['split']:<5} {mine['precision']:>6.3f}"
            f" {mine['recall']:>6.3f} {mine['f1']:>6.3f} {theirs['f1']:>8.3f}"
        )
    result: dict[str, Any] = {"stories": per_story, "baseline_threshold": base.match}
    for split in ("test", "dev"):
        mine, theirs = macro(stories, ours, split), macro(stories, base, split)
        result[split] = {"ours": mine, "baseline": theirs}
        print(
            f"{'macro ' + split:<36} {'':<5} {mine['precision']:>6.3f} {mine['recall']:>6.3f}"
            f" {mine['f1']:>6.3f} {theirs['f1']:>8.3f}"
        )
    result["five_outlet_ms"] = five_outlet_ms()
    print(f"aligning a five-outlet story (NewsWCL50): {result['five_outlet_ms']:.0f} ms median")
    print(f"baseline: TF-IDF cosine >= {base.match:.2f} (tuned on dev in this run)")
    return result
