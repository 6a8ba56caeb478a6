"""The window is put together from one list, and nothing outside it hangs attributes on it (issue 21, item 4).

Every page is installed by a module of ``ui/pages.PAGE_MODULES`` (one page per module, no page installing
another), and every attribute a part of the window sets on it (``window.live = …``) is one the window declares
in ``MainWindow.__init__``. Both rules read the source with ``ast``, as tests/test_layers.py does, and each is
shown failing on a planted violation.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

from xz_desktop.ui.pages import PAGE_MODULES

UI = Path(__file__).resolve().parent.parent / "xz_desktop" / "ui"
WINDOW_NAMES = {"window", "window_"}  # how the parts name the window: `window` or `self.window_`


def _module(root: Path, path: Path) -> str:
    return ".".join(("xz_desktop", "ui", *path.relative_to(root).with_suffix("").parts))


def page_installers(root: Path) -> dict[str, int]:
    """Modules under ``root`` that call ``add_page``, with how many calls each makes."""
    found: dict[str, int] = {}
    for path in sorted(root.rglob("*.py")):
        if path.name == "main_window.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "add_page"
        ]
        if calls:
            found[_module(root, path)] = len(calls)
    return found


def pages_outside_the_list(root: Path, listed: list[str]) -> list[str]:
    """Modules adding a page without being in the list, or adding more than one."""
    return sorted(
        f"{module} adds {count} page(s)"
        for module, count in page_installers(root).items()
        if module not in listed or count > 1
    )


def declared_on_window(main_window: Path) -> set[str]:
    """The attributes ``MainWindow.__init__`` gives the window."""
    tree = ast.parse(main_window.read_text(encoding="utf-8"))
    window = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "MainWindow")
    init = next(n for n in window.body if isinstance(n, ast.FunctionDef) and n.name == "__init__")
    names = set()
    for node in ast.walk(init):
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        for target in targets:
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
                names.add(target.attr)
    return names


def hung_on_window(root: Path, declared: set[str]) -> list[str]:
    """Assignments to ``window.X`` / ``self.window_.X`` (or ``getattr`` of them) outside main_window.py where X is not
    declared there."""
    hung = []
    for path in sorted(root.rglob("*.py")):
        if path.name == "main_window.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign)
                else []
            )
            for target in targets:
                if not isinstance(target, ast.Attribute):
                    continue
                owner = target.value
                name = (
                    owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else ""
                )
                if name in WINDOW_NAMES and target.attr not in declared:
                    hung.append(f"{path.relative_to(root)}:{node.lineno} window.{target.attr}")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("setattr", "getattr")
            ):
                first = node.args[0] if node.args else None
                owner = (
                    first.id if isinstance(first, ast.Name) else first.attr if isinstance(first, ast.Attribute) else ""
                )
                name = node.args[1] if len(node.args) > 1 else None
                if owner not in WINDOW_NAMES:
                    continue
                if node.func.id == "setattr":
                    hung.append(f"{path.relative_to(root)}:{node.lineno} setattr(window, …)")
                elif isinstance(name, ast.Constant) and name.value not in declared:  # read as if someone hung it
                    hung.append(f"{path.relative_to(root)}:{node.lineno} getattr(window, {name.value!r})")
    return hung


def test_every_listed_module_installs():
    for name in PAGE_MODULES:
        assert callable(getattr(importlib.import_module(name), "install", None)), name


def test_every_page_is_installed_from_the_list():
    assert pages_outside_the_list(UI, PAGE_MODULES) == []
    assert set(page_installers(UI)) <= set(PAGE_MODULES)


def test_a_page_installed_inside_another_is_caught(tmp_path):
    (tmp_path / "feature").mkdir()
    (tmp_path / "feature" / "page.py").write_text(
        "def install(window):\n    window.add_page('a', 'A', A(window))\n    window.add_page('b', 'B', B(window))\n",
        encoding="utf-8",
    )
    (tmp_path / "feature" / "other.py").write_text(
        "def install(window):\n    window.add_page('c', 'C', C(window))\n", encoding="utf-8"
    )
    assert pages_outside_the_list(tmp_path, ["xz_desktop.ui.feature.page"]) == [
        "xz_desktop.ui.feature.other adds 1 page(s)",
        "xz_desktop.ui.feature.page adds 2 page(s)",
    ]


def test_nothing_is_hung_on_the_window_from_outside():
    declared = declared_on_window(UI / "main_window.py")
    assert {"live", "year_reports", "merge_dialog", "export_dialog", "last_import"} <= declared
    assert hung_on_window(UI, declared) == []


def test_an_attribute_hung_on_the_window_is_caught(tmp_path):
    (tmp_path / "main_window.py").write_text(
        "class MainWindow:\n    def __init__(self):\n        self.live = None\n        self.tasks: list = []\n",
        encoding="utf-8",
    )
    (tmp_path / "page.py").write_text(
        "def install(window):\n    window.live = 1\n    window.form_page = 2\n"
        "class Page:\n    def go(self):\n        self.window_.last = 3\n        setattr(window, 'x', 4)\n"
        "        getattr(self.window_, 'form_page', None)\n        getattr(window, 'live', None)\n",
        encoding="utf-8",
    )
    declared = declared_on_window(tmp_path / "main_window.py")
    assert declared == {"live", "tasks"}
    assert hung_on_window(tmp_path, declared) == [
        "page.py:3 window.form_page",
        "page.py:6 window.last",
        "page.py:7 setattr(window, …)",
        "page.py:8 getattr(window, 'form_page')",
    ]
