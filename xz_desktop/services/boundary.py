"""The service boundary: whatever goes wrong below becomes a message a clerk can read.

SQLite and OS errors get a Chinese explanation (disk full, read-only medium, permission
denied, busy, corrupt); anything unexpected is written with its traceback to the log file
(:mod:`xz_desktop.logs`) and shown as a short message naming that file. The window and the
CLI both pass every failure through :func:`user_error`.
"""

from __future__ import annotations

import errno
from pathlib import Path

from ..domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ..logs import log_exception


def os_error_message(exc: OSError) -> XzError:
    """A Chinese explanation of a failed file operation."""
    where = exc.filename or ""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        template = QT_TRANSLATE_NOOP("errors", "磁盘空间不足，未能完成（{path}）；原有的文件和数据保持不变")
    elif exc.errno == errno.EROFS:
        template = QT_TRANSLATE_NOOP("errors", "{path} 位于只读的介质上（光盘或写保护的 U 盘），无法写入")
    elif isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        template = QT_TRANSLATE_NOOP("errors", "没有权限访问 {path}，或文件正被其他程序（如 Excel/WPS）打开")
    elif exc.errno in (errno.EBUSY, getattr(errno, "ETXTBSY", -1)):
        template = QT_TRANSLATE_NOOP("errors", "{path} 正被其他程序使用，请稍后重试")
    elif isinstance(exc, FileNotFoundError):
        template = QT_TRANSLATE_NOOP("errors", "找不到 {path}")
    else:
        return XzError(
            Message(
                "errors",
                QT_TRANSLATE_NOOP("errors", "文件操作失败（{path}）：{reason}"),
                {"path": where, "reason": exc.strerror or exc},
            )
        )
    return XzError(Message("errors", template, {"path": where}))


def user_error(exc: BaseException, database: Path | None = None, what: str = "") -> XzError:
    """``exc`` as an :class:`XzError` a user may read; unexpected ones are logged with their traceback."""
    if isinstance(exc, XzError):
        return exc
    from ..store.base import database_error  # imported on failure only: `xz --help` loads no sqlite3

    explained = database_error(exc, database)
    if explained is not None:
        return explained
    if isinstance(exc, OSError):
        return os_error_message(exc)
    if isinstance(exc, MemoryError):
        return XzError(Message("errors", QT_TRANSLATE_NOOP("errors", "内存不足，未能完成；数据保持不变")))
    log = log_exception(exc, what)
    return XzError(
        Message(
            "errors",
            QT_TRANSLATE_NOOP("errors", "发生了意外错误（{kind}），未能完成；详情已记入日志文件 {log}"),
            {"kind": type(exc).__name__, "log": str(log) if log else "（日志无法写入）"},
        )
    )
