"""회의록 as an editable 한글 file (HWPX, python-hwpx), same content as the PDF."""

from __future__ import annotations

from aict_desktop.documents import minutes as m
from aict_desktop.documents.data import MinutesData
from aict_desktop.i18n import fmt_date_long


def render_hwpx(d: MinutesData) -> bytes:
    from hwpx import HwpxDocument

    m.preflight(d)
    doc = HwpxDocument.new()
    title = doc.styles.ensure_run(bold=True, size=20)
    bold = doc.styles.ensure_run(bold=True)
    draft = doc.styles.ensure_run(bold=True, color="#C02020")

    doc.add_paragraph(m.TITLE, char_pr_id_ref=title)
    doc.add_paragraph(m.status_line(d), char_pr_id_ref=draft if d.draft else None)
    rows = m.header_rows(d)
    table = doc.add_table(rows=len(rows), cols=2)
    for r, (label, value) in enumerate(rows):
        table.set_cell_text(r, 0, label)
        table.set_cell_text(r, 1, value.replace("\n", ", "))
    doc.add_paragraph("")
    if d.summary:
        doc.add_paragraph("회의 개요", char_pr_id_ref=bold)
        for line in d.summary.splitlines():
            doc.add_paragraph(line)
    doc.add_paragraph(m.ITEMS_HEADING, char_pr_id_ref=bold)
    for it in d.items:
        doc.add_paragraph(m.item_heading(it), char_pr_id_ref=bold)
        doc.add_paragraph("○ 발언 요지")
        for line in (it.notes.strip() or "(기록 없음)").splitlines():
            doc.add_paragraph("    " + line)
        for line in m.vote_lines(it):
            doc.add_paragraph(line)
        if it.actions:
            doc.add_paragraph("○ 후속 조치")
            for action in it.actions:
                doc.add_paragraph("    " + m.action_text(action))
    if d.actions:
        doc.add_paragraph(m.OTHER_ACTIONS, char_pr_id_ref=bold)
        for action in d.actions:
            doc.add_paragraph(m.action_text(action))
    doc.add_paragraph("")
    doc.add_paragraph(m.CONFIRM_SENTENCE)
    doc.add_paragraph(fmt_date_long(d.starts_at.date()))
    sign = doc.add_table(rows=len(m.signers(d)), cols=3)
    for r, (role, name) in enumerate(m.signers(d)):
        for c, text in enumerate((role, name, "(서명)")):
            sign.set_cell_text(r, c, text)
    return doc.to_bytes()
