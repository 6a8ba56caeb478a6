"""Reading numbers the way Chinese clerks type them, and showing them back.

Accepts full-width digits and punctuation (１２３，４５６．７), thousands separators
(1,234 / 1，234), surrounding spaces, and a trailing % or ％ on percentages.
A blank stays blank (``None``): it is a missing figure, never a zero.
"""

from __future__ import annotations

import math
import unicodedata

from .messages import QT_TRANSLATE_NOOP, Message, XzError

_FULLWIDTH_EXTRA = {"，": ",", "。": ".", "．": ".", "－": "-", "＋": "+", "％": "%", "　": " "}


def normalise_number_text(text: str) -> str:
    """Fold full-width forms to ASCII and drop separators and spaces."""
    folded = unicodedata.normalize("NFKC", text)
    folded = "".join(_FULLWIDTH_EXTRA.get(ch, ch) for ch in folded)
    return folded.replace(",", "").replace(" ", "").replace("\u00a0", "").strip()


def parse_number(text: object) -> float | None:
    """The number in ``text``; ``None`` for a blank; :class:`XzError` for anything else."""
    if text is None:
        return None
    if isinstance(text, bool):
        raise XzError(Message("numbers", QT_TRANSLATE_NOOP("numbers", "“{text}”不是数字"), {"text": text}))
    if isinstance(text, (int, float)):
        value = float(text)
    else:
        cleaned = normalise_number_text(str(text))
        if cleaned == "":
            return None
        if cleaned.endswith("%"):
            cleaned = cleaned[:-1]
        try:
            value = float(cleaned)
        except ValueError:
            raise XzError(
                Message("numbers", QT_TRANSLATE_NOOP("numbers", "“{text}”不是数字"), {"text": str(text)[:40]})
            ) from None
    if not math.isfinite(value):
        raise XzError(
            Message("numbers", QT_TRANSLATE_NOOP("numbers", "“{text}”不是有限的数字"), {"text": str(text)[:40]})
        )
    return value


def format_number(value: float | None, decimals: int = 0, *, grouping: bool = True) -> str:
    """``value`` rounded to ``decimals`` places, with thousands separators; blank for ``None``."""
    if value is None:
        return ""
    decimals = max(decimals, 0)
    return f"{value:,.{decimals}f}" if grouping else f"{value:.{decimals}f}"


def format_typed(value: float | None, *, grouping: bool = True) -> str:
    """A typed figure shown with every decimal it has: a clerk's 12.345 is never shown as 12.3."""
    if value is None:
        return ""
    text = f"{value:,.6f}" if grouping else f"{value:.6f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
