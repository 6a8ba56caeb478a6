"""Shared by the Excel, template, pivot and totals-view tests: demo databases and LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from xz_desktop.services.demo import create_demo

_DEMO: dict[str, Path] = {}


def demo_copy(tmp_path: Path, tmp_path_factory, name: str = "demo_district.sqlite") -> Path:
    """A fresh copy of the demo district database (made once per session: it takes a second)."""
    if "path" not in _DEMO:
        _DEMO["path"] = create_demo(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    target = tmp_path / name
    shutil.copy(_DEMO["path"], target)
    return target


@pytest.fixture
def demo_db(tmp_path, tmp_path_factory) -> Path:
    return demo_copy(tmp_path, tmp_path_factory)


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip("LibreOffice is not installed (.ci/run installs it)")
    return found


def libreoffice_convert(source: Path, target_format: str, outdir: Path) -> Path:
    """Convert ``source`` headless with a profile of its own; fail the test on any error."""
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / "lo_profile"
    proc = subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target_format,
            "--outdir",
            str(outdir),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    produced = outdir / f"{source.stem}.{target_format.split(':')[0]}"
    assert proc.returncode == 0, proc.stderr
    assert "Error" not in proc.stderr and "error" not in proc.stdout.lower(), proc.stdout + proc.stderr
    assert produced.is_file() and produced.stat().st_size > 0, proc.stdout + proc.stderr
    return produced
