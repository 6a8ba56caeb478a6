"""The form knows whether its period already went out, and which figures changed since."""

from __future__ import annotations

from xz_desktop.domain.periods import Period
from xz_desktop.services import form as service
from xz_desktop.services.packages.merge import merge_files
from xz_desktop.services.packages.submission import make_package
from xz_desktop.store import open_store

from .test_package_support import district, town


def test_a_units_form_knows_its_package_and_what_changed_after_it(tmp_path):
    with town(tmp_path) as store:
        assert service.load_form(store, "xincheng", Period(2023)).submitted is None  # nothing exported yet
        made = make_package(store, ["2023"], tmp_path / "first.xzpkg")
        at = store.packages.exports()[0].exported_at
        sent = service.load_form(store, "xincheng", Period(2023)).submitted
        assert sent == service.Submitted(at, False, str(made.path), ())
        service.set_value(store, "xincheng", "phd", Period(2023), 51)
        service.set_explanation(store, "xincheng", "master", Period(2023), "口径调整")
        changed = service.load_form(store, "xincheng", Period(2023)).submitted
        assert changed is not None and changed.changed == ("phd", "master") and changed.changed_since
        assert service.load_form(store, "xincheng", Period(2024)).submitted is None  # another period: not sent


def test_the_districts_copy_says_when_the_package_was_received(tmp_path):
    with town(tmp_path) as store:
        made = make_package(store, ["2023"], tmp_path / "first.xzpkg")
    office = district(tmp_path)
    with open_store(office) as store:
        assert service.load_form(store, "xincheng", Period(2023)).submitted is None
        [result] = merge_files(store, [made.path]).results
        assert result.status == "merged", result.reason
        merged_at = store.packages.in_force()[0].merged_at
        received = service.load_form(store, "xincheng", Period(2023)).submitted
        assert received is not None and received.received and received.at == merged_at
        assert received.changed == ()  # the merged figures carry the unit's own times, all before the merge


def test_a_figure_changed_and_changed_back_is_not_counted_as_changed(tmp_path):
    with town(tmp_path) as store:
        service.set_value(store, "xincheng", "phd", Period(2023), 50)
        service.set_explanation(store, "xincheng", "master", Period(2023), "口径调整")
        make_package(store, ["2023"], tmp_path / "first.xzpkg")
        service.set_value(store, "xincheng", "phd", Period(2023), 51)
        service.set_value(store, "xincheng", "phd", Period(2023), 50)  # back to what the package holds
        service.set_explanation(store, "xincheng", "master", Period(2023), "改了又改")
        service.set_explanation(store, "xincheng", "master", Period(2023), "口径调整")  # and back
        service.set_value(store, "xincheng", "bachelor", Period(2023), 7)  # a real change
        sent = service.load_form(store, "xincheng", Period(2023)).submitted
        assert sent is not None and sent.changed == ("bachelor",)
