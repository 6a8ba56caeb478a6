"""A small map of the values made most recently: a process keeps what it parsed or built, within a bound.

The same catalog is read many times in one process (the demo sets up 24 databases from one catalog; a window's
workers each open their own connection), and a catalog is never changed once made, so its parse is kept and
reused. Kept values are bounded (the oldest dropped first), and the map is safe across threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Recent(Generic[K, V]):
    """At most ``size`` values by key, the oldest dropped first."""

    def __init__(self, size: int = 8):
        self._size = size
        self._values: dict[K, V] = {}
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            return self._values.get(key)

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._values.pop(key, None)
            while len(self._values) >= self._size:
                del self._values[next(iter(self._values))]
            self._values[key] = value

    def get_or_make(self, key: K, make: Callable[[], V]) -> V:
        """The value kept for ``key``, else ``make()`` kept. Two threads may both make it: made values are equal."""
        found = self.get(key)
        if found is None:
            found = make()
            self.put(key, found)
        return found
