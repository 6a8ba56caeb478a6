"""The layout is guarded: the layers point one way, SQL lives in the store, and no import cycle hides anywhere.

domain (plain Python) <- store (the only SQL) <- services <- ui (Qt) and cli. Every rule is a function over a
package root, so that each is run twice: on xz_desktop itself (it must hold) and on a small synthetic package
written to tmp_path with one planted violation (it must fail, or the rule could never fail).

The checks read the code with `ast`, not by importing it: imports inside functions and under `if` count the
same as those at the top of a module, and relative imports are resolved to full module names.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "xz_desktop"

SQL_MODULES = ("sqlite3", "sqlite_utils")
QT_MODULES = ("PySide6",)
# The one package outside ui/ that may draw with Qt: the printed form, rendered for both the window and
# `xz form print` (cli must not import ui/, so the renderer they share lives beside them, not inside ui/).
QT_PRINTOUT = "printout"


class Import(NamedTuple):
    """One import statement's target, as a full module name, and where it is written."""

    module: str  # the importing module, e.g. xz_desktop.cli.commands_form
    target: str  # what it imports, resolved, e.g. xz_desktop.ui.form.printing or sqlite3
    line: int


def module_names(root: Path) -> dict[str, Path]:
    """Every module of the package at `root`, by its dotted name (a package's __init__ by the package's)."""
    names = {}
    for path in sorted(root.rglob("*.py")):
        parts = (root.name, *path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def imports(root: Path) -> list[Import]:
    """Every import in the package at `root`, wherever it is written, resolved to full module names.

    `from .x import y` yields `pkg.x`, or `pkg.x.y` when y is a module of the package (that is the module it loads;
    `pkg.x` itself is then loaded only as y's parent, as by any import of y, which is not counted). Attribute imports of outside packages (`from PySide6.QtCore import Qt`) yield the module `PySide6.QtCore`.
    """
    modules = module_names(root)
    found = []
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        package = name if _is_package(path) else name.rpartition(".")[0]
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [Import(name, alias.name, node.lineno) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    parts = package.split(".")
                    base = ".".join(parts[: len(parts) - (node.level - 1)])
                    assert base, f"{path}:{node.lineno}: a relative import above the package"
                    target = f"{base}.{node.module}" if node.module else base
                else:
                    target = node.module or ""
                loaded = [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in modules]
                if len(loaded) < len(node.names):  # a name defined in the module `target` itself
                    found.append(Import(name, target, node.lineno))
                found += [Import(name, module, node.lineno) for module in loaded]
    return found


def _layer(root: Path, module: str) -> str:
    """The layer a module of the package belongs to: its first folder (domain, store, ...), or "" at the top."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and (root / parts[1]).is_dir() else ""


def _starts(target: str, prefixes: tuple[str, ...]) -> bool:
    return any(target == p or target.startswith(p + ".") for p in prefixes)


def _where(found: list[Import]) -> list[str]:
    return [f"{i.module}:{i.line} imports {i.target}" for i in sorted(found)]


def domain_violations(root: Path) -> list[str]:
    """domain/ is plain Python: no SQL, no Qt, no pandas, no openpyxl, and nothing of the package outside domain/."""
    banned = (*SQL_MODULES, *QT_MODULES, "pandas", "openpyxl")
    own = f"{root.name}.domain"
    return _where(
        [
            i
            for i in imports(root)
            if _layer(root, i.module) == "domain"
            and (_starts(i.target, banned) or (_starts(i.target, (root.name,)) and not _starts(i.target, (own,))))
        ]
    )


def sql_violations(root: Path) -> list[str]:
    """store/ is the only layer that imports sqlite3 or sqlite_utils."""
    return _where([i for i in imports(root) if _starts(i.target, SQL_MODULES) and _layer(root, i.module) != "store"])


def conn_violations(root: Path) -> list[str]:
    """Only store/ reaches a store's connection (services, ui, cli: no `.conn` attribute, read or written, nor
    getattr(x, "conn")): a PRAGMA or a query elsewhere is SQL outside the store."""
    found: list[tuple[str, int, str]] = []
    for name, path in module_names(root).items():
        if _layer(root, name) == "store":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Attribute) and node.attr == "conn":
                found.append((name, node.lineno, ""))
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("getattr", "setattr")
                and len(node.args) > 1
                and isinstance(node.args[1], ast.Constant)
                and node.args[1].value == "conn"
            ):
                found.append((name, node.lineno, f" through {node.func.id}"))
    return [f"{name}:{line} touches .conn{how}" for name, line, how in sorted(found)]


def sqlite_utils_violations(root: Path) -> list[str]:
    """sqlite-utils stays inside store/: nothing else reaches a store's sqlite-utils view (``store.db``, e.g.
    ``store.db.atomic()``, a second transaction API beside ``store.transaction()``)."""
    found: list[tuple[str, int]] = []
    for name, path in module_names(root).items():
        if _layer(root, name) == "store":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr == "db"
                and isinstance(node.value, ast.Name)
                and node.value.id == "store"
            ):
                found.append((name, node.lineno))
    return [f"{name}:{line} reaches store.db" for name, line in sorted(found)]


def cli_ui_violations(root: Path) -> list[str]:
    """cli/ never imports ui/: the command line runs without the window."""
    ui = f"{root.name}.ui"
    return _where([i for i in imports(root) if _layer(root, i.module) == "cli" and _starts(i.target, (ui,))])


# What each layer may import of the package (besides the modules at its top, paths and logs): each layer only
# those below it. domain/ has its own, stricter rule (domain_violations); ui/ may import everything.
UPWARD_ALLOWED = {
    "store": ("domain", "store"),
    "services": ("domain", "store", "services"),
    "printout": ("domain", "store", "services", "printout"),
    "cli": ("domain", "store", "services", "printout", "cli"),
}


def upward_violations(root: Path) -> list[str]:
    """The layers point one way: store/ never imports services, printout, cli or ui; services/ never printout,
    cli or ui; printout/ never cli or ui; cli/ never ui (cli_ui_violations names that one on its own)."""
    found = []
    for i in imports(root):
        layer = _layer(root, i.module)
        if layer not in UPWARD_ALLOWED or not _starts(i.target, (root.name,)) or i.target == root.name:
            continue
        target = _layer(root, i.target)
        if target and target not in UPWARD_ALLOWED[layer] and not (layer == "cli" and target == "ui"):
            found.append(i)
    return _where(found)


def qt_violations(root: Path) -> list[str]:
    """Qt is imported only in ui/ and in the printout package (see QT_PRINTOUT): not by domain, store, services,
    cli, nor any module at the top of the package. And only ui/ and cli/ import the printout, so that Qt cannot
    come in through it by the back door."""
    printout = f"{root.name}.{QT_PRINTOUT}"
    return _where(
        [
            i
            for i in imports(root)
            if (_starts(i.target, QT_MODULES) and _layer(root, i.module) not in ("ui", QT_PRINTOUT))
            or (_starts(i.target, (printout,)) and _layer(root, i.module) not in ("ui", "cli", QT_PRINTOUT))
        ]
    )


def import_cycles(root: Path) -> list[list[Import]]:
    """The import cycles among the package's own modules, one per strongly connected group, each as the chain of
    imports that closes it (a.py:3 imports b, b.py:10 imports a). Imports inside functions count: they run too."""
    modules = module_names(root)
    edges: dict[str, dict[str, Import]] = {m: {} for m in modules}
    for i in imports(root):
        if i.target in modules and i.target != i.module:
            edges[i.module].setdefault(i.target, i)

    # Tarjan's strongly connected components, iterative (no recursion limit on a deep chain).
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for start in modules:
        if start in index:
            continue
        work = [(start, iter(edges[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(group)
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(edges[child])))
            elif child in on_stack:
                low[node] = min(low[node], index[child])

    cycles = []
    for group in groups:
        # The shortest way back to the group's first module, by breadth-first search inside the group.
        first = min(group)
        came: dict[str, Import] = {}
        frontier = [first]
        while first not in came:
            following = []
            for node in frontier:
                for child, how in edges[node].items():
                    if child in group and child not in came:
                        came[child] = how
                        following.append(child)
            frontier = following
        chain = [came[first]]
        while chain[-1].module != first:
            chain.append(came[chain[-1].module])
        cycles.append(chain[::-1])
    return cycles


def cycle_violations(root: Path) -> list[str]:
    return [
        " -> ".join(f"{i.module}:{i.line}" for i in chain) + f" -> {chain[0].module}" for chain in import_cycles(root)
    ]


RULES = [
    domain_violations,
    sql_violations,
    conn_violations,
    sqlite_utils_violations,
    cli_ui_violations,
    upward_violations,
    qt_violations,
    cycle_violations,
]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.__name__)
def test_the_package_keeps_the_rule(rule):
    assert rule(PACKAGE) == []


# ---- each rule fails on a planted violation ---------------------------------------------------------------

# A small package in the layout of xz_desktop that keeps every rule; each case below plants one violation.
CLEAN = {
    "__init__.py": "",
    "paths.py": "from pathlib import Path\n",
    "domain/__init__.py": "",
    "domain/rules.py": "import math\nfrom . import limits\nfrom .limits import SIZE\n",
    "domain/limits.py": "SIZE = 3\n",
    "store/__init__.py": "from .core import Store\n",
    "store/core.py": "import sqlite3\nfrom ..domain import rules\n\nclass Store:\n    conn = None\n",
    "services/__init__.py": "",
    "services/totals.py": "from ..store import Store\nfrom ..domain.rules import limits\n\ndef total(store):\n    return store.values\n",
    "printout/__init__.py": "",
    "printout/form.py": "from PySide6.QtGui import QPdfWriter\nfrom ..services import totals\n",
    "cli/__init__.py": "",
    "cli/app.py": "from ..services import totals\n\ndef pdf():\n    from ..printout.form import QPdfWriter\n",
    "ui/__init__.py": "",
    "ui/window.py": "from PySide6.QtWidgets import QWidget\nfrom ..printout import form\nfrom ..services.totals import total\n",
}

SQL, QT, DOMAIN, CYCLE = "sql_violations", "qt_violations", "domain_violations", "cycle_violations"
UPWARD = "upward_violations"

PLANTED = [
    # (rule, file, code added at its end, what the report must name, the other rules the same line breaks)
    (domain_violations, "domain/rules.py", "import sqlite3\n", "pkg.domain.rules:4 imports sqlite3", {SQL}),
    (domain_violations, "domain/rules.py", "def f():\n    import pandas as pd\n", "imports pandas", set()),
    (domain_violations, "domain/rules.py", "from openpyxl.styles import Font\n", "imports openpyxl.styles", set()),
    (domain_violations, "domain/rules.py", "from PySide6.QtCore import Qt\n", "imports PySide6.QtCore", {QT}),
    (domain_violations, "domain/limits.py", "from sqlite_utils import Database\n", "imports sqlite_utils", {SQL}),
    (
        domain_violations,
        "domain/limits.py",
        "from ..paths import Path\n",
        "pkg.domain.limits:2 imports pkg.paths",
        set(),
    ),
    (
        sql_violations,
        "services/totals.py",
        "def f():\n    import sqlite3\n",
        "pkg.services.totals:7 imports sqlite3",
        set(),
    ),
    (sql_violations, "ui/window.py", "from sqlite3 import Connection\n", "pkg.ui.window:4 imports sqlite3", set()),
    (sql_violations, "cli/app.py", "import sqlite_utils.db\n", "pkg.cli.app:5 imports sqlite_utils.db", set()),
    (sql_violations, "paths.py", "import sqlite3\n", "pkg.paths:2 imports sqlite3", set()),
    (
        conn_violations,
        "services/totals.py",
        "def g(store):\n    store.conn.execute('x')\n",
        "pkg.services.totals:7",
        set(),
    ),
    (conn_violations, "services/totals.py", "def g(store, c):\n    store.conn = c\n", "touches .conn", set()),
    (
        sqlite_utils_violations,
        "cli/app.py",
        "def g(store):\n    with store.db.atomic():\n        pass\n",
        "pkg.cli.app:6 reaches store.db",
        set(),
    ),
    (
        sqlite_utils_violations,
        "services/totals.py",
        "def g(store):\n    store.db['t'].insert({})\n",
        "pkg.services.totals:7",
        set(),
    ),
    (conn_violations, "services/totals.py", "def g(store):\n    getattr(store, 'conn')\n", "through getattr", set()),
    (
        conn_violations,
        "ui/window.py",
        "def g(window):\n    window.store.conn.execute('PRAGMA data_version')\n",
        "pkg.ui.window:5",
        set(),
    ),
    (
        cli_ui_violations,
        "cli/app.py",
        "def g():\n    from ..ui.window import QWidget\n",
        "pkg.cli.app:6 imports pkg.ui.window",
        set(),
    ),
    (cli_ui_violations, "cli/app.py", "from .. import ui\n", "imports pkg.ui", set()),
    (cli_ui_violations, "cli/app.py", "import pkg.ui.window\n", "imports pkg.ui.window", set()),
    # The store reaches up into services (a cycle too: services import the store), ui or cli.
    (
        upward_violations,
        "store/core.py",
        "def f():\n    from ..services.totals import total\n",
        "pkg.store.core:7 imports pkg.services.totals",
        {CYCLE},
    ),
    (
        upward_violations,
        "store/core.py",
        "from ..ui import window\n",
        "pkg.store.core:6 imports pkg.ui.window",
        {CYCLE},
    ),
    (upward_violations, "store/core.py", "import pkg.cli.app\n", "pkg.store.core:6 imports pkg.cli.app", {CYCLE}),
    # Services reach up into the window or the command line.
    (
        upward_violations,
        "services/totals.py",
        "def f():\n    from .. import ui\n",
        "pkg.services.totals:7 imports pkg.ui",
        set(),
    ),
    (
        upward_violations,
        "services/totals.py",
        "import pkg.cli\n",
        "pkg.services.totals:6 imports pkg.cli",
        set(),
    ),
    # The printout, shared by the window and the CLI, imports neither.
    (
        upward_violations,
        "printout/form.py",
        "from .. import ui\n",
        "pkg.printout.form:3 imports pkg.ui",
        set(),
    ),
    (qt_violations, "services/totals.py", "from PySide6.QtCore import QObject\n", "pkg.services.totals:6", set()),
    (qt_violations, "store/core.py", "import PySide6\n", "pkg.store.core:6 imports PySide6", set()),
    (qt_violations, "cli/app.py", "def g():\n    from PySide6.QtGui import QPdfWriter\n", "pkg.cli.app:6", set()),
    (qt_violations, "domain/rules.py", "from PySide6 import QtCore\n", "imports PySide6", {DOMAIN}),
    (qt_violations, "paths.py", "from PySide6.QtCore import QStandardPaths\n", "pkg.paths:2", set()),
    # Qt by the back door: a service importing the printout (a cycle too, as the printout imports services).
    (
        qt_violations,
        "services/totals.py",
        "def g():\n    from ..printout.form import QPdfWriter\n",
        "printout",
        {CYCLE, UPWARD},
    ),
    # A cycle made by an import inside a function, the kind the old code hid.
    (
        cycle_violations,
        "domain/limits.py",
        "def f():\n    from . import rules\n",
        "pkg.domain.limits:3 -> pkg.domain.rules:2",
        set(),
    ),
    # A longer cycle through a package's __init__: store -> store.core -> services.totals -> store.
    (
        cycle_violations,
        "store/core.py",
        "from ..services import totals\n",
        "pkg.services.totals:1 -> pkg.store:1",
        {UPWARD},
    ),
    # A module importing its own package's __init__, which imports the module.
    (cycle_violations, "store/core.py", "from . import Store as S\n", "pkg.store:1 -> pkg.store.core:6", set()),
]


def write_package(folder: Path, files: dict[str, str]) -> Path:
    root = folder / "pkg"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.__name__)
def test_the_synthetic_package_keeps_every_rule(tmp_path, rule):
    assert rule(write_package(tmp_path, CLEAN)) == []


@pytest.mark.parametrize(
    ("rule", "file", "added", "named", "also"), PLANTED, ids=[f"{p[0].__name__}-{n}" for n, p in enumerate(PLANTED)]
)
def test_a_planted_violation_fails_the_rule(tmp_path, rule, file, added, named, also):
    files = dict(CLEAN)
    files[file] += added
    found = rule(write_package(tmp_path, files))
    assert len(found) == 1, found
    assert named in found[0], found
    # The plant breaks this rule and no other, but where one line breaks two rules on purpose (sqlite3 in
    # domain/ is both "domain is plain" and "SQL only in the store"): the synthetic package is otherwise clean.
    root = write_package(tmp_path, files)
    assert {r.__name__ for r in RULES if r is not rule and r(root)} == also


def test_a_cycle_is_reported_as_its_chain_of_imports(tmp_path):
    files = dict(CLEAN)
    files["domain/limits.py"] += "def f():\n    from .rules import math\n"
    files["domain/rules.py"] = "def g():\n    from . import limits\n"
    root = write_package(tmp_path, files)
    assert import_cycles(root) == [
        [Import("pkg.domain.limits", "pkg.domain.rules", 3), Import("pkg.domain.rules", "pkg.domain.limits", 2)]
    ]
    assert cycle_violations(root) == ["pkg.domain.limits:3 -> pkg.domain.rules:2 -> pkg.domain.limits"]


def test_relative_imports_resolve_to_full_names(tmp_path):
    root = write_package(tmp_path, CLEAN)
    found = {(i.module, i.target) for i in imports(root)}
    assert ("pkg.domain.rules", "pkg.domain.limits") in found  # from . import limits: loads the module limits
    assert ("pkg.domain.rules", "pkg.domain") not in found  # ... and the package only as its parent
    assert ("pkg.store", "pkg.store.core") in found  # from .core import Store, in an __init__
    assert ("pkg.cli.app", "pkg.printout.form") in found  # inside a function
    assert ("pkg.ui.window", "PySide6.QtWidgets") in found
    assert ("pkg.services.totals", "pkg.domain.rules.limits") not in found  # limits is a name there, not a module


def test_lower_layers_import_without_pyside6_installed():
    # A fresh interpreter where importing PySide6 fails: the headless layers still load, every module of them
    # (subpackages included). cli may use the Qt printout only inside the command that prints.
    code = (
        "import sys, importlib.abc\n"
        "class Block(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name.split('.')[0] == 'PySide6': raise ImportError('PySide6 blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import pkgutil, importlib, xz_desktop\n"
        "count = 0\n"
        "for sub in ('domain', 'store', 'services', 'cli'):\n"
        "    pkg = importlib.import_module('xz_desktop.' + sub)\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if not m.name.endswith('.__main__'): importlib.import_module(m.name); count += 1\n"
        "print('ok', count)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    headless = [
        p
        for layer in ("domain", "store", "services", "cli")
        for p in (PACKAGE / layer).rglob("*.py")
        if p.name not in ("__init__.py", "__main__.py")
    ]
    subpackages = [
        p for layer in ("domain", "store", "services", "cli") for p in (PACKAGE / layer).rglob("*/__init__.py")
    ]
    assert result.stdout.split() == ["ok", str(len(headless) + len(subpackages))], result.stderr
