"""How the talent index's ranks move when each sub-index weight moves by ±10 % (the others rescaled).

Usage: python tools/index_sensitivity.py DEMO.sqlite [--period 2024]
Prints a Markdown table (docs/plan.md keeps the one of the demo): each town's rank with the shipped
weights, then with one part's weight × 1.1 or × 0.9, and the largest move of its rank.
"""

from __future__ import annotations

import argparse
from dataclasses import replace

from xz_desktop.domain.talent_index import IndexScheme
from xz_desktop.services.plan.talent_index import load_index_scheme, talent_index
from xz_desktop.store import open_store


def _scaled(scheme: IndexScheme, part: int, factor: float) -> IndexScheme:
    parts = list(scheme.parts)
    parts[part] = replace(parts[part], weight=parts[part].weight * factor)
    return replace(scheme, parts=tuple(parts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db")
    parser.add_argument("--period", default="2024")
    args = parser.parse_args()
    with open_store(args.db) as store:
        scheme = load_index_scheme(store)
        names = {u.code: u.name for u in store.catalog().units}
        base = {i.unit: i for i in talent_index(store, args.period, scheme)}
        runs = []
        for n, part in enumerate(scheme.parts):
            for factor in (1.1, 0.9):
                ranks = {i.unit: i.rank for i in talent_index(store, args.period, _scaled(scheme, n, factor))}
                runs.append((f"{part.name}×{factor:g}", ranks))
    head = ["单位", "指数", "名次"] + [label for label, _ in runs] + ["最大变动"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for unit, i in sorted(base.items(), key=lambda kv: (kv[1].rank is None, kv[1].rank or 0)):
        if i.rank is None:
            print(f"| {names[unit]} | 不完整 | — |" + " — |" * (len(runs) + 1))
            continue
        moved = [r[unit] for _, r in runs]
        shift = max(abs((m or 0) - i.rank) for m in moved)
        print(f"| {names[unit]} | {i.index:.2f} | {i.rank} | " + " | ".join(str(m) for m in moved) + f" | {shift} |")


if __name__ == "__main__":
    main()
