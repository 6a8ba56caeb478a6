"""Run every benchmark: ``python -m benchmarks`` (or ``make bench``); ``python -m benchmarks merge`` for one.

Each ``bench_*.py`` module has ``main(argv) -> None`` that prints its figures and the
ratio against a plain baseline measured in the same run.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    wanted = set(argv)
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    for name in names:
        if wanted and name.removeprefix("bench_") not in wanted and name not in wanted:
            continue
        print(f"== {name} ==", flush=True)
        importlib.import_module(f"benchmarks.{name}").main([])
        print(flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
