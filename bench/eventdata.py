"""Multi-outlet event data from ../shared/data, read in place as prepared Parallax articles.

BASIL: 100 events, each told by Fox News, the New York Times and HuffPost. NewsWCL50: 10
events in five outlets, as CoNLL tokens with paragraph marks. ECB+: 43 topics, each with
two sub-events (``ecb`` and ``ecbplus`` documents), so sibling sub-events are hard
negatives. The seed story is the demo corpus in ``assets/demo``. Every article is built
as ``[title, *paragraphs]`` so its headline is paragraph 0, and keyed by a stable name
(``basil:<triplet>_<n>``, ``newswcl50:<event>_<outlet>``, ``ecbplus:<file>``, ``seed:<file>``)
that gold files refer to. Nothing here is copied into the repository.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from index.model import Article, IngestError, RawArticle, Role
from index.prepare import prepare_article
from index.sources import parse_input

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO.parent / "shared" / "data"
BASIL_OUTLETS = {"fox": "Fox News", "nyt": "New York Times", "hpo": "HuffPost"}
WCL_OUTLETS = {"LL": "HuffPost", "L": "New York Times", "M": "USA Today", "R": "Fox News"}
WCL_OUTLETS["RR"] = "Breitbart"


@dataclass(frozen=True, slots=True)
class EventArticle:
    """One article with the event it belongs to (the grouping gold)."""

    event: str
    article: Article


def available(name: str) -> bool:
    return (DATA_DIR / name).is_dir()


def _prepared(key: str, title: str, paragraphs: list[str], outlet: str, date: str) -> Article:
    raw = RawArticle([title, *paragraphs], title=title, outlet=outlet, date=date, source=key)
    return prepare_article(raw, article_id=key)


def basil() -> Iterator[EventArticle]:
    """BASIL's 300 articles; the event is the triplet."""
    for path in sorted((DATA_DIR / "basil" / "articles").glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(sentences) for sentences in data.get("body-paragraphs", [])]
        code = str(data.get("source", "")).lower()
        outlet = BASIL_OUTLETS.get(code, code)
        key = f"basil:{path.stem}"
        try:
            article = _prepared(key, data["title"], paragraphs, outlet, data.get("date", ""))
        except IngestError:
            continue
        yield EventArticle(f"basil:{data['triplet-uuid']}", article)


_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}”’]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[{“$]) ")


def detokenize(tokens: list[str]) -> str:
    """Join word tokens into readable text (quotes and punctuation attached)."""
    words = [{"``": "“", "''": "”", "-LRB-": "(", "-RRB-": ")"}.get(t, t) for t in tokens]
    text = " ".join(words)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    text = _NO_SPACE_AFTER.sub(r"\1", text)
    text = re.sub(r'(^|\s)" (.*?) "', r"\1“\2”", text)
    return re.sub(r" - ", "-", text) if " - " in text and len(text) < 30 else text


def newswcl50() -> Iterator[EventArticle]:
    """NewsWCL50's 50 articles; paragraphs end at ``\\n`` tokens.

    The first block is the headline line (paragraph 0); the title is made from the page
    address. Known leftovers of the tokens: spaced hyphens and single quotes, and 19 paragraph
    marks written with a space (kept as they are, so gold paragraph numbers stay valid).
    """
    path = DATA_DIR / "newswcl50" / "NewsWCL50.conll"
    documents: dict[str, list[list[str]]] = {}
    current: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#begin document"):
            name = line.split()[2].rstrip(";").split("/")[-1]
            current = documents.setdefault(name, [[]])
            continue
        fields = line.split("\t")
        if len(fields) < 4 or line.startswith("#"):
            continue
        if fields[3] == "\\n":
            current.append([])
        else:
            current[-1].append(fields[3])
    urls = _wcl_urls()
    for name, blocks in sorted(documents.items()):
        texts = [detokenize(block) for block in blocks if block]
        event, outlet_code = name.split("_", 1)
        outlet = WCL_OUTLETS.get(outlet_code, outlet_code)
        url = urls.get((event, outlet_code), "")
        raw = RawArticle(texts, title=_slug_title(url) or texts[0], outlet=outlet, url=url)
        raw.roles = {0: Role.HEADLINE}  # the first block is the headline line
        raw.source = f"newswcl50:{name}"
        article = prepare_article(raw, article_id=raw.source)
        yield EventArticle(f"newswcl50:{event}", article)


def _wcl_urls() -> dict[tuple[str, str], str]:
    path = DATA_DIR / "newswcl50" / "orig_urls.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    return {(row[0], row[1]): row[2].strip() for row in rows if len(row) >= 3}


def _slug_title(url: str) -> str:
    parts = [p for p in url.split("?")[0].rstrip("/").split("/") if re.search(r"[a-z]-[a-z]", p)]
    if not parts:
        return ""
    slug = re.sub(r"\.html?$|_[0-9a-f]{10,}$|-\d{6,}$", "", parts[-1])
    return slug.replace("-", " ").capitalize()


def ecbplus() -> Iterator[EventArticle]:
    """ECB+ documents; the event is topic plus sub-topic (``ecb`` or ``ecbplus``)."""
    for path in sorted((DATA_DIR / "ecbplus" / "ECB+").glob("*/*.xml"), key=_ecb_order):
        root = ElementTree.parse(path).getroot()
        sentences: dict[int, list[str]] = {}
        for token in root.iter("token"):
            sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
        texts = [detokenize(words) for _, words in sorted(sentences.items())]
        if len(texts) < 2:
            continue
        topic = path.parent.name
        sub = "ecbplus" if path.stem.endswith("ecbplus") else "ecb"
        try:
            article = _prepared(f"ecbplus:{path.stem}", texts[0], texts[1:], "", "")
        except IngestError:
            continue
        yield EventArticle(f"ecbplus:{topic}_{sub}", article)


def _ecb_order(path: Path) -> tuple[int, str]:
    return (int(path.parent.name) if path.parent.name.isdigit() else 0, path.name)


def seed() -> Iterator[EventArticle]:
    """The demo corpus: one story in three outlets, parsed as ``parallax add`` would."""
    for path in sorted((REPO / "assets" / "demo").glob("*.txt")):
        for raw in parse_input(str(path)).items:
            if isinstance(raw, RawArticle):
                key = f"seed:{path.stem}"
                yield EventArticle("seed:2plus2", prepare_article(raw, article_id=key))


LOADERS = {"basil": basil, "newswcl50": newswcl50, "ecbplus": ecbplus, "seed": seed}


def load(name: str) -> list[EventArticle]:
    """All articles of one dataset, or [] when it is not on this machine."""
    if name != "seed" and not available(name):
        return []
    return list(LOADERS[name]())


def by_key(names: list[str]) -> dict[str, Article]:
    """Articles of the named datasets by key."""
    return {e.article.id: e.article for name in names for e in load(name)}
