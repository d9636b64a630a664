"""A body's rule set through the services and ``aict``: save_rules, list bodies/attendance, 위촉장 batches."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlmodel import select

from aict_desktop.cli import main
from aict_desktop.domain.enums import AttendanceStatus, DecisionQuorumRule, OpenQuorumRule
from aict_desktop.domain.errors import ConflictError, ValidationError
from aict_desktop.domain.models import Body
from aict_desktop.domain.rules import BodyRules
from tests import meeting_sample
from tests.unit.test_certificates import ON, make_body, register_counts
from tests.unit.test_documents_render import pdf_pages

S = AttendanceStatus


def _db(store) -> str:
    return str(store.path) if store.path else store.url


def run_json(store, capsys, *args) -> list:
    capsys.readouterr()
    rc = main(["--db", _db(store), *args, "--json"])
    out = capsys.readouterr()
    assert rc == 0, out.err
    return json.loads(out.out)


# --- save_rules ---------------------------------------------------------------------------------


def test_a_new_body_has_the_legal_defaults(services):
    body = services.bodies.create_body(name="서초AICT 운영위원회")
    assert services.bodies.rules(body.id) == BodyRules()


def test_save_rules_round_trip_columns_and_json(services):
    body = services.bodies.create_body(name="서초AICT 운영위원회")
    saved = services.bodies.save_rules(body.id, {
        "open_quorum": "재적위원 3분의 1 이상 출석", "decision_quorum": DecisionQuorumRule.TWO_THIRDS_OF_PRESENT,
        "pay_ex_officio": True, "quorum_statuses": ["출석", "온라인", "대리출석"], "notice_days": 10,
        "reappointment_limit": 1, "gender_cap_percent": 70, "certificate_ex_officio": True,
    }, expected_version=body.version)
    again = services.bodies.rules(body.id)
    assert again == saved
    assert again.open_quorum is OpenQuorumRule.ONE_THIRD_OF_ENROLLED
    assert again.quorum_statuses == {S.PRESENT, S.ONLINE, S.PROXY}
    assert (again.notice_days, again.reappointment_limit, again.gender_cap_percent) == (10, 1, 70)
    assert again.vote_statuses == BodyRules().vote_statuses  # what was not changed keeps its value
    row = services.bodies.get_body(body.id)
    assert row.open_quorum is OpenQuorumRule.ONE_THIRD_OF_ENROLLED  # the quorum rules are the body's columns
    assert row.decision_quorum is DecisionQuorumRule.TWO_THIRDS_OF_PRESENT and row.allowance_ex_officio is True
    stored = json.loads(row.rules)
    assert stored["notice_days"] == 10 and "open_quorum" not in stored and "pay_ex_officio" not in stored
    assert row.version == body.version + 1
    # an empty renewal limit is "no limit"; 0 is "no renewal"
    assert services.bodies.save_rules(body.id, {"reappointment_limit": ""}).reappointment_limit is None
    assert services.bodies.save_rules(body.id, {"reappointment_limit": 0}).reappointment_limit == 0


@pytest.mark.parametrize("changes, field, words", [
    ({"quorum_size": 3}, "quorum_size", "quorum_size"),
    ({"gender_cap_percent": 0}, "gender_cap_percent", "100"),
    ({"attendance_review_percent": 101}, "attendance_review_percent", "100"),
    ({"notice_days": -1}, "notice_days", ""),
    ({"notice_days": "일주일"}, "notice_days", ""),
    ({"max_term_months": True}, "max_term_months", ""),
    ({"quorum_statuses": ["출석", "지각"]}, "quorum_statuses", "지각"),
    ({"vote_statuses": ["불참"]}, "vote_statuses", "불참"),
    ({"quorum_statuses": []}, "quorum_statuses", ""),
    ({"paid_statuses": "출석"}, "paid_statuses", ""),
    ({"pay_ex_officio": "예"}, "pay_ex_officio", ""),
    ({"tie_rule": "제비뽑기"}, "tie_rule", "제비뽑기"),
])
def test_bad_rule_values_are_refused_with_the_field_and_change_nothing(services, changes, field, words):
    body = services.bodies.create_body(name="서초AICT 운영위원회")
    before = services.bodies.get_body(body.id)
    with pytest.raises(ValidationError) as err:
        services.bodies.save_rules(body.id, {"notice_days": 9, **changes})
    assert err.value.field == field and words in err.value.message
    after = services.bodies.get_body(body.id)
    assert (after.version, after.rules) == (before.version, before.rules)
    assert services.bodies.rules(body.id) == BodyRules()


def test_an_empty_paid_set_pays_no_one(services):
    body = services.bodies.create_body(name="서초AICT 운영위원회")
    assert services.bodies.save_rules(body.id, {"paid_statuses": []}).paid_statuses == frozenset()


def test_body_fields_and_rules_are_saved_together_or_not_at_all(services):
    body = services.bodies.create_body(name="서초AICT 운영위원회")
    with pytest.raises(ValidationError):
        services.bodies.save_rules(body.id, {"notice_days": 10}, body_changes={"allowance_rate": -5})
    assert services.bodies.rules(body.id).notice_days == 7
    services.bodies.save_rules(body.id, {"notice_days": 10}, body_changes={"issuer": "서울특별시 서초구청장"})
    assert services.bodies.get_body(body.id).issuer == "서울특별시 서초구청장"
    assert services.bodies.rules(body.id).notice_days == 10


def test_a_stale_version_is_a_conflict(services):
    body = services.bodies.create_body(name="서초AICT 운영위원회")
    services.bodies.update_body(body.id, {"issuer": "다른 사람이 저장"})
    with pytest.raises(ConflictError):
        services.bodies.save_rules(body.id, {"notice_days": 3}, expected_version=body.version)
    assert services.bodies.rules(body.id).notice_days == 7


# --- aict list bodies / people / attendance --------------------------------------------------------


def test_list_bodies_json_has_the_rules_with_their_defaults(services, store, capsys):
    a = services.bodies.create_body(name="서초AICT 운영위원회")
    services.bodies.create_body(name="AI 인재양성 분과", parent_id=a.id)
    services.bodies.save_rules(a.id, {"notice_days": 5})
    rows = run_json(store, capsys, "list", "bodies")
    assert [r["name"] for r in rows] == ["서초AICT 운영위원회", "AI 인재양성 분과"]
    rules = rows[1]["rules"]
    assert rules["max_term_months"] == 36 and rules["gender_cap_percent"] == 60 and rules["notice_days"] == 7
    assert rules["open_quorum"] == "재적위원 과반수 출석" and rules["tie_rule"] == "부결"
    assert rules["quorum_statuses"] == ["온라인", "출석"] and rules["reappointment_limit"] is None
    assert rules["pay_ex_officio"] is False and rules["multi_body_limit"] == 3
    assert set(rules) == set(BodyRules().to_dict())
    assert rows[0]["rules"]["notice_days"] == 5


def test_list_people_json_has_gender(services, store, capsys):
    services.roster.create_person(name="홍길동")
    rows = run_json(store, capsys, "list", "people")
    assert rows[0]["name"] == "홍길동" and rows[0]["gender"] == "미입력"


def test_list_attendance_json_says_what_each_attendance_counts_for(services, store, capsys):
    sample = meeting_sample.build(services)
    meeting_sample.mark_present(services, sample.meeting, 8)
    members = [r for r in services.meetings.attendance_rows(sample.meeting) if r.is_member]
    services.meetings.set_attendance(members[8].id, S.PROXY, proxy_name="대리인")
    services.meetings.set_attendance(members[9].id, S.WRITTEN)
    rows = run_json(store, capsys, "list", "attendance", "--meeting", str(sample.meeting))
    assert {frozenset(r) for r in rows} == {frozenset(
        {"id", "person", "role", "status", "counts_for_quorum", "counts_for_vote", "paid"})}
    by_name = {r["person"]: r for r in rows}
    chair = by_name[meeting_sample.NAMES[0]]
    assert chair["role"] == "위원장" and rows[0] == chair  # role order
    flags = lambda r: (r["status"], r["counts_for_quorum"], r["counts_for_vote"], r["paid"])  # noqa: E731
    assert flags(chair) == ("출석", True, True, True)
    assert flags(by_name[members[8].name]) == ("대리출석", False, False, False)
    assert flags(by_name[members[9].name]) == ("서면", False, False, True)
    assert flags(by_name[members[10].name]) == ("불참", False, False, False)
    official = by_name[meeting_sample.NAMES[-1]]  # the 당연직 public official: first of the 위원, present
    assert rows[1] == official and flags(official) == ("출석", True, True, False)  # not paid (제12조)
    assert all(isinstance(r["id"], int) for r in rows)


def test_list_attendance_table_and_usage(services, store, capsys):
    sample = meeting_sample.build(services, members=3)
    meeting_sample.mark_present(services, sample.meeting, 2)
    capsys.readouterr()
    assert main(["--db", _db(store), "list", "attendance", "--meeting", str(sample.meeting)]) == 0
    out = capsys.readouterr().out
    assert meeting_sample.NAMES[0] in out and "출석" in out and "○" in out and "(3" in out
    with pytest.raises(SystemExit) as stop:  # a usage error: exit 2
        main(["--db", _db(store), "list", "attendance"])
    assert stop.value.code == 2
    assert main(["--db", _db(store), "list", "attendance", "--meeting", "9999"]) == 1


# --- 위촉장 batches: 위촉직 by default, 당연직 when chosen -------------------------------------------------


def _with_ex_officio(services):
    body, ids = make_body(services, [("홍길동", "위원장"), "김위원", ("박구청", "위원", "당연직")])
    return body, ids, ids[2]


def test_a_batch_leaves_out_ex_officio_members(services):
    body, ids, ex = _with_ex_officio(services)
    assert [r.id for r in services.certificates.pending(body.id)] == ids[:2]
    # asked for, the 당연직 is listed too: first among the 위원 (role order)
    assert [r.id for r in services.certificates.pending(body.id, include_ex_officio=True)] == [ids[0], ex, ids[1]]
    result = services.certificates.issue(body.id, on=ON)
    assert [c.person for c in result.certificates] == ["홍길동", "김위원"]
    with pytest.raises(ValidationError, match="--appointment"):  # only the 당연직 is left: say how to choose him
        services.certificates.issue(body.id, on=ON)


def test_an_ex_officio_member_chosen_explicitly_gets_one_without_a_dangling_term(services):
    body, ids, ex = _with_ex_officio(services)
    result = services.certificates.issue(body.id, [ex], on=ON)
    assert [c.person for c in result.certificates] == ["박구청"] and result.certificates[0].term_end is None
    page = pdf_pages(result.pdf)[0]
    assert "위촉기간: 2025. 6. 12.부터" in page
    assert not [line for line in page.splitlines() if line.rstrip().endswith("~")]
    reprint = pdf_pages(services.certificates.reprint(result.certificates[0].serial))[0]
    assert "2025. 6. 12.부터" in reprint


def test_the_body_rule_can_give_ex_officio_members_certificates_in_a_batch(services):
    body, ids, ex = _with_ex_officio(services)
    services.bodies.save_rules(body.id, {"certificate_ex_officio": True})
    assert [c.appointment_id for c in services.certificates.issue(body.id, on=ON).certificates] == [ids[0], ex, ids[1]]


def test_cli_issue_takes_an_ex_officio_appointment_by_id(services, store, tmp_path, capsys):
    body, ids, ex = _with_ex_officio(services)
    out = tmp_path / "당연직.pdf"
    before = register_counts(store)
    assert main(["--db", _db(store), "certificates", "issue", "--body", body.name, "--appointment", str(ex),
                 "--out", str(out)]) == 0, capsys.readouterr().err
    assert register_counts(store)[0] == before[0] + 1
    assert "박구청" in pdf_pages(out.read_bytes())[0]
    assert main(["--db", _db(store), "certificates", "issue", "--body", body.name,
                 "--out", str(tmp_path / "rest.pdf")]) == 0
    rows = run_json(store, capsys, "list", "certificates", "--body", body.name)
    assert sorted(r["person"] for r in rows) == ["김위원", "박구청", "홍길동"]


def test_a_term_line_never_ends_with_a_bare_tilde():
    from aict_desktop.documents.certificate import term_line
    from aict_desktop.documents.data import CertificateData

    d = CertificateData(serial="제2026-001호", person_name="가", institution_name="", position_title="",
                        body_name="위원회", role_label="위원", term_start=dt.date(2026, 2, 12), term_end=None,
                        issued_on=dt.date(2026, 2, 12), issuer="서울특별시 서초구청장")
    assert term_line(d) == "위촉기간: 2026. 2. 12.부터"
    from dataclasses import replace

    assert term_line(replace(d, term_end=dt.date(2028, 2, 11))) == "위촉기간: 2026. 2. 12.~2028. 2. 11."
    assert term_line(replace(d, term_start=None)) == ""


def test_the_stored_json_is_the_rules_column(services):
    body = services.bodies.create_body(name="서초AICT 운영위원회")
    services.bodies.save_rules(body.id, {"signing_members": 2})
    with services.store.session() as s:
        text = s.exec(select(Body.rules).where(Body.id == body.id)).one()
    assert json.loads(text)["signing_members"] == 2
