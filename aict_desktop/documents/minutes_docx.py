"""회의록 as an editable Word file (python-docx), same content as the PDF.

Korean A4 set-up (ko-KR, no Hangul/digit auto spacing, page numbers, 바탕/맑은
고딕 fallback, real properties) comes from documents.office_docx; the header
table has a 32 mm shaded label column and the signature rows are 12 mm high.
"""

from __future__ import annotations

from aict_desktop.documents import minutes as m
from aict_desktop.documents import office_docx as o
from aict_desktop.documents.data import MinutesData
from aict_desktop.i18n import fmt_date_long

FONT = o.SERIF
LABEL_MM = 32


def render_docx(d: MinutesData) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, RGBColor

    m.preflight(d)
    doc = o.new_document(m.document_title(d))

    def para(text: str, size: float = 11, bold: bool = False, *, center: bool = False, indent_mm: float = 0,
             before: float = 0, keep: bool = False, face: str = o.SERIF):
        p = doc.add_paragraph()
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if indent_mm:
            p.paragraph_format.left_indent = Mm(indent_mm)
        if before:
            p.paragraph_format.space_before = Pt(before)
        p.paragraph_format.keep_with_next = keep
        run = p.add_run(text)
        o.font(run, size, bold, face)
        return run

    para(m.TITLE, 20, True, center=True, face=o.SANS)
    run = para(m.status_line(d), 11, d.draft, center=True)
    if d.draft:
        run.font.color.rgb = RGBColor(0xC0, 0x20, 0x20)
    o.table(doc, [[label, value] for label, value in m.header_rows(d)], [LABEL_MM, o.TEXT_WIDTH_MM - LABEL_MM])

    if d.summary:
        para("회의 개요", 12, True, before=10, keep=True, face=o.SANS)
        for line in d.summary.splitlines():
            para(line)
    para(m.ITEMS_HEADING, 12, True, before=10, keep=True, face=o.SANS)
    if not d.items:
        para("(안건 없음)", indent_mm=4)
    for it in d.items:
        para(m.item_heading(it), 11, True, before=6, keep=True)
        para(m.notes_heading(it), indent_mm=4, keep=True)
        for line in (it.notes.strip() or "(기록 없음)").splitlines():
            para(line, indent_mm=10)
        for line in m.vote_lines(it):
            para(line, indent_mm=4)
        if it.actions:
            para("○ 후속 조치", indent_mm=4, keep=True)
            for action in it.actions:
                para(m.action_text(action), indent_mm=10)
    if d.actions:
        para(m.OTHER_ACTIONS, 12, True, before=10, keep=True, face=o.SANS)
        for action in d.actions:
            para(m.action_text(action), indent_mm=4)

    para(m.CONFIRM_SENTENCE, 12, center=True, before=24, keep=True)
    para(fmt_date_long(d.starts_at.date()), 12, center=True, before=8, keep=True)
    sign = o.table(doc, [[role, name, "(서명)"] for role, name in m.signers(d)], [30, 45, 35], size=11,
                   row_height_mm=12, center_cols=(1, 2))
    for row in sign.rows:  # the signature block stays on one page
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True
    return o.save(doc)
