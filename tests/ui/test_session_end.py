"""Windows shutdown with the program open (issue 21 item 9): no closeEvent comes, Qt asks to commit data."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from aict_desktop.app import on_session_end
from aict_desktop.ui.main_window import MainWindow
from tests.meeting_sample import build
from tests.ui.user import type_text


def test_shutdown_saves_what_meeting_mode_holds_and_writes_the_exit_backup(qtbot, services):
    from aict_desktop.config import Settings
    from aict_desktop.ui.meetings.meeting_mode import open_meeting_mode

    sample = build(services)
    window = MainWindow(Settings(), services)
    qtbot.addWidget(window)
    mode = open_meeting_mode(services, sample.meeting, window)
    qtbot.addWidget(mode)
    mode.show()
    notes = mode.item_panel.notes
    notes.setFocus()
    type_text(notes, "종료 직전에 입력한 발언")  # within the autosave delay: not saved yet
    item = mode.item_panel.item_id
    assert "종료 직전" not in services.meetings.item(item).notes
    backups: list[bool] = []
    window.closing.connect(lambda: backups.append(True))
    on_session_end(window)  # what commitDataRequest calls
    assert "종료 직전에 입력한 발언" in services.meetings.item(item).notes
    assert backups == [True]
    assert isinstance(mode, QWidget) and mode.isVisible()  # nothing closed: the system ends the process
