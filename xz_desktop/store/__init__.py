"""The SQLite store: one file per copy of the program, opened through :func:`open_store`."""

from .database import Store, create_store, open_store

__all__ = ["Store", "create_store", "open_store"]
