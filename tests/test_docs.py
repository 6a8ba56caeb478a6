"""Every `xz` command is documented in the README (as sqlite-utils' test_docs does)."""

import re

from xz_desktop.cli.app import build_parser

from .conftest import ROOT


def subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(action.choices)


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [c for c in subcommands() if not re.search(rf"`xz {re.escape(c)}\b", readme)]
    assert not missing, f"README.md does not document: {missing}"


def test_every_command_has_bilingual_help():
    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for choice in action._choices_actions:
        assert re.search(r"[\u4e00-\u9fff]", choice.help) and re.search(r"[A-Za-z]{3}", choice.help), choice.dest
