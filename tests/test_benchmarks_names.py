"""The benchmarks are not run by CI, so a moved module would break them unseen: every name they import from
the program — in their own code and in the child scripts they hold as text — must exist."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

BENCHMARKS = sorted((Path(__file__).parent.parent / "benchmarks").glob("bench_*.py"))
FROM_IMPORT = re.compile(r"^\s*from (xz_desktop(?:\.\w+)*) import ([\w, ]+)$", re.MULTILINE)


def program_imports(text: str) -> list[tuple[str, str]]:
    return [(module, name.strip()) for module, names in FROM_IMPORT.findall(text) for name in names.split(",")]


def test_the_pattern_finds_imports_inside_child_scripts():
    text = 'CHILD = r"""\nfrom xz_desktop.store import open_store, create_store\n"""\n'
    assert program_imports(text) == [("xz_desktop.store", "open_store"), ("xz_desktop.store", "create_store")]


@pytest.mark.parametrize("path", BENCHMARKS, ids=lambda p: p.stem)
def test_every_program_name_a_benchmark_imports_exists(path: Path):
    found = program_imports(path.read_text(encoding="utf-8"))
    assert found, f"{path.name} imports nothing from the program?"
    missing = [f"{m}.{n}" for m, n in found if not hasattr(importlib.import_module(m), n)]
    assert not missing
