"""참석수당 지급 명세 (attendance allowance list) per meeting, as PDF and .xlsx."""

from __future__ import annotations

import io

from aict_desktop.documents import fonts
from aict_desktop.documents.data import AllowanceSheetData
from aict_desktop.documents.preflight import Field, check, person_fields
from aict_desktop.i18n import _, fmt_datetime, fmt_won
from aict_desktop.security.spreadsheet import safe_cell

HEADERS = ("연번", "성명", "소속", "직위", "구분", "참석", "지급액", "비고")


def printed_lines(d: AllowanceSheetData):
    """Who appears on the list: everyone who attended, and anyone with an amount."""
    return [ln for ln in d.lines if ln.attended or ln.amount or ln.overridden]


def preflight(d: AllowanceSheetData) -> None:
    fields = [Field("", _("meeting title"), d.title, fonts.SANS_BOLD), Field("", _("place"), d.place, fonts.SANS)]
    for ln in printed_lines(d):
        fields += person_fields(ln.name, ln.institution, ln.position) + [Field(ln.name, _("note"), ln.note, fonts.SANS)]
    check(fields)


def render_pdf(d: AllowanceSheetData) -> bytes:
    from reportlab.lib.units import mm

    from aict_desktop.documents import theme

    preflight(d)
    st = theme.styles()
    lines = printed_lines(d)
    data = [theme.head_row(HEADERS)]
    for i, ln in enumerate(lines, start=1):
        data.append([
            theme.para(str(i), st.cell_center), theme.para(ln.name, st.cell_center), theme.para(ln.institution, st.cell),
            theme.para(ln.position, st.cell), theme.para(ln.category, st.cell_center),
            theme.para(ln.attendance, st.cell_center), theme.para(fmt_won(ln.amount), st.cell_right),
            theme.para(ln.note, st.small),
        ])
    data.append([theme.para("합계", st.cell_head), "", "", "", "", theme.para(f"{len(lines)}명", st.cell_center),
                 theme.para(fmt_won(d.total), st.cell_head.clone("total", alignment=2)), ""])
    widths = [12 * mm, 18 * mm, 36 * mm, 22 * mm, 15 * mm, 15 * mm, 24 * mm, theme.FRAME_WIDTH - 142 * mm]
    last = len(data) - 1
    table = theme.grid(data, widths, extra=[
        ("SPAN", (0, last), (4, last)), ("BACKGROUND", (0, last), (-1, last), theme.HEADER_FILL),
        ("LINEABOVE", (0, last), (-1, last), 1.0, theme.INK),
    ])
    story = [
        theme.para("참석수당 지급 명세", st.title),
        theme.para(d.title, st.subtitle),
        theme.meta_line([f"일시: {fmt_datetime(d.starts_at)}", f"장소: {d.place or '-'}", f"기준 단가: {fmt_won(d.rate)}"], st.body),
        theme.para(" ", st.small),
        table,
    ]
    return theme.build(story, title=f"{d.title} 참석수당 지급 명세")


def render_xlsx(d: AllowanceSheetData) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "참석수당"
    ws.append([safe_cell(f"{d.title} 참석수당 지급 명세")])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(list(HEADERS))
    for cell in ws[2]:
        cell.font = Font(bold=True)
    lines = printed_lines(d)
    for i, ln in enumerate(lines, start=1):
        ws.append([safe_cell(v) for v in (i, ln.name, ln.institution, ln.position, ln.category, ln.attendance,
                                          ln.amount, ln.note)])  # '=cmd|…' stays text in Excel
        ws.cell(row=ws.max_row, column=7).number_format = '#,##0"원"'
    ws.append(["합계", "", "", "", "", f"{len(lines)}명", d.total, ""])
    ws.cell(row=ws.max_row, column=7).number_format = '#,##0"원"'
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for col, width in enumerate((6, 12, 28, 16, 10, 10, 14, 30), start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
