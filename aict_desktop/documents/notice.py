"""회의 개최 알림 (meeting notice): 회의명, 일시, 장소, 안건, 문의처."""

from __future__ import annotations

from aict_desktop.documents import fonts
from aict_desktop.documents.data import NoticeData
from aict_desktop.documents.preflight import Field, check
from aict_desktop.domain.hangul import has_final_consonant
from aict_desktop.i18n import _, fmt_date_long, fmt_datetime, fmt_time


def object_particle(word: str) -> str:
    """을/를 after ``word``."""
    final = has_final_consonant(word)
    return "을(를)" if final is None else ("을" if final else "를")


def when_text(d: NoticeData) -> str:
    """``2025. 6. 12.(목) 14:00`` (``~16:00`` when the end is known)."""
    text = fmt_datetime(d.starts_at)
    if d.ends_at is not None and d.ends_at.date() == d.starts_at.date():
        text += f"~{fmt_time(d.ends_at)}"
    return text


def preflight(d: NoticeData) -> None:
    fields = [Field("", _("meeting title"), d.title), Field("", _("place"), d.place),
              Field("", _("contact"), d.contact), Field("", _("note"), d.note),
              Field("", _("reason for urgency"), d.urgent_reason),
              Field("", _("sender"), d.issuer or d.body_name, fonts.SERIF_BOLD)]
    fields += [Field("", _("agenda item"), a.title) for a in d.agenda]
    fields += [Field("", _("presenter"), a.presenter) for a in d.agenda]
    check(fields)


def render_pdf(d: NoticeData) -> bytes:
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer

    from aict_desktop.documents import theme

    preflight(d)
    st = theme.styles()
    label_w, value_w = 28 * mm, theme.FRAME_WIDTH - 28 * mm
    agenda = "\n".join(
        f"{i}. [{a.kind}] {a.title}" + (f" ({a.presenter})" if a.presenter else "")
        for i, a in enumerate(d.agenda, start=1)
    ) or "-"
    rows = [
        ("회 의 명", d.title),
        ("일    시", when_text(d)),
        ("장    소", d.place or "-"),
        ("안    건", agenda),
        ("문 의 처", d.contact or "-"),
    ]
    table = theme.grid(
        [[theme.para(k, st.label), theme.para(v, st.body)] for k, v in rows],
        [label_w, value_w], header_rows=0,
        extra=[("BACKGROUND", (0, 0), (0, -1), theme.HEADER_FILL), ("TOPPADDING", (0, 0), (-1, -1), 6),
               ("BOTTOMPADDING", (0, 0), (-1, -1), 7), ("LEFTPADDING", (1, 0), (1, -1), 8)],
    )
    sender = d.issuer or d.body_name
    story = [
        theme.para("회의 개최 알림", st.title),
        Spacer(1, 4 * mm),
        theme.para("수신: 위원 제위", st.body),
        Spacer(1, 5 * mm),
        theme.para(f"{d.title}{object_particle(d.title)} 아래와 같이 개최하오니 바쁘시더라도 참석하여 주시기 바랍니다.", st.body),
        Spacer(1, 6 * mm),
        theme.para("- 아    래 -", st.center),
        Spacer(1, 5 * mm),
        table,
    ]
    if d.note:
        story += [Spacer(1, 5 * mm), theme.para(f"※ {d.note}", st.body)]
    if d.urgent_reason:
        story += [Spacer(1, 3 * mm), theme.para(f"※ 긴급 개최 사유: {d.urgent_reason}", st.body)]
    closing = [Spacer(1, 18 * mm)]
    if d.issued_on:
        closing.append(theme.para(fmt_date_long(d.issued_on), st.center))
        closing.append(Spacer(1, 8 * mm))
    closing.append(theme.para(sender, st.sender))
    story.append(KeepTogether(closing))
    return theme.build(story, title=f"{d.title} 개최 알림")
