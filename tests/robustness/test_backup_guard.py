"""Issue 14 item 13: `aict backup --out` never overwrites what is not a backup of this database,
and the temporary files of an interrupted backup or restore are cleaned up."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from aict_desktop.config import Settings
from aict_desktop.domain.errors import StoreError
from aict_desktop.i18n import _
from aict_desktop.store import open_store, portable
from aict_desktop.store.autobackup import auto_backup, auto_name
from aict_desktop.store.backup import LEFTOVER_AGE, backup_to, restore_from
from tests.e2e.cli_helpers import aict

NOT_A_BACKUP = ("{path} already exists and is not a backup of this program's data, so it was not overwritten. "
                "Choose another file name.")
OTHER_DB = "{path} is a backup of another data file, so it was not overwritten. Choose another file name."


def prefix(msgid: str, path: Path) -> str:
    return _(msgid).format(path=path)


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def institutions(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM institution ORDER BY name")]


@pytest.fixture
def data(db_path):
    assert aict("init", db=db_path).returncode == 0
    add_institution(db_path, "서초구청")
    return db_path


def add_institution(db: Path, name: str) -> None:
    from aict_desktop.services.container import Services

    store = open_store(db)
    Services(store).roster.create_institution(name=name)
    store.dispose()


@pytest.mark.parametrize("content", [b"my thesis, final version\n", b"", b"SQLite format 3\x00" + b"\x00" * 200])
def test_an_unrelated_file_is_not_overwritten(data, tmp_path, content):
    target = tmp_path / "thesis.sqlite"
    target.write_bytes(content)
    before = snapshot(target)
    r = aict("backup", "--out", str(target), db=data)
    assert r.returncode == 1, r.stdout
    assert prefix(NOT_A_BACKUP, target.resolve()) in r.stderr + r.stdout
    assert "Traceback" not in r.stderr
    assert snapshot(target) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("thesis")) == ["thesis.sqlite"]


def test_another_databases_backup_is_not_overwritten(data, tmp_path):
    other = tmp_path / "other.sqlite"
    assert aict("init", db=other).returncode == 0
    add_institution(other, "다른 기관")
    target = tmp_path / "backup.sqlite"
    assert aict("backup", "--out", str(target), db=other).returncode == 0
    before = snapshot(target)
    r = aict("backup", "--out", str(target), db=data)
    assert r.returncode == 1, r.stdout
    assert prefix(OTHER_DB, target.resolve()) in r.stderr + r.stdout
    assert snapshot(target) == before and institutions(target) == ["다른 기관"]


def test_this_databases_own_earlier_backup_is_replaced(data, tmp_path):
    target = tmp_path / "backup.sqlite"
    assert aict("backup", "--out", str(target), db=data).returncode == 0
    add_institution(data, "강남구청")
    r = aict("backup", "--out", str(target), db=data)
    assert r.returncode == 0, r.stderr
    assert "강남구청" in institutions(target)


def test_a_folder_is_refused(data, tmp_path):
    folder = tmp_path / "folder.sqlite"
    folder.mkdir()
    r = aict("backup", "--out", str(folder), db=data)
    assert r.returncode == 1 and folder.is_dir() and not list(folder.iterdir())


def test_leftovers_of_an_interrupted_backup_and_restore_are_cleaned_up(data, tmp_path):
    target = tmp_path / "backup.sqlite"
    part = tmp_path / "backup.sqlite.part"
    part.write_bytes(b"half a backup")  # a garbage .part must neither stop nor spoil the backup
    restore_left = data.with_name(data.name + ".restore")
    restore_left.write_bytes(b"half a restore")
    old = time.time() - LEFTOVER_AGE - 60
    os.utime(restore_left, (old, old))
    assert aict("backup", "--out", str(target), db=data).returncode == 0
    assert not part.exists() and not restore_left.exists()
    assert institutions(target) == institutions(data)
    # a fresh .restore may belong to a restore running now: kept
    restore_left.write_bytes(b"in progress")
    assert aict("backup", "--out", str(target), db=data).returncode == 0
    assert restore_left.exists()


def test_restore_over_a_leftover_restore_file_works(data, tmp_path):
    target = tmp_path / "backup.sqlite"
    add_institution(data, "강남구청")
    assert aict("backup", "--out", str(target), db=data).returncode == 0
    add_institution(data, "나중 기관")
    data.with_name(data.name + ".restore").write_bytes(b"garbage from a crash")
    restore_from(data, target)
    assert "나중 기관" not in institutions(data) and "강남구청" in institutions(data)
    assert not data.with_name(data.name + ".restore").exists()


def test_automatic_backup_cleans_old_part_files_of_this_data_file(data, tmp_path):
    settings = Settings(backup_dir=str(tmp_path / "backups"), backup_keep=3, backup_on_exit=True)
    folder = settings.backup_folder()
    folder.mkdir(parents=True)
    import datetime as dt

    stale = folder / (auto_name(data, dt.date(2025, 1, 1)) + ".part")
    stale.write_bytes(b"x")
    foreign = folder / "someone-else.sqlite.part"
    foreign.write_bytes(b"x")
    old = time.time() - LEFTOVER_AGE - 60
    for p in (stale, foreign):
        os.utime(p, (old, old))
    store = open_store(data)
    try:
        assert auto_backup(store, settings) is not None
    finally:
        store.dispose()
    assert not stale.exists() and foreign.exists()


def test_server_mode_archives_are_guarded_the_same_way(tmp_path):
    """`aict backup` in server mode writes a portable archive; the same rule for what it replaces."""
    a = open_store(tmp_path / "a.sqlite", create=True)
    b = open_store(tmp_path / "b.sqlite", create=True)
    try:
        out = tmp_path / "a.zip"
        portable.dump(a, out)
        portable.dump(a, out)  # its own earlier archive: fine
        before = snapshot(out)
        with pytest.raises(StoreError, match="다른 데이터 파일|another data file"):
            portable.dump(b, out)
        assert snapshot(out) == before
        unrelated = tmp_path / "notes.zip"
        unrelated.write_bytes(b"PK\x05\x06" + b"\x00" * 18)
        with pytest.raises(StoreError):
            portable.dump(a, unrelated)
        with pytest.raises(StoreError):
            backup_to(a, out)  # an archive is not a SQLite backup of this file either
        assert snapshot(out) == before
    finally:
        a.dispose()
        b.dispose()


def test_opening_the_data_file_cleans_what_an_interrupted_restore_left(tmp_path):
    """A restore killed half-way leaves <data>.restore; the next start removes it (once it is stale)."""
    import os
    import time

    from aict_desktop.store import open_store

    db = tmp_path / "aict.sqlite"
    open_store(db, create=True).dispose()
    leftover = tmp_path / "aict.sqlite.restore"
    leftover.write_bytes(b"half a copy")
    old = time.time() - 3600
    os.utime(leftover, (old, old))
    open_store(db).dispose()
    assert not leftover.exists()
