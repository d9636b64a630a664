"""A meeting not yet held follows the current members: asked before its 명부 or notice, updated on a click."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from aict_desktop.domain.enums import AttendanceStatus, MeetingStatus
from aict_desktop.i18n import _
from tests.meeting_sample import build
from tests.ui.user import click_in_next_box


@pytest.fixture
def changed(services):
    """5 members invited; then 박지훈 is 해촉 and 문새봄 appointed before the meeting's day."""
    sample = build(services, members=5)
    services.appointments.end(sample.appointments[2], "해촉", on=dt.date(2025, 7, 1))
    p = services.roster.create_person(name="문새봄")
    services.appointments.appoint(p.id, sample.body, term_start=dt.date(2025, 7, 1))
    return sample


def invited(services, meeting_id) -> list[str]:
    return sorted(r.name for r in services.meetings.attendance_rows(meeting_id) if r.is_member)


def test_gaps_name_who_is_missing_and_who_no_longer_serves(services, changed):
    gaps = services.meetings.invitation_gaps(changed.meeting)
    assert gaps.not_invited == ["문새봄"] and gaps.not_serving == ["박지훈(서울대학교)"]
    assert services.exports.attendance_sheet_data(changed.meeting).not_invited == ["문새봄"]


def test_update_keeps_a_recorded_attendance(services, changed):
    row = next(r for r in services.meetings.attendance_rows(changed.meeting) if r.name == "박지훈")
    services.meetings.set_attendance(row.id, AttendanceStatus.ABSENT)
    done = services.meetings.update_invitations(changed.meeting)
    assert done.not_invited == ["문새봄"] and done.not_serving == []  # 박지훈's 불참 is history: kept
    assert "문새봄" in invited(services, changed.meeting) and "박지훈" in invited(services, changed.meeting)
    assert not services.meetings.invitation_gaps(changed.meeting).not_invited


def test_a_held_meeting_is_not_changed(services, changed):
    services.meetings.update(changed.meeting, {"status": MeetingStatus.HELD.value})
    assert not services.meetings.invitation_gaps(changed.meeting)


def page_on(qtbot, services, meeting_id):
    from aict_desktop.ui.pages.meetings import MeetingsPage

    page = MeetingsPage(services)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.refresh()
    assert page.select_id(meeting_id)
    return page


@pytest.mark.parametrize("choice, expect_new", [("Update the list", True), ("Keep it as it is", False)])
def test_attendance_sheet_asks_first(qtbot, services, changed, choice, expect_new):
    page = page_on(qtbot, services, changed.meeting)
    seen: list[str] = []
    click_in_next_box(_(choice), seen)
    qtbot.mouseClick(page.doc_buttons["attendance"], Qt.MouseButton.LeftButton)
    assert seen and "문새봄" in seen[0] and "박지훈" in seen[0]
    qtbot.waitUntil(lambda: page.documents.last_job is not None and page.documents.last_job.done, timeout=15000)
    assert ("문새봄" in invited(services, changed.meeting)) is expect_new
    assert ("박지훈" in invited(services, changed.meeting)) is not expect_new
    for w in QApplication.topLevelWidgets():  # the preview that opened
        if w.objectName() == "preview" or type(w).__name__ == "PreviewDialog":
            w.close()


def test_cancel_makes_no_paper(qtbot, services, changed):
    page = page_on(qtbot, services, changed.meeting)
    seen: list[str] = []
    click_in_next_box(_("Cancel"), seen)
    qtbot.mouseClick(page.doc_buttons["notice"], Qt.MouseButton.LeftButton)
    assert seen and page.documents.last_job is None
    assert "문새봄" not in invited(services, changed.meeting)


def test_cli_says_who_differs_on_stderr(services, changed, db_path, tmp_path, capsys):
    from aict_desktop.cli import main

    for kind, extra in (("attendance-sheet", []), ("notice", ["--urgent-reason", "일정 변경"])):
        assert main(["--db", str(db_path), "export", kind, "--meeting", str(changed.meeting),
                     "--out", str(tmp_path / f"{kind}.pdf"), *extra]) == 0
        err = capsys.readouterr().err
        assert "문새봄" in err and "박지훈" in err
