"""The sentences of the annual evaluation report, written from the figures (the district's Chinese, whatever
the window's language).

Every number a sentence states is a field of the district's progress record as ``xz totals --json`` gives it
(value, 2020 base, 2025 target, the plan's point, completion), printed with the indicator's decimals; the one
number added is the change since 2020, the difference of the two figures as printed, so a reader who subtracts
them gets the same. An incomplete figure is said in words (数据不全, who and which period is missing), with no
percentage and no verdict. The patterns are proofread: an indicator's name already saying 区 or 全 gets no
“全区”, a name ending in its own unit “（%）” drops it before the figure's “%”.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Protocol

from ...domain.numbers import format_number
from ...domain.round import local_date, parse_due
from ...domain.totals import VERDICT_BEHIND, VERDICT_INCOMPLETE, TotalRow
from ...domain.verdicts import phrase
from ..round.states import RoundStatus

PERCENT = "%"


def fmt(value: float | None, decimals: int) -> str:
    return "—" if value is None else format_number(value, decimals)


def pct(completion: float | None) -> str:
    """A completion as the report prints it, in the sentence and in the table alike: “97.6%”, or “—”."""
    return "—" if completion is None else f"{completion:.1%}"


def is_complete(row: TotalRow) -> bool:
    """Complete when a value exists and every expected unit reported (the progress record's ``complete``)."""
    return row.complete and row.progress_value is not None


def verdict_text(row: TotalRow) -> str:
    """The row's verdict in the one set of words (domain/verdicts.py), as a sentence says it."""
    if not is_complete(row):
        return str(phrase(VERDICT_INCOMPLETE))
    return str(phrase(row.verdict, row.estimated))


class Named(Protocol):
    """A record with an indicator's name and measure (a totals row, an evaluation)."""

    @property
    def name(self) -> str: ...
    @property
    def measure(self) -> str: ...


def plain_name(row: Named) -> str:
    """The name without a unit it carries itself: “…比重（%）” → “…比重” (the figure says “%”)."""
    return (
        re.sub(r"[（(]\s*" + re.escape(row.measure) + r"\s*[)）]$", "", row.name.strip()) if row.measure else row.name
    )


def subject(row: TotalRow) -> str:
    """“全区人才资源总量”; a name that already says 区 or 全 (“区人才发展专项资金”, “全社会…”, “全员…”) as it is."""
    name = plain_name(row)
    return name if name.startswith(("区", "全")) else f"全区{name}"


def amount(value: float | None, row: TotalRow) -> str:
    return f"{fmt(value, row.decimals)}{row.measure}"


def change_since_base(row: TotalRow) -> str | None:
    """“比2020年增加1.05万人” (the plan's base year) from the two figures as printed; a share or rate changes by
    个百分点. None where the base is no year's figure (the preceding plan's total)."""
    if row.cumulative is not None or row.plan_base is None or row.progress_value is None or row.base_span == "plan":
        return None
    d = row.decimals
    diff = round(round(row.progress_value, d) - round(row.plan_base, d), d)
    if diff == 0:
        return f"与{row.base_year}年持平"
    rate = row.measure == PERCENT
    up, down = ("提高", "下降") if rate else ("增加", "减少")
    unit = "个百分点" if rate else row.measure
    return f"比{row.base_year}年（{amount(row.plan_base, row)}）{up if diff > 0 else down}{fmt(abs(diff), d)}{unit}"


def figure_sentence(row: TotalRow, year: int) -> str:
    """One complete indicator: its figure, change since the plan's base year, completion and verdict.

    “2024年区人才发展专项资金10,258万元，比2020年（9,066万元）增加1,192万元，完成率82.5%，达到规划进度。”
    """
    what = f"{row.base_year + 1}年以来累计" if row.cumulative is not None else ""
    estimate = "（含沿用上期的估计数）" if row.estimated else ""
    parts = [f"{year}年{subject(row)}{what}{amount(row.progress_value, row)}{estimate}"]
    change = change_since_base(row)
    if change:
        parts.append(change)
    if row.completion is not None:
        parts.append(f"完成率{pct(row.completion)}")
    if row.verdict == VERDICT_BEHIND and row.expected is not None:
        parts.append(f"低于当年应达的{amount(row.expected, row)}")
    parts.append(verdict_text(row))
    return "，".join(parts) + "。"


def day_text(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _day(text: str) -> str:
    try:
        return day_text(parse_due(text) if len(text) == 10 else local_date(text))
    except ValueError:
        return text


def missing_words(row: TotalRow, names: Mapping[str, str]) -> str:
    """Who and which periods keep a figure from being complete: “洪合镇2024年、区文广旅体局2023年”."""
    periods: dict[str, list[str]] = {}
    for m in row.missing:
        periods.setdefault(m.unit, []).append(f"{m.period.replace('H1', '年上半年').replace('H2', '年下半年')}")
    for unit in row.units_missing:
        periods.setdefault(unit, [])
    said = []
    for unit, ps in periods.items():
        when = "、".join(p if p.endswith("年") else f"{p}年" for p in sorted(set(ps)))
        said.append(f"{names.get(unit, unit)}{when}")
    return "、".join(said) or "部分单位"


def incomplete_sentences(rows: Sequence[TotalRow], names: Mapping[str, str]) -> list[str]:
    """The incomplete indicators, grouped by who is missing, in words and without a percentage."""
    groups: dict[str, list[TotalRow]] = {}
    for r in rows:
        groups.setdefault(missing_words(r, names), []).append(r)
    out = []
    for who, members in groups.items():
        listed = "、".join(quoted(r) for r in members)
        count = f"{len(members)}项指标" if len(members) > 1 else "该指标"
        out.append(f"因{who}数据未报，{listed}{'' if len(members) == 1 else '等'}{count}数据不全，暂不作进度判断。")
    return out


def round_sentences(status: Sequence[RoundStatus], year: int, today: date) -> list[str]:
    """The round: who reported, on time or late (due date, days late), who has not."""
    kinds = {"geographic": 0, "sector": 0}
    for s in status:
        kinds[s.kind] = kinds.get(s.kind, 0) + 1
    submitted = [s for s in status if s.submitted]
    waiting = [s for s in status if not s.submitted]
    due = next((s.due for s in status if s.due), None)
    first = (
        f"{year}年度应报送数据的单位{len(status)}个（镇、街道和高新区{kinds.get('geographic', 0)}个，"
        f"区级部门{kinds.get('sector', 0)}个），截至{day_text(today)}已报送{len(submitted)}个"
    )
    out = []
    if due:
        late = [s for s in submitted if s.late_days]
        on_time = len(submitted) - len(late)
        text = f"本年度数据报送截止日期为{_day(due)}。{first}"
        days = "、".join(f"{s.name}逾期{s.late_days}天" for s in late)
        if not late:
            text += "，均按期报送" if submitted else ""
        elif on_time == 0:
            text += f"，均为逾期报送（{days}）"
        else:
            text += f"，其中按期报送{on_time}个，逾期报送{len(late)}个（{days}）"
        out.append(text + "。")
    else:
        out.append(f"本年度未设定报送截止日期。{first}。")
    if waiting:
        overdue = [s for s in waiting if s.late_days]
        text = f"尚未报送{len(waiting)}个：{'、'.join(s.name for s in waiting)}"
        if overdue:
            text += "，其中" + "、".join(f"{s.name}已逾期{s.late_days}天" for s in overdue)
        out.append(text + "。")
    returned = [s for s in status if s.state == "returned"]
    if returned:
        out.append(f"退回修改、尚未重新报送的{len(returned)}个：{'、'.join(s.name for s in returned)}。")
    nil = [s for s in submitted if s.nil_reason]
    if nil:
        out.append(f"空表上报的{len(nil)}个：{'、'.join(f'{s.name}（{s.nil_reason}）' for s in nil)}。")
    return out


def listing(names: Iterable[str], limit: int = 4, counted: str = "个单位") -> str:
    """“甲、乙、丙、丁等5个单位” beyond ``limit`` names, else all of them (“甲、乙”)."""
    names = list(names)
    if len(names) <= limit:
        return "、".join(names)
    return f"{'、'.join(names[:limit])}等{len(names)}{counted}"


def quoted(row: TotalRow) -> str:
    """A name inside a list of names: “博士、硕士人才” in quotes, so its 、 is not read as a separator."""
    name = plain_name(row)
    return f"“{name}”" if "、" in name else name


# The method appendix: plain words for the reader who signs, no program terms (the worked examples are in
# the user documentation of the plan's tools).
def method_texts(base: int, target: int) -> tuple[str, ...]:
    """The method appendix for a plan from ``base`` (e.g. 2020) to ``target`` (2025)."""
    return tuple(text.format(base=base, target=target) for text in METHOD)


METHOD = (
    "一、完成率。完成率 =（当年数 − {base}年基数）÷（{target}年目标 − {base}年基数），表示从{base}年基数到{target}年目标"
    "已走过的比例；规划期累计的指标从0算起；增长率类指标为当年数与目标之比；目标为约数（“左右”）的，"
    "达到应达值的九成变化量即为达到进度。",
    "二、规划进度。每项指标从{base}年基数到{target}年目标按年均匀推进（年均增长率类指标按复合增长推进），"
    "当年应达到的数值称为“应达”。当年数达到应达值的为“达到规划进度”，否则为“落后于规划进度”。"
    "个数、人数只能整数增加，各单位的这类目标以当年已到期的整数为应达值（例如按进度应达1.8家时，当年应有1家）。",
    "三、数据完整性。有单位未报送、或所需各期数据不全的指标为“数据不全”，不计算完成率、不作进度判断，"
    "并写明缺少哪些单位哪一期的数据。",
    "四、年度考核。各单位按本单位分解目标的进度计分：进度比 =（当年数 − 起点）÷（应达 − 起点），"
    "每项得分 = 权重 × 进度比（超额最多按120%计），总分按各计分项的权重折算为百分制，再加减区里核定的加减分。"
    "在同类单位内按得分排名，同分同名次；所有考核项均无完整数据的单位注明“未报”或“数据不全”，不排名；"
    "未下达目标的单位不参加考核。",
    "五、人才发展指数。以{base}年为100，将各镇（街道）、高新区的人才规模、人才素质、人才平台、人才引育等指标"
    "分别与本单位{base}年数相比，按权重合成。数量很少的指标（如工作站）加上固定的阻尼数后再相比，"
    "避免一两家的增减使指数大起大落。所需数据不全的单位不计算指数、不排名。",
)
