"""위원회 운영현황 as an editable 한글 file (HWPX): the PDF's sections, in its order, with its figures.

A4 landscape like the PDF (documents.annual_report), built with the HWPX writer
of documents.office_hwpx: explicit styles (the title, the bold 1./2. and 가./나.
headings, regular body lines), tables sized in mm with shaded bold header rows
that repeat on a new page, numbers right-aligned, the 총괄표's two header rows
merged as on the PDF. Every figure comes from the one data object
(documents.annual_report_data) through the PDF module's own helpers
(``summary_row``, ``pct``); nothing is counted here. The printed words are
fixed Korean document text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from aict_desktop.documents import annual_report as pdf
from aict_desktop.documents.annual_report_data import AGENDA_KINDS, FORMS, ROLES, SECTOR_GROUPS, AnnualReport, BodyYear, total_of
from aict_desktop.documents.office_hwpx import LABEL_FILL, HwpxWriter, hu
from aict_desktop.i18n import fmt_date, fmt_won

TEXT_WIDTH_MM = 297 - 2 * 20  # landscape, the writer's 20 mm side margins: the PDF's frame
CELL_PAD_MM = 1.0  # left/right inside a cell (the writer's default 1.8 mm leaves no room in 8 mm columns)
SUMMARY_WIDTHS = [8, 42] + [9] * 3 + [8] * 3 + [11] + [8] * 4 + [8] * 4 + [8] * 2 + [11] + [18, 16, 18, 11]
SUMMARY_WIDTHS[1] += TEXT_WIDTH_MM - sum(SUMMARY_WIDTHS)
MEETING_HEAD = ["차수", "일자", "구분", "방식", "출석/재적", *AGENDA_KINDS, "가결", "부결", "회의명"]
RATE_HEAD = ["성명", "대상", "출석", "출석률", "검토"] * 2
NOTE = ("※ 출석률: 개최 회의의 재적위원 중 출석(의사정족수 기준)한 비율. 회의 방식은 위원의 참석 형태로 "
        "구분(전원 서면이면 서면, 현장 없이 화상이면 화상). 금액 단위 원.")


# -- the words: the PDF's sentences, from the data object ------------------------------------------------

def _counts(d: dict, keys) -> str:
    return ", ".join(f"{k} {d.get(k, 0)}명" for k in keys if d.get(k, 0)) or "-"


def body_heading(n: int, b: BodyYear) -> str:
    parent = f", {b.parent} 소속" if b.parent else ""
    return f"{n}. {b.name} ({b.kind}{parent})"


def member_lines(b: BodyYear, d: AnnualReport) -> list[str]:
    g = b.by_gender
    cap = "충족" if b.gender_cap_ok else "초과 — 예외 사유 확인"
    out = [f"○ {fmt_date(d.as_of)} 현재 위원 {b.members}명: 위촉직 {b.commissioned}명, 당연직 {b.ex_officio}명",
           f"○ 위촉직 성별: 남 {g.get('남', 0)}명, 여 {g.get('여', 0)}명, 미입력 {g.get('미입력', 0)}명 "
           f"(여성 {pdf.pct(b.women_percent)}) — 한 성별 {b.gender_cap}% 이하 기준 {cap}",
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
    names = ", ".join(f"{r.name}({pdf.pct(r.rate)})" for r in b.review) if b.review else "없음"
    return f"○ 출석률 {pdf.pct(b.mean_rate)}; 출석률 {b.review_percent}% 미만 해촉 검토 대상: {names}"


def money_line(b: BodyYear) -> str:
    budget = (f"; 예산 {fmt_won(b.budget)} 대비 집행률 {pdf.pct(b.execution_percent)}" if b.budget is not None
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
    rows = [[r.name, r.invited, r.attended, pdf.pct(r.rate), "○" if r.review else ""] for r in b.rates]
    return [a + (rows[i + half] if i + half < len(rows) else ["", "", "", "", ""]) for i, a in enumerate(rows[:half])]


# -- the file --------------------------------------------------------------------------------------------

class _Writer(HwpxWriter):
    """The office writer on an A4 landscape page, with the report's smaller table text."""

    def __init__(self) -> None:
        super().__init__()
        self.doc.page.setup(paper_size="A4", orientation="LANDSCAPE")
        run = self.doc.styles.ensure_run
        self.char.update(text=run(bold=False, size=10, color="#000000"),
                         sub=run(bold=True, size=10.5, color="#000000"),
                         small=run(bold=False, size=7.5, color="#000000"),
                         small_bold=run(bold=True, size=7.5, color="#000000"),
                         grid=run(bold=False, size=8.5, color="#000000"),
                         grid_bold=run(bold=True, size=8.5, color="#000000"))

    def grid(self, rows: list[list[Any]], widths_mm: Sequence[float], *, head_rows: int = 1, size: str = "grid",
             left: tuple[int, ...] = (), right: tuple[int, ...] | None = None, total_row: int | None = None,
             merges: tuple[tuple[int, int, int, int], ...] = ()):
        """A table: header rows (and a 합계 row) shaded and bold; ints right-aligned unless ``right`` names the
        columns; ``left`` columns left-aligned, the rest centred; ``merges`` as (row, col, last row, last col)."""
        t = self.doc.add_table(rows=len(rows), cols=len(widths_mm), width=hu(sum(widths_mm)), inherit_style=False)
        t.set_column_widths(widths_mm)
        t.element.set("repeatHeader", "1")
        margin = t.element.find(f"{{{t.element.nsmap['hp']}}}inMargin") if "hp" in t.element.nsmap else None
        if margin is not None:
            margin.set("left", str(hu(CELL_PAD_MM)))
            margin.set("right", str(hu(CELL_PAD_MM)))
        placed = []
        for r, row in enumerate(rows):
            shaded = r < head_rows or r == total_row
            for c, value in enumerate(row):
                t.set_cell_text(r, c, str(value), split_paragraphs=True)
                cell = t.cell(r, c)
                cell.set_size(width=hu(widths_mm[c]))
                if r < head_rows:
                    cell.element.set("header", "1")
                numeric = c in right if right is not None else isinstance(value, int)
                align = ("CENTER" if r < head_rows else "LEFT" if c in left else "RIGHT" if numeric else "CENTER")
                for p in cell.paragraphs:
                    for run in p.runs:
                        run.element.set("charPrIDRef", str(self.char[f"{size}_bold" if shaded else size]))
                    placed.append((align, p))
                if shaded:
                    t.set_cell_shading(r, c, LABEL_FILL)
            self._text.append("\t".join(str(v).replace("\n", " ") for v in row))
        for r0, c0, r1, c1 in merges:
            t.merge_cells(r0, c0, r1, c1)
        for align, p in placed:  # a merge drops the blank cells it covers: format what is left
            if any(a is t.element for a in cast(Any, p.element).iterancestors()):  # lxml under the typing
                self._formats.setdefault((align, 0, 0, False), []).append(p)
        return t


def _summary(w: _Writer, d: AnnualReport) -> None:
    top: list[Any] = ["연번", "기구명"]
    head2: list[Any] = ["", "", *pdf.SUMMARY_HEAD]
    merges = [(0, 0, 1, 0), (0, 1, 1, 1)]
    col = 2
    for label, n in pdf.SUMMARY_GROUPS:
        if label:
            top += [label] + [""] * (n - 1)
            merges.append((0, col, 0, col + n - 1))
        else:  # a single column whose label spans both header rows (출석률)
            top.append(head2[col])
            head2[col] = ""
            merges.append((0, col, 1, col))
        col += n
    rows = [top, head2] + [pdf.summary_row(i, b) for i, b in enumerate(d.bodies, start=1)]
    total = None
    if len(d.bodies) > 1:
        rows.append(["합계", "", *pdf.summary_row(0, total_of(d.bodies))[2:]])
        total = len(rows) - 1
        merges.append((total, 0, total, 1))
    w.grid(rows, SUMMARY_WIDTHS, head_rows=2, size="small", left=(1,), right=tuple(range(2, len(top))),
           total_row=total, merges=tuple(merges))


def _body(w: _Writer, n: int, b: BodyYear, d: AnnualReport) -> None:
    w.para(body_heading(n, b), "heading", align="LEFT", before_pt=12, keep_with_next=True)
    w.para("가. 위원 구성", "sub", align="LEFT", before_pt=6, keep_with_next=True)
    lines = member_lines(b, d)
    for i, line in enumerate(lines):
        w.para(line, "text", align="LEFT", keep_with_next=bool(b.expiring) and i == len(lines) - 1)
    if b.expiring:
        w.grid([["성명", "직위", "구분", "임기 만료일"]] + [[e.name, e.role, e.kind, fmt_date(e.term_end)]
                                                      for e in b.expiring], [30, 24, 20, 30], left=(0,))
    w.para("나. 회의 개최", "sub", align="LEFT", before_pt=6, keep_with_next=True)
    w.para(meeting_line(b), "text", align="LEFT", keep_with_next=bool(b.meetings))
    if b.meetings:
        w.grid([MEETING_HEAD, *meeting_rows(b)], [14, 24, 12, 12, 18, 11, 11, 11, 11, 11, 100], left=(10,))
    w.para("다. 위원 출석률", "sub", align="LEFT", before_pt=6, keep_with_next=True)
    w.para(rate_line(b), "text", align="LEFT", keep_with_next=bool(b.rates))
    if b.rates:
        w.grid([RATE_HEAD, *rate_rows(b)], [30, 14, 14, 18, 12] * 2, left=(0, 5))
    w.para("라. 참석수당 집행", "sub", align="LEFT", before_pt=6, keep_with_next=True)
    w.para(money_line(b), "text", align="LEFT")
    w.para("마. 과제 및 프로그램", "sub", align="LEFT", before_pt=6, keep_with_next=True)
    for line in work_lines(b):
        w.para(line, "text", align="LEFT")


def render_hwpx(d: AnnualReport) -> bytes:
    pdf.preflight(d)
    w = _Writer()
    w.para(f"{d.year}년 {pdf.TITLE}", "title", align="CENTER")
    w.para(f"{d.scope} · {fmt_date(d.as_of)} 현재", "text", align="CENTER", before_pt=2)
    w.para("1. 총괄", "heading", align="LEFT", before_pt=10, keep_with_next=True)
    if d.bodies:
        _summary(w, d)
    else:
        w.para(pdf.NONE, "text", align="LEFT")
    w.para(NOTE, "small", align="LEFT", before_pt=4)
    for n, b in enumerate(d.bodies, start=2):
        _body(w, n, b, d)
    return w.finish(f"{d.year}년 {pdf.TITLE} — {d.scope}")
