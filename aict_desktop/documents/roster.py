"""위원 명단 (roster): 연번, 직책, 성명, 소속, 직위, 위촉구분, 임기 — as PDF, .xlsx and .csv."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from aict_desktop.documents.data import RosterData, RosterLine
from aict_desktop.documents.preflight import Field, check, person_fields
from aict_desktop.i18n import _, fmt_date, fmt_range
from aict_desktop.security.spreadsheet import safe_cell

HEADERS = ("연번", "직책", "성명", "소속", "직위", "위촉구분", "임기")


def term_text(line: RosterLine) -> str:
    if line.term_start is None:
        return ""
    if line.term_end is None:
        return f"{fmt_date(line.term_start)}~"
    return fmt_range(line.term_start, line.term_end)


def rows(data: RosterData) -> list[list[str]]:
    return [
        [str(i), ln.role, ln.name, ln.institution, ln.position, ln.kind, term_text(ln)]
        for i, ln in enumerate(data.lines, start=1)
    ]


def preflight(data: RosterData) -> None:
    from aict_desktop.documents import fonts

    fields = [Field("", _("body name"), data.body_name, fonts.SANS_BOLD)]
    for ln in data.lines:
        fields += person_fields(ln.name, ln.institution, ln.position)
    check(fields)


def render_pdf(data: RosterData) -> bytes:
    from reportlab.lib.units import mm

    from aict_desktop.documents import theme

    preflight(data)
    st = theme.styles()
    table = [theme.head_row(HEADERS)]
    for r in rows(data):
        table.append([
            theme.para(r[0], st.cell_center), theme.para(r[1], st.cell_center), theme.para(r[2], st.cell_center),
            theme.para(r[3], st.cell), theme.para(r[4], st.cell), theme.para(r[5], st.cell_center),
            theme.para(r[6], st.cell_small),
        ])
    widths: Sequence[float] = [11 * mm, 18 * mm, 20 * mm, 36 * mm, 23 * mm, 17 * mm, 45 * mm]
    story = [
        theme.para(f"{data.body_name} 위원 명단", st.title),
        theme.para(f"({fmt_date(data.as_of)} 기준, 총 {len(data.lines)}명)", st.subtitle),
        theme.grid(table, widths),
    ]
    return theme.build(story, title=f"{data.body_name} 위원 명단")


def render_xlsx(data: RosterData) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "위원 명단"
    ws.append([safe_cell(f"{data.body_name} 위원 명단 ({fmt_date(data.as_of)} 기준)")])
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    ws.append(list(HEADERS))
    thin = Side(style="thin", color="808080")
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E6EBF2")
        cell.alignment = Alignment(horizontal="center")
    for i, ln in enumerate(data.lines, start=1):
        ws.append([safe_cell(v) for v in (i, ln.role, ln.name, ln.institution, ln.position, ln.kind, term_text(ln))])
    for row in ws.iter_rows(min_row=2, max_row=ws.max_row):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for col, width in enumerate((6, 10, 12, 30, 18, 10, 26), start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A3"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def render_csv(data: RosterData) -> bytes:
    """UTF-8 with a BOM, so Korean Excel opens it without mojibake."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(HEADERS)
    for r in rows(data):
        w.writerow([safe_cell(v) for v in r])  # '=cmd|…' stays text in Excel
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
