"""Print the aligner's errors on the dev gold, paragraph texts side by side, for error analysis.

    PYTHONPATH=. python -m bench.align_errors [STORY ...] [--split dev] [--width 90]

False positives: predicted ``match`` links with no gold link. False negatives: gold ``sure``
links not predicted as ``match``. Each shows the model's probability, its features and the
shared terms with their weights. Only the dev split by default: test stories are for
reporting, not for looking at errors while tuning.
"""

from __future__ import annotations

import argparse
import textwrap
from typing import Any

from bench.align_bench import _pair, load_gold
from index import align_score
from index.align import DEFAULT_PARAMS, TITLE_INDEX, Unit, align, alignable_units
from index.align_terms import weigh


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width) or [""]


def _side_by_side(left: str, right: str, width: int) -> str:
    a, b = _wrap(left, width), _wrap(right, width)
    rows = max(len(a), len(b))
    a += [""] * (rows - len(a))
    b += [""] * (rows - len(b))
    return "\n".join(f"  {x:<{width}} | {y}" for x, y in zip(a, b, strict=True))


def report(gold: dict[str, Any], width: int) -> None:
    articles = gold["loaded"]
    alignment = align(articles, DEFAULT_PARAMS)
    units = [alignable_units(article, position) for position, article in enumerate(articles)]
    weigh(u for column in units for u in column)
    by_key: dict[tuple[int, int], Unit] = {(u.article, u.index): u for c in units for u in c}
    feats = align_score.features(units)
    position = {a.id: i for i, a in enumerate(articles)}
    labels = {_pair(tuple(x["a"]), tuple(x["b"])): x["kind"] for x in gold["links"]}
    predicted = {}
    for link in alignment.links:
        if TITLE_INDEX in (link.a[1], link.b[1]):
            continue  # the gold cannot judge a title standing in for a headline
        predicted[frozenset((link.a, link.b))] = (link.kind, link.score)
    scored = {frozenset(k): v for k, v in feats.items()}

    def show(tag: str, a: tuple[int, int], b: tuple[int, int], extra: str) -> None:
        ua, ub = by_key[a], by_key[b]
        shared = sorted(ua.weights.keys() & ub.weights.keys(), key=lambda t: -ua.weights[t])
        values = scored.get(frozenset((a, b)))
        vals = " ".join(
            f"{n}={v:.2f}" for n, v in zip(align_score.FEATURES, values or [], strict=False)
        )
        terms = ", ".join(f"{t}:{ua.weights[t]:.1f}" for t in shared[:12])
        left, right = f"{articles[a[0]].outlet} #{a[1]}", f"{articles[b[0]].outlet} #{b[1]}"
        print(f"\n[{tag}] {left} <-> {right} {extra}")
        print(f"  {vals}\n  shared: {terms}")
        print(_side_by_side(ua.text, ub.text, width))

    print(f"\n===== {gold['name']} ({gold['split']})")
    for pair, (kind, score) in sorted(predicted.items(), key=lambda kv: -kv[1][1]):
        if kind != "match":
            continue
        a, b = sorted(pair)
        gold_kind = labels.get(_pair((articles[a[0]].id, a[1]), (articles[b[0]].id, b[1])))
        if gold_kind is None:
            show("FP", a, b, f"p={score:.2f}")
    for link in gold["links"]:
        if link["kind"] != "sure":
            continue
        a = (position[link["a"][0]], link["a"][1])
        b = (position[link["b"][0]], link["b"][1])
        got = predicted.get(frozenset((a, b)))
        if got and got[0] == "match":
            continue
        a, b = sorted((a, b))
        if a not in by_key or b not in by_key:
            print(f"\n[FN] {a} <-> {b}: not an alignable unit")
            continue
        show("FN", a, b, f"got {got[0]} p={got[1]:.2f}" if got else "got nothing")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("stories", nargs="*")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--width", type=int, default=90)
    args = parser.parse_args()
    for gold in load_gold():
        if gold["split"] != args.split or args.stories and gold["name"] not in args.stories:
            continue
        report(gold, args.width)


if __name__ == "__main__":
    main()
