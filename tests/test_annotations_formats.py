"""W3C JSON-LD export and import round-trips (UTF-16 offsets), brat, CSV, the import reader."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from index import w3c
from index.annotation_formats import brat, read_import, write_csv
from index.annotation_store import AnnotationStore
from index.annotations import Annotation, full_text
from index.store import Store
from tests.helpers import make_article

BODY = [
    "Kamikawa 🇯🇵 and Blinken 🇺🇸 met in Tōkyō; the mood was “historic” 🎉.",
    "Critics in Okinawa said the plan would keep thousands of Marines on the island.",
]


def library_with_article(path: Path) -> tuple[Store, AnnotationStore]:
    store = Store(path)
    store.save(make_article("Allies 🤝 meet", BODY, article_id="a" * 32, source="s1"))
    return store, AnnotationStore(store)


def annotate_samples(notes: AnnotationStore) -> list[Annotation]:
    first = BODY[0]
    return [
        notes.create("a" * 32, 1, first.index("Blinken"), first.index("Blinken") + 7,
                     label="person", note="US 🇺🇸 side", user="ana"),
        notes.create("a" * 32, 1, first.index("“historic”"), first.index("🎉") + 1,
                     label="loaded word", user="bén"),
        notes.create("a" * 32, 2, 11, 18, label="place", user="ana"),
    ]  # fmt: skip


def utf16_slice(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


def test_w3c_export_counts_utf16_units_and_round_trips(tmp_path: Path) -> None:
    store, notes = library_with_article(tmp_path / "one.sqlite3")
    made = annotate_samples(notes)
    article = store.get("a" * 32)
    assert article is not None
    exported = w3c.collection(made, {article.id: article.paragraphs})
    assert exported["type"] == "AnnotationCollection" and exported["total"] == 3
    text = full_text(article.paragraphs)
    for item, a in zip(exported["items"], made, strict=True):
        quote, position = item["target"]["selector"]
        assert quote["exact"] == a.exact
        assert utf16_slice(text, position["start"], position["end"]) == a.exact
        assert item["target"]["source"] == "urn:x-parallax:article:" + "a" * 32
    python_start = text.index("Blinken")
    assert (
        exported["items"][0]["target"]["selector"][1]["start"] == python_start + 3
    )  # 🤝 🇯🇵: three astral characters before

    document = tmp_path / "export.jsonld"
    document.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    _, other = library_with_article(tmp_path / "two.sqlite3")
    drafts, errors = read_import(document.read_text(encoding="utf-8"))
    assert errors == []
    report = other.add([d for _, d in drafts], user="whoever-imports")
    assert report.failed == [] and len(report.added) == 3
    local = [replace(a, version=0) for a in notes.listing()]  # change numbers are per library
    assert [replace(a, version=0) for a in other.listing()] == local  # all else is kept
    assert other.add([d for _, d in read_import(document.read_text())[0]]).added == []


def test_w3c_import_places_foreign_annotations_by_quote(tmp_path: Path) -> None:
    _, notes = library_with_article(tmp_path / "db.sqlite3")
    foreign = {
        "@context": w3c.CONTEXT,
        "id": "https://example.org/anno/7",
        "type": "Annotation",
        "motivation": "commenting",
        "creator": "https://example.org/users/carla",
        "bodyValue": "Which critics?",
        "target": {
            "source": "s1",  # the article's source, not our urn
            "selector": [
                {"type": "TextQuoteSelector", "exact": "Critics in Okinawa", "suffix": " said"},
                {"type": "TextPositionSelector", "start": 0, "end": 18},  # stale offsets
            ],
        },
    }
    drafts, errors = read_import(json.dumps(foreign))
    report = notes.add([d for _, d in drafts])
    (made,) = report.added
    assert (made.paragraph, made.start, made.exact) == (2, 0, "Critics in Okinawa")
    assert (made.label, made.note, made.user) == (
        "commenting",
        "Which critics?",
        "https://example.org/users/carla",
    )
    assert notes.add([d for _, d in read_import(json.dumps([foreign]))[0]]).added == []


def test_orphans_export_without_a_position_and_import_as_orphans(tmp_path: Path) -> None:
    store, notes = library_with_article(tmp_path / "db.sqlite3")
    made = notes.create("a" * 32, 2, 11, 18, label="place", user="ana")
    store.save(make_article("Allies 🤝 meet", BODY[:1], article_id="a" * 32, source="s1"))
    (orphan,) = notes.listing()
    assert orphan.orphan and orphan.id == made.id
    article = store.get("a" * 32)
    assert article is not None
    item = w3c.collection([orphan], {article.id: article.paragraphs})["items"][0]
    assert [s["type"] for s in item["target"]["selector"]] == ["TextQuoteSelector"]
    _, other = library_with_article(tmp_path / "two.sqlite3")
    store2 = other.store
    store2.save(make_article("Allies 🤝 meet", BODY[:1], article_id="a" * 32, source="s1"))
    (again,) = other.add([w3c.draft(item)]).added
    assert again.orphan and again.exact == "Okinawa"
    assert brat([orphan], article.paragraphs)[1] == ""


def test_brat_offsets_are_characters_of_the_text_file(tmp_path: Path) -> None:
    store, notes = library_with_article(tmp_path / "db.sqlite3")
    made = annotate_samples(notes)
    article = store.get("a" * 32)
    assert article is not None
    text, ann = brat(made, article.paragraphs)
    lines = ann.splitlines()
    assert lines[1] == "#1\tAnnotatorNotes T1\tUS 🇺🇸 side"
    for line in (ln for ln in lines if ln.startswith("T")):
        _, kind, quoted = line.split("\t")
        label, start, end = kind.rsplit(" ", 2)
        assert text[int(start) : int(end)] == quoted
    assert "T2\tloaded_word " in ann


def test_csv_has_one_row_per_annotation(tmp_path: Path) -> None:
    _, notes = library_with_article(tmp_path / "db.sqlite3")
    made = annotate_samples(notes)
    out = io.StringIO()
    write_csv(made, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["id"] for r in rows] == [a.id for a in made]
    assert rows[1]["exact"] == "“historic” 🎉" and rows[1]["user"] == "bén"
    assert rows[0]["orphan"] == "false" and rows[0]["paragraph"] == "1"


def test_the_import_reader_numbers_lines_and_reports_bad_ones() -> None:
    lines = [
        json.dumps({"article": "x", "paragraph": 1, "start": 0, "end": 3, "label": "l"}),
        "",
        "{not json",
        json.dumps({"article": "x", "label": "l"}),
        json.dumps({"article": "x", "paragraph": "one", "start": 0, "end": 3, "label": "l"}),
        json.dumps({"article": "x", "paragraph": None, "exact": "an orphan", "label": "l"}),
        json.dumps({"type": "Annotation", "target": {"source": "x"}}),
    ]
    drafts, errors = read_import("\n".join(lines))
    assert [n for n, _ in drafts] == [1, 6]
    assert drafts[1][1].quote is not None and drafts[1][1].paragraph is None
    assert [n for n, _ in errors] == [3, 4, 5, 7]
    assert "'paragraph' is missing" in errors[1][1] and "selector" in errors[3][1]


@pytest.mark.parametrize("wrapper", ["collection", "page", "list", "single"])
def test_w3c_items_come_out_of_every_wrapper(wrapper: str) -> None:
    item = {
        "type": "Annotation",
        "target": {"source": "x", "selector": {"type": "TextQuoteSelector", "exact": "a"}},
    }
    data = {
        "collection": {"type": "AnnotationCollection", "first": {"items": [item]}},
        "page": {"type": "AnnotationPage", "items": [item]},
        "list": [item],
        "single": item,
    }[wrapper]
    assert w3c.items(data) == [item]
