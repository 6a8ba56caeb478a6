"""Every keyboard shortcut of the window does one thing, in the district copy and in a unit's copy."""

from collections import Counter

import pytest
from PySide6.QtGui import QAction

from .ui_form_support import open_window


@pytest.mark.parametrize("which", ["district_db", "unit_db"])
def test_no_shortcut_is_bound_twice(qtbot, request, which):
    window = open_window(qtbot, request.getfixturevalue(which))
    seen = Counter()
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            if not sequence.isEmpty():
                seen[sequence.toString()] += 1
    twice = {key: n for key, n in seen.items() if n > 1}
    assert not twice, twice
    assert seen, "the window has no shortcuts at all"
    window.close()
