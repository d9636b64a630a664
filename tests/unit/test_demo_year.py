"""The demo's 2026 is a year worth a 운영현황 report: 대면 and 서면 meetings, agenda of each kind with 가결 and
부결, a 참석수당 budget, a member under the 출석률 threshold. Worked out by hand from resources/demo/demo.json:

| body | meeting | 방식 | 출석/재적 | 안건 | 의결 |
|---|---|---|---|---|---|
| 운영위원회 | 제1차 2026. 2. 12. 정기 | 대면 | 13/15 | 보고·심의·의결 2 | 가결 2 |
| 운영위원회 | 제2차 2026. 6. 18. 정기 | 대면 | 11/15 | 보고·심의·의결 2 | 가결 1, 부결 1 (찬성 3 of 11) |
| 운영협의회 | 제2차 2026. 1. 22. 정기 | 대면 | 8/9 | 보고·의결 | 가결 1 |
| 운영협의회 | 제3차 2026. 9. 15. 임시 | 서면 | 0/9 (8 서면, 1 불참) | 보고·심의 | (no vote: 서면 is not presence) |

운영위원회 출석률 (13 + 11) / 30 = 80.0 %; 강도현 (제1차 대리출석, 제2차 불참) 0/2 → 해촉 검토.
운영협의회 8 / 18 = 44.4 %; 최민석 (불참 both) 0/2 → 해촉 검토.
수당 of the 운영위원회: 제1차 12 × 150,000 (14 위촉직, less 류가은 불참 and 강도현 대리출석); 제2차 10 × 150,000 +
임소연 서면 100,000 = 3,400,000원 in 23 payments; each 150,000 withholds 13,200 (8.8 %), the 100,000 nothing
(기타소득금액 40,000 ≤ 50,000): 22 × 13,200 = 290,400원; budget 7,200,000원 → 47.2 %.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from aict_desktop.domain.enums import AttendanceStatus, MeetingKind, VoteResult
from aict_desktop.domain.models import AgendaItem, Decision
from aict_desktop.services.annual_report import AnnualReportService
from aict_desktop.services.demo import load_demo
from tests.e2e.cli_helpers import aict

TODAY = dt.date(2026, 11, 22)
COMMITTEE = "서초AICT 운영위원회"
COUNCIL = "서초 AI 혁신 네트워크 운영협의회"


@pytest.fixture
def year(services):
    load_demo(services, today=TODAY)
    annual = AnnualReportService(services.store, services.allowances, services.meetings, today=lambda: TODAY)
    report = annual.report(2026)
    return services, {b.name: b for b in report.bodies}


def test_meetings_of_more_than_one_kind(year):
    services, bodies = year
    committee, council = bodies[COMMITTEE], bodies[COUNCIL]
    assert [(m.number, m.held_on, m.form, m.present, m.enrolled) for m in committee.meetings] == [
        (1, dt.date(2026, 2, 12), "대면", 13, 15), (2, dt.date(2026, 6, 18), "대면", 11, 15)]
    assert [(m.number, m.kind, m.form, m.present, m.enrolled) for m in council.meetings] == [
        (2, "정기", "대면", 8, 9), (3, "임시", "서면", 0, 9)]
    assert sum(b.held("대면") for b in bodies.values()) == 3 and sum(b.held("서면") for b in bodies.values()) == 1


def test_the_written_meeting_is_one_in_writing_with_its_reason_and_no_vote(year):
    services, _bodies = year
    body = services.bodies.find_body(COUNCIL)
    m = next(m for m in services.meetings.list(body_id=body.id) if m.number == 3)
    meeting = services.meetings.get(m.id)
    assert meeting.kind is MeetingKind.EXTRAORDINARY and "서면 개최 사유" in meeting.minutes_summary
    statuses = {a.person_id: a.status for a in services.meetings.attendance(m.id)}
    people = {p.id: p.name for p in services.roster.list_people()}
    by_name = {people[pid]: st for pid, st in statuses.items()}
    assert by_name.pop("최민석") is AttendanceStatus.ABSENT
    assert by_name.pop("홍세아") is AttendanceStatus.PRESENT  # the 당연직 간사 (outside 재적) ran it
    assert set(by_name.values()) == {AttendanceStatus.WRITTEN} and len(by_name) == 8
    with services.store.session() as s:
        items = s.exec(select(AgendaItem).where(AgendaItem.meeting_id == m.id)).all()
        assert sorted(i.kind.value for i in items) == ["보고", "심의"]
        assert not s.exec(select(Decision).where(Decision.agenda_item_id.in_([i.id for i in items]))).all()


def test_agenda_of_each_kind_passed_and_rejected(year):
    services, bodies = year
    committee = bodies[COMMITTEE]
    assert {k: committee.agenda(k) for k in ("보고", "심의", "의결")} == {"보고": 2, "심의": 2, "의결": 4}
    assert (committee.passed, committee.rejected) == (3, 1)
    assert [(m.passed, m.rejected) for m in committee.meetings] == [(2, 0), (1, 1)]
    with services.store.session() as s:
        rejected = s.exec(select(Decision).where(Decision.result == VoteResult.REJECTED)).all()
    assert [(d.yes, d.no, d.abstain) for d in rejected] == [(3, 7, 1)]  # 3 of 11 present: under the majority


def test_attendance_under_the_threshold(year):
    _services, bodies = year
    committee, council = bodies[COMMITTEE], bodies[COUNCIL]
    assert committee.mean_rate == 80.0 and round(council.mean_rate, 1) == 44.4
    assert [(r.name, r.invited, r.attended, r.rate) for r in committee.review] == [("강도현", 2, 0, 0.0)]
    assert [(r.name, r.invited, r.attended, r.rate) for r in council.review] == [("최민석", 2, 0, 0.0)]


def test_allowances_against_the_budget(year):
    services, bodies = year
    committee = bodies[COMMITTEE]
    assert services.allowances.budget(services.bodies.find_body(COMMITTEE).id, 2026) == 7_200_000
    assert (committee.payments, committee.paid, committee.withheld) == (23, 3_400_000, 290_400)
    assert committee.budget == 7_200_000 and round(committee.execution_percent, 1) == 47.2
    assert all(b.budget is None for name, b in bodies.items() if name != COMMITTEE)


@pytest.mark.sqlite_only
def test_fresh_file_init_demo_and_the_years_report(tmp_path):
    db = tmp_path / "fresh.sqlite"
    assert aict("init", db=db).returncode == 0
    loaded = aict("demo", db=db)
    assert loaded.returncode == 0, loaded.stderr
    out = tmp_path / "2026.xlsx"
    r = aict("export", "annual-report", "--year", "2026", "--format", "xlsx", "--out", str(out), db=db)
    assert r.returncode == 0, r.stderr
    ws = load_workbook(out)["총괄"]
    head = [c.value for c in ws[3]]
    rows = {r[1]: dict(zip(head, r)) for r in ws.iter_rows(min_row=4, values_only=True)}
    council = rows[COUNCIL]
    assert (council["회의 대면"], council["회의 서면"]) == (1, 1)
    committee = rows[COMMITTEE]
    assert (committee["부결"], committee["수당 지급액"], committee["수당 예산"]) == (1, 3_400_000, 7_200_000)
    hwpx = tmp_path / "2026.hwpx"
    r = aict("export", "annual-report", "--year", "2026", "--body", COMMITTEE, "--format", "hwpx", "--out", str(hwpx),
             db=db)
    assert r.returncode == 0, r.stderr
    section = zipfile.ZipFile(io.BytesIO(hwpx.read_bytes())).read("Contents/section0.xml").decode("utf-8")
    assert "예산 7,200,000원 대비 집행률 47.2%" in section and "강도현(0.0%)" in section
