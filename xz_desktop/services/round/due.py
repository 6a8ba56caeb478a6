"""截止日期: the district sets (and may change) the due date of a period; every change is logged."""

from __future__ import annotations

from ...domain.messages import QT_TRANSLATE_NOOP, Message, XzError
from ...domain.periods import Period
from ...domain.round import parse_due
from ...store import Store
from ...store.database import now_iso
from ...store.review import DueDate


def set_due(store: Store, period: Period, due: str, by: str | None = None) -> tuple[DueDate, DueDate | None]:
    """Set ``period``'s due date (``YYYY-MM-DD``); returns the new and the previous one."""
    if not store.is_district:
        raise XzError(Message("round", QT_TRANSLATE_NOOP("round", "截止日期由区级汇总数据库设置")))
    key = str(period)  # as the store holds it
    try:
        day = parse_due(due.strip())
    except ValueError:
        raise XzError(
            Message(
                "round",
                QT_TRANSLATE_NOOP("round", "截止日期“{text}”无效，应写成 YYYY-MM-DD，如 2025-01-31"),
                {"text": due[:40]},
            )
        ) from None
    if day.year < period.year:
        raise XzError(
            Message(
                "round",
                QT_TRANSLATE_NOOP("round", "截止日期 {due} 早于报告期 {period} 本身"),
                {"due": day.isoformat(), "period": key},
            )
        )
    by = by or store.author
    previous = store.review.due(key)
    new = DueDate(key, day.isoformat(), now_iso(), by)
    if previous is not None and previous.due == new.due:
        return previous, previous
    with store.transaction():
        store.review.put_due(new)
        store.review.append_log(
            new.set_at,
            by,
            "due",
            "",
            key,
            details={"from": previous.due if previous else None, "to": new.due},
        )
    return new, previous
