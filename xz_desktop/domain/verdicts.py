"""The words for a progress verdict (:mod:`.progress`), one set, translated once.

Every surface takes its words from here: the window translates the :class:`Message`
(``ui/common/i18n.message_text``), the CLI, the Excel and the annual report print its Chinese source.
:func:`label` is the word of a table cell, :func:`phrase` the same verdict inside a sentence.
"""

from __future__ import annotations

from typing import Final

from .messages import QT_TRANSLATE_NOOP, Message
from .progress import (
    JUDGED,
    VERDICT_BEHIND,
    VERDICT_INCOMPLETE,
    VERDICT_MET,
    VERDICT_NO_TARGET,
    VERDICT_NOT_MET,
    VERDICT_ON_TRACK,
)

CONTEXT: Final = "verdicts"

_LABELS: Final = {
    VERDICT_ON_TRACK: QT_TRANSLATE_NOOP("verdicts", "达到进度"),
    VERDICT_BEHIND: QT_TRANSLATE_NOOP("verdicts", "落后进度"),
    VERDICT_INCOMPLETE: QT_TRANSLATE_NOOP("verdicts", "数据不全"),
    VERDICT_NO_TARGET: QT_TRANSLATE_NOOP("verdicts", "无目标"),
    VERDICT_MET: QT_TRANSLATE_NOOP("verdicts", "完成目标"),
    VERDICT_NOT_MET: QT_TRANSLATE_NOOP("verdicts", "未完成目标"),
}

_PHRASES: Final = {
    VERDICT_ON_TRACK: QT_TRANSLATE_NOOP("verdicts", "达到规划进度"),
    VERDICT_BEHIND: QT_TRANSLATE_NOOP("verdicts", "落后于规划进度"),
    VERDICT_INCOMPLETE: QT_TRANSLATE_NOOP("verdicts", "数据不完整，不作判断"),
    VERDICT_NO_TARGET: QT_TRANSLATE_NOOP("verdicts", "无规划目标"),
    VERDICT_MET: QT_TRANSLATE_NOOP("verdicts", "完成规划目标"),
    VERDICT_NOT_MET: QT_TRANSLATE_NOOP("verdicts", "未完成规划目标"),
}

_ESTIMATED: Final = QT_TRANSLATE_NOOP("verdicts", "{verdict}（估）")


def _words(table: dict[str, str], verdict: str, estimated: bool) -> Message:
    words = Message(CONTEXT, table.get(verdict, verdict))
    if estimated and verdict in JUDGED:
        return Message(CONTEXT, _ESTIMATED, {"verdict": words})
    return words


def label(verdict: str, estimated: bool = False) -> Message:
    """达到进度 / 落后进度 (with （估） on an estimate) / 数据不全 / 无目标; at the final evaluation 完成目标 / 未完成目标."""
    return _words(_LABELS, verdict, estimated)


def phrase(verdict: str, estimated: bool = False) -> Message:
    """The verdict inside a sentence: 达到规划进度 / 落后于规划进度 / 数据不完整，不作判断 / 无规划目标."""
    return _words(_PHRASES, verdict, estimated)


def is_judged(verdict: str) -> bool:
    """Whether ``verdict`` is a judgement (on track or behind, met or not met), which a surface may colour."""
    return verdict in JUDGED or verdict in (VERDICT_MET, VERDICT_NOT_MET)
