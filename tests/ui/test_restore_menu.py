"""파일 → 백업에서 복원… by the menu: checked, asked, the current file kept, the window on the restored data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from aict_desktop.i18n import _
from tests.ui.user import click_in_next_box


@pytest.fixture
def program(qtbot, tmp_path, monkeypatch):
    """The window on a real data file opened as the program opens it (lock held), with the restore handler."""
    from aict_desktop.app import open_data, restore_in_place
    from aict_desktop.config import Settings
    from aict_desktop.ui.main_window import MainWindow

    target = str(tmp_path / "aict.sqlite")
    settings = Settings(backup_dir=str(tmp_path / "backups"))
    opened = open_data(target)
    state = {"opened": opened}
    win = MainWindow(settings, opened.services)
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.show()
    win.restore_handler = restore_in_place(win, state, target, settings)
    from aict_desktop.ui.privacy.wiring import install as install_privacy

    install_privacy(win, opened.services, settings)  # as the program does once the file is open
    yield win, state, Path(target)
    state["opened"].close()


def menu_action(win, name: str):
    return next(a for a in win.menuBar().actions()[0].menu().actions() if a.objectName() == name)


def test_restore_from_the_file_menu(program, tmp_path, monkeypatch, qtbot):
    from aict_desktop.ui.dialogs.backup import BackupDialog

    win, state, target = program
    services = state["opened"].services
    services.bodies.create_body(name="백업 전 기구", issuer="서초구청장")
    backup = BackupDialog.run(services, tmp_path / "backups" / "before.sqlite")
    services.bodies.create_body(name="백업 후 기구", issuer="서초구청장")
    monkeypatch.setattr("aict_desktop.ui.dialogs.restore.ask_backup", lambda *_a: backup)  # the file picked
    seen: list[str] = []
    click_in_next_box(_("Restore"), seen)
    menu_action(win, "action_restore").trigger()
    assert seen and backup.name in seen[0]
    now = state["opened"].services
    assert now is not services and win.services is now
    assert [b.name for b in now.bodies.list_bodies()] == ["백업 전 기구"]
    assert list(target.parent.glob("aict-replaced-*.sqlite"))  # the file it replaced is kept
    assert win.current_page() is win.pages["dashboard"] and win.pages["dashboard"].services is now
    win.show_page("bodies")
    assert [r.name for r in win.current_page().model.rows()] == ["백업 전 기구"]
    if sys.platform.startswith("linux"):  # the reopened file is locked as SQLite locks it (nothing released them)
        from tests.robustness.lock_probe import holds_locks, lock_holders

        assert holds_locks(target), lock_holders(target)
        assert now.store.watchdog.recoveries == 0


def test_a_file_that_is_no_backup_changes_nothing(program, tmp_path, monkeypatch):
    from aict_desktop.ui import feedback

    win, state, target = program
    services = state["opened"].services
    services.bodies.create_body(name="그대로 기구", issuer="서초구청장")
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("이것은 백업이 아닙니다 <&>", encoding="utf-8")
    monkeypatch.setattr("aict_desktop.ui.dialogs.restore.ask_backup", lambda *_a: bogus)
    menu_action(win, "action_restore").trigger()
    assert "bogus.sqlite" in feedback.shown[-1]
    assert state["opened"].services is services and [b.name for b in services.bodies.list_bodies()] == ["그대로 기구"]
    assert not list(target.parent.glob("aict-replaced-*.sqlite"))


def test_after_a_restore_the_file_menu_acts_once_on_the_restored_file(program, tmp_path, monkeypatch):
    """복원 wires the window to the new services again; the 접속기록 action and the backup timers were
    connected a second time, so the action opened two dialogs, one on the file that was replaced."""
    from aict_desktop.ui.dialogs.backup import BackupDialog
    from aict_desktop.ui.privacy.access_log_dialog import AccessLogDialog

    win, state, _target = program
    services = state["opened"].services
    backup = BackupDialog.run(services, tmp_path / "backups" / "before.sqlite")
    monkeypatch.setattr("aict_desktop.ui.dialogs.restore.ask_backup", lambda *_a: backup)
    click_in_next_box(_("Restore"))
    menu_action(win, "action_restore").trigger()
    now = state["opened"].services
    assert now is not services
    asked = []
    monkeypatch.setattr(AccessLogDialog, "ask", lambda store, parent: asked.append(store))
    menu_action(win, "action_access_log").trigger()
    assert asked == [now.store]
