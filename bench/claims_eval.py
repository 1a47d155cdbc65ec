"""Scoring for the claims section: PolNeAR attribution spans and BASIL quote speakers.

PolNeAR (``../shared/data/polnear``): each article's text is split at blank lines into
paragraphs, claims are extracted, and their source, cue and content spans are compared
with the annotated ones (the first annotator's file where several annotated an article).
Quotes with the same source and cue are one attribution, as PolNeAR annotates them.
*Exact* counts spans with the same characters (surrounding spaces aside); *overlap* gives
each span the best share of its words found in a span of the other side (soft precision
and recall over spans). BASIL: a quote annotated with a named speaker (not ``other_*``) is
found in its article's text; the claim holding it is right when the annotated speaker's
name words include the last word of the claim's speaker (so "Steele" is "Michael_Steele").
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from index.claim_model import NUMBER, Claim

KINDS = ("Source", "Cue", "Content")
Ranges = tuple[tuple[int, int], ...]


@dataclass(slots=True)
class Document:
    """A PolNeAR article: its text, paragraphs with offsets and gold spans by kind."""

    name: str
    text: str
    paragraphs: list[tuple[int, str]]
    offsets: list[int]
    gold: dict[str, list[Ranges]] = field(default_factory=dict)


def polnear(root: Path, split: str) -> Iterator[Document]:
    folder = root / split
    annotations: dict[str, Path] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        annotations.setdefault(path.stem.rsplit("_", 1)[0], path)
    for path in sorted((folder / "text").glob("*.txt")):
        if path.stem not in annotations:
            continue
        text = path.read_text(encoding="utf-8")
        paragraphs: list[tuple[int, str]] = []
        offsets: list[int] = []
        for match in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
            offsets.append(match.start())
            paragraphs.append((len(paragraphs), match.group()))
        doc = Document(path.stem, text, paragraphs, offsets)
        doc.gold = _gold(annotations[path.stem])
        yield doc


def _gold(path: Path) -> dict[str, list[Ranges]]:
    gold: dict[str, list[Ranges]] = {kind: [] for kind in KINDS}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].startswith("T"):
            continue
        kind, _, spans = fields[1].partition(" ")
        if kind in gold:
            ranges = tuple(tuple(map(int, s.split())) for s in spans.split(";"))
            gold[kind].append(ranges)  # type: ignore[arg-type]
    return gold


def predicted(doc: Document, claims: list[Claim]) -> dict[str, list[Ranges]]:
    """Source, cue and content spans of the claims, as document offsets."""
    groups: dict[object, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind != NUMBER:
            groups[(claim.source, claim.cue_span) if claim.cue_span else id(claim)].append(claim)
    found: dict[str, list[Ranges]] = {kind: [] for kind in KINDS}
    for members in groups.values():
        first = members[0]
        for kind, span in (("Source", first.source), ("Cue", first.cue_span)):
            if span is not None:
                base = doc.offsets[span[0]]
                found[kind].append(((base + span[1], base + span[2]),))
        content: list[tuple[int, int]] = []
        for claim in members:
            base = doc.offsets[claim.paragraph]
            pieces = claim.parts or [(claim.start, claim.end)]
            content.extend((base + a, base + b) for a, b in pieces)
        found["Content"].append(tuple(content))
    return found


def _words(text: str, ranges: Ranges) -> set[int]:
    """Start offsets of the span's words (of its marks, for a cue such as "―")."""
    found = {a + m.start() for a, b in ranges for m in re.finditer(r"\w+", text[a:b])}
    return found or {a + m.start() for a, b in ranges for m in re.finditer(r"\S", text[a:b])}


def _norm(text: str, ranges: Ranges) -> Ranges:
    out = []
    for a, b in ranges:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        out.append((a, b))
    return tuple(out)


class SpanScore:
    """Exact and word-overlap precision and recall, summed over documents."""

    def __init__(self) -> None:
        self.totals: defaultdict[str, float] = defaultdict(float)

    def add(self, text: str, gold: list[Ranges], pred: list[Ranges]) -> None:
        t = self.totals
        gold_n = {_norm(text, g) for g in gold}
        pred_n = {_norm(text, p) for p in pred}
        t["gold"] += len(gold_n)
        t["pred"] += len(pred_n)
        t["exact"] += len(gold_n & pred_n)
        gold_w = [_words(text, g) for g in gold_n]
        pred_w = [_words(text, p) for p in pred_n]
        for g in gold_w:
            t["recall"] += max((len(g & p) / len(g) for p in pred_w), default=0.0) if g else 0
        for p in pred_w:
            t["precision"] += max((len(g & p) / len(p) for g in gold_w), default=0.0) if p else 0

    def scores(self) -> dict[str, float]:
        t = self.totals
        exact_p = t["exact"] / t["pred"] if t["pred"] else 0.0
        exact_r = t["exact"] / t["gold"] if t["gold"] else 0.0
        soft_p = t["precision"] / t["pred"] if t["pred"] else 0.0
        soft_r = t["recall"] / t["gold"] if t["gold"] else 0.0
        return {
            "gold": t["gold"],
            "predicted": t["pred"],
            "exact_p": exact_p,
            "exact_r": exact_r,
            "exact_f1": _f1(exact_p, exact_r),
            "overlap_p": soft_p,
            "overlap_r": soft_r,
            "overlap_f1": _f1(soft_p, soft_r),
        }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class BasilQuote:
    """One annotated quote: its article paragraphs, where it is, and who said it."""

    article: str
    paragraphs: list[tuple[int, str]]
    paragraph: int
    start: int
    end: int
    speaker: str
    year: int


def basil_quotes(root: Path) -> Iterator[tuple[str, list[tuple[int, str]], list[BasilQuote]]]:
    """BASIL articles with their named-speaker quotes (as paragraphs and positions)."""
    for path in sorted((root / "annotations").glob("*/*_ann.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        article_path = root / "articles" / path.parent.name / (path.stem[: -len("_ann")] + ".json")
        article = json.loads(article_path.read_text(encoding="utf-8"))
        paragraphs = [(k, " ".join(s)) for k, s in enumerate(article.get("body-paragraphs", []))]
        quotes = []
        for item in data.get("phrase-level-annotations", []):
            speaker = item.get("speaker", "")
            if item.get("quote") != "yes" or not speaker or speaker.startswith("other"):
                continue
            where = _find(paragraphs, item.get("txt", "").strip(), item.get("id", ""))
            if where is not None:
                quotes.append(
                    BasilQuote(path.stem, paragraphs, *where, speaker, int(path.parent.name))
                )
        if quotes:
            yield path.stem, paragraphs, quotes


def _find(paragraphs: list[tuple[int, str]], txt: str, hint: str) -> tuple[int, int, int] | None:
    if not txt:
        return None
    order = [int(hint[1:])] if hint[1:].isdigit() else []
    for k in order + list(range(len(paragraphs))):
        if 0 <= k < len(paragraphs):
            at = paragraphs[k][1].find(txt)
            if at >= 0:
                return k, at, at + len(txt)
    return None


def speaker_right(quote: BasilQuote, claims: list[Claim]) -> bool | None:
    """Whether the claim holding the quote names its speaker; None when no claim holds it."""
    holding = [
        c
        for c in claims
        if c.kind != NUMBER
        and c.paragraph == quote.paragraph
        and c.start < quote.end
        and quote.start < c.end
    ]
    if not holding:
        return None
    best = max(holding, key=lambda c: min(c.end, quote.end) - max(c.start, quote.start))
    gold = {w.lower() for w in re.split(r"[_\s]+", quote.speaker) if w}
    words = best.speaker.replace("’s", "").replace("'s", "").lower().split()
    return bool(words) and words[-1].strip(".,") in gold
