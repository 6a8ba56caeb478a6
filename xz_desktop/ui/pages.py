"""The one list of the window's parts: every page and every menu action is installed from here.

Every module listed has ``install(window: MainWindow) -> None``, which adds its page
(``window.add_page``, at most one per module) and its actions (``window.menu(key).addAction``).
The order is the order of the tabs and of the menu entries. No page installs another: a new
page is a module of its feature's folder (``ui/round/``, ``ui/totals/`` …) added to this list.
"""

PAGE_MODULES: list[str] = [
    "xz_desktop.ui.form.page",  # 填报
    "xz_desktop.ui.packages.page",  # the package actions (export / import in a unit's copy, merge in the district's)
    "xz_desktop.ui.round.conflicts_page",  # 冲突
    "xz_desktop.ui.round.status_page",  # 报送情况
    "xz_desktop.ui.packages.log_page",  # 合并日志
    "xz_desktop.ui.round.review_page",  # 审核
    "xz_desktop.ui.round.review_log_page",  # 审核日志
    "xz_desktop.ui.totals.page",  # 汇总
    "xz_desktop.ui.totals.pivot_page",  # 分单位数据
    "xz_desktop.ui.totals.actions",  # the Excel template, its import, the Excel and CSV exports
    "xz_desktop.ui.imports.actions",  # the CSV import
    "xz_desktop.ui.plan.page",  # 目标与考核, the annual report
    "xz_desktop.ui.plan.plans_page",  # 规划: the plans held, 开始新规划, 启用规划
    "xz_desktop.ui.catalog.dialog",
    "xz_desktop.ui.packages.enrolment_dialog",
    "xz_desktop.ui.app.drops",
    "xz_desktop.ui.app.live",
]
