"""The versions a support call asks for: the program's and those of every file format it writes.

Each number comes from the module that defines the format, so this list cannot drift from them:
the database schema is the last numbered migration in db/, the package (上报包; the district's
corrections file is a package too) from services/packages/package_file.py, the catalog file from
services/catalog_transfer.py, the Excel template from services/excel/template.py, the receipt
(回执) from services/round/receipt.py (``ROUND_FORMAT``). CHANGELOG.md records every change of each of them.
``xz --version`` and 帮助 → 关于 show the same :class:`Versions`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import __version__
from ..store.migrations import latest_version


@dataclass(frozen=True)
class Versions:
    program: str
    schema: int  # the database schema this program writes (and upgrades older ones to)
    package: int  # 上报包 and the district's corrections file
    receipt: int  # 回执 (the district's receipt file)
    catalog: int  # 目录文件 (.xzcat)
    template: int  # Excel 填报模板

    def as_json(self) -> dict[str, object]:
        return {
            "program": self.program,
            "schema": self.schema,
            "package": self.package,
            "receipt": self.receipt,
            "catalog": self.catalog,
            "template": self.template,
        }


def versions() -> Versions:
    # Imported here: the modules that define the formats bring openpyxl, pandas and cryptography, which
    # the window does not need until it writes such a file (关于 asks for the numbers only when shown).
    from . import catalog_transfer
    from .excel import template
    from .packages import package_file
    from .round import receipt

    return Versions(
        program=__version__,
        schema=latest_version(),
        package=package_file.FORMAT_VERSION,
        receipt=receipt.ROUND_FORMAT,
        catalog=catalog_transfer.FORMAT_VERSION,
        template=template.TEMPLATE_VERSION,
    )
