"""Entity names as text: comparison keys, trimming titles and fragments, type cues, acronyms.

Pure functions (no spaCy), shared by extraction and resolution. The word lists are in
``assets/entity_aliases.json``; see its ``_about``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from index.assets import ASSETS_DIR

#: The entity types Parallax keeps: people, organisations, places (spaCy GPE, LOC, FAC).
TYPES = ("PERSON", "ORG", "PLACE")
SPACY_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
#: Small words allowed inside a name ("People's Republic of China", "Bank of America").
CONNECTORS = frozenset({"of", "the", "and", "for", "de", "du", "da", "del", "al", "von", "van"})

_TOKEN = re.compile(r"\S+")
_DOTTED = re.compile(r"\b((?:[a-z]\.){2,})")
_EDGE_PUNCT = "\"'“”‘’()[],;:!?"


@dataclass(frozen=True, slots=True)
class Rules:
    """The word lists of ``assets/entity_aliases.json``, lower-cased."""

    aliases: dict[str, tuple[str, str]]  # key of a form -> (canonical name, type)
    titles: frozenset[str]
    modifiers: frozenset[str]
    fragments: frozenset[str]
    place_cues: frozenset[str]
    org_cues: frozenset[str]


@cache
def rules() -> Rules:
    data = json.loads((ASSETS_DIR / "entity_aliases.json").read_text(encoding="utf-8"))
    aliases: dict[str, tuple[str, str]] = {}
    for name, entry in data["aliases"].items():
        for form in [name, *entry["forms"]]:
            aliases[name_key(form)] = (name, entry["type"])
    words = {k: frozenset(w.lower() for w in data[k]) for k in data if isinstance(data[k], list)}
    return Rules(aliases, **words)


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A name for comparison: case-folded without accents, 'U.S.' as 'us', no leading 'the'
    or trailing 's."""
    key = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'").casefold())
    key = "".join(c for c in key if not unicodedata.combining(c))
    key = _DOTTED.sub(lambda m: m.group(1).replace(".", ""), key)
    key = re.sub(r"\s+", " ", key).strip(" .,;:-")
    key = re.sub(r"^the ", "", key)
    return re.sub(r"'s?$", "", key)


def canonical(key: str) -> str:
    """The key of the alias file's name for ``key`` (itself when it has none)."""
    found = rules().aliases.get(key)
    return name_key(found[0]) if found else key


def is_acronym(text: str) -> bool:
    """Two to ten capitals, dotted or not: 'PRC', 'U.S.', 'INDOPACOM'."""
    letters = text.replace(".", "").replace("’s", "").replace("'s", "")
    return 2 <= len(letters) <= 10 and letters.isalpha() and letters.isupper()


def cue_type(words: list[str]) -> str | None:
    """The type a name's last word tells ('... Prefecture' PLACE, '... Command' ORG)."""
    last = words[-1].lower().strip(_EDGE_PUNCT) if words else ""
    if last in rules().org_cues:
        return "ORG"
    if last in rules().place_cues:
        return "PLACE"
    return None


def trim(text: str, start: int, end: int, label: str) -> tuple[int, int, str] | None:
    """Offsets and type of the name in ``text[start:end]``, or None when it is no name.

    Strips a leading article and titles ('Secretary of Defense Lloyd Austin' is the person
    Lloyd Austin; a title just before the span counts too), trailing lower-case words and
    titles ('the Indo-Pacific region', 'US Secretaries'), and possessives. A type cue in
    the last word overrides the model's type when that word was trimmed or the model read
    a person.
    """
    r = rules()
    tokens = [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:end])]
    raw = [text[a:b].strip(_EDGE_PUNCT) for a, b in tokens]
    words = [w.lower() for w in raw]
    cue = cue_type(words)
    first, titled = _after_titles(raw, _title_before(text, start))
    if titled and cue is None:
        label = "PERSON"
    last = len(words)
    while last > first and not (
        raw[last - 1][:1].isupper() and (label == "PERSON" or words[last - 1] not in r.titles)
    ):
        last -= 1  # lower-case words, scores ('Surrey 429-7'), titles ('US Secretaries')
    if first >= last:
        return None
    a, b = tokens[first][0], tokens[last - 1][1]
    if _fragment(words[first:last], label, _title_near(text, a, b)):
        return None
    while a < b and text[a] in _EDGE_PUNCT:
        a += 1
    while b > a and text[b - 1] in _EDGE_PUNCT:
        b -= 1
    if text[a:b].endswith(".."):  # an ellipsis, not initials
        b = a + len(text[a:b].rstrip("."))
    b -= 2 if text[a:b].endswith(("'s", "’s")) else 0
    b -= 1 if text[a:b].endswith(("'", "’")) else 0
    if b <= a or not (text[a].isupper() or text[a].isdigit()):
        return None
    if cue and (label == "PERSON" or last < len(words)):
        label = cue  # a person is never '... Command'; 'the Indo-Pacific region' is a place
    return a, b, label


def _fragment(words: list[str], label: str, titled: bool) -> bool:
    """Words that are part of a title or a place name, not a name: 'State', 'Foreign
    Minister', 'Attorney General', 'Defense' after 'Secretary of' (but the person 'King',
    the party 'Labour')."""
    r = rules()
    if len(words) == 1 and words[0] in r.fragments:
        return True
    if not all(w in r.titles or w in r.modifiers or w in CONNECTORS for w in words):
        return False
    if any(w in r.titles for w in words) or len(words) > 1:  # 'Attorney General'
        return label != "PERSON"
    return titled


def _title_near(text: str, start: int, end: int) -> bool:
    after = text[end : end + 30].lower().split()[:1]
    return _title_before(text, start) or (bool(after) and after[0] in rules().titles)


def _title_before(text: str, start: int) -> bool:
    """Whether a title ends just before ``start`` ('Secretary of | Defense ...')."""
    before = text[max(0, start - 40) : start].lower().split()[-2:]
    r = rules()
    return bool(before) and (
        before[-1] in r.titles or (before[-1] == "of" and len(before) > 1 and before[0] in r.titles)
    )


def _after_titles(raw: list[str], titled: bool) -> tuple[int, bool]:
    """How many leading words are titles and their modifiers, and whether there was a title.

    Only a leading 'the' goes when there is no title, or when the rest would be no person
    (empty, or ending in a type cue: 'Defense Intelligence Agency').
    """
    r = rules()
    words = [w.lower() for w in raw]
    cut, seen = 0, False
    for i, word in enumerate(words):
        if word in r.titles:
            seen, cut = True, i + 1
        elif word in r.modifiers or word in CONNECTORS or (i == 0 and is_acronym(raw[i])):
            if (titled or seen) and word not in CONNECTORS:
                cut = i + 1
        else:
            break
    if not (titled or seen) or cut == 0 or cut >= len(words) or cue_type(words[cut:]):
        return (1 if len(words) > 1 and words[0] == "the" else 0), False
    return cut, True


def expands(acronym: str, words: list[str]) -> bool:
    """Whether ``words`` spell ``acronym``: initials ('PRC', 'USFJ' of 'U.S. Forces Japan')
    or, for six letters or more, word beginnings ('INDOPACOM' of 'Indo-Pacific Command')."""
    target = acronym.replace(".", "").lower()
    parts = [p for w in words for p in re.split(r"-", w) if p]
    lowered = [p.replace(".", "").replace("’s", "").replace("'s", "").lower() for p in parts]
    kept = [p for p in lowered if p not in CONNECTORS]
    if len(kept) < 2 or lowered[0] in CONNECTORS or target in lowered:
        return False
    if lowered[0][:1] != target[:1]:  # every spelling starts with the first word's letter
        return False
    syllables = len(target) >= 6
    upper = [is_acronym(p) for p in parts]

    @cache
    def spell(i: int, j: int) -> bool:
        if j == len(parts):
            return i == len(target)
        word = lowered[j]
        if word in CONNECTORS and spell(i, j + 1):
            return True
        if upper[j]:  # an acronym inside: all of it or its first letter ('U.S.' in 'USFJ')
            lengths = [len(word), 1]
        else:
            lengths = list(range(min(len(word), len(target) - i), 0, -1)) if syllables else [1]
        return any(target[i : i + k] == word[:k] and spell(i + k, j + 1) for k in lengths)

    return spell(0, 0)


_CAP = r"[A-Z][\w.'’&-]*"
_RUN = re.compile(rf"{_CAP}(?:\s+(?:(?:of|the|and|for|de)\s+)*{_CAP})*")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_NOT_FIRST = CONNECTORS | {"a", "an", "this", "that", "these", "those", "in", "on", "at", "as"}


def name_spans(text: str, max_words: int = 8) -> Iterator[tuple[int, int, list[str]]]:
    """Runs of two or more capitalised words (small connectors inside), as
    ``(start, end, words)``: every sub-run that starts and ends with a capital, longest first."""
    for run in _RUN.finditer(text):
        tokens = [(m.start() + run.start(), m.end() + run.start()) for m in _TOKEN.finditer(run[0])]
        tokens = [(a, word_end(text, a, b)) for a, b in tokens]
        words = [text[a:b] for a, b in tokens]
        caps = [i for i, w in enumerate(words) if w[:1].isupper() and w.lower() not in _NOT_FIRST]
        for i in caps:
            for j in reversed(caps):
                if i < j < i + max_words:
                    yield tokens[i][0], tokens[j][1], words[i : j + 1]


def word_end(text: str, start: int, end: int) -> int:
    """``end`` without a sentence's full stop or a possessive 's."""
    word = text[start:end]
    if word.endswith((".", "-")) and not _INITIALS.fullmatch(word):
        end -= 1
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    elif text[start:end].endswith(("'", "’")):
        end -= 1
    return end


def title_case(text: str) -> bool:
    """A line whose longer words are all capitalised (a headline), where every capital
    looks like a name to the model."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
