"""참석수당 지급 조서 (attendance allowance payment statement) per meeting, as PDF and .xlsx,
and the year's payments per person and body (.xlsx) for the 원천징수 담당.

The 조서 lists each paid person in role order with 지급액, 기타소득금액, 소득세,
지방소득세, 원천징수 합계, 실지급액, the masked account and a 영수 확인 (서명)
column; totals in figures and in words; a line per attendance kind; those who
took part unpaid; the 작성/확인 line. A4 landscape: thirteen columns.
"""

from __future__ import annotations

import io
from typing import Any

from aict_desktop.documents import fonts
from aict_desktop.documents.data import AllowanceLine, AllowanceSheetData, AllowanceYearData
from aict_desktop.documents.preflight import Field, check, person_fields
from aict_desktop.i18n import _, fmt_date, fmt_datetime, fmt_won, fmt_won_words
from aict_desktop.domain.cells import safe_cell

TITLE = "참석수당 지급 조서"
HEADERS = ("연번", "성명", "소속·직위", "참석", "지급액", "기타소득금액", "소득세", "지방소득세", "원천징수 합계",
           "실지급액", "은행·계좌", "영수 확인 (서명)", "비고")
MONEY = ("amount", "taxable_income", "income_tax", "local_tax", "withheld", "net")
TAX_NOTE = ("원천징수: 기타소득은 필요경비 60%를 뺀 기타소득금액(지급액의 40%)의 소득세 20%, 지방소득세는 소득세의 10% "
            "(지급액의 8.8%); 건별 기타소득금액 5만원 이하 과세최저한, 소득세 1,000원 미만 소액부징수, 10원 미만 절사. "
            "사업소득 3.3%, 비과세 0원. 세액 구분은 개인별 설정이며 세무 담당이 정합니다.")
WON = '#,##0"원"'


def printed_lines(d: AllowanceSheetData) -> list[AllowanceLine]:
    """Who is on the 조서: every paid person (those paid nothing are listed below the table)."""
    return d.paid_lines


def _note(ln: AllowanceLine) -> str:
    kind = "" if ln.tax_kind == "기타소득" else ln.tax_kind
    return ", ".join(x for x in dict.fromkeys((ln.note, kind, ln.tax_note)) if x)


def _who(ln: AllowanceLine) -> str:
    return " ".join(x for x in (ln.institution, ln.position) if x)


def signature_line(d: AllowanceSheetData) -> str:
    """``작성 담당 이간사 (인)  확인 김확인 (인)`` (blank names leave room to write them)."""
    return f"작성 담당 {d.prepared_by or ' ' * 8} (인)    확인 {d.checked_by or ' ' * 8} (인)"


def _sign_box(d: AllowanceSheetData, st):
    """The 작성/확인 box at the bottom right: 담당 and 확인 with their names and room for the seal."""
    from reportlab.lib.units import mm

    from aict_desktop.documents import theme

    cell = st.cell_center
    t = theme.grid([[theme.para("작성 (담당)", st.cell_head), theme.para("확인", st.cell_head)],
                    [theme.para(f"{d.prepared_by} (인)" if d.prepared_by else "(인)", cell),
                     theme.para(f"{d.checked_by} (인)" if d.checked_by else "(인)", cell)]],
                   [38 * mm, 38 * mm], row_height=[7 * mm, 14 * mm])
    t.hAlign = "RIGHT"
    return t


def preflight(d: AllowanceSheetData) -> None:
    fields = [Field("", _("meeting title"), d.title, fonts.SANS_BOLD), Field("", _("place"), d.place, fonts.SANS),
              Field("", _("body"), d.body_name, fonts.SANS), Field("", _("prepared by"), d.prepared_by, fonts.SANS),
              Field("", _("checked by"), d.checked_by, fonts.SANS)]
    for ln in d.lines:
        fields += person_fields(ln.name, ln.institution, ln.position) + [
            Field(ln.name, _("note"), ln.note, fonts.SANS), Field(ln.name, _("bank account"), ln.account, fonts.SANS)]
    check(fields)


def _landscape_build(story: list, title: str) -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    from aict_desktop.documents import theme

    fonts.register_all()
    page = landscape(A4)
    buf = io.BytesIO()

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(fonts.SANS, 8.5)
        canvas.drawCentredString(page[0] / 2, 9 * mm, f"- {doc.page} -")
        canvas.restoreState()

    doc = SimpleDocTemplate(buf, pagesize=page, leftMargin=theme.MARGIN_LEFT, rightMargin=theme.MARGIN_RIGHT,
                            topMargin=16 * mm, bottomMargin=16 * mm, title=title, author="AICT 사무국",
                            creator="AICT Secretariat Desktop", pageCompression=1, initialFontName=fonts.SERIF)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def render_pdf(d: AllowanceSheetData) -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import Flowable, Spacer, Table, TableStyle

    from aict_desktop.documents import theme

    preflight(d)
    st = theme.styles()
    num = st.cell_right.clone("num", fontSize=8.5, leading=11)
    small = st.small.clone("tiny", fontSize=8, leading=10.5)
    lines = printed_lines(d)
    head = st.cell_head.clone("head8", fontSize=8.5, leading=11)
    data: list[list[Any]] = [[theme.para(h, head) for h in HEADERS]]
    for i, ln in enumerate(lines, start=1):
        data.append([theme.para(str(i), st.cell_center), theme.para(ln.name, st.cell_center),
                     theme.para(_who(ln), small), theme.para(ln.attendance, small.clone("c8", alignment=1))]
                    + [theme.para(f"{getattr(ln, k):,}", num) for k in MONEY]
                    + [theme.para(ln.account, small), "", theme.para(_note(ln), small)])
    bold = st.cell_head.clone("total", alignment=2, fontSize=8.5, leading=11)
    data.append([theme.para("합계", st.cell_head), "", "", theme.para(f"{len(lines)}명", st.cell_head)]
                + [theme.para(f"{d.sum_of(k):,}", bold) for k in MONEY] + ["", "", ""])
    frame = landscape(A4)[0] - theme.MARGIN_LEFT - theme.MARGIN_RIGHT
    widths_mm = [9, 20, 30, 15, 18, 20, 16, 17, 18, 18, 33, 22]
    widths = [w * mm for w in widths_mm] + [frame - sum(widths_mm) * mm]
    last = len(data) - 1
    table = theme.grid(data, widths, row_height=None, extra=[
        ("SPAN", (0, last), (2, last)), ("BACKGROUND", (0, last), (-1, last), theme.HEADER_FILL),
        ("LINEABOVE", (0, last), (-1, last), 1.0, theme.INK), ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
    ])
    meta = ([f"기구: {d.body_name}"] if d.body_name else []) + [f"일시: {fmt_datetime(d.starts_at)}", f"장소: {d.place or '-'}",
            f"기준 단가: {fmt_won(d.rate)}"] + ([f"서면 단가: {fmt_won(d.written_rate)}"] if d.written_rate else [])
    totals = [f"지급 총액: {fmt_won_words(d.sum_of('amount'))}",
              f"원천징수 합계: {fmt_won_words(d.sum_of('withheld'))} (소득세 {fmt_won(d.sum_of('income_tax'))}, "
              f"지방소득세 {fmt_won(d.sum_of('local_tax'))})",
              f"실지급 총액: {fmt_won_words(d.sum_of('net'))}"]
    story = [theme.para(TITLE, st.title.clone("t", spaceAfter=1 * mm)),
             theme.para(d.title, st.subtitle.clone("s", spaceAfter=3 * mm)), theme.meta_line(meta, st.body),
             Spacer(1, 3 * mm), table, Spacer(1, 3 * mm)]
    left: list[Flowable] = [theme.para(t, st.body.clone("b", fontSize=10.5, leading=15)) for t in totals]
    left += [Spacer(1, 2 * mm), theme.para("지급 기준", st.cell_head.clone("h", alignment=0))]
    left += [theme.para(f"○ {t}", small) for t in d.basis]
    if d.unpaid:
        left.append(theme.para("○ 참석하였으나 지급하지 않음: " + "; ".join(d.unpaid), small))
    if d.account_note:
        left.append(theme.para(f"○ 계좌: {d.account_note}", small))
    left.append(theme.para(f"○ {TAX_NOTE}", small))
    right = [theme.para(fmt_date(d.prepared_on), st.right), Spacer(1, 2 * mm), _sign_box(d, st)]
    bottom = Table([[left, right]], colWidths=[frame - 86 * mm, 86 * mm])
    bottom.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.SANS), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("LEFTPADDING", (0, 0), (0, 0), 0),
                                ("RIGHTPADDING", (-1, 0), (-1, 0), 0)]))
    story.append(bottom)
    return _landscape_build(story, f"{d.title} {TITLE}")


def _head(ws, row: int) -> None:
    from openpyxl.styles import Font, PatternFill

    for cell in ws[row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E6EBF2")


def render_xlsx(d: AllowanceSheetData) -> bytes:
    """The same 조서 as a sheet: numbers are numbers (won format), the meeting date a date."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook opens on its one worksheet
    ws.title = "지급 조서"
    ws.append([safe_cell(f"{d.title} {TITLE}")])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["기구", safe_cell(d.body_name), "일시", d.starts_at, "장소", safe_cell(d.place), "기준 단가", d.rate])
    ws["D2"].number_format = "yyyy-mm-dd hh:mm"
    ws["H2"].number_format = WON
    ws.append([])
    ws.append(list(HEADERS))
    _head(ws, ws.max_row)
    lines = printed_lines(d)
    for i, ln in enumerate(lines, start=1):
        ws.append([i] + [safe_cell(v) for v in (ln.name, _who(ln), ln.attendance)]
                  + [getattr(ln, k) for k in MONEY] + [safe_cell(ln.account), "", safe_cell(_note(ln))])
        for c in range(5, 11):
            ws.cell(row=ws.max_row, column=c).number_format = WON
    ws.append(["합계", "", "", f"{len(lines)}명"] + [d.sum_of(k) for k in MONEY] + ["", "", ""])
    for c in range(5, 11):
        ws.cell(row=ws.max_row, column=c).number_format = WON
    _head(ws, ws.max_row)
    ws.append([])
    ws.append(["지급 총액", fmt_won_words(d.sum_of("amount"))])
    ws.append(["원천징수 합계", fmt_won_words(d.sum_of("withheld"))])
    ws.append(["실지급 총액", fmt_won_words(d.sum_of("net"))])
    ws.append([])
    for t in d.basis:
        ws.append(["지급 기준", safe_cell(t)])
    for t in d.unpaid:
        ws.append(["미지급", safe_cell(t)])
    if d.account_note:
        ws.append(["계좌", safe_cell(d.account_note)])
    ws.append(["작성", safe_cell(d.prepared_by), "확인", safe_cell(d.checked_by), "작성일", d.prepared_on])
    ws.cell(row=ws.max_row, column=6).number_format = "yyyy-mm-dd"
    for col, width in enumerate((6, 12, 28, 10, 12, 13, 11, 11, 13, 12, 28, 16, 30), start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


YEAR_PEOPLE = ("성명", "소속", "기구", "세액 구분", "지급 건수", "지급액", "기타소득금액", "소득세", "지방소득세",
               "원천징수 합계", "실지급액", "주민등록번호 등록")
YEAR_PAYMENTS = ("지급일(회의일)", "기구", "회의", "성명", "소속", "세액 구분", "지급액", "기타소득금액", "소득세",
                 "지방소득세", "실지급액", "비고")


def render_year_xlsx(d: AllowanceYearData) -> bytes:
    """Per person and body the year's payments, income and tax withheld; then every payment."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook opens on its one worksheet
    ws.title = "인별 집계"
    scope = d.body_name or "전체 기구"
    ws.append([f"{d.year}년 참석수당 지급 및 원천징수 현황 ({scope})"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(list(YEAR_PEOPLE))
    _head(ws, 2)
    for p in d.people:
        ws.append([safe_cell(p.name), safe_cell(p.institution), safe_cell(p.body_name), p.tax_kind, p.payments,
                   p.amount, p.taxable_income, p.income_tax, p.local_tax, p.withheld, p.net,
                   "등록" if p.has_rrn else "미등록"])
        for c in range(6, 12):
            ws.cell(row=ws.max_row, column=c).number_format = WON
    ws.append(["합계", "", "", "", sum(p.payments for p in d.people)]
              + [sum(getattr(p, k) for p in d.people) for k in MONEY])
    for c in range(6, 12):
        ws.cell(row=ws.max_row, column=c).number_format = WON
    _head(ws, ws.max_row)
    ws.freeze_panes = "A3"
    for col, width in enumerate((12, 26, 26, 11, 9, 13, 13, 11, 11, 13, 13, 14), start=1):
        ws.column_dimensions[get_column_letter(col)].width = width

    wp = wb.create_sheet("지급 내역")
    wp.append(list(YEAR_PAYMENTS))
    _head(wp, 1)
    for x in d.payments:
        wp.append([x.paid_on, safe_cell(x.body_name), safe_cell(x.meeting), safe_cell(x.name),
                   safe_cell(x.institution), x.tax_kind, x.amount, x.taxable_income, x.income_tax, x.local_tax,
                   x.amount - x.income_tax - x.local_tax, safe_cell(x.note)])
        wp.cell(row=wp.max_row, column=1).number_format = "yyyy-mm-dd"
        for c in range(7, 12):
            wp.cell(row=wp.max_row, column=c).number_format = WON
    wp.freeze_panes = "A2"
    for col, width in enumerate((13, 24, 34, 12, 24, 11, 12, 12, 11, 11, 12, 24), start=1):
        wp.column_dimensions[get_column_letter(col)].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
