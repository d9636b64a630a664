"""Minutes workflow, agenda editing, action items and carry-forward (issue 5 items 1, 2, 4)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from aict_desktop.domain.enums import AgendaKind, MeetingStatus, MinutesStatus, TaskStatus
from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.models import AccessLog, AgendaTask
from aict_desktop.services.meeting_tools import meeting_tools
from aict_desktop.store.audit import verify_chain
from tests.meeting_sample import MEETING_AT, build, mark_present


def test_notes_are_kept_exactly_as_typed(services):
    s = build(services, members=3)
    text = "  김 위원: 예산 <10%> & 일정 검토\n\t- 다음 회의 보고\n"
    services.meetings.save_notes(s.report, text)
    assert services.meetings.item(s.report).notes == text
    services.meetings.save_notes(s.report, "bad\x07bell")  # never refuse to save minutes: the control is dropped
    assert services.meetings.item(s.report).notes == "badbell"


def test_confirm_locks_and_unconfirm_is_recorded(services):
    s = build(services, members=5)
    mark_present(services, s.meeting, 4)
    services.meetings.save_notes(s.report, "보고 완료")
    with pytest.raises(ValidationError, match="발언 요지\\(안건 2\\), 결정 사항 및 표결 내용\\(안건 2\\)"):
        services.meetings.confirm_minutes(s.meeting, "홍간사")  # 공공기록물법 시행령 제18조②: nothing empty
    services.meetings.save_notes(s.resolution, "원안대로 의결")
    services.meetings.record_decision(s.resolution, yes=3, no=0)
    services.meetings.confirm_minutes(s.meeting, "홍간사")
    m = services.meetings.get(s.meeting)
    assert m.minutes_status is MinutesStatus.CONFIRMED and m.minutes_confirmed_by == "홍간사"
    assert m.minutes_confirmed_at is not None
    tools = meeting_tools(services)
    refused = [
        lambda: services.meetings.save_notes(s.report, "고침"),
        lambda: services.meetings.save_summary(s.meeting, "고침"),
        lambda: services.meetings.record_decision(s.resolution, yes=4, no=0),
        lambda: services.meetings.add_item(s.meeting, "추가 안건"),
        lambda: services.meetings.set_attendance(services.meetings.attendance_rows(s.meeting)[0].id, "불참"),
        lambda: services.meetings.add_walk_in(s.meeting, "늦은 배석자"),
        lambda: services.meetings.update(s.meeting, {"place": "다른 곳"}),
        lambda: tools.actions.add(s.meeting, "과제"),
    ]
    for attempt in refused:
        with pytest.raises(ValidationError) as err:
            attempt()
        assert "홍간사" in err.value.message  # says who locked it
    assert services.meetings.item(s.report).notes == "보고 완료"
    with pytest.raises(ValidationError):
        services.meetings.unconfirm_minutes(s.meeting, "홍간사", "  ")  # a reason is required
    services.meetings.unconfirm_minutes(s.meeting, "홍간사", "의결 내용 오기 정정")
    assert services.meetings.get(s.meeting).minutes_status is MinutesStatus.DRAFT
    services.meetings.save_notes(s.report, "정정된 보고")
    with services.store.session() as ss:
        log = [(e.action, e.detail) for e in ss.exec(select(AccessLog).order_by(AccessLog.id))]
    assert ("minutes.confirm", "홍간사") in log
    assert ("minutes.unconfirm", "홍간사: 의결 내용 오기 정정") in log
    assert verify_chain(services.store) is None
    with pytest.raises(ValidationError):
        services.meetings.unconfirm_minutes(s.meeting, "홍간사", "again")  # not confirmed any more


def test_agenda_reorder_update_remove(services):
    s = build(services, members=3)
    third = services.meetings.add_item(s.meeting, "기타 안건", kind="심의")
    services.meetings.reorder_items(s.meeting, [third.id, s.report, s.resolution])
    assert [i.id for i in services.meetings.items(s.meeting)] == [third.id, s.report, s.resolution]
    services.meetings.move_item(third.id, +1)
    assert [i.position for i in services.meetings.items(s.meeting)] == [1, 2, 3]
    assert services.meetings.items(s.meeting)[1].id == third.id
    with pytest.raises(ValidationError):
        services.meetings.reorder_items(s.meeting, [third.id, s.report])
    services.meetings.update_item(third.id, title="기타 <토의>", presenter="위원장", kind=AgendaKind.REPORT)
    assert services.meetings.item(third.id).title == "기타 <토의>"
    services.meetings.remove_item(third.id)
    assert [i.id for i in services.meetings.items(s.meeting)] == [s.report, s.resolution]
    services.meetings.save_notes(s.report, "메모")
    with pytest.raises(ValidationError):
        services.meetings.remove_item(s.report)  # has notes


def test_action_items_become_linked_tasks(services):
    s = build(services, members=5)
    tools = meeting_tools(services)
    mark_present(services, s.meeting, 5)
    early = tools.actions.add(s.meeting, "교육과정 세부안 작성", agenda_item_id=s.resolution,
                              owner_person_id=s.people[1], due_on=dt.date(2025, 8, 31))
    d = services.meetings.record_decision(s.resolution, yes=5, no=0, text="원안 가결")
    late = tools.actions.add(s.meeting, "예산 협의", agenda_item_id=s.resolution, owner_person_id=s.people[2])
    for tid in (early.id, late.id):
        t = services.tasks.get(tid)
        assert (t.origin_meeting_id, t.origin_agenda_item_id, t.origin_decision_id) == (s.meeting, s.resolution, d.id)
        assert t.body_id == s.body
    rows = tools.actions.for_meeting(s.meeting)
    assert [(r.title, r.owner) for r in rows] == [("교육과정 세부안 작성", "이서연"), ("예산 협의", "박지훈")]
    task_rows = [r for r in services.tasks.list(body_id=s.body)]
    assert {r.origin_meeting_id for r in task_rows} == {s.meeting}
    with pytest.raises(ValidationError):
        tools.actions.add(s.meeting, "  ")
    with pytest.raises(ValidationError):
        tools.actions.add(s.meeting, "과거 기한", due_on=dt.date(2020, 1, 1))
    tools.actions.remove(late.id)
    assert [r.id for r in tools.actions.for_meeting(s.meeting)] == [early.id]


def test_open_items_carried_forward_to_next_meeting(services):
    s = build(services, members=5)
    tools = meeting_tools(services)
    open_task = tools.actions.add(s.meeting, "AI 교육 장소 섭외", owner_person_id=s.people[3], due_on=dt.date(2025, 8, 1))
    done_task = tools.actions.add(s.meeting, "회의 결과 공지")
    services.tasks.update(done_task.id, {"status": TaskStatus.DONE})
    prop = tools.prep.propose(s.body, on=dt.date(2025, 9, 1))
    assert prop.number == 2 and "제2차" in prop.title
    assert len(prop.invitees) == 5
    assert [o.task_id for o in prop.open_items] == [open_task.id]
    assert prop.open_items[0].meeting == "제1차"
    m2 = tools.prep.prepare(s.body, starts_at=MEETING_AT + dt.timedelta(days=60), place="구청 회의실",
                            appointment_ids=[i.appointment_id for i in prop.invitees[:4]],
                            agenda=[("의결", "하반기 사업계획(안)", "간사")], carry_task_ids=[open_task.id])
    items = services.meetings.items(m2.id)
    assert [i.kind for i in items] == [AgendaKind.REPORT, AgendaKind.RESOLUTION]
    assert "AI 교육 장소 섭외" in items[0].description
    assert [t.id for t in services.meetings.linked_tasks(items[0].id)] == [open_task.id]
    assert services.meetings.counts(m2.id) == (4, 0)
    # carrying again does not duplicate; a done task or this meeting's own task is refused
    tools.prep.carry_forward(m2.id, [open_task.id])
    with services.store.session() as ss:
        assert len(ss.exec(select(AgendaTask)).all()) == 1
    with pytest.raises(ValidationError):
        tools.prep.carry_forward(m2.id, [done_task.id])
    # the first meeting sees no open items from before it
    assert tools.prep.open_items(s.body, s.meeting) == []


def test_meeting_session_marks_in_progress_and_remembers_item(services):
    s = build(services, members=3)
    tools = meeting_tools(services)
    assert tools.session.in_progress() == []
    tools.session.start(s.meeting)
    tools.session.set_current_item(s.meeting, s.resolution)
    assert [m.id for m in tools.session.in_progress()] == [s.meeting]
    assert tools.session.current_item(s.meeting) == s.resolution
    opened = services.meetings.get(s.meeting).opened_at
    tools.session.start(s.meeting)  # reopening keeps the first opening time
    assert services.meetings.get(s.meeting).opened_at == opened
    tools.session.finish(s.meeting)
    m = services.meetings.get(s.meeting)
    assert m.status is MeetingStatus.HELD and m.closed_at is not None
    assert tools.session.in_progress() == []


def test_minutes_print_the_action_items_under_their_agenda_item(services):
    """후속 조치: what, who and by when, under the item they were decided at; the rest at the end."""
    import io

    import docx
    from hwpx import HwpxDocument

    from tests.unit.test_documents_render import in_order, pdf_text

    s = build(services, members=5)
    mark_present(services, s.meeting, 4)
    services.meetings.record_decision(s.resolution, yes=4, no=0, text="원안 가결")
    tools = meeting_tools(services)
    owner = s.people[0]
    owner_name = services.roster.get_person(owner).name
    due = MEETING_AT.date() + dt.timedelta(days=20)
    tools.actions.add(s.meeting, "해커톤 세부 계획 <안> & 예산", agenda_item_id=s.resolution, owner_person_id=owner,
                      due_on=due)
    tools.actions.add(s.meeting, "다음 회의 일정 조율")

    text = pdf_text(services.exports.minutes(s.meeting, "pdf"))
    expected = ["결정 사항 및 표결 내용: 가결", "○ 후속 조치",
                f"- 해커톤 세부 계획 <안> & 예산 (담당: {owner_name}, 기한: {due.year}. {due.month}. {due.day}.)",
                "기타 후속 조치", "- 다음 회의 일정 조율", "사실과 다름없음"]
    in_order(text, expected)
    doc = docx.Document(io.BytesIO(services.exports.minutes(s.meeting, "docx")))
    in_order("\n".join(p.text for p in doc.paragraphs), expected)
    in_order(HwpxDocument.open(services.exports.minutes(s.meeting, "hwpx")).text.plain(), expected)
