"""The dashboard's quick read (services.first_paint): the services' figures, read-only, or nothing at all.

On a real demo data file made by ``aict init`` + ``aict demo`` (as the start-up benchmark does).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aict_desktop.services.first_paint import SCHEMA_REVISION, read_dashboard

ROOT = Path(__file__).resolve().parents[2]
DATA_LAYER = ("sqlmodel", "sqlalchemy", "alembic", "pydantic", "PySide6", "reportlab")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    db = folder / "demo.sqlite"
    env = {**os.environ, "AICT_DATA_DIR": str(folder / "data")}
    for verb in ("init", "demo"):
        subprocess.run([sys.executable, "-m", "aict_desktop.cli", "--db", str(db), verb], check=True, env=env,
                       cwd=ROOT, stdout=subprocess.DEVNULL)
    assert not [p for p in folder.iterdir() if p.name.startswith("demo.sqlite-")]  # closed: no -wal left
    return db


@pytest.fixture
def copy(demo_file, tmp_path) -> Path:
    target = tmp_path / "aict.sqlite"
    shutil.copyfile(demo_file, target)
    return target


def sql(path: Path, *statements: str) -> None:
    """Change the file as another program would (the test's own writes, before the quick read)."""
    con = sqlite3.connect(path)
    for s in statements:
        con.execute(s)
    con.commit()
    con.close()


def side_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


def test_the_known_revision_is_the_schema_head():
    """A new migration fails this test: look at first_paint's queries again, then move SCHEMA_REVISION on."""
    from aict_desktop.store.migrate import HEAD_REVISION

    assert SCHEMA_REVISION == HEAD_REVISION


def test_the_quick_read_imports_no_data_layer(copy):
    code = ("import sys; from aict_desktop.services.first_paint import read_dashboard; "
            f"assert read_dashboard({str(copy)!r}) is not None; "
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {DATA_LAYER!r}))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def edge_cases(path: Path) -> None:
    """Rows on each rule's boundary, so that a condition written differently would show."""
    today = dt.date.today()
    sql(path,
        # an upcoming meeting cancelled, one today at midnight
        f"UPDATE meeting SET status = '취소' WHERE id = (SELECT min(id) FROM meeting WHERE starts_at >= '{today}')",
        f"UPDATE meeting SET starts_at = '{today} 00:00:00.000000', status = '예정'"
        f" WHERE id = (SELECT max(id) FROM meeting)",
        # a 해촉 taking effect tomorrow (still serving), one yesterday; a term ending exactly in 30 days, and today
        f"UPDATE appointment SET end_reason = '해촉', ended_on = '{today + dt.timedelta(days=1)}' WHERE id = 1",
        f"UPDATE appointment SET end_reason = '사임', ended_on = '{today - dt.timedelta(days=1)}' WHERE id = 2",
        f"UPDATE appointment SET term_end = '{today + dt.timedelta(days=30)}' WHERE id = 3",
        f"UPDATE appointment SET term_end = '{today}' WHERE id = 4",
        f"UPDATE appointment SET term_start = '{today + dt.timedelta(days=3)}' WHERE id = 5",  # not started yet
        # tasks: on hold and late (never overdue), due today (not yet), late with no owner, late and done
        f"UPDATE task SET status = '보류', due_on = '{today - dt.timedelta(days=9)}' WHERE id = 1",
        f"UPDATE task SET status = '진행', due_on = '{today}' WHERE id = 2",
        f"UPDATE task SET status = '계획', due_on = '{today - dt.timedelta(days=1)}', owner_person_id = NULL,"
        " owner_institution_id = NULL WHERE id = 3",
        f"UPDATE task SET status = '완료', due_on = '{today - dt.timedelta(days=5)}' WHERE id = 4",
        # an institution that left a body yesterday, one that leaves today, one that joins tomorrow
        f"UPDATE institutionmembership SET left_on = '{today - dt.timedelta(days=1)}' WHERE id = 1",
        f"UPDATE institutionmembership SET left_on = '{today}' WHERE id = 2",
        f"UPDATE institutionmembership SET joined_on = '{today + dt.timedelta(days=1)}' WHERE id = 3")


@pytest.mark.parametrize("edges", [False, True], ids=["demo", "boundaries"])
def test_the_snapshot_answers_as_the_services(copy, edges):
    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store

    if edges:
        edge_cases(copy)
    snap = read_dashboard(str(copy))
    assert snap is not None
    store = open_store(copy)
    try:
        s = Services(store)
        assert snap.meetings.list(upcoming_only=True) == s.meetings.list(upcoming_only=True)
        for days in (0, 30, 60, 90, 365, 2000):
            assert snap.appointments.list(expiring_within=days) == s.appointments.list(expiring_within=days), days
        assert snap.appointments.list(current_only=True) == s.appointments.list(current_only=True)
        assert snap.tasks.list(overdue_only=True) == s.tasks.list(overdue_only=True)
        assert snap.tasks.overdue_by_owner() == s.tasks.overdue_by_owner()
        assert snap.bodies.list_bodies() == [dataclasses.replace(b, rules={}) for b in s.bodies.list_bodies()]

        def insts(rows):
            return [(r.id, r.name, r.sector, r.sector_group) for r in rows]

        assert insts(snap.roster.list_institutions()) == insts(s.roster.list_institutions())
        for body in s.bodies.list_bodies():
            assert insts(snap.roster.list_institutions(body_id=body.id)) == \
                insts(s.roster.list_institutions(body_id=body.id)), body.name
        fields = ("id", "name", "tasks_total", "tasks_done", "tasks_overdue", "progress")
        assert [[getattr(g, f) for f in fields] for g in snap.groups.summaries()] == \
            [[getattr(g, f) for f in fields] for g in s.groups.summaries()]
        # the demo's figures are not all empty: the comparison above compared something
        assert snap.meetings.list(upcoming_only=True) and snap.tasks.list(overdue_only=True)
        assert snap.appointments.list(expiring_within=365) and snap.groups.summaries()
    finally:
        store.dispose()


def stat(path: Path):
    st = path.stat()
    return st.st_size, st.st_mtime_ns, side_files(path)


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_the_quick_read_never_writes(copy, journal):
    if journal == "delete":
        sql(copy, "PRAGMA journal_mode=DELETE")  # a file in rollback-journal mode: read with SQLite's locks
    header = copy.read_bytes()[:100]
    assert (header[18] == 2) is (journal == "wal")
    before, data = stat(copy), copy.read_bytes()
    time.sleep(0.01)
    for _ in range(2):
        assert read_dashboard(str(copy)) is not None
    assert stat(copy) == before and copy.read_bytes() == data
    assert not side_files(copy)  # no -wal, -shm or -journal created


def test_a_server_url_is_left_to_the_services():
    assert read_dashboard("postgresql+psycopg://aict@127.0.0.1:1/aict") is None  # no connection tried


def test_a_missing_file_is_not_created(tmp_path):
    target = tmp_path / "new" / "aict.sqlite"
    assert read_dashboard(str(target)) is None
    assert not (tmp_path / "new").exists()


def test_an_encrypted_or_unknown_file_falls_back(tmp_path):
    for name, content in (("random.sqlite", bytes(range(256)) * 64), ("empty.sqlite", b""),
                          ("text.sqlite", "이름,기관\n".encode() * 100)):
        target = tmp_path / name
        target.write_bytes(content)
        assert read_dashboard(str(target)) is None, name
        assert target.read_bytes() == content and not [f for f in side_files(target) if f.startswith(name + "-")]


def test_a_corrupt_file_falls_back(copy):
    data = bytearray(copy.read_bytes())
    data[4096:] = bytes(len(data) - 4096)  # the header kept, every page after the first wiped
    copy.write_bytes(bytes(data))
    assert read_dashboard(str(copy)) is None
    copy.write_bytes(bytes(data[:8192]))  # cut short
    assert read_dashboard(str(copy)) is None


def test_another_schema_revision_falls_back(copy):
    sql(copy, "UPDATE alembic_version SET version_num = '0004'")
    assert read_dashboard(str(copy)) is None
    sql(copy, f"UPDATE alembic_version SET version_num = '{SCHEMA_REVISION}'", "ALTER TABLE task DROP COLUMN priority")
    assert read_dashboard(str(copy)) is None  # the known revision, a column gone: an error, so nothing


def test_a_file_open_elsewhere_falls_back(copy):
    other = sqlite3.connect(copy)  # another program's connection (WAL: its -wal and -shm sit beside the file)
    try:
        other.execute("SELECT count(*) FROM body").fetchone()
        assert side_files(copy)
        assert read_dashboard(str(copy)) is None
    finally:
        other.close()
    assert not side_files(copy) and read_dashboard(str(copy)) is not None


def test_a_locked_file_falls_back(copy):
    sql(copy, "PRAGMA journal_mode=DELETE")
    other = sqlite3.connect(copy, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")  # held by another connection: nothing beside the file, only the lock
        assert not side_files(copy)
        started = time.perf_counter()
        assert read_dashboard(str(copy)) is None
        assert time.perf_counter() - started < 2
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert read_dashboard(str(copy)) is not None


def test_a_crash_left_journal_falls_back(copy):
    journal = copy.with_name(copy.name + "-journal")
    journal.write_bytes(b"\0" * 512)  # a hot journal: the services' open rolls it back first
    assert read_dashboard(str(copy)) is None
    assert journal.read_bytes() == b"\0" * 512
