"""``aict restore`` while the program has the data file open (issue 21 item 1): the polite "already open"
message a second window gets, exit code 1, and the open file untouched — never a traceback.

The holder is the real program (``app.run``, offscreen) in its own process, reporting once it holds the
data file. Two kinds of backup: a copy of a data file (``aict backup``), and a portable archive, which was
loaded into the open file when that file was still empty (a new data file, the demo question on screen).
"""

from __future__ import annotations

import os
import select
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

HOLDER = r'''
import sys
from aict_desktop.ui import single_instance
real = single_instance.serve
def serve(window, target):
    print("OPEN", flush=True)  # called once the data file's lock is held
    return real(window, target)
single_instance.serve = serve
from aict_desktop.app import run
sys.exit(run(sys.argv[1], ["aict-desktop"]))
'''
REFUSED = ("The data file {path} is already open in another window of this program (pid {pid}). "
           "Use that window, or close it first.")


def _env(tmp_path: Path) -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AICT_DATA_DIR": str(tmp_path / "data"),
            "AICT_LANG": "en", "PYTHONPATH": str(ROOT)}


def aict(tmp_path: Path, db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "aict_desktop.cli", "--db", str(db), *args], capture_output=True,
                          text=True, encoding="utf-8", env=_env(tmp_path), timeout=120)


def _bodies(db: Path) -> int:
    with sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT count(*) FROM body").fetchone()[0]


@pytest.fixture
def backups(tmp_path):
    """A copy of a data file with the demo data and a portable archive of it."""
    source = tmp_path / "source.sqlite"
    for verb in ("init", "demo"):
        assert aict(tmp_path, source, verb).returncode == 0
    copy = tmp_path / "backup.sqlite"
    assert aict(tmp_path, source, "backup", "--out", str(copy)).returncode == 0
    from aict_desktop.store import open_store, portable

    store = open_store(source)
    try:
        archive = portable.dump(store, tmp_path / "backup.aictx")
    finally:
        store.dispose()
    assert portable.is_archive(archive)
    return copy, archive


def _hold(tmp_path: Path, db: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8", env=_env(tmp_path))
    ready, _w, _x = select.select([proc.stdout], [], [], 90)
    line = proc.stdout.readline().strip() if ready else ""
    if line != "OPEN":
        proc.kill()
        raise AssertionError(f"the program did not open {db}: {line!r} {proc.communicate()[1][-3000:]}")
    return proc


def _release(proc: subprocess.Popen, db: Path) -> None:
    from PySide6.QtNetwork import QLocalServer

    from aict_desktop.ui.single_instance import server_name

    proc.kill()
    proc.wait(timeout=10)
    proc.stdout.close()
    proc.stderr.close()
    QLocalServer.removeServer(server_name(str(db)))  # the killed program's socket file


@pytest.mark.parametrize("kind", ["copy", "archive"])
def test_restore_into_the_open_data_file_is_refused_politely(tmp_path, backups, kind, qapp):
    backup = backups[0] if kind == "copy" else backups[1]
    db = tmp_path / "aict.sqlite"
    if kind == "copy":
        shutil.copyfile(backups[0], db)  # a data file with the demo data
    holder = _hold(tmp_path, db)  # "archive": a new, empty data file; the program asks about the demo data
    try:
        before = _bodies(db)
        files = sorted(p.name for p in tmp_path.iterdir())
        r = aict(tmp_path, db, "restore", str(backup))
        assert r.returncode == 1, r.stdout + r.stderr
        assert "Traceback" not in r.stderr and r.stdout == ""
        assert REFUSED.format(path=db, pid=holder.pid) in r.stderr, r.stderr
        assert _bodies(db) == before  # the open file was not written
        assert sorted(p.name for p in tmp_path.iterdir()) == files  # no "-replaced-" copy, no temporary file
        assert holder.poll() is None
    finally:
        _release(holder, db)
    r = aict(tmp_path, db, "restore", str(backup))  # closed: the restore goes ahead
    assert r.returncode == 0, r.stderr
    assert _bodies(db) == _bodies(tmp_path / "source.sqlite")
