"""성과 점검 보고서 as an .xlsx workbook: a summary sheet, then tasks, milestones, programmes, decisions."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from aict_desktop.documents.task_report import period_text
from aict_desktop.documents.task_report_data import ProgressReview

_HEAD_FILL = PatternFill("solid", fgColor="E6EBF2")
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def _safe(value):
    """Text a spreadsheet would run as a formula (=, +, -, @) is stored with a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _sheet(wb: Workbook, title: str, headers: list[str], rows: list[list], widths: list[int]):
    ws = wb.create_sheet(title)
    ws.append(headers)
    for cell in ws[1]:
        cell.font = _BOLD
        cell.fill = _HEAD_FILL
    for row in rows:
        ws.append([_safe(v) for v in row])
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"
    return ws


def render_xlsx(review: ProgressReview) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook opens on its one worksheet
    ws.title = "요약"
    ws.append(["성과 점검 보고서"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["기구", review.body])
    ws.append(["점검 기간", period_text(review)])
    ws.append(["기준일", review.as_of])
    ws["B4"].number_format = "yyyy-mm-dd"
    ws.append([])
    head = ["분과", "분과장", "위원", "참여기관", "진척도(%)", "완료", "진행", "지연", "보류", "프로그램", "의결", "목표", "실행 계획"]
    ws.append(head)
    for cell in ws[ws.max_row]:
        cell.font = _BOLD
        cell.fill = _HEAD_FILL
    for g in review.groups:
        ws.append([_safe(v) for v in (g.name, g.lead, g.people, g.institutions, g.progress, len(g.done), len(g.open),
                                      len(g.overdue), len(g.on_hold), len(g.programs), len(g.decisions), g.goals, g.plan)])
        for cell in ws[ws.max_row][11:13]:
            cell.alignment = _WRAP
    for i, w in enumerate([24, 10, 6, 8, 9, 6, 6, 6, 6, 9, 6, 50, 50], start=1):
        ws.column_dimensions[get_column_letter(i)].width = w

    tasks = []
    for g in review.groups:
        for group_label, lines in (("완료", g.done), ("진행", g.open), ("보류", g.on_hold)):
            for t in lines:
                tasks.append([g.name, group_label, t.title, t.owner, t.due_on, t.status, t.progress,
                              "지연" if t.overdue else "", t.completed_on])
    _sheet(wb, "과제", ["분과", "구분", "과제명", "담당", "기한", "상태", "진척도(%)", "지연", "완료일"], tasks,
           [22, 6, 40, 16, 12, 8, 9, 6, 12])
    _sheet(wb, "마일스톤", ["분과", "시기", "내용", "기한", "상태", "비고"],
           [[g.name, m.period, m.title, m.due_on, m.status, m.note] for g in review.groups for m in g.milestones],
           [22, 12, 40, 12, 8, 30])
    _sheet(wb, "프로그램", ["분과", "구분", "프로그램명", "시작일", "종료일", "장소", "참여 인원"],
           [[g.name, p.kind, p.title, p.held_on, p.ends_on, p.place, p.participants]
            for g in review.groups for p in g.programs],
           [22, 10, 36, 12, 12, 20, 10])
    _sheet(wb, "의결", ["분과", "회의", "일자", "안건", "결과", "의결 내용", "찬성", "반대", "기권"],
           [[g.name, d.meeting, d.date, d.item, d.result, d.text, d.yes, d.no, d.abstain]
            for g in review.groups for d in g.decisions],
           [22, 30, 12, 40, 8, 16, 6, 6, 6])
    for sheet in wb.worksheets[1:]:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell, Cell) and cell.is_date:  # no merged cells here
                    cell.number_format = "yyyy-mm-dd"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
