"""What every screenshot tool does last: let the window paint, then write its picture."""

from __future__ import annotations

import sys
from pathlib import Path


def save_grab(app, window, out: Path) -> int:
    """Process pending paints, write ``window``'s picture to ``out`` and close it; 0, or 1 with the reason."""
    for _ in range(30):  # the window's first paints, the charts' and the fonts' layout, arrive as events
        app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        print(f"could not write {out}", file=sys.stderr)
        return 1
    window.close()
    print(out)
    return 0
