"""Named entities with the model: extraction into the library, mends, listing, the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from index.entities import extract_entities, pending
from index.entity_list import entities_for
from index.library import Library
from index.model import Paragraph, Role
from index.story_store import StoryStore
from tests.helpers import make_article
from tui.cli import main

WIRE = [
    "Secretary of Defense Lloyd Austin and Secretary of State Antony Blinken met in Tokyo.",
    "Austin said the U.S. would upgrade U.S. Forces Japan, known as USFJ, this year.",
    "Blinken later flew to Manila. The United States has 54,000 troops in Japan.",
    "The plan angered the People's Republic of China. A PRC spokesman said the US erred.",
]
TALKS = [
    "Foreign Minister Kamikawa Yoko hosted the talks with the US delegation.",
    "Yoko Kamikawa said USFJ would report to the Indo-Pacific Command (INDOPACOM) in Hawaii.",
]


@pytest.fixture(scope="session")
def model() -> Any:
    """The recogniser, loaded once for every test here."""
    from index.entities import NOT_NEEDED
    from index.nlp import pipeline

    return pipeline(NOT_NEEDED)


@pytest.fixture
def read(library: Library, model: Any) -> Iterator[Library]:
    """A library holding two wire stories about one event, with their names found."""
    headline = "US, Japan Announce Steps To Strengthen Alliance in Buildup Aimed at China"
    a = make_article(headline, WIRE, outlet="Wire A", article_id="a" * 32)
    b = make_article("Tokyo talks", TALKS, outlet="Wire B", article_id="b" * 32)
    library.store.save_many([a, b])
    assert extract_entities(library, pending(library)) == 2
    yield library


def _named(library: Library) -> dict[str, Any]:
    return {e.name: e for e in entities_for(library)}


def test_the_mends_on_a_small_story(read: Library) -> None:
    found = _named(read)
    assert (found["Lloyd Austin"].type, found["Lloyd Austin"].aliases) == ("PERSON", ["Austin"])
    assert (found["Antony Blinken"].type, found["Antony Blinken"].aliases) == (
        "PERSON",
        ["Blinken"],
    )
    (kamikawa,) = [e for n, e in found.items() if "Kamikawa" in n]
    assert (kamikawa.type, {kamikawa.name, *kamikawa.aliases}) == (
        "PERSON",
        {"Yoko Kamikawa", "Kamikawa Yoko"},
    )
    assert found["U.S. Forces Japan"].aliases == ["USFJ"]
    assert found["Indo-Pacific Command"].aliases == ["INDOPACOM"]
    assert found["People's Republic of China"].aliases == ["PRC"]
    assert set(found["United States"].aliases) == {"US", "U.S."}
    assert found["United States"].type == "PLACE"
    assert not [n for n in found if "Buildup" in n or "Defense" in n or n == "State"]


def test_mentions_point_into_the_stored_paragraphs(read: Library) -> None:
    texts = {
        (a.id, p.index): p.text
        for a in read.store.get_many(["a" * 32, "b" * 32])
        for p in a.paragraphs
    }
    entities = entities_for(read, ["b" * 32])
    assert entities and all(m.article == "b" * 32 for e in entities for m in e.mentions)
    for entity in entities:
        for m in entity.mentions:
            assert texts[(m.article, m.paragraph)][m.start : m.end] == m.text
    assert _named(read)["United States"].outlets == {"Wire A": 4, "Wire B": 1}


def test_an_updated_article_replaces_its_mentions(read: Library, model: Any) -> None:
    changed = make_article(
        "A visit",
        ["Angela Merkel visited Berlin."],
        outlet="Wire B",
        article_id="b" * 32,
        source=f"test://{'b' * 32}",
    )
    read.store.save_many([changed])
    assert pending(read) == ["b" * 32]
    extract_entities(read, pending(read))
    assert pending(read) == []
    names = {e.name for e in entities_for(read, ["b" * 32])}
    assert names == {"Angela Merkel", "Berlin"}


def test_bylines_and_boilerplate_are_not_read(library: Library, model: Any) -> None:
    article = make_article("Talks", ["Angela Merkel spoke in Berlin on Monday."])
    article.paragraphs += [
        Paragraph(2, Role.BYLINE, "By John Smith, Reuters"),
        Paragraph(3, Role.BOILERPLATE, "Follow Jane Doe on Twitter."),
    ]
    library.store.save_many([article])
    extract_entities(library, [article.id])
    assert {e.name for e in entities_for(library)} == {"Angela Merkel", "Berlin"}


def test_cli_lists_entities_of_a_story_as_json(
    demo_library: Library, model: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(demo_library.path)
    story = StoryStore(demo_library.store).listing()[0].id
    demo_library.close()
    assert main(["--library", path, "entities", "--story", story[:8], "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data[0]) == {"id", "name", "type", "aliases", "mentions"}
    assert set(data[0]["mentions"][0]) == {"article", "paragraph", "start", "end", "text"}
    assert {e["type"] for e in data} <= {"PERSON", "ORG", "PLACE"}
    names = {e["name"]: e for e in data}
    assert "Austin" in names["Lloyd Austin"]["aliases"]
    assert "USFJ" in names["US Forces Japan"]["aliases"] + [names["US Forces Japan"]["name"]]


def test_cli_table_and_errors(
    demo_library: Library, model: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = str(demo_library.path)
    demo_library.close()
    assert main(["--library", path, "entities"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0].startswith("PLACE")
    assert "United States (US, U.S.)" in out and err.strip().endswith("entities")
    assert main(["--library", path, "entities", "--story", "ffffffff"]) == 2
    assert "no story" in capsys.readouterr().err


def test_a_read_only_library_lists_what_is_stored_and_reads_nothing(
    library: Library, tmp_path: Path
) -> None:
    library.store.save_many([make_article("Talks", ["Angela Merkel spoke in Berlin."])])
    reader = Library(library.path, read_only=True)
    try:
        assert entities_for(reader) == []
    finally:
        reader.close()


def test_add_reads_names_and_survives_a_failure(
    tmp_path: Path, model: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Merkel in Berlin\n\nAngela Merkel spoke in Berlin on Monday.\n")
    path = str(tmp_path / "lib")
    assert main(["--library", path, "add", str(story)]) == 0
    with Library(path) as library:
        assert {e.name for e in entities_for(library)} == {"Angela Merkel", "Berlin"}

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("no model")

    monkeypatch.setattr("index.language.analyse", broken)
    other = tmp_path / "other.txt"
    other.write_text("Scholz in Paris\n\nOlaf Scholz spoke in Paris on Tuesday.\n")
    assert main(["--library", path, "add", str(other)]) == 0
    err = capsys.readouterr().err
    assert "parallax: names and claims not read: no model" in err and "1 added" in err
