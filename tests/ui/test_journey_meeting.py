"""A committee's cycle by clicks and keys at 1366×768: 회의 준비 → meeting mode (attendance by keys, notes,
vote, action item, 확정, 회의 종료, 참석수당) → 위촉장 preview, issue and save as PDF — asserting what the
user sees. The first-day journey (body, imports, 위촉) is test_journey.py. Screenshots: /tmp/aict_journey."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from aict_desktop.domain.enums import AppointmentKind, AttendanceStatus, MeetingStatus, MinutesStatus, Role
from aict_desktop.i18n import _
from tests.ui.test_gui_trust import click_nav
from tests.ui.test_journey import SHOTS, click, shot, type_into
from tests.ui.user import answer_next_input, click_in_next_box, type_text

MEMBERS = [("김민준", Role.CHAIR), ("이서연", Role.MEMBER), ("박도윤", Role.MEMBER), ("최하은", Role.MEMBER),
           ("정시우", Role.MEMBER)]


def committee(services):
    body = services.bodies.create_body(name="서초구 AI 혁신 협의체", issuer="서울특별시 서초구청장",
                                       allowance_rate=150_000)
    inst = services.roster.create_institution(name="서울대학교", sector="대학")
    for name, role in MEMBERS:
        p = services.roster.create_person(name=name, institution_id=inst.id, position="교수")
        services.appointments.appoint(p.id, body.id, role=role, kind=AppointmentKind.APPOINTED,
                                      term_start=dt.date.today() - dt.timedelta(days=30))
    return body


def test_meeting_to_certificates_by_clicks(qtbot, services, tmp_path, monkeypatch):
    from aict_desktop.config import Settings
    from aict_desktop.ui.main_window import MainWindow
    from aict_desktop.ui.meetings.prep_dialog import MeetingPrepDialog
    from aict_desktop.ui.preview import PreviewDialog

    body = committee(services)
    win = MainWindow(Settings(), services)
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.show()
    qtbot.waitExposed(win)

    # 1. 회의 → 회의 준비: the place typed, the meeting created, two agenda items added by keys
    click_nav(win, "meetings")
    page = win.current_page()
    click(page.meeting_prep_button)
    prep = next(w for w in page.findChildren(MeetingPrepDialog) if w.isVisible())
    qtbot.addWidget(prep)
    prep.body.setCurrentIndex(prep.body.findData(body.id))
    assert prep.number.value() == 1 and prep.invitees.count() == len(MEMBERS)
    type_into(prep.place, "서초구청 3층 대회의실")
    click(prep.save_button)
    assert prep.meeting_id is not None
    ed = prep.agenda
    for kind, title in ((0, "상반기 사업 추진 현황 보고"), (None, "AI 교육과정 운영 계획(안)")):
        if kind is None:
            ed.kind.setCurrentIndex(ed.kind.count() - 1)  # the last kind: 의결
        type_into(ed.title, title)
        QTest.keyClick(ed.title, Qt.Key.Key_Return)
    assert ed.list.count() == 2 and "의결" in ed.list.item(1).text()
    assert [i.title for i in services.meetings.items(prep.meeting_id)] == ["상반기 사업 추진 현황 보고",
                                                                          "AI 교육과정 운영 계획(안)"]
    assert ed.title.text() == ""  # ready for the next item
    prep.grab().save(str(SHOTS / "10_prep.png"))
    meeting_id = prep.meeting_id
    click(prep.start_button)
    mode = prep.mode_window
    assert mode is not None and mode.isVisible()
    mode.resize(1366, 728)
    assert services.meetings.get(meeting_id).status is MeetingStatus.IN_PROGRESS

    # 2. attendance by keys: F2, then 1 (출석) for four members, 2 (불참) for the last
    with qtbot.waitActive(mode):
        mode.activateWindow()
    QTest.keyClick(mode, Qt.Key.Key_F2)
    table = mode.attendance.table
    table.selectRow(0)
    for key in (Qt.Key.Key_1,) * 4 + (Qt.Key.Key_2,):
        QTest.keyClick(table, key)
    statuses = [r.status for r in services.meetings.attendance_rows(meeting_id) if r.is_member]
    assert sorted(statuses) == sorted([AttendanceStatus.PRESENT.value] * 4 + [AttendanceStatus.ABSENT.value])
    assert "4" in mode.quorum_label.text()

    # 3. notes of item 1 (F3), next item (Alt+Down), its notes, the vote typed (F4), an action item (F6)
    QTest.keyClick(mode, Qt.Key.Key_F3)
    type_text(mode.item_panel.notes, "간사가 상반기 추진 현황을 보고함.")
    QTest.keyClick(mode, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(mode, Qt.Key.Key_F3)
    type_text(mode.item_panel.notes, "원안대로 의결함.")
    QTest.keyClick(mode, Qt.Key.Key_F4)
    panel = mode.item_panel
    panel.yes.lineEdit().selectAll()
    type_text(panel.yes.lineEdit(), "4")
    click(panel.record_button)
    assert "가결" in mode.agenda.item(1).text()
    QTest.keyClick(mode, Qt.Key.Key_F6)
    type_text(mode.actions_panel.title, "교육과정 세부 계획 수립")
    QTest.keyClick(mode.actions_panel.title, Qt.Key.Key_Return)
    assert [t.title for t in services.tasks.list(body_id=body.id)] == ["교육과정 세부 계획 수립"]
    shot(mode, "11_meeting_mode")

    # 4. 확정 (the name asked), 회의 종료, then the allowances of the four present
    answer_next_input("홍간사", replace=True)
    click(mode.minutes_bar.confirm_button)
    m = services.meetings.get(meeting_id)
    assert m.minutes_status is MinutesStatus.CONFIRMED and m.minutes_confirmed_by == "홍간사"
    assert [i.notes for i in services.meetings.items(meeting_id)] == ["간사가 상반기 추진 현황을 보고함.", "원안대로 의결함."]
    click(mode.finish_button)
    assert services.meetings.get(meeting_id).status is MeetingStatus.HELD
    click(mode.allowances_button)
    allowances = next(w for w in mode.findChildren(QDialog) if w.isVisible() and w.windowTitle() == _(
        "Attendance allowances"))
    model = allowances.table.model()
    amounts = [model.data(model.index(r, 4)) for r in range(model.rowCount())]
    assert sorted(amounts) == sorted(["150,000원"] * 4 + ["0원"]), amounts  # the absent member listed, unpaid
    assert "600,000" in allowances.total.text()
    allowances.grab().save(str(SHOTS / "12_allowances.png"))
    allowances.close()
    mode.close()

    # 5. 위촉장: preview (marked, no serial), then issue (asked), and save the PDF from the preview window
    click_nav(win, "certificates")
    certs = win.current_page()
    certs.body.setCurrentIndex(certs.body.findData(body.id))
    assert len(certs.chosen_ids()) == len(MEMBERS)
    click(certs.preview_button)
    qtbot.waitUntil(lambda: certs.job is not None and certs.job.done, timeout=20_000)
    preview = PreviewDialog.open_dialogs()[-1]
    assert preview.document.pageCount() == len(MEMBERS) and not services.certificates.list(body.id)
    preview.close()
    seen: list[str] = []
    click_in_next_box(_("Issue"), seen)
    click(certs.issue_button)
    assert seen and str(len(MEMBERS)) in seen[0]
    qtbot.waitUntil(lambda: certs.job.done, timeout=20_000)
    issued = PreviewDialog.open_dialogs()[-1]
    shot(win, "13_certificates_issued")
    target = tmp_path / "위촉장.pdf"
    monkeypatch.setattr("aict_desktop.ui.preview.ask_save_path", lambda *_a, **_k: str(target))
    click(issued.save_button)
    text = "".join(p.extract_text() for p in PdfReader(str(target)).pages)
    assert all(name in text for name, _r in MEMBERS) and "위촉장" in text.replace(" ", "")
    assert len(certs.register.all_rows()) == len(MEMBERS)
    issued.close()
