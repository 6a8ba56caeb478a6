"""The officer's name: never a system account's login ("root") on a decision a unit reads (issue 23, item 5)."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from xz_desktop.store import core, create_store, open_store

from .conftest import run_xz


def _xz(env_user: str, *args) -> subprocess.CompletedProcess:
    env = {**os.environ, "LOGNAME": env_user, "USER": env_user, "LNAME": env_user, "USERNAME": env_user}
    return run_xz(*args, env=env)


def test_init_without_author_as_root_records_the_office_and_says_so(tmp_path):
    db = tmp_path / "d.sqlite"
    done = _xz("root", "init", db, "--district")
    assert done.returncode == 0, done.stderr
    assert "--author" in done.stderr and "root" in done.stderr
    with open_store(db) as store:
        assert store.author == "秀洲区（区级汇总）"
    # the name a 退回 carries, as the unit reads it in its banner and every review-log row
    assert _xz("root", "due", db, "--period", "2023", "--date", "2024-01-31").returncode == 0
    [entry] = json.loads(_xz("root", "review-log", db, "--json").stdout)
    assert entry["by"] == "秀洲区（区级汇总）"


def test_init_with_author_keeps_it_and_a_personal_login_is_taken(tmp_path):
    named = tmp_path / "named.sqlite"
    assert _xz("root", "init", named, "--district", "--author", "李审核").returncode == 0
    with open_store(named) as store:
        assert store.author == "李审核"
    personal = tmp_path / "personal.sqlite"
    done = _xz("wangwu", "init", personal, "--district")
    assert done.returncode == 0 and "本机登录名" in done.stderr
    with open_store(personal) as store:
        assert store.author == "wangwu"


@pytest.mark.parametrize("login", ["root", "Administrator", "SYSTEM", "unknown"])
def test_a_database_without_author_never_shows_a_system_account(tmp_path, monkeypatch, login):
    monkeypatch.setattr(core, "default_author", lambda: login)
    path = tmp_path / "u.sqlite"
    create_store(path, "unit", "xincheng").close()  # an old copy made without a name
    with open_store(path) as store:
        assert store.author == "新城街道"
