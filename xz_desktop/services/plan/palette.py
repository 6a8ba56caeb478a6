"""The colours of every multi-line chart (report, Excel, window): 12 distinct ones, a qualitative palette.

matplotlib's tab10, then black and Dark2's brown: ten towns and two more never share a colour.
Kept apart from charts.py so that the window can use it without loading matplotlib.
"""

from __future__ import annotations

PALETTE = (
    "#1f77b4",  # blue
    "#ff7f0e",  # orange
    "#2ca02c",  # green
    "#d62728",  # red
    "#9467bd",  # purple
    "#8c564b",  # brown
    "#e377c2",  # pink
    "#7f7f7f",  # grey
    "#bcbd22",  # olive
    "#17becf",  # cyan
    "#000000",  # black
    "#a6761d",  # ochre
)
