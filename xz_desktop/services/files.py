"""Writing a file so that a failure never leaves half of it, nor destroys the older one.

The workbook is written to a temporary file beside the target and renamed over it only
once complete: a cancelled export, a full disk or a crash leaves the previous file as
it was. OS errors become messages a clerk can act on.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import BinaryIO, cast

from ..domain.limits import MAX_AUTHOR
from ..domain.messages import QT_TRANSLATE_NOOP, Message, Translate, XzError
from ..domain.periods import parse_period, period_label
from ..store import Store


def check_target(path: str | Path, suffixes: tuple[str, ...] = (".xlsx",)) -> Path:
    """``path`` as a Path, refused if its type is wrong or its folder does not exist."""
    path = Path(path)
    if path.suffix.lower() not in suffixes:
        raise XzError(
            Message(
                "files",
                QT_TRANSLATE_NOOP("files", "文件名“{name}”应以 {suffix} 结尾"),
                {"name": path.name, "suffix": " 或 ".join(suffixes)},
            )
        )
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise XzError(Message("files", QT_TRANSLATE_NOOP("files", "文件夹 {folder} 不存在"), {"folder": str(folder)}))
    if path.is_dir():
        raise XzError(
            Message("files", QT_TRANSLATE_NOOP("files", "{path} 是一个文件夹，不能作为导出文件"), {"path": str(path)})
        )
    return path


def os_error(exc: OSError, path: Path) -> XzError:
    """A Chinese explanation of a failed write to ``path``; the old file is untouched."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        template = QT_TRANSLATE_NOOP("files", "磁盘空间不足，未能写完 {path}；原有文件保持不变")
    elif isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        template = QT_TRANSLATE_NOOP(
            "files", "无法写入 {path}：没有写入权限，或文件正在 Excel/WPS 中打开（请关闭后重试）"
        )
    else:
        return XzError(
            Message(
                "files",
                QT_TRANSLATE_NOOP("files", "无法写入 {path}：{reason}"),
                {"path": str(path), "reason": exc.strerror or exc},
            )
        )
    return XzError(Message("files", template, {"path": str(path)}))


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path`` in one rename."""
    clean_leftovers(path.parent)
    try:
        fd, name = tempfile.mkstemp(
            prefix=f".~{path.stem[:40]}.{_writer_mark()}.", suffix=".part", dir=path.parent if str(path.parent) else "."
        )
        os.close(fd)
    except OSError as exc:
        raise os_error(exc, path) from exc
    tmp = Path(name)
    try:
        yield tmp
        # mkstemp makes the file private; the export should get the rights any new file gets.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise os_error(exc, path) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class _FailOnce(io.RawIOBase):
    """A file being written whose first failure is raised once, and every later write is dropped.

    A zip writer (openpyxl, python-docx) that fails on a full disk is left unclosed; when it is collected,
    its ``__del__`` writes the rest of the archive, fails again, and Python prints "Exception ignored in:
    ZipFile.__del__ … OSError" to the console after the one-line message (issue 24). Its writes after
    the first failure land nowhere: the temporary file is removed anyway.
    """

    def __init__(self, fh: BinaryIO) -> None:
        super().__init__()
        self._fh = fh
        self._at = 0  # the position, kept on after a failure so the writer's arithmetic stays sound
        self.failed: OSError | None = None

    def _guard(self, call: Callable[[], int]) -> int:
        try:
            return call()
        except OSError as exc:
            self.failed = exc
            raise

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def write(self, data) -> int:
        if self.failed is None:
            self._guard(lambda: self._fh.write(data))
        self._at += len(data)
        return len(data)

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if self.failed is None:
            self._at = self._guard(lambda: self._fh.seek(offset, whence))
        elif whence == os.SEEK_SET:
            self._at = offset
        return self._at

    def tell(self) -> int:
        return self._at

    def flush(self) -> None:
        if self.failed is None:
            self._guard(lambda: self._fh.flush() or 0)

    def close(self) -> None:  # the writer's close: the file itself is closed by :func:`writing`
        super().close()


@contextmanager
def writing(tmp: Path) -> Iterator[BinaryIO]:
    """``tmp`` open for a writer that may fail half way (a zip archive); see :class:`_FailOnce`."""
    fh = tmp.open("wb")
    guarded = _FailOnce(fh)
    try:
        yield cast(BinaryIO, guarded)
    except BaseException:
        with contextlib.suppress(OSError):  # the first failure is the one to report
            fh.close()
        raise
    if guarded.failed is not None:  # a writer that swallowed the failure still wrote no whole file
        with contextlib.suppress(OSError):
            fh.close()
        raise guarded.failed
    fh.close()  # a failure to write the last of it is raised here


# The program's own temporary files: ``.~NAME.pPID.XXXX.part`` (replacing), ``.NAME.pPID.XXXX.tmp`` (packages,
# catalog files), PID the process writing it. A killed export leaves one behind (a kill cannot be cleaned up
# after); the next write into the same folder removes it at once when that process is gone, and any of ours
# older than this (a file of an older version, a process this one cannot see: another computer's, Windows).
LEFTOVER_AGE_SECONDS = 3600
_LEFTOVER = re.compile(r"^\.(~.+\.[A-Za-z0-9_]{6,}\.part|.+\.[0-9a-f]{8}\.tmp)$")
_WRITER = re.compile(r"\.p([0-9]{1,10})\.[A-Za-z0-9_]+\.(part|tmp)$")


def _writer_mark() -> str:
    """``pPID``: which process a temporary file belongs to, so a leftover of a killed one is known at once."""
    return f"p{os.getpid()}"


def temporary_beside(path: Path) -> Path:
    """A temporary name beside ``path`` for a file written then renamed over it: ``.NAME.pPID.XXXXXXXX.tmp``."""
    return path.with_name(f".{path.name}.{_writer_mark()}.{uuid.uuid4().hex[:8]}.tmp")


def _writer_gone(name: str) -> bool:
    """Whether the process that wrote the temporary file ``name`` has ended (False when it cannot be told)."""
    found = _WRITER.search(name)
    if found is None or os.name != "posix":  # on Windows os.kill would end the process, not probe it
        return False
    pid = int(found.group(1))
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, another user's, or not ours to ask: left to the age rule
        return False
    return False


def clean_leftovers(folder: str | Path, *, older_than: float = LEFTOVER_AGE_SECONDS) -> list[Path]:
    """Remove this program's own leftover temporary files in ``folder`` (only ours, only old ones)."""
    folder = Path(folder) if str(folder) else Path(".")
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    limit = time.time() - older_than
    for entry in entries:
        if not _LEFTOVER.match(entry.name):
            continue
        try:
            if (
                entry.is_file()
                and not entry.is_symlink()
                and (entry.stat().st_mtime < limit or _writer_gone(entry.name))
            ):
                entry.unlink()
                removed.append(entry)
        except OSError:
            continue  # another program's lock, or gone already: not ours to fight over
    return removed


def check_author(name: str) -> str:
    """A person's name as given, refused (never cut) beyond :data:`MAX_AUTHOR`."""
    name = name.strip()
    if len(name) > MAX_AUTHOR:
        raise XzError(
            Message(
                "files",
                QT_TRANSLATE_NOOP("files", "姓名“{name}…”超过 {limit} 个字"),
                {"name": name[:20], "limit": MAX_AUTHOR},
            )
        )
    return name


# -- the names a file is offered under ------------------------------------------------


class FileKind(Enum):
    """What a file the program writes is; the value is the word its default name carries."""

    PACKAGE = QT_TRANSLATE_NOOP("files", "上报包")
    UPWARD = QT_TRANSLATE_NOOP("files", "区级上报包")
    RECEIPT = QT_TRANSLATE_NOOP("files", "回执")
    CORRECTIONS = QT_TRANSLATE_NOOP("files", "更正")
    CATALOG = QT_TRANSLATE_NOOP("files", "指标目录")
    ENROLMENT = QT_TRANSLATE_NOOP("files", "登记文件")
    WORKBOOK = QT_TRANSLATE_NOOP("files", "汇总表")
    RAW_DATA = QT_TRANSLATE_NOOP("files", "原始数据")
    TEMPLATE = QT_TRANSLATE_NOOP("files", "填报模板")
    FORM_PDF = QT_TRANSLATE_NOOP("files", "填报表")
    REPORT = QT_TRANSLATE_NOOP("files", "年度评估报告")
    DATABASE = QT_TRANSLATE_NOOP("files", "数据库")


# Characters no file system takes in a name (Windows is the strictest), and control characters.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
MAX_NAME_PART = 60  # characters of one part (a unit's name); the name stays well inside every file system's limit


def _safe(part: str) -> str:
    return _UNSAFE.sub("_", part).strip(" ._")[:MAX_NAME_PART]


def owner_name(store: Store) -> str:
    """Whose files a database writes, as a file name says it: the unit's name, or the district's (秀洲区)."""
    level = store.level() if store.is_district else None
    return level.name if level is not None else store.describe()


def suggested_name(
    kind: FileKind,
    suffix: str,
    *,
    owner: str = "",
    periods: Sequence[str] = (),
    day: date | None = None,
    translate: Translate | None = None,
) -> str:
    """The name a file is offered under: ``新城街道_2024年_上报包_20261201.xzpkg``.

    Who it is from or for (``owner``, a unit's or the district's name), the periods it holds
    (written as everywhere else: “2024年”, “2024年上半年”), what it is, and the day; parts
    that do not apply are left out. Characters a file system refuses become “_”. ``translate``
    is the window's (English names in an English interface); without it the name is Chinese.
    """
    labels = [
        period_label(p).format(translate) for p in sorted({str(parse_period(p)) for p in periods}, key=parse_period)
    ]
    word = translate("files", kind.value) if translate else kind.value
    day = day or date.today()
    parts = [_safe(owner), "、".join(labels), word, f"{day:%Y%m%d}"]
    return "_".join(p for p in parts if p) + suffix
