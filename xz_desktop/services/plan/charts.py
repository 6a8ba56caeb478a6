"""Charts of the annual report, drawn offscreen (matplotlib's Agg canvas, no window) into PNG bytes.

The Chinese font is taken **by file** (:func:`chart_font_file`), never by family name through
matplotlib's font cache: a cache written before the CJK font was installed silently falls back to
DejaVu Sans and every title comes out as boxes. Every text is checked against the font's character
map before the picture is written, and matplotlib's "Glyph … missing" warning is a refusal too.
"""

from __future__ import annotations

import io
import os
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.ft2font import FT2Font
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator

from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...paths import resources_dir
from .palette import PALETTE

# Font files with Chinese glyphs, in order of preference, after the one XZ_CJK_FONT names and the ones
# the program ships in resources/fonts (the frozen Linux bundle): Debian/Ubuntu (fonts-noto-cjk,
# fonts-wqy), Fedora, Windows (微软雅黑, 黑体, 宋体), macOS.
_WINDOWS_FONTS = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
SYSTEM_FONT_FILES = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf"),
    Path("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    _WINDOWS_FONTS / "msyh.ttc",
    _WINDOWS_FONTS / "simhei.ttf",
    _WINDOWS_FONTS / "simsun.ttc",
    Path("/System/Library/Fonts/PingFang.ttc"),
    Path("/System/Library/Fonts/STHeiti Medium.ttc"),
)
FONT_SUFFIXES = (".ttf", ".ttc", ".otf")

# Each line also has its own marker from the 7th on, so two lines are told apart in grey print too.
MARKERS = ("o", "o", "o", "o", "o", "o", "s", "s", "s", "s", "^", "^")


def _refuse(template: str, **params: str) -> XzError:
    return XzError(Message("plan_charts", template, params))


def chart_font_file() -> Path:
    """The font file every chart is drawn with: XZ_CJK_FONT, else a shipped font, else the system's."""
    chosen = os.environ.get("XZ_CJK_FONT", "").strip()
    if chosen and chosen.lower() != "none":
        path = Path(chosen)
        if not path.is_file():
            raise _refuse(QT_TRANSLATE_NOOP("plan_charts", "XZ_CJK_FONT 指定的字体文件 {file} 不存在"), file=chosen)
        return path
    folder = resources_dir() / "fonts"
    shipped = sorted(p for p in folder.glob("*") if p.suffix.lower() in FONT_SUFFIXES) if folder.is_dir() else []
    for path in [*shipped, *SYSTEM_FONT_FILES]:
        if path.is_file():
            return path
    raise _refuse(
        QT_TRANSLATE_NOOP(
            "plan_charts",
            "找不到中文字体文件，图表中的汉字会显示为方框：请安装 Noto Sans CJK（fonts-noto-cjk）或微软雅黑",
        )
    )


@cache
def _charmap(path: str) -> frozenset[int]:
    return frozenset(FT2Font(path).get_charmap())


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


def _nice_ticks(ax) -> None:
    """Years as whole years, values on round steps (100, 110, 120, not 95.0, 105.8, 116.6)."""
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


@contextmanager
def _no_missing_glyphs() -> Iterator[None]:
    """Matplotlib's "Glyph … missing from font" warning, raised as a refusal instead of printed on stderr."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for w in caught:
        if "missing from font" in str(w.message):
            raise _refuse(
                QT_TRANSLATE_NOOP("plan_charts", "图表字体缺少字形，会显示为方框：{detail}"), detail=str(w.message)
            )


def _apply_font(fig: Figure, path: Path) -> None:
    """Every text of the figure in the chosen file, at its own size; refuse a character the font lacks."""
    have = _charmap(str(path))
    for text in fig.findobj(Text):
        assert isinstance(text, Text)
        lacking = sorted({c for c in text.get_text() if not c.isspace() and ord(c) not in have})
        if lacking:
            raise _refuse(
                QT_TRANSLATE_NOOP("plan_charts", "字体 {font} 缺少“{chars}”的字形，图表会显示为方框"),
                font=path.name,
                chars="".join(lacking[:10]),
            )
        text.set_fontproperties(FontProperties(fname=str(path), size=text.get_fontsize()))


def png(fig: Figure) -> bytes:
    """The figure as PNG, every text in the chart font, laid out once the fonts are set."""
    path = chart_font_file()
    with _no_missing_glyphs():
        _apply_font(fig, path)  # before anything is measured or drawn
        fig.canvas.draw()
        _apply_font(fig, path)  # tick labels made by the draw (they copy the first tick's font, to be sure)
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png", bbox_inches="tight")
    return buf.getvalue()


def indicator_grid_figure(series: Sequence[Series], columns: int = 2, *, target_year: int | None = None) -> Figure:
    rows = max(1, -(-len(series) // columns))
    fig = _figure(7.0, 2.4 * rows)
    for n, s in enumerate(series, start=1):
        ax = fig.add_subplot(rows, columns, n)
        years = list(s.years)
        ax.plot(years, [float("nan") if v is None else v for v in s.expected], "--", color="#888888", label="规划进度")
        ax.plot(years, [float("nan") if v is None else v for v in s.values], "o-", color="#c0392b", label="实际")
        if s.target is not None:
            label = f"{target_year}年目标" if target_year is not None else "目标"
            ax.axhline(s.target, color="#2e86c1", linewidth=0.8, label=label)
        ax.set_title(f"{s.name}（{s.measure}）", fontsize=8)
        ax.tick_params(labelsize=7)
        _nice_ticks(ax)
        if n == 1:
            ax.legend(fontsize=6)
    return fig


def indicator_grid(series: Sequence[Series], columns: int = 2, *, target_year: int | None = None) -> bytes:
    """Small multiples: each indicator's figure per year against the trajectory to its target (of
    ``target_year``)."""
    return png(indicator_grid_figure(series, columns, target_year=target_year))


def index_trend_figure(lines: dict[str, Sequence[tuple[int, float | None]]], base_year: int | None = None) -> Figure:
    fig = _figure(7.0, 3.8)
    ax = fig.add_subplot(1, 1, 1)
    for n, (name, points) in enumerate(lines.items()):
        ax.plot(
            [y for y, _ in points],
            [float("nan") if v is None else v for _, v in points],
            marker=MARKERS[n % len(MARKERS)],
            markersize=3.5,
            color=PALETTE[n % len(PALETTE)],
            label=name,
            linewidth=1,
        )
    ax.axhline(100, color="#888888", linewidth=0.6)
    ax.set_ylabel(f"指数（{base_year}年=100）" if base_year is not None else "指数（基数年=100）", fontsize=8)
    ax.tick_params(labelsize=7)
    _nice_ticks(ax)
    # The legend beside the plot, not over the lines.
    ax.legend(fontsize=6, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    return fig


def index_trend(lines: dict[str, Sequence[tuple[int, float | None]]], base_year: int | None = None) -> bytes:
    """Each unit's talent development index per year (``base_year`` = 100)."""
    return png(index_trend_figure(lines, base_year))
