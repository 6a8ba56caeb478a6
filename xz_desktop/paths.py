"""Where the program's files are: shipped resources, migrations, the user's database."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "xz-desktop"
APP_AUTHOR = "Xiuzhou"

_HERE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    # A wheel (and the frozen bundle) carries resources/, docs/ and db/ inside the package; a source checkout
    # (and an editable install) has them beside it.
    for candidate in (_HERE / name, _HERE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"xz-desktop is missing its {name}/ folder (looked in {_HERE} and {_HERE.parent})")


def resources_dir() -> Path:
    return _shipped("resources")


def docs_dir() -> Path:
    """The user guide (docs/*.md and their pictures), which 帮助 → 用户指南 shows inside the program."""
    return _shipped("docs")


def migrations_dir() -> Path:
    return _shipped("db")


def catalog_dir() -> Path:
    return resources_dir() / "catalog"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def secret_dir() -> Path:
    """Where this installation keeps its own secrets (the seal of kept totals): outside any database, so whoever
    holds a database file cannot forge them. ``XZ_DESKTOP_SECRET_DIR`` puts it elsewhere (tests, a portable
    install)."""
    override = os.environ.get("XZ_DESKTOP_SECRET_DIR")
    return Path(override) if override else data_dir() / "secret"


def default_database_path() -> Path:
    return data_dir() / "xz.sqlite"
