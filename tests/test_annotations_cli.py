"""``parallax annotate`` and ``parallax annotations [import|export]``: shapes and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.library import Library
from tests.helpers import make_article
from tui.cli import main

ARTICLE = "0123456789abcdef0123456789abcdef"
BODY = [
    "Blinken met his Japanese counterparts in Tokyo on Sunday.",
    "Officials in Tokyo said the new headquarters would report to Washington.",
]
KEYS = {"id", "article", "paragraph", "start", "end", "exact", "label", "note", "user",
        "created", "orphan"}  # fmt: skip


@pytest.fixture
def lib(tmp_path: Path) -> str:
    with Library(tmp_path / "lib") as library:
        library.store.save(make_article("Allies meet", BODY, article_id=ARTICLE))
    return str(tmp_path / "lib")


def run(capsys: pytest.CaptureFixture[str], lib: str, *args: str) -> tuple[int, str, str]:
    code = main(["--library", lib, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_annotate_by_quote_or_offsets_prints_the_json_shape(
    lib: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARALLAX_USER", "desk")
    code, out, _ = run(capsys, lib, "annotate", "0123", "--quote", "new headquarters",
                       "--label", "claim", "--note", "source?", "--json")  # fmt: skip
    made = json.loads(out)
    assert code == 0 and set(made) == KEYS
    assert (made["paragraph"], made["start"], made["end"]) == (2, 28, 44)
    assert (made["exact"], made["user"], made["orphan"]) == ("new headquarters", "desk", False)
    code, out, _ = run(capsys, lib, "annotate", ARTICLE, "--paragraph", "1", "--start", "0",
                       "--end", "7", "--label", "person", "--user", "ana")  # fmt: skip
    assert code == 0 and "person: “Blinken”" in out and "ana" in out
    code, out, _ = run(capsys, lib, "annotations", "--json")
    listed = json.loads(out)
    assert [(a["paragraph"], a["user"]) for a in listed] == [(1, "ana"), (2, "desk")]
    assert all(set(a) == KEYS for a in listed)


def test_annotate_refuses_ambiguous_missing_and_mixed_places(
    lib: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, lib, "annotate", ARTICLE, "--quote", "Tokyo", "--label", "x")
    assert code == 2 and "occurs 2 times" in err and "--paragraph" in err
    code, out, _ = run(capsys, lib, "annotate", ARTICLE, "--quote", "Tokyo", "--paragraph", "2",
                       "--label", "place", "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["paragraph"] == 2
    code, _, err = run(capsys, lib, "annotate", ARTICLE, "--label", "x")
    assert code == 2 and "give --quote TEXT" in err
    code, _, err = run(capsys, lib, "annotate", ARTICLE, "--quote", "Nagasaki", "--label", "x")
    assert code == 2 and "not in the article" in err and err.count("\n") == 1


def test_import_then_list_one_article_and_export_every_format(
    lib: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [{"article": ARTICLE, "paragraph": 1, "start": 41, "end": 46, "label": "place",
              "note": "capital"},
             {"article": ARTICLE, "paragraph": 9, "start": 0, "end": 1, "label": "x"}]  # fmt: skip
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines))
    monkeypatch.setenv("PARALLAX_USER", "importer")
    code, out, err = run(capsys, lib, "annotations", "import", str(source), "--json")
    assert code == 1 and json.loads(out) == {
        "imported": 1, "orphans": 0, "skipped": 0,
        "failed": [{"line": 2, "error": "no paragraph 9"}],
    }  # fmt: skip
    assert f"{source}:2: no paragraph 9" in err
    code, out, _ = run(capsys, lib, "annotations", "--article", ARTICLE[:6], "--json")
    (listed,) = json.loads(out)
    assert (listed["exact"], listed["user"], listed["note"]) == ("Tokyo", "importer", "capital")

    w3c_file = tmp_path / "out.jsonld"
    assert (
        run(capsys, lib, "annotations", "export", "--format", "w3c", "--out", str(w3c_file))[0] == 0
    )
    assert json.loads(w3c_file.read_text())["items"][0]["body"][0]["value"] == "place"
    code, out, _ = run(capsys, lib, "annotations", "export", "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("id,article,paragraph,start,end,exact")
    folder = tmp_path / "brat"
    code, _, _ = run(capsys, lib, "annotations", "--article", ARTICLE, "export", "--format", "brat",
                     "--out", f"{folder}/")  # fmt: skip
    assert code == 0 and sorted(p.name for p in folder.iterdir()) == [
        f"{ARTICLE}.ann",
        f"{ARTICLE}.txt",
    ]
    assert (folder / f"{ARTICLE}.ann").read_text().startswith("T1\tplace ")
    code, out, _ = run(capsys, lib, "annotations", "export", "--format", "brat")
    assert code == 0 and out.startswith("T1\tplace ")  # one article: standard output is fine
    named = tmp_path / "brat-new"  # a new name without extension is a folder too
    code, _, _ = run(capsys, lib, "annotations", "export", "--format", "brat", "--out", str(named))
    assert code == 0 and (named / f"{ARTICLE}.ann").read_text().startswith("T1\tplace ")
    code, _, _ = run(capsys, lib, "annotations", "import", str(w3c_file))
    assert code == 0  # everything already there: nothing added, nothing failed
    assert len(json.loads(run(capsys, lib, "annotations", "--json")[1])) == 1
