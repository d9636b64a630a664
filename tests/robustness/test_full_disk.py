"""A full disk or a read-only data file: a clear message, nothing half-written, the file still sound.

Three ways to fill or lock the disk, from the most portable: SQLite's
``max_page_count`` (the engine's own "disk full"), a real 400 KB tmpfs
(needs permission to mount; skipped elsewhere), and an immutable file
(``chattr +i``, refused even to root; skipped where unsupported).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import subprocess
import sys

import pytest
from sqlalchemy import event

from aict_desktop.domain.errors import StoreError
from aict_desktop.services.container import Services
from aict_desktop.store import open_store
from aict_desktop.store.backup import backup_to
from aict_desktop.store.integrity import run_checks
from tests.e2e.cli_helpers import aict

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Linux file-system tricks")
BIG = "가나다라마바사 아자차카타파하 " * 10_000  # 160,000 characters, ~420 KB of minutes


def _meeting(services):
    body = services.bodies.create_body(name="서초AICT 운영위원회")
    m = services.meetings.create(body.id, starts_at=dt.datetime(2025, 7, 10, 14))
    item = services.meetings.add_item(m.id, "사업 추진 현황")
    services.meetings.save_notes(item.id, "처음 메모")
    return m.id, item.id


def _notes(services, meeting_id):
    return services.meetings.items(meeting_id)[0].notes


def test_sqlite_full_is_a_clear_message_and_keeps_the_old_notes(tmp_path):
    store = open_store(tmp_path / "a.sqlite", create=True)
    services = Services(store)
    meeting_id, item_id = _meeting(services)
    pages = store.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()
    store.engine.dispose()
    event.listen(store.engine, "connect", lambda c, _r: c.execute(f"PRAGMA max_page_count = {pages + 2}"))
    with pytest.raises(StoreError, match="디스크가 가득"):
        services.meetings.save_notes(item_id, BIG)
    assert _notes(services, meeting_id) == "처음 메모"
    assert run_checks(store).ok
    store.dispose()


@contextlib.contextmanager
def tiny_disk(path, size="400k"):
    path.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    if r.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root in a container that allows it)")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def test_real_full_disk_then_free_space(tmp_path):
    with tiny_disk(tmp_path / "disk") as disk:
        store = open_store(disk / "a.sqlite", create=True)
        services = Services(store)
        meeting_id, item_id = _meeting(services)
        with pytest.raises(StoreError, match="디스크가 가득"):
            for i in range(50):
                services.meetings.save_notes(item_id, f"[{i}] " + BIG)
        saved = _notes(services, meeting_id)
        assert saved == "처음 메모" or saved.startswith("[")  # the last committed text, whole
        assert saved == "처음 메모" or saved.endswith(BIG[-20:])
        # a backup onto the full disk fails clearly and leaves no partial file
        with pytest.raises(StoreError):
            backup_to(store, disk / "backup.sqlite")
        assert not list(disk.glob("backup.sqlite*"))
        store.dispose()
        r = aict("check", db=disk / "a.sqlite")
        assert r.returncode == 0, r.stdout + r.stderr


def test_backup_to_a_full_disk_from_the_cli(tmp_path, store, services):
    _meeting(services)
    services.meetings.save_notes(services.meetings.items(1)[0].id, BIG)
    store.dispose()
    with tiny_disk(tmp_path / "disk", size="64k") as disk:
        r = aict("backup", "--out", str(disk / "b.sqlite"), db=store.path)
        assert r.returncode == 1
        assert "Traceback" not in r.stderr and "백업" in r.stderr
        assert not list(disk.iterdir())


@contextlib.contextmanager
def immutable(path):
    r = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    if r.returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=False)


def test_read_only_data_file(tmp_path):
    db = tmp_path / "a.sqlite"
    store = open_store(db, create=True)
    services = Services(store)
    meeting_id, item_id = _meeting(services)
    person = services.roster.create_person(name="홍길동")
    services.personal.set_rrn(person.id, "800101-1234567")
    store.dispose()
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = db.read_bytes()
    with immutable(db):
        store = open_store(db)
        services = Services(store)
        assert _notes(services, meeting_id) == "처음 메모"  # reading still works
        with pytest.raises(StoreError, match="읽기 전용"):
            services.meetings.save_notes(item_id, "바뀐 메모")
        store.dispose()
        r = aict("personal", "clear", str(person.id), "--rrn", db=db)
        assert r.returncode == 1 and "읽기 전용" in r.stderr and "Traceback" not in r.stderr, r.stderr
        assert db.read_bytes() == before
    assert aict("check", db=db).returncode == 0
    os.chmod(db, 0o644)
    shutil.copyfile(db, tmp_path / "copy.sqlite")
