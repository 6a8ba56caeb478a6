"""Opening a file that came from outside: only a regular file, checked on the open handle.

A named pipe (``mkfifo f.xzpkg``) or a device blocks a plain ``open()`` or ``read()`` for ever, so a
check made after it comes too late, and a check made on the name before it (``is_file()``) can be
outrun by a rename. The file is therefore opened without blocking and its type read from the handle
itself (``fstat``): what is read afterwards is exactly the file that was checked.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

# The reason a refusal names (an OSError's strerror is what every reader's message shows).
NOT_REGULAR = "不是普通文件（可能是管道、设备或文件夹）"


class NotRegularFile(OSError):
    """The path names a pipe, a device, a socket or a folder: never read."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(errno.EINVAL, NOT_REGULAR, str(path))


def open_regular(path: str | Path) -> BinaryIO:
    """``path`` opened for reading in binary, refused with :class:`NotRegularFile` unless a regular file.

    A symlink is followed (to a regular file it is read; to ``/dev/zero`` refused)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


class TooLarge(OSError):
    """The regular file is larger than its reader accepts; ``size`` says how large."""

    def __init__(self, path: str | Path, size: int) -> None:
        super().__init__(errno.EFBIG, "文件过大", str(path))
        self.size = size


def read_regular(path: str | Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file (:func:`open_regular`), refused with :class:`TooLarge` beyond ``limit``."""
    with open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if limit is not None and size > limit:
            raise TooLarge(path, size)
        # One byte more than the size allows: a file still growing beyond the limit is seen.
        data = fh.read() if limit is None else fh.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise TooLarge(path, len(data))
    return data
