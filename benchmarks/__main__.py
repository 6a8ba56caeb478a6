"""Run every benchmark: ``python -m benchmarks`` (or ``make bench``); ``python -m benchmarks merge`` for one.

Each ``bench_*.py`` module has ``main(argv) -> None`` that prints its figures and the
ratio against a plain baseline measured in the same run. Options after the names go to
the benchmarks chosen: ``python -m benchmarks scale --units 1300``.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    short = {n.removeprefix("bench_") for n in names} | set(names)
    wanted: set[str] = set()
    while argv and argv[0] in short:
        wanted.add(argv.pop(0))
    for name in names:
        if wanted and name.removeprefix("bench_") not in wanted and name not in wanted:
            continue
        print(f"== {name} ==", flush=True)
        importlib.import_module(f"benchmarks.{name}").main(list(argv) if wanted else [])
        print(flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
