"""A small network with two 분과, members, milestones, tasks, programmes and a decision (tests of issue 6)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from aict_desktop.domain.enums import (
    AgendaKind, BodyKind, MeetingStatus, MembershipRole, ProgramKind, Role, Sector, TaskStatus, VoteResult,
)
from aict_desktop.domain.models import AgendaItem, Decision, Meeting

TODAY = dt.date(2025, 9, 17)  # a Wednesday


@dataclass
class Sample:
    network: int
    g1: int
    g2: int
    lead: int
    member: int
    kt: int
    snu: int
    t_done: int
    t_open: int
    t_overdue: int
    t_hold: int
    t_other: int
    m1: int
    m2: int


def build(services) -> Sample:
    b = services.bodies
    net = b.create_body(name="서초 AI 혁신 네트워크", kind=BodyKind.NETWORK, issuer="서울특별시 서초구청장")
    g1 = b.create_body(name="AI 인재양성 분과", kind=BodyKind.WORKING_GROUP, parent_id=net.id, sort_order=1,
                       goals="주민 AI 교육 1,000명 & 전문 자격 과정 <2개> 개설",
                       plan="3분기: 교육과정 설계\n4분기: 주민 특강 및 해커톤 운영")
    g2 = b.create_body(name="AI 실증 플랫폼 분과", kind=BodyKind.WORKING_GROUP, parent_id=net.id, sort_order=2,
                       goals="양재 AI 특구 실증 과제 5건 발굴")
    r = services.roster
    kt = r.create_institution(name="KT", sector=Sector.LARGE_COMPANY)
    snu = r.create_institution(name="서울대학교", sector=Sector.UNIVERSITY)
    r.add_membership(kt.id, g1.id, role=MembershipRole.SECRETARIAT, joined_on=dt.date(2025, 6, 5))
    r.add_membership(snu.id, g1.id, joined_on=dt.date(2025, 6, 5))
    lead = r.create_person(name="김하늘", institution_id=snu.id, position="교수")
    member = r.create_person(name="이서준", institution_id=kt.id, position="상무")
    a = services.appointments
    a.appoint(lead.id, g1.id, role=Role.GROUP_LEAD, term_start=dt.date(2025, 6, 5))
    a.appoint(member.id, g1.id, role=Role.MEMBER, term_start=dt.date(2025, 6, 5))
    g = services.groups
    m1 = g.add_milestone(g1.id, "AI 전문 자격 교육과정 설계", period="2025 3분기", due_on=dt.date(2025, 9, 30),
                         status=TaskStatus.IN_PROGRESS)
    m2 = g.add_milestone(g1.id, "주민 AI 특강 4회", due_on=dt.date(2025, 12, 20))
    g.add_program(kind=ProgramKind.LECTURE, title="주민 대상 AI 특강 ①", held_on=dt.date(2025, 7, 10),
                  place="서초구청 대강당", participants=120, body_id=g1.id)
    g.add_program(kind=ProgramKind.HACKATHON, title="서초 AI 해커톤 2025", held_on=dt.date(2025, 11, 1),
                  place="엘타워", participants=80, body_id=g1.id)
    t = services.tasks
    t_done = t.create(title="교육 수요 조사", body_id=g1.id, owner_person_id=lead.id, due_on=dt.date(2025, 7, 31),
                      author="간사")
    t.update(t_done.id, {"status": TaskStatus.DONE}, author="간사")
    t_open = t.create(title="강사진 섭외", body_id=g1.id, owner_institution_id=kt.id, due_on=dt.date(2025, 9, 19),
                      status=TaskStatus.IN_PROGRESS, progress=40, milestone_id=m1.id, author="간사")
    t_overdue = t.create(title="교재 초안 작성", body_id=g1.id, owner_person_id=member.id, due_on=dt.date(2025, 9, 1),
                         status=TaskStatus.IN_PROGRESS, progress=20, author="간사")
    t_hold = t.create(title="온라인 강좌 플랫폼 도입", body_id=g1.id, owner_person_id=member.id,
                      due_on=dt.date(2025, 8, 1), status=TaskStatus.ON_HOLD, progress=10, author="간사")
    t_other = t.create(title="실증 후보 과제 목록", body_id=g2.id, owner_institution_id=kt.id,
                       due_on=dt.date(2025, 10, 15), author="간사")
    with services.store.write() as s:  # a held 분과 meeting with one decision (rows, not the meeting workflow)
        m = Meeting(body_id=g1.id, number=1, title="AI 인재양성 분과 제1차 정기회의",
                    starts_at=dt.datetime(2025, 7, 3, 14, 0), place="엘타워 6층", status=MeetingStatus.HELD)
        s.add(m)
        s.flush()
        item = AgendaItem(meeting_id=m.id, position=1, kind=AgendaKind.RESOLUTION, title="2025년 하반기 교육과정 운영계획(안)")
        s.add(item)
        s.flush()
        s.add(Decision(agenda_item_id=item.id, yes=2, no=0, result=VoteResult.PASSED, text="원안 가결"))
    return Sample(network=net.id, g1=g1.id, g2=g2.id, lead=lead.id, member=member.id, kt=kt.id, snu=snu.id,
                  t_done=t_done.id, t_open=t_open.id, t_overdue=t_overdue.id, t_hold=t_hold.id, t_other=t_other.id,
                  m1=m1.id, m2=m2.id)


def fixed_services(store, today: dt.date = TODAY):
    """Services whose tasks, groups and reports see ``today`` as the given day."""
    from aict_desktop.services.container import Services
    from aict_desktop.services.reports import ReportService
    from aict_desktop.services.tasks import TaskService
    from aict_desktop.services.working_groups import WorkingGroupService

    services = Services(store)
    services.tasks = TaskService(store, today=lambda: today)
    services.groups = WorkingGroupService(store, today=lambda: today)
    services.reports = ReportService(store, services.groups, today=lambda: today)
    return services
