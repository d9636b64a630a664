"""회의 개최 알림 as an editable 한글 공문 (HWPX): 수신·제목, 1./가./1) items that hang, 붙임, 끝.

Explicit paragraph and character styles through documents.office_hwpx; with
recipients, one letter per invitee, each starting a new page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aict_desktop.documents import notice as n
from aict_desktop.documents.data import NoticeData
from aict_desktop.i18n import fmt_date_long

if TYPE_CHECKING:
    from hwpx.oxml import HwpxOxmlParagraph


def render_hwpx(d: NoticeData, recipients: list[n.Recipient] | None = None) -> bytes:
    from aict_desktop.documents.office_hwpx import HwpxWriter

    n.preflight(d)
    w = HwpxWriter()
    sender = d.issuer or d.body_name
    addressed = [r.address() for r in recipients] if recipients else ["위원 제위"]
    extra: list[tuple[HwpxOxmlParagraph, dict]] = []  # hanging indents and page breaks the writer's groups do not carry
    for k, to in enumerate(addressed):
        head = w.para(sender, "title", align="CENTER")
        if k:  # a new page per letter: 쪽 나누기 on the paragraph and "page break before" in its format
            head.element.set("pageBreak", "1")
            extra.append((head, {"page_break_before": True}))
        for label, value in n.official_heading(d, to):
            w.para(f"{label}  {value}".rstrip(), "bold" if label == "제목" else "body", align="LEFT", before_pt=2)
        w.para("", align="LEFT")
        for level, text in n.official_items(d):
            left, hang = n.OFFICIAL_INDENT_MM[level]
            p = w.para(text, align="LEFT", indent_mm=left + hang, before_pt=3)
            extra.append((p, {"first_line_indent_mm": -hang}))
        w.para(n.ATTACHMENT, align="LEFT", before_pt=12)
        if d.issued_on:
            w.para(fmt_date_long(d.issued_on), align="CENTER", before_pt=36)
        w.para(sender, "heading", align="CENTER", before_pt=12)
    for p, kw in extra:  # before finish(): its group formats keep what is set here
        w.doc.styles.apply_paragraph_format(paragraphs=[p], **kw)
    return w.finish(f"{d.title} 개최 알림")
