"""A committee with 15 members (one 당연직 official) and its first meeting (tests of issue 5)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from aict_desktop.domain.enums import AgendaKind, AppointmentKind, Role, Sector

START = dt.date(2025, 6, 1)
MEETING_AT = dt.datetime(2025, 7, 10, 14, 0)

NAMES = ["김민준", "이서연", "박지훈", "최수아", "정도윤", "강하은", "조예준", "윤지아", "장시우",
         "임서윤", "한주원", "오하린", "서지호", "신유나", "권도현"]


@dataclass
class Sample:
    body: int
    people: list[int]
    appointments: list[int]
    meeting: int
    report: int
    resolution: int


def build(services, *, members: int = 15, decision_quorum=None, tie_rule=None, open_quorum=None) -> Sample:
    extra = {k: v for k, v in (("decision_quorum", decision_quorum), ("tie_rule", tie_rule),
                               ("open_quorum", open_quorum)) if v is not None}
    body = services.bodies.create_body(name="서초AICT 운영위원회", issuer="서울특별시 서초구청장",
                                       allowance_rate=150_000, **extra)
    inst = services.roster.create_institution(name="서초구청", sector=Sector.PUBLIC)
    uni = services.roster.create_institution(name="서울대학교", sector=Sector.UNIVERSITY)
    people, appts = [], []
    for k, name in enumerate(NAMES[:members]):
        p = services.roster.create_person(name=name, institution_id=inst.id if k == members - 1 else uni.id,
                                          position="교수" if k else "총장", is_public_official=k == members - 1)
        role = Role.CHAIR if k == 0 else Role.MEMBER
        kind = AppointmentKind.EX_OFFICIO if k == members - 1 else AppointmentKind.APPOINTED
        a = services.appointments.appoint(p.id, body.id, role=role, kind=kind, term_start=START)
        people.append(p.id)
        appts.append(a.id)
    m = services.meetings.create(body.id, starts_at=MEETING_AT, place="서초구청 3층 회의실")
    rep = services.meetings.add_item(m.id, "2025년 상반기 사업 추진 현황", kind=AgendaKind.REPORT, presenter="간사")
    res = services.meetings.add_item(m.id, "AI 교육과정 운영 계획(안)", kind=AgendaKind.RESOLUTION, presenter="이서연 위원")
    return Sample(body=body.id, people=people, appointments=appts, meeting=m.id, report=rep.id, resolution=res.id)


def mark_present(services, meeting_id: int, n: int) -> None:
    """The first ``n`` members 출석, the rest 불참."""
    from aict_desktop.domain.enums import AttendanceStatus

    rows = [r for r in services.meetings.attendance_rows(meeting_id) if r.is_member]
    for k, r in enumerate(rows):
        services.meetings.set_attendance(r.id, AttendanceStatus.PRESENT if k < n else AttendanceStatus.ABSENT,
                                         arrived_at=dt.time(14, 0) if k < n else None)
