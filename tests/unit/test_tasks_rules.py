"""Task rules of issue 6: completion, overdue, due this week, filters, history on move, the update log."""

from __future__ import annotations

import datetime as dt

import pytest

from aict_desktop.domain.enums import TaskStatus
from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.services.tasks import describe_change, is_due_this_week, is_overdue, week_end
from tests.groups_sample import TODAY, build, fixed_services


@pytest.fixture
def gs(store):
    services = fixed_services(store)
    return services, build(services)


def test_completing_sets_progress_100_and_completed_on(gs):
    services, sample = gs
    task = services.tasks.complete(sample.t_open, comment="강사 5명 확정", author="박주무관")
    assert task.status is TaskStatus.DONE
    assert task.progress == 100
    assert task.completed_on == TODAY
    last = services.tasks.updates(sample.t_open)[-1]
    assert last.author == "박주무관"
    assert "status: 진행 → 완료" in last.change and "progress: 40 → 100" in last.change
    assert last.comment == "강사 5명 확정"


def test_reopening_clears_completed_on(gs):
    services, sample = gs
    task = services.tasks.update(sample.t_done, {"status": "진행", "progress": 70})
    assert task.completed_on is None and task.progress == 70


def test_on_hold_task_is_never_overdue(gs):
    services, sample = gs
    assert not is_overdue(TaskStatus.ON_HOLD, dt.date(2020, 1, 1), TODAY)
    assert is_overdue(TaskStatus.PLANNED, TODAY - dt.timedelta(days=1), TODAY)
    assert not is_overdue(TaskStatus.PLANNED, TODAY, TODAY)  # due today is not late yet
    assert not is_overdue(TaskStatus.DONE, dt.date(2020, 1, 1), TODAY)
    overdue = {r.id for r in services.tasks.overdue()}
    assert overdue == {sample.t_overdue}  # the 보류 task is also past due, but not listed


def test_due_this_week(gs):
    services, sample = gs
    assert week_end(TODAY) == dt.date(2025, 9, 21)
    assert is_due_this_week(TaskStatus.PLANNED, dt.date(2025, 9, 21), TODAY)
    assert not is_due_this_week(TaskStatus.PLANNED, dt.date(2025, 9, 22), TODAY)
    assert not is_due_this_week(TaskStatus.ON_HOLD, dt.date(2025, 9, 19), TODAY)
    assert [r.id for r in services.tasks.due_this_week()] == [sample.t_open]


def test_filters_by_owner_status_and_group(gs):
    services, sample = gs
    t = services.tasks
    assert {r.id for r in t.list(owner_person_id=sample.member)} == {sample.t_overdue, sample.t_hold}
    assert {r.id for r in t.list(owner_institution_id=sample.kt)} == {sample.t_open, sample.t_other}
    assert {r.id for r in t.list(status=TaskStatus.DONE)} == {sample.t_done}
    assert {r.id for r in t.list(status="보류")} == {sample.t_hold}
    assert {r.id for r in t.list(body_id=sample.g2)} == {sample.t_other}
    assert len(t.list(body_id=sample.network)) == 0
    assert len(t.list(body_id=sample.network, include_subgroups=True)) == 5
    owners = t.overdue_by_owner()
    assert list(owners) == ["이서준"] and owners["이서준"][0].title == "교재 초안 작성"


def test_moving_keeps_history_and_logs_the_move(gs):
    services, sample = gs
    t = services.tasks
    before = t.updates(sample.t_open)
    t.add_comment(sample.t_open, "1차 섭외 완료", author="간사")
    moved = t.move(sample.t_open, sample.g2, comment="실증 분과로 이관", author="박주무관")
    assert moved.body_id == sample.g2
    assert moved.milestone_id is None  # the old group's milestone no longer applies
    log = t.updates(sample.t_open)
    assert [u.id for u in log[: len(before)]] == [u.id for u in before]
    assert log[-2].comment == "1차 섭외 완료"
    last = log[-1]
    assert "body_id: AI 인재양성 분과 → AI 실증 플랫폼 분과" in last.change
    assert "milestone_id: AI 전문 자격 교육과정 설계 → -" in last.change
    assert last.author == "박주무관" and last.comment == "실증 분과로 이관"
    assert "분과: AI 인재양성 분과 → AI 실증 플랫폼 분과" in describe_change(last.change)
    assert {r.id for r in t.list(body_id=sample.g2)} == {sample.t_open, sample.t_other}


def test_update_log_records_who_what_and_comment(gs):
    services, sample = gs
    services.tasks.update(sample.t_overdue, {"due_on": "2025-09-30", "progress": 50}, comment="일정 조정",
                          author="이서준")
    last = services.tasks.updates(sample.t_overdue)[-1]
    assert last.author == "이서준"
    assert "due_on: 2025-09-01 → 2025-09-30" in last.change and "progress: 20 → 50" in last.change
    first = services.tasks.updates(sample.t_overdue)[0]
    assert first.change == "등록"


def test_an_unchanged_save_logs_nothing(gs):
    services, sample = gs
    n = len(services.tasks.updates(sample.t_other))
    services.tasks.update(sample.t_other, {"title": "실증 후보 과제 목록"})
    assert len(services.tasks.updates(sample.t_other)) == n


@pytest.mark.parametrize("changes, field", [
    ({"progress": 120}, "progress"),
    ({"progress": "많이"}, "progress"),
    ({"due_on": "2025-13-01"}, "due_on"),
    ({"status": "끝"}, "status"),
    ({"title": "  "}, "title"),
    ({"owner_person_id": 9999}, "owner_person_id"),
    ({"body_id": "x"}, "body_id"),
])
def test_bad_input_is_refused_and_changes_nothing(gs, changes, field):
    services, sample = gs
    before = services.tasks.get(sample.t_open)
    n = len(services.tasks.updates(sample.t_open))
    with pytest.raises(ValidationError) as err:
        services.tasks.update(sample.t_open, changes)
    assert err.value.field == field and err.value.message
    after = services.tasks.get(sample.t_open)
    assert (after.progress, after.due_on, after.status, after.title, after.version) == (
        before.progress, before.due_on, before.status, before.title, before.version)
    assert len(services.tasks.updates(sample.t_open)) == n


def test_milestone_of_another_group_is_refused(gs):
    services, sample = gs
    with pytest.raises(ValidationError):
        services.tasks.update(sample.t_other, {"milestone_id": sample.m1})


def test_title_with_markup_characters_is_kept_verbatim(gs):
    services, sample = gs
    task = services.tasks.create(title="R&D <예산> 협의", body_id=sample.g2)
    assert services.tasks.get(task.id).title == "R&D <예산> 협의"


def test_missing_task(gs):
    services, _sample = gs
    with pytest.raises(NotFound):
        services.tasks.update(9999, {"progress": 5})
