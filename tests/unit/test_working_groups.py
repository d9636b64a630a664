"""Working groups (분과): members and lead, goals and plan, milestones, programmes, summaries."""

from __future__ import annotations

import datetime as dt

import pytest

from aict_desktop.domain.enums import TaskStatus
from aict_desktop.domain.errors import ConflictError, NotFound, ValidationError
from aict_desktop.services.working_groups import period_of
from tests.groups_sample import build, fixed_services


@pytest.fixture
def gs(store):
    services = fixed_services(store)
    return services, build(services)


def test_members_people_and_institutions_with_lead_first(gs):
    services, s = gs
    members = services.groups.members(s.g1)
    assert [(m.kind, m.name, m.role) for m in members] == [
        ("person", "김하늘", "분과장"),
        ("person", "이서준", "위원"),
        ("institution", "KT", "간사기관"),
        ("institution", "서울대학교", "참여기관"),
    ]
    assert members[0].institution == "서울대학교" and members[0].position == "교수"
    assert services.groups.lead(s.g1).name == "김하늘"
    assert services.groups.lead(s.g2) is None


def test_members_on_a_day_before_anyone_joined(gs):
    services, s = gs
    assert services.groups.members(s.g1, on=dt.date(2025, 1, 1)) == []


def test_groups_and_report_scope(gs):
    services, s = gs
    assert [g.name for g in services.groups.groups(s.network)] == ["AI 인재양성 분과", "AI 실증 플랫폼 분과"]
    assert [g.id for g in services.groups.report_scope(s.network)] == [s.g1, s.g2]
    assert [g.id for g in services.groups.report_scope(s.g1)] == [s.g1]
    services.groups.set_goals(s.network, goals="31개 기관 협력")
    assert [g.id for g in services.groups.report_scope(s.network)] == [s.network, s.g1, s.g2]


def test_goals_and_plan_saved_and_conflict_refused(gs):
    services, s = gs
    body = services.bodies.get_body(s.g2)
    services.groups.set_goals(s.g2, goals="실증 5건", plan="4분기: 공모", expected_version=body.version)
    saved = services.bodies.get_body(s.g2)
    assert (saved.goals, saved.plan) == ("실증 5건", "4분기: 공모")
    with pytest.raises(ConflictError):
        services.groups.set_goals(s.g2, goals="다른 목표", expected_version=body.version)
    assert services.bodies.get_body(s.g2).goals == "실증 5건"


def test_summary_counts_and_progress(gs):
    services, s = gs
    sm = {x.name: x for x in services.groups.summaries(s.network)}
    g1 = sm["AI 인재양성 분과"]
    assert (g1.lead, g1.people, g1.institutions) == ("김하늘", 2, 2)
    assert (g1.tasks_total, g1.tasks_done, g1.tasks_open, g1.tasks_overdue, g1.tasks_on_hold) == (4, 1, 2, 1, 1)
    assert g1.progress == round((100 + 40 + 20) / 3)  # the 보류 task does not count
    assert (g1.milestones_total, g1.milestones_done) == (2, 0)
    assert sm["AI 실증 플랫폼 분과"].progress == 0


def test_milestone_crud(gs):
    services, s = gs
    g = services.groups
    ms = g.add_milestone(s.g2, "실증 공모 공고", due_on="2025-11-15")
    assert ms.period == "2025 4분기" and ms.position == 1
    g.update_milestone(ms.id, {"status": "완료", "period": "2025 하반기"})
    assert [(m.title, m.status, m.period) for m in g.milestones(s.g2)] == [("실증 공모 공고", TaskStatus.DONE, "2025 하반기")]
    services.tasks.update(s.t_other, {"milestone_id": ms.id})
    g.delete_milestone(ms.id)
    assert g.milestones(s.g2) == []
    assert services.tasks.get(s.t_other).milestone_id is None  # the task stays, unlinked
    with pytest.raises(NotFound):
        g.delete_milestone(ms.id)
    with pytest.raises(ValidationError):
        g.add_milestone(s.g2, "")
    with pytest.raises(ValidationError):
        g.add_milestone(s.g2, "날짜 오류", due_on="내일")


def test_program_crud_and_period_filter(gs):
    services, s = gs
    g = services.groups
    p = g.add_program(kind="공모", title="지역 맞춤형 AI 프로젝트 공모", held_on="2025-08-01", ends_on="2025-08-31",
                      participants="37", body_id=s.g2, place="온라인")
    assert [r.title for r in g.programs(body_id=s.network, include_subgroups=True)] == [
        "주민 대상 AI 특강 ①", "지역 맞춤형 AI 프로젝트 공모", "서초 AI 해커톤 2025"]
    q3 = g.programs(body_id=s.g1, start=dt.date(2025, 7, 1), end=dt.date(2025, 9, 30))
    assert [(r.kind, r.title, r.participants, r.body) for r in q3] == [("특강", "주민 대상 AI 특강 ①", 120, "AI 인재양성 분과")]
    g.update_program(p.id, {"participants": 40, "kind": "교육과정"})
    row = g.programs(body_id=s.g2)[0]
    assert (row.kind, row.participants) == ("교육과정", 40)
    for bad in ({"participants": -1}, {"participants": "많음"}, {"held_on": "2025-09-01", "ends_on": "2025-08-01"},
                {"kind": "파티"}, {"body_id": 9999}):
        with pytest.raises((ValidationError, NotFound)):
            g.update_program(p.id, bad)
    assert g.programs(body_id=s.g2)[0].participants == 40
    g.delete_program(p.id)
    assert g.programs(body_id=s.g2) == []


def test_period_of():
    assert period_of(dt.date(2025, 9, 30)) == "2025 3분기"
    assert period_of(dt.date(2025, 10, 1)) == "2025 4분기"
    assert period_of(dt.date(2025, 6, 30), half=True) == "2025 상반기"
    assert period_of(dt.date(2025, 7, 1), half=True) == "2025 하반기"
