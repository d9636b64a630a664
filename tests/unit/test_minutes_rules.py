"""The minutes sign as the body's rules say: 분과장 for a 분과, 위원장 and 간사 for a committee."""

from __future__ import annotations

import datetime as dt

from tests.unit.test_certificates import make_body


def test_a_working_group_signs_with_its_lead_and_a_committee_with_chair_and_secretary(services):
    network = services.bodies.create_body(name="서명 네트워크", issuer="서초구청장", kind="네트워크")
    group, _ids = make_body(services, [("이수빈", "분과장"), "문예린"], name="서명 분과", kind="분과",
                            parent_id=network.id)
    committee, _ids = make_body(services, [("윤재형", "위원장"), ("홍세아", "간사", "당연직"), "오태민"],
                                name="서명 위원회")
    signed = {}
    for body in (group, committee):
        m = services.meetings.create(body.id, starts_at=dt.datetime(2025, 9, 4, 10))
        signed[body.id] = services.exports.minutes_data(m.id)
    assert signed[group.id].signers == [("분과장", "이수빈")]
    assert signed[committee.id].signers == [("위원장", "윤재형"), ("간사", "홍세아")]
    assert signed[committee.id].quorum_line == "재적위원 2명 중 0명 출석"  # the 당연직 간사 is outside 재적
    assert any("홍세아" in o for o in signed[committee.id].observers)
    assert not any("홍세아" in a for a in signed[committee.id].absent)  # never 불참: not a voting member
