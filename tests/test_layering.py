"""The core never imports the UI, and heavy libraries stay off the start-up path."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_index_never_imports_textual_or_tui_in_source() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            m for m in _imported_modules(path) if m.split(".")[0] in {"textual", "tui"}
        )
        for path in (ROOT / "index").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_the_whole_core_loads_no_textual() -> None:
    modules = [
        f"index.{p.relative_to(ROOT / 'index').with_suffix('').as_posix().replace('/', '.')}"
        for p in (ROOT / "index").rglob("*.py")
        if p.name != "__init__.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'tui')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_cli_start_does_not_load_heavy_libraries() -> None:
    code = (
        "import sys; import tui.cli, index.library, index.search\n"
        "heavy = ('trafilatura', 'feedparser', 'spacy', 'sklearn', 'textual', 'lxml')\n"
        "print(sorted({n.split('.')[0] for n in sys.modules} & set(heavy)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_opening_the_reader_skips_argparse_json_and_toml() -> None:
    code = (
        "import sys, tui.launch\n"
        "tui.launch.run_reader = lambda path: print(path) or 0\n"
        "import tui.cli\n"
        "assert tui.cli.main(['--library', 'somewhere']) == 0\n"
        "assert tui.cli.main([]) == 0\n"
        "print(sorted({'argparse', 'json', 'tomllib'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:3] == ["somewhere", "None", "[]"]
