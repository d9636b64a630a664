"""Must-show scenario: the demo 서초AICT 운영위원회 from preparation to confirmed minutes, in the program."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pypdf import PdfReader

from aict_desktop.domain.enums import AgendaKind, MeetingStatus, MinutesStatus


def _type(widget, text: str) -> None:
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def test_demo_committee_preparation_to_confirmed_minutes(qtbot, services, tmp_path):
    from aict_desktop.services.demo import load_demo
    from aict_desktop.ui.meetings.meeting_mode import MeetingModeWindow
    from aict_desktop.ui.meetings.prep_dialog import MeetingPrepDialog

    load_demo(services)
    body = services.bodies.find_body("서초AICT 운영위원회")
    before = services.meetings.list(body_id=body.id)
    dlg = MeetingPrepDialog(services, body_id=body.id)
    qtbot.addWidget(dlg)
    assert dlg.number.value() == max(m.number for m in before) + 1
    assert dlg.open_items.count() >= 1  # the demo's open action items are offered
    dlg.place.setText("서초구청 8층 기획상황실")
    assert dlg.save()
    ed = dlg.agenda
    ed.kind.setCurrentIndex(ed.kind.findData(AgendaKind.RESOLUTION))
    ed.title.setText("서초 AI 교육과정 확대 운영 계획(안)")
    ed.add()
    meeting_id = dlg.meeting_id
    items = services.meetings.items(meeting_id)
    assert items[0].kind is AgendaKind.REPORT and services.meetings.linked_tasks(items[0].id)

    w = MeetingModeWindow(services, meeting_id)
    qtbot.addWidget(w)
    with qtbot.waitActive(w):  # keyboard shortcuts act in the active window
        w.show()
        w.activateWindow()
    w.attendance.table.setFocus()
    w.attendance.table.selectRow(0)
    members = sum(1 for r in w.attendance.rows if r.is_member)
    for _n in range(members):
        qtbot.keyClick(w.attendance.table, Qt.Key.Key_1)
    enrolled, present = services.meetings.counts(meeting_id)
    assert present == enrolled and str(enrolled) in w.quorum_label.text()
    _type(w.item_panel.notes, "간사: 지난 회의 조치사항 추진 현황을 보고함.")
    qtbot.keyClick(w.item_panel.notes, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    _type(w.item_panel.notes, "이서연 위원: 교육과정 5개로 확대 제안.")
    w.item_panel.yes.setValue(present - 1)
    w.item_panel.no.setValue(1)
    w.item_panel.decision_text.setText("원안 가결")
    w.item_panel.record_vote()
    w.finish()
    assert w.minutes_bar.confirm(by="홍길동 주무관")
    m = services.meetings.get(meeting_id)
    assert m.status is MeetingStatus.HELD and m.minutes_status is MinutesStatus.CONFIRMED
    pdf = tmp_path / "minutes.pdf"
    job = w.minutes_bar.export("pdf", pdf)  # made in the background: the meeting goes on meanwhile
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages).replace("\n", " ")
    for expected in ("회의록", "서초AICT 운영위원회", "지난 회의 조치사항 추진 현황을 보고함", "교육과정 5개로 확대 제안",
                     "가결", "홍길동 주무관"):
        assert expected in text, expected
    for fmt in ("docx", "hwpx"):
        job = w.minutes_bar.export(fmt, tmp_path / f"minutes.{fmt}")
        qtbot.waitUntil(lambda job=job: job.done, timeout=20000)
        assert (tmp_path / f"minutes.{fmt}").read_bytes()[:2] == b"PK"
