"""``xz``: argument parsing, output and exit codes shared by every command.

Exit codes: 0 success; 1 input refused (the reason is printed on one line, details
after it); 2 wrong usage (argparse's own convention).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, cast

from ..domain.messages import XzError

if TYPE_CHECKING:
    from ..services.versions import Versions

# Each module adds its subcommands with register(subparsers). Order is the order of --help.
COMMAND_MODULES = [
    "commands_basic",
    "commands_signing",
    "commands_packages",
    "commands_catalog",
    "commands_round",
    "commands_form",
    "commands_excel",
    "commands_plan",
    "commands_evaluation",
    "commands_plans",
]


# argparse's own words (headings, the help option, its refusals), in the bilingual form of every other text of
# ``xz``: "中文 / English". argparse looks each up through its module's ``_`` when it prints.
ARGPARSE_TEXTS = {
    "usage: ": "用法 / usage: ",
    "positional arguments": "参数 / positional arguments",
    "options": "选项 / options",
    "show this help message and exit": "显示本帮助并退出 / show this help message and exit",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "unrecognized arguments: %s": "无法识别的参数 / unrecognized arguments: %s",
    "the following arguments are required: %s": "缺少必需的参数 / the following arguments are required: %s",
    "one of the arguments %s is required": "须给出其中一个参数 / one of the arguments %s is required",
    "not allowed with argument %s": "不能同时使用 / not allowed with argument %s",
    "expected one argument": "需要一个值 / expected one argument",
    "expected at most one argument": "最多一个值 / expected at most one argument",
    "expected at least one argument": "至少一个值 / expected at least one argument",
    "ambiguous option: %(option)s could match %(matches)s": "选项不明确 / ambiguous option: %(option)s → %(matches)s",
    "invalid %(type)s value: %(value)r": "无效的值 / invalid %(type)s value: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择 / invalid choice: %(value)r（可选 / choose from %(choices)s）",
}


def _argparse_text(text: str) -> str:
    return ARGPARSE_TEXTS.get(text, text)


def use_bilingual_argparse() -> None:
    """Make argparse print its own words as ``xz`` prints everything else (a process-wide setting of argparse)."""
    argparse._ = _argparse_text  # type: ignore[attr-defined]  # argparse's gettext alias, looked up at each use


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # keep argparse's exit code 2, with a Chinese hint first
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: 用法错误 / usage error: {message}\n")


def version_text(v: Versions) -> str:
    """``xz --version``: the program and every file format, as 帮助 → 关于 shows them."""
    return "\n".join(
        [
            f"xz-desktop {v.program}",
            f"数据库结构版本 / database schema: {v.schema}",
            f"上报包格式 / package format: {v.package}",
            f"回执格式 / receipt format: {v.receipt}",
            f"目录文件格式 / catalog file format: {v.catalog}",
            f"填报模板格式 / template format: {v.template}",
        ]
    )


class _VersionAction(argparse.Action):
    """``--version``: the formats are read (from the store and the file modules) only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from ..services.versions import versions

        print(version_text(versions()))
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    use_bilingual_argparse()
    parser = _Parser(
        prog="xz",
        description="秀洲区人才发展规划指标填报与汇总（命令行）\n"
        "Xiuzhou talent plans: report, merge, total and export indicators (command line).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction, help="显示版本 / show the versions")
    sub = parser.add_subparsers(dest="command", metavar="命令 / command", parser_class=_Parser)
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__package__}.{name}").register(sub)
    return parser


def _log_to_file() -> None:
    """What the program logs goes to the log file, never to the terminal (a user reads only Chinese there);
    no file to be had (a read-only profile): nowhere."""
    import logging

    from ..logs import LOGGER_NAME, setup_logging

    try:
        setup_logging(logging.WARNING)
    except OSError:
        logging.getLogger(LOGGER_NAME).addHandler(logging.NullHandler())


def run(func: Callable[[argparse.Namespace], int | None], args: argparse.Namespace) -> int:
    _log_to_file()
    try:
        return func(args) or 0
    except XzError as exc:
        lines = exc.lines()
        print(f"xz: 错误：{lines[0]}", file=sys.stderr)
        for line in lines[1:]:
            print(f"  - {line}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("xz: 已取消 / cancelled", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the boundary: no traceback reaches a user; unexpected ones go to the log
        from ..services.boundary import user_error  # on failure only: `xz --help` loads no service

        db = getattr(args, "db", None)
        lines = user_error(exc, db if isinstance(db, Path) else None, what=f"xz {getattr(args, 'command', '')}").lines()
        print(f"xz: 错误：{lines[0]}", file=sys.stderr)
        for line in lines[1:]:
            print(f"  - {line}", file=sys.stderr)
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    # Chinese on a Windows console or a pipe: never die on an encoding error.
    for stream in (sys.stdout, sys.stderr):
        # A replaced stream (a test's capture) may lack reconfigure, or refuse it once written to.
        with contextlib.suppress(AttributeError, ValueError):
            cast(io.TextIOWrapper, stream).reconfigure(encoding="utf-8", errors="replace")
    args = build_parser().parse_args(argv)
    return run(args.func, args)


if __name__ == "__main__":
    sys.exit(main())
