"""회의록 as an editable Word file (python-docx), same content as the PDF."""

from __future__ import annotations

import io

from aict_desktop.documents import minutes as m
from aict_desktop.documents.data import MinutesData
from aict_desktop.i18n import fmt_date_long

FONT = "나눔명조"  # Word substitutes its Korean serif when the font is not installed


def _korean_font(run, size: float | None = None, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = FONT
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    if size:
        run.font.size = Pt(size)
    run.bold = bold


def render_docx(d: MinutesData) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, RGBColor

    m.preflight(d)
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(22), Mm(20)

    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _korean_font(p.add_run(m.TITLE), 20, bold=True)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(m.status_line(d))
    _korean_font(run, 11, bold=d.draft)
    if d.draft:
        run.font.color.rgb = RGBColor(0xC0, 0x20, 0x20)

    rows = m.header_rows(d)
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for r, (label, value) in enumerate(rows):
        _korean_font(table.cell(r, 0).paragraphs[0].add_run(label), 10, bold=True)
        _korean_font(table.cell(r, 1).paragraphs[0].add_run(value), 10)
        table.cell(r, 0).width, table.cell(r, 1).width = Mm(32), Mm(138)

    if d.summary:
        _korean_font(doc.add_paragraph().add_run("회의 개요"), 12, bold=True)
        _korean_font(doc.add_paragraph().add_run(d.summary), 11)
    _korean_font(doc.add_paragraph().add_run(m.ITEMS_HEADING), 12, bold=True)
    for it in d.items:
        _korean_font(doc.add_paragraph().add_run(m.item_heading(it)), 11, bold=True)
        _korean_font(doc.add_paragraph().add_run("○ 발언 요지"), 11)
        for line in (it.notes.strip() or "(기록 없음)").splitlines():
            para = doc.add_paragraph()
            para.paragraph_format.left_indent = Mm(10)
            _korean_font(para.add_run(line), 11)
        for line in m.vote_lines(it):
            _korean_font(doc.add_paragraph().add_run(line), 11)
        if it.actions:
            _korean_font(doc.add_paragraph().add_run("○ 후속 조치"), 11)
            for action in it.actions:
                para = doc.add_paragraph()
                para.paragraph_format.left_indent = Mm(10)
                _korean_font(para.add_run(m.action_text(action)), 11)
    if d.actions:
        _korean_font(doc.add_paragraph().add_run(m.OTHER_ACTIONS), 12, bold=True)
        for action in d.actions:
            _korean_font(doc.add_paragraph().add_run(m.action_text(action)), 11)

    for text in ("", m.CONFIRM_SENTENCE, fmt_date_long(d.starts_at.date())):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _korean_font(p.add_run(text), 12)
    sign = doc.add_table(rows=len(m.signers(d)), cols=3)
    sign.style = "Table Grid"
    for r, (role, name) in enumerate(m.signers(d)):
        for c, text in enumerate((role, name, "(서명)")):
            _korean_font(sign.cell(r, c).paragraphs[0].add_run(text), 11, bold=(c == 0))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
