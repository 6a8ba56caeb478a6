"""The Windows installer, installed and run under Wine as a clerk's PC would run it.

`make dist-windows` (packaging/windows/build.sh) builds the bundle and its per-user NSIS installer; .ci/run
builds it before the tests, and this module builds it only when the installer is missing or older than the
sources (PyInstaller under Wine takes several minutes). Then on a fresh Wine prefix (with the stand-in DLLs
of packaging/windows/wineprefix.sh, never in the bundle), named like an office PC whose name is lower case
and longer than NetBIOS's 15 characters:

- a silent install into a folder with a Chinese name, its files, Start-menu entries and HKCU entry;
- the installed xz.exe: --version, and a demo round (demo, totals, export, report);
- the installed xz-desktop.exe --self-test under Xvfb, as a Chinese (code page 936) and an English
  (code page 1252) Windows, its output through a pipe;
- a silent uninstall that removes the program and leaves the clerk's data folder.

Wine's console programs die when stdout is a regular file, so every output goes through a pipe; Chinese
file names need a UTF-8 Chinese locale on the Linux side, made here into a private LOCPATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from xz_desktop import __version__

from .conftest import ROOT, run_xz

TOOLS = ("wine", "wineserver", "makensis", "x86_64-w64-mingw32-gcc", "Xvfb", "unshare", "localedef")
if not sys.platform.startswith("linux"):
    pytest.skip("the Windows installer is tested under Wine on Linux", allow_module_level=True)
if missing := [tool for tool in TOOLS if shutil.which(tool) is None]:
    pytest.skip(
        f"needs {', '.join(missing)}: apt-get install wine wine64 nsis gcc-mingw-w64-x86-64-win32 xvfb "
        "(.ci/run installs them)",
        allow_module_level=True,
    )

pytestmark = [pytest.mark.slow, pytest.mark.timeout(3600)]

INSTALLER = ROOT / "dist" / f"xz-desktop-{__version__}-setup.exe"
HOST = "xiuzhou-rencaiban-pc01"  # Windows calls it XIUZHOU-RENCAIB (NetBIOS: upper case, 15 characters)
TARGET = r"C:\秀洲区\人才填报"  # no space: NSIS's /D= under Wine stops at one
TITLE = "秀洲区人才发展规划指标填报"  # the Start-menu folder (packaging/windows/xz-desktop.nsi)
CHINESE, ENGLISH = "zh_CN.UTF-8", "en_US.UTF-8"
WINE_TIMEOUT = 900


def _sources_newer_than(path: Path) -> bool:
    built = path.stat().st_mtime
    for folder in ("xz_desktop", "resources", "db", "packaging"):
        for source in (ROOT / folder).rglob("*"):
            if source.is_file() and "__pycache__" not in source.parts and source.stat().st_mtime > built:
                return True
    return False


@pytest.fixture(scope="module")
def installer() -> Path:
    """dist/xz-desktop-VERSION-setup.exe, built now only when missing or older than the sources."""
    if not INSTALLER.is_file() or _sources_newer_than(INSTALLER):
        built = subprocess.run(
            ["bash", str(ROOT / "packaging" / "windows" / "build.sh")],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=3000,
        )
        assert built.returncode == 0, built.stdout.decode("utf-8", "replace")[-4000:]
    assert INSTALLER.is_file()
    return INSTALLER


class PC:
    """A Wine prefix under a display, run as a PC named HOST in a given language."""

    def __init__(self, prefix: Path, env: dict[str, str]):
        self.prefix = prefix
        self.env = env

    def drive_c(self, windows_path: str) -> Path:
        """The Linux path of ``C:\\...``."""
        assert windows_path[:3].upper() == "C:\\"
        return self.prefix / "drive_c" / Path(*windows_path[3:].split("\\"))

    @property
    def local_appdata(self) -> Path:
        return self.drive_c(r"C:\users") / os.environ.get("USER", "root") / "AppData" / "Local"

    def run(self, *args: str, lang: str = CHINESE, timeout: int = WINE_TIMEOUT) -> subprocess.CompletedProcess:
        """``wine ARGS`` on this PC, stdout and stderr through pipes; every process ended before it returns."""
        env = {**self.env, "LANG": lang, "LC_ALL": lang}
        try:
            return subprocess.run(
                ["unshare", "--uts", "sh", "-c", 'hostname "$0" && exec "$@"', HOST, "wine", *args],
                env=env,
                capture_output=True,
                timeout=timeout,
            )
        finally:
            # Wait for what the program left running (the uninstaller runs on from a copy of itself), and let
            # the next run start its own Wine services in its own language.
            subprocess.run(["wineserver", "-w"], env=env, timeout=WINE_TIMEOUT)

    def out(self, result: subprocess.CompletedProcess) -> str:
        return result.stdout.decode("utf-8", "replace")

    def err(self, result: subprocess.CompletedProcess) -> str:
        lines = result.stderr.decode("utf-8", "replace").splitlines()
        return "\n".join(line for line in lines if ":fixme:" not in line)[-3000:]


@pytest.fixture(scope="module")
def pc(tmp_path_factory) -> Iterator[PC]:
    """A fresh Wine prefix with the stand-in DLLs, a private UTF-8 Chinese and English locale, and Xvfb."""
    home = tmp_path_factory.mktemp("wine")
    locales = home / "locales"
    locales.mkdir()
    for lang in (CHINESE, ENGLISH):
        name = lang.split(".")[0]
        made = subprocess.run(["localedef", "-i", name, "-f", "UTF-8", str(locales / lang)], timeout=300)
        assert made.returncode in (0, 1), f"localedef {lang}"  # 1: made, with warnings
    display = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert display.stdout is not None
        number = display.stdout.readline().decode().strip()
        assert number.isdigit(), "Xvfb did not start"
        base = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "USER": os.environ.get("USER", "root"),
            "LOCPATH": str(locales),
            "DISPLAY": f":{number}",
        }
        made = subprocess.run(
            ["unshare", "--uts", "sh", "-c", 'hostname "$0" && exec "$@"', HOST]
            + ["bash", str(ROOT / "packaging" / "windows" / "wineprefix.sh"), str(home / "prefix")],
            env={**base, "LANG": CHINESE, "LC_ALL": CHINESE},
            capture_output=True,
            text=True,
            timeout=WINE_TIMEOUT,
        )
        assert made.returncode == 0, made.stderr[-3000:]
        env = dict(base)
        for assignment in made.stdout.strip().removeprefix("export ").split():
            name, _, value = assignment.partition("=")
            env[name] = value.strip("'")
        yield PC(home / "prefix", env)
    finally:
        subprocess.run(["wineserver", "-k"], env={**os.environ, "WINEPREFIX": str(home / "prefix")}, check=False)
        display.terminate()
        display.wait(timeout=30)


@pytest.fixture(scope="module")
def installed(pc, installer) -> Path:
    """The installer run silently (/S) into TARGET; the Linux path of the installed folder."""
    result = pc.run(str(installer), "/S", f"/D={TARGET}")
    assert result.returncode == 0, pc.err(result)
    folder = pc.drive_c(TARGET)
    # Check the files, not only the exit code: a 32-bit installer exits 0 having installed nothing here.
    assert (folder / "xz-desktop.exe").is_file() and (folder / "xz.exe").is_file(), sorted(pc.prefix.rglob("*.exe"))[
        :20
    ]
    return folder


def _c(pc: PC, path: Path) -> str:
    """The Windows path of a Linux path inside the prefix's C: drive."""
    return "C:\\" + str(path.relative_to(pc.prefix / "drive_c")).replace("/", "\\")


def test_the_installer_carries_its_version_in_its_name_and_properties(installer):
    head = installer.read_bytes()[:4_000_000]  # the version resource is in the (uncompressed) stub
    for key in ("ProductVersion", "FileVersion"):
        at = head.find(key.encode("utf-16-le"))
        assert at > 0, key
        assert __version__.encode("utf-16-le") in head[at : at + 120], key
    assert installer.name == f"xz-desktop-{__version__}-setup.exe"


def test_silent_install_for_this_user_into_a_chinese_folder(pc, installed):
    assert (installed / "_internal").is_dir() and (installed / "uninstall.exe").is_file()
    menu = pc.prefix.glob(f"drive_c/users/*/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/{TITLE}")
    entries = sorted(p.name for folder in menu for p in folder.iterdir())
    assert entries == [f"{TITLE}.lnk", f"{TITLE}（自检）.lnk"]
    key = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\xz-desktop"
    registry = pc.run("reg", "query", key)
    listed = registry.stdout.decode("gbk", "replace")  # reg writes in the console's code page (936 here)
    assert registry.returncode == 0 and __version__ in listed and "uninstall.exe" in listed and TARGET in listed


def test_installed_xz_says_its_version(pc, installed):
    result = pc.run(_c(pc, installed / "xz.exe"), "--version")
    assert result.returncode == 0, pc.err(result)
    assert pc.out(result).splitlines()[0] == f"xz-desktop {__version__}"


def test_a_demo_round_through_the_installed_xz(pc, installed):
    xz = _c(pc, installed / "xz.exe")
    data = pc.local_appdata / "Xiuzhou" / "xz-desktop"  # where the program keeps the clerk's databases
    data.mkdir(parents=True, exist_ok=True)
    database = data / "示例数据.sqlite"
    made = pc.run(xz, "demo", _c(pc, database))
    assert made.returncode == 0, pc.err(made)
    totals = pc.run(xz, "totals", _c(pc, database), "--period", "2023")
    assert totals.returncode == 0, pc.err(totals)
    # The frozen Windows program totals the demo exactly as this checkout does on Linux.
    here = run_xz("totals", database, "--period", "2023")
    assert here.returncode == 0 and pc.out(totals).replace("\r\n", "\n") == here.stdout
    workbook = data / "区级汇总_2023.xlsx"
    exported = pc.run(xz, "export", _c(pc, database), "-o", _c(pc, workbook), "--period", "2023")
    assert exported.returncode == 0, pc.err(exported)
    assert workbook.read_bytes()[:2] == b"PK"
    report = data / "年度评估报告_2023.docx"
    reported = pc.run(xz, "report", _c(pc, database), "--period", "2023", "-o", _c(pc, report))
    assert reported.returncode == 0, pc.err(reported)
    assert report.read_bytes()[:2] == b"PK" and report.stat().st_size > 10_000


@pytest.mark.parametrize(("lang", "code_page"), [(CHINESE, "936"), (ENGLISH, "1252")])
def test_the_installed_self_test_passes_in_both_code_pages_on_a_long_lower_case_host(pc, installed, lang, code_page):
    acp = pc.run("reg", "query", r"HKLM\System\CurrentControlSet\Control\Nls\CodePage", "/v", "ACP", lang=lang)
    assert code_page in pc.out(acp).split()  # Wine is the Windows we mean
    result = pc.run(_c(pc, installed / "xz-desktop.exe"), "--self-test", lang=lang, timeout=600)
    # Before: the window refused its own database (its lock names XIUZHOU-RENCAIB), and under 1252 the
    # self-test's Chinese output raised in print and opened an error box nobody closes (the timeout ended it).
    assert result.returncode == 0, pc.out(result) + pc.err(result)
    assert "xz-desktop --self-test: 全部通过" in pc.out(result)


def test_silent_uninstall_removes_the_program_and_keeps_the_data(pc, installed):
    data = pc.local_appdata / "Xiuzhou" / "xz-desktop"
    data.mkdir(parents=True, exist_ok=True)
    kept = data / "我的数据.sqlite"
    kept.write_bytes(b"the clerk's work")
    result = pc.run(_c(pc, installed / "uninstall.exe"), "/S")
    assert result.returncode == 0, pc.err(result)
    assert not (installed / "xz-desktop.exe").exists() and not (installed / "_internal").exists()
    assert kept.read_bytes() == b"the clerk's work"
    registry = pc.run("reg", "query", r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\xz-desktop")
    assert registry.returncode != 0
    assert not list(pc.prefix.glob(f"drive_c/users/*/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/{TITLE}"))
