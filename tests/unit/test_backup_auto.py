"""Automatic daily backups with rotation; restore validated before anything is replaced."""

import datetime as dt
import os
import sqlite3
import time

import pytest

from aict_desktop.config import Settings
from aict_desktop.domain.errors import StoreError
from aict_desktop.store import open_store
from aict_desktop.store.autobackup import auto_backup, auto_backups, is_due
from aict_desktop.store.backup import backup_to, restore_from
from aict_desktop.store.instance_lock import InstanceLock

pytestmark = pytest.mark.sqlite_only
DAY = dt.date(2025, 6, 5)


def _settings(tmp_path, keep=3, on_exit=True):
    return Settings(backup_dir=str(tmp_path / "backups"), backup_keep=keep, backup_on_exit=on_exit)


def _touch_data(services, name):
    services.roster.create_institution(name=name)


def test_one_backup_a_day_refreshed_on_exit_when_the_data_changed(services, tmp_path):
    st = _settings(tmp_path)
    first = auto_backup(services.store, st, today=DAY)
    assert first.name == "aict-auto-2025-06-05.sqlite"
    assert auto_backup(services.store, st, today=DAY) is None  # nothing changed since
    time.sleep(1.1)
    _touch_data(services, "서초구청")
    assert is_due(services.store, st, today=DAY)
    again = auto_backup(services.store, st, today=DAY, on_exit=True)
    assert again == first and len(auto_backups(st.backup_folder(), services.store.path)) == 1
    with sqlite3.connect(again) as conn:
        assert conn.execute("SELECT name FROM institution").fetchall() == [("서초구청",)]
    assert auto_backup(services.store, _settings(tmp_path, on_exit=False), today=DAY + dt.timedelta(1),
                       on_exit=True) is None


def test_rotation_keeps_n_and_never_touches_other_backups(services, tmp_path):
    st = _settings(tmp_path, keep=3)
    st.backup_folder().mkdir(parents=True)
    manual = backup_to(services.store, st.backup_folder() / "aict-manual.sqlite")
    for i in range(6):
        _touch_data(services, f"기관{i}")
        os.utime(services.store.path, (time.time() + i + 1, time.time() + i + 1))
        auto_backup(services.store, st, today=DAY + dt.timedelta(days=i))
    kept = [p.name for p in auto_backups(st.backup_folder(), services.store.path)]
    assert kept == ["aict-auto-2025-06-08.sqlite", "aict-auto-2025-06-09.sqlite", "aict-auto-2025-06-10.sqlite"]
    assert manual.exists()


def test_default_settings_keep_14_in_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("AICT_DATA_DIR", str(tmp_path / "d"))
    st = Settings()
    assert st.backup_keep == 14 and st.backup_folder() == tmp_path / "d" / "backups"


def test_backup_folder_that_cannot_be_made_is_a_clear_error(services, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="백업 폴더"):
        auto_backup(services.store, Settings(backup_dir=str(blocker / "sub")), today=DAY)


def _bytes(path):
    return path.read_bytes()


@pytest.mark.parametrize("make", ["text", "foreign", "truncated", "newer", "other_app"])
def test_restore_refuses_bad_files_and_changes_nothing(services, tmp_path, make):
    _touch_data(services, "서초구청")
    services.store.dispose()
    db = services.store.path
    good = backup_to(open_store(db), tmp_path / "good.sqlite")
    bad = tmp_path / "bad.sqlite"
    if make == "text":
        bad.write_text("이름,소속\n홍길동,서초구청\n", encoding="utf-8")
    elif make == "foreign":
        with sqlite3.connect(bad) as conn:
            conn.execute("CREATE TABLE customers (id INTEGER)")
    elif make == "truncated":
        bad.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 3])
    elif make == "newer":
        bad.write_bytes(good.read_bytes())
        with sqlite3.connect(bad) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999'")
    else:
        bad.write_bytes(good.read_bytes())
        with sqlite3.connect(bad) as conn:
            conn.execute("UPDATE setting SET value = 'another-app' WHERE key = 'app'")
    before = _bytes(db)
    with pytest.raises(StoreError):
        restore_from(db, bad)
    assert _bytes(db) == before
    assert not list(tmp_path.glob("*-replaced-*"))


def test_restore_keeps_the_replaced_file_and_is_refused_while_the_program_is_open(services, tmp_path):
    _touch_data(services, "서초구청")
    backup = backup_to(services.store, tmp_path / "b.sqlite")
    _touch_data(services, "나중에 추가")
    services.store.dispose()
    db = services.store.path
    with InstanceLock(db):
        with pytest.raises(StoreError, match="다른 창"):
            restore_from(db, backup)
    kept = restore_from(db, backup)
    with sqlite3.connect(db) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM institution")] == ["서초구청"]
    with sqlite3.connect(kept) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT name FROM institution")) == ["나중에 추가", "서초구청"]
    restored = open_store(db)
    try:
        from aict_desktop.store.audit import entries, verify_chain

        assert entries(restored, limit=1)[0].action == "backup.restore"
        assert verify_chain(restored) is None
    finally:
        restored.dispose()
