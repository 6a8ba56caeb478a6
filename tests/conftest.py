"""Shared fixtures. Qt runs offscreen: set before anything imports Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import HealthCheck, settings

from xz_desktop.domain.catalog import Catalog
from xz_desktop.domain.catalog_rows import load_catalog_dir
from xz_desktop.paths import catalog_dir
from xz_desktop.store import create_store

# Hypothesis times each example and fails one over 200 ms: on a busy machine (CI, two cores shared) a slow
# example is the machine's, not the code's. No test here asserts speed (benchmarks/ measures it).
settings.register_profile("xz", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("xz")

ROOT = Path(__file__).resolve().parent.parent
# The shipped catalog's geographic units (towns, subdistricts and the high-tech zone), in its units.csv order.
GEOGRAPHIC = [
    "xincheng",
    "jiabei",
    "tanghui",
    "gaozhao",
    "wangjiangjing",
    "youchegang",
    "xincheng_town",
    "wangdian",
    "honghe",
    "hitech",
]


@pytest.fixture(autouse=True)
def _window_settings(tmp_path_factory):
    """Each test starts from default window settings, and never touches the user's own."""
    from xz_desktop.ui.common import settings  # pytest-qt has loaded Qt already

    settings.use_folder(tmp_path_factory.mktemp("settings"))
    yield


@pytest.fixture(autouse=True)
def _log_folder(tmp_path_factory, monkeypatch):
    """Unexpected errors a test provokes (also in a real ``xz`` it runs) are logged in a temporary folder."""
    monkeypatch.setenv("XZ_DESKTOP_LOG_DIR", str(tmp_path_factory.mktemp("logs")))


@pytest.fixture(autouse=True)
def _secret_folder(tmp_path_factory, monkeypatch):
    """The installation's secret (the seal of kept totals) of a test (and of the ``xz`` it runs) is its own."""
    monkeypatch.setenv("XZ_DESKTOP_SECRET_DIR", str(tmp_path_factory.mktemp("secret")))


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The shipped catalog (resources/catalog)."""
    return load_catalog_dir(catalog_dir())


@pytest.fixture
def district_db(tmp_path) -> Path:
    """A fresh, empty district database file."""
    path = tmp_path / "district.sqlite"
    create_store(path, "district", author="区人才办").close()
    return path


@pytest.fixture
def unit_db(tmp_path) -> Path:
    """A fresh database of one town (新城街道)."""
    path = tmp_path / "xincheng.sqlite"
    create_store(path, "unit", "xincheng", author="张三").close()
    return path


def run_xz(
    *args: str | Path,
    cwd: Path | None = None,
    input: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess:
    """Run the real ``xz`` command line in a subprocess, as a user would (``env``: its whole environment)."""
    return subprocess.run(
        [sys.executable, "-m", "xz_desktop.cli", *map(str, args)],
        cwd=cwd,
        input=input,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


@pytest.fixture
def xz():
    return run_xz
