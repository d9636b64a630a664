"""회의 개최 알림 (meeting notice): 회의명, 일시, 장소, 안건, 문의처."""

from __future__ import annotations

from dataclasses import dataclass

from aict_desktop.documents import fonts
from aict_desktop.documents.data import NoticeData
from aict_desktop.documents.preflight import Field, check
from aict_desktop.domain.hangul import particle
from aict_desktop.i18n import _, fmt_date_long, fmt_datetime, fmt_time


@dataclass(frozen=True)
class Recipient:
    """One invitee a notice is addressed to (성명 위원님, 소속)."""

    name: str
    institution: str = ""
    position: str = ""
    person_id: int | None = None
    email: str = ""
    mobile: str = ""

    def address(self) -> str:
        """``홍길동 위원님 (서초구청 과장)``."""
        org = " ".join(x for x in (self.institution, self.position) if x)
        return f"{self.name} 위원님" + (f" ({org})" if org else "")


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


def agenda_lines(d: NoticeData) -> list[str]:
    """``1. [의결] 하반기 계획(안) (간사)`` per item."""
    return [f"{i}. [{a.kind}] {a.title}" + (f" ({a.presenter})" if a.presenter else "")
            for i, a in enumerate(d.agenda, start=1)]


OFFICIAL_INDENT_MM = {0: (0, 4.5), 1: (4.5, 4.5), 2: (9, 5)}  # level -> (left, hanging) in mm
ATTACHMENT = "붙임  회의 자료 1부.  끝."


def official_items(d: NoticeData) -> list[tuple[int, str]]:
    """The body of the notice as a 공문: (level, text); 1. / 가. / 1) 항목 기호, wrapped lines hang."""
    items = [(0, f"1. {particle(d.title, '을')} 다음과 같이 개최하오니 참석하여 주시기 바랍니다."),
             (1, f"가. 일시: {when_text(d)}"), (1, f"나. 장소: {d.place or '-'}"), (1, "다. 안건")]
    items += [(2, f"{i}) [{a.kind}] {a.title}" + (f" ({a.presenter})" if a.presenter else ""))
              for i, a in enumerate(d.agenda, start=1)] or [(2, "-")]
    if d.contact:
        items.append((1, f"라. 문의: {d.contact}"))
    n = 2
    for text in (d.note, f"긴급 개최 사유: {d.urgent_reason}" if d.urgent_reason else ""):
        if text:
            items.append((0, f"{n}. {text}"))
            n += 1
    return items


def official_heading(d: NoticeData, to: str) -> list[tuple[str, str]]:
    """수신 / (경유) / 제목 of the 공문."""
    return [("수신", to), ("(경유)", ""), ("제목", f"{d.title} 개최 알림")]


def render_pdf(d: NoticeData, recipients: list[Recipient] | None = None) -> bytes:
    """The notice to 위원 제위; with ``recipients`` one page per invitee, addressed to each."""
    from reportlab.platypus import PageBreak

    from aict_desktop.documents import theme

    preflight(d)
    check([Field("", _("name"), r.name) for r in recipients or []]
          + [Field("", _("institution"), r.institution) for r in recipients or []])
    if not recipients:
        return theme.build(_story(d, "위원 제위"), title=f"{d.title} 개최 알림")
    story: list = []
    for i, r in enumerate(recipients):
        if i:
            story.append(PageBreak())
        story += _story(d, r.address())
    return theme.build(story, title=f"{d.title} 개최 알림")


def _story(d: NoticeData, to: str) -> list:
    from reportlab.lib.units import mm
    from reportlab.platypus import Flowable, KeepTogether, Spacer

    from aict_desktop.documents import theme

    st = theme.styles()
    label_w, value_w = 28 * mm, theme.FRAME_WIDTH - 28 * mm
    agenda = "\n".join(agenda_lines(d)) or "-"
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
        theme.para(f"수신: {to}", st.body),
        Spacer(1, 5 * mm),
        theme.para(f"{particle(d.title, '을')} 아래와 같이 개최하오니 바쁘시더라도 참석하여 주시기 바랍니다.", st.body),
        Spacer(1, 6 * mm),
        theme.para("- 아    래 -", st.center),
        Spacer(1, 5 * mm),
        table,
    ]
    if d.note:
        story += [Spacer(1, 5 * mm), theme.para(f"※ {d.note}", st.body)]
    if d.urgent_reason:
        story += [Spacer(1, 3 * mm), theme.para(f"※ 긴급 개최 사유: {d.urgent_reason}", st.body)]
    closing: list[Flowable] = [Spacer(1, 18 * mm)]
    if d.issued_on:
        closing.append(theme.para(fmt_date_long(d.issued_on), st.center))
        closing.append(Spacer(1, 8 * mm))
    closing.append(theme.para(sender, st.sender))
    story.append(KeepTogether(closing))
    return story
