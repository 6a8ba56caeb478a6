#!/usr/bin/env bash
# Usage: packaging/windows/wineprefix.sh PREFIX
# A 64-bit Wine prefix that runs the Windows bundle and PyInstaller: Wine 8 lacks three pieces every
# Windows 10/11 has, so small stand-in DLLs (standins/*.c, built with mingw-w64) go into the prefix's
# system32. They are never put into the bundle or the installer: a real Windows uses its own.
#   bcryptprimitives.dll  ProcessPrng (cryptography and python-calamine import it)
#   icuuc.dll             the ICU converter functions Qt6Core imports; it answers "no such converter"
#   ucrtbase.dll          Wine's own, renamed ucrtwine.dll, behind a forwarder that adds the complex-number
#                         functions Wine leaves as stubs (numpy calls crealf as it imports)
# Print the environment to use the prefix with (`eval "$(packaging/windows/wineprefix.sh PREFIX)"`).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
PREFIX="$(mkdir -p "$1" && cd "$1" && pwd)"
CC=x86_64-w64-mingw32-gcc
WINE_DLLS=/usr/lib/x86_64-linux-gnu/wine/x86_64-windows
OVERRIDES="mscoree,mshtml=;winedbg.exe=d;ucrtbase=n,b"  # no Mono or Gecko prompt, no debugger on a crash; our ucrtbase

for tool in wine "$CC" x86_64-w64-mingw32-objdump; do
    command -v "$tool" >/dev/null || { echo "wineprefix.sh: $tool is missing (apt-get install wine wine64 gcc-mingw-w64-x86-64-win32)" >&2; exit 1; }
done

export WINEPREFIX="$PREFIX" WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="$OVERRIDES"
if [ ! -f "$PREFIX/.standins" ]; then
    WINEDLLOVERRIDES="mscoree,mshtml=" wine wineboot --init >/dev/null 2>&1
    wineserver -w
    system32="$PREFIX/drive_c/windows/system32"
    build="$PREFIX/standins-build"
    mkdir -p "$build"
    $CC -O2 -shared -static-libgcc -o "$system32/bcryptprimitives.dll" "$HERE/standins/bcryptprimitives.c" -ladvapi32
    $CC -O2 -shared -static-libgcc -o "$system32/icuuc.dll" "$HERE/standins/icuuc.c"
    # ucrtbase.dll: forward every export of Wine's ucrtbase to its renamed copy, except the complex functions.
    cp "$WINE_DLLS/ucrtbase.dll" "$system32/ucrtwine.dll"
    x86_64-w64-mingw32-objdump -p "$WINE_DLLS/ucrtbase.dll" | sed -n '/\[Ordinal\/Name Pointer\] Table/,/^$/p' \
        | grep -E '^\s*\[' | awk '{print $NF}' >"$build/ucrtbase.names"
    complex='^(_[LF]?C(build|mulcc|mulcr)|c(abs|acos|acosh|arg|asin|asinh|atan|atanh|cos|cosh|exp|imag|log|log10|onj|pow|proj|real|sin|sinh|sqrt|tan|tanh)[fl]?|norm[fl]?)$'
    {
        echo "LIBRARY ucrtbase.dll"
        echo "EXPORTS"
        while read -r name; do
            if [[ "$name" =~ $complex ]]; then echo "    $name = xz_$name"; else echo "    $name = ucrtwine.$name"; fi
        done <"$build/ucrtbase.names"
    } >"$build/ucrtbase.def"
    $CC -O2 -shared -static-libgcc -o "$system32/ucrtbase.dll" "$HERE/standins/ucrtbase_complex.c" "$build/ucrtbase.def"
    touch "$PREFIX/.standins"
fi
echo "export WINEPREFIX='$PREFIX' WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES='$OVERRIDES'"
