import pytest

from xz_desktop.domain import progress
from xz_desktop.domain.trajectory import completion, expected

from .synthetic import synthetic_catalog


def on_track(ind, value, year):
    """The verdict's rule (domain/progress.py) for ``value`` at ``year`` on the catalog's trajectory; None: none."""
    goal = expected(ind, year, plan=CAT.plan)
    return None if value is None or goal is None else progress.on_track(ind, value, goal)


CAT = synthetic_catalog()


def test_compound_trajectory_for_a_growth_path():
    talent = CAT.indicator("talent")  # 12.21 → 14.71 万人, 年均增长 3.8 %
    assert expected(talent, 2020, plan=CAT.plan) == pytest.approx(12.21)
    assert expected(talent, 2025, plan=CAT.plan) == pytest.approx(14.71)
    assert expected(talent, 2021, plan=CAT.plan) == pytest.approx(12.21 * (14.71 / 12.21) ** 0.2)
    assert pytest.approx(0.038, abs=0.0005) == (14.71 / 12.21) ** 0.2 - 1


def test_linear_trajectory_and_completion():
    pct = CAT.indicator("pct")
    assert expected(pct, 2023, plan=CAT.plan) == pytest.approx(120 + 72 * 3 / 5)
    assert completion(pct, 156) == pytest.approx(0.5)
    assert completion(pct, 200) > 1  # exceeded: not clipped
    assert on_track(pct, 163.2, 2023) and not on_track(pct, 160, 2023)


def test_cumulative_flow_starts_from_zero():
    grads = CAT.indicator("grads")
    assert expected(grads, 2021, plan=CAT.plan) == pytest.approx(1.2)
    assert completion(grads, 3) == pytest.approx(0.5)


def test_at_most_target():
    waste = CAT.indicator("waste")  # 100 → at most 80
    assert expected(waste, 2023, plan=CAT.plan) == pytest.approx(88)
    assert on_track(waste, 85, 2023) and not on_track(waste, 90, 2023)
    assert completion(waste, 90) == pytest.approx(0.5)


def test_growth_rate_target_is_constant():
    growth = CAT.indicator("productivity_growth")
    assert (
        expected(growth, 2022, plan=CAT.plan) == 7 and on_track(growth, 7.2, 2022) and not on_track(growth, 6.5, 2022)
    )


def test_no_target_or_no_value_gives_none():
    assert expected(CAT.indicator("phd"), 2023, plan=CAT.plan) is None
    assert on_track(CAT.indicator("pct"), None, 2023) is None
    ratio = CAT.indicator("doctors_per_1000")  # a target but no base: judged only in 2025
    assert expected(ratio, 2023, plan=CAT.plan) is None and expected(ratio, 2025, plan=CAT.plan) == 3.23
    assert completion(ratio, 3.23) == pytest.approx(1.0)


def test_rounding_noise_meets_the_target():
    assert on_track(CAT.indicator("pct"), 192 - 1e-12, 2025)
