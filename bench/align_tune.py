"""Fit the aligner's model on the dev gold alone and print the weights and thresholds.

    PYTHONPATH=. python -m bench.align_tune

Every compatible body pair of a dev story that shares a term is a training row with the
features of ``index.align_score``: gold ``sure`` is positive, ``possible`` positive at half
weight (it counts as right for precision, not for recall), no link negative. Headline and
caption pairs are left out (rules decide them). A logistic regression with a little L2 on
standardised features is fitted by Newton steps; the ``match`` threshold is the one with
the best dev macro F1 through ``index.align.align`` itself. Leave-one-story-out over dev
(fit and threshold on three stories, score the fourth) says how well that generalises.
Test stories are never read here.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import replace
from typing import Any

from bench.align_bench import _pair, load_gold, score_story
from index import align_score
from index.align import DEFAULT_PARAMS, AlignParams, alignable_units
from index.align_terms import weigh

POSSIBLE = 0.5  # weight of a possible link as a positive example
L2 = 0.01
THRESHOLDS = [t / 100 for t in range(10, 62, 2)]
Row = tuple[list[float], float, float]  # features, label, weight


def rows(gold: dict[str, Any]) -> list[Row]:
    """Training rows of one story."""
    articles = gold["loaded"]
    units = [alignable_units(article, position) for position, article in enumerate(articles)]
    weigh(u for column in units for u in column)
    labels = {_pair(tuple(link["a"]), tuple(link["b"])): link["kind"] for link in gold["links"]}
    roles = {(u.article, u.index): u.role for column in units for u in column}
    found = []
    for (a, b), values in align_score.features(units).items():
        if roles[a] not in align_score.BODY_ROLES or roles[b] not in align_score.BODY_ROLES:
            continue
        kind = labels.get(_pair((articles[a[0]].id, a[1]), (articles[b[0]].id, b[1])), "")
        found.append((values, 1.0 if kind else 0.0, POSSIBLE if kind == "possible" else 1.0))
    return found


def fit(data: list[Row], l2: float = L2, steps: int = 12) -> tuple[float, ...]:
    """Logistic regression weights (intercept first) by Newton steps on standardised data."""
    width = len(data[0][0])
    mean = [statistics.fmean(r[0][i] for r in data) for i in range(width)]
    spread = [statistics.pstdev(r[0][i] for r in data) or 1.0 for i in range(width)]
    xs = [[1.0] + [(r[0][i] - mean[i]) / spread[i] for i in range(width)] for r in data]
    beta = [0.0] * (width + 1)
    total = sum(r[2] for r in data)
    for _ in range(steps):
        grad = [0.0] * (width + 1)
        hess = [[0.0] * (width + 1) for _ in range(width + 1)]
        for x, (_, label, weight) in zip(xs, data, strict=True):
            p = 1 / (
                1
                + math.exp(-max(-30.0, min(30.0, sum(b * v for b, v in zip(beta, x, strict=True)))))
            )
            for i, xi in enumerate(x):
                grad[i] += (p - label) * weight * xi
                for j in range(i, width + 1):
                    hess[i][j] += p * (1 - p) * weight * xi * x[j]
        for i in range(width + 1):
            for j in range(i):
                hess[i][j] = hess[j][i]
            if i:
                hess[i][i] += l2 * total
                grad[i] += l2 * total * beta[i]
        beta = [b - s for b, s in zip(beta, _solve(hess, grad), strict=True)]
    coef = [beta[i + 1] / spread[i] for i in range(width)]
    intercept = beta[0] - sum(c * m for c, m in zip(coef, mean, strict=True))
    return (intercept, *coef)


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the system is small and well posed)."""
    n = len(vector)
    m = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col and m[col][col]:
                factor = m[r][col] / m[col][col]
                m[r] = [a - factor * b for a, b in zip(m[r], m[col], strict=True)]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def macro_f1(stories: list[dict[str, Any]], params: AlignParams) -> float:
    return statistics.fmean(score_story(g, params)["f1"] for g in stories)


def choose(stories: list[dict[str, Any]], weights: tuple[float, ...]) -> AlignParams:
    """The match threshold with the best macro F1 on ``stories``."""
    candidates = [replace(DEFAULT_PARAMS, weights=weights, match=t) for t in THRESHOLDS]
    return max(candidates, key=lambda p: macro_f1(stories, p))


def main() -> None:
    dev = [g for g in load_gold() if g["split"] == "dev"]
    data = {g["name"]: rows(g) for g in dev}
    held_out = []
    for story in dev:
        others = [g for g in dev if g is not story]
        params = choose(others, fit([r for g in others for r in data[g["name"]]]))
        held_out.append(score_story(story, params)["f1"])
        print(f"held out {story['name']:36} F1 {held_out[-1]:.3f} (match >= {params.match})")
    print(f"leave-one-story-out dev macro F1 {statistics.fmean(held_out):.3f}")
    params = choose(dev, fit([r for g in dev for r in data[g["name"]]]))
    print(f"all dev: macro F1 {macro_f1(dev, params):.3f}, match >= {params.match}")
    print("WEIGHTS =", tuple(round(w, 2) for w in params.weights))
    print("current:", f"macro F1 {macro_f1(dev, DEFAULT_PARAMS):.3f}", DEFAULT_PARAMS)


if __name__ == "__main__":
    main()
