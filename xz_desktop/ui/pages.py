"""The parts of the main window, each installed by its own module.

Every module listed here has ``install(window: MainWindow) -> None``, which adds its
pages (``window.add_page``) and actions (``window.menu(key).addAction``). Keeping the
list here lets features land without editing the main window.
"""

PAGE_MODULES: list[str] = [
    "xz_desktop.ui.form.page",
    "xz_desktop.ui.packages_page",
    "xz_desktop.ui.review_page",
    "xz_desktop.ui.totals_page",
    "xz_desktop.ui.import_actions",
    "xz_desktop.ui.plan_page",
    "xz_desktop.ui.catalog_dialog",
    "xz_desktop.ui.enrolment_dialog",
    "xz_desktop.ui.drops",
    "xz_desktop.ui.live",
]
