"""Chinese text in the window goes through Qt's translation: a literal outside tr()/translate() is a bug.

Allowed: docstrings, argparse help (bilingual already), file names, font and language names.
"""

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parent.parent / "xz_desktop" / "ui"
HAN = re.compile(r"[\u4e00-\u9fff]")
TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
ALLOWED = {"中文", "宋体", "微软雅黑", "示例数据.sqlite", "新数据库.sqlite", "目录_", "更正_", "填报表_新城街道.pdf"}


def untranslated(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and HAN.search(node.value)):
            continue
        parent = parents.get(node)
        if isinstance(parent, ast.Expr) or node.value in ALLOWED or " / " in node.value:
            continue  # a docstring, a name, or bilingual command-line help
        if isinstance(parent, ast.Call):
            func = parent.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in TRANSLATING:
                continue
        found.append((node.lineno, node.value[:40]))
    return found


def test_no_chinese_literal_escapes_translation():
    problems = {str(p.relative_to(UI)): found for p in sorted(UI.rglob("*.py")) if (found := untranslated(p))}
    assert not problems, problems
