"""의결 through the meeting service: the quorum-lost lock, 제척·기피·회피 and named votes (issue 13)."""

from __future__ import annotations

import datetime as dt

import pytest

from aict_desktop.domain.enums import AttendanceStatus, DecisionQuorumRule, VoteResult
from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.rules import RecusalKind, VoteChoice
from aict_desktop.domain.rules.settings import rules_of
from tests.meeting_sample import build, mark_present


def present_rows(services, meeting_id):
    return [r for r in services.meetings.attendance_rows(meeting_id) if r.is_member and r.status == "출석"]


def absent_rows(services, meeting_id):
    return [r for r in services.meetings.attendance_rows(meeting_id) if r.is_member and r.status == "불참"]


def test_quorum_lost_after_departures_refuses_the_vote_and_regaining_allows_it(services):
    s = build(services, members=15)  # 의사정족수: 8 of 15
    mark_present(services, s.meeting, 9)
    services.meetings.record_decision(s.resolution, yes=6, no=3)
    here = present_rows(services, s.meeting)
    services.meetings.set_departure(here[-1].id, dt.time(15, 40))
    services.meetings.set_departure(here[-2].id, dt.time(15, 45))
    t = services.meetings.tally(s.meeting)
    assert (t.present, t.present_now, t.required, t.met) == (9, 7, 8, False)
    with pytest.raises(ValidationError) as err:
        services.meetings.record_decision(s.resolution, yes=7, no=0)
    assert all(n in err.value.message for n in ("7", "15", "8"))
    d = services.meetings.decision(s.resolution)
    assert (d.yes, d.no, d.result) == (6, 3, VoteResult.PASSED)  # nothing changed
    with pytest.raises(ValidationError):
        services.meetings.set_vote(s.resolution, here[0].person_id, VoteChoice.YES)
    services.meetings.set_departure(here[-1].id, None)  # back in the room: 8 of 15
    assert services.meetings.vote_basis(s.resolution).present == 8
    d = services.meetings.record_decision(s.resolution, yes=5, no=3)
    assert (d.yes, d.no, d.result) == (5, 3, VoteResult.PASSED)
    with pytest.raises(ValidationError):  # the one who left is not among the 8 present
        services.meetings.record_decision(s.resolution, yes=6, no=3)


def test_a_recused_member_counts_for_quorum_but_not_in_the_vote(services):
    s = build(services, members=15)
    mark_present(services, s.meeting, 10)
    rules = rules_of(services.bodies.get_body(s.body))
    assert services.meetings.record_decision(s.resolution, yes=5, no=4).result is VoteResult.REJECTED  # 5 of 10
    who = present_rows(services, s.meeting)[3]
    services.meetings.set_recusal(s.resolution, who.person_id, RecusalKind.WITHDRAWAL, "  발주 기관 소속  ")
    assert services.meetings.decision(s.resolution).result is VoteResult.PASSED  # re-decided: 5 of the 9
    t = services.meetings.tally(s.meeting)
    assert (t.present, t.met) == (10, True)  # still present for 의사정족수
    basis = services.meetings.vote_basis(s.resolution)
    assert (basis.enrolled, basis.present, basis.recused, basis.needed(rules)) == (14, 9, 1, 5)
    assert "5" in basis.describe(rules) and "9" in basis.describe(rules)
    assert [(r.person_id, r.name, r.kind, r.reason) for r in services.meetings.recusals(s.resolution)] == [
        (who.person_id, who.name, RecusalKind.WITHDRAWAL, "발주 기관 소속")]
    d = services.meetings.record_decision(s.resolution, yes=5, no=3, abstain=1)
    assert d.result is VoteResult.PASSED  # 5 of the 9 who may vote
    with pytest.raises(ValidationError) as err:
        services.meetings.record_decision(s.resolution, yes=6, no=4)  # 10 votes, 9 may vote
    assert "10" in err.value.message and "9" in err.value.message
    # the kind can change (기피 after an objection); the reason stays required
    services.meetings.set_recusal(s.resolution, who.person_id, "기피", "이해관계 이의 제기")
    assert services.meetings.recusals(s.resolution)[0].kind is RecusalKind.CHALLENGE
    with pytest.raises(ValidationError) as err:
        services.meetings.set_recusal(s.resolution, who.person_id, RecusalKind.EXCLUSION, "   ")
    assert err.value.field == "reason"
    assert services.meetings.recusals(s.resolution)[0].kind is RecusalKind.CHALLENGE
    stranger = services.roster.create_person(name="외부인", institution_id=None, position="")
    with pytest.raises(ValidationError) as err:
        services.meetings.set_recusal(s.resolution, stranger.id, RecusalKind.EXCLUSION, "사유")
    assert err.value.field == "person_id"
    # clearing the recusal puts the member back: 5 of 10 is not a majority, the recorded vote is re-decided
    services.meetings.clear_recusal(s.resolution, who.person_id)
    assert services.meetings.recusals(s.resolution) == []
    assert services.meetings.vote_basis(s.resolution).present == 10
    assert services.meetings.decision(s.resolution).result is VoteResult.REJECTED


def test_a_recusal_that_leaves_fewer_voters_than_votes_is_refused(services):
    s = build(services, members=15)
    mark_present(services, s.meeting, 9)
    services.meetings.record_decision(s.resolution, yes=6, no=3)  # all 9 voted
    who = present_rows(services, s.meeting)[0]
    with pytest.raises(ValidationError):
        services.meetings.set_recusal(s.resolution, who.person_id, RecusalKind.EXCLUSION, "당사자")
    assert services.meetings.recusals(s.resolution) == []


def test_named_votes_give_the_counts_and_refuse_a_recused_voter(services):
    s = build(services, members=15)
    mark_present(services, s.meeting, 10)
    here = present_rows(services, s.meeting)
    recused = here[9]
    services.meetings.set_recusal(s.resolution, recused.person_id, RecusalKind.EXCLUSION, "안건 당사자")
    choices = [VoteChoice.YES] * 6 + [VoteChoice.NO] * 2 + [VoteChoice.ABSTAIN]
    for row, choice in zip(here, choices):
        d = services.meetings.set_vote(s.resolution, row.person_id, choice)
    assert (d.yes, d.no, d.abstain, d.result) == (6, 2, 1, VoteResult.PASSED)
    assert services.meetings.votes(s.resolution)[here[0].person_id] is VoteChoice.YES
    with pytest.raises(ValidationError) as err:
        services.meetings.set_vote(s.resolution, recused.person_id, VoteChoice.YES)
    assert recused.name in err.value.message
    absent = absent_rows(services, s.meeting)[0]
    with pytest.raises(ValidationError):
        services.meetings.set_vote(s.resolution, absent.person_id, VoteChoice.NO)
    with pytest.raises(ValidationError):  # a member with a named vote cannot be recused without clearing it
        services.meetings.set_recusal(s.resolution, here[0].person_id, RecusalKind.WITHDRAWAL, "사유")
    # counts typed by hand are refused; the same totals with the decision text are kept
    with pytest.raises(ValidationError) as err:
        services.meetings.record_decision(s.resolution, yes=9, no=0)
    assert "6" in err.value.message
    d = services.meetings.record_decision(s.resolution, yes=6, no=2, abstain=1, text="원안 가결")
    assert d.text == "원안 가결"
    # changing a vote recounts; 4 yes of 9 fails
    services.meetings.set_vote(s.resolution, here[0].person_id, VoteChoice.NO)
    services.meetings.set_vote(s.resolution, here[1].person_id, None)
    d = services.meetings.decision(s.resolution)
    assert (d.yes, d.no, d.abstain, d.result, d.text) == (4, 3, 1, VoteResult.REJECTED, "원안 가결")
    for row in here:
        services.meetings.set_vote(s.resolution, row.person_id, None)
    assert services.meetings.votes(s.resolution) == {} and services.meetings.decision(s.resolution) is None
    # a member who left no longer votes
    services.meetings.set_departure(here[0].id, dt.time(16, 0))
    with pytest.raises(ValidationError):
        services.meetings.set_vote(s.resolution, here[0].person_id, VoteChoice.YES)


def test_majority_of_enrolled_leaves_the_recused_out_of_the_enrolment(services):
    s = build(services, members=15, decision_quorum=DecisionQuorumRule.MAJORITY_OF_ENROLLED)
    mark_present(services, s.meeting, 12)  # 재적 15: 8 needed
    rules = rules_of(services.bodies.get_body(s.body))
    assert services.meetings.record_decision(s.resolution, yes=7, no=3).result is VoteResult.REJECTED
    here, away = present_rows(services, s.meeting), absent_rows(services, s.meeting)
    services.meetings.set_recusal(s.resolution, here[0].person_id, RecusalKind.WITHDRAWAL, "공동 연구 참여")
    services.meetings.set_recusal(s.resolution, away[0].person_id, RecusalKind.EXCLUSION, "신청 기관 대표")
    basis = services.meetings.vote_basis(s.resolution)
    # both leave 재적 (15 → 13, 7 needed); only the one in the room leaves 출석 (12 → 11)
    assert (basis.enrolled, basis.present, basis.recused, basis.needed(rules)) == (13, 11, 2, 7)
    assert "13" in basis.describe(rules)
    assert services.meetings.decision(s.resolution).result is VoteResult.PASSED  # re-decided: 7 of 13
    assert services.meetings.record_decision(s.resolution, yes=6, no=5).result is VoteResult.REJECTED


def test_confirmed_minutes_lock_recusals_and_votes(services):
    s = build(services, members=5)
    mark_present(services, s.meeting, 4)
    here = present_rows(services, s.meeting)
    services.meetings.set_recusal(s.resolution, here[3].person_id, RecusalKind.WITHDRAWAL, "이해관계")
    services.meetings.set_vote(s.resolution, here[0].person_id, VoteChoice.YES)
    services.meetings.save_notes(s.report, "보고 완료")
    services.meetings.save_notes(s.resolution, "기명 표결")
    services.meetings.confirm_minutes(s.meeting, "홍간사")
    for attempt in (
        lambda: services.meetings.set_recusal(s.resolution, here[2].person_id, RecusalKind.WITHDRAWAL, "사유"),
        lambda: services.meetings.clear_recusal(s.resolution, here[3].person_id),
        lambda: services.meetings.set_vote(s.resolution, here[1].person_id, VoteChoice.NO),
        lambda: services.meetings.set_vote(s.resolution, here[0].person_id, None),
    ):
        with pytest.raises(ValidationError) as err:
            attempt()
        assert "홍간사" in err.value.message
    assert len(services.meetings.recusals(s.resolution)) == 1
    assert services.meetings.votes(s.resolution) == {here[0].person_id: VoteChoice.YES}


def test_removing_an_item_takes_its_recusals_and_votes(services):
    s = build(services, members=5)
    mark_present(services, s.meeting, 5)
    here = present_rows(services, s.meeting)
    services.meetings.set_recusal(s.resolution, here[4].person_id, RecusalKind.WITHDRAWAL, "이해관계")
    services.meetings.set_vote(s.resolution, here[0].person_id, VoteChoice.YES)
    services.meetings.remove_item(s.resolution)
    assert [i.id for i in services.meetings.items(s.meeting)] == [s.report]
    assert services.meetings.votes(s.resolution) == {}


def test_proxy_and_written_members_do_not_vote_by_name(services):
    s = build(services, members=5)
    mark_present(services, s.meeting, 3)
    away = absent_rows(services, s.meeting)
    services.meetings.set_attendance(away[0].id, AttendanceStatus.PROXY, proxy_name="대리인")
    services.meetings.set_attendance(away[1].id, AttendanceStatus.WRITTEN)
    for row in away:
        with pytest.raises(ValidationError):
            services.meetings.set_vote(s.resolution, row.person_id, VoteChoice.YES)
    with pytest.raises(ValidationError):
        services.meetings.set_vote(s.report, away[0].person_id, VoteChoice.YES)  # not an 의결 item
