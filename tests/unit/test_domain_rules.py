"""domain.rules: each committee rule with its legal default (pure: no database, no Qt)."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

import pytest

from aict_desktop.domain.enums import AppointmentKind as K
from aict_desktop.domain.enums import AttendanceStatus as S
from aict_desktop.domain.enums import BodyKind, DecisionQuorumRule, OpenQuorumRule, Role, TieRule, VoteResult
from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.rules import (
    Attendee, BodyRules, Gender, VoteChoice, composition, gender_problem, gets_certificate, in_enrolment,
    is_paid, multi_body_warning, needs_review, notice_deadline, notice_is_late, pay_basis, presiding_role,
    printed_position, quorum_changes, renewal_check, require_quorum, role_sort_key, rules_of, serves_on,
    sorted_attendees, tally, term_problem, totals, vote_basis,
)
from aict_desktop.domain.rules.voting import result

D, T = dt.date, dt.time
DEFAULT = BodyRules()


def member(i, status, role=Role.MEMBER, kind=K.APPOINTED, **kw):
    return Attendee(id=i, name=f"위원{i:02d}", status=status, role=role, kind=kind, **kw)


def test_the_legal_defaults():
    r = BodyRules()
    assert r.max_term_months == 36  # 지방자치법 시행령 제79조②
    assert r.gender_cap_percent == 60  # 양성평등기본법 제21조②
    assert r.notice_days == 7  # 행정기관위원회법 제9조①
    assert r.multi_body_limit == 3 and r.reappointment_limit is None
    assert r.attendance_review_percent == 50
    assert r.quorum_statuses == {S.PRESENT, S.ONLINE}  # a proxy is not the member; 서면 is not presence
    assert S.PROXY not in r.paid_statuses and S.WRITTEN in r.paid_statuses
    assert not r.secretary_in_enrolment and not r.certificate_ex_officio and not r.pay_ex_officio


def test_rules_of_a_body_reads_columns_and_json_and_survives_bad_json():
    body = SimpleNamespace(open_quorum=OpenQuorumRule.ONE_THIRD_OF_ENROLLED,
                           decision_quorum=DecisionQuorumRule.TWO_THIRDS_OF_PRESENT, tie_rule=TieRule.CHAIR_DECIDES,
                           allowance_ex_officio=True, rules=json.dumps({"notice_days": 5, "quorum_statuses": ["출석"],
                                                                         "unknown": 1, "max_term_months": -4}))
    r = rules_of(body)
    assert (r.open_quorum, r.decision_quorum, r.tie_rule, r.pay_ex_officio) == (
        OpenQuorumRule.ONE_THIRD_OF_ENROLLED, DecisionQuorumRule.TWO_THIRDS_OF_PRESENT, TieRule.CHAIR_DECIDES, True)
    assert r.notice_days == 5 and r.quorum_statuses == {S.PRESENT}
    assert r.max_term_months == 36  # a negative stored value falls back to the default
    body.rules = "{not json"
    assert rules_of(body).notice_days == 7
    assert rules_of(None) == BodyRules()
    stored = json.loads(r.stored_json())
    assert "open_quorum" not in stored and stored["notice_days"] == 5
    assert BodyRules.from_dict(stored, open_quorum=r.open_quorum, decision_quorum=r.decision_quorum,
                               tie_rule=r.tie_rule, pay_ex_officio=True) == r


def test_who_serves_on_a_date():
    a = SimpleNamespace(term_start=D(2026, 2, 12), term_end=D(2028, 2, 11), end_reason=None, ended_on=None)
    assert not serves_on(a, D(2026, 2, 11)) and serves_on(a, D(2026, 2, 12)) and serves_on(a, D(2028, 2, 11))
    assert not serves_on(a, D(2028, 2, 12))
    a.end_reason, a.ended_on = "사임", D(2026, 6, 1)
    assert serves_on(a, D(2026, 5, 31)) and not serves_on(a, D(2026, 6, 1))


def test_role_order_presiding_role_and_printed_position():
    people = [member(1, S.PRESENT, Role.SECRETARY, K.EX_OFFICIO), member(2, S.PRESENT),
              member(3, S.PRESENT, Role.GROUP_LEAD), member(4, S.PRESENT, Role.CHAIR),
              member(5, S.PRESENT, Role.MEMBER, K.EX_OFFICIO), member(6, S.PRESENT, Role.VICE_CHAIR),
              Attendee(id=0, name="가배석", is_member=False)]
    assert [a.id for a in sorted_attendees(people)] == [4, 6, 3, 5, 2, 1, 0]
    assert role_sort_key(Role.CHAIR, K.APPOINTED, "하") < role_sort_key(Role.GROUP_LEAD, K.APPOINTED, "가")
    assert presiding_role(BodyKind.WORKING_GROUP) is Role.GROUP_LEAD
    assert presiding_role(BodyKind.COMMITTEE) is Role.CHAIR
    assert printed_position("  ", "과장") == "과장" and printed_position("위원장(대행)", "과장") == "위원장(대행)"


def test_ex_officio_secretary_is_outside_enrolment_unless_the_body_says_so():
    assert not in_enrolment(Role.SECRETARY, K.EX_OFFICIO, DEFAULT)
    assert in_enrolment(Role.SECRETARY, K.APPOINTED, DEFAULT)
    assert in_enrolment(Role.SECRETARY, K.EX_OFFICIO, DEFAULT.replace(secretary_in_enrolment=True))


def test_the_tally_of_the_issue_meeting():
    # 9 출석, 1 대리출석, 1 온라인, 1 서면, 1 불참, 2 미정 and a 당연직 간사
    people = ([member(i, S.PRESENT) for i in range(9)] + [member(9, S.PROXY, proxy_name="대리인"),
              member(10, S.ONLINE), member(11, S.WRITTEN), member(12, S.ABSENT), member(13, S.UNKNOWN),
              member(14, S.UNKNOWN), member(15, S.PRESENT, Role.SECRETARY, K.EX_OFFICIO)])
    t = tally(people, DEFAULT)
    assert (t.enrolled, t.present, t.required, t.voting, t.met) == (15, 10, 8, 10, True)
    assert t.line() == "재적위원 15명 중 10명 출석"
    assert t.detail_lines() == ["온라인(화상) 출석 1명", "대리출석 1명", "서면 참석 1명"]
    proxy_counts = DEFAULT.replace(quorum_statuses=frozenset({S.PRESENT, S.ONLINE, S.PROXY}))
    assert tally(people, proxy_counts).present == 11


def test_pay_basis():
    assert pay_basis(member(1, S.PRESENT), DEFAULT)[0] == "full"
    assert pay_basis(member(1, S.WRITTEN), DEFAULT)[0] == "written"
    assert not is_paid(member(1, S.PROXY), DEFAULT)  # the absent member whose proxy came is not paid
    assert is_paid(member(1, S.PROXY), DEFAULT.replace(paid_statuses=frozenset({S.PRESENT, S.PROXY})))
    official = member(1, S.PRESENT, kind=K.EX_OFFICIO, is_public_official=True)
    assert pay_basis(official, DEFAULT) == (None, "당연직 공무원 미지급")
    assert is_paid(official, DEFAULT.replace(pay_ex_officio=True))
    assert not is_paid(member(1, S.ABSENT), DEFAULT) and not is_paid(member(1, S.UNKNOWN), DEFAULT)


def test_quorum_lost_and_regained_when_members_leave_and_return():
    people = [member(i, S.PRESENT) for i in range(5)]  # 재적 5: 3 open the meeting
    people[0] = member(0, S.PRESENT, left_at=T(15, 10))
    people[1] = member(1, S.PRESENT, left_at=T(15, 20))
    people.append(member(5, S.PRESENT, arrived_at=T(15, 30)))
    t = tally(people, DEFAULT)
    assert (t.enrolled, t.required, t.present_now, t.met) == (6, 4, 4, True)
    changes = quorum_changes(people, DEFAULT)
    assert [(c.at, c.present, c.met) for c in changes] == [(T(15, 20), 3, False), (T(15, 30), 4, True)]
    assert changes[0].text(6) == "15:20 의사정족수 미달(표결 중지) — 재적위원 6명 중 3명 재석"
    with pytest.raises(ValidationError):
        require_quorum(tally([member(0, S.PRESENT, left_at=T(15, 0)), member(1, S.PRESENT), member(2, S.ABSENT)],
                             DEFAULT))


def test_no_loss_is_reported_before_the_meeting_first_opens():
    late = [member(i, S.PRESENT, arrived_at=T(14, 5 * i)) for i in range(1, 4)] + [member(9, S.ABSENT)]
    assert quorum_changes(late, DEFAULT) == []


def test_recusal_is_present_for_quorum_but_not_for_the_vote():
    t = tally([member(i, S.PRESENT) for i in range(10)] + [member(10, S.ABSENT)], DEFAULT)
    basis = vote_basis(t, recused_present=1)
    assert (basis.enrolled, basis.present, basis.needed(DEFAULT)) == (10, 9, 5)
    assert result(DEFAULT, basis, yes=5, no=4) is VoteResult.PASSED
    assert result(DEFAULT, basis, yes=4, no=4) is VoteResult.REJECTED  # 가부동수 부결
    enrolled_rule = DEFAULT.replace(decision_quorum=DecisionQuorumRule.MAJORITY_OF_ENROLLED)
    assert vote_basis(t, 1).needed(enrolled_rule) == 6  # 재적 11 less the recused member: 10 → 6


def test_named_votes_give_the_totals():
    assert totals([VoteChoice.YES, VoteChoice.YES, VoteChoice.NO, VoteChoice.ABSTAIN]) == (2, 1, 1)


def test_certificates_go_to_appointed_members_by_default():
    assert gets_certificate(K.APPOINTED, DEFAULT)
    assert not gets_certificate(K.EX_OFFICIO, DEFAULT)
    assert gets_certificate(K.EX_OFFICIO, DEFAULT, chosen=True)
    assert gets_certificate(K.EX_OFFICIO, DEFAULT.replace(certificate_ex_officio=True))


def test_gender_parse():
    assert Gender.parse("남성") is Gender.MALE and Gender.parse("F") is Gender.FEMALE and Gender.parse("여") is Gender.FEMALE
    assert Gender.parse("") is Gender.UNKNOWN and Gender.parse(None) is Gender.UNKNOWN
    with pytest.raises(ValueError):
        Gender.parse("기타값")


def test_gender_cap_six_of_ten():
    def comp(men, women, unknown=0, ex=0):
        return composition([(K.APPOINTED, Gender.MALE)] * men + [(K.APPOINTED, Gender.FEMALE)] * women
                           + [(K.APPOINTED, Gender.UNKNOWN)] * unknown + [(K.EX_OFFICIO, Gender.MALE)] * ex)
    assert comp(6, 4).cap_ok(DEFAULT) and not comp(7, 3).cap_ok(DEFAULT)
    assert comp(6, 2, unknown=2, ex=5).cap_ok(DEFAULT)  # 미입력 count in the whole; 당연직 are not counted
    assert comp(6, 4, ex=3).by_gender == {"남": 6, "여": 4, "미입력": 0} and comp(6, 4, ex=3).ex_officio == 3
    problem = gender_problem(comp(7, 3), comp(6, 3), DEFAULT)
    assert "60%" in problem and "양성평등기본법 제21조" in problem and "(70%)" in problem
    assert gender_problem(comp(7, 4), comp(7, 3), DEFAULT) is None  # adding the other gender never blocks
    assert gender_problem(comp(6, 4, unknown=1), comp(6, 4), DEFAULT) is None  # 미입력 never blocks


def test_term_renewal_and_multi_body_limits():
    assert term_problem(D(2026, 2, 12), D(2029, 2, 11), DEFAULT) is None  # exactly 3 years
    assert term_problem(D(2026, 2, 12), D(2029, 2, 12), DEFAULT)
    assert term_problem(D(2026, 2, 12), None, DEFAULT) is None
    assert renewal_check(5, DEFAULT) == (None, None)  # no limit by default
    once = DEFAULT.replace(reappointment_limit=1)
    refusal, warning = renewal_check(0, once)
    assert refusal is None and warning
    refusal, warning = renewal_check(1, once)
    assert refusal and warning is None
    assert multi_body_warning(["가", "나"], DEFAULT) is None
    assert multi_body_warning(["가", "나", "다"], DEFAULT)


def test_notice_deadline_and_attendance_review():
    meeting = D(2026, 3, 12)
    assert notice_deadline(meeting, DEFAULT) == D(2026, 3, 5)
    assert not notice_is_late(D(2026, 3, 5), meeting, DEFAULT) and notice_is_late(D(2026, 3, 6), meeting, DEFAULT)
    assert needs_review(1, 3, DEFAULT) and not needs_review(2, 4, DEFAULT) and not needs_review(0, 0, DEFAULT)
