"""The district's Excel workbook: where we stand against the plan, as an office hands it on.

Sheets, in order: 表2 laid out as the plan prints it with the year's value, expected value
and completion; the plan's other targets; the other indicators; native Excel charts of
progress; units × indicators for every year with figures; who submitted; every raw
figure. The whole workbook is write-only (streamed), and lands under its name only
when complete (:func:`excel_files.replacing`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

from ... import __version__
from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...domain.periods import Period, parse_period
from ...domain.totals import district_totals
from ...store import Store
from .. import pivot
from ..files import check_target, replacing, writing
from ..plan.excel_sheet import write_targets_sheet
from ..plan.progress import unit_progress_rows
from ..progress import SILENT, Progress
from ..status import submission_status
from ..totals import mark_errors
from .sheets import period_label, write_chart_sheet, write_other_sheet, write_plan_sheet
from .style import register_styles
from .tables import RAW_CHUNK, raw_count, write_raw_sheets, write_status_sheet, write_units_sheet

# The indicator whose path the line chart shows: the plan's headline figure.
HEADLINE = "talent_total"

SHEET_TABLE2 = "表2主要指标"
SHEET_TARGETS = "其他规划目标"
SHEET_OTHER = "其他指标"
SHEET_CHARTS = "进度图"
SHEET_STATUS = "报送情况"
SHEET_UNIT_TARGETS = "单位目标完成"
SHEET_RAW = "原始数据"


def unit_sheet_title(year: int) -> str:
    return f"分单位{year}"


@dataclass
class ExportResult:
    path: Path
    period: str
    sheets: list[str] = field(default_factory=list)
    raw_rows: int = 0


def export_workbook(
    store: Store,
    path: str | Path,
    period: str | None = None,
    progress: Progress = SILENT,
    *,
    now: datetime | None = None,
    carry_forward: bool = False,
) -> ExportResult:
    """Write the district workbook for ``period`` (default: the latest year with figures) to ``path``.

    ``carry_forward`` (沿用上期) uses a missing unit's latest earlier stock figure, marked 估.
    """
    path = check_target(path)
    period_obj: Period = parse_period(period) if period else Period(pivot.default_year(store))
    if not store.is_district:
        raise XzError(
            Message(
                "excel.export",
                QT_TRANSLATE_NOOP("excel.export", "汇总表只能从区级汇总数据库导出；本数据库属于“{unit}”"),
                {"unit": store.describe()},
            )
        )
    catalog = store.catalog_for(period_obj)  # the plan that judges the period
    # Only the figures the totals read (not every figure of the database): the same totals as ``xz totals``.
    rows = district_totals(catalog, pivot.totals_aggregator(store, period_obj, carry_forward=carry_forward), period_obj)
    mark_errors(store, rows, period_obj)
    years = pivot.years_with_data(store)
    raw_total = raw_count(store)
    stamp = (now or datetime.now()).strftime("%Y-%m-%d %H:%M")
    subtitle = f"填报单位：{store.describe()}　　报告期：{period_label(period_obj)}　　导出时间：{stamp}" + (
        "　　缺报单位的存量沿用上期（估）" if carry_forward else ""
    )
    raw_steps = -(-raw_total // RAW_CHUNK)
    total = 5 + len(years) + raw_steps + 1
    result = ExportResult(path, str(period_obj))

    progress.step(0, total, "正在汇总数据…")
    wb = Workbook(write_only=True)
    try:
        _write(
            wb,
            store,
            path,
            period_obj,
            progress,
            total,
            result,
            stamp,
            subtitle,
            rows=rows,
            carry_forward=carry_forward,
            years=years,
            raw_total=raw_total,
            raw_steps=raw_steps,
        )
    except BaseException:
        _discard(wb)
        raise
    progress.step(total, total, "完成")
    result.raw_rows = raw_total
    return result


def _discard(wb: Workbook) -> None:
    """Finish and delete the sheets' streaming temp files of an abandoned workbook."""
    for ws in wb.worksheets:
        try:
            if not ws.closed:
                ws.close()
            if ws._writer is not None:
                ws._writer.cleanup()
        except Exception:  # best effort: the export already failed for a reason the user sees
            pass


def _write(
    wb: Workbook,
    store: Store,
    path: Path,
    period_obj: Period,
    progress: Progress,
    total: int,
    result: ExportResult,
    stamp: str,
    subtitle: str,
    *,
    rows,
    carry_forward: bool = False,
    years: list[int],
    raw_total: int,
    raw_steps: int,
) -> None:
    catalog = store.catalog_for(period_obj)
    code = catalog.plan.code
    groups = {key: members for key, _, members in pivot.grouped(rows)}
    label = period_label(period_obj)
    done = 0

    def step(text: str) -> None:
        nonlocal done
        done += 1
        progress.step(done, total, text)

    with replacing(path) as tmp:
        wb.properties.creator = f"xz-desktop {__version__}"
        wb.properties.title = f"{catalog.plan.name.strip('《》')}指标汇总（{label}）"
        register_styles(wb)
        plan = write_plan_sheet(
            wb,
            catalog,
            SHEET_TABLE2,
            f"秀洲区“{code}”时期人才发展主要指标完成情况（{label}）",
            subtitle,
            groups.get("table2", []),
            period_obj,
            table2=True,
        )
        step("表2主要指标")
        write_plan_sheet(
            wb,
            catalog,
            SHEET_TARGETS,
            f"{catalog.plan.name.strip('《》')}其他目标完成情况（{label}）",
            subtitle,
            groups.get("targets", []),
            period_obj,
            table2=False,
        )
        step("其他规划目标")
        write_other_sheet(
            wb,
            SHEET_OTHER,
            f"其他指标及基础数据（{label}）",
            subtitle,
            groups.get("table1", []) + groups.get("components", []),
            period_obj,
            catalog,
        )
        step("其他指标")
        headline = (
            pivot.history(
                catalog,
                pivot.indicator_aggregator(store, HEADLINE, carry_forward=carry_forward, plan=code),
                HEADLINE,
                recorded=pivot.plan_figures(store, HEADLINE),
            )
            if catalog.has_indicator(HEADLINE)
            else None
        )
        write_chart_sheet(wb, SHEET_CHARTS, plan, period_obj, headline, code)
        step("进度图")
        for year in years:
            # One year's figures at a time: memory follows the catalog, not the years of history.
            aggregator = pivot.year_aggregator(store, year)  # the year under the plan that judges it
            table = pivot.unit_table(aggregator.catalog, aggregator, Period(year))
            write_units_sheet(
                wb,
                aggregator.catalog,
                table,
                unit_sheet_title(year),
                f"各填报单位{year}年指标数据",
                f"填报单位：{store.describe()}　　报告期：{year}年　　导出时间：{stamp}",
            )
            step(f"{year}年分单位数据")
        write_status_sheet(
            wb, submission_status(store, period_obj), SHEET_STATUS, f"各单位报送情况（{label}）", subtitle
        )
        step("报送情况")
        unit_targets = unit_progress_rows(store, str(period_obj.year))
        if unit_targets:  # only once the district has given units targets of their own
            write_targets_sheet(
                wb, unit_targets, SHEET_UNIT_TARGETS, f"各单位目标完成情况（{period_obj.year}年）", subtitle
            )
        raw_done = done
        write_raw_sheets(
            wb,
            store,
            SHEET_RAW,
            lambda n: progress.step(raw_done + -(-n // RAW_CHUNK), total, f"原始数据 {n:,}/{raw_total:,} 行"),
        )
        done = raw_done + raw_steps
        progress.step(done, total, "正在保存文件…")
        result.sheets = [ws.title for ws in wb.worksheets]
        with writing(tmp) as fh:
            wb.save(fh)
