"""`make run` and `make test` refuse clearly before setting anything up (tools/preflight.py)."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from .conftest import ROOT


@pytest.fixture
def preflight(monkeypatch):
    spec = importlib.util.spec_from_file_location("preflight", ROOT / "tools" / "preflight.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module.ctypes.util, "find_library", lambda name: f"lib{name}.so")  # every library there
    monkeypatch.setattr(module, "_has_cjk_font", lambda: True)
    return module


def test_an_older_python_is_refused_with_what_to_do(preflight, monkeypatch):
    monkeypatch.setattr(sys, "version_info", (3, 9, 2, "final", 0))
    found = preflight.problems(display=False)
    assert len(found) == 1 and "Python 3.11 or newer" in found[0] and "Python 3.9" in found[0]
    assert "PYTHON=python3.11" in found[0]


def test_a_missing_library_names_the_package_to_install_in_one_line(preflight, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(preflight.ctypes.util, "find_library", lambda name: None if name == "EGL" else "x")
    found = preflight.problems(display=False)
    assert found == ["missing system packages; install them with:\n    sudo apt-get install -y libegl1"]


def test_the_window_without_a_display_is_refused_and_the_tests_are_not(preflight, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert preflight.problems(display=False) == []
    found = preflight.problems(display=True)
    assert len(found) == 1 and "no display" in found[0]
    monkeypatch.setenv("DISPLAY", ":0")
    assert preflight.problems(display=True) == []
