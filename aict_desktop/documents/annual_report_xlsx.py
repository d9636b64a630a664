"""위원회 운영현황 as an .xlsx workbook: numbers are numbers, rates fractions shown as %, dates dates.

Sheets: 총괄 (one row per body, the columns of the PDF's 총괄표), 위원 구성,
회의 개최 (one row per meeting), 출석률 (one row per member and body),
임기 만료 예정, 과제·프로그램.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from aict_desktop.documents.annual_report_data import (
    AGENDA_KINDS, FORMS, ROLES, SECTOR_GROUPS, AnnualReport, total_of,
)
from aict_desktop.domain.cells import safe_cell

_HEAD_FILL = PatternFill("solid", fgColor="E6EBF2")
WON = '#,##0"원"'
PCT = "0.0%"
DATE = "yyyy-mm-dd"

SUMMARY = ("연번", "기구명", "위원 계", "당연직", "위촉직", "위촉직 남", "위촉직 여", "위촉직 미입력", "여성 비율",
           "회의 계", *(f"회의 {f}" for f in FORMS), "안건 계", *(f"안건 {k}" for k in AGENDA_KINDS), "가결", "부결",
           "출석률", "수당 지급액", "원천징수액", "수당 예산", "집행률")


def _frac(percent: float | None):
    return None if percent is None else round(percent / 100.0, 4)


def _sheet(wb: Workbook, title: str, head, widths, first: bool = False) -> Worksheet:
    ws = wb.active if first else wb.create_sheet(title)
    assert isinstance(ws, Worksheet)  # the new workbook's one worksheet, or a new one
    ws.title = title
    ws.append(list(head))
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = f"A{ws.max_row + 1}"
    return ws


def _formats(ws, formats: dict) -> None:
    """Apply {column: number format} to the row just appended."""
    for col, fmt in formats.items():
        ws.cell(row=ws.max_row, column=col).number_format = fmt


def render_xlsx(d: AnnualReport) -> bytes:
    wb = Workbook()
    ws = _sheet(wb, "총괄", SUMMARY, [6, 30] + [9] * 17 + [9, 14, 13, 14, 9], first=True)
    ws.insert_rows(1, 2)
    ws["A1"] = f"{d.year}년 위원회 운영현황 ({safe_cell(d.scope)})"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"], ws["B2"] = "기준일", d.as_of
    ws["B2"].number_format = DATE
    ws.freeze_panes = "C4"
    rows = list(enumerate(d.bodies, start=1)) + ([("합계", total_of(d.bodies))] if len(d.bodies) > 1 else [])
    for i, b in rows:
        g = b.by_gender
        ws.append([i, safe_cell(b.name) if i != "합계" else "", b.members, b.ex_officio, b.commissioned, g.get("남", 0), g.get("여", 0),
                   g.get("미입력", 0), _frac(b.women_percent), b.held(), *[b.held(f) for f in FORMS], b.agenda(),
                   *[b.agenda(k) for k in AGENDA_KINDS], b.passed, b.rejected, _frac(b.mean_rate), b.paid, b.withheld,
                   b.budget, _frac(b.execution_percent)])
        _formats(ws, {9: PCT, 20: PCT, 21: WON, 22: WON, 23: WON, 24: PCT})
        if i == "합계":
            for cell in ws[ws.max_row]:
                cell.font = Font(bold=True)

    wm = _sheet(wb, "위원 구성", ("기구명", "상위 기구", "위촉직", "당연직", "남", "여", "미입력", "성별 기준(%)",
                                   "성별 기준 충족", *SECTOR_GROUPS, *ROLES, "연중 해촉·사임", "성별 예외 기록", "정원", "결원"),
                [30, 24] + [8] * 17 + [40, 50, 8, 8])
    for b in d.bodies:
        g = b.by_gender
        wm.append([safe_cell(b.name), safe_cell(b.parent), b.commissioned, b.ex_officio, g.get("남", 0),
                   g.get("여", 0), g.get("미입력", 0), b.gender_cap, "충족" if b.gender_cap_ok else "초과",
                   *[b.by_sector.get(k, 0) for k in SECTOR_GROUPS], *[b.by_role.get(r, 0) for r in ROLES],
                   safe_cell("; ".join(b.ended)), safe_cell("; ".join(b.exceptions)), b.seats, b.vacancies])

    wt = _sheet(wb, "회의 개최", ("기구명", "차수", "일자", "구분", "방식", "재적", "출석", *AGENDA_KINDS, "가결",
                                   "부결", "회의명"), [30, 7, 12, 7, 7, 7, 7, 7, 7, 7, 7, 7, 44])
    for b in d.bodies:
        for m in b.meetings:
            wt.append([safe_cell(b.name), m.number, m.held_on, m.kind, m.form, m.enrolled, m.present,
                       *[m.agenda.get(k, 0) for k in AGENDA_KINDS], m.passed, m.rejected, safe_cell(m.title)])
            _formats(wt, {3: DATE})

    wr = _sheet(wb, "출석률", ("기구명", "성명", "대상 회의", "출석", "출석률", "해촉 검토 대상", "검토 기준(%)"),
                [30, 12, 10, 8, 10, 14, 12])
    for b in d.bodies:
        for r in b.rates:
            wr.append([safe_cell(b.name), safe_cell(r.name), r.invited, r.attended, _frac(r.rate),
                       "○" if r.review else "", b.review_percent])
            _formats(wr, {5: PCT})

    we = _sheet(wb, f"{d.year + 1}년 임기 만료", ("기구명", "성명", "직위", "구분", "임기 만료일"), [30, 12, 10, 10, 13])
    for b in d.bodies:
        for e in b.expiring:
            we.append([safe_cell(b.name), safe_cell(e.name), e.role, e.kind, e.term_end])
            _formats(we, {5: DATE})

    wp = _sheet(wb, "과제·프로그램", ("기구명", "과제 완료(연중)", "과제 진행", "과제 기한 경과", "수당 지급 건수",
                                      "프로그램 일자", "프로그램 구분", "프로그램명", "참여 인원"),
                [30, 12, 10, 12, 12, 13, 11, 40, 10])
    for b in d.bodies:
        wp.append([safe_cell(b.name), b.tasks_done, b.tasks_open, b.tasks_overdue, b.payments])
        for day, kind, title, n in b.programs:
            wp.append([safe_cell(b.name), None, None, None, None, day, kind, safe_cell(title), n])
            _formats(wp, {6: DATE})
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
