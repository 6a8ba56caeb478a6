"""Plain-text tables for the terminal (wide CJK characters take two columns)."""

from __future__ import annotations

import json
import math
import sys
import unicodedata
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..store import Store


def _finite(data):
    """``data`` with every non-finite float as null: JSON has no Infinity or NaN, and a reader would choke."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {k: _finite(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [_finite(v) for v in data]
    return data


def print_json(data) -> None:
    json.dump(_finite(data), sys.stdout, ensure_ascii=False, indent=2, default=str, allow_nan=False)
    sys.stdout.write("\n")


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, size: int, right: bool = False) -> str:
    gap = " " * max(size - width(text), 0)
    return gap + text if right else text + gap


def table(headers: list[str], rows: list[list[str]], right: Collection[int] = frozenset()) -> str:
    sizes = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = ["  ".join(pad(h, sizes[i], i in right) for i, h in enumerate(headers))]
    lines.append("  ".join("-" * s for s in sizes))
    for row in rows:
        lines.append("  ".join(pad(c, sizes[i], i in right) for i, c in enumerate(row)))
    return "\n".join(lines)


def open_store(path: Path, *, read_only: bool = False, scratch: bool = False) -> Store:
    """The store, imported only by the command that opens one: ``xz --help`` never loads sqlite_utils."""
    from ..store import open_store as _open_store

    return _open_store(path, read_only=read_only, scratch=scratch)
