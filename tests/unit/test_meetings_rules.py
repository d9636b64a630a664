"""Quorum and vote rules at their edges, through the meeting service (issue 5 item 6)."""

from __future__ import annotations

import pytest

from aict_desktop.domain.enums import DecisionQuorumRule, TieRule, VoteResult
from aict_desktop.domain.errors import ValidationError
from tests.meeting_sample import build, mark_present


def test_quorum_exactly_half_does_not_open(services):
    s = build(services, members=14)
    mark_present(services, s.meeting, 7)
    q = services.meetings.quorum(s.meeting)
    assert (q.enrolled, q.present, q.required, q.met) == (14, 7, 8, False)
    mark_present(services, s.meeting, 8)
    assert services.meetings.quorum(s.meeting).met
    assert "14" in q.describe() and "7" in q.describe()


def test_quorum_counts_online_not_written_or_proxy(services):
    s = build(services, members=3)
    rows = [r for r in services.meetings.attendance_rows(s.meeting) if r.is_member]
    services.meetings.set_attendance(rows[0].id, "온라인")
    services.meetings.set_attendance(rows[1].id, "서면")
    services.meetings.set_attendance(rows[2].id, "대리출석", proxy_name="홍길동")
    services.meetings.add_walk_in(s.meeting, "배석자 <김&박>", "서초구청")
    assert services.meetings.counts(s.meeting) == (3, 1)


def test_majority_exactly_half_of_present_is_rejected(services):
    s = build(services, members=15)
    mark_present(services, s.meeting, 10)
    d = services.meetings.record_decision(s.resolution, yes=5, no=4, abstain=1)
    assert d.result is VoteResult.REJECTED  # 5 of 10 is not more than half
    d = services.meetings.record_decision(s.resolution, yes=6, no=4)
    assert d.result is VoteResult.PASSED


def test_two_thirds_rounding(services):
    s = build(services, members=15, decision_quorum=DecisionQuorumRule.TWO_THIRDS_OF_PRESENT)
    mark_present(services, s.meeting, 10)  # 2/3 of 10 = 6.67 → 7 needed
    assert services.meetings.record_decision(s.resolution, yes=6, no=4).result is VoteResult.REJECTED
    assert services.meetings.record_decision(s.resolution, yes=7, no=3).result is VoteResult.PASSED
    mark_present(services, s.meeting, 9)  # exactly 6 of 9 is two thirds
    assert services.meetings.record_decision(s.resolution, yes=6, no=3).result is VoteResult.PASSED
    assert services.meetings.record_decision(s.resolution, yes=5, no=4).result is VoteResult.REJECTED


def test_majority_of_enrolled_ignores_who_is_present(services):
    s = build(services, members=15, decision_quorum=DecisionQuorumRule.MAJORITY_OF_ENROLLED)
    mark_present(services, s.meeting, 12)
    assert services.meetings.record_decision(s.resolution, yes=7, no=5).result is VoteResult.REJECTED
    assert services.meetings.record_decision(s.resolution, yes=8, no=4).result is VoteResult.PASSED


def test_tie_rejected_by_default(services):
    s = build(services, members=15)
    mark_present(services, s.meeting, 8)
    assert services.meetings.record_decision(s.resolution, yes=4, no=4).result is VoteResult.REJECTED


def test_tie_chair_decides(services):
    s = build(services, members=15, tie_rule=TieRule.CHAIR_DECIDES)
    mark_present(services, s.meeting, 8)
    assert services.meetings.record_decision(s.resolution, yes=4, no=4).result is VoteResult.PENDING
    assert services.meetings.record_decision(s.resolution, yes=4, no=4, chair_vote=True).result is VoteResult.PASSED
    assert services.meetings.record_decision(s.resolution, yes=4, no=4, chair_vote=False).result is VoteResult.REJECTED


def test_more_votes_than_present_is_refused_and_changes_nothing(services):
    s = build(services, members=15)
    mark_present(services, s.meeting, 9)
    services.meetings.record_decision(s.resolution, yes=6, no=3)
    with pytest.raises(ValidationError) as err:
        services.meetings.record_decision(s.resolution, yes=8, no=2)
    assert "10" in err.value.message and "9" in err.value.message
    d = services.meetings.decision(s.resolution)
    assert (d.yes, d.no, d.result) == (6, 3, VoteResult.PASSED)
    with pytest.raises(ValidationError):
        services.meetings.record_decision(s.resolution, yes=-1, no=2)


def test_votes_only_on_resolution_items(services):
    s = build(services, members=3)
    mark_present(services, s.meeting, 3)
    with pytest.raises(ValidationError):
        services.meetings.record_decision(s.report, yes=2, no=1)
