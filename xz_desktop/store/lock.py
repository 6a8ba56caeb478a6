"""Reading the window's lock file (Qt's ``QLockFile``) without Qt, so the CLI can honour it.

The window locks ``DB.lock`` beside its database for as long as it is open. ``QLockFile`` writes
plain text: the process id, the application name, the host name (then machine and boot ids).
A lock whose process is gone on this computer is stale, as Qt itself decides; a lock from
another computer (a database on a shared folder) is taken as held.

On Windows Qt records the computer's NetBIOS name (upper case, cut to 15 characters) while
``socket.gethostname()`` answers the DNS name as set (``xz-test-pc``): the two are compared by
:func:`same_computer`, never with ``==``, or the window would refuse its own database.
"""

from __future__ import annotations

import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

MAX_LOCK_BYTES = 4096
NETBIOS_NAME_LENGTH = 15  # Windows keeps the first 15 characters of a computer name as its NetBIOS name


@dataclass(frozen=True)
class LockHolder:
    """Who holds a database's window lock."""

    pid: int
    app: str
    host: str


def lock_path(path: Path) -> Path:
    """The window's lock file for database ``path`` (the window uses the same name)."""
    return path.with_name(path.name + ".lock")


def same_computer(recorded: str, here: str) -> bool:
    """Whether the host name a lock file records names this computer, called ``here``.

    Host names are case-insensitive, and Windows records the NetBIOS name: ``XIUZHOU-RENCAIB``
    is ``XIUZHOU-RENCAIBAN-PC01``. (Two PCs whose names share their first 15 characters cannot
    both be on one Windows network, so the prefix names one computer.)
    """
    a, b = recorded.strip().casefold(), here.strip().casefold()
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) == NETBIOS_NAME_LENGTH and longer[:NETBIOS_NAME_LENGTH] == shorter


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill would terminate the process on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def window_lock_holder(path: Path) -> LockHolder | None:
    """The other process holding the window lock on ``path``, or ``None`` (no lock, stale, or this process)."""
    lock = lock_path(path)
    try:
        with lock.open("rb") as fh:
            raw = fh.read(MAX_LOCK_BYTES)
    except OSError:
        return None
    lines = raw.decode("utf-8", errors="replace").splitlines()
    try:
        pid = int(lines[0].strip())
    except (IndexError, ValueError):
        return None  # not a lock Qt wrote (or one being written): Qt would take it over too
    app = lines[1].strip() if len(lines) > 1 else ""
    host = lines[2].strip() if len(lines) > 2 else ""
    if (not host or same_computer(host, socket.gethostname())) and (pid == os.getpid() or not _alive(pid)):
        return None
    return LockHolder(pid, app[:80], host[:80])
