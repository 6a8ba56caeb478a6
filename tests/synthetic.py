"""A small catalog built in code, for domain tests that must not move when the plan's data is edited."""

from __future__ import annotations

from xz_desktop.domain.catalog import Catalog
from xz_desktop.domain.catalog_rows import catalog_from_rows


def row(code, aggregation, **kw):
    base = {
        "code": code,
        "name": kw.pop("name", code),
        "aggregation": aggregation,
        "entry_measure": kw.pop("entry", "人"),
        "display_measure": kw.pop("display", ""),
        "min": kw.pop("min", "0"),
    }
    base.update({k: "" if v is None else str(v) for k, v in kw.items()})
    return base


UNITS = [
    {"code": "big", "name": "大镇", "kind": "geographic", "type": "town", "sort": 1, "active": 1},
    {"code": "small", "name": "小镇", "kind": "geographic", "type": "town", "sort": 2, "active": 1},
    {"code": "health", "name": "卫健局", "kind": "sector", "type": "department", "sort": 3, "active": 1},
    {"code": "old", "name": "已撤并镇", "kind": "geographic", "type": "town", "sort": 4, "active": 0},
]


def synthetic_catalog() -> Catalog:
    indicators = [
        row(
            "talent",
            "stock",
            name="人才资源总量",
            display="万人",
            display_factor="0.0001",
            decimals=2,
            reported_by="geographic",
            base_2020="12.21",
            target_2025="14.71",
            target_sense="min",
            trajectory="compound",
            yoy_threshold="0.3",
        ),
        row("phd", "stock", name="博士", reported_by="geographic"),
        row("master", "stock", name="硕士", reported_by="geographic"),
        row(
            "phd_master",
            "sum",
            name="博士、硕士人才",
            parts="phd;master",
            base_2020="2223",
            target_2025="4750",
            target_sense="min",
        ),
        row("doctors", "stock", name="执业医师数", reported_by="geographic"),
        row("population", "stock", name="常住人口", reported_by="geographic"),
        row(
            "doctors_per_1000",
            "ratio",
            name="每千常住人口执业医师数",
            numerator="doctors",
            denominator="population",
            scale="1000",
            decimals=2,
            target_2025="3.23",
            target_sense="min",
            min="",
        ),
        row(
            "grads",
            "flow",
            name="新引进大学生",
            display="万名",
            display_factor="0.0001",
            reported_by="geographic",
            target_2025="6",
            target_basis="cumulative",
            target_sense="min",
        ),
        row(
            "pct",
            "flow",
            name="PCT国际专利申请量",
            entry="项",
            reported_by="health",
            base_2020="120",
            target_2025="192",
            target_sense="min",
        ),
        row(
            "fund",
            "district",
            name="专项资金",
            entry="万元",
            reported_by="health",
            base_2020="9066",
            target_2025="10510",
            target_sense="min",
        ),
        row("share", "stock", name="占比", entry="%", reported_by="geographic", max="100", usual_max="90"),
        row("productivity", "district", name="全员劳动生产率", entry="万元/人", reported_by="health", base_2020="15.5"),
        row(
            "productivity_growth",
            "growth",
            name="全员劳动生产率年均增长",
            entry="%",
            growth_of="productivity",
            target_2025="7",
            target_sense="min",
            trajectory="constant",
            min="",
        ),
        row(
            "waste",
            "stock",
            name="能耗",
            entry="吨",
            reported_by="geographic",
            base_2020="100",
            target_2025="80",
            target_sense="max",
        ),
    ]
    rules = [
        {
            "code": "phd_master_le_talent",
            "left": "phd+master",
            "op": "<=",
            "right": "talent",
            "message": "博士与硕士之和不能超过人才资源总量",
        }
    ]
    return catalog_from_rows(indicators, UNITS, rules)
