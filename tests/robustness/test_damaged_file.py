"""Issue 14 item 4: a damaged or emptied data file never replaces a good backup, and is reported plainly.

Real files and real `aict` processes: the demo data set is written, backed up (by hand and
automatically), then a page of the institution table is overwritten with garbage, as a bad
sector or an interrupted copy does. `aict check` must say so (exit 1, no traceback); `aict
backup` and the automatic backup must refuse and leave the good backups byte for byte. A
0-byte file must not pass and must not be turned into an empty database.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3

import pytest

from aict_desktop.config import Settings
from aict_desktop.domain.errors import StoreError
from tests.e2e.cli_helpers import aict


def damaged(text: str) -> bool:  # new messages are English until the lead's translation lands
    return "손상" in text or "damaged" in text


def empty(text: str) -> bool:
    return "0바이트" in text or "0 bytes" in text or "비어" in text


def _damage(db, table: str = "institution") -> None:
    """Overwrite the table's root page with garbage (the header and the schema page stay readable)."""
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    conn.close()
    with open(db, "r+b") as fh:
        fh.seek((root - 1) * page_size + 8)
        fh.write(b"\xde\xad\xbe\xef" * 300)


@pytest.fixture
def demo_file(tmp_path):
    db = tmp_path / "aict.sqlite"
    env = {"AICT_DATA_DIR": str(tmp_path / "data")}
    assert aict("init", db=db, env=env).returncode == 0
    r = aict("demo", db=db, env=env)
    assert r.returncode == 0, r.stderr
    return db, env


def test_damaged_file_check_backup_and_auto_backup(demo_file, tmp_path):
    db, env = demo_file
    good = tmp_path / "good-backup.sqlite"
    assert aict("backup", "--out", str(good), db=db, env=env).returncode == 0
    r = aict("autobackup", db=db, env=env)
    assert r.returncode == 0, r.stderr
    autos = list((tmp_path / "data" / "backups").glob("*-auto-*.sqlite"))
    assert len(autos) == 1
    before = {p: p.read_bytes() for p in (good, autos[0])}

    _damage(db)
    check = aict("check", db=db, env=env)
    assert check.returncode == 1
    assert "Traceback" not in check.stderr + check.stdout
    assert damaged(check.stdout), check.stdout + check.stderr

    backup = aict("backup", "--out", str(good), db=db, env=env)
    assert backup.returncode == 1 and "Traceback" not in backup.stderr
    assert damaged(backup.stderr), backup.stderr

    os.utime(db, (dt.datetime.now().timestamp() + 5,) * 2)  # the data "changed" since today's backup
    auto = aict("autobackup", db=db, env=env)
    assert auto.returncode == 1 and "Traceback" not in auto.stderr, auto.stderr + auto.stdout
    for path, data in before.items():
        assert path.read_bytes() == data, f"{path.name} was replaced by the damaged file"
    assert not list(tmp_path.rglob("*.part"))

    listing = aict("list", "institutions", db=db, env=env)  # reading the damaged table: a message too
    assert listing.returncode == 1 and "Traceback" not in listing.stderr and damaged(listing.stderr)


def test_the_program_s_exit_backup_keeps_the_good_backup_of_a_damaged_file(demo_file, tmp_path):
    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store
    from aict_desktop.store.autobackup import auto_backup, auto_name

    db, _env = demo_file
    settings = Settings(backup_dir=str(tmp_path / "auto"))
    store = open_store(db)
    try:
        first = auto_backup(store, settings)
        good = first.read_bytes()
        Services(store).bodies.list_bodies()
        _damage(db)
        os.utime(db, (dt.datetime.now().timestamp() + 5,) * 2)
        with pytest.raises(StoreError) as err:
            auto_backup(store, settings, on_exit=True)
        assert damaged(err.value.message)
    finally:
        store.dispose()
    assert (tmp_path / "auto" / auto_name(db, dt.date.today())).read_bytes() == good


@pytest.mark.parametrize("verb", [["check"], ["list", "bodies"], ["backup", "--out", "b.sqlite"], ["init"]])
def test_an_empty_file_does_not_pass_and_stays_empty(tmp_path, verb):
    db = tmp_path / "aict.sqlite"
    db.write_bytes(b"")
    r = aict(*verb, db=db, env={"AICT_DATA_DIR": str(tmp_path / "data")})
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    assert empty(r.stderr), r.stderr
    assert db.stat().st_size == 0
    assert not (tmp_path / "b.sqlite").exists()


def test_the_program_does_not_turn_an_empty_file_into_an_empty_database(tmp_path):
    from aict_desktop.app import open_data

    db = tmp_path / "aict.sqlite"
    db.write_bytes(b"")
    with pytest.raises(StoreError) as err:
        open_data(str(db))
    assert empty(err.value.message)
    assert db.stat().st_size == 0
    assert not (tmp_path / "aict.sqlite-wal").exists()
