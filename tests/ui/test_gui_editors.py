"""Create, edit and delete through the detail editors; messages in place, nothing half-saved."""

from __future__ import annotations

import datetime as dt

from aict_desktop.domain.enums import Sector, TaskStatus


def test_institution_create_edit_delete(main_window, demo_services):
    page = main_window.show_page("institutions")
    page.new_record()
    page.form.fields["name"].setText("서초미래연구소")
    page.form.fields["sector"].setCurrentIndex(page.form.fields["sector"].findData(Sector.RESEARCH.value))
    page.form.fields["phone"].setText("02-123-4567")
    assert page.save_record()
    created = page._current
    assert created.name == "서초미래연구소" and created.sector is Sector.RESEARCH
    assert page.form.error_text() == "저장했습니다."
    assert page.model.row(page.table.currentIndex().row()).name == "서초미래연구소"

    page.form.fields["address"].setText("서울특별시 서초구 반포대로 1")
    assert page.save_record()
    assert demo_services.roster.get_institution(created.id).address == "서울특별시 서초구 반포대로 1"
    assert demo_services.roster.get_institution(created.id).version == created.version + 1

    assert page.delete_record(confirmed=True)
    names = [r.name for r in demo_services.roster.list_institutions()]
    assert "서초미래연구소" not in names
    assert page._current is None


def test_validation_message_is_shown_beside_the_field(main_window, demo_services):
    page = main_window.show_page("people")
    people = page.people
    people.new_record()
    before = len(demo_services.roster.list_people())
    assert not people.save_record()  # no name
    assert people.form.errors["name"].text() == "성명은 필수 항목입니다."  # the particle that fits 성명
    assert not people.form.errors["name"].isHidden()
    people.form.fields["name"].setText("홍길동")
    people.form.fields["email"].setText("not-an-email")
    assert not people.save_record()
    assert "not-an-email" in people.form.errors["email"].text()
    assert people.form.errors["name"].text() == ""
    assert len(demo_services.roster.list_people()) == before


def test_delete_refused_by_the_service_shows_its_reason(main_window, demo_services):
    page = main_window.show_page("bodies")
    parent = next(r for r in page.model.rows() if any(c.parent_id == r.id for c in page.model.rows()))
    page.select_id(parent.id)
    assert not page.delete_record(confirmed=True)
    assert parent.name in page.form.error_text()
    assert any(b.id == parent.id for b in demo_services.bodies.list_bodies())


def test_someone_else_saved_first_shows_a_conflict(main_window, demo_services):
    page = main_window.show_page("institutions")
    row = page.model.row(0)
    page.select_id(row.id)
    demo_services.roster.update_institution(row.id, {"note": "다른 사용자가 고침"})  # another PC
    page.form.fields["note"].setPlainText("내가 고침")
    assert not page.save_record()
    assert "다른 사용자가 먼저 저장했습니다" in page.form.error_text()
    assert demo_services.roster.get_institution(row.id).note == "다른 사용자가 고침"


def test_task_edit_logs_the_change_and_comment(main_window, demo_services):
    page = main_window.show_page("tasks")
    row = next(r for r in page.model.rows() if r.status != TaskStatus.DONE.value)
    page.select_id(row.id)
    page.form.fields["status"].setCurrentIndex(page.form.fields["status"].findData(TaskStatus.DONE.value))
    page.form.fields["comment"].setText("최종 보고 완료")
    assert page.save_record()
    task = demo_services.tasks.get(row.id)
    assert task.status is TaskStatus.DONE and task.progress == 100
    assert "최종 보고 완료" in page.log_view.toPlainText()


def test_meeting_new_number_is_proposed_and_saved(main_window, demo_services):
    page = main_window.show_page("meetings")
    page.new_record()
    body_id = page.form.fields["body_id"].currentData()
    expected = demo_services.meetings.next_number(body_id)
    assert page.form.fields["number"].value() == expected
    page.form.fields["date"].set_value(dt.date(2031, 3, 4))
    page.form.fields["place"].setText("서초구청 2층 회의실")
    assert page.save_record()
    m = demo_services.meetings.get(page._current.id)
    assert m.number == expected and m.starts_at == dt.datetime(2031, 3, 4, 14, 0) and m.place == "서초구청 2층 회의실"
    page.form.fields["end"].set_value(dt.time(13, 0))  # before the start
    assert not page.save_record()
    assert page.form.error_text()
    assert demo_services.meetings.get(m.id).ends_at == dt.datetime(2031, 3, 4, 16, 0)
    assert page.delete_record(confirmed=True)


def test_body_created_as_working_group(main_window, demo_services):
    page = main_window.show_page("bodies")
    parent = page.model.row(0)
    page.new_record()
    page.form.fields["name"].setText("테스트 분과")
    page.form.fields["kind"].setCurrentIndex(page.form.fields["kind"].findData("분과"))
    combo = page.form.fields["parent_id"]
    combo.setCurrentIndex(combo.findData(parent.id))
    assert page.save_record()
    body = demo_services.bodies.get_body(page._current.id)
    assert body.parent_id == parent.id
