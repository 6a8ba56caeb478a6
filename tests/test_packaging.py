"""The wheel carries the catalog, translations and migrations: an installed copy works, not only a checkout."""

import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0 and "No matching distribution found for hatchling" in result.stderr:
        pytest.skip("no package index reachable to fetch the build backend")
    assert result.returncode == 0, result.stderr
    return next(out.glob("xz_desktop-*.whl"))


def test_wheel_contains_resources_and_migrations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "xz_desktop/resources/catalog/indicators.csv",
        "xz_desktop/resources/catalog/units.csv",
        "xz_desktop/db/001_initial.sql",
        "xz_desktop/resources/i18n/qt_extra_zh_CN.qm",  # Qt's dialogs in Chinese where qtbase_zh_CN is silent
        "xz_desktop/docs/window.md",  # the user guide 帮助 → 用户指南 shows …
        "xz_desktop/docs/screenshot-form.png",  # … with its pictures
        "xz_desktop/cli/app.py",
        "xz_desktop/ui/main.py",
    ):
        assert needed in names, needed
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "xz = xz_desktop.cli:main" in entry_points and "xz-desktop = xz_desktop.ui.main:main" in entry_points


def test_installed_layout_creates_and_reads_a_database(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import xz_desktop, json;"
        "assert xz_desktop.__file__.startswith(sys.argv[1]), xz_desktop.__file__;"
        "from xz_desktop.cli import main; sys.exit(main(['init', sys.argv[2], '--district']) or main(['catalog', '--db', sys.argv[2], '--json']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(site), str(tmp_path / "d.sqlite")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert "人才资源总量" in result.stdout
