"""참석수당: rate, long-meeting extra, 서면, 당연직 public officials, overrides, 배석자."""

from __future__ import annotations

import datetime as dt

import pytest

from aict_desktop.domain.errors import ValidationError
from tests.unit.test_certificates import ON


def setup_meeting(services, *, hours: float = 2.5, ex_officio_paid: bool = False):
    body = services.bodies.create_body(name="수당 위원회", issuer="서초구청장", allowance_rate=150000,
                                       allowance_long_extra=50000, allowance_written_rate=100000,
                                       allowance_ex_officio=ex_officio_paid)
    inst = services.roster.create_institution(name="서초구청", sector="공공기관")
    people = {}
    for name, kind, official in (("출석위원", "위촉직", False), ("서면위원", "위촉직", False), ("불참위원", "위촉직", False),
                                 ("당연직공무원", "당연직", True), ("온라인위원", "위촉직", False), ("수정위원", "위촉직", False)):
        p = services.roster.create_person(name=name, institution_id=inst.id, position="과장", is_public_official=official)
        services.appointments.appoint(p.id, body.id, kind=kind, term_start=ON)
        people[name] = p.id
    start = dt.datetime(2025, 6, 12, 14)
    m = services.meetings.create(body.id, starts_at=start, ends_at=start + dt.timedelta(hours=hours))
    att = {a.person_id: a.id for a in services.meetings.attendance(m.id)}
    for name, status in (("출석위원", "출석"), ("서면위원", "서면"), ("불참위원", "불참"), ("당연직공무원", "출석"),
                         ("온라인위원", "온라인"), ("수정위원", "출석")):
        services.meetings.set_attendance(att[people[name]], status)
    return body, m, att, people


def amounts(services, meeting_id):
    return {ln.name: ln.amount for ln in services.allowances.compute(meeting_id)}


def test_rules_for_a_long_meeting(services):
    _body, m, att, people = setup_meeting(services, hours=2.5)
    got = amounts(services, m.id)
    assert got == {"출석위원": 200000, "서면위원": 100000, "불참위원": 0, "당연직공무원": 0, "온라인위원": 200000,
                   "수정위원": 200000}
    lines = {ln.name: ln for ln in services.allowances.compute(m.id)}
    assert lines["당연직공무원"].category == "당연직" and "공무원" in lines["당연직공무원"].note
    assert not lines["불참위원"].attended


def test_two_hours_exactly_is_not_long_and_actual_times_win(services):
    _body, m, _att, _people = setup_meeting(services, hours=2)
    assert amounts(services, m.id)["출석위원"] == 150000
    services.meetings.update(m.id, {"opened_at": dt.datetime(2025, 6, 12, 14, 5),
                                    "closed_at": dt.datetime(2025, 6, 12, 16, 6)})
    assert amounts(services, m.id)["출석위원"] == 200000  # 2 h 1 min actually held


def test_ex_officio_officials_paid_when_the_body_says_so(services):
    _body, m, _att, _people = setup_meeting(services, ex_officio_paid=True)
    assert amounts(services, m.id)["당연직공무원"] == 200000


def test_override_wins_and_needs_a_reason_and_observers_only_when_overridden(services):
    _body, m, att, people = setup_meeting(services)
    with pytest.raises(ValidationError):
        services.allowances.set_override(att[people["수정위원"]], 70000, "")
    with pytest.raises(ValidationError):
        services.allowances.set_override(att[people["수정위원"]], -1, "사유")
    services.allowances.set_override(att[people["수정위원"]], 70000, "중도 퇴장")
    walk_in = services.meetings.add_walk_in(m.id, "배석자", "서초구청")
    assert "배석자" not in amounts(services, m.id)
    services.allowances.set_override(walk_in.id, 50000, "발표 자문")
    lines = {ln.name: ln for ln in services.allowances.compute(m.id)}
    assert lines["수정위원"].amount == 70000 and lines["수정위원"].note == "중도 퇴장" and lines["수정위원"].overridden
    assert lines["배석자"].amount == 50000 and lines["배석자"].category == "배석"
    services.allowances.set_override(att[people["수정위원"]], None)
    assert amounts(services, m.id)["수정위원"] == 200000
