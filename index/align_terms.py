"""The terms paragraph alignment compares, and what each weighs in one story.

A paragraph's terms are its content stems (``index.features``) and its numbers, normalised
so that "70%" and "70 percent", "1.7 billion" and "1,700,000,000", "two" and "2" agree.
A term's weight multiplies its rarity in the story (``log((N + 1) / (df + 0.5))`` over the
story's paragraphs, so topic words shared by everything weigh little) by the square root
of its rarity in English at large (wordfreq), so "residency" outweighs "state" when both
are rare in the story. Numbers count as rare in English. Exponents and floors were chosen
on the dev part of the gold alignments.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from typing import Protocol

from index.background import document_share
from index.features import NUMBER_WORDS as BASE_NUMBER_WORDS
from index.features import WORD, Features, normalize_number

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
#: Number words read as values; scale words ("million") multiply instead (see SCALES).
NUMBER_WORDS = {w: n for w, n in BASE_NUMBER_WORDS.items() if w not in SCALES} | {
    "eleven": "11",
    "twelve": "12",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
}
PERCENT = frozenset({"percent", "per", "pct"})  # "per cent" too
ENGLISH_FLOOR = 0.5  # added to a word's English rarity, so common words keep some weight
ENGLISH_POWER = 0.5  # how much English rarity counts against story rarity
NUMBER_RARITY = 4.0  # a number's English rarity (about that of "residency")
MIN_SHARE = 0.002  # English share below which words count as equally rare


class Weighable(Protocol):
    """A paragraph with features, to which ``weigh`` attaches term weights."""

    feats: Features
    numbers: set[str]
    weights: dict[str, float]
    norm: float


def numbers(text: str) -> set[str]:
    """Numbers in ``text``, normalised: ``54000``, ``70%``, ``1700000000``, ``2``."""
    tokens = WORD.findall(text)
    found = set()
    for i, token in enumerate(tokens):
        lowered = token.lower()
        if token[0].isdigit():
            value = normalize_number(token)
        elif lowered in NUMBER_WORDS:
            value = NUMBER_WORDS[lowered]
        else:
            continue
        following = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        if value.endswith("%") or following in PERCENT:
            value = value.rstrip("%") + "%"
        elif following in SCALES:
            value = _scaled(value, SCALES[following])
        found.add(value)
    return found


def _scaled(value: str, scale: float) -> str:
    try:
        number = float(value) * scale
    except ValueError:
        return value
    return str(round(number)) if abs(number - round(number)) < 1e-6 else str(number)


def english_rarity(word: str) -> float:
    """``log(1 / share)`` of English news articles holding ``word`` (0 for "the")."""
    return math.log(1 / (document_share(word) + MIN_SHARE))


def weigh(units: Iterable[Weighable]) -> None:
    """Set each unit's ``weights`` (term -> weight) and ``norm`` (their sum)."""
    units = list(units)
    df: Counter[str] = Counter()
    surface: dict[str, str] = {}
    for unit in units:
        df.update(unit.feats.counts.keys())
        df.update("#" + n for n in unit.numbers)
        for stem, word in unit.feats.surface.items():
            surface.setdefault(stem, word)
    total = len(units) + 1
    weight = {}
    for term, count in df.items():
        story = max(math.log(total / (count + 0.5)), 0.01)
        english = NUMBER_RARITY if term[0] == "#" else english_rarity(surface[term])
        weight[term] = story * (ENGLISH_FLOOR + english) ** ENGLISH_POWER
    for unit in units:
        terms = list(unit.feats.counts.keys()) + ["#" + n for n in unit.numbers]
        unit.weights = {term: weight[term] for term in terms}
        unit.norm = sum(unit.weights.values())
