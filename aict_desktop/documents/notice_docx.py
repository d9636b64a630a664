"""회의 개최 알림 as an editable Word 공문 (python-docx): 수신·제목, 1./가./1) items that hang, 붙임, 끝.

With recipients, one letter per invitee, each on its own page and addressed to them.
"""

from __future__ import annotations

from aict_desktop.documents import notice as n
from aict_desktop.documents.data import NoticeData
from aict_desktop.i18n import fmt_date_long


def render_docx(d: NoticeData, recipients: list[n.Recipient] | None = None) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Mm, Pt

    from aict_desktop.documents import office_docx as o

    n.preflight(d)
    doc = o.new_document(f"{d.title} 개최 알림")
    sender = d.issuer or d.body_name
    addressed = [r.address() for r in recipients] if recipients else ["위원 제위"]
    for k, to in enumerate(addressed):
        p = doc.add_paragraph()
        if k:
            p.add_run().add_break(WD_BREAK.PAGE)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(12)
        o.font(p.add_run(sender), 18, bold=True, face=o.SANS)
        for label, value in n.official_heading(d, to):
            p = doc.add_paragraph()
            p.paragraph_format.space_after = Pt(2)
            p.paragraph_format.left_indent, p.paragraph_format.first_line_indent = Mm(18), Mm(-18)
            o.font(p.add_run(f"{label}\t"), 11, bold=True, face=o.SANS)
            o.font(p.add_run(value), 11, bold=label == "제목")
            p.paragraph_format.tab_stops.add_tab_stop(Mm(18))
        rule = doc.add_paragraph()
        rule.paragraph_format.space_after = Pt(6)
        o._set(o._set(rule._p.get_or_add_pPr(), "w:pBdr"), "w:bottom", val="single", sz="8", space="1",
               color="000000")
        for level, text in n.official_items(d):
            left, hang = n.OFFICIAL_INDENT_MM[level]
            p = doc.add_paragraph()
            p.paragraph_format.left_indent, p.paragraph_format.first_line_indent = Mm(left + hang), Mm(-hang)
            p.paragraph_format.space_after = Pt(3)
            o.font(p.add_run(text), 11)
        p = doc.add_paragraph()
        p.paragraph_format.space_before = Pt(12)
        o.font(p.add_run(n.ATTACHMENT), 11)
        if d.issued_on:
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_before = Pt(36)
            o.font(p.add_run(fmt_date_long(d.issued_on)), 11)
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_before = Pt(12)
        o.font(p.add_run(sender), 16, bold=True)
    return o.save(doc)
