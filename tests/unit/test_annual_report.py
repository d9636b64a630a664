"""The yearly 운영현황 report on a small year worked out by hand: a 대면 and a 서면 meeting held in 2025,
one planned and one from 2024 left out; 성별, 산·학·연·관, 출석률 and the review list, 수당 against the
budget, 과제 and a programme. Parsed back from the PDF text and the xlsx cells.

| 위원 | 구분 | 성별 | 기관 | 3. 10. (대면) | 6. 10. (서면) | 출석률 | 수당 |
|---|---|---|---|---|---|---|---|
| 김위원장 | 위촉직 위원장 | 남 | 대학 (학) | 출석 | 서면 | 1/2 50 % | 150,000 + 130,000 |
| 이위원 | 위촉직 | 여 | 대기업 (산) | 출석 | 서면 | 50 % | 150,000 + 130,000 |
| 박위원 | 위촉직 | 여 | 대학 (학) | 출석 | 서면 | 50 % | 150,000 + 130,000 |
| 최위원 | 위촉직 | 남 | 대기업 (산) | 불참 | 서면 | 0 % → 해촉 검토 | 130,000 |
| 정당연 | 당연직 공무원 | 남 | 공공기관 (관) | 출석 | 불참 | 50 % | 0 |

출석률 of the body 4 / 10 = 40 %. 수당 7건 970,000원; each 150,000원 withholds 13,200원, each 130,000원
11,440원: 3 × 13,200 + 4 × 11,440 = 85,360원; budget 2,000,000원 → 48.5 %.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from aict_desktop.domain.enums import ProgramKind, TaskStatus
from aict_desktop.domain.models import Program, Task
from aict_desktop.services.annual_report import AnnualReportService
from aict_desktop.services.composition import Appointee
from tests.e2e.cli_helpers import aict
from tests.unit.test_documents_render import font_problems, in_order, pdf_text

START, END = dt.date(2025, 1, 1), dt.date(2026, 12, 31)
PEOPLE = (  # name, role, kind, gender, institution, official, term end, attendance (3. 10., 6. 10.)
    ("김위원장", "위원장", "위촉직", "남", "한국대학교", False, END, ("출석", "서면")),
    ("이위원", "위원", "위촉직", "여", "AI전자", False, END, ("출석", "서면")),
    ("박위원", "위원", "위촉직", "여", "한국대학교", False, END, ("출석", "서면")),
    ("최위원", "위원", "위촉직", "남", "AI전자", False, dt.date(2027, 12, 31), ("불참", "서면")),
    ("정당연", "위원", "당연직", "남", "서초구청", True, None, ("출석", "불참")),
)


def build_year(services):
    body = services.bodies.create_body(name="운영현황 위원회", issuer="서초구청장", allowance_rate=150_000,
                                       allowance_written_rate=130_000)
    inst = {name: services.roster.create_institution(name=name, sector=sector).id
            for name, sector in (("한국대학교", "대학"), ("AI전자", "대기업"), ("서초구청", "공공기관"))}
    ids, appointees = {}, []
    for name, role, kind, gender, where, official, end, _att in PEOPLE:
        p = services.roster.create_person(name=name, institution_id=inst[where], position="위원", gender=gender,
                                          is_public_official=official)
        ids[name] = p.id
        appointees.append(Appointee(p.id, role=role, kind=kind, term_start=START, term_end=end))
    services.appointments.appoint_all(appointees, body.id)
    leaver = services.roster.create_person(name="한사임", institution_id=inst["AI전자"], gender="남")
    gone = services.appointments.appoint(leaver.id, body.id, term_start=START, term_end=END)
    services.appointments.end(gone.id, "사임", on=dt.date(2025, 2, 1))

    def meeting(day, statuses, items=(), held=True):
        m = services.meetings.create(body.id, starts_at=dt.datetime(*day, 14),
                                     ends_at=dt.datetime(*day, 16))
        by_person = {a.person_id: a.id for a in services.meetings.attendance(m.id)}
        for (name, *_rest), status in zip(PEOPLE, statuses):
            if ids[name] in by_person:  # (nobody was serving yet in 2024)
                services.meetings.set_attendance(by_person[ids[name]], status)
        for kind, title, vote in items:
            item = services.meetings.add_item(m.id, title, kind=kind)
            if vote:
                services.meetings.record_decision(item.id, yes=vote[0], no=vote[1])
        if held:
            services.meetings.update(m.id, {"status": "개최"})
        return m

    meeting((2024, 12, 10), ["출석"] * 5)  # the year before: not counted
    meeting((2025, 3, 10), [p[7][0] for p in PEOPLE],
            [("보고", "상반기 추진 현황", None), ("의결", "해커톤 계획(안)", (3, 1)), ("의결", "예산 변경(안)", (1, 3))])
    meeting((2025, 6, 10), [p[7][1] for p in PEOPLE], [("심의", "하반기 계획 서면 심의", None)])
    meeting((2025, 11, 10), ["출석"] * 5, held=False)  # 예정: not counted
    services.allowances.set_budget(body.id, 2025, 2_000_000)
    with services.store.write() as s:
        s.add(Task(title="완료 과제", body_id=body.id, status=TaskStatus.DONE, completed_on=dt.date(2025, 5, 1)))
        s.add(Task(title="지연 과제", body_id=body.id, status=TaskStatus.IN_PROGRESS, due_on=dt.date(2025, 10, 1)))
        s.add(Task(title="보류 과제", body_id=body.id, status=TaskStatus.ON_HOLD, due_on=dt.date(2025, 4, 1)))
        s.add(Program(body_id=body.id, kind=ProgramKind.HACKATHON, title="AI 해커톤", held_on=dt.date(2025, 7, 1),
                      participants=80))
    return body


@pytest.fixture
def report_service(services):
    return AnnualReportService(services.store, services.allowances, services.meetings,
                               today=lambda: dt.date(2026, 3, 1))


def test_figures_of_the_year(services, report_service):
    body = build_year(services)
    r = report_service.report(2025, body.id)
    assert r.as_of == dt.date(2025, 12, 31) and [b.name for b in r.bodies] == [body.name]
    b = r.bodies[0]
    assert (b.commissioned, b.ex_officio, b.by_gender) == (4, 1, {"남": 2, "여": 2, "미입력": 0})
    assert b.gender_cap_ok and b.women_percent == 50.0
    assert b.by_sector == {"학": 2, "산": 2, "관": 1} and b.by_role == {"위원장": 1, "위원": 4}
    assert b.ended == ["한사임(사임, 2025. 2. 1.)"]
    assert [e.name for e in b.expiring] == ["김위원장", "박위원", "이위원"]  # terms ending in 2026
    assert [(m.held_on, m.form, m.present, m.enrolled) for m in b.meetings] == [
        (dt.date(2025, 3, 10), "대면", 4, 5), (dt.date(2025, 6, 10), "서면", 0, 5)]
    assert (b.held(), b.held("대면"), b.held("서면"), b.held("화상")) == (2, 1, 1, 0)
    assert (b.agenda(), b.agenda("보고"), b.agenda("심의"), b.agenda("의결"), b.passed, b.rejected) == (4, 1, 1, 2, 1, 1)
    rates = {x.name: (x.invited, x.attended, x.rate, x.review) for x in b.rates}
    assert rates["김위원장"] == (2, 1, 50.0, False) and rates["최위원"] == (2, 0, 0.0, True)
    assert b.mean_rate == 40.0 and [x.name for x in b.review] == ["최위원"]
    assert (b.payments, b.paid, b.withheld, b.budget, b.execution_percent) == (7, 970_000, 85_360, 2_000_000, 48.5)
    assert (b.tasks_done, b.tasks_open, b.tasks_overdue) == (1, 1, 1)
    assert b.programs == [(dt.date(2025, 7, 1), "해커톤", "AI 해커톤", 80)]


def test_pdf_text(services, report_service):
    body = build_year(services)
    pdf = report_service.export(2025, body.id, "pdf")
    assert font_problems(pdf) == []
    in_order(pdf_text(pdf), [
        "2025년 위원회 운영현황", "운영현황 위원회 · 2025. 12. 31. 현재", "1. 총괄", "위원 구성", "위촉직 성별", "회의 개최",
        "안건", "의결", "출석률", "참석수당 집행",
        # 1 | name | 5 1 4 | 2 2 0 50.0% | 2 1 1 0 | 4 1 1 2 | 1 1 | 40.0% | 970,000 85,360 2,000,000 48.5%
        "1", "운영현황 위원회", "5", "1", "4", "2", "2", "0", "50.0%", "2", "1", "1", "0", "4", "1", "1", "2", "1", "1",
        "40.0%", "970,000", "85,360", "2,000,000", "48.5%",
        "2. 운영현황 위원회 (위원회)", "가. 위원 구성", "위원 5명: 위촉직 4명, 당연직 1명",
        "남 2명, 여 2명, 미입력 0명 (여성 50.0%)", "기준 충족",
        "산 2명, 학 2명, 관 1명", "위원장 1명, 위원 4명", "한사임(사임, 2025. 2. 1.)", "2026년 임기 만료 예정 3명",
        "김위원장", "2026. 12. 31.", "나. 회의 개최", "개최 2회 (대면 1회, 서면 1회, 화상 0회)",
        "안건 4건 (보고 1건, 심의 1건, 의결 2건)", "가결 1건, 부결 1건", "제2차", "2025. 3. 10.", "대면", "4/5",
        "제3차", "2025. 6. 10.", "서면", "0/5", "다. 위원 출석률", "출석률 40.0%", "해촉 검토 대상: 최위원(0.0%)",
        "라. 참석수당 집행", "지급 7건 970,000원 (원천징수 85,360원); 예산 2,000,000원 대비 집행률 48.5%",
        "마. 과제 및 프로그램", "연중 완료 1건, 진행 중 1건 (기한 경과 1건)", "프로그램 1회", "2025. 7. 1. 해커톤",
        "AI 해커톤", "80명"])


def test_xlsx_numbers_and_dates(services, report_service):
    body = build_year(services)
    wb = load_workbook(io.BytesIO(report_service.export(2025, body.id, "xlsx")))
    ws = wb["총괄"]
    assert ws["B2"].value.date() == dt.date(2025, 12, 31) and ws["B2"].number_format == "yyyy-mm-dd"
    head = [c.value for c in ws[3]]
    row = dict(zip(head, [c.value for c in ws[4]]))
    assert (row["위원 계"], row["당연직"], row["위촉직"], row["위촉직 남"], row["위촉직 여"]) == (5, 1, 4, 2, 2)
    assert (row["회의 계"], row["회의 대면"], row["회의 서면"], row["회의 화상"]) == (2, 1, 1, 0)
    assert (row["안건 계"], row["안건 보고"], row["안건 심의"], row["안건 의결"], row["가결"], row["부결"]) == (4, 1, 1, 2, 1, 1)
    assert (row["출석률"], row["여성 비율"], row["집행률"]) == (0.4, 0.5, 0.485)
    assert (row["수당 지급액"], row["원천징수액"], row["수당 예산"]) == (970_000, 85_360, 2_000_000)
    assert ws.cell(row=4, column=head.index("출석률") + 1).number_format == "0.0%"
    meetings = [[c.value for c in r] for r in wb["회의 개최"].iter_rows(min_row=2)]
    assert [(m[2].date(), m[4], m[5], m[6]) for m in meetings] == [(dt.date(2025, 3, 10), "대면", 5, 4),
                                                                  (dt.date(2025, 6, 10), "서면", 5, 0)]
    rates = {r[1]: r[2:6] for r in wb["출석률"].iter_rows(min_row=2, values_only=True)}
    assert rates["최위원"] == (2, 0, 0.0, "○") and rates["김위원장"] == (2, 1, 0.5, None)
    expiring = list(wb["2026년 임기 만료"].iter_rows(min_row=2, values_only=True))
    assert [(e[1], e[4].date()) for e in expiring] == [("김위원장", END), ("박위원", END), ("이위원", END)]


def test_every_body_with_a_total_line(services, report_service):
    body = build_year(services)
    services.bodies.create_body(name="빈 위원회", issuer="서초구청장")
    r = report_service.report(2025)
    assert [b.name for b in r.bodies] == [body.name, "빈 위원회"] and r.scope == "전체 기구"
    ws = load_workbook(io.BytesIO(report_service.export(2025, None, "xlsx")))["총괄"]
    total = [c.value for c in ws[ws.max_row]]
    assert total[0] == "합계" and total[2] == 5 and total[9] == 2 and total[20] == 970_000
    assert "합계" in pdf_text(report_service.export(2025, None, "pdf"))


@pytest.mark.sqlite_only
def test_cli_annual_report(services, db_path, tmp_path):
    body = build_year(services)
    out = tmp_path / "report.xlsx"
    r = aict("export", "annual-report", "--year", "2025", "--body", body.name, "--format", "xlsx", "--out", str(out),
             db=db_path)
    assert r.returncode == 0, r.stderr
    assert load_workbook(out)["총괄"]["V4"].value == 85_360
    pdf = tmp_path / "report.pdf"
    assert aict("export", "annual-report", "--year", "2025", "--out", str(pdf), db=db_path).returncode == 0
    assert "운영현황 위원회" in pdf_text(pdf.read_bytes())
    for bad in (["--out", str(tmp_path / "x.pdf")], ["--year", "25년", "--out", str(tmp_path / "x.pdf")],
                ["--year", "2025", "--format", "csv", "--out", str(tmp_path / "x.csv")]):
        r = aict("export", "annual-report", *bad, db=db_path)
        assert r.returncode == 1 and r.stderr.strip(), bad
