"""The terms paragraph alignment compares, and what each weighs in one story.

A paragraph's terms are its content stems (``index.features``) and its numbers, normalised
so that "70%" and "70 percent", "1.7 billion" and "1,700,000,000", "two" and "2" agree; a
large number also gives a rounded term (two significant figures), so that "$43,885,310" and
"nearly $44 million" agree too.
A term's weight multiplies its rarity in the story (``log((N + 1) / (df + 0.5))`` over the
story's paragraphs, so topic words shared by everything weigh little) by the square root
of its rarity in English at large (wordfreq), so "residency" outweighs "state" when both
are rare in the story. Numbers count as rare in English. Exponents and floors were chosen
on the dev part of the gold alignments.

``weigh`` also sorts each paragraph's terms into numbers, names and other words, and gives
it its phrases: runs of ``PHRASE`` words, stop words included, so a quote carried word for
word ("Tell me who you are") is seen even when all its words are common, and its
sentences' terms, so the competition between partners can be judged sentence by sentence.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from typing import Protocol

from index.background import document_share
from index.features import NUMBER_WORDS as BASE_NUMBER_WORDS
from index.features import WORD, Features, features, normalize_number
from index.model import Role
from index.sentences import sentence_bounds

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
PHRASE = 4  # words in a phrase
NUMBER, NAME, WORD_KIND = 0, 1, 2  # kinds of terms: a number, a name, another content word
ROUGH = "~"  # marks a number rounded to two significant figures


class Weighable(Protocol):
    """A paragraph with features, to which ``weigh`` attaches term weights."""

    role: Role
    feats: Features
    numbers: set[str]
    weights: dict[str, float]
    norm: float
    kinds: dict[str, int]
    phrases: set[int]
    text: str
    sentences: list[frozenset[str]]


def sentences(text: str) -> list[str]:
    """``text`` cut at full stops that end a sentence (not "Mr." or "U.S.")."""
    bounds = sentence_bounds(text)
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if text[a:b].strip()]


def terms_of(text: str) -> frozenset[str]:
    """The terms of a passage as ``weigh`` keys them: content stems and ``#`` numbers."""
    return frozenset(features(text).counts) | {"#" + n for n in numbers(text)}


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
        rough = _rough(value)
        if rough:
            found.add(rough)
    return found


def _rough(value: str) -> str:
    """``~44000000`` for 43,885,310 or 44 million: large numbers, not years, two figures."""
    try:
        number = float(value)
    except ValueError:
        return ""
    if number < 1000 or number.is_integer() and 1900 <= number <= 2100 and "." not in value:
        return ""
    digits = math.floor(math.log10(number)) - 1
    return ROUGH + str(round(round(number / 10**digits) * 10**digits))


def _scaled(value: str, scale: float) -> str:
    try:
        number = float(value) * scale
    except ValueError:
        return value
    return str(round(number)) if abs(number - round(number)) < 1e-6 else str(number)


def phrases(sequence: list[str]) -> set[int]:
    """Hashes of the runs of ``PHRASE`` words of a paragraph (stop words and numbers in)."""
    return {hash(tuple(sequence[i : i + PHRASE])) for i in range(len(sequence) - PHRASE + 1)}


def english_rarity(word: str) -> float:
    """``log(1 / share)`` of English news articles holding ``word`` (0 for "the")."""
    return math.log(1 / (document_share(word) + MIN_SHARE))


def weigh(units: Iterable[Weighable]) -> None:
    """Set each unit's ``weights`` (term -> weight), ``norm`` (their sum), ``kinds`` (term ->
    ``NUMBER``, ``NAME``: capitalised inside a sentence somewhere in the story outside the
    headlines, or
    ``WORD_KIND``), ``phrases`` and ``sentences`` (each sentence's terms)."""
    units = list(units)
    df: Counter[str] = Counter()
    surface: dict[str, str] = {}
    names: set[str] = set()
    for unit in units:
        if unit.role is not Role.HEADLINE:  # headlines Capitalise Every Word
            names |= unit.feats.names
        df.update(unit.feats.counts.keys())
        df.update("#" + n for n in unit.numbers)
        for word_stem, word in unit.feats.surface.items():
            surface.setdefault(word_stem, word)
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
        unit.kinds = {
            t: NUMBER if t[0] == "#" else NAME if t in names else WORD_KIND for t in terms
        }
        unit.phrases = phrases(unit.feats.sequence)
        parts = sentences(unit.text)
        own = unit.weights.keys()
        unit.sentences = (
            [frozenset(terms_of(part).intersection(own)) for part in parts]
            if len(parts) > 1
            else [frozenset(own)]
        )
