"""Every `xz` command example in the README runs as written, from the checkout's folder.

Each ```sh block is one session in a fresh folder that holds what the checkout offers the reader
(docs/examples/); its `xz` lines run in order and each must succeed. `make` lines are the
README's set-up commands, run by CI itself (.ci/run).
"""

from __future__ import annotations

import re
import shlex
import shutil

import pytest

from .conftest import ROOT, run_xz

BLOCK = re.compile(r"^```sh\n(.*?)^```", re.MULTILINE | re.DOTALL)


def sessions() -> list[list[list[str]]]:
    """The README's shell blocks, each a list of `xz` commands (arguments after `xz`, comments dropped)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = []
    for block in BLOCK.findall(readme):
        commands = [shlex.split(line, comments=True) for line in block.splitlines()]
        found.append([words[1:] for words in commands if words and words[0] == "xz"])
    return [session for session in found if session]


def test_the_readme_has_command_sessions():
    assert len(sessions()) >= 2  # the enrolment and the district's session


@pytest.mark.parametrize("session", sessions(), ids=lambda s: " / ".join(c[0] for c in s))
def test_a_readme_session_runs_as_written(tmp_path, session):
    shutil.copytree(ROOT / "docs" / "examples", tmp_path / "docs" / "examples")
    for command in session:
        result = run_xz(*command, cwd=tmp_path)
        assert result.returncode == 0, f"xz {shlex.join(command)}\n{result.stderr}"
        assert "Traceback" not in result.stderr
