"""Appointments from the GUI: bulk appoint with the proposed term, 연임, 해촉/사임, history."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from aict_desktop.domain.enums import AppointmentStatus
from aict_desktop.domain.terms import default_term_end
from aict_desktop.ui.dialogs.appoint import AppointDialog
from aict_desktop.ui.dialogs.end_appointment import EndAppointmentDialog
from aict_desktop.ui.dialogs.history import HistoryDialog
from aict_desktop.ui.dialogs.reappoint import ReappointDialog
from tests.ui.user import type_text


def new_people(services, n=3):
    inst = services.roster.create_institution(name="테스트기관", sector="기타")
    return [services.roster.create_person(name=f"테스트{i}", institution_id=inst.id) for i in range(n)]


def test_bulk_appoint_proposes_the_body_term(qtbot, demo_services):
    people = new_people(demo_services)
    body = demo_services.bodies.list_bodies()[0]
    dlg = AppointDialog(demo_services, [(p.id, p.name) for p in people], body_id=body.id)
    qtbot.addWidget(dlg)
    start = dt.date(2030, 3, 1)
    dlg.form.fields["term_start"].set_value(start)
    assert dlg.form.values()["term_end"] == default_term_end(start, body.default_term_months)
    assert dlg.submit()
    rows = [r for r in demo_services.appointments.list(body_id=body.id) if r.person.startswith("테스트")]
    assert len(rows) == 3 and {r.term_start for r in rows} == {start}


def test_bulk_appoint_is_all_or_nothing(qtbot, demo_services):
    people = new_people(demo_services)
    body = demo_services.bodies.list_bodies()[0]
    demo_services.appointments.appoint(people[1].id, body.id, term_start=dt.date(2030, 3, 1))
    dlg = AppointDialog(demo_services, [(p.id, p.name) for p in people], body_id=body.id)
    qtbot.addWidget(dlg)
    dlg.form.fields["term_start"].set_value(dt.date(2030, 3, 1))
    assert not dlg.submit()
    assert "테스트1" in dlg.form.error_text()
    assert len([r for r in demo_services.appointments.list(body_id=body.id) if r.person.startswith("테스트")]) == 1


def test_people_page_appoints_the_selection(main_window, demo_services, qtbot, monkeypatch):
    page = main_window.show_page("people").people
    page.table.selectAll()
    chosen = {}
    monkeypatch.setattr(AppointDialog, "ask", classmethod(lambda cls, s, people, parent=None, body_id=None:
                                                          chosen.setdefault("people", people)))
    page.appoint_selected()
    assert len(chosen["people"]) == page.model.rowCount()


def test_reappoint_end_and_history(qtbot, demo_services):
    people = new_people(demo_services, 2)
    body = demo_services.bodies.list_bodies()[0]
    a = demo_services.appointments.appoint(people[0].id, body.id, term_start=dt.date(2024, 1, 1),
                                           term_end=dt.date(2025, 12, 31))
    dlg = ReappointDialog(demo_services, a.id)
    qtbot.addWidget(dlg)
    assert dlg.form.values()["term_start"] == dt.date(2026, 1, 1)
    assert dlg.submit()
    new = dlg.result_appointment
    assert new.previous_id == a.id
    hist = HistoryDialog(demo_services, new.id)
    qtbot.addWidget(hist)
    assert hist.list.count() == 2 and "2024. 1. 1." in hist.list.item(0).text()

    b = demo_services.appointments.appoint(people[1].id, body.id, term_start=dt.date(2025, 1, 1))
    end = EndAppointmentDialog(demo_services, b.id)
    qtbot.addWidget(end)
    end.form.fields["reason"].setCurrentIndex(end.form.fields["reason"].findData(AppointmentStatus.RESIGNED.value))
    end.form.fields["on"].set_value(dt.date(2024, 12, 1))  # before the term started
    assert not end.submit()
    assert end.form.error_text()
    end.form.fields["on"].set_value(dt.date(2025, 6, 1))
    assert end.submit()
    assert demo_services.appointments.get(b.id).end_reason == AppointmentStatus.RESIGNED.value


def test_appointments_tab_filters_expiring(main_window, demo_services):
    page = main_window.show_page("people")
    page.show_appointments()
    tab = page.appointments
    tab.filters.checks["expiring"].setChecked(True)
    tab.filters.spins["expiring"].setValue(60)
    expected = {r.id for r in demo_services.appointments.list(expiring_within=60)}
    assert {r.id for r in tab.model.rows()} == expected


def test_ending_a_term_ends_the_renewed_term_and_the_history_shows_the_whole_chain(qtbot, demo_services):
    """해촉 of a term whose 연임 is already made: no later term stays 재임; 임기 이력 lists every term and the 비고."""
    person = new_people(demo_services, 1)[0]
    body = demo_services.bodies.list_bodies()[0]
    first = demo_services.appointments.appoint(person.id, body.id, term_start=dt.date(2024, 1, 1),
                                               term_end=dt.date(2025, 12, 31))
    second = demo_services.appointments.reappoint(first.id, term_start=dt.date(2026, 1, 1),
                                                  term_end=dt.date(2027, 12, 31))
    end = EndAppointmentDialog(demo_services, first.id)
    qtbot.addWidget(end)
    end.show()
    end.form.fields["on"].set_value(dt.date(2025, 6, 30))
    end.form.fields["note"].setFocus()
    type_text(end.form.fields["note"], "본인 요청")
    QTest.mouseClick(end.buttons.button(end.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not end.isVisible()
    later = demo_services.appointments.get(second.id)
    assert later.end_reason == AppointmentStatus.DISMISSED.value and later.ended_on == dt.date(2026, 1, 1)
    assert demo_services.appointments.status(later) is not AppointmentStatus.SERVING
    serving = {a.id for a in demo_services.appointments.list(current_only=True)}
    assert first.id not in serving and second.id not in serving

    hist = HistoryDialog(demo_services, first.id)  # opened from the first term: the later one is listed too
    qtbot.addWidget(hist)
    texts = [hist.list.item(i).text() for i in range(hist.list.count())]
    assert len(texts) == 2 and "2024. 1. 1." in texts[0] and "2026. 1. 1." in texts[1]
    assert texts[0].startswith("▶") and "본인 요청" in texts[0]
