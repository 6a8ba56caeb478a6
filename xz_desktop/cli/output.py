"""Plain-text tables for the terminal (wide CJK characters take two columns)."""

from __future__ import annotations

import argparse
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
    sys.stdout.write(dumps(data))
    sys.stdout.write("\n")


def dumps(data) -> str:
    """``json.dumps(_finite(data), ensure_ascii=False, indent=2, default=str, allow_nan=False)``, byte for byte,
    faster (a non-finite float is null).

    The json module's indenting encoder is pure Python, one call per value; a district's totals list
    every reporting unit of every row (100,000 strings at province scale). Here a list of strings is
    joined by the C string encoder at once. Anything unusual is left to the json module itself.
    """
    chunks: list[str] = []
    _encode(data, "\n", chunks)
    return "".join(chunks)


_PLAIN = {None: "null", True: "true", False: "false"}


def _encode(obj, newline: str, out: list[str]) -> None:
    if obj is None or obj is True or obj is False:
        out.append(_PLAIN[obj])
    elif isinstance(obj, str):
        out.append(_encode_str(obj))
    elif isinstance(obj, float):
        out.append(float.__repr__(obj) if math.isfinite(obj) else "null")
    elif isinstance(obj, int):
        out.append(int.__repr__(obj))
    elif isinstance(obj, (list, tuple)):
        if not obj:
            out.append("[]")
            return
        inner = newline + "  "
        if set(map(type, obj)) <= {str}:  # the types gathered in C: a district row lists thousands of units
            out.append("[" + inner + ("," + inner).join(map(_encode_str, obj)) + newline + "]")
            return
        out.append("[")
        for n, v in enumerate(obj):
            out.append(inner if n == 0 else "," + inner)
            _encode(v, inner, out)
        out.append(newline + "]")
    elif isinstance(obj, dict) and all(type(k) is str for k in obj):
        if not obj:
            out.append("{}")
            return
        inner = newline + "  "
        out.append("{")
        for n, (k, v) in enumerate(obj.items()):
            out.append((inner if n == 0 else "," + inner) + _encode_str(k) + ": ")
            _encode(v, inner, out)
        out.append(newline + "}")
    else:  # anything else: exactly as the json module writes it, indented where it stands
        text = json.dumps(_finite(obj), ensure_ascii=False, indent=2, default=str, allow_nan=False)
        out.append(text.replace("\n", newline))


_encode_str = json.encoder.encode_basestring  # the C encoder when present (ensure_ascii=False)


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


def usage_error(args, text: str) -> int:
    """A usage error found after parsing (options that go together): said as argparse says its own, exit 2."""
    print(f"xz {args.command}: 用法错误 / usage error: {text}", file=sys.stderr)
    return 2


def add_plan_option(parser: argparse.ArgumentParser) -> None:
    """``--plan CODE``: judge under another plan than the one whose years contain the period."""
    parser.add_argument(
        "--plan",
        metavar="CODE",
        help="按该规划评价（如 十四五；默认：报告期所在的规划） / judge under this plan "
        "(default: the plan whose years contain the period)",
    )
