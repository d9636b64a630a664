"""확정 by a click: it says first what the law still needs, then asks about members left 미정."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from aict_desktop.domain.enums import AttendanceStatus, MinutesStatus
from aict_desktop.i18n import _
from tests.meeting_sample import build
from tests.ui.user import answer_next_input, click_in_next_box


@pytest.fixture
def sample(services):
    return build(services, members=5)


@pytest.fixture
def window(qtbot, services, sample):
    from aict_desktop.ui.meetings.meeting_mode import MeetingModeWindow

    w = MeetingModeWindow(services, sample.meeting)
    qtbot.addWidget(w)
    w.show()
    return w


def complete_record(services, sample, unrecorded: int) -> list[str]:
    """Everything the law needs, with the last ``unrecorded`` members left 미정; their names."""
    rows = [r for r in services.meetings.attendance_rows(sample.meeting) if r.is_member]
    for r in rows[: len(rows) - unrecorded]:
        services.meetings.set_attendance(r.id, AttendanceStatus.PRESENT)
    services.meetings.save_notes(sample.report, "보고 청취")
    services.meetings.save_notes(sample.resolution, "원안대로 의결")
    services.meetings.record_decision(sample.resolution, yes=len(rows) - unrecorded, no=0)
    return [r.name for r in rows[len(rows) - unrecorded:]]


def test_refusal_comes_before_the_name_is_asked(window, services, sample, qtbot):
    seen: list[str] = []

    def close_error():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, close_error)
            return
        seen.append(box.text())
        box.close()
    QTimer.singleShot(0, close_error)
    qtbot.mouseClick(window.minutes_bar.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen))
    assert "발언 요지(안건 1)" in seen[0] and "결정 사항 및 표결 내용(안건 2)" in seen[0]
    assert services.meetings.get(sample.meeting).minutes_status is MinutesStatus.DRAFT


def test_members_left_undecided_are_named_and_cancel_keeps_the_draft(window, services, sample, qtbot):
    names = complete_record(services, sample, unrecorded=2)
    seen: list[str] = []
    click_in_next_box(_("Cancel"), seen)
    qtbot.mouseClick(window.minutes_bar.confirm_button, Qt.MouseButton.LeftButton)
    assert seen and all(name in seen[0] for name in names) and "2" in seen[0]
    assert services.meetings.get(sample.meeting).minutes_status is MinutesStatus.DRAFT


def test_confirm_anyway_then_the_name(window, services, sample, qtbot):
    complete_record(services, sample, unrecorded=1)
    seen: list[str] = []
    click_in_next_box(_("Confirm anyway"), seen, then=lambda: answer_next_input("홍간사", replace=True))
    qtbot.mouseClick(window.minutes_bar.confirm_button, Qt.MouseButton.LeftButton)
    m = services.meetings.get(sample.meeting)
    assert m.minutes_status is MinutesStatus.CONFIRMED and m.minutes_confirmed_by == "홍간사"


def test_all_recorded_asks_only_the_name(window, services, sample, qtbot):
    complete_record(services, sample, unrecorded=0)
    answer_next_input("홍간사", replace=True)
    qtbot.mouseClick(window.minutes_bar.confirm_button, Qt.MouseButton.LeftButton)
    assert services.meetings.get(sample.meeting).minutes_status is MinutesStatus.CONFIRMED
