"""Meeting mode offscreen with real services and a real data file (issue 5 item 2, 4, 5)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pypdf import PdfReader
from sqlmodel import select

from aict_desktop.domain.enums import AttendanceStatus, MeetingStatus, MinutesStatus, VoteResult
from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.models import AccessLog
from tests.ui.user import type_text
from tests.meeting_sample import mark_present


def read_message(qtbot) -> str:
    """The message just shown: window-modal but not blocking (the call has returned while it is open, so
    the meeting's autosave and clock go on). Read it and press OK, as a user does."""
    from aict_desktop.ui import feedback

    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=2000)
    box = QApplication.activeModalWidget()
    assert box.text() == feedback.shown[-1]
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not box, timeout=2000)
    return feedback.shown[-1]


def saved(qtbot, job, path):
    """Wait for a paper made in the background to be written; its path."""
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    return path


def test_opening_marks_meeting_in_progress(window, services, sample):
    m = services.meetings.get(sample.meeting)
    assert m.status is MeetingStatus.IN_PROGRESS and m.opened_at is not None
    assert "재적 15명" in window.quorum_label.text() or "15" in window.quorum_label.text()


def test_attendance_by_keys_updates_quorum(window, services, sample, qtbot):
    table = window.attendance.table
    table.setFocus()
    table.selectRow(0)
    for _n in range(8):
        qtbot.keyClick(table, Qt.Key.Key_1)  # 출석, and the next row is selected
    rows = services.meetings.attendance_rows(sample.meeting)
    assert [r.status for r in rows[:8]] == ["출석"] * 8
    assert all(r.arrived_at is not None for r in rows[:8])
    assert "개의 가능" in window.quorum_label.text() and "8명" in window.quorum_label.text()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_2)  # 불참: 7 of 15 is not enough
    assert services.meetings.counts(sample.meeting) == (15, 7)
    text = window.quorum_label.text()  # 재적 15명 중 7명 재석 — 의사정족수 미달: 표결 중지
    assert "15" in text and "7" in text and ("미달" in text or "no quorum" in text)
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_5)  # 온라인 still counts
    assert services.meetings.attendance_rows(sample.meeting)[1].status == AttendanceStatus.ONLINE.value
    window.attendance.walk_in_name.setText("정배석 <참관>")
    window.attendance.walk_in_affiliation.setText("서초구청")
    qtbot.keyClick(window.attendance.walk_in_name, Qt.Key.Key_Return)
    walk = [r for r in services.meetings.attendance_rows(sample.meeting) if not r.is_member]
    assert [(w.name, w.affiliation) for w in walk] == [("정배석 <참관>", "서초구청")]
    assert services.meetings.counts(sample.meeting) == (15, 7)  # observers are not counted


def test_notes_are_committed_within_a_second_while_typing(window, services, sample, qtbot):
    notes = window.item_panel.notes
    notes.setFocus()
    type_text(notes, "김 위원: 예산 10% 증액 검토")
    qtbot.waitUntil(lambda: services.meetings.item(sample.report).notes == "김 위원: 예산 10% 증액 검토", timeout=1000)
    # typing without a pause still saves (max wait), not only after the typist stops
    phrase = " 그리고 일정 조정 및 장소 확정이 필요함"
    for ch in phrase:
        type_text(notes, ch)
        qtbot.wait(60)
    saved = services.meetings.item(sample.report).notes
    assert phrase[:8] in saved  # what was typed more than 0.7 s ago is committed, mid-typing
    qtbot.wait(800)
    assert services.meetings.item(sample.report).notes == notes.toPlainText()
    assert "saved" in window.save_label.text().lower() or "저장" in window.save_label.text()


def test_switching_items_saves_and_remembers(window, services, sample, qtbot):
    notes = window.item_panel.notes
    notes.setFocus()
    type_text(notes, "보고 내용")
    qtbot.keyClick(notes, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # next item, saved at once
    assert services.meetings.item(sample.report).notes == "보고 내용"
    assert window.item_panel.item_id == sample.resolution
    assert window.item_panel.vote_box.isVisible()
    from aict_desktop.services.meeting_tools import meeting_tools

    assert meeting_tools(services).session.current_item(sample.meeting) == sample.resolution
    qtbot.keyClick(window.item_panel.notes, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.item_panel.item_id == sample.report
    assert window.item_panel.notes.toPlainText() == "보고 내용"


def test_vote_refused_when_more_than_present_then_recorded(window, services, sample):
    mark_present(services, sample.meeting, 9)
    window.step(+1)
    panel = window.item_panel
    panel.yes.setValue(8)
    panel.no.setValue(2)
    panel.record_vote()
    assert "10" in panel.result.text() and "9" in panel.result.text()
    assert services.meetings.decision(sample.resolution) is None
    panel.no.setValue(1)
    panel.decision_text.setText("원안 가결")
    panel.record_vote()
    d = services.meetings.decision(sample.resolution)
    assert (d.yes, d.no, d.result, d.text) == (8, 1, VoteResult.PASSED, "원안 가결")
    assert "가결" in window.agenda.item(1).text()


def test_action_item_from_current_item_becomes_task(window, services, sample, qtbot):
    mark_present(services, sample.meeting, 9)
    window.step(+1)
    window.item_panel.yes.setValue(9)
    window.item_panel.record_vote()
    panel = window.actions_panel
    panel.title.setText("교육과정 세부 계획 수립")
    panel.owner.setCurrentIndex(panel.owner.findText("이서연", Qt.MatchFlag.MatchStartsWith))
    panel.due.setDate(panel.due.date().fromString("2025-08-31", "yyyy-MM-dd"))
    qtbot.keyClick(panel.title, Qt.Key.Key_Return)
    tasks = services.tasks.list(body_id=sample.body)
    assert [(t.title, t.owner, t.due) for t in tasks] == [("교육과정 세부 계획 수립", "이서연", dt.date(2025, 8, 31))]
    task = services.tasks.get(tasks[0].id)
    d = services.meetings.decision(sample.resolution)
    assert (task.origin_meeting_id, task.origin_agenda_item_id, task.origin_decision_id) == (
        sample.meeting, sample.resolution, d.id)
    model = panel.table.model()
    assert model.rowCount() == 1 and model.data(model.index(0, 0)) == "교육과정 세부 계획 수립"
    assert model.data(model.index(0, 3)) == "AI 교육과정 운영 계획(안)"


def test_confirm_locks_then_unconfirm_is_logged(window, services, sample, tmp_path, qtbot):
    type_text(window.item_panel.notes, "확정 전 메모")
    assert not window.minutes_bar.confirm(by="홍간사")  # the 의결 item has no notes and no vote yet
    message = read_message(qtbot)
    assert "결정 사항 및 표결 내용(안건 2)" in message and "제18조" in message
    mark_present(services, sample.meeting, 10)
    services.meetings.save_notes(sample.resolution, "원안대로 의결")
    services.meetings.record_decision(sample.resolution, yes=8, no=0)
    assert window.minutes_bar.confirm(by="홍간사")  # saves the notes first
    assert services.meetings.item(sample.report).notes == "확정 전 메모"
    assert window.item_panel.notes.isReadOnly() and not window.attendance.buttons[AttendanceStatus.PRESENT].isEnabled()
    assert "홍간사" in window.minutes_bar.state.text()
    with pytest.raises(ValidationError) as err:
        services.meetings.save_notes(sample.report, "몰래 수정")
    assert "홍간사" in err.value.message
    pdf = saved(qtbot, window.minutes_bar.export("pdf", tmp_path / "minutes.pdf"), tmp_path / "minutes.pdf")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "확정 전 메모" in text and "회" in text
    assert window.minutes_bar.unconfirm(by="홍간사", reason="참석자 정정")
    assert not window.item_panel.notes.isReadOnly()
    assert services.meetings.get(sample.meeting).minutes_status is MinutesStatus.DRAFT
    with services.store.session() as s:
        actions = [(e.action, e.detail) for e in s.exec(select(AccessLog))]
    assert ("minutes.unconfirm", "홍간사: 참석자 정정") in actions


def test_finish_and_close_save_everything(window, services, sample):
    type_text(window.summary, "기타: 다음 회의는 9월")
    window.finish()
    m = services.meetings.get(sample.meeting)
    assert m.status is MeetingStatus.HELD and m.minutes_summary == "기타: 다음 회의는 9월"
    type_text(window.item_panel.notes, "닫기 직전")
    window.close()
    assert services.meetings.item(sample.report).notes == "닫기 직전"


def test_allowances_panel_totals_and_override(window, services, sample, qtbot, tmp_path):
    mark_present(services, sample.meeting, 10)
    dlg = window.show_allowances()
    qtbot.addWidget(dlg)
    # 10 present, one of them the 당연직 public official 권도현 (no allowance): 9 × 150,000원
    assert "1,350,000원" in dlg.total.text()
    official = next(ln for ln in dlg.lines if ln.name == "권도현")
    assert official.attended and official.amount == 0
    dlg.table.selectRow(0)
    dlg.amount.setValue(100_000)
    qtbot.mouseClick(dlg.set_button, Qt.MouseButton.LeftButton)  # no reason: refused with a message, nothing changed
    assert read_message(qtbot) and "1,350,000원" in dlg.total.text()
    dlg.reason.setText("조기 퇴장")
    dlg.set_amount()
    assert "1,300,000원" in dlg.total.text()
    assert dlg.lines[0].overridden and dlg.lines[0].note == "조기 퇴장"
    xlsx = saved(qtbot, dlg.save("xlsx", tmp_path / "a.xlsx"), tmp_path / "a.xlsx")
    assert xlsx.read_bytes()[:2] == b"PK"


def test_resume_offers_the_meeting_left_in_progress(qtbot, services, sample):
    from aict_desktop.services.meeting_tools import meeting_tools
    from aict_desktop.ui.meetings.resume import offer_resume

    assert offer_resume(services, ask=lambda *_a: True) is None  # nothing in progress
    meeting_tools(services).session.start(sample.meeting)
    meeting_tools(services).session.set_current_item(sample.meeting, sample.resolution)
    questions = []
    assert offer_resume(services, ask=lambda _p, q: questions.append(q) or False) is None
    assert "제1차" in questions[0]
    w = offer_resume(services, ask=lambda *_a: True)
    qtbot.addWidget(w)
    assert w.meeting_id == sample.meeting and w.item_panel.item_id == sample.resolution
