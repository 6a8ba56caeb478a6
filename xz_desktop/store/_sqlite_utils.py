"""``sqlite_utils``, imported without the pandas and numpy it reaches for.

When they are installed, ``sqlite_utils`` imports both at start-up, only to map their scalar types to
column types when it creates a table from Python values. The store never hands it such values (figures
are Python floats), and the import costs 0.3–0.5 s on every command that opens a database: ``xz
totals`` or ``xz import`` would spend more time loading pandas than computing. So they are held back
while ``sqlite_utils`` is imported (a ``None`` in ``sys.modules`` makes an import fail as if absent),
and released at once: a report that needs pandas imports it as usual. If either is already loaded
(the window imports pandas for its tables), nothing is held back. The store imports it through
:func:`load` when it first needs it (``StoreCore.db``): a command that writes no table through it
never imports it.
"""

from __future__ import annotations

import sys
from types import ModuleType

_HELD_BACK = ("pandas", "numpy")


def load() -> ModuleType:
    if "sqlite_utils" in sys.modules:
        return sys.modules["sqlite_utils"]
    held = [name for name in _HELD_BACK if name not in sys.modules]
    for name in held:
        sys.modules[name] = None  # type: ignore[assignment]  # the documented way to make an import fail
    try:
        import sqlite_utils
    finally:
        for name in held:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    return sqlite_utils
