"""The layers point one way: domain, store and services never import Qt; domain never touches SQL."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "xz_desktop"


def imported_modules(folder: Path) -> dict[str, set[str]]:
    found = {}
    for path in folder.rglob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                names.add("." * node.level + (node.module or ""))
        found[str(path.relative_to(PACKAGE))] = names
    return found


def test_no_qt_below_the_ui():
    for layer in ("domain", "store", "services"):
        for path, names in imported_modules(PACKAGE / layer).items():
            assert not any(n.startswith("PySide6") for n in names), path


def test_domain_is_plain_python():
    for path, names in imported_modules(PACKAGE / "domain").items():
        assert not any(n.split(".")[0] in ("sqlite3", "sqlite_utils", "pandas", "openpyxl") for n in names), path
        assert not any(n.startswith("..") for n in names), f"{path} reaches outside domain/"


def test_lower_layers_import_without_pyside6_installed():
    # A fresh interpreter where importing PySide6 fails: the headless layers still load.
    code = (
        "import sys, importlib.abc\n"
        "class Block(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name.split('.')[0] == 'PySide6': raise ImportError('PySide6 blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import pkgutil, importlib, xz_desktop\n"
        "for sub in ('domain', 'store', 'services', 'cli'):\n"
        "    pkg = importlib.import_module('xz_desktop.' + sub)\n"
        "    for m in pkgutil.iter_modules(pkg.__path__):\n"
        "        if m.name != '__main__': importlib.import_module(f'xz_desktop.{sub}.{m.name}')\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "ok", result.stderr
