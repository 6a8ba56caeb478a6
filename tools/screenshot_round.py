"""Take the screenshots of docs/round.md: the 审核 page, 报送情况 with the 催报 list, and a unit's form
for a returned and for an accepted (read-only) period, on demo data.

Run under a virtual display so fonts render as on a desktop:
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot_round.py [FOLDER] [--size WxH]

``--size 1366x768`` draws the window at an office screen's size (docs/screenshot-round-review-1366.png is
the 审核 page so drawn: the 区里备注 column beside the indicator's name, in view without scrolling).
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _settle(app) -> None:
    for _ in range(30):
        app.processEvents()


def _save(window, out: Path) -> None:
    if not window.grab().save(str(out)):
        raise SystemExit(f"could not write {out}")
    print(out)


def main(argv: list[str]) -> int:
    size = (1400, 860)
    if "--size" in argv:
        at = argv.index("--size")
        width, height = argv[at + 1].split("x")
        size = (int(width), int(height))
        del argv[at : at + 2]
    suffix = "" if size == (1400, 860) else f"-{size[0]}"
    folder = Path(argv[0]) if argv else ROOT / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    from PySide6.QtWidgets import QApplication

    from xz_desktop.domain.periods import Period
    from xz_desktop.domain.round import today_local
    from xz_desktop.services.demo import create_demo
    from xz_desktop.services.round.due import set_due
    from xz_desktop.services.round.receipt import import_receipt, make_receipt
    from xz_desktop.services.round.review import accept, return_period, set_note
    from xz_desktop.services.signing.enrolment import enrol, init_from_enrolment
    from xz_desktop.store import open_store
    from xz_desktop.store.values import ValueChange
    from xz_desktop.ui.common import settings, translations

    with tempfile.TemporaryDirectory(prefix="xz-shot-") as tmp:
        settings.use_folder(Path(tmp) / "settings")  # leave the user's own settings alone
        app = QApplication.instance() or QApplication([sys.argv[0]])
        translations.install("zh", app)  # Chinese, as the office sees it, whatever this machine's locale
        from xz_desktop.ui.main_window import MainWindow

        district = create_demo(Path(tmp) / "示例数据.sqlite")
        with open_store(district) as store:
            # contacts are the district's data (units.csv); the demo's are made up, and say so
            catalog = store.catalog()
            contacts = {
                "xincheng": ("王示例", "0573-0000001"),
                "honghe": ("李示例", "0573-0000002"),
                "culture": ("赵示例", "0573-0000003"),
            }
            store.replace_catalog(
                replace(
                    catalog,
                    version=catalog.version + "-demo",
                    units=[
                        replace(u, contact=contacts[u.code][0], phone=contacts[u.code][1]) if u.code in contacts else u
                        for u in catalog.units
                    ],
                )
            )
            years = sorted(int(p) for p in store.values.periods() if p.isdigit())
            period, earlier = Period(years[-1]), Period(years[-2])
            set_due(store, period, (today_local() + timedelta(days=10)).isoformat(), "区人才办")
            for unit in ("jiabei", "tanghui"):
                accept(store, unit, period, "区人才办")
            accept(store, "xincheng", earlier, "区人才办")
            set_note(store, "xincheng", period, "phd", "待核实：比上年增加较多", "区人才办")
            set_note(store, "xincheng", period, "new_graduates", "请附引进名单", "区人才办")
            return_period(
                store,
                "xincheng",
                period,
                "博士人数和新引进大学生人数请核实后重新报送",
                {"phd": "待核实：比上年增加较多", "new_graduates": "请附引进名单"},
                "区人才办",
            )
            own = {p: store.values.select(unit="xincheng", period=str(p)) for p in (period, earlier)}
            make_receipt(store, "xincheng", Path(tmp) / "回执.xzpkg")
            # the town's copy is set up as a town's is: from its enrolment file (a new key for the new PC)
            enrol(store, "xincheng", Path(tmp) / "登记.xzenrol", rekey=True)

        window = MainWindow(district)
        window.resize(*size)
        window.show()
        window.show_page("review")
        window.page("review").open_review("xincheng", str(period))
        _settle(app)
        _save(window, folder / f"screenshot-round-review{suffix}.png")
        window.show_page("submission_status")
        status = window.page("submission_status")
        status.period.setCurrentText(str(period))
        _settle(app)
        _save(window, folder / f"screenshot-round-status{suffix}.png")
        window.close()

        # the town's own copy, with its figures, after importing the receipt
        town = Path(tmp) / "新城街道.sqlite"
        init_from_enrolment(town, Path(tmp) / "登记.xzenrol", author="新城街道填报员")
        with open_store(town) as store:
            for values in own.values():
                store.values.write([ValueChange(v.unit, v.indicator, v.period, v.value, v.explanation) for v in values])
            import_receipt(store, Path(tmp) / "回执.xzpkg")
        window = MainWindow(town)
        window.resize(*size)
        window.show()
        form = window.page("form")
        form.open_form("xincheng", period)
        form.select("phd")
        _settle(app)
        _save(window, folder / f"screenshot-round-form{suffix}.png")
        form.open_form("xincheng", earlier)
        _settle(app)
        _save(window, folder / f"screenshot-round-locked{suffix}.png")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
