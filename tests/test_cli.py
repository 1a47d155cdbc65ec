"""The ``parallax`` command run as a subprocess on the demo corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from index.assets import DEMO_DIR

ROOT = Path(__file__).resolve().parents[1]


def _command() -> list[str]:
    script = Path(sys.executable).parent / "parallax"
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui.cli"]


def run(*args: str, library: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*_command(), "--library", str(library), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    library = tmp_path_factory.mktemp("cli") / "lib"
    out = run("add", str(DEMO_DIR), "--json", library=library)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert sorted(a["outlet"] for a in report["added"]) == ["Antiwar.com", "Press TV", "UPI"]
    assert set(report["added"][0]) >= {"id", "path", "title", "outlet"}
    assert report["skipped"] == [] and report["failed"] == []
    return library


def test_add_again_is_idempotent(demo: Path) -> None:
    out = run("add", str(DEMO_DIR), "--json", library=demo)
    report = json.loads(out.stdout)
    assert report["added"] == [] and len(report["skipped"]) == 3
    assert set(report["skipped"][0]) >= {"path", "id", "reason"}


def test_search_json_shape(demo: Path) -> None:
    out = run("search", "54,000", "troops", "--json", library=demo)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) >= {"query", "total", "suggestion", "facets", "hits"}
    hit = data["hits"][0]
    assert set(hit) >= {"article_id", "title", "outlet", "date", "score", "paragraph", "snippet"}
    assert hit["outlet"] == "Antiwar.com" and "54,000" in hit["snippet"]


def test_search_human_output_and_suggestion(demo: Path) -> None:
    out = run("search", "Kamikawa", library=demo)
    assert "2 articles" in out.stdout and "*Kamikawa*" in out.stdout
    out = run("search", "Okinowa", library=demo)
    assert "did you mean: okinawa" in out.stdout.lower()


def test_show_and_articles_json(demo: Path) -> None:
    listing = json.loads(run("articles", "--json", library=demo).stdout)
    assert len(listing) == 3
    assert set(listing[0]) >= {"id", "title", "outlet", "date", "paragraphs"}
    assert listing[0]["outlet"] == "Press TV"  # newest dated first
    short = listing[0]["id"][:8]
    shown = json.loads(run("show", short, "--json", library=demo).stdout)
    assert set(shown) >= {"id", "title", "outlet", "author", "date", "url", "paragraphs"}
    assert shown["paragraphs"][0] == {
        "index": 0,
        "role": "boilerplate",
        "text": "News / Military / More",
    }


def test_show_unknown_id_is_one_line_error(demo: Path) -> None:
    out = run("show", "nope", library=demo)
    assert out.returncode == 1
    assert out.stderr.strip().count("\n") == 0 and "no article" in out.stderr


def test_reindex_rebuilds(demo: Path) -> None:
    out = run("reindex", library=demo)
    assert out.returncode == 0 and "reindexed 3" in out.stdout
    assert json.loads(run("search", "Pyongyang", "--json", library=demo).stdout)["total"] == 1


def test_bad_input_exit_code_and_one_line_each(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    out = run(
        "add",
        str(tmp_path / "empty.txt"),
        str(tmp_path / "gone.txt"),
        str(DEMO_DIR / "000_7c0e0cccafa81f39.txt"),
        library=tmp_path / "lib",
    )
    assert out.returncode == 1
    errors = [line for line in out.stderr.splitlines() if line.startswith("parallax:")]
    assert len(errors) == 2 and "Traceback" not in out.stderr
    assert "empty.txt: empty file" in errors[0] and "gone.txt: not found" in errors[1]


def test_version_and_help(tmp_path: Path) -> None:
    assert run("--version", library=tmp_path).stdout.startswith("parallax ")
    help_text = run("--help", library=tmp_path).stdout
    for command in ("add", "search", "show", "articles", "reindex"):
        assert command in help_text


def test_environment_variable_chooses_library(tmp_path: Path) -> None:
    env_lib = tmp_path / "env-lib"
    out = subprocess.run(
        [*_command(), "demo"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**__import__("os").environ, "PARALLAX_LIBRARY": str(env_lib)},
    )
    assert out.returncode == 0, out.stderr
    assert (env_lib / "library.sqlite3").exists()
