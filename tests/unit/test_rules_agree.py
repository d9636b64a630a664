"""Every screen and paper counts a meeting the same way (issue 13).

Hypothesis draws attendance, roles, kinds and the body's rules; the quorum
panel (services.meetings.quorum), the minutes (generated 성원 line and
참석위원(N명), in the data and in the PDF), the 참석자 명부, the allowance list
and ``aict list attendance --json`` must all agree with each other and with
``domain.rules``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import itertools
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aict_desktop.domain.enums import AttendanceStatus as S
from aict_desktop.domain.models import Body
from aict_desktop.domain.rules import BodyRules
from tests.unit.test_documents_render import pdf_text

ROLES = ("위원", "위원", "위원", "위원장", "부위원장", "분과장", "간사")
KINDS = ("위촉직", "위촉직", "당연직")
STATUSES = tuple(S)
KIND_SETS = st.frozensets(st.sampled_from((S.PRESENT, S.ONLINE, S.PROXY, S.WRITTEN)))

member = st.tuples(st.sampled_from(ROLES), st.sampled_from(KINDS), st.booleans(), st.sampled_from(STATUSES),
                   st.booleans())
rules = st.builds(
    lambda q, v, p, sec, pay: BodyRules().replace(quorum_statuses=q | {S.PRESENT}, vote_statuses=v | {S.PRESENT},
                                                  paid_statuses=p, secretary_in_enrolment=sec, pay_ex_officio=pay),
    KIND_SETS, KIND_SETS, KIND_SETS, st.booleans(), st.booleans())
_names = itertools.count(1)


def _list_attendance(db_path, meeting_id: int) -> list[dict]:
    from aict_desktop.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--db", str(db_path), "list", "attendance", "--meeting", str(meeting_id), "--json"]) == 0
    return json.loads(out.getvalue())


@pytest.mark.sqlite_only
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(members=st.lists(member, min_size=1, max_size=12), body_rules=rules)
def test_quorum_minutes_sheet_allowances_and_cli_agree(services, db_path, members, body_rules):
    n = next(_names)
    body = services.bodies.create_body(name=f"규칙 위원회 {n}", issuer="서초구청장", allowance_rate=150000,
                                       allowance_written_rate=100000)
    with services.store.write() as s:  # the body's rules as 설정 stores them
        b = s.get(Body, body.id)
        b.rules, b.allowance_ex_officio = body_rules.stored_json(), body_rules.pay_ex_officio
        s.add(b)
    inst = services.roster.create_institution(name=f"기관 {n}", sector="공공기관")
    start = dt.date(2026, 1, 1)
    statuses, names = {}, {}
    for i, (role, kind, official, status, left) in enumerate(members):
        p = services.roster.create_person(name=f"위원{n}가{i:02d}", institution_id=inst.id, position="과장",
                                          is_public_official=official)
        services.appointments.appoint(p.id, body.id, role=role, kind=kind, term_start=start,
                                      term_end=dt.date(2027, 12, 31) if kind == "위촉직" else None)
        statuses[p.id], names[p.id] = (status, left), p.name
    m = services.meetings.create(body.id, starts_at=dt.datetime(2026, 3, 5, 14), ends_at=dt.datetime(2026, 3, 5, 16))
    for a in services.meetings.attendance(m.id):
        status, left = statuses[a.person_id]
        services.meetings.set_attendance(a.id, status)
        if left and status in (S.PRESENT, S.ONLINE):
            services.meetings.set_departure(a.id, dt.time(15, 30))

    rows = services.meetings.attendance_rows(m.id)
    enrolled = [r for r in rows if r.enrolled]
    present = [r for r in enrolled if r.counts_for_quorum]
    quorum = services.meetings.quorum(m.id)
    assert quorum.enrolled == len(enrolled)
    assert quorum.present == sum(1 for r in present if r.left_at is None)

    minutes = services.exports.minutes_data(m.id)
    line = f"재적위원 {len(enrolled)}명 중 {len(present)}명 출석"
    assert minutes.quorum_line == line and len(minutes.present) == len(present)
    on_list = len(minutes.present) + len(minutes.proxies) + len(minutes.written) + len(minutes.absent)
    assert on_list == len(enrolled)  # nobody outside 재적 (a 당연직 간사) is listed as 불참
    text = re.sub(r"\s+", " ", pdf_text(services.exports.minutes(m.id)))
    assert line in text and f"참석위원({len(present)}명)" in text

    sheet = services.exports.attendance_sheet_data(m.id)
    assert [ln.name for ln in sheet.lines] == [r.name for r in rows if r.is_member]  # same people, same order

    paid = {ln.name for ln in services.allowances.compute(m.id) if ln.amount > 0}
    assert paid == {r.name for r in rows if r.paid}

    listed = _list_attendance(db_path, m.id)
    assert [(x["person"], x["status"], x["counts_for_quorum"], x["counts_for_vote"], x["paid"]) for x in listed] == [
        (r.name, r.status, r.counts_for_quorum, r.counts_for_vote, r.paid) for r in rows]
