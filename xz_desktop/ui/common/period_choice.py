"""One period across the window's pages (issue 12, item 5).

The window holds one :class:`PeriodChoice`; every page's 报告期/年份 box is attached to it with
:meth:`PeriodChoice.attach`. Choosing a period on one page chooses it on all; a page whose box
lists years only shows the chosen period's year (the form's 2024年上半年 is 2024 on 汇总). The
period every page opens on is decided once: the one last chosen in this database's window, else
:func:`~..services.reporting_period.initial_period` (the latest with data, else the reporting period);
and every box labels its periods with the one label of :func:`~..domain.periods.period_label`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox

from ...domain.periods import Period, is_valid_period, parse_period, period_label
from ...services.reporting_period import initial_period
from ...store import Store
from . import settings
from .i18n import message_text


def period_text(period: Period | str | int) -> str:
    """“2024年”, “2024年上半年”: how a box, a heading or a summary line writes a period."""
    return message_text(period_label(period if isinstance(period, Period) else str(period)))


def fill_period_box(box: QComboBox, periods: Iterable[str | int], chosen: str) -> None:
    """Fill ``box`` with ``periods`` (item data: the period as given, a year as ``int``), labelled the one way,
    showing ``chosen`` (or its year); without signals: the caller reloads once."""
    box.blockSignals(True)
    box.clear()
    for period in periods:
        box.addItem(period_text(period), period)
    box.blockSignals(False)
    show_in(box, chosen)


def show_in(box: QComboBox, period: str) -> bool:
    """Show ``period`` in ``box`` without its signals: the period itself, else its year, else the box's last item.
    True when the box now shows another item than before."""
    if not period or box.count() == 0:
        return False
    before = box.currentIndex()
    index = _index_of(box, period)
    if index < 0:
        index = before if before >= 0 else box.count() - 1
    box.blockSignals(True)
    box.setCurrentIndex(index)
    box.blockSignals(False)
    return index != before


def _index_of(box: QComboBox, period: str) -> int:
    year = parse_period(period).year
    found = box.findData(period)
    if found < 0:
        found = box.findData(year)  # a box of years (int data)
    if found < 0:
        found = box.findData(str(year))  # a box of periods that lists the year, not its halves
    return found


def remembered_period(database: str) -> str | None:
    """The period last chosen in the window of ``database`` (the same file), if it is still a period."""
    chosen = settings.get("period/chosen")
    if not chosen or settings.get("period/database") != database or not is_valid_period(chosen):
        return None
    return str(parse_period(chosen))


class _Binding(QObject):
    """One box attached to the choice; a child of the box, so it goes when the box goes."""

    def __init__(self, choice: PeriodChoice, box: QComboBox, reload: Callable[[], None]):
        super().__init__(box)
        self.choice, self.box, self.reload = choice, box, reload
        box.currentIndexChanged.connect(self.picked)
        choice.changed.connect(self.chosen)

    def picked(self, _index: int) -> None:
        """The clerk chose in this box: the choice follows (the page reloads through its own connection)."""
        data = self.box.currentData()
        if data is not None:
            self.choice.choose(str(data))

    def chosen(self, period: str) -> None:
        """Another page chose ``period``: show it here, and reload the page if that changed what it shows."""
        if show_in(self.box, period):
            self.reload()


class PeriodChoice(QObject):
    """The period the window's pages show."""

    changed = Signal(str)

    def __init__(self, store: Store, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self._database = str(Path(path).resolve())
        self._period = remembered_period(self._database) or initial_period(store)

    @property
    def period(self) -> str:
        return self._period

    @property
    def year(self) -> int:
        return parse_period(self._period).year

    def choose(self, period: str) -> None:
        """Show ``period`` on every page (a year page shows its year)."""
        period = str(parse_period(period))
        if period != self._period:
            self._period = period
            settings.put("period/chosen", period)
            settings.put("period/database", self._database)
            self.changed.emit(period)

    def attach(self, box: QComboBox, reload: Callable[[], None]) -> None:
        """Keep ``box`` (filled with :func:`fill_period_box`) on the choice: choosing in it chooses for all pages;
        a choice elsewhere shows in it and calls ``reload``."""
        _Binding(self, box, reload)
