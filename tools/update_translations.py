"""Update the English translation: ``pyside6-lupdate`` over the sources, then ``pyside6-lrelease``.

    .venv/bin/python tools/update_translations.py          # update .ts, build .qm, list what is untranslated
    .venv/bin/python tools/update_translations.py --check  # exit 1 if any string lacks an English text

Every translatable text is written where lupdate reads it by itself: ``self.tr("…")`` (context:
the class), ``QCoreApplication.translate("context", "…")`` and, below ``ui/``,
``QT_TRANSLATE_NOOP("context", "…")`` — contexts are string literals at the call site, named
for the class or module the text belongs to. What lupdate cannot do alone is all that is left
here: find the tools in the virtual environment, pass the languages and the file list, refuse a
text lupdate could not place in a context (a ``tr`` it could not tie to a class: nothing would
look it up at run time), and say which texts still lack an English translation.

Translators edit ``resources/i18n/xz_desktop_en.ts`` (Qt Linguist, or any text editor); lupdate
keeps the English already there and marks new strings ``unfinished``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "xz_desktop"
TS = ROOT / "resources" / "i18n" / "xz_desktop_en.ts"
QM = TS.with_suffix(".qm")
# Chinese for Qt's own dialogs where PySide6's qtbase_zh_CN has none: written by hand (no source of
# ours holds these texts), only built here.
QT_EXTRA_TS = ROOT / "resources" / "i18n" / "qt_extra_zh_CN.ts"


def tool(name: str) -> str:
    """A Qt tool from the virtual environment PySide6 is installed in, else from PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e .) first")
    return found


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def read_ts(path: Path = TS) -> ET.ElementTree:
    return ET.parse(path)


def messages(tree: ET.ElementTree) -> dict[tuple[str, str], ET.Element]:
    """Active (not vanished or obsolete) messages by (context, source)."""
    out = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            out[(name, message.findtext("source") or "")] = message
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


def update(ts: Path = TS) -> ET.ElementTree:
    """lupdate over the sources into ``ts``; refuses texts lupdate filed under no context."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    files = [str(p.relative_to(ROOT)) for p in source_files()]
    languages = ["-source-language", "zh_CN", "-target-language", "en", "-locations", "none"]
    subprocess.run(
        [tool("pyside6-lupdate"), *files, *languages, "-ts", str(ts.resolve())],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    tree = read_ts(ts)
    lost = sorted(source for context, source in messages(tree) if not context and source)
    if lost:
        raise SystemExit('texts without a context (write self.tr(…) or translate("Context", …)):\n' + "\n".join(lost))
    return tree


def release(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, stdout=subprocess.DEVNULL)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        missing = untranslated(read_ts())
    else:
        tree = update()
        release()
        release(QT_EXTRA_TS, QT_EXTRA_TS.with_suffix(".qm"))
        missing = untranslated(tree)
    for context, source in missing:
        print(f"untranslated [{context}] {source}")
    print(f"{len(messages(read_ts()))} strings, {len(missing)} without English; {QM.relative_to(ROOT)}")
    return 1 if missing and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
