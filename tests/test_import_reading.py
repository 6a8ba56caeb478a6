"""An import's file read row by row, checked against what the unit already holds, and written with what was read.

The CSV is read with ``csv.reader`` (short rows blank, long rows refused, empty lines skipped); the checks and
the write share one read of the stored figures (``ValueTable.held``), which the write trusts only while
nothing has been written since. Every expected value here is worked out by hand.
"""

from __future__ import annotations

import pytest

from xz_desktop.domain.messages import XzError
from xz_desktop.services.imports import ImportRow, import_file, read_csv_rows
from xz_desktop.store import open_store
from xz_desktop.store.values import ValueChange

from .db_dump import dump


def test_csv_rows_short_blank_quoted_and_empty_lines(tmp_path):
    path = tmp_path / "v.csv"
    path.write_text(
        "Unit , indicator,PERIOD,value,explanation\n"
        " xincheng ,phd, 2023 , 12 ,\n"
        'xincheng,master,2023,"1,200","两行\n说明"\n'
        "xincheng,bachelor,2023\n"  # short: its value and 说明 are missing
        ",,,,\n"  # nothing in it: skipped
        "xincheng,senior_title,2023h1,7, 好 \n"
        "\n\n",  # empty lines at the end
        encoding="utf-8",
    )
    assert read_csv_rows(path) == [
        ImportRow("第 2 行", "xincheng", "phd", "2023", "12", ""),
        ImportRow("第 3 行", "xincheng", "master", "2023", "1,200", "两行\n说明"),
        ImportRow("第 4 行", "xincheng", "bachelor", "2023", "", None),
        ImportRow("第 6 行", "xincheng", "senior_title", "2023h1", "7", "好"),
    ]


def test_csv_without_explanation_column_and_a_long_row(tmp_path):
    path = tmp_path / "v.csv"
    path.write_text("unit,indicator,period,value\nxincheng,phd,2023,5\nxincheng,master,2023,1,200\n", encoding="utf-8")
    with pytest.raises(XzError) as refused:
        read_csv_rows(path)
    assert len(refused.value.details) == 1 and "第 3 行" in str(refused.value.details[0])
    assert "多出 1 列" in str(refused.value.details[0])
    path.write_text("unit,indicator,period,value\nxincheng,phd,2023,5\n", encoding="utf-8")
    assert read_csv_rows(path) == [ImportRow("第 2 行", "xincheng", "phd", "2023", "5", None)]


def _csv(tmp_path, rows, name="v.csv"):
    path = tmp_path / name
    path.write_text(
        "unit,indicator,period,value\n" + "".join(f"{u},{i},{p},{v}\n" for u, i, p, v in rows), encoding="utf-8"
    )
    return path


def test_an_error_held_before_is_not_blamed_on_the_file_a_new_one_is(unit_db, tmp_path):
    with open_store(unit_db) as store:
        # 博士 + 硕士 = 200 > 人才资源总量 100: an error the unit already holds (and 人才资源总量 without 从业人员数).
        store.values.write(
            [ValueChange("xincheng", c, "2023", v) for c, v in (("talent_total", 100), ("phd", 200), ("master", 0))]
        )
        result = import_file(store, _csv(tmp_path, [("xincheng", "senior_title", "2023", 5)]))
        assert result.written == 1
        assert store.values.get("xincheng", "senior_title", "2023").value == 5
        before = dump(unit_db)
        with pytest.raises(XzError) as refused:  # now 300 + 0 > 100: another error, the file's
            import_file(store, _csv(tmp_path, [("xincheng", "phd", "2023", 300)]))
        # Only 博士与硕士之和 changed its text (本科 is blank: that rule is not checked); the missing 从业人员数 stays.
        assert [str(d) for d in refused.value.details] == [
            # 博士 300 alone exceeds 人才资源总量 100 (no last year to say otherwise): 博士 is the suspect
            "第 2 行：博士与硕士之和不能超过人才资源总量：博士 300 + 硕士 0 = 300，超过人才资源总量 100；"
            "最可能填错的是“博士”"
        ]
    assert dump(unit_db) == before


def test_a_file_of_halves_is_checked_against_the_stored_year(unit_db, tmp_path):
    with open_store(unit_db) as store:
        store.values.write([ValueChange("xincheng", "new_graduates", "2023", 10)])
        before = dump(unit_db)
        halves = [("xincheng", "new_graduates", "2023H1", 3), ("xincheng", "new_graduates", "2023H2", 4)]
        with pytest.raises(XzError) as refused:
            import_file(store, _csv(tmp_path, halves))
        assert len(refused.value.details) == 2  # each half against the year: 3 + 4 = 7, not 10
        assert all("与全年 10" in str(d) and "= 7" in str(d) for d in refused.value.details)
        assert "第 2 行" in str(refused.value.details[0]) and "第 3 行" in str(refused.value.details[1])
        assert dump(unit_db) == before
        halves[1] = ("xincheng", "new_graduates", "2023H2", 7)
        assert import_file(store, _csv(tmp_path, halves)).written == 2


def test_a_write_given_held_figures_reads_again_once_anything_was_written(unit_db):
    with open_store(unit_db) as store, open_store(unit_db) as other:
        store.values.write([ValueChange("xincheng", "phd", "2023", 5), ValueChange("xincheng", "phd", "2024", 1)])
        held = store.values.held({"xincheng"}, {"2023"})
        assert held.of("xincheng", "2023")["phd"].revision == 1
        other.values.write([ValueChange("xincheng", "phd", "2023", 6)])  # another connection: revision 2
        (row,) = store.values.write([ValueChange("xincheng", "phd", "2023", 7)], held=held)
        assert row.revision == 3
        held = store.values.held({"xincheng"}, {"2023"})
        store.values.write([ValueChange("xincheng", "phd", "2023", 8)])  # this connection: revision 4
        (row,) = store.values.write([ValueChange("xincheng", "phd", "2023", 9)], held=held)
        assert row.revision == 5
        # Held figures that do not cover a change (2024 was not read): what is stored is read.
        held = store.values.held({"xincheng"}, {"2023"})
        (row,) = store.values.write([ValueChange("xincheng", "phd", "2024", 2)], held=held)
        assert row.revision == 2
        # Unchanged since: trusted, and an unchanged figure is still left alone.
        held = store.values.held({"xincheng"}, {"2023", "2024"})
        assert store.values.write([ValueChange("xincheng", "phd", "2023", 9)], held=held) == []
        (row,) = store.values.write([ValueChange("xincheng", "phd", "2024", 3, "说明")], held=held)
        assert (row.revision, row.explanation) == (3, "说明")
        audit = [
            (a.action, a.old_value, a.new_value, a.revision) for a in store.values.history("xincheng", "phd", "2023")
        ]
        assert audit == [
            ("insert", None, 5.0, 1),
            ("update", 5.0, 6.0, 2),
            ("update", 6.0, 7.0, 3),
            ("update", 7.0, 8.0, 4),
            ("update", 8.0, 9.0, 5),
        ]


def test_rows_are_named_as_excel_numbers_them_after_an_empty_line(tmp_path):
    path = tmp_path / "v.csv"
    path.write_text(
        "unit,indicator,period,value\n"  # row 1
        "xincheng,phd,2023,5\n"  # row 2
        "\n"  # row 3: empty, as Excel shows it
        'xincheng,master,2023,"1,200"\n'  # row 4
        "xincheng,bachelor,2023,1,200\n",  # row 5: one column too many
        encoding="utf-8",
    )
    with pytest.raises(XzError) as refused:
        read_csv_rows(path)
    assert [str(d).split("：")[0] for d in refused.value.details] == ["第 5 行"]
    path.write_text("unit,indicator,period,value\n\n\nxincheng,phd,2023,5\n", encoding="utf-8")
    assert read_csv_rows(path) == [ImportRow("第 4 行", "xincheng", "phd", "2023", "5", None)]


def test_figures_held_inside_a_transaction_that_is_rolled_back_are_not_trusted(tmp_path):
    from xz_desktop.store import create_store, open_store
    from xz_desktop.store.values import ValueChange

    path = tmp_path / "u.sqlite"
    create_store(path, "unit", "xincheng", author="张三").close()

    class Undo(Exception):
        pass

    with open_store(path) as store:
        try:
            with store.transaction():
                store.values.write([ValueChange("xincheng", "phd", "2023", 5.0)], "张三")
                held = store.values.held({"xincheng"}, {"2023"})  # says phd = 5, revision 1 …
                raise Undo
        except Undo:
            pass  # … which is undone
        assert store.values.get("xincheng", "phd", "2023") is None
        written = store.values.write([ValueChange("xincheng", "phd", "2023", 5.0)], "张三", held=held)
        assert len(written) == 1, "the figure is new: it is written, not taken as unchanged"
        stored = store.values.get("xincheng", "phd", "2023")
        assert (stored.value, stored.revision) == (5.0, 1)
        assert [(h.old_value, h.new_value) for h in store.values.history("xincheng", "phd", "2023")] == [(None, 5.0)]


def test_figures_held_by_one_connection_are_not_trusted_by_another(tmp_path):
    from xz_desktop.store import create_store, open_store
    from xz_desktop.store.values import ValueChange

    path = tmp_path / "u.sqlite"
    create_store(path, "unit", "xincheng", author="张三").close()
    first = open_store(path)
    held = first.values.held({"xincheng"}, {"2023"})  # holds nothing
    with open_store(path) as other:
        other.values.write([ValueChange("xincheng", "phd", "2023", 5.0)], "李四")
    first.close()
    with open_store(path) as second:  # a fresh connection: its counters start where first's did
        second.values.write([ValueChange("xincheng", "phd", "2023", 6.0)], "张三", held=held)
        stored = second.values.get("xincheng", "phd", "2023")
        assert (stored.value, stored.revision) == (6.0, 2), "an edit of the figure 李四 wrote, not a new one"
        history = second.values.history("xincheng", "phd", "2023")
        assert [(h.old_value, h.new_value) for h in history] == [(None, 5.0), (5.0, 6.0)]


def test_an_import_reads_what_is_stored_once_for_its_checks_and_its_write(tmp_path, monkeypatch):
    from xz_desktop.services.imports import import_file
    from xz_desktop.store import create_store, open_store
    from xz_desktop.store.values import ValueTable

    path = tmp_path / "u.sqlite"
    create_store(path, "unit", "xincheng", author="张三").close()
    csv_path = tmp_path / "v.csv"
    csv_path.write_text("unit,indicator,period,value\nxincheng,phd,2023,5\nxincheng,master,2023,50\n", encoding="utf-8")

    def read_again(self, changes):
        raise AssertionError("the write read what is stored again")

    monkeypatch.setattr(ValueTable, "_stored", read_again)
    with open_store(path) as store:
        assert import_file(store, csv_path, "张三").written == 2
        assert store.values.get("xincheng", "master", "2023").value == 50
