"""Charts of the annual report, drawn offscreen (matplotlib's Agg canvas, no window) into PNG bytes."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

# Fonts that carry Chinese on Debian (fonts-noto-cjk, fonts-wqy), Windows and macOS, in order of preference.
_CJK = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
)


def cjk_fonts() -> list[str]:
    have = {f.name for f in font_manager.fontManager.ttflist}
    return [name for name in _CJK if name in have] + ["DejaVu Sans"]


@dataclass(frozen=True)
class Series:
    name: str
    measure: str
    years: Sequence[int]
    values: Sequence[float | None]  # the district's figure per year (None: missing or incomplete)
    expected: Sequence[float | None]  # the plan's trajectory per year
    target: float | None


def _figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), dpi=150)
    FigureCanvasAgg(fig)
    return fig


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    return buf.getvalue()


def indicator_grid(series: Sequence[Series], columns: int = 2) -> bytes:
    """Small multiples: each indicator's figure per year against the trajectory to its 2025 target."""
    rows = max(1, -(-len(series) // columns))
    fig = _figure(7.0, 2.4 * rows)
    fonts = cjk_fonts()
    for n, s in enumerate(series, start=1):
        ax = fig.add_subplot(rows, columns, n)
        years = list(s.years)
        ax.plot(years, [float("nan") if v is None else v for v in s.expected], "--", color="#888888", label="规划进度")
        ax.plot(years, [float("nan") if v is None else v for v in s.values], "o-", color="#c0392b", label="实际")
        if s.target is not None:
            ax.axhline(s.target, color="#2e86c1", linewidth=0.8, label="2025目标")
        ax.set_title(f"{s.name}（{s.measure}）", fontsize=8, fontfamily=fonts)
        ax.tick_params(labelsize=7)
        ax.set_xticks(years)
        if n == 1:
            ax.legend(fontsize=6, prop={"family": fonts, "size": 6})
    fig.tight_layout()
    return _png(fig)


def index_trend(lines: dict[str, Sequence[tuple[int, float | None]]]) -> bytes:
    """Each unit's talent development index per year (2020 = 100)."""
    fig = _figure(7.0, 3.6)
    fonts = cjk_fonts()
    ax = fig.add_subplot(1, 1, 1)
    for name, points in lines.items():
        ax.plot(
            [y for y, _ in points], [float("nan") if v is None else v for _, v in points], "o-", label=name, linewidth=1
        )
    ax.axhline(100, color="#888888", linewidth=0.6)
    ax.set_ylabel("指数（2020年=100）", fontfamily=fonts, fontsize=8)
    ax.tick_params(labelsize=7)
    ax.legend(fontsize=6, ncol=5, prop={"family": fonts, "size": 6}, loc="upper left")
    years = sorted({y for points in lines.values() for y, _ in points})
    ax.set_xticks(years)
    fig.tight_layout()
    return _png(fig)
