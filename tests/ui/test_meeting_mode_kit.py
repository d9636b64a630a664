"""Meeting mode on the shared UI kit (issue 15): papers made off the GUI thread, messages that do not block.

A big HWPX made on the GUI thread froze the meeting (the notes' autosave, the clock) until it was done; a
message box waited for OK the same way. Both now run beside the meeting: the tests type while a paper is
being made and read a message after the call that showed it has returned.
"""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pypdf import PdfReader

from aict_desktop.ui import feedback
from tests.ui.user import type_text

SLOW_S = 1.5  # a big HWPX on an office PC


def close_message(qtbot) -> str:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=3000)
    box = QApplication.activeModalWidget()
    text = box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not box, timeout=3000)
    return text


def test_minutes_are_made_in_the_background_while_the_notes_keep_saving(window, services, sample, qtbot,
                                                                        tmp_path, monkeypatch):
    made_on = []
    real = services.exports.minutes

    def slow_minutes(meeting_id, fmt):
        made_on.append(threading.current_thread())
        time.sleep(SLOW_S)
        return real(meeting_id, fmt)

    monkeypatch.setattr(services.exports, "minutes", slow_minutes)
    target = tmp_path / "회의록.hwpx"
    job = window.minutes_bar.export("hwpx", target)
    started = time.monotonic()
    assert not job.done and not target.exists()  # the call returned at once
    notes = window.item_panel.notes
    notes.setFocus()
    type_text(notes, "만드는 동안 입력")
    qtbot.waitUntil(lambda: services.meetings.item(sample.report).notes == "만드는 동안 입력", timeout=1500)
    assert not job.done and time.monotonic() - started < SLOW_S  # committed while the paper was being made
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    assert made_on and made_on[0] is not threading.main_thread()
    assert target.read_bytes()[:2] == b"PK"
    assert not (tmp_path / "회의록.hwpx.tmp").exists()


def test_allowances_pdf_in_the_background_and_a_refusal_is_a_message(window, services, sample, qtbot, tmp_path,
                                                                     monkeypatch):
    from aict_desktop.domain.errors import ValidationError
    from aict_desktop.ui.meetings.allowances_dialog import AllowancesDialog
    from tests.meeting_sample import mark_present

    mark_present(services, sample.meeting, 10)
    target = tmp_path / "수당.pdf"
    monkeypatch.setattr("aict_desktop.ui.documents.ask_save_path", lambda *_a, **_k: str(target))
    qtbot.mouseClick(window.allowances_button, Qt.MouseButton.LeftButton)
    dlg = window.findChild(AllowancesDialog)
    real = services.exports.allowances_pdf
    made_on = []

    def refused(_meeting_id):
        made_on.append(threading.current_thread())
        raise ValidationError("지급 기준이 없습니다")

    monkeypatch.setattr(services.exports, "allowances_pdf", refused)
    before = len(feedback.shown)
    qtbot.mouseClick(dlg.pdf_button, Qt.MouseButton.LeftButton)  # refused in the worker: a message, no file
    assert close_message(qtbot) == "지급 기준이 없습니다"
    assert len(feedback.shown) == before + 1 and not target.exists()
    assert made_on[0] is not threading.main_thread()

    monkeypatch.setattr(services.exports, "allowances_pdf", real)
    qtbot.mouseClick(dlg.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.last_job.done and target.exists(), timeout=20000)
    assert "김민준" in "".join(p.extract_text() for p in PdfReader(target).pages)


def test_a_file_that_cannot_be_written_is_a_message_and_nothing_is_left(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr("aict_desktop.ui.documents.ask_save_path", lambda *_a, **_k: None)  # no other name
    target = tmp_path / "no such folder" / "회의록.pdf"
    job = window.minutes_bar.export("pdf", target)
    text = close_message(qtbot)
    assert job.done and "회의록.pdf" in text
    assert not target.parent.exists()
    assert window.isVisible() and window.item_panel.notes.isEnabled()  # the meeting goes on


def test_a_refusal_returns_at_once_and_an_unexpected_error_is_not_hidden(window, qtbot):
    from aict_desktop.domain.errors import ValidationError
    from aict_desktop.ui.meetings.common import attempt

    def refused():
        raise ValidationError("거절된 입력")

    assert attempt(window, refused) is None  # returned with the message still open: nothing waits on it
    assert isinstance(QApplication.activeModalWidget(), QMessageBox) and feedback.shown[-1] == "거절된 입력"
    assert close_message(qtbot) == "거절된 입력"
    assert attempt(None, refused) is None  # no window yet (opening meeting mode): the message still shows
    qtbot.waitUntil(lambda: any(isinstance(t, QMessageBox) and t.isVisible() and t.text() == "거절된 입력"
                                for t in QApplication.topLevelWidgets()), timeout=2000)
    box = next(t for t in QApplication.topLevelWidgets() if isinstance(t, QMessageBox) and t.isVisible())
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    with pytest.raises(ZeroDivisionError):  # a bug reaches the crash report, not a message that hides it
        attempt(window, lambda: 1 / 0)
