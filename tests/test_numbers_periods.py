import pytest

from xz_desktop.domain.messages import XzError
from xz_desktop.domain.numbers import format_number, format_typed, parse_number
from xz_desktop.domain.periods import Period, parse_period


@pytest.mark.parametrize(
    "text, value",
    [
        ("123", 123.0),
        ("1,234", 1234.0),
        ("1，234", 1234.0),
        ("１２３４．５", 1234.5),
        ("  42 ", 42.0),
        ("-3", -3.0),
        ("0", 0.0),
        ("35.4%", 35.4),
        ("３５．４％", 35.4),
        ("1 234", 1234.0),
        (7, 7.0),
        (0.0, 0.0),
    ],
)
def test_parse_number_accepts_chinese_habits(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "   ", None, "　"])
def test_blank_is_none_never_zero(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text", ["abc", "12a", "1.2.3", "nan", "inf", "一百", True])
def test_parse_number_refuses_non_numbers(text):
    with pytest.raises(XzError):
        parse_number(text)


def test_format():
    assert format_number(1234567.891, 2) == "1,234,567.89"
    assert format_number(None) == ""
    assert format_number(0.0) == "0"
    assert format_typed(12.345) == "12.345"
    assert format_typed(1200.0) == "1,200"
    assert format_typed(0.0) == "0"


def test_periods_parse_and_order():
    assert str(parse_period("2023")) == "2023"
    assert str(parse_period("2023h1")) == "2023H1"
    assert parse_period("2023H1") < parse_period("2023H2") < parse_period("2023") < parse_period("2024H1")
    assert parse_period("2023").previous() == Period(2022)
    assert str(parse_period("2023H2").previous()) == "2022H2"


@pytest.mark.parametrize("text", ["23", "2023H3", "1989", "2100", "abc", "2023-1", ""])
def test_periods_refused(text):
    with pytest.raises(XzError):
        parse_period(text)
