"""The demo data set: what the dashboard and every page can show on a fresh install."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import func, select

from aict_desktop.domain.enums import AppointmentStatus, BodyKind, MeetingStatus, MinutesStatus, Role, TaskStatus
from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.models import (
    AgendaTask, Appointment, Attendance, Body, Decision, Institution, Meeting, Milestone, Person, Program, Task,
    TaskUpdate,
)
from aict_desktop.services.demo import can_load_demo, load_demo

ROOT = Path(__file__).resolve().parents[2]
NETWORK = "서초 AI 혁신 네트워크"
COMMITTEE = "서초AICT 운영위원회"
SEOUL = "서울 AI 혁신협의회"
TODAY = dt.date(2026, 11, 22)  # a Sunday: the upcoming meeting must still land on a weekday


def pin_today(services):
    """Services that see TODAY as today, so the checks below hold whenever the tests run."""
    from aict_desktop.services.appointments import AppointmentService
    from aict_desktop.services.tasks import TaskService

    services.appointments = AppointmentService(services.store, today=lambda: TODAY)
    services.tasks = TaskService(services.store, today=lambda: TODAY)
    return services


@pytest.fixture
def demo(services):
    summary = load_demo(pin_today(services), today=TODAY)
    return services, summary


def body_id(services, name: str) -> int:
    return services.bodies.find_body(name).id


def count(services, model, *where) -> int:
    with services.store.session() as s:
        q = select(func.count()).select_from(model)
        for w in where:
            q = q.where(w)
        return s.exec(q).one()


def test_three_bodies_and_the_network_groups(demo):
    services, summary = demo
    rows = services.bodies.list_bodies()
    top = {r.name: r for r in rows if r.parent is None}
    assert set(top) == {COMMITTEE, NETWORK, SEOUL}
    assert top[COMMITTEE].issuer == "서울특별시 서초구청장" and top[SEOUL].issuer == "서울특별시장"
    children = [r for r in rows if r.parent == NETWORK]
    assert sorted(r.kind for r in children) == ["분과"] * 4 + ["협의회"]
    assert "운영협의회" in next(r.name for r in children if r.kind == BodyKind.COUNCIL.value)
    assert "기구 8개" in summary and "하위 기구 5개" in summary
    committee = services.bodies.get_body(body_id(services, COMMITTEE))
    assert (committee.allowance_rate, committee.allowance_long_extra, committee.allowance_written_rate) == (
        150_000, 50_000, 100_000)
    assert committee.default_term_months == 24 and "02-2155-0000" in committee.contact


def test_network_has_31_institutions_named_ones_real_the_rest_samples(demo):
    services, _summary = demo
    members = services.roster.list_institutions(body_id=body_id(services, NETWORK))
    assert len(members) == 31
    names = {m.name for m in members}
    assert {"현대자동차", "LG전자", "KT", "서울대학교", "KAIST", "숭실대학교", "한국전자통신연구원(ETRI)"} <= names
    with services.store.session() as s:
        insts = {i.name: i for i in s.exec(select(Institution))}
    for name in names:
        assert insts[name].is_sample == name.endswith("(예시)"), name
    samples = [insts[n] for n in names if insts[n].is_sample]
    assert len(samples) >= 10
    assert {i.sector.value for i in samples} >= {"대기업", "중소기업", "스타트업", "대학", "연구기관", "공공기관", "협회"}


def test_seoul_council_has_the_ten_graduate_schools(demo):
    services, _summary = demo
    sid = body_id(services, SEOUL)
    names = {m.name for m in services.roster.list_institutions(body_id=sid)}
    assert names == {"경희대학교", "고려대학교", "동국대학교", "서울대학교", "성균관대학교", "연세대학교", "이화여자대학교",
                     "중앙대학교", "KAIST", "한양대학교"}
    represented = {a.institution for a in services.appointments.list(body_id=sid)}
    assert names <= represented
    assert count(services, Institution, Institution.name == "서울대학교") == 1  # shared with the network


def test_committee_roster_mixes_sectors_roles_and_expiring_terms(demo):
    services, _summary = demo
    cid = body_id(services, COMMITTEE)
    appts = services.appointments.list(body_id=cid)
    roles = [a.role for a in appts]
    assert roles.count(Role.CHAIR.value) == 1 and roles.count(Role.VICE_CHAIR.value) == 1
    assert roles.count(Role.SECRETARY.value) == 1 and 14 <= len(appts) <= 18
    ex_officio = [a for a in appts if a.kind == "당연직"]
    assert ex_officio and all(a.term_end is None for a in ex_officio)
    with services.store.session() as s:
        officials = {p.id for p in s.exec(select(Person).where(Person.is_public_official))}
    assert {a.person_id for a in ex_officio} <= officials
    sectors = {r.sector_group for r in services.roster.list_institutions() if r.name in {a.institution for a in appts}}
    assert {"산", "학", "연", "관"} <= sectors
    assert any(a.status == AppointmentStatus.RESIGNED.value for a in appts)  # history: 사임 and a 보궐 위촉
    expiring = [a for a in appts if a.status == "재임" and a.term_end and 0 <= (a.term_end - TODAY).days <= 60]
    assert len(expiring) >= 2 and all(a.partial_term for a in expiring)


def test_working_groups_have_goals_plan_lead_milestones_and_tasks(demo):
    services, _summary = demo
    nid = body_id(services, NETWORK)
    groups = [b for b in services.bodies.children(nid) if b.kind is BodyKind.WORKING_GROUP]
    assert len(groups) == 4
    all_statuses = []
    for g in groups:
        assert g.goals and g.plan
        leads = [a for a in services.appointments.list(body_id=g.id) if a.role == Role.GROUP_LEAD.value]
        assert len(leads) == 1
        assert 2 <= count(services, Milestone, Milestone.body_id == g.id) <= 4
        tasks = services.tasks.list(body_id=g.id)
        statuses = {t.status for t in tasks}
        assert {TaskStatus.DONE.value, TaskStatus.IN_PROGRESS.value} <= statuses, g.name
        all_statuses += [t.status for t in tasks]
    assert all_statuses.count(TaskStatus.ON_HOLD.value) >= 1
    overdue = [t for t in services.tasks.list() if t.overdue]
    assert 1 <= len(overdue) <= 4
    assert count(services, TaskUpdate) > count(services, Task)  # a log beyond the "created" entries
    kinds = {p.kind.value for p in _programs(services)}
    assert kinds == {"공모", "교육과정", "특강", "해커톤", "페스타"}


def _programs(services):
    with services.store.session() as s:
        return list(s.exec(select(Program)))


def test_meetings_past_and_upcoming_with_minutes_decisions_and_origin_tasks(demo):
    services, _summary = demo
    cid = body_id(services, COMMITTEE)
    meetings = services.meetings.list(body_id=cid)
    assert [m.number for m in meetings] == [1, 2, 3]
    first, second, third = meetings
    assert first.date == dt.date(2026, 2, 12) and first.status == MeetingStatus.HELD.value
    assert first.minutes_status == MinutesStatus.CONFIRMED.value
    assert second.status == MeetingStatus.HELD.value and second.minutes_status == MinutesStatus.DRAFT.value
    assert third.status == MeetingStatus.PLANNED.value
    assert third.date == dt.date(2026, 12, 7)  # TODAY + 14 is a Sunday: moved to the Monday
    items = services.meetings.items(first.id)
    assert {i.kind.value for i in items} == {"보고", "심의", "의결"}
    assert all(i.presenter for i in items) and all(i.notes for i in items)
    decisions = [services.meetings.decision(i.id) for i in items if i.kind.value == "의결"]
    assert all(d is not None and d.result.value == "가결" and d.yes > 0 for d in decisions)
    enrolled, present = services.meetings.counts(first.id)
    assert enrolled == 15 and present == 13  # the 당연직 간사 is outside 재적; the proxy is not 출석
    assert services.meetings.quorum(first.id).met
    with services.store.session() as s:
        origin = s.exec(select(Task).where(Task.origin_meeting_id == first.id)).all()
        assert origin and all(t.origin_decision_id for t in origin)
        assert s.get(Decision, origin[0].origin_decision_id).agenda_item_id == origin[0].origin_agenda_item_id
        carried = s.exec(select(AgendaTask)).all()
        assert carried
        invited = s.exec(select(Attendance).where(Attendance.meeting_id == third.id)).all()
        assert len(invited) >= 15 and all(a.status.value == "미정" for a in invited)
    others = [m for m in services.meetings.list() if m.body_id != cid]
    assert len(others) >= 2 and all(m.status == MeetingStatus.HELD.value for m in others)


def test_people_are_fictional_with_fake_contacts(demo):
    services, _summary = demo
    people = services.roster.list_people()
    real_names_in_articles = {"전성수", "김민진", "최선경", "최호정", "김현주", "신동욱", "김태균", "박찬진", "김기응", "정송",
                              "오세훈", "이재희", "김기훈", "유성훈", "김명희"}
    assert not real_names_in_articles & {p.name for p in people}
    assert all(p.mobile.startswith("010-0000-") for p in people)
    assert all(not p.email or p.email.endswith("@example.com") for p in people)
    assert len({p.name for p in people}) == len(people)


def test_second_load_is_refused_and_changes_nothing(demo):
    services, _summary = demo
    assert not can_load_demo(services)
    before = [count(services, m) for m in (Body, Institution, Person, Appointment, Meeting, Task)]
    with pytest.raises(ValidationError):
        load_demo(services, today=TODAY)
    assert [count(services, m) for m in (Body, Institution, Person, Appointment, Meeting, Task)] == before


def test_refused_when_the_user_already_made_a_body(services):
    assert can_load_demo(services)
    services.bodies.create_body(name="우리 위원회", kind="위원회")
    with pytest.raises(ValidationError):
        load_demo(services)
    assert count(services, Institution) == 0


def test_demo_is_deterministic(services, tmp_path):
    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store

    load_demo(pin_today(services), today=TODAY)
    other = open_store(tmp_path / "other.sqlite", create=True)
    try:
        second = pin_today(Services(other))
        load_demo(second, today=TODAY)

        def shape(sv):
            return ([(r.name, r.kind, r.parent) for r in sv.bodies.list_bodies()],
                    [(a.person, a.body, a.role, a.term_start, a.term_end) for a in sv.appointments.list()],
                    [(t.title, t.due, t.status, t.progress) for t in sv.tasks.list()])

        assert shape(services) == shape(second)
    finally:
        other.dispose()


def aict(*args, db: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, AICT_LANG="ko", PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "aict_desktop.cli", "--db", str(db), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_cli_init_demo_list_check(tmp_path):
    db = tmp_path / "demo.sqlite"
    assert aict("init", db=db).returncode == 0
    loaded = aict("demo", db=db)
    assert loaded.returncode == 0, loaded.stderr
    assert "예시 데이터를 불러왔습니다" in loaded.stdout
    insts = json.loads(aict("list", "institutions", "--body", NETWORK, "--json", db=db).stdout)
    assert len(insts) == 31 and all({"id", "name", "sector"} <= set(i) for i in insts)
    bodies = json.loads(aict("list", "bodies", "--json", db=db).stdout)
    assert {b["name"] for b in bodies if b["parent"] is None} == {COMMITTEE, NETWORK, SEOUL}
    assert len([b for b in bodies if b["parent"] == NETWORK]) == 5
    assert aict("check", db=db).returncode == 0
    again = aict("demo", db=db)
    assert again.returncode == 1 and "이미 기구가 있습니다" in again.stderr
