"""Limits on what a file or a clerk may hand the program, defined once for every way in."""

# A data file larger than this is not a form's worth of figures: refuse it before reading it.
MAX_FILE_BYTES = 50 * 1024 * 1024
# The longest 说明 (explanation) accepted anywhere: the editor, imports, packages and templates.
MAX_TEXT = 2000
# The longest name, time, code or manifest field a submission package may carry.
MAX_PACKAGE_FIELD = 200
