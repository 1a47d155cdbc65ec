"""Add articles to a library: parse inputs, skip duplicates, update changed sources, index.

Bad inputs are reported one line each and skipped; the rest of the batch goes in.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from index.library import Library
from index.model import Article, IngestError, RawArticle
from index.prepare import prepare_article
from index.sources import expand_inputs, parse_input

SAVE_BATCH = 200
#: Index after this many saved articles, in one Whoosh commit: each commit adds segments,
#: and merging segments cost nearly half of a 130k ingest when this was 5000.
INDEX_EVERY = 20_000

ProgressCallback = Callable[[int, int, str], None]


@dataclass(slots=True)
class IngestReport:
    """What an ``add`` did, in the JSON shape the CLI promises."""

    added: list[dict[str, str]] = field(default_factory=list)
    updated: list[dict[str, str]] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    failed: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, list[dict[str, str]]]:
        return {
            "added": self.added,
            "updated": self.updated,
            "skipped": self.skipped,
            "failed": self.failed,
        }


class _Batch:
    """Articles waiting to be saved, with what they make known (sources and hashes).

    A source met twice keeps its later article (the newer text) in the earlier place.
    """

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.entries: list[dict[str, str]] = []
        self.by_source: dict[str, int] = {}
        self.by_hash: dict[str, str] = {}

    def pending(self, source: str) -> Article | None:
        at = self.by_source.get(source)
        return None if at is None else self.articles[at]

    def add(self, article: Article, entry: dict[str, str]) -> None:
        at = self.by_source.get(article.source)
        if at is None:
            self.by_source[article.source] = len(self.articles)
            self.articles.append(article)
            self.entries.append(entry)
        else:
            self.by_hash.pop(self.articles[at].content_hash, None)
            self.articles[at] = article
            self.entries[at] = entry
        self.by_hash[article.content_hash] = article.id

    def save(self, library: Library) -> int:
        """Save the articles in one transaction; ids taken over from a concurrent writer
        of the same source are corrected in the report. Returns how many were saved."""
        stored = library.store.save_many(self.articles)
        for entry, stored_id in zip(self.entries, stored, strict=True):
            entry["id"] = stored_id
        return len(stored)


def add_inputs(
    library: Library,
    inputs: list[str],
    *,
    outlet: str = "",
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Ingest files, folders and URLs into ``library``."""
    report = IngestReport()
    names = list(expand_inputs(inputs))
    batch = _Batch()
    library.ensure_index()
    unindexed = 0
    for done, name in enumerate(names, start=1):
        parsed = parse_input(name)
        for item in parsed.items:
            if isinstance(item, IngestError):
                report.failed.append({"path": name, "error": str(item)})
            else:
                _add_one(library, item, name, outlet, batch, report)
            if len(batch.articles) >= SAVE_BATCH:  # per article: one JSONL can hold thousands
                unindexed += batch.save(library)
                batch = _Batch()
                if unindexed >= INDEX_EVERY:
                    library.flush_index(bulk=True)
                    unindexed = 0
        if progress:
            progress(done, len(names), name)
    if batch.articles:
        batch.save(library)
    library.flush_index()
    return report


def _add_one(
    library: Library,
    raw: RawArticle,
    name: str,
    outlet: str,
    batch: _Batch,
    report: IngestReport,
) -> None:
    source = raw.url or raw.source or name  # the same source: its url, else its path
    raw.source = source
    known = library.store.find_by_source(source)
    pending = batch.pending(source)
    article_id = pending.id if pending else known[0] if known else uuid.uuid4().hex
    try:
        article = prepare_article(raw, article_id=article_id, outlet_override=outlet)
    except IngestError as error:
        report.failed.append({"path": name, "error": str(error)})
        return
    except Exception as error:  # noqa: BLE001 - one odd article must not stop the batch
        report.failed.append({"path": name, "error": f"{type(error).__name__}: {error}"})
        return
    latest = pending.content_hash if pending else known[1] if known else None
    if latest == article.content_hash:
        report.skipped.append({"path": name, "id": article_id, "reason": "already in the library"})
        return
    same_text = batch.by_hash.get(article.content_hash) or library.store.find_by_hash(
        article.content_hash
    )
    if same_text and same_text != article_id:
        report.skipped.append(
            {"path": name, "id": same_text, "reason": f"duplicate of {same_text[:8]}"}
        )
        return
    entry = {"id": article.id, "path": name, "title": article.title, "outlet": article.outlet}
    (report.updated if known or pending else report.added).append(entry)
    batch.add(article, entry)
