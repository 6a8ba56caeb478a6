"""The ``xz`` command line: thin commands over the same services the window uses."""

from .app import main

__all__ = ["main"]
