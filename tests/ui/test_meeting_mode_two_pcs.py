"""Meeting mode with another PC on the same data (issue 14 item 5) and on a held meeting (issue 15 item 6).

"The other PC" is a second store and services on the same data file, as a second program would have;
the window is driven by keys and clicks, its dialogs answered by clicking their buttons.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication

from aict_desktop.domain.enums import MeetingStatus
from aict_desktop.services.meeting_tools import meeting_tools
from tests.ui.user import type_text


@pytest.fixture
def other_pc(db_path):
    """A second program on the same data file."""
    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store

    st = open_store(db_path)
    yield Services(st)
    st.dispose()


def click_in_next_dialog(button_name: str, seen: list | None = None) -> None:
    """When the next modal dialog is up, click its button ``button_name`` (an object name), as a user does."""

    def act():
        box = QApplication.activeModalWidget()
        button = box.findChild(QAbstractButton, button_name) if box is not None else None
        if button is None:
            QTimer.singleShot(20, act)
            return
        if seen is not None:
            seen.append(box)
            texts = {n: box.findChild(object, n) for n in ("theirs", "mine", "merged")}
            seen.append({n: w.toPlainText() for n, w in texts.items() if w is not None} or box.text())
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)


def typed_and_saved(qtbot, window, services, item_id, text):
    notes = window.item_panel.notes
    notes.setFocus()
    type_text(notes, text)
    qtbot.waitUntil(lambda: services.meetings.item(item_id).notes == notes.toPlainText(), timeout=2000)


@pytest.mark.parametrize("answer", ["save_merged", "keep_mine", "use_theirs"])
def test_a_note_changed_on_the_other_pc_is_never_overwritten(window, services, other_pc, sample, qtbot, answer,
                                                              tmp_path):
    typed_and_saved(qtbot, window, services, sample.report, "김 위원: 찬성")
    theirs = "김 위원: 찬성\n이 위원: 반대"
    other_pc.meetings.save_notes(sample.report, theirs, base="김 위원: 찬성")
    seen: list = []
    click_in_next_dialog(answer, seen)
    notes = window.item_panel.notes
    qtbot.keyClick(notes, Qt.Key.Key_Return)
    type_text(notes, "박 위원: 보류")
    mine = "김 위원: 찬성\n박 위원: 보류"
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
    shown = seen[1]
    assert shown["theirs"] == theirs and shown["mine"] == mine  # the user sees the other text
    assert "이 위원: 반대" in shown["merged"] and "박 위원: 보류" in shown["merged"]
    expected = {"save_merged": shown["merged"], "keep_mine": mine, "use_theirs": theirs}[answer]
    qtbot.waitUntil(lambda: services.meetings.item(sample.report).notes == expected, timeout=3000)
    assert notes.toPlainText() == expected
    qtbot.wait(900)  # no second dialog, nothing saved over it afterwards
    assert services.meetings.item(sample.report).notes == expected
    assert QApplication.activeModalWidget() is None
    kept = list((tmp_path / "data" / "unsaved").glob("*notes*.txt"))
    assert kept and kept[0].read_text(encoding="utf-8") == mine  # mine is kept on disk whatever was chosen


def test_deciding_later_saves_nothing_and_says_so(window, services, other_pc, sample, qtbot):
    typed_and_saved(qtbot, window, services, sample.report, "처음")
    other_pc.meetings.save_notes(sample.report, "처음 그리고 그쪽", base="처음")
    click_in_next_dialog("later")
    type_text(window.item_panel.notes, " 이쪽")
    qtbot.waitUntil(lambda: "저장되지" in window.save_label.text() or "NOT SAVED" in window.save_label.text(),
                    timeout=3000)
    assert services.meetings.item(sample.report).notes == "처음 그리고 그쪽"
    assert window.item_panel.notes.toPlainText() == "처음 이쪽"
    click_in_next_dialog("save_merged")  # closing asks again; the merged text is saved, the window closes
    window.close()
    assert "그쪽" in services.meetings.item(sample.report).notes and "이쪽" in services.meetings.item(sample.report).notes


def test_opening_a_meeting_held_on_the_other_pc_asks_then_follows_read_only(qtbot, services, other_pc, sample):
    from aict_desktop.ui.meetings.meeting_mode import open_meeting_mode

    theirs = meeting_tools(other_pc).session
    theirs.acquire(sample.meeting, "그쪽")
    seen: list = []
    click_in_next_dialog("open_read_only", seen)
    w = open_meeting_mode(services, sample.meeting)
    qtbot.addWidget(w)
    assert "meeting mode" in seen[1].lower() or "회의" in seen[1]
    assert w.banner.isVisible() and w.item_panel.notes.isReadOnly() and w.summary.isReadOnly()
    assert not w.finish_button.isEnabled() and not w.minutes_bar.confirm_button.isEnabled()
    assert services.meetings.get(sample.meeting).status is MeetingStatus.PLANNED  # not touched by a viewer
    other_pc.meetings.save_notes(sample.report, "그쪽 PC에서 입력", base="")
    qtbot.waitUntil(lambda: w.item_panel.notes.toPlainText() == "그쪽 PC에서 입력", timeout=5000)
    click_in_next_dialog("take_over")
    qtbot.mouseClick(w.edit_button, Qt.MouseButton.LeftButton)
    assert not w.banner.isVisible() and not w.item_panel.notes.isReadOnly()
    assert not theirs.heartbeat(sample.meeting, "그쪽")  # the other PC loses it at its next heartbeat
    qtbot.keyClick(w.item_panel.notes, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(w.item_panel.notes, " + 이쪽")
    qtbot.waitUntil(lambda: services.meetings.item(sample.report).notes == "그쪽 PC에서 입력 + 이쪽", timeout=2000)


def test_cancel_opens_nothing(qtbot, services, other_pc, sample):
    from aict_desktop.ui.meetings.meeting_mode import open_meeting_mode

    meeting_tools(other_pc).session.acquire(sample.meeting, "그쪽")
    click_in_next_dialog("cancel")
    assert open_meeting_mode(services, sample.meeting) is None
    assert services.meetings.get(sample.meeting).status is MeetingStatus.PLANNED


def test_a_window_taken_over_turns_read_only_keeping_what_was_typed(window, services, other_pc, sample, qtbot):
    typed_and_saved(qtbot, window, services, sample.report, "넘기기 전")
    type_text(window.item_panel.notes, " 마지막")
    meeting_tools(other_pc).session.acquire(sample.meeting, "그쪽", take_over=True)
    window.lease.timer.setInterval(50)  # the heartbeat comes sooner than its 30 s
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=3000)
    assert window.item_panel.notes.isReadOnly()
    assert "넘겨" in window.banner_text.text() or "taken over" in window.banner_text.text()
    assert services.meetings.item(sample.report).notes == "넘기기 전 마지막"


def test_a_held_meeting_opens_read_only_and_stays_held(qtbot, services, sample):
    from aict_desktop.ui.meetings.meeting_mode import open_meeting_mode

    session = meeting_tools(services).session
    session.start(sample.meeting)
    closed = session.finish(sample.meeting).closed_at
    w = open_meeting_mode(services, sample.meeting)  # closed below (it deletes itself on close)
    assert w.banner.isVisible() and w.item_panel.notes.isReadOnly()
    assert "개최가 끝났습니다" in w.banner_text.text() or "was held" in w.banner_text.text()
    m = services.meetings.get(sample.meeting)
    assert m.status is MeetingStatus.HELD and m.closed_at == closed
    assert session.in_progress() == []  # the next start does not offer to reopen it
    qtbot.mouseClick(w.edit_button, Qt.MouseButton.LeftButton)  # complete the minutes after the meeting
    assert not w.item_panel.notes.isReadOnly() and not w.finish_button.isEnabled()
    type_text(w.item_panel.notes, "회의 후 정리")
    w.close()
    m = services.meetings.get(sample.meeting)
    assert services.meetings.item(sample.report).notes == "회의 후 정리"
    assert m.status is MeetingStatus.HELD and m.closed_at == closed



def test_the_proxy_key_does_not_steal_the_next_keys(window, services, sample, qtbot):
    """3 (대리출석) marks at once; the 1s typed right after tick the next rows, not a name field."""
    table = window.attendance.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_3)
    qtbot.keyClick(table, Qt.Key.Key_1)
    qtbot.keyClick(table, Qt.Key.Key_1)
    assert QApplication.activeModalWidget() is None
    rows = services.meetings.attendance_rows(sample.meeting)
    assert [r.status for r in rows[:3]] == ["대리출석", "출석", "출석"]
