"""Issue 14 items 1 and 3: the program notices lost locks, a deleted -wal, a deleted or replaced data file.

Each failure is made the way it happens: the locks are dropped by opening and closing the data
file in this process (what Qt's file dialog did), the -wal is deleted by a real `aict` process
that then believes it is alone, the data file is deleted or replaced on disk while the store is
open. Nothing may then be reported as saved, and no backup may be replaced.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from aict_desktop.config import Settings
from aict_desktop.domain.errors import StoreError
from tests.e2e.cli_helpers import aict
from tests.robustness.lock_probe import holds_locks, locks_listing

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX locks seen through /proc")


def _drop_locks_like_a_file_dialog(db: Path) -> None:
    """Open and close the data file and its -shm outside SQLite (Qt's MIME sniffing did exactly this)."""
    for p in (db, Path(f"{db}-shm"), Path(f"{db}-wal")):
        if p.exists():
            os.close(os.open(p, os.O_RDONLY))


def _names_in_file(db: Path) -> list[str]:
    """What a fresh process reads from the file (the truth on disk)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM institution ORDER BY name")]
    finally:
        conn.close()


@linux
def test_lost_locks_are_taken_back_before_the_next_save(services, db_path):
    services.roster.create_institution(name="가 기관")
    assert holds_locks(db_path), locks_listing()
    _drop_locks_like_a_file_dialog(db_path)
    assert not holds_locks(db_path)  # the failure is real
    services.roster.create_institution(name="나 기관")  # the next save notices and takes the locks back
    assert holds_locks(db_path), locks_listing()
    r = aict("list", "institutions", db=db_path)  # another reader, which must not delete the -wal now
    assert r.returncode == 0, r.stderr
    assert Path(f"{db_path}-wal").exists()
    services.roster.create_institution(name="다 기관")
    assert _names_in_file(db_path) == ["가 기관", "나 기관", "다 기관"]
    assert services.store.watchdog.recoveries == 1


@linux
def test_the_gui_check_takes_the_locks_back_without_a_save(services, db_path):
    services.roster.create_institution(name="가 기관")
    _drop_locks_like_a_file_dialog(db_path)
    assert services.store.problem() is None  # what the window's timer calls
    assert holds_locks(db_path), locks_listing()


def _delete_wal_like_the_issue(db: Path) -> None:
    """Locks dropped, then a reader that believes it is alone checkpoints and deletes the -wal on close."""
    _drop_locks_like_a_file_dialog(db)
    reader = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('SELECT 1 FROM institution'); c.close()"
    subprocess.run([sys.executable, "-c", reader, str(db)], check=True, timeout=60)  # another program
    if Path(f"{db}-wal").exists():  # not reproduced: the test would prove nothing
        pytest.fail("the -wal was not deleted: " + locks_listing())


@linux
def test_a_deleted_wal_is_noticed_and_nothing_more_is_claimed_saved(services, db_path):
    services.roster.create_institution(name="가 기관")
    _delete_wal_like_the_issue(db_path)
    problem = services.store.problem()
    assert problem and "aict.sqlite-wal" in problem
    with pytest.raises(StoreError) as err:
        services.roster.create_institution(name="사라질 기관")
    assert err.value.message == problem
    assert _names_in_file(db_path) == ["가 기관"]  # checkpointed by the other reader before it deleted the -wal


def _type(widget, text: str) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


@linux
def test_meeting_mode_stops_saying_saved_when_the_wal_was_deleted(qtbot, services, db_path):
    from aict_desktop.ui.meetings.meeting_mode import MeetingModeWindow
    from tests.meeting_sample import build

    sample = build(services)
    w = MeetingModeWindow(services, sample.meeting)
    qtbot.addWidget(w)
    w.show()
    notes = w.item_panel.notes
    notes.setFocus()
    _type(notes, "첫 발언")
    qtbot.waitUntil(lambda: services.meetings.item(sample.report).notes == "첫 발언", timeout=3000)
    assert "저장됨" in w.save_label.text()
    seen = []
    w.minutes_bar.storeProblem.connect(seen.append)
    _delete_wal_like_the_issue(db_path)
    _type(notes, " 그리고 둘째 발언")
    qtbot.waitUntil(lambda: "저장됨" not in w.save_label.text(), timeout=3000)
    assert "저장되지 않음" in w.save_label.text() or "NOT SAVED" in w.save_label.text()
    assert "aict.sqlite-wal" in w.save_label.text()
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)  # and the minutes bar says it without typing
    assert "aict.sqlite-wal" in w.minutes_bar.state.text()
    from aict_desktop.config import data_dir

    kept = [p.read_text(encoding="utf-8") for p in (data_dir() / "unsaved").glob("*.txt")]
    assert "첫 발언 그리고 둘째 발언" in kept  # the text not saved is in a file, whatever happens next


def _good_backup(services, tmp_path) -> tuple[Settings, Path, bytes]:
    from aict_desktop.store.autobackup import auto_backup

    settings = Settings(backup_dir=str(tmp_path / "backups"))
    services.roster.create_institution(name="서초구청")
    written = auto_backup(services.store, settings)
    return settings, written, written.read_bytes()


def _later(db: Path) -> None:  # the data "changed" after today's backup, so the exit backup is due
    if db.exists():
        os.utime(db, (dt.datetime.now().timestamp() + 5,) * 2)


def test_data_file_deleted_while_open_the_exit_backup_keeps_today_s_good_backup(services, db_path, tmp_path):
    from aict_desktop.store.autobackup import auto_backup

    settings, written, good = _good_backup(services, tmp_path)
    db_path.unlink()  # a sync tool, or the user in the file manager
    with contextlib.suppress(StoreError):  # the secretariat goes on typing (this went into the -wal before)
        services.roster.create_institution(name="어디에도 없는 기관")
    _later(Path(f"{db_path}-wal"))
    with pytest.raises(StoreError) as err:
        auto_backup(services.store, settings, on_exit=True)
    assert str(db_path) in err.value.message
    assert written.read_bytes() == good
    assert not db_path.exists(), "an empty database was created in place of the deleted file"
    with pytest.raises(StoreError):
        services.roster.create_institution(name="또 다른 기관")
    assert not db_path.exists()


def test_data_file_replaced_while_open_is_refused_for_saves_and_backups(services, db_path, tmp_path):
    from aict_desktop.store.autobackup import auto_backup
    from aict_desktop.store.backup import backup_to

    settings, written, good = _good_backup(services, tmp_path)
    older = backup_to(services.store, tmp_path / "older.sqlite")
    copy = tmp_path / "incoming.sqlite"
    copy.write_bytes(older.read_bytes())
    os.replace(copy, db_path)  # a sync program puts "its" version in place
    _later(db_path)
    with pytest.raises(StoreError) as err:
        services.roster.create_institution(name="새 기관")
    assert "replaced" in err.value.message or "바뀌" in err.value.message or "교체" in err.value.message
    with pytest.raises(StoreError):
        auto_backup(services.store, settings, on_exit=True)
    assert written.read_bytes() == good


def test_the_main_window_says_so_loudly(qtbot, services, db_path):
    from aict_desktop.ui.main_window import MainWindow

    services.roster.create_institution(name="서초구청")
    win = MainWindow(Settings(), services)
    qtbot.addWidget(win)
    win.show()
    assert not win.store_banner.isVisible()
    db_path.unlink()
    qtbot.waitUntil(win.store_banner.isVisible, timeout=5000)
    assert str(db_path) in win.store_banner.text()
