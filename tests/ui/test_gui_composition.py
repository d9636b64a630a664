"""The composition rules in the GUI: the appoint and renew dialogs show the counts, warnings and refusals
before saving and ask for the reason of a 성별 exception; the person editor keeps 성별 and 출생연도."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlmodel import select

from aict_desktop.domain.models import Appointment, CompositionException
from aict_desktop.domain.rules import Gender
from aict_desktop.ui.dialogs.appoint import AppointDialog
from aict_desktop.ui.dialogs.reappoint import ReappointDialog

START = dt.date(2026, 2, 12)


@pytest.fixture
def body(services):
    return services.bodies.create_body(name="서초AICT 운영위원회", kind="위원회", issuer="서울특별시 서초구청장")


def person(services, name, gender=Gender.UNKNOWN):
    return services.roster.create_person(name=name, gender=gender)


def with_members(services, body, men: int, women: int):
    members = [person(services, f"남{i}", Gender.MALE) for i in range(men)]
    members += [person(services, f"여{i}", Gender.FEMALE) for i in range(women)]
    services.appointments.appoint_many([p.id for p in members], body.id, term_start=START)


def open_dialog(qtbot, dlg):
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def commit_text(widget, text: str) -> None:
    """Hangul as an input method commits it (keyClicks is ASCII-only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def press_ok(qtbot, dlg):
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def appointments(services, body, name):
    return [r for r in services.appointments.list(body_id=body.id) if r.person == name]


def test_appoint_over_the_gender_cap_needs_a_reason(qtbot, services, body):
    with_members(services, body, 6, 4)
    man = person(services, "홍길동", Gender.MALE)
    dlg = open_dialog(qtbot, AppointDialog(services, [(man.id, man.name)], body_id=body.id))
    dlg.form.fields["term_start"].set_value(START)
    assert "위촉직 10명(남 6, 여 4, 미입력 0)" in dlg.notes.composition.text()
    assert "위촉직 11명(남 7, 여 4, 미입력 0)" in dlg.notes.composition.text()
    reason = dlg.form.fields["exception_reason"]
    assert reason.isVisible() and "양성평등기본법 제21조" in dlg.notes.warnings.text()

    press_ok(qtbot, dlg)  # refused without a reason, the message under the reason field
    assert dlg.isVisible() and "양성평등기본법 제21조" in dlg.form.error_text("exception_reason")
    assert appointments(services, body, "홍길동") == []

    commit_text(reason, "해당 분야 여성 후보 부재")
    press_ok(qtbot, dlg)
    assert not dlg.isVisible() and len(dlg.saved) == 1
    assert len(appointments(services, body, "홍길동")) == 1
    with services.store.session() as s:
        (row,) = s.exec(select(CompositionException)).all()
    assert row.reason == "해당 분야 여성 후보 부재" and row.counts.startswith("위촉직 11명(남 7")


def test_a_woman_needs_no_reason_and_the_field_stays_hidden(qtbot, services, body):
    with_members(services, body, 6, 4)
    woman = person(services, "김영희", Gender.FEMALE)
    dlg = open_dialog(qtbot, AppointDialog(services, [(woman.id, woman.name)], body_id=body.id))
    dlg.form.fields["term_start"].set_value(START)
    assert not dlg.form.fields["exception_reason"].isVisible() and dlg.notes.warnings.text() == ""
    press_ok(qtbot, dlg)
    assert not dlg.isVisible() and len(appointments(services, body, "김영희")) == 1


def test_a_term_over_36_months_is_shown_and_refused(qtbot, services, body):
    p = person(services, "박지우")
    dlg = open_dialog(qtbot, AppointDialog(services, [(p.id, p.name)], body_id=body.id))
    dlg.form.fields["term_start"].set_value(START)
    dlg.form.fields["term_end"].set_value(dt.date(2030, 1, 1))
    assert "36" in dlg.notes.refusals.text() and dlg.notes.refusals.isVisible()
    press_ok(qtbot, dlg)
    assert dlg.isVisible() and "36" in dlg.form.error_text()
    assert appointments(services, body, "박지우") == []


def test_a_fourth_body_is_warned_before_saving(qtbot, services):
    p = person(services, "이서준")
    bodies = [services.bodies.create_body(name=f"위원회{i}", kind="위원회") for i in range(4)]
    for b in bodies[:3]:
        services.appointments.appoint(p.id, b.id, term_start=START)
    dlg = open_dialog(qtbot, AppointDialog(services, [(p.id, p.name)], body_id=bodies[3].id))
    dlg.form.fields["term_start"].set_value(START)
    assert dlg.notes.warnings.isVisible() and all(b.name in dlg.notes.warnings.text() for b in bodies[:3])
    press_ok(qtbot, dlg)  # a warning does not stop it
    assert not dlg.isVisible() and len(services.appointments.list(person_id=p.id)) == 4


def test_renewal_limit_warns_then_refuses(qtbot, services, body):
    services.bodies.save_rules(body.id, {"reappointment_limit": 1})
    p = person(services, "정하윤")
    first = services.appointments.appoint(p.id, body.id, term_start=dt.date(2022, 2, 12))
    dlg = open_dialog(qtbot, ReappointDialog(services, first.id))
    assert dlg.notes.warnings.isVisible() and "1" in dlg.notes.warnings.text()
    press_ok(qtbot, dlg)
    assert not dlg.isVisible()
    second = dlg.result_appointment
    assert second.previous_id == first.id

    again = open_dialog(qtbot, ReappointDialog(services, second.id))
    assert again.notes.refusals.isVisible() and again.notes.refusals.text()
    press_ok(qtbot, again)
    assert again.isVisible() and again.form.error_text()
    with services.store.session() as s:
        assert len(s.exec(select(Appointment).where(Appointment.person_id == p.id)).all()) == 2


def test_renewal_over_the_gender_cap_needs_a_reason(qtbot, services, body):
    with_members(services, body, 6, 4)
    man = person(services, "최민석", Gender.MALE)
    old = services.appointments.appoint(man.id, body.id, term_start=dt.date(2024, 2, 12),
                                        term_end=dt.date(2026, 2, 11), exception_reason="종전 예외")
    dlg = open_dialog(qtbot, ReappointDialog(services, old.id))
    reason = dlg.form.fields["exception_reason"]
    assert reason.isVisible() and "위촉직 11명(남 7, 여 4, 미입력 0)" in dlg.notes.composition.text()
    press_ok(qtbot, dlg)
    assert dlg.isVisible() and dlg.form.error_text("exception_reason")
    commit_text(reason, "연임 필요")
    press_ok(qtbot, dlg)
    assert not dlg.isVisible() and dlg.result_appointment.previous_id == old.id


def test_person_editor_keeps_gender_and_birth_year(qtbot, services):
    from aict_desktop.ui.pages.people import PeopleTab

    page = PeopleTab(services)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.new_record()
    gender, year = page.form.fields["gender"], page.form.fields["birth_year"]
    assert gender.currentData() == Gender.UNKNOWN.value
    commit_text(page.form.fields["name"], "한지오")
    qtbot.keyClick(gender, Qt.Key.Key_Up)  # 미입력 → 여
    qtbot.keyClicks(year, "1850")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "1900" in page.form.error_text("birth_year")
    assert services.roster.list_people() == []

    qtbot.keyClick(year, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(year, "1975")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    (row,) = services.roster.list_people()
    assert (row.name, row.gender, row.birth_year) == ("한지오", "여", 1975)
    assert page.form.fields["birth_year"].text() == "1975" and gender.currentData() == "여"

    qtbot.keyClick(gender, Qt.Key.Key_Up)  # 여 → 남
    qtbot.keyClick(year, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(year, Qt.Key.Key_Delete)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    person = services.roster.get_person(row.id)
    assert (person.gender, person.birth_year) == (Gender.MALE, None)
