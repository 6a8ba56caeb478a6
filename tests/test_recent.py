"""domain/recent.Recent: what a process keeps of its parsed catalogs, bounded, the oldest dropped first."""

from __future__ import annotations

import threading

from xz_desktop.domain.recent import Recent


def test_a_value_is_made_once_and_then_kept():
    made = []
    kept: Recent[str, list[int]] = Recent(size=2)
    first = kept.get_or_make("a", lambda: made.append("a") or [1])
    again = kept.get_or_make("a", lambda: made.append("a again") or [2])
    assert again is first and made == ["a"]


def test_the_oldest_value_goes_first_and_no_more_than_size_are_kept():
    kept: Recent[str, int] = Recent(size=2)
    kept.put("a", 1)
    kept.put("b", 2)
    kept.put("c", 3)  # "a" is the oldest: dropped
    assert (kept.get("a"), kept.get("b"), kept.get("c")) == (None, 2, 3)
    kept.put("b", 20)  # put again: now the newest, so "c" is the oldest
    kept.put("d", 4)
    assert (kept.get("b"), kept.get("c"), kept.get("d")) == (20, None, 4)


def test_threads_putting_at_once_never_exceed_the_bound():
    kept: Recent[int, int] = Recent(size=8)

    def fill(start: int) -> None:
        for n in range(start, start + 500):
            kept.put(n, n)
            assert len(kept._values) <= 8

    threads = [threading.Thread(target=fill, args=(k * 1000,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(kept._values) == 8
