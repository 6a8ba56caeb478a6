"""The frozen bundle (packaging/xz-desktop.spec), built here with PyInstaller and run from a copy elsewhere.

The copy sits in a folder with a Chinese name, far from the source tree, and runs with an empty
environment (no PYTHONPATH, no virtualenv, a fresh HOME) from an empty working folder, so it can
only use what the bundle carries. Fontconfig is pointed at an empty configuration, so the system's
CJK fonts are out of reach too: the printed form must use the font inside the bundle.

The bundle is built once for the module (about 1–2 minutes on two cores).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .test_package_support import TOWN_2023

pytest.importorskip(
    "PyInstaller", reason="the `dist` extra is not installed (pip install -e '.[dist]'; `make dist` and CI install it)"
)
if not sys.platform.startswith("linux"):
    pytest.skip("the frozen bundle is tested on Linux; Windows: docs/install.md", allow_module_level=True)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "xz-desktop.spec"
EMPTY_FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """dist/xz-desktop built from this tree, then copied to 安装/xz-desktop elsewhere and the build removed."""
    work = tmp_path_factory.mktemp("build")
    built = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
        + ["--distpath", str(work / "dist"), "--workpath", str(work / "work"), str(SPEC)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert built.returncode == 0, built.stderr[-4000:]
    target = tmp_path_factory.mktemp("pc") / "安装" / "xz-desktop"
    shutil.copytree(work / "dist" / "xz-desktop", target, symlinks=True)
    shutil.rmtree(work)
    return target


@pytest.fixture(scope="module")
def clean_env(tmp_path_factory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("home")
    fonts = home / "fonts.conf"
    fonts.write_text(EMPTY_FONTS_CONF.format(cache=home / "fontcache"), encoding="utf-8")
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "FONTCONFIG_FILE": str(fonts),
    }


@pytest.fixture
def frozen(bundle, clean_env, tmp_path):
    """Run one of the bundle's programs in ``tmp_path`` (an empty folder) with the clean environment."""

    def run(program: str, *args: str | Path) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(bundle / program), *map(str, args)],
            cwd=tmp_path,
            env=clean_env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=600,
        )

    return run


def test_the_bundle_holds_both_programs_and_its_resources_but_not_the_unused_qt_modules(bundle):
    assert (bundle / "xz").is_file() and (bundle / "xz-desktop").is_file()
    inside = bundle / "_internal"
    shipped = sorted(
        str(p.relative_to(ROOT / "resources"))
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and p.suffix != ".ts"  # the translators' source; the built .qm travels
    )
    for name in shipped:  # every data file: the catalog, the plan's schemes, the translation …
        assert (inside / "xz_desktop" / "resources" / name).is_file(), name
    assert "plan/assessment.json" in shipped and "i18n/xz_desktop_en.qm" in shipped
    assert sorted(p.name for p in (inside / "xz_desktop" / "db").glob("*.sql")) == sorted(
        p.name for p in (ROOT / "db").glob("*.sql")
    )
    assert list((inside / "xz_desktop" / "resources" / "fonts").glob("NotoSansCJK*"))
    assert "i18n/qt_extra_zh_CN.qm" in shipped  # Qt's own dialogs in Chinese where qtbase_zh_CN is silent
    guide = sorted(p.name for p in (ROOT / "docs").iterdir() if p.suffix in (".md", ".png"))
    bundled_guide = sorted(p.name for p in (inside / "xz_desktop" / "docs").iterdir())
    assert bundled_guide == guide  # 帮助 → 用户指南 and its pictures
    assert (inside / "PySide6" / "Qt" / "translations" / "qtbase_zh_CN.qm").is_file()
    names = {p.name for p in inside.rglob("*")}
    for unused in ("WebEngine", "Qt3D", "Multimedia", "Quick", "Qml", "tkinter", "pytest", "hypothesis"):
        assert not [n for n in names if unused in n], unused
    assert (bundle / "_internal" / "LICENSE").is_file()


def test_frozen_xz_end_to_end_init_import_package_merge_totals_export(frozen, tmp_path):
    version = frozen("xz", "--version")
    assert version.returncode == 0, version.stderr
    lines = version.stdout.splitlines()
    assert lines[0].startswith("xz-desktop ")
    assert f"database schema: {len(list((ROOT / 'db').glob('*.sql')))}" in version.stdout

    town, district = tmp_path / "新城街道.sqlite", tmp_path / "区汇总.sqlite"
    # A unit's copy is set up from the district's enrolment file (its signing key): docs/trust.md.
    assert frozen("xz", "init", district, "--district").returncode == 0
    enrolment = tmp_path / "新城街道.xzenrol"
    enrolled = frozen("xz", "enrol", district, "--unit", "xincheng", "-o", enrolment)
    assert enrolled.returncode == 0, enrolled.stderr
    made_town = frozen("xz", "init", town, "--enrolment", enrolment, "--author", "张三")
    assert made_town.returncode == 0, made_town.stderr
    csv = tmp_path / "二〇二三年数据.csv"
    rows = ["unit,indicator,period,value,explanation"] + [f"xincheng,{k},2023,{v}," for k, v in TOWN_2023.items()]
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    imported = frozen("xz", "import", town, csv)
    assert imported.returncode == 0, imported.stderr

    package = tmp_path / "上报包" / "新城街道_2023.xzpkg"
    package.parent.mkdir()
    made = frozen("xz", "package", town, "--period", "2023", "-o", package)
    assert made.returncode == 0, made.stderr
    assert package.is_file()

    merged = frozen("xz", "merge", district, package, "--json")
    assert merged.returncode == 0, merged.stderr
    [result] = json.loads(merged.stdout)
    assert (result["status"], result["unit"], result["inserted"]) == ("merged", "xincheng", len(TOWN_2023))

    totals = frozen("xz", "totals", district, "--period", "2023", "--json")
    assert totals.returncode == 0, totals.stderr
    by_code = {r["code"]: r for r in json.loads(totals.stdout)}
    assert by_code["talent_total"]["value"] == pytest.approx(1.0)  # 10,000 人 shown in 万人
    assert by_code["talent_total"]["units_reported"] == ["xincheng"]

    workbook = tmp_path / "汇总_2023.xlsx"
    exported = frozen("xz", "export", district, "-o", workbook, "--period", "2023")
    assert exported.returncode == 0, exported.stderr
    with zipfile.ZipFile(workbook) as archive:
        assert "xl/workbook.xml" in archive.namelist()
        assert "原始数据" in archive.read("xl/workbook.xml").decode("utf-8")

    pdf = tmp_path / "填报表.pdf"
    printed = frozen("xz", "print", town, "--period", "2023", "-o", pdf)
    assert printed.returncode == 0, printed.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert b"NotoSansCJK" in pdf.read_bytes()  # the bundled font, embedded: the system's are out of reach

    refused = frozen("xz", "merge", district, csv)
    assert refused.returncode == 1 and refused.stderr.startswith("xz: 错误：")
    assert "Traceback" not in refused.stderr
    assert frozen("xz", "totals").returncode == 2


def test_frozen_window_self_test_passes_offscreen(frozen):
    result = frozen("xz-desktop", "--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "全部通过" in result.stdout
    assert "随程序附带" in result.stdout  # the printed form used the bundle's own CJK font
    for page in ("填报", "汇总"):
        assert page in result.stdout


def test_frozen_self_test_fails_with_the_reason_when_the_bundle_is_damaged(frozen, bundle):
    catalog = bundle / "_internal" / "xz_desktop" / "resources" / "catalog" / "rules.csv"
    aside = catalog.with_name("rules.csv.aside")
    catalog.rename(aside)
    try:
        result = frozen("xz-desktop", "--self-test")
    finally:
        aside.rename(catalog)
    assert result.returncode == 1
    assert "失败" in result.stderr and "rules.csv" in result.stderr
    assert "Traceback" not in result.stderr
