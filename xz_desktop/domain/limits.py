"""Limits on what a file or a clerk may hand the program, defined once for every way in.

One limit per kind of text, used by the form's editor, the imports, the packages and the
templates alike; a text over its limit is refused with the limit named, never truncated.
"""

from __future__ import annotations

# A data file larger than this is not a form's worth of figures: refuse it before reading it.
MAX_FILE_BYTES = 50 * 1024 * 1024
# The longest 说明 (explanation) accepted anywhere: the editor, imports, packages and templates.
MAX_TEXT = 2000
# The longest name, time, code or manifest field a submission package may carry.
MAX_PACKAGE_FIELD = 200
MAX_EXPLANATION = MAX_TEXT
# A person's name: who filled in a figure, who made or merged a package (填报人、操作人).
MAX_AUTHOR = 100
# A unit's or an indicator's name, and any other label a file carries (program version, catalog version).
MAX_NAME = 200
# A code (unit, indicator): short ASCII-ish identifiers.
MAX_CODE = 64

# Figures. A count (人, 个, 家 …) is a whole number; no count in one district reaches this ceiling
# unless the catalog sets its own ``max`` for the indicator. Any other figure (万元, %, ratios) is
# refused beyond the magnitude ceiling: a typo of a dozen zeros, or a forged 1e308 that would make a
# district total infinite.
MAX_COUNT = 100_000_000
MAX_MAGNITUDE = 1e12
COUNT_MEASURES = frozenset({"人", "个", "名", "家", "项", "套", "所", "户", "件", "座"})

# Revisions and versions read from files: small integers (well inside SQLite's and JSON's exact range).
MAX_REVISION = 2**31 - 1
MAX_VERSION = 10_000

# Timestamps in files: ISO 8601 times after the plan began and not in the future beyond a small skew
# (an office PC's clock is often a few minutes, sometimes a day, off).
EARLIEST_YEAR = 2021  # the program's first year: nothing it wrote is older (a clock's sanity floor, no plan year)
MAX_CLOCK_SKEW_HOURS = 48
