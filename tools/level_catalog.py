"""Write the catalog folder of a level above the district from the shipped one (resources/catalogs/*).

    .venv/bin/python tools/level_catalog.py resources/catalogs/jiaxing units.csv level.csv

The level above receives the district's totals of every stock and flow (domain/levels.carried); its
indicators are those, each reported by every unit of the level (``geographic``), and the ratios, sums
and growth rates computed from them. A ``district`` figure (reported once, not summable) is left out.
The plan's 2015/2020 bases, 2025 targets and usual ranges are Xiuzhou's and are not copied: the
level above sets its own. Error bounds (min, max) and the year-on-year threshold are kept.
Run it again after changing resources/catalog/indicators.csv; tests/test_levels.py checks they agree.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "resources" / "catalog"
CARRIED = ("stock", "flow")
CLEARED = ("base_2015", "base_2020", "target_2025", "target_sense", "usual_min", "usual_max", "note")


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def write(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def level_indicators() -> tuple[list[str], list[dict[str, str]]]:
    fields, rows = read(SHIPPED / "indicators.csv")
    carried = {r["code"] for r in rows if r["aggregation"] in CARRIED}
    out = []
    for r in rows:
        agg = r["aggregation"]
        computed = (
            (agg == "ratio" and {r["numerator"], r["denominator"]} <= carried)
            or (agg == "sum" and set(r["parts"].split(";")) <= carried)
            or (agg == "growth" and r["growth_of"] in carried)
        )
        if agg in CARRIED:
            r = {**r, "reported_by": "geographic"}
        elif not computed:
            continue
        out.append({**r, **{c: "" for c in CLEARED if c in r}})
    return fields, out


def level_rules(codes: set[str]) -> tuple[list[str], list[dict[str, str]]]:
    fields, rows = read(SHIPPED / "rules.csv")
    keep = [r for r in rows if set(r["left"].split("+")) | set(r["right"].split("+")) <= codes]
    return fields, keep


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    folder, units, level = Path(argv[0]), Path(argv[1]), Path(argv[2])
    fields, indicators = level_indicators()
    folder.mkdir(parents=True, exist_ok=True)
    write(folder / "indicators.csv", fields, indicators)
    rule_fields, rules = level_rules({r["code"] for r in indicators})
    write(folder / "rules.csv", rule_fields, rules)
    for src in (units, level):
        target = folder / src.name
        if src.resolve() != target.resolve():
            target.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    print(f"{folder}: {len(indicators)} indicators, {len(rules)} rules")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
