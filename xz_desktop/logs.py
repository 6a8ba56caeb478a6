"""The program's log file: unexpected errors with their traceback, in the user's data folder.

A user never sees a traceback; the window and the CLI show a short Chinese message that names
this file, and whoever supports the office reads the details here. One rotating file
(``logs/xz-desktop.log``, 1 MB, three old copies kept) for the window and the CLI alike.
``XZ_DESKTOP_LOG_DIR`` puts it elsewhere (tests, a portable install).
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from .paths import data_dir

LOGGER_NAME = "xz_desktop"
LOG_FILE = "xz-desktop.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s [%(process)d %(threadName)s] %(name)s: %(message)s"

_handler: RotatingFileHandler | None = None


def log_dir() -> Path:
    override = os.environ.get("XZ_DESKTOP_LOG_DIR")
    return Path(override) if override else data_dir() / "logs"


def log_path() -> Path:
    return log_dir() / LOG_FILE


def setup_logging(level: int = logging.INFO) -> Path:
    """Attach the rotating file handler to the program's logger (once per process); returns the file."""
    global _handler
    path = log_path()
    logger = logging.getLogger(LOGGER_NAME)
    if _handler is not None and Path(_handler.baseFilename) == path.resolve():
        return path
    if _handler is not None:
        logger.removeHandler(_handler)
        _handler.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    # delay: the file is created on the first record, so a run without trouble leaves nothing behind
    _handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    _handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(_handler)
    logger.setLevel(level)
    return path


def log_exception(exc: BaseException, what: str = "") -> Path | None:
    """Write ``exc`` with its traceback to the log; returns the log file (``None`` if it cannot be written)."""
    try:
        path = setup_logging()
        logging.getLogger(LOGGER_NAME).error(
            "unexpected error%s", f" in {what}" if what else "", exc_info=(type(exc), exc, exc.__traceback__)
        )
        if _handler is not None:
            _handler.flush()
        return path
    except OSError:
        return None
