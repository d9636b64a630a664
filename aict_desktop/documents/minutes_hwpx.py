"""회의록 as an editable 한글 file (HWPX, python-hwpx), same content as the PDF.

Every paragraph has an explicit style (documents.office_hwpx): regular body
text, a bold heading per section and item, the title, status line, 확인 sentence
and date centred; the header is a two-column table with a 32 mm shaded label
column and one paragraph per line (each 안건 on its own line); the signature
rows are 12 mm high. Metadata and the preview carry the meeting's title.
"""

from __future__ import annotations

from aict_desktop.documents import minutes as m
from aict_desktop.documents.data import MinutesData
from aict_desktop.documents.office_hwpx import TEXT_WIDTH_MM, HwpxWriter
from aict_desktop.i18n import fmt_date_long

LABEL_MM = 32


def render_hwpx(d: MinutesData) -> bytes:
    m.preflight(d)
    w = HwpxWriter()
    w.para(m.TITLE, "title", align="CENTER")
    w.para(m.status_line(d), "draft" if d.draft else "body", align="CENTER")
    w.table([[label, value] for label, value in m.header_rows(d)], [LABEL_MM, TEXT_WIDTH_MM - LABEL_MM])
    if d.summary:
        w.para("회의 개요", "heading", before_pt=10, keep_with_next=True)
        w.lines(d.summary)
    w.para(m.ITEMS_HEADING, "heading", before_pt=10, keep_with_next=True)
    if not d.items:
        w.para("(안건 없음)", indent_mm=4)
    for it in d.items:
        w.para(m.item_heading(it), "bold", before_pt=6, keep_with_next=True)
        w.para(m.notes_heading(it), indent_mm=4, keep_with_next=True)
        w.lines(it.notes.strip() or "(기록 없음)", indent_mm=10)
        for line in m.vote_lines(it):
            w.para(line, indent_mm=4)
        if it.actions:
            w.para("○ 후속 조치", indent_mm=4, keep_with_next=True)
            for action in it.actions:
                w.para(m.action_text(action), indent_mm=10)
    if d.actions:
        w.para(m.OTHER_ACTIONS, "heading", before_pt=10, keep_with_next=True)
        for action in d.actions:
            w.para(m.action_text(action), indent_mm=4)
    w.para(m.CONFIRM_SENTENCE, align="CENTER", before_pt=24, keep_with_next=True)
    w.para(fmt_date_long(d.starts_at.date()), align="CENTER", before_pt=8, keep_with_next=True)
    w.table([[role, name, "(서명)"] for role, name in m.signers(d)], [30, 45, 35], row_height_mm=12,
            center_cols=(1, 2))
    return w.finish(m.document_title(d))
