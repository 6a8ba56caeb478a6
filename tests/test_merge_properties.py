"""Property tests: any order, any repetition of the same packages gives the same district; un-merge is exact.

Packages come from several units with overlapping keys and random revisions, so that newer
revisions, older ones arriving late, identical re-sends and forks (two contents with one
revision, i.e. conflicts) all occur; some examples start from district hand corrections.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xz_desktop.services.packages.merge import merge_files, unmerge
from xz_desktop.services.packages.package_file import read_package
from xz_desktop.services.totals import totals
from xz_desktop.store import open_store

from .test_package_support import craft, district

REPORTS = {
    "xincheng": ["academician_workstation", "postdoc_workstation", "new_graduates"],
    "jiabei": ["academician_workstation", "new_graduates"],
    "health": ["nurses", "cdc_staffing"],
}
PERIODS = ["2022", "2023"]
EXPORTED = ["2024-01-05T08:00:00.000Z", "2024-02-05T08:00:00.000Z", "2024-03-05T08:00:00.000Z"]


@st.composite
def package_specs(draw):
    unit = draw(st.sampled_from(sorted(REPORTS)))
    keys = draw(
        st.lists(
            st.tuples(st.sampled_from(REPORTS[unit]), st.sampled_from(PERIODS)), min_size=1, max_size=4, unique=True
        )
    )
    rows = [
        (
            ind,
            period,
            draw(st.sampled_from([0.0, 1.0, 2.0, 5.0, None])),
            draw(st.integers(1, 3)),
            draw(st.integers(0, 3)),
            draw(st.sampled_from(["", "说明"])),
        )
        for ind, period in keys
    ]
    return unit, rows, draw(st.sampled_from(EXPORTED))


edits = st.lists(
    st.tuples(
        st.sampled_from(["xincheng", "health"]),
        st.sampled_from(["academician_workstation", "nurses"]),
        st.sampled_from(PERIODS),
        st.sampled_from([1.0, 2.0, 7.0]),
    ),
    max_size=3,
)


def content(path: Path) -> dict:
    """What must not depend on order: figures, provenance, open conflicts and the totals."""
    with open_store(path) as store:
        q = store.conn.execute
        return {
            "value": q("SELECT * FROM value ORDER BY unit, indicator, period").fetchall(),
            "package_value": q("SELECT * FROM package_value ORDER BY unit, indicator, period, package_id").fetchall(),
            "conflict": q(
                "SELECT unit, indicator, period, kind, revision, candidates FROM conflict WHERE resolved_at IS NULL "
                "ORDER BY unit, indicator, period"
            ).fetchall(),
            "disputed": sorted(store.values.disputed_keys()),
            "totals": [[r.as_json() for r in totals(store, p)] for p in PERIODS],
        }


def _setup(folder: Path, specs, district_edits) -> tuple[Path, list[Path]]:
    base = district(folder, "base.sqlite")
    with open_store(base) as store:
        for unit, indicator, period, value in district_edits:
            if indicator in REPORTS.get(unit, []) or (unit == "health" and indicator == "nurses"):
                store.values.write_one(unit, indicator, period, value, author="区人才办")
    files = []
    for n, (unit, rows, exported) in enumerate(specs):
        # A package lists only periods it has figures for (one of blanks only is refused): such a period's
        # first blank becomes a zero, so blanks beside figures still occur.
        for period in {r[1] for r in rows} - {r[1] for r in rows if r[2] is not None}:
            i = next(i for i, r in enumerate(rows) if r[1] == period)
            rows = [*rows[:i], (*rows[i][:2], 0.0, *rows[i][3:]), *rows[i + 1 :]]
        periods = tuple(sorted({r[1] for r in rows}))
        files.append(craft(folder / f"p{n}.xzpkg", rows, unit=unit, periods=periods, exported_at=exported))
    return base, files


def _merged(folder: Path, base: Path, name: str, batches: list[list[Path]]) -> Path:
    path = folder / name
    shutil.copy(base, path)
    with open_store(path) as store:
        for batch in batches:
            report = merge_files(store, batch)
            assert all(r.status in ("merged", "unchanged") for r in report.results), [r.reason for r in report.results]
    return path


SETTINGS = settings(max_examples=35, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(specs=st.lists(package_specs(), min_size=1, max_size=6), district_edits=edits, data=st.data())
def test_any_order_and_repetition_gives_the_same_district(specs, district_edits, data):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base, files = _setup(folder, specs, district_edits)
        reference = content(_merged(folder, base, "a.sqlite", [files]))
        shuffled = data.draw(st.permutations(files))
        repeats = data.draw(st.lists(st.sampled_from(files), max_size=4))
        # one call with repeats inside, then the same packages again one by one in another order
        b = _merged(folder, base, "b.sqlite", [shuffled + repeats, *[[f] for f in reversed(files)]])
        assert content(b) == reference
        # merging everything again changes nothing at all, not even a log line
        before = content(b), _log_count(b)
        with open_store(b) as store:
            assert {r.status for r in merge_files(store, files).results} == {"unchanged"}
        assert (content(b), _log_count(b)) == before


@SETTINGS
@given(specs=st.lists(package_specs(), min_size=1, max_size=6), district_edits=edits, data=st.data())
def test_unmerge_gives_what_merging_the_rest_gives(specs, district_edits, data):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base, files = _setup(folder, specs, district_edits)
        taken_out = data.draw(st.sets(st.sampled_from(range(len(files)))))
        order = data.draw(st.permutations(files))
        merged = _merged(folder, base, "all.sqlite", [order])
        with open_store(merged) as store:
            for n in sorted(taken_out):
                unmerge(store, read_package(files[n]).package_id)
        rest = [f for n, f in enumerate(files) if n not in taken_out]
        assert content(merged) == content(_merged(folder, base, "rest.sqlite", [rest]))
        if len(taken_out) == len(files):
            assert content(merged) == content(base)  # everything out: exactly the district's own figures again


def _log_count(path: Path) -> int:
    with open_store(path) as store:
        return store.conn.execute("SELECT COUNT(*) FROM merge_log").fetchone()[0]
