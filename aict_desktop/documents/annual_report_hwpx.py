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
from aict_desktop.documents.annual_report_text import (
    body_heading, meeting_line, meeting_rows, member_lines, money_line, rate_line, rate_rows, work_lines,
)
from aict_desktop.documents.annual_report_data import AGENDA_KINDS, AnnualReport, BodyYear, total_of
from aict_desktop.documents.office_hwpx import LABEL_FILL, HwpxWriter, hu
from aict_desktop.i18n import fmt_date

TEXT_WIDTH_MM = 297 - 2 * 20  # landscape, the writer's 20 mm side margins: the PDF's frame
CELL_PAD_MM = 1.0  # left/right inside a cell (the writer's default 1.8 mm leaves no room in 8 mm columns)
SUMMARY_WIDTHS = [8, 42] + [9] * 3 + [8] * 3 + [11] + [8] * 4 + [8] * 4 + [8] * 2 + [11] + [18, 16, 18, 11]
SUMMARY_WIDTHS[1] += TEXT_WIDTH_MM - sum(SUMMARY_WIDTHS)
MEETING_HEAD = ["차수", "일자", "구분", "방식", "출석/재적", *AGENDA_KINDS, "가결", "부결", "회의명"]
RATE_HEAD = ["성명", "대상", "출석", "출석률", "검토"] * 2
NOTE = ("※ 출석률: 개최 회의의 재적위원 중 출석(의사정족수 기준)한 비율. 회의 방식은 위원의 참석 형태로 "
        "구분(전원 서면이면 서면, 현장 없이 화상이면 화상). 금액 단위 원.")


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
