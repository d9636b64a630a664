"""회의록 (minutes) as PDF; the text helpers here are shared with the DOCX and HWPX writers.

Header table with the labels 공공기록물법 시행령 제18조② requires (회의의 명칭, 개최기관, 일시 및 장소,
참석자 및 배석자 명단 as 성원·참석위원(n명)·(대리출석·서면)·불참위원·배석자, 진행 순서, 상정 안건); then per
agenda item 발언 요지, 의결 결과 with counts and 후속 조치 (the action items
made under it: what, who, by when); then a signature block.
A 초안 prints a visible draft mark on every page.
"""

from __future__ import annotations

from aict_desktop.documents import fonts
from aict_desktop.documents.data import ActionData, DecisionData, MinutesData, MinutesItem
from aict_desktop.documents.preflight import Field, check
from aict_desktop.i18n import _, fmt_date, fmt_date_long, fmt_datetime, fmt_time

TITLE = "회의록"
ITEMS_HEADING = "상정 안건별 발언 요지, 결정 사항 및 표결 내용"
OTHER_ACTIONS = "기타 후속 조치"  # action items not under any agenda item
CONFIRM_SENTENCE = "위 회의록의 내용이 사실과 다름없음을 확인합니다."


def bracket(text: str) -> str:
    """``(text)``, or ``[text]`` when the text has parentheses of its own (문장 부호: 괄호 안의 괄호는 대괄호 바깥에)."""
    return f"[{text}]" if "(" in text or ")" in text else f"({text})"


def when_text(d: MinutesData) -> str:
    text = fmt_datetime(d.starts_at)
    if d.ends_at is not None and d.ends_at.date() == d.starts_at.date():
        text += f"~{fmt_time(d.ends_at)}"
    return text


def quorum_text(d: MinutesData) -> str:
    """The 성원 lines: ``재적위원 16명 중 14명 출석``, then 온라인/대리출석/서면 and any loss of 의사정족수."""
    return "\n".join([d.quorum_line] + d.quorum_details + d.quorum_changes) if d.quorum_line else "-"


def header_rows(d: MinutesData) -> list[tuple[str, str]]:
    agenda = "\n".join(f"{it.number}. [{it.kind}] {it.title}" for it in d.items) or "-"
    rows = [
        ("회의의 명칭", d.title),
        ("개최기관", d.organiser or "-"),
        ("일시 및 장소", f"{when_text(d)}\n{d.place or '-'}"),
        ("성원", quorum_text(d)),
        (f"참석위원({len(d.present)}명)", ", ".join(d.present) or "-"),
    ]
    if d.proxies:
        rows.append((f"대리출석({len(d.proxies)}명)", ", ".join(d.proxies)))
    if d.written:
        rows.append((f"서면 참석({len(d.written)}명)", ", ".join(d.written)))
    return rows + [
        (f"불참위원({len(d.absent)}명)", ", ".join(d.absent) or "-"),
        ("배석자", ", ".join(d.observers) or "-"),
        ("진행 순서", d.order or "-"),
        ("상정 안건", agenda),
    ]


def item_heading(it: MinutesItem) -> str:
    text = f"{it.number}. [{it.kind}] {it.title}"
    return text + (" " + bracket(f"발표: {it.presenter}") if it.presenter else "")


def decision_text(dec: DecisionData | None) -> str:
    """``가결 (찬성 7명, 반대 1명, 기권 0명) — 원안 가결``"""
    if dec is None:
        return ""
    text = f"{dec.result} (찬성 {dec.yes}명, 반대 {dec.no}명, 기권 {dec.abstain}명)"
    if dec.chair_vote is not None:
        text += ", 가부동수로 위원장 " + ("찬성" if dec.chair_vote else "반대") + " 결정"
    if dec.text:
        text += f" — {dec.text}"
    return text


def action_text(a: ActionData) -> str:
    """``- 참여기관 의견 수렴 [담당: 홍길동(서초구청), 기한: 2025. 7. 1.]`` (``(기한: …)`` without inner brackets)"""
    extra = [f"담당: {a.owner}"] if a.owner else []
    if a.due_on is not None:
        extra.append(f"기한: {fmt_date(a.due_on)}")
    return f"- {a.title}" + (" " + bracket(", ".join(extra)) if extra else "")


def notes_heading(it: MinutesItem) -> str:
    """``○ 발언 요지``, or ``○ 비공개`` over the reason a closed item is left out of a public version."""
    return "○ 비공개" if it.closed else "○ 발언 요지"


def vote_lines(it: MinutesItem) -> list[str]:
    """제척·기피·회피, 의결 결과 and named votes of an item, one line each (every format prints these)."""
    lines = []
    if it.recusals:
        lines.append("○ 제척·기피·회피: " + ", ".join(it.recusals))
    if it.decision is not None:
        lines.append("○ 결정 사항 및 표결 내용: " + decision_text(it.decision))
    if it.votes:
        lines.append("○ 표결 내용: " + it.votes)
    return lines


PUBLIC_MARK = "공개용 (비공개 안건·개인정보 제외)"


def status_line(d: MinutesData) -> str:
    if d.draft:
        text = "초안 (확정 전)"
    else:
        when = fmt_datetime(d.confirmed_at) if d.confirmed_at else ""
        text = f"확정: {d.confirmed_by} {when}".strip()
    return f"{text} · {PUBLIC_MARK}" if d.public else text


def document_title(d: MinutesData) -> str:
    """The file's title (PDF, DOCX and HWPX metadata)."""
    return f"{d.title} {TITLE}" + (" (공개용)" if d.public else "")


def signers(d: MinutesData) -> list[tuple[str, str]]:
    return d.signers or [("위원장", ""), ("간사", "")]


def preflight(d: MinutesData) -> None:
    fields = [Field("", _("meeting title"), d.title), Field("", _("place"), d.place), Field("", _("remarks"), d.summary)]
    fields += [Field(p, _("attendee list"), p) for p in d.present + d.proxies + d.written + d.absent + d.observers]
    for it in d.items:
        fields += [Field("", _("agenda item"), it.title), Field("", _("presenter"), it.presenter),
                   Field("", _("discussion notes of item {n}").format(n=it.number), it.notes)]
        if it.decision is not None:
            fields.append(Field("", _("decision of item {n}").format(n=it.number), it.decision.text))
        fields += [Field(r, _("decision of item {n}").format(n=it.number), r) for r in it.recusals + [it.votes]]
        fields += [Field(a.owner, _("action items of item {n}").format(n=it.number), a.title + a.owner)
                   for a in it.actions]
    fields += [Field(a.owner, _("action items"), a.title + a.owner) for a in d.actions]
    fields += [Field(name, _("signature block"), name) for _role, name in signers(d)]
    fields.append(Field("", _("confirmed by"), d.confirmed_by))
    check(fields)


def render_pdf(d: MinutesData) -> bytes:
    from reportlab.lib.units import mm
    from reportlab.platypus import Flowable, KeepTogether, Spacer

    from aict_desktop.documents import theme

    preflight(d)
    st = theme.styles()
    label_w = 32 * mm
    header = theme.grid(
        [[theme.para(k, st.label), theme.para(v, st.body)] for k, v in header_rows(d)],
        [label_w, theme.FRAME_WIDTH - label_w], header_rows=0,
        extra=[("BACKGROUND", (0, 0), (0, -1), theme.HEADER_FILL), ("LEFTPADDING", (1, 0), (1, -1), 7)],
    )
    story = [theme.para(TITLE, st.title), theme.para(status_line(d), st.subtitle), header]
    if d.summary:
        story += [theme.para("회의 개요", st.heading), theme.para(d.summary, st.body)]
    story.append(theme.para(ITEMS_HEADING, st.heading))
    if not d.items:
        story.append(theme.para("(안건 없음)", st.body_indent))
    for it in d.items:
        block: list[Flowable] = [theme.para(item_heading(it), st.body.clone("item", fontName=fonts.SERIF_BOLD, spaceBefore=3 * mm))]
        block.append(theme.para(notes_heading(it), st.body_indent))
        notes = it.notes.strip() or "(기록 없음)"
        block.append(theme.para(notes, st.body_indent.clone("notes", leftIndent=10 * mm)))
        block += [theme.para(line, st.body_indent) for line in vote_lines(it)]
        if it.actions:
            block.append(theme.para("○ 후속 조치", st.body_indent))
            block += [theme.para(action_text(a), st.body_indent.clone("action", leftIndent=10 * mm))
                      for a in it.actions]
        story.append(KeepTogether(block[:3]))
        story += block[3:]
    last: list = []  # the flowables of the last item (or of the 기타 후속 조치), kept with the signature
    if d.actions:
        last = [theme.para(OTHER_ACTIONS, st.heading)] + [theme.para(action_text(a), st.body_indent)
                                                          for a in d.actions]
    elif d.items:
        last = story[-len(block) + 2:]  # block[:3] is one KeepTogether in the story
        del story[-len(block) + 2:]
    sign = [Spacer(1, 10 * mm), theme.para(CONFIRM_SENTENCE, st.center), Spacer(1, 4 * mm),
            theme.para(fmt_date_long(d.starts_at.date()), st.center), Spacer(1, 8 * mm)]
    rows = [[theme.para(role, st.label), theme.para(name or "", st.cell_center), theme.para("(서명)", st.cell_center)]
            for role, name in signers(d)]
    sign.append(theme.grid(rows, [30 * mm, 45 * mm, 35 * mm], header_rows=0, row_height=12 * mm,
                           extra=[("BACKGROUND", (0, 0), (0, -1), theme.HEADER_FILL)]))
    # the whole last item with the block if they fit on one page, else at least its last two lines
    story.append(KeepTogether(last[:-2] + [KeepTogether(last[-2:] + sign)]))
    return theme.build(story, title=document_title(d), draft=d.draft)
