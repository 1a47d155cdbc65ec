"""Adding articles: formats, duplicates, updates in place, and bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

from index.ingest import add_inputs
from index.library import Library
from index.search import search

ARTICLE = (
    "Harbour Strike Ends After Talks\n\n"
    "By Ann Lee\n\n"
    "Dock workers in the port city returned to work on Monday after a three-week strike ended.\n\n"
    "Union leaders said the new contract raises pay by 12 percent over four years.\n"
)


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def test_plain_text_article(library: Library, tmp_path: Path) -> None:
    path = _write(tmp_path / "in" / "strike.txt", ARTICLE)
    report = add_inputs(library, [str(path)], outlet="Harbour Times")
    assert report.failed == []
    article = library.get(report.added[0]["id"])
    assert article is not None
    assert article.title == "Harbour Strike Ends After Talks"
    assert article.author == "Ann Lee"
    assert article.outlet == "Harbour Times"
    assert [p.role.value for p in article.paragraphs] == ["headline", "byline", "body", "body"]
    assert search(library, "contract").total == 1


def test_same_content_is_skipped_and_changed_source_updates_in_place(
    library: Library, tmp_path: Path
) -> None:
    path = _write(tmp_path / "a.txt", ARTICLE)
    first = add_inputs(library, [str(path)])
    copy = _write(tmp_path / "copy.txt", ARTICLE)
    again = add_inputs(library, [str(path), str(copy)])
    assert again.added == []
    reasons = [s["reason"] for s in again.skipped]
    assert reasons[0] == "already in the library"
    assert reasons[1].startswith("duplicate of")
    _write(path, ARTICLE.replace("12 percent", "15 percent"))
    changed = add_inputs(library, [str(path)])
    assert changed.updated[0]["id"] == first.added[0]["id"]
    assert library.store.count() == 1
    assert search(library, "15").total == 1
    assert search(library, "12").total == 0


def test_cp1252_and_latin1_files(library: Library, tmp_path: Path) -> None:
    cp = _write(
        tmp_path / "cp.txt", "Caf\u00e9 “Owners” Protest\n\nThe owners said “no” – again.", "cp1252"
    )
    latin = _write(
        tmp_path / "l1.txt", "Déjà Vu in Genève\n\nThe façade of the café was restored.", "latin-1"
    )
    report = add_inputs(library, [str(cp), str(latin)])
    assert report.failed == []
    titles = {e["title"] for e in report.added}
    assert titles == {"Café “Owners” Protest", "Déjà Vu in Genève"}


def test_control_sequences_and_bidi_are_stripped(library: Library, tmp_path: Path) -> None:
    path = _write(
        tmp_path / "evil.txt",
        "Evil \x1b]0;owned\x07Title\x1b[31m\n\nBody with \u202ereversed\u202c text "
        "and a \x1b[2J clear [bold]markup[/bold] kept.",
    )
    report = add_inputs(library, [str(path)])
    article = library.get(report.added[0]["id"])
    assert article is not None
    assert article.title == "Evil Title"
    body = article.paragraphs[1].text
    assert "\x1b" not in body and "\u202e" not in body
    assert "[bold]markup[/bold]" in body  # visible text is kept as it is


def test_front_matter_markdown(library: Library, tmp_path: Path) -> None:
    path = _write(
        tmp_path / "a.md",
        "---\ntitle: Bridge Reopens\noutlet: City Paper\nauthor: Bo Chen\ndate: 2023-05-02\n"
        "url: https://city.example/bridge\n---\n\nThe **bridge** reopened to traffic today.\n",
    )
    report = add_inputs(library, [str(path)])
    article = library.get(report.added[0]["id"])
    assert article is not None
    assert (article.title, article.outlet, article.author, article.date, article.url) == (
        "Bridge Reopens",
        "City Paper",
        "Bo Chen",
        "2023-05-02",
        "https://city.example/bridge",
    )
    assert article.source == "https://city.example/bridge"


def test_jsonl_with_a_bad_line(library: Library, tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "title": "One",
                "text": "First body text here.\n\nMore.",
                "outlet": "A",
                "date": "2024-01-02",
                "url": "https://a.example/1",
            }
        ),
        "{not json",
        json.dumps({"title": "Two", "text": "Second body text here.", "outlet": "B"}),
    ]
    path = _write(tmp_path / "batch.jsonl", "\n".join(lines))
    report = add_inputs(library, [str(path)])
    assert [e["title"] for e in report.added] == ["One", "Two"]
    assert len(report.failed) == 1 and report.failed[0]["error"].startswith("line 2: invalid JSON")


def test_broken_folder_reports_each_and_keeps_the_rest(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    _write(folder / "good.txt", ARTICLE)
    _write(folder / "cp1252.txt", "Café Owners Protest\n\nThe owners said “no” – again.", "cp1252")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "random.bin").write_bytes(os.urandom(4096))
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(512))
    _write(folder / "broken.html", "<html><body><p>Unclosed <b>tags everywhere<div>")
    _write(folder / "feed.xml", "<?xml version='1.0'?><rss version='2.0'><channel><item><title>x")
    with open(folder / "huge.txt", "wb") as f:
        f.write(b"word " * (20 * 1024 * 1024 // 5))
    report = add_inputs(library, [str(folder), str(tmp_path / "missing.txt")])
    added = {Path(e["path"]).name for e in report.added}
    failed = {Path(e["path"]).name: e["error"] for e in report.failed}
    assert added == {"good.txt", "cp1252.txt"}
    assert failed["feed.xml"].startswith("malformed feed")
    assert set(failed) >= {
        "empty.txt",
        "random.bin",
        "image.png",
        "feed.xml",
        "huge.txt",
        "missing.txt",
        "broken.html",
    }
    assert failed["empty.txt"] == "empty file"
    assert "binary" in failed["random.bin"] and "PNG" in failed["image.png"]
    assert failed["huge.txt"].startswith("too large")
    assert failed["missing.txt"] == "not found"
    assert all("\n" not in e for e in failed.values())
    assert library.store.count() == 2


def test_a_malformed_url_does_not_stop_the_batch(library: Library, tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "Bad", "text": "Body of the bad one.", "url": "http://[oops/x"}),
        json.dumps(
            {"title": "Good", "text": "Body of the good one.", "url": "https://a.example/g"}
        ),
    ]
    report = add_inputs(library, [str(_write(tmp_path / "m.jsonl", "\n".join(lines)))])
    assert [e["title"] for e in report.added] == ["Bad", "Good"]
