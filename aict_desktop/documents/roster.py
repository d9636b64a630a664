"""위원 명단 (roster): 연번, 직책, 성명, 소속, 직위, 위촉구분, 임기 — as PDF, .xlsx and .csv."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from aict_desktop.documents.data import RosterData, RosterLine
from aict_desktop.documents.preflight import Field, check, person_fields
from aict_desktop.i18n import _, fmt_date, fmt_range
from aict_desktop.domain.cells import safe_cell

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


def fit_widths(table: Sequence[Sequence[str]], minimum: Sequence[float], total: float, *, font: str,
               size: float, padding: float, grow: int) -> list[float]:
    """Column widths in which no word (a run between spaces) has to break: a 구청's "(ETRI)" stays whole.

    Each column is at least ``minimum`` and as wide as its longest word; the column ``grow`` takes
    what is left (or gives it back, never below its own longest word).
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    widths = list(minimum)
    for row in table:
        for c, text in enumerate(row):
            for word in str(text).split():
                widths[c] = max(widths[c], stringWidth(word, font, size) + padding)
    widths[grow] = max(widths[grow] + total - sum(widths), widths[grow])
    return widths


def render_pdf(data: RosterData) -> bytes:
    from reportlab.lib.units import mm

    from aict_desktop.documents import fonts, theme

    preflight(data)
    st = theme.styles()
    table = [theme.head_row(HEADERS)]
    body = rows(data)
    for r in body:
        table.append([
            theme.para(r[0], st.cell_center), theme.para(r[1], st.cell_center), theme.para(r[2], st.cell_center),
            theme.para(r[3], st.cell), theme.para(r[4], st.cell), theme.para(r[5], st.cell_center),
            theme.para(r[6], st.cell_small),
        ])
    minimum = [11 * mm, 16 * mm, 18 * mm, 30 * mm, 18 * mm, 16 * mm, 41 * mm]
    widths = fit_widths([HEADERS] + [r[:6] for r in body], minimum, theme.FRAME_WIDTH, font=fonts.SANS_BOLD,
                        size=st.cell.fontSize, padding=14, grow=3)
    story = [
        theme.para(f"{data.body_name} 위원 명단", st.title),
        theme.para(f"({fmt_date(data.as_of)} 기준, 총 {len(data.lines)}명)", st.subtitle),
        theme.grid(table, widths),
    ]
    return theme.build(story, title=f"{data.body_name} 위원 명단")


XLSX_HEADERS = ("연번", "직책", "성명", "소속", "직위", "위촉구분", "임기 시작", "임기 종료")
DATE_FORMAT = "yyyy. m. d."


def _xlsx_width(values: Sequence) -> float:
    """A column width (Excel characters) for the longest line, a Hangul counting as two."""
    longest = 0.0
    for v in values:
        text = v.strftime("%Y. %m. %d.") if hasattr(v, "strftime") else str(v if v is not None else "")
        longest = max(longest, sum(2 if ord(ch) > 0x2E7F else 1.1 for ch in text))
    return min(max(longest + 2, 6), 40)


def _text_cell(cell, text: str) -> None:
    """A text cell that never runs as a formula: ``=…`` is kept as text with the quote-prefix style.

    (Excel shows it as typed, without the apostrophe ``safe_cell`` puts before it in a CSV.)
    """
    from aict_desktop.domain.cells import is_dangerous

    cell.value = text
    if is_dangerous(text) or cell.data_type == "f":
        cell.data_type, cell.quotePrefix = "s", True


def render_xlsx(data: RosterData) -> bytes:
    """위원 명단 as a sheet to sort and print: real date cells, autofilter, A4 landscape fitted to width.

    Text that Excel would run as a formula is stored as text with the quote-prefix style (no visible
    apostrophe); the title and header rows repeat on every printed page.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties
    from openpyxl.worksheet.worksheet import Worksheet

    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook opens on its one worksheet
    ws.title = "위원 명단"
    ncol = len(XLSX_HEADERS)
    title = f"{data.body_name} 위원 명단 ({fmt_date(data.as_of)} 기준, 총 {len(data.lines)}명)"
    _text_cell(ws["A1"], title)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws.row_dimensions[1].height = 26
    ws.append(list(XLSX_HEADERS))
    thin = Side(style="thin", color="808080")
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E6EBF2")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    values = [[i, ln.role, ln.name, ln.institution, ln.position, ln.kind, ln.term_start, ln.term_end]
              for i, ln in enumerate(data.lines, start=1)]
    for r, line in enumerate(values, start=3):
        for c, value in enumerate(line, start=1):
            cell = ws.cell(row=r, column=c)
            if isinstance(value, str):
                _text_cell(cell, value)
            else:
                cell.value = value
            if c >= 7:
                cell.number_format = DATE_FORMAT
            center = c in (1, 2, 3, 6, 7, 8)
            cell.alignment = Alignment(horizontal="center" if center else "left", vertical="center", wrap_text=True)
    for row in ws.iter_rows(min_row=2, max_row=ws.max_row, max_col=ncol):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for c in range(ncol):
        column = [XLSX_HEADERS[c]] + [line[c] for line in values]
        ws.column_dimensions[get_column_letter(c + 1)].width = _xlsx_width(column)
    last = get_column_letter(ncol)
    ws.auto_filter.ref = f"A2:{last}{max(ws.max_row, 2)}"
    ws.freeze_panes = "A3"
    ws.print_title_rows = "1:2"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    footer = ws.oddFooter
    assert footer is not None  # every new sheet has one
    footer.center.text = "&P / &N"
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
