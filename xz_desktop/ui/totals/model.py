"""Table models of the 汇总 page: the district totals (grouped like the plan) and one
indicator's contributions by unit. They only format what the services computed."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ...domain.catalog import Catalog
from ...domain.numbers import format_number
from ...domain.plans import plan_code_for
from ...domain.totals import VERDICT_INCOMPLETE, VERDICT_NO_TARGET, VERDICT_ON_TRACK, TotalRow
from ...domain.trajectory import BASE_NONE
from ...domain.verdicts import is_judged, label
from ...services.pivot import Breakdown, grouped
from ..common.i18n import message_text, translate

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2
GOOD = QColor("#dff0d8")
BAD = QColor("#f8d7c8")
GROUP_BG = QColor("#e8eef7")
INCOMPLETE = QColor("#ececec")


def fmt(value: float | None, decimals: int) -> str:
    return "" if value is None else format_number(value, decimals)


def mark_text(row: TotalRow) -> str:
    """The progress verdict in words (the colour only repeats it); an incomplete figure gets none."""
    if row.verdict != VERDICT_NO_TARGET:
        mark = ("✓ " if row.verdict == VERDICT_ON_TRACK else "✗ ") if is_judged(row.verdict) else ""
        return mark + message_text(label(row.verdict, row.estimated))
    if row.target is not None and row.progress_value is None:
        return QCoreApplication.translate("TotalsModel", "无数据")
    return ""


def unit_periods(catalog: Catalog | None, pairs: list[tuple[str, str]]) -> str:
    """“洪合镇（2024）、区文广旅体局（2022、2023）”."""
    periods: dict[str, list[str]] = {}
    for unit, period in pairs:
        periods.setdefault(unit, []).append(period)

    def name(unit: str) -> str:
        return catalog.unit(unit).name if catalog is not None and catalog.has_unit(unit) else unit

    sep = QCoreApplication.translate("TotalsModel", "、")
    return sep.join(
        QCoreApplication.translate("TotalsModel", "{unit}（{periods}）").format(
            unit=name(u), periods=sep.join(sorted(set(ps)))
        )
        for u, ps in periods.items()
    )


def status_text(row: TotalRow, catalog: Catalog | None = None) -> str:
    """不完整 with who and which periods are missing; 估 with whose figures were carried; 无基数."""
    parts = []
    if not row.complete:
        parts.append(
            QCoreApplication.translate("TotalsModel", "不完整：缺 {who}").format(
                who=unit_periods(catalog, [(m.unit, m.period) for m in row.missing])
            )
        )
    if row.carried:
        parts.append(
            QCoreApplication.translate("TotalsModel", "估：{who}沿用上期").format(
                who=unit_periods(catalog, [(c.unit, c.from_period) for c in row.carried])
            )
        )
    if row.errors:
        parts.append(
            QCoreApplication.translate("TotalsModel", "含未通过逻辑性审核的数值：{who}").format(
                who=unit_periods(catalog, [(m.unit, m.period) for m in row.errors])
            )
        )
    if row.target is not None and row.base_source == BASE_NONE:
        parts.append(QCoreApplication.translate("TotalsModel", "无基数"))
    return QCoreApplication.translate("TotalsModel", "；").join(parts)


class TotalsModel(QAbstractTableModel):
    """Group caption rows, then one row per indicator; columns as the plan's table."""

    NAME, MEASURE, VALUE, CUMULATIVE, BASE, TARGET, EXPECTED, COMPLETION, MARK, REPORTED, STATUS = range(11)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[tuple[str, object]] = []  # ("group", title) or ("row", TotalRow)
        self._year = ""
        self._plan_years: tuple[object, object] = ("", "")  # the judging plan's base and target year
        self.catalog: Catalog | None = None  # for unit names in the 说明 column

    def headers(self) -> list[str]:
        y = self._year
        # Two lines where a header is wider than its figures, so the columns that matter fit at 1024×768.
        return [
            QCoreApplication.translate("TotalsModel", "指标"),
            QCoreApplication.translate("TotalsModel", "计量\n单位"),
            QCoreApplication.translate("TotalsModel", "{year}年\n实际").format(year=y),
            QCoreApplication.translate("TotalsModel", "累计"),
            QCoreApplication.translate("TotalsModel", "{year}年\n基数").format(year=self._plan_years[0]),
            QCoreApplication.translate("TotalsModel", "{year}年\n目标").format(year=self._plan_years[1]),
            QCoreApplication.translate("TotalsModel", "{year}年\n应达").format(year=y),
            QCoreApplication.translate("TotalsModel", "完成率"),
            QCoreApplication.translate("TotalsModel", "进度"),
            QCoreApplication.translate("TotalsModel", "已报/\n应报"),
            QCoreApplication.translate("TotalsModel", "说明"),
        ]

    def set_rows(self, rows: list[TotalRow], period: str, catalog: Catalog | None = None) -> None:
        self.beginResetModel()
        self._year = period
        self.catalog = catalog
        self._plan_years = (rows[0].base_year, rows[0].target_year) if rows else ("", "")
        self._items = []
        plan = rows[0].plan if rows else ""
        previous = plan_code_for(rows[0].base_year) if rows else ""
        for _, title, members in grouped(rows):
            self._items.append(("group", translate("pivot", title).format(plan=plan, previous=previous)))
            self._items.extend(("row", r) for r in members)
        self.endResetModel()

    def total_row(self, row: int) -> TotalRow | None:
        kind, item = self._items[row] if 0 <= row < len(self._items) else ("", None)
        return cast(TotalRow, item) if kind == "row" else None

    def row_of(self, code: str) -> int:
        for i, (kind, item) in enumerate(self._items):
            if kind == "row" and cast(TotalRow, item).code == code:
                return i
        return -1

    def is_group(self, row: int) -> bool:
        return self._items[row][0] == "group"

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 11

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.headers()[section].replace("\n", "")
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.is_group(index.row()):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        kind, item = self._items[index.row()]
        col = index.column()
        if kind == "group":
            if role == Qt.ItemDataRole.DisplayRole and col == 0:
                return item
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole:
                return GROUP_BG
            if role == GROUP_ROLE:
                return True
            return None
        row: TotalRow = item
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == CODE_ROLE:
            return row.code
        if role == Qt.ItemDataRole.TextAlignmentRole and col not in (self.NAME, self.MARK, self.MEASURE, self.STATUS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and col == self.MARK and row.on_track is not None:
            return GOOD if row.on_track else BAD
        if role == Qt.ItemDataRole.BackgroundRole and col == self.MARK and row.verdict == VERDICT_INCOMPLETE:
            return INCOMPLETE
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        return None

    def _display(self, row: TotalRow, col: int) -> str:
        d = row.decimals
        if col == self.NAME:
            return row.name + (" ⚠" if row.disputed else "")
        if col == self.MEASURE:
            return row.measure
        estimate = QCoreApplication.translate("TotalsModel", "估 ") if row.estimated else ""
        if col == self.VALUE:
            text = fmt(row.value, d)
            return estimate + text if text and row.cumulative is None else text
        if col == self.CUMULATIVE:
            text = fmt(row.cumulative, d)
            return estimate + text if text else text
        if col == self.BASE:
            if row.target is not None and row.base_source == BASE_NONE:
                return QCoreApplication.translate("TotalsModel", "无基数")
            return fmt(row.base if row.base_source != BASE_NONE else row.plan_base, d)
        if col == self.TARGET:
            sense = (
                QCoreApplication.translate("TotalsModel", "（以下）")
                if row.target_sense == "max" and row.target is not None
                else ""
            )
            return fmt(row.target, d) + sense
        if col == self.EXPECTED:
            return fmt(row.expected, d)
        if col == self.COMPLETION:
            return "" if row.completion is None else f"{row.completion:.1%}"
        if col == self.MARK:
            return mark_text(row)
        if col == self.REPORTED:
            return f"{len(row.units_reported)}/{len(row.units_reported) + len(row.units_missing)}"
        if col == self.STATUS:
            return status_text(row, self.catalog)
        return ""

    def _tooltip(self, row: TotalRow) -> str:
        lines = [f"{row.name}（{row.measure}；{row.code}）"]  # the whole name: the column elides it
        if row.units_missing:
            lines.append(QCoreApplication.translate("TotalsModel", "未报 {n} 个单位").format(n=len(row.units_missing)))
        if row.disputed:
            lines.append(QCoreApplication.translate("TotalsModel", "含待处理的冲突数值"))
        status = status_text(row, self.catalog)
        if status:
            lines.append(status)
        return "\n".join(lines)


class BreakdownModel(QAbstractTableModel):
    """Units down, the indicator (and for a ratio its numerator and denominator) across; 全区 last,
    then (for a ratio taken over fewer units than its parts' rows) the sums the ratio used."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.breakdown: Breakdown | None = None

    @staticmethod
    def _unit_mark(row) -> str:
        if row.missing:
            return QCoreApplication.translate("TotalsModel", "（未报）")
        if not row.counted:
            return QCoreApplication.translate("TotalsModel", "（已含在其他单位中，不重复计入）")
        if row.carried_from:
            return QCoreApplication.translate("TotalsModel", "（估：沿用{period}）").format(period=row.carried_from)
        return ""

    def set_breakdown(self, breakdown: Breakdown | None) -> None:
        self.beginResetModel()
        self.breakdown = breakdown
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid() or self.breakdown is None:
            return 0
        return len(self.breakdown.rows) + 1 + (1 if self.breakdown.used is not None else 0)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.breakdown is None else len(self.breakdown.columns) + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal or self.breakdown is None:
            return None
        if section == 0:
            return QCoreApplication.translate("TotalsModel", "单位")
        column = self.breakdown.columns[section - 1]
        return f"{message_text(column.title)}\n（{column.measure}）" if column.measure else message_text(column.title)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.breakdown is None:
            return None
        b = self.breakdown
        is_used = index.row() == len(b.rows) + 1
        is_total = index.row() == len(b.rows) or is_used
        row = None if is_total else b.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                if is_used:
                    return QCoreApplication.translate("TotalsModel", "计入比值的单位合计")
                if is_total:
                    if not b.complete:
                        return QCoreApplication.translate("TotalsModel", "全区（不完整）")
                    if b.estimated:
                        return QCoreApplication.translate("TotalsModel", "全区（估）")
                    return QCoreApplication.translate("TotalsModel", "全区")
                return row.name + self._unit_mark(row)
            column = b.columns[col - 1]
            source = (b.used or {}) if is_used else (b.total if is_total else row.values)
            value = source.get(column.key)
            if column.key == "share":
                return "" if value is None else f"{value:.1f}%"
            return fmt(value, column.decimals)
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and is_total:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row is not None and row.missing:
            return QColor("#a94442")
        return None
