"""The same claim across outlets: clusters, what differs inside them, and conflicts.

Two quotes or statements of different articles are the same claim when most words of the
shorter one appear, in order and in runs of three or more, in the longer one, so different
punctuation, a cut-off quote or a paraphrase wrapped around the quoted words still match.
Two numbers are the same claim when they share a unit and what they count (or the words
of their sentences) and either agree or differ; differing values make a ``number``
conflict. Inside a cluster each claim is compared with the longest one: wording,
truncation, qualifier, number, speaker and cue differences are named, and a cluster whose
members disagree on the number, on who said it, or on a negation is marked as a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from index.claim_cues import NEGATIONS
from index.claim_model import NUMBER, QUOTE, Claim
from index.claim_numbers import compatible
from index.claim_speakers import is_personish
from index.features import STOP_WORDS
from index.model import Article
from index.wording import QUALIFIERS

#: Share of the shorter claim's words found in runs in the longer one, to be one claim.
LINK = 0.6
#: Words in shared runs that make claims of aligned paragraphs one claim in other words.
PARAPHRASE_WORDS = 5
PARAPHRASE_SHARE = 0.5
#: Words a claim needs to be matched by wording.
MIN_WORDS = 4
#: Runs of this many words in a row count as shared wording.
RUN = 3
#: Numbers this close (relative) are the same figure.
TOLERANCE = 0.02

_WORD = re.compile(r"\d[\d,.]*\d|\d|[^\W_]+(?:['’][^\W_]+)?")


def words(text: str) -> list[str]:
    """Lower-case words, digits without thousands separators ("54,000" is "54000")."""
    out = []
    for match in _WORD.finditer(text.replace("U.S.", "US").replace("’", "'")):
        word = match.group().lower()
        out.append(word.replace(",", "") if word[0].isdigit() else word)
    return out


def _content(tokens: list[str]) -> set[str]:
    return {t for t in tokens if t not in STOP_WORDS and len(t) > 1}


def shared_run_words(a: list[str], b: list[str]) -> tuple[int, int]:
    """Words of the shorter list found in the longer in runs of ``RUN`` or more (a typo
    such as "signifiant" still matching), and the shorter list's length."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return 0, 0
    short = _typos_fixed(short, set(long))
    blocks = SequenceMatcher(None, short, long, autojunk=False).get_matching_blocks()
    return sum(size for _, _, size in blocks if size >= min(RUN, len(short))), len(short)


def shared_share(a: list[str], b: list[str]) -> float:
    """Share of the shorter word list found in the longer in runs of ``RUN`` or more."""
    found, size = shared_run_words(a, b)
    return found / size if size else 0.0


def _typos_fixed(words: list[str], vocabulary: set[str]) -> list[str]:
    out = []
    for word in words:
        if len(word) >= 6 and word not in vocabulary:
            near = [
                v
                for v in vocabulary
                if abs(len(v) - len(word)) <= 2
                and v[:2] == word[:2]
                and SequenceMatcher(None, v, word).ratio() >= 0.85
            ]
            word = near[0] if near else word
        out.append(word)
    return out


class _Union:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def cluster(claims: list[Claim], articles: Sequence[Article] = ()) -> None:
    """Set ``cluster``, ``differences`` and ``conflict`` on claims of several articles.

    With the ``articles``, claims in paragraphs that alignment matches may also be one
    claim in different words: each is joined to its best such partner in each other article.
    """
    _full_names(claims)
    tokens = [words(c.text) for c in claims]
    keys = [{w[:4] for w in _content(t)} for t in tokens]  # a typo seldom hits the first 4
    aligned = _aligned(articles) if len(articles) > 1 else set()
    union = _Union(len(claims))
    best: dict[tuple[int, str], tuple[int, int]] = {}
    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            b = claims[j]
            if a.article == b.article or (a.kind == NUMBER) != (b.kind == NUMBER):
                continue
            if a.kind == NUMBER:
                if _same_number_claim(a, b):
                    union.join(i, j)
                continue
            if min(len(tokens[i]), len(tokens[j])) < MIN_WORDS:
                continue
            if len(keys[i] & keys[j]) < min(2, len(keys[i]), len(keys[j])):
                continue
            found, size = shared_run_words(tokens[i], tokens[j])
            if found >= max(MIN_WORDS, LINK * size):
                union.join(i, j)
            elif found >= max(PARAPHRASE_WORDS, PARAPHRASE_SHARE * size) and _pair(a, b) in aligned:
                for x, y in ((i, j), (j, i)):
                    key = (x, claims[y].article)
                    if found > best.get(key, (0, -1))[0]:
                        best[key] = (found, y)
    for (i, _), (_, j) in best.items():
        union.join(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(claims)):
        groups.setdefault(union.find(i), []).append(i)
    for number, members in enumerate(sorted(groups.values(), key=min), start=1):
        for i in members:
            claims[i].cluster = f"c{number}"
        if len(members) > 1:
            _compare([claims[i] for i in members], [tokens[i] for i in members])


def _pair(a: Claim, b: Claim) -> tuple[tuple[str, int], tuple[str, int]]:
    first, second = sorted([(a.article, a.paragraph), (b.article, b.paragraph)])
    return first, second


def _aligned(articles: Sequence[Article]) -> set[tuple[tuple[str, int], tuple[str, int]]]:
    """Paragraph pairs of different articles that alignment matches."""
    from index.align import align

    alignment = align(list(articles))
    ids = [a.id for a in alignment.articles]
    pairs = set()
    for link in alignment.matches():
        first, second = sorted([(ids[link.a[0]], link.a[1]), (ids[link.b[0]], link.b[1])])
        pairs.add((first, second))
    return pairs


def _head(counted: str) -> str:
    last = words(counted)[-1:] or [""]
    return last[0].removesuffix("s")


def _same_number_claim(a: Claim, b: Claim) -> bool:
    if a.unit != b.unit or a.value is None or b.value is None:
        return False
    context = _content(words(a.context)) & _content(words(b.context))
    context -= {w for w in context if w[0].isdigit()}
    same_thing = bool(a.counted and _head(a.counted) == _head(b.counted))
    if _agree(a.value, b.value) and a.upper == b.upper:
        return same_thing or len(context) >= 2
    return same_thing and len(context) >= 3


def _agree(x: float, y: float) -> bool:
    return abs(x - y) <= TOLERANCE * max(abs(x), abs(y))


def _compare(members: list[Claim], tokens: list[list[str]]) -> None:
    """Name each member's differences from the cluster's longest claim; mark conflicts."""
    lead = max(range(len(members)), key=lambda k: (len(tokens[k]), members[k].kind == QUOTE))
    ref, ref_words = members[lead], tokens[lead]
    conflicts: set[str] = set()
    for claim, mine in zip(members, tokens, strict=True):
        found: list[str] = []
        if claim.kind == NUMBER:
            if not _agree(claim.value or 0.0, ref.value or 0.0) or claim.upper != ref.upper:
                found.append("number")
            if any(not compatible(claim, other) for other in members if other.kind == NUMBER):
                conflicts.add("number")
            if claim.qualifier != ref.qualifier:
                found.append("qualifier")
        elif claim is not ref:
            found.extend(_wording(ref_words, mine, ref.text, claim.text))
            if claim.kind != ref.kind:
                found.append("paraphrase")
            if "negation" in found:
                conflicts.add("negation")
        if claim.speaker and ref.speaker and _name_key(claim.speaker) != _name_key(ref.speaker):
            found.append("speaker")
            if is_personish(claim.speaker) and is_personish(ref.speaker):
                conflicts.add("speaker")
        if claim.cue and ref.cue and claim.cue.lower() != ref.cue.lower():
            found.append("cue")
        claim.differences = found
    conflict = ",".join(sorted(conflicts))
    for claim in members:
        claim.conflict = conflict


def _wording(ref: list[str], mine: list[str], ref_text: str, text: str) -> list[str]:
    """How one claim's words differ from the reference's (edges cut off are truncation)."""
    found: list[str] = []
    ops = [op for op in SequenceMatcher(None, ref, mine, autojunk=False).get_opcodes()]
    changes = [op for op in ops if op[0] != "equal"]
    edge = [op for op in changes if op[1] == 0 == op[3] or (op[2], op[4]) == (len(ref), len(mine))]
    if len(mine) < len(ref) and any(op[2] - op[1] > op[4] - op[3] for op in edge):
        found.append("truncated")
    changed = {
        "not" if w.endswith("n't") else w
        for op in changes
        if op not in edge
        for w in ref[op[1] : op[2]] + mine[op[3] : op[4]]
    }
    if changed & NEGATIONS:
        found.append("negation")
    if changed & QUALIFIERS:
        found.append("qualifier")
    if changed - QUALIFIERS - NEGATIONS:
        found.append("wording")
    if not changes and _squeeze(ref_text) != _squeeze(text):
        found.append("punctuation")
    return found


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _name_key(name: str) -> str:
    return (name.lower().split() or [""])[-1]


_ALIASES = {"US": "United States", "U.S.": "United States", "USA": "United States"}
_ALIASES |= {"UK": "United Kingdom", "U.K.": "United Kingdom", "UN": "United Nations"}


def _full_names(claims: list[Claim]) -> None:
    """Write a speaker's short name ("Austin") as the full name another outlet gives, and
    "US" as "United States"."""
    for claim in claims:
        if any(word in _ALIASES for word in claim.speaker.split()):
            claim.speaker = " ".join(_ALIASES.get(w, w) for w in claim.speaker.split())
    full: dict[str, set[str]] = {}
    for claim in claims:
        if claim.speaker and len(claim.speaker.split()) >= 2 and is_personish(claim.speaker):
            full.setdefault(_name_key(claim.speaker), set()).add(claim.speaker)
    for claim in claims:
        names = full.get(_name_key(claim.speaker)) if claim.speaker else None
        if names and len(names) == 1 and len(claim.speaker.split()) == 1:
            claim.speaker = next(iter(names))
