"""Issue 14 item 2: text pasted from Word (U+000B for Shift+Enter) and other control characters.

Before: the service refused such notes, so every autosave failed (invisibly) and the meeting
window refused to close. Now the paste is cleaned in the field and on save, and saved at once.
The text goes through the real clipboard and Ctrl+V into meeting mode's notes editor.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.meeting_sample import build

PASTED = "1. 예산 검토\u000b2. 일정\u000c3. 장소\u20284. 기타\u2029끝\r\n추가\x01\x7f 메모\x85마지막\t(탭)"
EXPECTED = "1. 예산 검토\n2. 일정\n3. 장소\n4. 기타\n끝\n추가 메모\n마지막\t(탭)"


@pytest.fixture
def window(qtbot, services):
    from aict_desktop.ui.meetings.meeting_mode import MeetingModeWindow

    sample = build(services)
    w = MeetingModeWindow(services, sample.meeting)
    qtbot.addWidget(w)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    return w, sample


def _type(widget, text: str) -> None:
    """Key events carrying the text (Hangul included), as an input method delivers them."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def _paste(qtbot, editor, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_pasting_word_line_breaks_into_the_notes_is_saved(qtbot, window, services):
    w, sample = window
    notes = w.item_panel.notes
    _paste(qtbot, notes, PASTED)
    qtbot.waitUntil(lambda: services.meetings.item(sample.report).notes == EXPECTED, timeout=2000)
    assert notes.toPlainText() == EXPECTED  # what is on screen is what was saved
    assert "저장됨" in w.save_label.text()
    _type(notes, " 이어서")  # typing goes on at the end of the paste, and is saved too
    qtbot.waitUntil(lambda: services.meetings.item(sample.report).notes == EXPECTED + " 이어서", timeout=2000)
    notes.undo()  # one undo step takes back the typing, not the clean-up alone
    assert "\u000b" not in notes.toPlainText()


def test_pasting_into_the_other_remarks_is_saved_and_the_window_closes(qtbot, window, services):
    w, sample = window
    _paste(qtbot, w.summary, "참석자 의견\u000b추가 의견\x00")
    qtbot.waitUntil(lambda: services.meetings.get(sample.meeting).minutes_summary == "참석자 의견\n추가 의견",
                    timeout=2000)
    assert w.close()  # nothing unsaved: the window closes


def test_the_service_never_refuses_notes_for_control_characters(services):
    sample = build(services)
    services.meetings.save_notes(sample.report, PASTED + "\ud800")
    assert services.meetings.item(sample.report).notes == EXPECTED
    services.meetings.save_summary(sample.meeting, "가\u2028나")
    assert services.meetings.get(sample.meeting).minutes_summary == "가\n나"
