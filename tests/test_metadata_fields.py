"""Front matter and JSON Lines metadata: odd types, alias bombs, bad dates, stable line keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from index.formats.jsonl import parse_jsonl
from index.formats.text import parse_text
from index.ingest import add_inputs
from index.library import Library
from index.model import IngestError, RawArticle
from index.search import search

BODY = "The port reopened on Monday after a three-week strike ended in a deal.\n"

odd_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=6,
)


def _string(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _authors(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(v.strip() for v in value if isinstance(v, str) and v.strip())
    return _string(value)


@given(title=odd_values, author=odd_values, outlet=odd_values)
def test_front_matter_takes_only_strings(title: object, author: object, outlet: object) -> None:
    meta = yaml.safe_dump({"title": title, "author": author, "outlet": outlet})
    raw = parse_text(f"---\n{meta}---\n{BODY}")
    assert (raw.title, raw.author, raw.outlet) == (
        _string(title),
        _authors(author),
        _string(outlet),
    )


@given(title=odd_values, author=odd_values, date=odd_values, text=odd_values)
def test_jsonl_takes_only_strings(
    title: object, author: object, date: object, text: object
) -> None:
    line = json.dumps({"title": title, "author": author, "date": date, "text": text})
    [item] = parse_jsonl(line, source="f.jsonl")
    if isinstance(item, IngestError):
        assert str(item).startswith("line 1: ")
        return
    assert (item.title, item.author) == (_string(title), _authors(author))
    if not isinstance(date, str | int | float):
        assert item.date == ""


def test_authors_as_a_list_and_dates_as_timestamps() -> None:
    line = json.dumps({"text": BODY, "authors": ["Ann Lee", 3, "Bo Chan"], "date": 1722124800})
    [item] = parse_jsonl(line)
    assert isinstance(item, RawArticle)
    assert item.author == "Ann Lee, Bo Chan"
    assert item.date.startswith("2024-07-28")


def test_an_alias_bomb_is_refused_quickly() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20)
    )
    with pytest.raises(IngestError, match="bad front matter: aliases"):
        parse_text(f"---\n{bomb}---\n{BODY}")


def test_a_huge_front_matter_is_refused() -> None:
    with pytest.raises(IngestError, match="longer than"):
        parse_text("---\n" + "k: v\n" * 20_000 + f"---\n{BODY}")


@pytest.mark.parametrize("date", ["2024-13-45", "2024-02-30 10:00", "!!timestamp nonsense"])
def test_a_bad_front_matter_date_is_no_traceback(
    library: Library, tmp_path: Path, date: str
) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: Port\ndate: {date}\n---\n{BODY}")
    report = add_inputs(library, [str(path)])
    assert all("\n" not in f["error"] for f in report.failed)
    assert all("ValueError" not in f["error"] for f in report.failed)
    if report.added:
        article = library.get(report.added[0]["id"])
        assert article is not None and article.date == ""


def test_an_empty_front_matter_block_is_dropped() -> None:
    raw = parse_text(f"---\n---\n{BODY}")
    assert raw.paragraphs == [BODY.strip()]


def test_jsonl_lines_split_only_on_newlines() -> None:
    text = "First part.\u2028Still the same line.\u2029And\x85this too."
    lines = [json.dumps({"title": "One", "text": text}, ensure_ascii=False)] * 2
    items = parse_jsonl("\n".join(lines))
    assert len(items) == 2
    assert all(isinstance(i, RawArticle) for i in items)


def _jsonl(path: Path, records: list[dict[str, str]]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return str(path)


def test_jsonl_lines_without_url_keep_their_article_when_lines_move(
    library: Library, tmp_path: Path
) -> None:
    harbour = {"title": "Harbour", "text": "The harbour reopened on Monday after the strike."}
    budget = {"title": "Budget", "text": "The council passed the budget on Tuesday night."}
    path = tmp_path / "a.jsonl"
    add_inputs(library, [_jsonl(path, [harbour, budget])])
    drought = {"title": "Drought", "text": "The drought reached the northern farms this week."}
    edited = {**budget, "text": "The council passed the amended budget on Wednesday."}
    again = add_inputs(library, [_jsonl(path, [drought, harbour, edited])])
    assert [a["title"] for a in again.added] == ["Drought"]
    assert [u["title"] for u in again.updated] == ["Budget"]
    assert library.store.count() == 3
    assert search(library, "harbour").total == 1
    assert search(library, "wednesday").total == 1
    assert search(library, "tuesday").total == 0
