"""Three levels end to end through the real ``xz`` (issue 14): towns → 秀洲区 → 嘉兴市 → 浙江省.

Every total is worked out by hand from the figures typed here: the city's ratio is the ratio of the
summed district components, never a mean of the districts' ratios.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_xz
from xz_desktop.domain.catalog_rows import load_catalog_dir
from xz_desktop.domain.levels import carried, level_fingerprint, load_level
from xz_desktop.domain.periods import Period
from xz_desktop.services.imports import import_file
from xz_desktop.services.packages.upward import make_upward_package
from xz_desktop.services.signing.enrolment import enrol, init_from_enrolment
from xz_desktop.store import create_store, open_store

CITY = ROOT / "resources" / "catalogs" / "jiaxing"
PROVINCE = ROOT / "resources" / "catalogs" / "zhejiang"
TOWNS = ["xincheng", "jiabei", "tanghui"]
# the other six of 嘉兴's seven, as 秀洲区's catalog folder says who it is
OTHERS = ["330402", "330421", "330424", "330481", "330482", "330483"]


def ok(*args) -> str:
    done = run_xz(*args)
    assert done.returncode == 0, f"xz {' '.join(map(str, args))}: {done.stderr}"
    return done.stdout


def figures(k: int, t: int) -> tuple[int, int]:
    """人才资源总量 and 从业人员数 of town ``t`` in district ``k`` (0 is 秀洲区)."""
    return 1000 * (k + 1) + 100 * t, 20000 + 1000 * k + 500 * t


def district_folder(tmp_path: Path, code: str) -> Path:
    """A district's catalog folder: the shipped one with three towns (and the departments)."""
    folder = tmp_path / f"catalog-{code}"
    shutil.copytree(ROOT / "resources" / "catalog", folder)
    lines = (folder / "units.csv").read_text(encoding="utf-8").splitlines()
    kept = [lines[0]] + [line for line in lines[1:] if line.split(",")[0] in TOWNS or ",sector," in line]
    (folder / "units.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    if code != "330411":
        (folder / "level.csv").write_text(f"code,name,above_code,above_name\n{code},区{code},330400,嘉兴市\n", "utf-8")
    return folder


def enrolled_above(above: Path, below: Path, code: str) -> None:
    """The level above enrols ``code``; the aggregating database ``below`` takes the enrolment file (CLI)."""
    enrolment = below.with_suffix(".xzenrol")
    ok("enrol", above, "--unit", code, "-o", enrolment)
    ok("init", below, "--enrolment", enrolment)


def other_district(tmp_path: Path, city: Path, code: str, rows: list[tuple[str, str, int]]) -> Path:
    """A district database of ``code``, enrolled at ``city``, holding ``rows`` for 2023, and its upward package."""
    folder = district_folder(tmp_path, code)
    db = tmp_path / f"{code}.sqlite"
    create_store(db, "district", catalog=load_catalog_dir(folder), author="测试", level=load_level(folder)).close()
    with open_store(city) as above:
        enrolment = enrol(above, code, tmp_path / f"{code}.xzenrol").file
    init_from_enrolment(db, enrolment)
    (tmp_path / f"{code}.csv").write_text(csv_of(rows), encoding="utf-8")
    with open_store(db) as store:
        import_file(store, tmp_path / f"{code}.csv")
        return make_upward_package(store, [Period(2023)], tmp_path / f"{code}.xzpkg").path


def csv_of(rows: list[tuple[str, str, int]]) -> str:
    return "unit,indicator,period,value\n" + "".join(f"{u},{i},2023,{v}\n" for u, i, v in rows)


def test_the_three_catalog_levels_carry_the_same_meaning():
    district, city, province = (load_catalog_dir(d) for d in (ROOT / "resources" / "catalog", CITY, PROVINCE))
    assert level_fingerprint(district) == level_fingerprint(city) == level_fingerprint(province)
    assert [u.code for u in city.units] == ["330402", "330411", "330421", "330424", "330481", "330482", "330483"]
    assert [u.name for u in city.units] == ["南湖区", "秀洲区", "嘉善县", "海盐县", "海宁市", "平湖市", "桐乡市"]
    assert load_level(ROOT / "resources" / "catalog").code == "330411"
    assert (load_level(CITY).code, load_level(CITY).above_code) == ("330400", "330000")
    assert load_level(PROVINCE).above_code == ""
    assert "330400" in {u.code for u in province.units}
    # every stock and flow travels; every unit of the level above reports it
    assert all(city.reporters(i) == city.units for i in carried(city))


@pytest.mark.slow
@pytest.mark.timeout(900)  # about 25 runs of the real xz: minutes on a loaded machine
def test_towns_district_city_province_through_the_command_line(tmp_path):
    # -- towns → 秀洲区, through packages -----------------------------------------------------------
    folder = district_folder(tmp_path, "330411")
    xiuzhou = tmp_path / "xiuzhou.sqlite"
    out = ok("init", xiuzhou, "--district", "--catalog", folder)
    assert "区级汇总" in out
    town_packages = []
    for t, town in enumerate(TOWNS):
        db = tmp_path / f"{town}.sqlite"
        ok("enrol", xiuzhou, "--unit", town, "-o", tmp_path / f"{town}.xzenrol")
        ok("init", db, "--enrolment", tmp_path / f"{town}.xzenrol")
        talent, employed = figures(0, t)
        (tmp_path / f"{town}.csv").write_text(
            csv_of([(town, "talent_total", talent), (town, "employed", employed)]), encoding="utf-8"
        )
        ok("import", db, tmp_path / f"{town}.csv")
        if t < 2:  # the third town is late: 秀洲区's totals are partial and must not travel
            ok("package", db, "--period", "2023", "-o", tmp_path / f"{town}.xzpkg")
            town_packages.append(tmp_path / f"{town}.xzpkg")
    ok("merge", xiuzhou, *town_packages)
    # 秀洲区 signs its upward package as a unit of 嘉兴市: not enrolled there, it is told how to be
    unenrolled = run_xz("package", xiuzhou, "--period", "2023", "-o", tmp_path / "330411.xzpkg")
    assert unenrolled.returncode == 1 and "还没有在上一级（嘉兴市）登记" in unenrolled.stderr
    assert not (tmp_path / "330411.xzpkg").exists()
    city = tmp_path / "jiaxing.sqlite"
    assert "嘉兴市" in ok("init", city, "--district", "--catalog", CITY)
    enrolled_above(city, xiuzhou, "330411")
    partial = run_xz("package", xiuzhou, "--period", "2023", "-o", tmp_path / "none.xzpkg")
    assert partial.returncode == 1 and "已报 2/3 个单位" in partial.stderr
    assert not (tmp_path / "none.xzpkg").exists()

    ok("package", tmp_path / "tanghui.sqlite", "--period", "2023", "-o", tmp_path / "tanghui.xzpkg")
    ok("merge", xiuzhou, tmp_path / "tanghui.xzpkg")
    assert run_xz("package", xiuzhou, "--period", "2023", "--nil", "无").returncode == 2
    made = json.loads(ok("package", xiuzhou, "--period", "2023", "-o", tmp_path / "330411.xzpkg", "--json"))
    assert (made["unit"], made["above"], made["values"], made["withheld"]) == ("330411", "330400", 2, [])

    # -- the six other districts, each an aggregating database of its own (made through the same services
    # in this process: the command line path is 秀洲区's, above; six more interpreters add only minutes)
    district_packages = [tmp_path / "330411.xzpkg"]
    for k, code in enumerate(OTHERS, start=1):
        rows = [
            row for t, town in enumerate(TOWNS) for row in zip([town] * 2, ["talent_total", "employed"], figures(k, t))
        ]
        district_packages.append(other_district(tmp_path, city, code, rows))

    # -- 嘉兴市 merges its seven ----------------------------------------------------------------------
    results = json.loads(ok("merge", city, *reversed(district_packages), "--json"))
    assert [r["status"] for r in results] == ["merged"] * 7
    assert {r["unit"] for r in results} == {"330411", *OTHERS}
    again = json.loads(ok("merge", city, *district_packages, "--json"))
    assert [r["status"] for r in again] == ["unchanged"] * 7  # idempotent

    talent = sum(figures(k, t)[0] for k in range(7) for t in range(3))
    employed = sum(figures(k, t)[1] for k in range(7) for t in range(3))
    # by hand: 3·1000·(1+…+7) + 7·100·(0+1+2) = 86,100; 21·20000 + 3·1000·(0+…+6) + 7·500·(0+1+2) = 493,500
    assert (talent, employed) == (86100, 493500)
    rows = {r["code"]: r for r in json.loads(ok("totals", city, "--period", "2023", "--json"))}
    assert rows["talent_total"]["units_reported"] == [
        "330402",
        "330411",
        "330421",
        "330424",
        "330481",
        "330482",
        "330483",
    ]
    assert rows["talent_total"]["units_missing"] == []
    ratio = rows["talent_per_10k_employed"]
    assert ratio["numerator"] == talent and ratio["denominator"] == employed
    assert ratio["value"] == pytest.approx(86100 / 493500 * 10000)  # ≈ 1744.68
    mean_of_ratios = (
        sum(sum(figures(k, t)[0] for t in range(3)) / sum(figures(k, t)[1] for t in range(3)) for k in range(7))
        / 7
        * 10000
    )
    assert ratio["value"] != pytest.approx(mean_of_ratios, rel=1e-6)

    # provenance: the city knows which package each district's figure came from
    log = json.loads(ok("log", city, "--json"))
    assert {e["unit"] for e in log} == {"330411", *OTHERS}

    # -- a district corrects a figure and sends again: the city takes the newer revision --------------
    ok("set", tmp_path / "330402.sqlite", "talent_total", "1500", "--unit", "xincheng", "--period", "2023")
    ok("package", tmp_path / "330402.sqlite", "--period", "2023", "-o", tmp_path / "330402-b.xzpkg")
    [r] = json.loads(ok("merge", city, tmp_path / "330402-b.xzpkg", "--json"))
    assert (r["status"], r["updated"], r["conflicts"]) == ("merged", 1, 0)
    rows = {r["code"]: r for r in json.loads(ok("totals", city, "--period", "2023", "--json"))}
    talent_after = talent - figures(1, 0)[0] + 1500
    assert rows["talent_total"]["value"] == pytest.approx(talent_after / 10000)  # displayed in 万人
    assert rows["talent_per_10k_employed"]["value"] == pytest.approx(talent_after / employed * 10000)

    # -- 嘉兴市 → 浙江省 -----------------------------------------------------------------------------
    province = tmp_path / "zhejiang.sqlite"
    ok("init", province, "--district", "--catalog", PROVINCE)
    enrolled_above(province, city, "330400")
    made = json.loads(ok("package", city, "--period", "2023", "-o", tmp_path / "330400.xzpkg", "--json"))
    assert (made["unit"], made["above"], made["values"]) == ("330400", "330000", 2)
    [r] = json.loads(ok("merge", province, tmp_path / "330400.xzpkg", "--json"))
    assert (r["status"], r["unit"], r["inserted"]) == ("merged", "330400", 2)
    rows = {r["code"]: r for r in json.loads(ok("totals", province, "--period", "2023", "--json"))}
    ratio = rows["talent_per_10k_employed"]
    assert (ratio["numerator"], ratio["denominator"]) == (talent_after, employed)
    assert len(rows["talent_total"]["units_missing"]) == 10  # ten cities have not reported: a partial total
    top = run_xz("package", province, "--period", "2023", "-o", tmp_path / "p.xzpkg")
    assert top.returncode == 1 and "没有上一级" in top.stderr


def test_a_package_of_another_level_meaning_is_refused(tmp_path):
    """A city whose indicators mean something else does not read a district's upward package."""
    folder = district_folder(tmp_path, "330411")
    district = tmp_path / "d.sqlite"
    ok("init", district, "--district", "--catalog", folder)
    rows = [(t, "talent_total", 100 + n) for n, t in enumerate(TOWNS)] + [
        (t, "employed", 1000 + n) for n, t in enumerate(TOWNS)
    ]
    (tmp_path / "f.csv").write_text(csv_of(rows), encoding="utf-8")
    ok("import", district, tmp_path / "f.csv")
    other = tmp_path / "city-cat"
    shutil.copytree(CITY, other)
    text = (
        (other / "indicators.csv")
        .read_text(encoding="utf-8")
        .replace(",talent_total,人才资源总量,", ",talent_total,人才资源总量,", 1)
    )
    lines = text.splitlines()
    lines = [
        line.replace(",人,万人,", ",万人,万人,", 1) if line.startswith("talent_total,") else line for line in lines
    ]
    (other / "indicators.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    city = tmp_path / "c.sqlite"
    ok("init", city, "--district", "--catalog", other)
    enrolled_above(city, district, "330411")  # signed by a unit the city knows: only the meaning is judged
    ok("package", district, "--period", "2023", "-o", tmp_path / "up.xzpkg")
    done = run_xz("merge", city, tmp_path / "up.xzpkg", "--json")
    assert done.returncode == 1
    [result] = json.loads(done.stdout)
    assert result["status"] == "refused" and "从未使用过的指标目录" in result["reason"]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("code,name\n330411,秀洲区\n", "缺少列"),
        ("code,name,above_code,above_name\n", "恰好有一行"),
        ("code,name,above_code,above_name\n330411,秀洲区,330400,嘉兴市\n330402,南湖区,330400,嘉兴市\n", "恰好有一行"),
        ("code,name,above_code,above_name\n33041,秀洲区,330400,嘉兴市\n", "六位行政区划代码"),
        ("code,name,above_code,above_name\n330411,,330400,嘉兴市\n", "不能为空"),
        ("code,name,above_code,above_name\n330411,秀洲区,330400,\n", "同时填写"),
        ("code,name,above_code,above_name\n330411,秀洲区,330411,秀洲区\n", "本级自己"),
        ("code,name,above_code,above_name\n330411," + "长" * 41 + ",330400,嘉兴市\n", "超过 40 个字"),
    ],
)
def test_level_file_is_checked_like_every_catalog_file(text, says):
    from xz_desktop.domain.levels import parse_level
    from xz_desktop.domain.messages import XzError

    with pytest.raises(XzError) as caught:
        parse_level(text)
    assert says in str(caught.value) and "level.csv" in str(caught.value)


def test_level_file_with_bom_and_no_level_above():
    from xz_desktop.domain.levels import Level, parse_level

    assert parse_level("\ufeffcode,name,above_code,above_name\n330000,浙江省,,\n") == Level("330000", "浙江省")


@pytest.mark.timeout(600)
def test_a_numerator_whose_denominator_is_held_back_stays_home_and_the_rest_is_merged(tmp_path):
    """秀洲区's 2024 常住人口 is partial (塘汇街道 late) but its 医师数 (one reporter, 区卫健局) is complete: the
    医师数 of 2024 stays home with it, and 嘉兴市 merges the package (2023 whole, 2024's other figures), counting
    秀洲区 missing for 每千常住人口医师数 of 2024 only (issue 24, item 9)."""
    folder = district_folder(tmp_path, "330411")
    xiuzhou = tmp_path / "xiuzhou.sqlite"
    create_store(xiuzhou, "district", catalog=load_catalog_dir(folder), author="测试", level=load_level(folder)).close()
    city = tmp_path / "jiaxing.sqlite"
    ok("init", city, "--district", "--catalog", CITY)
    with open_store(city) as above:
        enrolment = enrol(above, "330411", tmp_path / "330411.xzenrol").file
    init_from_enrolment(xiuzhou, enrolment)
    population = {"2023": [100000, 80000, 60000], "2024": [101000, 81000, None]}  # 塘汇街道's 2024 not in yet
    rows = ["unit,indicator,period,value"]
    for period, people in population.items():
        rows += [f"{town},resident_population,{period},{n}" for town, n in zip(TOWNS, people) if n is not None]
        rows += [f"{town},talent_total,{period},{1000 * (t + 1)}" for t, town in enumerate(TOWNS)]
        rows += [f"{town},employed,{period},{20000 + 1000 * t}" for t, town in enumerate(TOWNS)]
    rows += ["health,physicians,2023,600", "health,physicians,2024,630"]
    (tmp_path / "x.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    with open_store(xiuzhou) as store:
        import_file(store, tmp_path / "x.csv")
    made = json.loads(
        ok("package", xiuzhou, "--period", "2023", "--period", "2024", "-o", tmp_path / "u.xzpkg", "--json")
    )
    # 2023: 常住人口, 人才资源总量, 从业人员数, 医师数; 2024: 人才资源总量, 从业人员数 — 6 figures
    assert made["values"] == 6
    assert sorted((w["period"], w["indicator"], w["lacks"]) for w in made["withheld"]) == [
        ("2024", "physicians", "resident_population"),
        ("2024", "resident_population", ""),
    ]
    text = ok("package", xiuzhou, "--period", "2024", "-o", tmp_path / "u2.xzpkg")
    assert "2024 执业（助理）医师数：常住人口未上报" in text and "2024 常住人口：已报 2/3 个单位" in text

    [merged] = json.loads(ok("merge", city, tmp_path / "u.xzpkg", "--json"))
    assert (merged["status"], merged["inserted"]) == ("merged", 6)
    y2023 = {r["code"]: r for r in json.loads(ok("totals", city, "--period", "2023", "--json"))}
    y2024 = {r["code"]: r for r in json.loads(ok("totals", city, "--period", "2024", "--json"))}
    # 2023 by hand: 600 physicians ÷ (100,000 + 80,000 + 60,000 = 240,000) residents × 1000 = 2.5
    ratio = y2023["physicians_per_1000"]
    assert (ratio["numerator"], ratio["denominator"]) == (600, 240000) and ratio["value"] == pytest.approx(2.5)
    assert "330411" in ratio["units_reported"]
    # 2024: 秀洲区 is missing for the ratio (and its parts, which stayed home) …
    for code in ("physicians_per_1000", "physicians", "resident_population"):
        assert "330411" in y2024[code]["units_missing"] and "330411" not in y2024[code]["units_reported"], code
    # … and nothing else: 人才资源总量 1000 + 2000 + 3000 = 6,000; 从业人员数 20,000 + 21,000 + 22,000 = 63,000
    per_employed = y2024["talent_per_10k_employed"]
    assert "330411" in per_employed["units_reported"]
    assert (per_employed["numerator"], per_employed["denominator"]) == (6000, 63000)
