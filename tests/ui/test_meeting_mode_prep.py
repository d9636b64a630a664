"""The preparation dialog: proposal, invitees, agenda by buttons and drag, open items, notice and sheet."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pypdf import PdfReader

from aict_desktop.domain.enums import AgendaKind
from aict_desktop.services.meeting_tools import meeting_tools
from tests.meeting_sample import build


def test_new_meeting_proposed_created_and_edited(qtbot, services, tmp_path):
    s = build(services)
    tools = meeting_tools(services)
    open_task = tools.actions.add(s.meeting, "참여 기업 명단 정리", owner_person_id=s.people[2])
    from aict_desktop.ui.meetings.prep_dialog import MeetingPrepDialog

    dlg = MeetingPrepDialog(services, body_id=s.body)
    qtbot.addWidget(dlg)
    assert dlg.number.value() == 2
    assert dlg.invitees.count() == 15 and not dlg.agenda.isEnabled()
    assert dlg.open_items.count() == 1 and "참여 기업 명단 정리" in dlg.open_items.item(0).text()
    dlg.invitees.item(14).setCheckState(Qt.CheckState.Unchecked)
    dlg.place.setText("서초구청 3층 회의실")
    assert dlg.save()
    m = services.meetings.get(dlg.meeting_id)
    assert (m.number, m.place) == (2, "서초구청 3층 회의실")
    assert services.meetings.counts(m.id) == (14, 0)
    items = services.meetings.items(m.id)
    assert len(items) == 1 and [t.id for t in services.meetings.linked_tasks(items[0].id)] == [open_task.id]

    # agenda: add by keyboard, reorder by button and by drag (the drop hands the new order over)
    ed = dlg.agenda
    assert ed.isEnabled()
    ed.kind.setCurrentIndex(ed.kind.findData(AgendaKind.RESOLUTION))
    ed.title.setText("하반기 사업계획(안)")
    ed.presenter.setText("간사")
    qtbot.keyClick(ed.title, Qt.Key.Key_Return)
    assert ed.list.count() == 2 and "[의결] 하반기 사업계획(안) — 간사" in ed.list.item(1).text()
    ed.up_button.click()
    assert [i.title for i in services.meetings.items(m.id)][0] == "하반기 사업계획(안)"
    ids = ed.list.ids()
    ed.reorder(list(reversed(ids)))
    assert [i.id for i in services.meetings.items(m.id)] == list(reversed(ids))

    # invitees toggle at once
    dlg.invitees.item(14).setCheckState(Qt.CheckState.Checked)
    assert services.meetings.counts(m.id) == (15, 0)

    # printable notice and attendance sheet
    notice, sheet = tmp_path / "notice.pdf", tmp_path / "sheet.pdf"
    jobs = [dlg.print_pdf("notice", notice), dlg.print_pdf("attendance", sheet)]  # made in the background
    qtbot.waitUntil(lambda: all(job.done for job in jobs), timeout=20000)
    assert "하반기 사업계획" in "".join(p.extract_text() for p in PdfReader(notice).pages)
    assert "김민준" in "".join(p.extract_text() for p in PdfReader(sheet).pages)

    # editing the date keeps the meeting
    dlg.starts_at.setDateTime(dlg.starts_at.dateTime().addDays(1))
    assert dlg.save()
    assert services.meetings.get(m.id).starts_at.date() == m.starts_at.date() + dt.timedelta(days=1)

    dlg.start_meeting()
    assert dlg.mode_window is not None and dlg.mode_window.meeting_id == m.id
    qtbot.addWidget(dlg.mode_window)


def test_meetings_page_buttons_open_preparation_and_meeting_mode(qtbot, services):
    s = build(services)
    from aict_desktop.ui.pages.meetings import MeetingsPage

    page = MeetingsPage(services)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.meeting_prep_button.text() and page.meeting_mode_button.text()
    assert page.select_id(s.meeting)
    page.meeting_prep_button.click()
    from aict_desktop.ui.meetings.prep_dialog import MeetingPrepDialog

    dlg = page.findChild(MeetingPrepDialog)
    assert dlg is not None and dlg.meeting_id == s.meeting and dlg.agenda.list.count() == 2
    dlg.accept()
    from aict_desktop.ui.meetings.page_buttons import open_mode

    window = open_mode(page)  # deletes itself on close
    assert window.meeting_id == s.meeting and window.isVisible()
    window.close()
