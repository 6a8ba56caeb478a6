"""The SQLite store: one file per copy of the program, opened through :func:`open_store`."""

from . import _sqlite_utils  # noqa: F401 - first: sqlite_utils is imported without pandas and numpy
from .database import Store, create_store, open_store

__all__ = ["Store", "create_store", "open_store"]
