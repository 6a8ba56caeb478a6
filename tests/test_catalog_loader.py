import shutil

import pytest

from xz_desktop.domain.catalog import Aggregation
from xz_desktop.domain.catalog_rows import load_catalog_dir
from xz_desktop.domain.messages import XzError
from xz_desktop.paths import catalog_dir


def test_shipped_catalog_loads_and_is_complete(catalog):
    assert len(catalog.indicators) >= 80
    assert sum(1 for i in catalog.indicators if i.table2_seq) == 15
    assert sum(1 for i in catalog.indicators if i.table1_seq) == 27
    assert catalog.indicator("talent_total").display_factor == pytest.approx(0.0001)
    ratio = catalog.indicator("physicians_per_1000")
    assert ratio.aggregation is Aggregation.RATIO and ratio.scale == 1000
    kinds = {u.kind.value for u in catalog.units}
    assert kinds == {"geographic", "sector"}
    assert len([u for u in catalog.units if u.kind.value == "geographic"]) == 10


def test_version_is_stable_and_content_based(catalog):
    assert load_catalog_dir(catalog_dir()).version == catalog.version


def _copy(tmp_path):
    target = tmp_path / "catalog"
    shutil.copytree(catalog_dir(), target)
    return target


def test_bad_row_is_named(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "indicators.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(n for n, line in enumerate(lines) if line.startswith("academician_workstation,"))
    lines[index] = lines[index].replace(",stock,", ",stack,", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(XzError) as err:
        load_catalog_dir(folder)
    assert f"第 {index + 1} 行" in str(err.value) and "aggregation" in str(err.value) and "stack" in str(err.value)


def test_dangling_component_is_refused(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "indicators.csv"
    text = path.read_text(encoding="utf-8").replace(
        ",physicians,resident_population,", ",physician,resident_population,"
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(XzError) as err:
        load_catalog_dir(folder)
    assert "physician" in str(err.value)


def test_missing_column_is_refused(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "units.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("kind", "sort_of", 1), encoding="utf-8")
    with pytest.raises(XzError) as err:
        load_catalog_dir(folder)
    assert "kind" in str(err.value)
