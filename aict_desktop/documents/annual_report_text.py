"""The 운영현황 report's sentences and table rows, from the one data object: the PDF and the HWPX print these.

Fixed Korean document text; every figure is read from :class:`BodyYear` / :class:`AnnualReport`.
"""

from __future__ import annotations

from typing import Any

from aict_desktop.documents.annual_report_data import AGENDA_KINDS, FORMS, ROLES, SECTOR_GROUPS, AnnualReport, BodyYear
from aict_desktop.i18n import fmt_date, fmt_won


def pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%"


# -- the sentences and rows, from the data object ------------------------------------------------

def _counts(d: dict, keys) -> str:
    return ", ".join(f"{k} {d.get(k, 0)}명" for k in keys if d.get(k, 0)) or "-"


def body_heading(n: int, b: BodyYear) -> str:
    parent = f", {b.parent} 소속" if b.parent else ""
    return f"{n}. {b.name} ({b.kind}{parent})"


def member_lines(b: BodyYear, d: AnnualReport) -> list[str]:
    g = b.by_gender
    cap = "충족" if b.gender_cap_ok else "초과 — 예외 사유 확인"
    seats = f" (정원 {b.seats}명, 결원 {b.vacancies}명)" if b.seats else ""
    out = [f"○ {fmt_date(d.as_of)} 현재 위원 {b.members}명{seats}: 위촉직 {b.commissioned}명, 당연직 {b.ex_officio}명",
           f"○ 위촉직 성별: 남 {g.get('남', 0)}명, 여 {g.get('여', 0)}명, 미입력 {g.get('미입력', 0)}명 "
           f"(여성 {pct(b.women_percent)}) — 한 성별 {b.gender_cap}% 이하 기준 {cap}",
           f"○ 산·학·연·관: {_counts(b.by_sector, SECTOR_GROUPS)}; 직위: {_counts(b.by_role, ROLES)}"]
    if b.exceptions:
        out.append("○ 성별 기준 예외 기록: " + "; ".join(b.exceptions))
    out.append("○ 연중 해촉·사임: " + ("; ".join(b.ended) if b.ended else "없음"))
    out.append(f"○ {d.year + 1}년 임기 만료 예정 {len(b.expiring)}명" if b.expiring
               else f"○ {d.year + 1}년 임기 만료 예정: 없음")
    return out


def meeting_line(b: BodyYear) -> str:
    forms = ", ".join(f"{f} {b.held(f)}회" for f in FORMS)
    kinds = ", ".join(f"{k} {b.agenda(k)}건" for k in AGENDA_KINDS)
    return f"○ 개최 {b.held()}회 ({forms}); 안건 {b.agenda()}건 ({kinds}); 가결 {b.passed}건, 부결 {b.rejected}건"


def rate_line(b: BodyYear) -> str:
    names = ", ".join(f"{r.name}({pct(r.rate)})" for r in b.review) if b.review else "없음"
    return f"○ 출석률 {pct(b.mean_rate)}; 출석률 {b.review_percent}% 미만 해촉 검토 대상: {names}"


def money_line(b: BodyYear) -> str:
    budget = (f"; 예산 {fmt_won(b.budget)} 대비 집행률 {pct(b.execution_percent)}" if b.budget is not None
              else "; 예산 미등록")
    return f"○ 지급 {b.payments}건 {fmt_won(b.paid)} (원천징수 {fmt_won(b.withheld)}){budget}"


def work_lines(b: BodyYear) -> list[str]:
    progs = "; ".join(f"{fmt_date(day)} {kind} 「{title}」" + (f" {n}명" if n else "") for day, kind, title, n in b.programs)
    return [f"○ 과제: 연중 완료 {b.tasks_done}건, 진행 중 {b.tasks_open}건 (기한 경과 {b.tasks_overdue}건)",
            f"○ 프로그램 {len(b.programs)}회" + (f": {progs}" if progs else "")]


def meeting_rows(b: BodyYear) -> list[list[Any]]:
    return [[f"제{m.number}차", fmt_date(m.held_on), m.kind, m.form, f"{m.present}/{m.enrolled}",
             *[m.agenda.get(k, 0) for k in AGENDA_KINDS], m.passed, m.rejected, m.title] for m in b.meetings]


def rate_rows(b: BodyYear) -> list[list[Any]]:
    """Members two to a row, as on the PDF: the first half down the left, the rest down the right."""
    half = (len(b.rates) + 1) // 2
    rows = [[r.name, r.invited, r.attended, pct(r.rate), "○" if r.review else ""] for r in b.rates]
    return [a + (rows[i + half] if i + half < len(rows) else ["", "", "", "", ""]) for i, a in enumerate(rows[:half])]
