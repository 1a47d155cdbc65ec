"""What a passage says, as comparable features: content stems, names, numbers, quotes.

Grouping articles into stories and aligning their paragraphs both compare passages written
by different outlets. Topic words are shared by everything in a story, so the signal is in
the specifics: proper names, numbers (normalised, so "54,000" and "54000" agree), quoted
words, and rarer content words. Stems use Porter2, as the search index does.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from whoosh.lang.porter2 import stem as porter2_stem

STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tell",
        "according",
        "mr",
        "mrs",
        "ms",
        "dr",
        "would",
        "could",
        "one",
        "two",
        "also",
        "new",
        "like",
        "just",
    ]
)

NUMBER_WORDS = {
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "dozen": "12",
    "hundred": "100",
    "thousand": "1000",
    "million": "1000000",
    "billion": "1000000000",
}

WORD = re.compile(r"\d[\d,.]*\d%?|\d%?|[^\W\d_](?:[\w'’.-]*\w)?")
QUOTED = re.compile(r"[“\"]([^”\"]{12,}?)[”\"]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;—–\"“(]\s*)$")


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The comparable form of one word: lower case, apostrophes and dots dropped, stemmed."""
    return porter2_stem(word.lower().replace("’", "").replace("'", "").replace(".", ""))


def normalize_number(token: str) -> str:
    """``54,000`` -> ``54000``; ``70%`` -> ``70%``; ``2.5`` stays; trailing dots dropped."""
    token = token.rstrip(".")
    return token.replace(",", "")


@dataclass(slots=True)
class Features:
    """The comparable content of one passage."""

    stems: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    names: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)
    quotes: list[list[str]] = field(default_factory=list)
    sequence: list[str] = field(default_factory=list)
    surface: dict[str, str] = field(default_factory=dict)  # stem -> first word seen


def features(text: str) -> Features:
    """Content stems (stop words out), capitalised names, numbers and quoted word runs."""
    found = Features()
    for match in WORD.finditer(text):
        token = match.group()
        if token[0].isdigit():
            number = normalize_number(token)
            found.numbers.add(number)
            found.sequence.append(number)
            continue
        lowered = token.lower()
        found.sequence.append(stem(token))
        if lowered in NUMBER_WORDS:
            found.numbers.add(NUMBER_WORDS[lowered])
        if lowered in STOP_WORDS or len(lowered) < 2:
            continue
        word_stem = stem(token)
        found.stems.append(word_stem)
        found.surface.setdefault(word_stem, lowered)
        if token[0].isupper() and not _sentence_start(text, match.start()):
            found.names.add(word_stem)
    found.counts = Counter(found.stems)
    found.quotes = [[stem(w) for w in WORD.findall(q)] for q in QUOTED.findall(text)]
    return found


def _sentence_start(text: str, position: int) -> bool:
    """Whether ``position`` opens the text or follows sentence punctuation (and spaces)."""
    return _SENTENCE_START.search(text[max(0, position - 40) : position]) is not None
