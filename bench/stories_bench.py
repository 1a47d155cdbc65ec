"""The "stories" section: automatic story grouping against real event labels.

BASIL (100 events x 3 outlets) and ECB+ (43 topics x 2 sub-events; sibling sub-events are
hard negatives). Each dataset goes into a fresh library, articles are grouped in the order
of their dates, and pairwise precision, recall and F1 are computed over article pairs. The
dev part (BASIL 2010-2014, ECB+ topics 1-22) was used for tuning; the test part is reported.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

from bench import eventdata
from index.library import Library
from index.stories import Grouper, GroupParams
from index.story_store import StoryStore


def is_dev(event: str, article_id: str) -> bool:
    if event.startswith("basil:"):
        return _basil_year(article_id) <= 2014
    topic = event.split(":")[1].split("_")[0]
    return topic.isdigit() and int(topic) <= 22


_BASIL_YEARS: dict[str, int] = {}


def _basil_year(article_id: str) -> int:
    return _BASIL_YEARS.get(article_id, 0)


def pairwise(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    """Pairwise precision/recall/F1 of a clustering against gold labels."""
    ids = sorted(gold)

    def pairs(labels: dict[str, str]) -> set[tuple[str, str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for i in ids:
            groups[labels[i]].append(i)
        return {pair for members in groups.values() for pair in combinations(members, 2)}

    truth, found = pairs(gold), pairs(predicted)
    hit = len(truth & found)
    precision = hit / len(found) if found else 1.0
    recall = hit / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "pairs": len(truth)}


def run_dataset(name: str, params: GroupParams | None = None) -> dict[str, Any]:
    """Group one dataset in a fresh library; scores for dev and test parts."""
    items = eventdata.load(name)
    if name == "basil":
        for item in items:
            _BASIL_YEARS[item.article.id] = int(item.article.date[:4] or 0)
    with tempfile.TemporaryDirectory() as folder, Library(Path(folder)) as library:
        ordered = sorted(items, key=lambda e: (e.article.date, e.article.id))
        library.store.save_many([e.article for e in ordered])
        library.ensure_index()
        grouper = Grouper(library, params) if params else Grouper(library)
        started = time.perf_counter()
        grouper.group([e.article.id for e in ordered])
        seconds = time.perf_counter() - started
        stories = StoryStore(library.store)
        predicted = {e.article.id: stories.story_of(e.article.id) or e.article.id for e in items}
    result: dict[str, Any] = {"articles": len(items), "per_second": len(items) / seconds}
    for part in ("dev", "test"):
        chosen = [e for e in items if is_dev(e.event, e.article.id) == (part == "dev")]
        gold = {e.article.id: e.event for e in chosen}
        result[part] = pairwise(gold, {i: predicted[i] for i in gold})
    return result


def run(args: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, Any] = {}
    print("\nStory grouping (pairwise, test part; dev in brackets)")
    print(f"{'dataset':<10} {'articles':>8} {'P':>12} {'R':>12} {'F1':>12} {'art/s':>8}")
    for name in ("basil", "ecbplus"):
        if not eventdata.available(name):
            print(f"{name:<10} skipped: ../shared/data/{name} not found")
            continue
        scores = run_dataset(name)
        results[name] = scores
        test, dev = scores["test"], scores["dev"]
        cells = [f"{test[k]:.3f} ({dev[k]:.2f})" for k in ("precision", "recall", "f1")]
        print(
            f"{name:<10} {scores['articles']:>8} {cells[0]:>12} {cells[1]:>12} {cells[2]:>12}"
            f" {scores['per_second']:>8.0f}"
        )
    return results
