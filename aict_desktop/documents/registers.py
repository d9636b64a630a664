"""Two registers a 구청 keeps on paper: the 위촉장 발급대장 and the 관인인쇄용지 관리대장.

* 발급대장 (``aict export register --body B``): one line per certificate — 번호, 성명, 소속,
  발급일, 상태 (유효 / 폐기, reprints counted), and an empty 수령 확인 column the appointee signs
  at the ceremony.
* 관인인쇄용지 관리대장 (``aict export seal-register --year Y``): kept when the 직인 is printed
  from an image rather than stamped; one line per print job that printed a seal image — 일자,
  문서, 매수, 승인 근거, and an empty 확인 column. The 견본 seal and seal-less prints are not 관인.

Both as an A4 PDF (header row repeated on every page) or an .xlsx set up to print the same way.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from aict_desktop.documents.preflight import Field, check
from aict_desktop.i18n import _, fmt_date
from aict_desktop.domain.cells import safe_cell

REGISTER_HEADERS = ("번호", "성명", "소속", "발급일", "상태", "수령 확인")
SEAL_HEADERS = ("연번", "일자", "문서", "매수", "승인 근거", "확인")


@dataclass(frozen=True)
class RegisterLine:
    serial: str
    name: str
    institution: str
    issued_on: dt.date
    status: str  # 유효 / 폐기
    reprints: int = 0
    void_reason: str = ""


@dataclass(frozen=True)
class SealPrint:
    on: dt.date
    document: str
    kind: str  # 발급 / 재발급
    sheets: int
    by: str
    basis: str


def status_text(line: RegisterLine) -> str:
    """``유효``, ``유효 (재발급 1회)``, ``폐기 (오기)``."""
    parts = []
    if line.reprints:
        parts.append(f"재발급 {line.reprints}회")
    if line.void_reason:
        parts.append(line.void_reason)
    return f"{line.status} ({', '.join(parts)})" if parts else line.status


def register_rows(lines: Sequence[RegisterLine]) -> list[list[str]]:
    return [[ln.serial, ln.name, ln.institution, fmt_date(ln.issued_on), status_text(ln), ""] for ln in lines]


def seal_rows(prints: Sequence[SealPrint]) -> list[list]:
    return [[i, fmt_date(p.on), p.document, p.sheets, p.basis, ""] for i, p in enumerate(prints, start=1)]


def _preflight(title: str, rows: Sequence[Sequence]) -> None:
    from aict_desktop.documents import fonts

    fields = [Field("", _("title"), title, fonts.SANS_BOLD)]
    for r in rows:
        fields += [Field(str(r[1]), _("register line"), " ".join(str(v) for v in r), fonts.SANS)]
    check(fields)


def table_pdf(title: str, subtitle: str, headers: Sequence[str], rows: Sequence[Sequence], widths_mm: Sequence[float],
              centred: Sequence[int], row_mm: float | None) -> bytes:
    """An A4 list: title, subtitle, a grid whose header row repeats on every page (``row_mm``: fixed row height)."""
    from reportlab.lib.units import mm

    from aict_desktop.documents import theme

    _preflight(title, rows)
    st = theme.styles()
    table: list[list[Any]] = [theme.head_row(headers)]
    for r in rows:
        table.append([theme.para(str(v), st.cell_center if i in centred else st.cell) for i, v in enumerate(r)])
    if not rows:
        table.append([theme.para(_("(none)"), st.cell_center)] + [""] * (len(headers) - 1))
    story = [theme.para(title, st.title), theme.para(subtitle, st.subtitle),
             theme.grid(table, [w * mm for w in widths_mm], row_height=[None] + [row_mm * mm if row_mm else None] * (len(table) - 1),
                        extra=[("SPAN", (0, 1), (-1, 1))] if not rows else [])]
    return theme.build(story, title=title)


def table_xlsx(title: str, headers: Sequence[str], rows: Sequence[Sequence], widths: Sequence[int], *,
               row_height: float = 30) -> bytes:
    """An A4 list: title, a header row printed on every page, bordered rows ``row_height`` points high."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    _preflight(title, rows)
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook opens on its one worksheet
    ws.title = title[:31]
    ws.append([safe_cell(title)])
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws.append(list(headers))
    thin = Side(style="thin", color="808080")
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E6EBF2")
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for r in rows:
        ws.append([safe_cell(v) for v in r])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy. m. d."  # a real date cell that sorts and filters, shown as printed
    for row in ws.iter_rows(min_row=2, max_row=ws.max_row):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            if cell.row is not None and cell.row > 2:
                cell.alignment = Alignment(vertical="center", wrap_text=True)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for row_no in range(3, ws.max_row + 1):
        ws.row_dimensions[row_no].height = row_height  # 30: room to sign
    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"  # the header row on every printed page
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    page_fit = ws.sheet_properties.pageSetUpPr
    assert page_fit is not None  # every new sheet has one
    page_fit.fitToPage = True
    ws.print_options.horizontalCentered = True
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def register_title(body_name: str) -> str:
    return f"{body_name} 위촉장 발급대장"


def render_register(body_name: str, lines: Sequence[RegisterLine], fmt: str, as_of: dt.date) -> bytes:
    title = register_title(body_name)
    rows = register_rows(lines)
    if fmt == "xlsx":
        return table_xlsx(title, REGISTER_HEADERS, rows, (20, 12, 34, 14, 18, 16))
    valid = sum(1 for ln in lines if ln.status == "유효")
    subtitle = f"({fmt_date(as_of)} 현재, 발급 {len(lines)}건 · 유효 {valid}건)"
    return table_pdf(title, subtitle, REGISTER_HEADERS, rows, (28, 20, 48, 24, 30, 20), centred=(0, 1, 3, 4),
                row_mm=10)


def seal_register_title(year: int) -> str:
    return f"{year}년 관인인쇄용지 관리대장"


def render_seal_register(year: int, prints: Sequence[SealPrint], fmt: str, body_name: str = "") -> bytes:
    title = seal_register_title(year)
    rows = seal_rows(prints)
    if fmt == "xlsx":
        return table_xlsx(title, SEAL_HEADERS, rows, (6, 14, 44, 7, 36, 12))
    scope = f"{body_name}, " if body_name else ""
    subtitle = f"({scope}직인을 인쇄한 위촉장, 총 {sum(p.sheets for p in prints)}매)"
    return table_pdf(title, subtitle, SEAL_HEADERS, rows, (12, 26, 60, 11, 41, 20), centred=(0, 1, 3, 4, 5),
                row_mm=10)
