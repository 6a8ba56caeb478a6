"""The one list of the window's parts: every page and every menu action is declared here.

The window imports no page at start but the first shown (填报): every other page's module is imported
when its tab is first shown or the page first asked for (``window.page(key)``), and every menu action's
module when the action is first triggered (issue 25: the window's start). So the pages and the actions
are declared here as data — which copy has them, their words, their shortcut, what they call — and the
modules stay out of the start.

- ``PAGE_MODULES``: every module listed has ``install(window: MainWindow) -> None``, which adds its page
  (``window.add_page``, exactly one per module), called when the page is first needed. No page installs
  another: a new page is a module of its feature's folder (``ui/round/``, ``ui/totals/`` …) added to this
  list and to ``PAGES``.
- ``PAGES``: the tabs, in their order (the first is built and shown at start).
- ``ACTIONS``: the menu entries the parts add, in the order they are added to each menu (after 文件's
  新建/打开/最近打开, before 退出 and 帮助's own entries).
- ``START_MODULES``: parts every window needs at once (the watch on the database, the dropped files'
  handler), each with ``install(window)``, called at start.
"""

from __future__ import annotations

from typing import NamedTuple

from ..domain.messages import QT_TRANSLATE_NOOP


class Page(NamedTuple):
    key: str  # the page's object name (``window.page(key)``)
    module: str  # its module, of PAGE_MODULES
    context: str  # the title's translation context
    title: str
    copy: str  # "district", "unit" or "both"


class Action(NamedTuple):
    menu: str  # "file", "entry", "district", "help"
    context: str  # the text's translation context
    text: str
    copy: str  # "district", "unit" or "both"
    call: str  # "module:function", called with the window; "page:KEY" shows that page
    shortcut: str = ""  # a QKeySequence string
    name: str = ""  # the action's object name (tests and 快捷键 reach it by it)


PAGE_MODULES: list[str] = [
    "xz_desktop.ui.form.page",  # 填报
    "xz_desktop.ui.round.conflicts_page",  # 冲突
    "xz_desktop.ui.round.status_page",  # 报送情况
    "xz_desktop.ui.packages.log_page",  # 合并日志
    "xz_desktop.ui.round.review_page",  # 审核
    "xz_desktop.ui.round.review_log_page",  # 审核日志
    "xz_desktop.ui.totals.page",  # 汇总
    "xz_desktop.ui.totals.pivot_page",  # 分单位数据
    "xz_desktop.ui.plan.page",  # 目标与考核
    "xz_desktop.ui.plan.plans_page",  # 规划: the plans held, 开始新规划, 启用规划
]

PAGES: list[Page] = [
    Page("form", "xz_desktop.ui.form.page", "FormPage", QT_TRANSLATE_NOOP("FormPage", "填报"), "both"),
    Page(
        "conflicts",
        "xz_desktop.ui.round.conflicts_page",
        "packages_page",
        QT_TRANSLATE_NOOP("packages_page", "冲突"),
        "district",
    ),
    Page(
        "submission_status",
        "xz_desktop.ui.round.status_page",
        "packages_page",
        QT_TRANSLATE_NOOP("packages_page", "报送情况"),
        "district",
    ),
    Page(
        "merge_log",
        "xz_desktop.ui.packages.log_page",
        "packages_page",
        QT_TRANSLATE_NOOP("packages_page", "合并日志"),
        "district",
    ),
    Page(
        "review", "xz_desktop.ui.round.review_page", "review_page", QT_TRANSLATE_NOOP("review_page", "审核"), "district"
    ),
    Page(
        "review_log",
        "xz_desktop.ui.round.review_log_page",
        "review_page",
        QT_TRANSLATE_NOOP("review_page", "审核日志"),
        "district",
    ),
    Page("totals", "xz_desktop.ui.totals.page", "totals_page", QT_TRANSLATE_NOOP("totals_page", "汇总"), "district"),
    Page(
        "pivot",
        "xz_desktop.ui.totals.pivot_page",
        "totals_page",
        QT_TRANSLATE_NOOP("totals_page", "分单位数据"),
        "district",
    ),
    Page("plan", "xz_desktop.ui.plan.page", "window", QT_TRANSLATE_NOOP("window", "目标与考核"), "district"),
    Page("plans", "xz_desktop.ui.plan.plans_page", "window", QT_TRANSLATE_NOOP("window", "规划"), "district"),
]

_PACKAGES = "xz_desktop.ui.packages.page"
_EXCEL = "xz_desktop.ui.totals.actions"
_ENROLMENT = "xz_desktop.ui.packages.enrolment_dialog"

ACTIONS: list[Action] = [
    # the package actions: export / import in a unit's copy (ui/packages/page.py)
    Action(
        "file",
        "packages_page",
        QT_TRANSLATE_NOOP("packages_page", "导出上报包(&U)…"),
        "unit",
        f"{_PACKAGES}:open_export_dialog",
        "Ctrl+Shift+U",  # 上报; Ctrl+Shift+E is the form’s PDF export
        "export_package",
    ),
    Action(
        "file",
        "packages_page",
        QT_TRANSLATE_NOOP("packages_page", "导入区里下发的目录(&L)…"),
        "unit",
        f"{_PACKAGES}:import_catalog_file",
        name="import_catalog",
    ),
    Action(
        "file",
        "packages_page",
        QT_TRANSLATE_NOOP("packages_page", "导入区里的更正(&G)…"),
        "unit",
        f"{_PACKAGES}:import_corrections_file",
        name="import_corrections",
    ),
    Action(
        "file",
        "packages_page",
        QT_TRANSLATE_NOOP("packages_page", "导入区里的回执(&H)…"),
        "unit",
        f"{_PACKAGES}:import_receipt_file",
        name="import_receipt",
    ),
    # … and the merge in the district's
    Action(
        "district",
        "packages_page",
        QT_TRANSLATE_NOOP("packages_page", "合并上报包(&M)…"),
        "district",
        "xz_desktop.ui.packages.merge_dialog:open_merge_dialog",
        "Ctrl+Shift+M",
        "merge_packages",
    ),
    Action(
        "district",
        "packages_page",
        QT_TRANSLATE_NOOP("packages_page", "导出目录文件（下发各单位）(&L)…"),
        "district",
        f"{_PACKAGES}:export_catalog_file",
        name="export_catalog",
    ),
    Action(
        "district",
        "packages_page",
        QT_TRANSLATE_NOOP("packages_page", "导出更正文件（发给单位）(&G)…"),
        "district",
        f"{_PACKAGES}:export_corrections_file",
        name="export_corrections",
    ),
    # the pages' own entries
    Action(
        "district",
        "packages_page",
        QT_TRANSLATE_NOOP("packages_page", "查看冲突(&T)"),
        "district",
        "page:conflicts",
        "Ctrl+Shift+K",
    ),
    Action(
        "district",
        "packages_page",
        QT_TRANSLATE_NOOP("packages_page", "查看报送情况(&B)"),
        "district",
        "page:submission_status",
        "Ctrl+Shift+S",
    ),
    Action(
        "district",
        "packages_page",
        QT_TRANSLATE_NOOP("packages_page", "查看合并日志(&R)"),
        "district",
        "page:merge_log",
        "Ctrl+Shift+L",
    ),
    Action(
        "district",
        "review_page",
        QT_TRANSLATE_NOOP("review_page", "审核（验收 / 退回）(&V)"),
        "district",
        "page:review",
        "Ctrl+Shift+V",
        "show_review",
    ),
    Action(
        "district",
        "review_page",
        QT_TRANSLATE_NOOP("review_page", "导出回执（发给单位）(&H)…"),
        "district",
        "xz_desktop.ui.round.review_page:receipt_from_menu",
        name="export_receipt",
    ),
    Action(
        "district",
        "review_page",
        QT_TRANSLATE_NOOP("review_page", "查看审核日志(&J)"),
        "district",
        "page:review_log",
        name="show_review_log",
    ),
    # the Excel template and its import in 文件 (every copy); the Excel and CSV exports in 汇总 (ui/totals/actions.py)
    Action(
        "file",
        "ExcelActions",
        QT_TRANSLATE_NOOP("ExcelActions", "生成 Excel 填报模板(&T)…"),
        "both",
        f"{_EXCEL}:write_excel_template",
        name="action_excel_template",
    ),
    Action(
        "file",
        "ExcelActions",
        QT_TRANSLATE_NOOP("ExcelActions", "导入 Excel 填报表(&I)…"),
        "both",
        f"{_EXCEL}:import_excel",
        "Ctrl+Shift+I",
        "action_import_excel",
    ),
    Action(
        "district",
        "ExcelActions",
        QT_TRANSLATE_NOOP("ExcelActions", "导出 Excel 汇总表(&X)…"),
        "district",
        f"{_EXCEL}:export_excel",
        "Ctrl+Shift+E",
        "action_export_excel",
    ),
    Action(
        "district",
        "ExcelActions",
        QT_TRANSLATE_NOOP("ExcelActions", "导出原始数据 CSV(&C)…"),
        "district",
        f"{_EXCEL}:export_raw_csv",
        name="action_export_csv",
    ),
    # the CSV import, in every copy (a unit's copy imports only its own rows)
    Action(
        "file",
        "ImportActions",
        QT_TRANSLATE_NOOP("ImportActions", "导入 CSV 数据(&S)…"),
        "both",
        "xz_desktop.ui.imports.actions:import_csv",
        name="action_import_csv",
    ),
    Action(
        "district",
        "PlanPage",
        QT_TRANSLATE_NOOP("PlanPage", "年度评估报告(&N)…"),
        "district",
        "xz_desktop.ui.plan.page:write_annual_report",
        name="action_annual_report",
    ),
    Action(
        "district",
        "PlansPage",
        QT_TRANSLATE_NOOP("PlansPage", "规划(&P)"),
        "district",
        "page:plans",
        name="action_plans",
    ),
    # a unit's copy uses the district's catalog as sent: nothing to edit there
    Action(
        "district",
        "CatalogDialog",
        QT_TRANSLATE_NOOP("CatalogDialog", "单位与指标目录(&U)…"),
        "district",
        "xz_desktop.ui.catalog.dialog:open_catalog_dialog",
        name="action_catalog",
    ),
    Action(
        "district",
        "enrolment_dialog",
        QT_TRANSLATE_NOOP("enrolment_dialog", "单位登记与密钥(&Y)…"),
        "district",
        f"{_ENROLMENT}:open_enrolment_dialog",
        name="action_enrolment",
    ),
    Action(
        "help",
        "enrolment_dialog",
        QT_TRANSLATE_NOOP("enrolment_dialog", "核对区里密钥(&Y)…"),
        "unit",
        f"{_ENROLMENT}:show_district_key",
        name="action_district_key",
    ),
]

START_MODULES: list[str] = [
    "xz_desktop.ui.app.drops",  # the dropped files' handler (it imports what takes a file when one is dropped)
    "xz_desktop.ui.app.live",  # the watch on the database
]
