"""Reading numbers the way Chinese clerks type them, strictly, and showing them back.

Accepted: full-width digits and punctuation (１２３，４５６．７), thousands separators in groups
of three (1,234 / 1，234 / 1 234), surrounding spaces, a trailing % or ％ where the figure is a
percentage. Refused, with what was read and why: anything else. A comma that is not a thousands
separator ("3,5", "12,34", "1.234,5") is never guessed to be a decimal comma; superscripts,
fractions and other look-alike characters are not digits; a % on a count is refused.
A blank stays blank (``None``): it is a missing figure, never a zero.
"""

from __future__ import annotations

import math
import re
import unicodedata

from .messages import QT_TRANSLATE_NOOP, Message, XzError

# Full-width ASCII (U+FF01–FF5E) folds to ASCII; these few others are typed on Chinese keyboards too.
_FULLWIDTH_EXTRA = {"。": ".", "　": " ", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "−": "-"}
_SPACES = " "
_PLAIN = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?$")
_GROUPED = re.compile(r"^[+-]?[0-9]{1,3}(?:(?P<sep>[, ])[0-9]{3})(?:(?P=sep)[0-9]{3})*(?:\.[0-9]+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?[0-9]+(?:\.[0-9]{3})*,[0-9]+$")
PERCENT_MEASURE = "%"


def _fold(text: str) -> str:
    out = []
    for ch in text:
        if "\uff01" <= ch <= "\uff5e":
            ch = chr(ord(ch) - 0xFEE0)
        out.append(_FULLWIDTH_EXTRA.get(ch, ch))
    return "".join(out)


def normalise_number_text(text: str) -> str:
    """Fold full-width forms to ASCII and trim; separators stay (see :func:`parse_number`)."""
    return _fold(text).strip()


def _refuse(text: str, template: str, **params: object) -> XzError:
    return XzError(Message("numbers", template, {"text": text[:40], **params}))


def parse_number(text: object, measure: str | None = None) -> float | None:
    """The number in ``text``; ``None`` for a blank; :class:`XzError` saying why for anything else.

    ``measure`` is the indicator's entry measure when known: a % sign is accepted only on a
    percentage (or when the measure is not known).
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise _refuse(str(text), QT_TRANSLATE_NOOP("numbers", "“{text}”不是数字"))
    if isinstance(text, (int, float)):
        value = float(text)
        if not math.isfinite(value):
            raise _refuse(str(text), QT_TRANSLATE_NOOP("numbers", "“{text}”不是有限的数字"))
        return value
    original = str(text)
    # Folding changes only characters outside ASCII: plain text (nearly every cell of a file) is only trimmed.
    cleaned = original.strip() if original.isascii() else normalise_number_text(original)
    if cleaned == "":
        return None
    if cleaned.endswith("%"):
        if measure is not None and measure != PERCENT_MEASURE:
            raise _refuse(
                original,
                QT_TRANSLATE_NOOP("numbers", "“{text}”带有百分号，但本指标的计量单位是“{measure}”"),
                measure=measure,
            )
        cleaned = cleaned[:-1].rstrip()
    if _PLAIN.match(cleaned):
        number = cleaned
    elif _GROUPED.match(cleaned):
        number = cleaned.replace(",", "").replace(" ", "")
    elif _DECIMAL_COMMA.match(cleaned):
        raise _refuse(
            original,
            QT_TRANSLATE_NOOP(
                "numbers",
                "“{text}”中的逗号不是千位分隔符（千位分隔符每三位一组）；小数请用小数点，如 {example}",
            ),
            example=cleaned.replace(".", "").replace(",", "."),
        )
    elif "," in cleaned or " " in cleaned:
        raise _refuse(
            original,
            QT_TRANSLATE_NOOP("numbers", "“{text}”的分隔符位置不对：千位分隔符（逗号或空格）须每三位一组，如 12,345"),
        )
    elif any(ch.isnumeric() and unicodedata.category(ch) in ("No", "Nd") and not ("0" <= ch <= "9") for ch in cleaned):
        raise _refuse(
            original, QT_TRANSLATE_NOOP("numbers", "“{text}”不是数字：含有上标、分数等不是普通阿拉伯数字的字符")
        )
    else:
        raise _refuse(original, QT_TRANSLATE_NOOP("numbers", "“{text}”不是数字"))
    value = float(number)
    if not math.isfinite(value):
        raise _refuse(original, QT_TRANSLATE_NOOP("numbers", "“{text}”不是有限的数字"))
    return value


def is_whole(value: float) -> bool:
    """Whether ``value`` is a whole number (a count of people or places is)."""
    return math.isfinite(value) and value == math.floor(value)


def format_number(value: float | None, decimals: int = 0, *, grouping: bool = True) -> str:
    """``value`` rounded to ``decimals`` places, with thousands separators; blank for ``None``."""
    if value is None:
        return ""
    decimals = max(decimals, 0)
    return f"{value:,.{decimals}f}" if grouping else f"{value:.{decimals}f}"


def format_figure(value: float | None, decimals: int, *, count: bool) -> str:
    """A plan figure (a target, an expected value) as a reader sees it: a count of people or places
    (人, 家 …) as a whole number, any other with the indicator's ``decimals``; "—" for none."""
    if value is None:
        return "—"
    return format_number(value, 0 if count else decimals)


def format_typed(value: float | None, *, grouping: bool = True) -> str:
    """A typed figure shown with every decimal it has: a clerk's 12.345 is never shown as 12.3."""
    if value is None:
        return ""
    text = f"{value:,.6f}" if grouping else f"{value:.6f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
