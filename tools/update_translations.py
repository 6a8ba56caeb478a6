"""Update the English translation: ``pyside6-lupdate`` over the sources, then ``pyside6-lrelease``.

    .venv/bin/python tools/update_translations.py          # update .ts, build .qm, list what is untranslated
    .venv/bin/python tools/update_translations.py --check  # exit 1 if any string lacks an English text

lupdate reads ``self.tr("…")``, ``QCoreApplication.translate("ctx", "…")`` and
``QT_TRANSLATE_NOOP("ctx", "…")`` with a literal context. Two forms it cannot read are
collected here from the syntax tree and merged into the same .ts file:

* ``QT_TRANSLATE_NOOP(C, "…")`` where ``C`` is a module-level string constant (the domain's style);
* ``tr("…")`` in a module that defines ``TR_CONTEXT = "…"`` (plain functions, e.g. ui/printing.py);
* ``tr("…")`` after ``tr = self.tr`` in a method (context: the class, as at run time) or after
  ``tr = lambda text: QCoreApplication.translate("ctx", text)`` (context: "ctx").

lupdate files such aliased calls under an empty context, which nothing looks up at run
time; that context is dropped.

Translators edit ``resources/i18n/xz_desktop_en.ts`` (Qt Linguist, or any text editor);
this script keeps the English already there and marks new strings ``unfinished``.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "xz_desktop"
TS = ROOT / "resources" / "i18n" / "xz_desktop_en.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    """A Qt tool from the virtual environment PySide6 is installed in, else from PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e .) first")
    return found


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def _constants(tree: ast.Module) -> dict[str, str]:
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out[target.id] = node.value.value
    return out


def extra_messages(path: Path) -> set[tuple[str, str]]:
    """(context, source) pairs lupdate misses in one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = _constants(tree)
    found: set[tuple[str, str]] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        args = node.args
        # QCoreApplication.translate(CONTEXT, "…") with a module constant as context: lupdate needs a literal.
        if (
            isinstance(node.func, ast.Attribute)
            and node.func.attr == "translate"
            and len(args) >= 2
            and isinstance(args[0], ast.Name)
            and args[0].id in constants
            and isinstance(args[1], ast.Constant)
            and isinstance(args[1].value, str)
        ):
            found.add((constants[args[0].id], args[1].value))
            continue
        if not isinstance(node.func, ast.Name):
            continue
        if node.func.id == "QT_TRANSLATE_NOOP" and len(args) == 2:
            context, text = args
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                if isinstance(context, ast.Name) and context.id in constants:
                    found.add((constants[context.id], text.value))
                elif isinstance(context, ast.Constant):
                    found.add((context.value, text.value))
        elif node.func.id == "tr" and "TR_CONTEXT" in constants and len(args) == 1:
            if isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                found.add((constants["TR_CONTEXT"], args[0].value))
    classes = [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
    for function in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
        owner = next((c.name for c in classes if function in c.body), None)
        found |= _aliased_calls(function, owner)
    return found


def _alias_context(value: ast.expr, owner: str | None) -> str | None:
    """The context of ``tr = self.tr`` (the class) or ``tr = lambda t: X.translate("ctx", t)``."""
    if (
        isinstance(value, ast.Attribute)
        and value.attr == "tr"
        and isinstance(value.value, ast.Name)
        and value.value.id == "self"
    ):
        return owner
    if isinstance(value, ast.Lambda) and isinstance(value.body, ast.Call):
        call = value.body
        if (
            isinstance(call.func, ast.Attribute)
            and call.func.attr == "translate"
            and call.args
            and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str)
        ):
            return call.args[0].value
    return None


def _aliased_calls(function: ast.AST, owner: str | None) -> set[tuple[str, str]]:
    aliases: dict[str, str] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            context = _alias_context(node.value, owner)
            if context:
                aliases[node.targets[0].id] = context
    found = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in aliases and node.args:
            text = node.args[0]
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                found.add((aliases[node.func.id], text.value))
    return found


def read_ts(path: Path = TS) -> ET.ElementTree:
    return ET.parse(path)


def messages(tree: ET.ElementTree) -> dict[tuple[str, str], ET.Element]:
    """Active (not vanished or obsolete) messages by (context, source)."""
    out = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            out[(name, message.findtext("source"))] = message
    return out


def untranslated(tree: ET.ElementTree) -> list[tuple[str, str]]:
    """Messages without an English text (an empty source needs none)."""

    def missing(message: ET.Element) -> bool:
        translation = message.find("translation")
        return (
            translation is None
            or translation.get("type") == "unfinished"
            or not (translation.text or translation.findall("numerusform"))
        )

    return sorted(key for key, m in messages(tree).items() if key[1] and missing(m))


def _merge_extras(tree: ET.ElementTree, extras: set[tuple[str, str]]) -> int:
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    added = 0
    for context_name, source in sorted(extras):
        context = contexts.get(context_name)
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = context_name
            contexts[context_name] = context
        existing = [m for m in context.iter("message") if m.findtext("source") == source]
        if existing:
            for message in existing:  # lupdate could not see it and called it vanished: it is in use
                translation = message.find("translation")
                if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                    if translation.text:
                        del translation.attrib["type"]
                    else:
                        translation.set("type", "unfinished")
            continue
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation", type="unfinished")
        added += 1
    return added


def write_ts(tree: ET.ElementTree, path: Path = TS) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def update(ts: Path = TS) -> ET.ElementTree:
    """lupdate, then the extra messages; returns the updated .ts."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    files = [str(p.relative_to(ROOT)) for p in source_files()]
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *files,
            "-source-language",
            "zh_CN",
            "-target-language",
            "en",
            "-locations",
            "none",
            "-ts",
            str(ts.resolve()),
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    tree = read_ts(ts)
    for context in list(tree.getroot().iter("context")):
        if not context.findtext("name"):
            tree.getroot().remove(context)
    extras = set().union(*(extra_messages(p) for p in source_files()))
    _merge_extras(tree, extras)
    write_ts(tree, ts)
    return tree


def release(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, stdout=subprocess.DEVNULL)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        missing = untranslated(read_ts())
    else:
        tree = update()
        release()
        missing = untranslated(tree)
    for context, source in missing:
        print(f"untranslated [{context}] {source}")
    print(f"{len(messages(read_ts()))} strings, {len(missing)} without English; {QM.relative_to(ROOT)}")
    return 1 if missing and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
