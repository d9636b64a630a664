"""Meeting mode's tables on the shared row models (issue 15): a header click sorts, keys act on the person
selected wherever the sort put them, and a refresh after each key keeps the selection and the scroll."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from aict_desktop.domain.enums import AttendanceStatus
from aict_desktop.ui.models.base import RowRole
from tests.meeting_sample import NAMES
from tests.ui.meeting_window import open_meeting_window
from tests.ui.user import type_text

LEFT = Qt.MouseButton.LeftButton


def open_window(qtbot, services, meeting_id, size=(1366, 768)):
    return open_meeting_window(qtbot, services, meeting_id, size)


def click_header(qtbot, view, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, header.height() // 2))


def click_row(qtbot, view, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    assert rect.isValid() and view.viewport().rect().contains(rect.center()), "row not on screen"
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())


def shown(view, column: int = 0) -> list[str]:
    model = view.model()
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def selected(view):
    """The row objects of the selected rows (through RowRole)."""
    return [view.model().data(i, RowRole) for i in view.selectionModel().selectedRows()]


def status_of(services, meeting_id, name: str) -> str:
    return next(r.status for r in services.meetings.attendance_rows(meeting_id) if r.name == name)


def test_sorted_by_name_the_keys_mark_the_person_selected_then_the_next_one_shown(qtbot, services, sample):
    w = open_window(qtbot, services, sample.meeting)
    view = w.attendance.table
    assert shown(view)[0] == "김민준"  # the services' order: 위원장 first
    click_header(qtbot, view, 0)  # 성명
    assert shown(view) == sorted(NAMES)
    target = shown(view).index("이서연")
    click_row(qtbot, view, target)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert status_of(services, sample.meeting, "이서연") == AttendanceStatus.PRESENT.value
    assert status_of(services, sample.meeting, NAMES[0]) == AttendanceStatus.UNKNOWN.value  # not row 0 of the file
    following = sorted(NAMES)[target + 1]
    assert [r.name for r in selected(view)] == [following] and view.currentIndex().row() == target + 1
    qtbot.keyClick(view, Qt.Key.Key_2)  # the next key acts on the next name in the sorted list
    assert status_of(services, sample.meeting, following) == AttendanceStatus.ABSENT.value
    assert shown(view) == sorted(NAMES)  # still sorted after the refreshes
    row = shown(view).index("이서연")
    assert "출석" in view.model().data(view.model().index(row, 3)) or \
        "Present" in view.model().data(view.model().index(row, 3))
    assert view.model().data(view.model().index(row, 3), Qt.ItemDataRole.BackgroundRole).color() == QColor("#d8f0dc")


def test_a_key_keeps_the_selection_and_the_scroll_position(qtbot, services, sample):
    for k in range(20):  # more people than the table shows at once
        services.meetings.add_walk_in(sample.meeting, f"배석{k:02d}", "서초구청")
    w = open_window(qtbot, services, sample.meeting)
    view = w.attendance.table
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    for _n in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Up)
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() > 0
    before = bar.value()
    person = selected(view)[0]
    assert person.name == "배석16" and not person.is_member
    qtbot.keyClick(view, Qt.Key.Key_2)  # 불참 for an observer: the selection stays on them
    assert status_of(services, sample.meeting, "배석16") == AttendanceStatus.ABSENT.value
    assert bar.value() == before
    assert [r.name for r in selected(view)] == ["배석16"] and selected(view)[0].status == AttendanceStatus.ABSENT.value
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert bar.value() == before and [r.name for r in selected(view)] == ["배석16"]
    # a member in the middle of the list: the next member is selected, the list does not jump to the top
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _n in range(12):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    top = bar.value()
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert bar.value() == top and view.currentIndex().row() == 13


def test_sorted_by_attendance_the_marked_row_moves_and_the_next_person_is_selected(qtbot, services, sample):
    w = open_window(qtbot, services, sample.meeting)
    view = w.attendance.table
    click_header(qtbot, view, 3)  # 참석: all 미정 for now
    names = shown(view)
    click_row(qtbot, view, 0)
    qtbot.keyClick(view, Qt.Key.Key_2)  # 불참 sorts after 미정 and 출석
    assert shown(view)[-1] == names[0]
    assert [r.name for r in selected(view)] == [names[1]] and view.currentIndex().row() == 0
    qtbot.keyClick(view, Qt.Key.Key_6)  # 퇴장 of someone not present: nothing happens
    assert services.meetings.attendance_rows(sample.meeting)[1].left_at is None


def test_walk_in_added_is_selected_and_left_members_show_grey(qtbot, services, sample):
    w = open_window(qtbot, services, sample.meeting)
    view = w.attendance.table
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_1)  # 출석 (arrived now), then the next row
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_6)  # 퇴장 now
    assert w.attendance.leave_button.isChecked()
    model = view.model()
    assert model.data(model.index(2, 0), Qt.ItemDataRole.BackgroundRole).color() == QColor("#dddddd")
    assert selected(view)[0].name == shown(view)[2] and selected(view)[0].left_at is not None
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert not w.attendance.leave_button.isChecked()
    w.attendance.walk_in_name.setFocus()
    qtbot.keyClicks(w.attendance.walk_in_name, "Kim")
    qtbot.keyClick(w.attendance.walk_in_name, Qt.Key.Key_Return)
    assert shown(view)[-1] == "Kim" and [r.name for r in selected(view)] == ["Kim"]
    assert model.data(model.index(model.rowCount() - 1, 2)) in ("배석", "Observer")


def test_attendance_model_passes_the_model_tester(qtmodeltester, services, sample):
    from aict_desktop.ui.models.attendance import AttendanceTableModel

    model = AttendanceTableModel()
    model.set_rows(services.meetings.attendance_rows(sample.meeting))
    qtmodeltester.check(model, force_py=True)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    services.meetings.add_walk_in(sample.meeting, "정배석", "")
    rows = services.meetings.attendance_rows(sample.meeting)
    services.meetings.set_attendance(rows[0].id, "불참")
    model.refresh_rows(services.meetings.attendance_rows(sample.meeting))  # the tester watches the signals
    assert model.rowCount() == 16 and [r.name for r in model.rows()] == sorted((*NAMES, "정배석"), reverse=True)
    model.refresh_rows(services.meetings.attendance_rows(sample.meeting)[1:])
    assert model.rowCount() == 15 and NAMES[0] not in [r.name for r in model.rows()]
    qtmodeltester.check(model, force_py=True)


def add_action(qtbot, panel, title: str) -> None:
    panel.title.setFocus()
    qtbot.keyClicks(panel.title, title)
    qtbot.keyClick(panel.title, Qt.Key.Key_Return)


def test_action_items_sort_keep_their_place_and_remove_the_selected_ones(qtbot, services, sample):
    w = open_window(qtbot, services, sample.meeting)
    panel = w.actions_panel
    view = panel.table
    add_action(qtbot, panel, "C plan")  # item 1 (the report)
    qtbot.keyClick(w.item_panel.notes, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    add_action(qtbot, panel, "A budget")  # item 2 (the resolution)
    add_action(qtbot, panel, "B venue")
    model = view.model()
    assert shown(view) == ["C plan", "A budget", "B venue"]
    blue = [model.data(model.index(r, 0), Qt.ItemDataRole.ForegroundRole) for r in range(3)]
    assert blue[0] is None and blue[1].color() == QColor("#00008b") == blue[2].color()  # the item on screen
    click_header(qtbot, view, 0)
    assert shown(view) == ["A budget", "B venue", "C plan"]
    click_row(qtbot, view, 2)
    assert [r.title for r in selected(view)] == ["C plan"]
    qtbot.keyClick(w.item_panel.notes, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # back to item 1: refreshed
    assert [r.title for r in selected(view)] == ["C plan"] and shown(view) == ["A budget", "B venue", "C plan"]
    assert model.data(model.index(2, 0), Qt.ItemDataRole.ForegroundRole).color() == QColor("#00008b")
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None
    rect = view.visualRect(model.index(0, 0))
    qtbot.mouseClick(view.viewport(), LEFT, Qt.KeyboardModifier.ControlModifier, rect.center())  # and 'A budget'
    assert sorted(r.title for r in selected(view)) == ["A budget", "C plan"]
    qtbot.mouseClick(panel.remove_button, LEFT)
    assert [t.title for t in services.tasks.list(body_id=sample.body)] == ["B venue"] and shown(view) == ["B venue"]


def test_action_items_model_passes_the_model_tester(qtmodeltester, services, sample):
    from aict_desktop.services.meeting_tools import meeting_tools
    from aict_desktop.ui.models.action_items import ActionItemsTableModel

    tools = meeting_tools(services)
    for title in ("첫째", "둘째"):
        tools.actions.add(sample.meeting, title, agenda_item_id=sample.report)
    model = ActionItemsTableModel()
    model.set_rows(tools.actions.for_meeting(sample.meeting))
    model.set_agenda_item(sample.report)
    qtmodeltester.check(model, force_py=True)
    tools.actions.add(sample.meeting, "셋째", due_on=dt.date(2025, 8, 31))
    model.refresh_rows(tools.actions.for_meeting(sample.meeting))
    assert [r.title for r in model.rows()] == ["첫째", "둘째", "셋째"]
    assert model.data(model.index(2, ActionItemsTableModel.COL_DUE)) == "2025. 8. 31."
    qtmodeltester.check(model, force_py=True)



def test_allowances_sorted_by_amount_keep_the_person_selected_after_an_override(qtbot, services, sample):
    from aict_desktop.ui.meetings.allowances_dialog import AllowancesDialog
    from tests.meeting_sample import mark_present

    mark_present(services, sample.meeting, 10)
    w = open_window(qtbot, services, sample.meeting)
    qtbot.mouseClick(w.allowances_button, LEFT)
    dlg = w.findChild(AllowancesDialog)
    assert dlg is not None and dlg.isVisible()
    view = dlg.table
    model = view.model()
    assert model.data(model.index(0, 4), Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    click_header(qtbot, view, 4)  # 금액: the unpaid first
    amounts = [ln.amount for ln in dlg.lines]
    assert amounts == sorted(amounts) and amounts[0] == 0 and amounts[-1] == 150_000
    last = model.rowCount() - 1
    person = dlg.lines[last]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # scrolls down
    click_row(qtbot, view, last)
    assert dlg.amount.value() == 150_000 and dlg.reason.text() == ""
    dlg.amount.lineEdit().selectAll()
    qtbot.keyClicks(dlg.amount.lineEdit(), "50000")
    type_text(dlg.reason, "조기 퇴장")  # Hangul as an input method delivers it
    qtbot.mouseClick(dlg.set_button, LEFT)
    line = next(ln for ln in services.allowances.compute(sample.meeting) if ln.attendance_id == person.attendance_id)
    assert line.amount == 50_000 and line.overridden and line.note == "조기 퇴장"
    # the list stays sorted by amount: the person moved up, and is still the one selected
    assert [ln.amount for ln in dlg.lines] == sorted(ln.amount for ln in dlg.lines)
    assert [r.attendance_id for r in selected(view)] == [person.attendance_id]
    row = view.currentIndex().row()
    assert dlg.lines[row].attendance_id == person.attendance_id and row < last
    assert "조기 퇴장" in model.data(model.index(row, 5)) and "50,000" in model.data(model.index(row, 4))
    assert "1,250,000" in dlg.total.text()  # 1,350,000 − 150,000 + 50,000
    qtbot.mouseClick(dlg.clear_button, LEFT)  # back to the computed amount: same person selected, form refilled
    assert [r.attendance_id for r in selected(view)] == [person.attendance_id]
    assert dlg.amount.value() == 150_000 and dlg.reason.text() == "" and "1,350,000" in dlg.total.text()
    dlg.reject()


def test_allowances_model_passes_the_model_tester(qtmodeltester, services, sample):
    from aict_desktop.ui.models.allowances import AllowancesTableModel
    from tests.meeting_sample import mark_present

    mark_present(services, sample.meeting, 10)
    model = AllowancesTableModel()
    model.set_rows(services.allowances.compute(sample.meeting))
    qtmodeltester.check(model, force_py=True)
    line = model.row(0)
    services.allowances.set_override(line.attendance_id, 10_000, "일부 참석")
    model.sort(AllowancesTableModel.COL_AMOUNT, Qt.SortOrder.AscendingOrder)
    model.refresh_rows(services.allowances.compute(sample.meeting))
    moved = model.index_of_key(line.attendance_id)
    assert model.row(moved).amount == 10_000 and moved > 0  # after the unpaid (0원), before 150,000원
    qtmodeltester.check(model, force_py=True)
