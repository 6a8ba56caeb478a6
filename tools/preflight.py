"""Before `make run` / `make test` set anything up: the Python, venv and system libraries they need.

Run by the system's python3, which may be old: this file uses nothing newer than Python 3.6.
    python3 tools/preflight.py [--display]
Exit 0 when all is there; 1 with what is missing and the one line that installs it (Debian/Ubuntu).
--display: also require a display and the X11 libraries (make run, make demo: the window needs a desktop session).
"""

from __future__ import annotations

import ctypes.util
import os
import sys

MINIMUM = (3, 11)
# Libraries Qt loads (offscreen too, as the tests run it) and their Debian/Ubuntu packages ...
LIBRARIES = [
    ("GL", "libgl1"),
    ("EGL", "libegl1"),
    ("dbus-1", "libdbus-1-3"),
    ("xkbcommon", "libxkbcommon0"),
    ("fontconfig", "libfontconfig1"),
    ("freetype", "libfreetype6"),
    ("glib-2.0", "libglib2.0-0"),
]
# ... and those its X11 (xcb) platform plugin loads to show the window: the list .ci/run installs.
WINDOW_LIBRARIES = [
    ("xkbcommon-x11", "libxkbcommon-x11-0"),
    ("xcb-cursor", "libxcb-cursor0"),
    ("xcb-icccm", "libxcb-icccm4"),
    ("xcb-image", "libxcb-image0"),
    ("xcb-keysyms", "libxcb-keysyms1"),
    ("xcb-randr", "libxcb-randr0"),
    ("xcb-render-util", "libxcb-render-util0"),
    ("xcb-shape", "libxcb-shape0"),
    ("xcb-xinerama", "libxcb-xinerama0"),
    ("xcb-xfixes", "libxcb-xfixes0"),
    ("xcb-xkb", "libxcb-xkb1"),
    ("X11-xcb", "libx11-xcb1"),
]


def problems(display: bool) -> list:
    found = []
    version = "{}.{}".format(*sys.version_info[:2])
    if sys.version_info[:2] < MINIMUM:
        found.append(
            f"xz-desktop needs Python 3.11 or newer, and {sys.executable} is Python {version}. "
            "Install python3.11 (Debian 12, Ubuntu 24.04 have it as python3) and run: "
            "make PYTHON=python3.11 …"
        )
    packages = []
    try:
        import ensurepip  # noqa: F401  (Debian splits venv's pip out into python3-venv)
        import venv  # noqa: F401
    except ImportError:
        packages.append("python3-venv")
    if sys.platform.startswith("linux"):
        needed = LIBRARIES + (WINDOW_LIBRARIES if display else [])
        packages += [package for library, package in needed if ctypes.util.find_library(library) is None]
        if ctypes.util.find_library("fontconfig") and not _has_cjk_font():
            packages.append("fonts-noto-cjk")
    if packages:
        found.append("missing system packages; install them with:\n    sudo apt-get install -y " + " ".join(packages))
    if display and sys.platform.startswith("linux"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            found.append(
                "no display (neither DISPLAY nor WAYLAND_DISPLAY is set): the window needs a desktop session. "
                "Run it there, or over ssh -X; `make test` needs none."
            )
    return found


def _has_cjk_font() -> bool:
    """A Chinese font for the window and the printed form (fc-list answers; without fc-list, assume so)."""
    import shutil
    import subprocess

    if shutil.which("fc-list") is None:
        return True
    listed = subprocess.run(["fc-list", ":lang=zh"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return bool(listed.stdout.strip())


def main() -> int:
    found = problems(display="--display" in sys.argv[1:])
    for problem in found:
        print("make: " + problem, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
