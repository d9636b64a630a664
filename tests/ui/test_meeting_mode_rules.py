"""Meeting mode at 1366×768 driven by keys and clicks: 퇴장 until the quorum is lost, 제척·기피·회피, named votes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from aict_desktop.domain.enums import VoteResult
from aict_desktop.domain.rules import RecusalKind, VoteChoice
from aict_desktop.i18n import fmt_time
from tests.ui.meeting_window import open_meeting_window
from tests.ui.user import type_text

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot, services, sample):  # the sample's 15 members: 의사정족수 8
    return open_meeting_window(qtbot, services, sample.meeting, size=(1366, 768))


def tick_present(qtbot, window, n: int) -> None:
    """Key 1 on the first ``n`` members (each press moves to the next row)."""
    table = window.attendance.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _n in range(n):
        qtbot.keyClick(table, Qt.Key.Key_1)


def to_resolution(qtbot, window, sample) -> None:
    qtbot.keyClick(window.item_panel.notes, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.item_panel.item_id == sample.resolution and window.item_panel.vote_box.isVisible()


def status_cell(window, row: int) -> str:
    view = window.attendance.table
    return view.model().data(view.model().index(row, 3))


def test_departures_until_the_quorum_is_lost_suspend_the_vote(window, services, sample, qtbot):
    tick_present(qtbot, window, 9)
    to_resolution(qtbot, window, sample)
    vote = window.item_panel.vote_box
    assert vote.record_button.isEnabled() and vote.yes.isEnabled() and not vote.suspended.isVisible()
    table = window.attendance.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Up)  # row 9 → row 8, the ninth member
    qtbot.keyClick(table, Qt.Key.Key_6)  # 퇴장 now: 8 of 15 still open the meeting
    left = services.meetings.attendance_rows(sample.meeting)[8]
    assert left.left_at is not None and fmt_time(left.left_at) in status_cell(window, 8)
    assert "퇴장" in status_cell(window, 8) or "left" in status_cell(window, 8)
    assert window.attendance.leave_button.isChecked()
    assert vote.record_button.isEnabled()
    qtbot.keyClick(table, Qt.Key.Key_Up)
    qtbot.mouseClick(window.attendance.leave_button, LEFT)  # the button does the same: 7 of 15
    t = services.meetings.tally(sample.meeting)
    assert (t.present, t.present_now, t.met) == (9, 7, False)
    assert not vote.record_button.isEnabled() and not vote.yes.isEnabled() and not vote.named_button.isEnabled()
    assert vote.suspended.isVisible() and "7" in vote.suspended.text() and "8" in vote.suspended.text()
    header = window.quorum_label.text()
    assert "7" in header and ("표결 중지" in header or "voting suspended" in header)
    qtbot.keyClick(vote.decision_text, Qt.Key.Key_Return)  # Enter in the decision field records nothing
    assert services.meetings.decision(sample.resolution) is None
    window.grab().save("/tmp/meeting_mode_rules.png")
    # back in the room: the quorum is regained and the vote comes back
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_6)
    assert services.meetings.attendance_rows(sample.meeting)[7].left_at is None
    assert not window.attendance.leave_button.isChecked()
    assert vote.record_button.isEnabled() and not vote.suspended.isVisible()
    vote.yes.setFocus()
    qtbot.keyClick(vote.yes, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(vote.yes, "6")
    qtbot.mouseClick(vote.record_button, LEFT)
    d = services.meetings.decision(sample.resolution)
    assert (d.yes, d.result) == (6, VoteResult.PASSED)  # 6 of the 8 in the room


def test_a_recusal_added_through_the_dialog_changes_what_passing_needs(window, services, sample, qtbot):
    tick_present(qtbot, window, 10)
    to_resolution(qtbot, window, sample)
    vote = window.item_panel.vote_box
    assert "6" in vote.needs.text() and "10" in vote.needs.text()  # 출석 10명 중 6명 이상 찬성
    qtbot.mouseClick(vote.add_recusal_button, LEFT)
    dlg = vote.dialog
    assert dlg is not None and dlg.isVisible()
    for _n in range(dlg.person.count()):  # down the list to 이서연, the presenter of the item
        if dlg.person.currentText().startswith("이서연"):
            break
        qtbot.keyClick(dlg.person, Qt.Key.Key_Down)
    assert dlg.person.currentText().startswith("이서연")
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, LEFT)  # no reason: refused beside the field, the dialog stays
    assert dlg.isVisible() and dlg.form.error_text("reason")
    assert services.meetings.recusals(sample.resolution) == []
    dlg.reason.setFocus()
    type_text(dlg.reason, "안건 제안자 본인")
    qtbot.mouseClick(ok, LEFT)
    assert not dlg.isVisible()
    rec = services.meetings.recusals(sample.resolution)
    assert [(r.name, r.kind, r.reason) for r in rec] == [("이서연", RecusalKind.WITHDRAWAL, "안건 제안자 본인")]
    assert vote.recusal_list.count() == 1 and "이서연" in vote.recusal_list.item(0).text()
    assert "안건 제안자 본인" in vote.recusal_list.item(0).text()
    needs = vote.needs.text()
    assert "5" in needs and "9" in needs and "10" not in needs  # 출석 9명 중 5명 이상 찬성 (1명 제외)
    assert services.meetings.tally(sample.meeting).present == 10  # still present for the quorum
    window.grab().save("/tmp/meeting_mode_rules_recusal.png")
    qtbot.mouseClick(vote.remove_recusal_button, LEFT)
    assert services.meetings.recusals(sample.resolution) == [] and vote.recusal_list.count() == 0
    assert "6" in vote.needs.text() and "10" in vote.needs.text()


def test_named_vote_grid_fills_the_counts_and_refuses_the_recused(window, services, sample, qtbot):
    tick_present(qtbot, window, 9)
    to_resolution(qtbot, window, sample)
    vote = window.item_panel.vote_box
    here = [r for r in services.meetings.attendance_rows(sample.meeting) if r.status == "출석"]
    services.meetings.set_recusal(sample.resolution, here[8].person_id, RecusalKind.EXCLUSION, "신청 기관 대표")
    qtbot.mouseClick(vote.named_button, LEFT)
    dlg = vote.dialog
    table = dlg.table
    assert table.rowCount() == 9 and table.currentRow() == 0
    table.setFocus()
    for key in [Qt.Key.Key_1] * 5 + [Qt.Key.Key_2, Qt.Key.Key_2, Qt.Key.Key_3]:
        qtbot.keyClick(table, key)  # each saved at once, then the next member
    assert table.currentRow() == 8
    qtbot.keyClick(table, Qt.Key.Key_1)  # the excluded member cannot vote
    assert here[8].name in dlg.message.text()
    assert len(services.meetings.votes(sample.resolution)) == 8
    assert "5" in dlg.totals.text() and "8" in dlg.totals.text()
    qtbot.mouseClick(dlg.close_button, LEFT)
    assert not dlg.isVisible()
    assert (vote.yes.value(), vote.no.value(), vote.abstain.value()) == (5, 2, 1)
    assert not vote.yes.isEnabled() and vote.record_button.isEnabled()  # the counts are the named totals
    d = services.meetings.decision(sample.resolution)
    assert (d.yes, d.no, d.abstain, d.result) == (5, 2, 1, VoteResult.PASSED)  # 5 of the 8 who may vote
    assert "가결" in window.agenda.item(1).text()
    assert "(8)" in vote.named_button.text()
    vote.decision_text.setFocus()
    type_text(vote.decision_text, "원안 가결")
    qtbot.keyClick(vote.decision_text, Qt.Key.Key_Return)
    assert services.meetings.decision(sample.resolution).text == "원안 가결"
    assert services.meetings.votes(sample.resolution)[here[0].person_id] is VoteChoice.YES
