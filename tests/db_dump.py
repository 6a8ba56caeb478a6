"""Compare databases by content, not bytes (WAL and page layout may differ)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def dump(path: str | Path) -> dict[str, list[tuple]]:
    """Every row of every table (and the schema), sorted, read through a fresh connection."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        out = {
            "__schema__": sorted(
                conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall(),
                key=repr,
            )
        }
        for table in tables:
            out[table] = sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
        return out
    finally:
        conn.close()
