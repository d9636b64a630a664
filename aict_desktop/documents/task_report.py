"""성과 점검 보고서 (progress review) as an A4 PDF, in the shared page theme.

Renders a ``ProgressReview`` (plain data from ``services.reports``): a summary
table when several 분과 are covered, then per group its goals, execution
plan, milestones with status, tasks done / open / overdue, programmes held and
decisions taken. The printed words are fixed Korean document text.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Spacer

from aict_desktop.documents import fonts, preflight, theme
from aict_desktop.documents.task_report_data import (
    GroupReview,
    ProgressReview,
    TaskLine,
)
from aict_desktop.i18n import fmt_date, fmt_range

TITLE = "성과 점검 보고서"
LATE = "지연"
NONE = "해당 사항 없음"
W = theme.FRAME_WIDTH


class _Styles:
    """The theme's styles, with headings and list labels kept on the page of what follows them."""

    def __init__(self):
        base = theme.styles()
        self.heading = ParagraphStyle("tr_heading", parent=base.heading, keepWithNext=1)
        self.label = ParagraphStyle("tr_label", parent=base.body_indent, keepWithNext=1)


_st: _Styles | None = None


def _styles() -> _Styles:
    global _st
    if _st is None:
        _st = _Styles()
    return _st


def period_text(review: ProgressReview) -> str:
    if review.start is None and review.end is None:
        return "전체 기간"
    if review.start is None:
        return f"~{fmt_date(review.end)}"
    if review.end is None:
        return f"{fmt_date(review.start)}~"
    return fmt_range(review.start, review.end)


def _fields(review: ProgressReview) -> list[preflight.Field]:
    """Every user text that will be printed, for the glyph preflight."""
    out = [preflight.Field("", "기구명", review.body, fonts.SANS_BOLD)]
    for g in review.groups:
        out += [preflight.Field("", "분과명", g.name, fonts.SANS_BOLD),
                preflight.Field(g.name, "분과장", g.lead, fonts.SANS),
                preflight.Field(g.name, "목표", g.goals), preflight.Field(g.name, "실행 계획", g.plan)]
        out += [preflight.Field(g.name, "마일스톤", f"{m.period} {m.title} {m.note}", fonts.SANS) for m in g.milestones]
        out += [preflight.Field(g.name, "과제", f"{t.title} {t.owner}", fonts.SANS)
                for t in g.done + g.open + g.on_hold]
        out += [preflight.Field(g.name, "프로그램", f"{p.title} {p.place}", fonts.SANS) for p in g.programs]
        out += [preflight.Field(g.name, "의결 사항", f"{d.meeting} {d.item} {d.text}", fonts.SANS) for d in g.decisions]
    return out


def _cell(text, style=None) -> Paragraph:
    return theme.para("" if text is None else str(text), style or theme.styles().cell)


def _summary(review: ProgressReview) -> list:
    st = theme.styles()
    rows = [theme.head_row(["분과", "분과장", "진척도", "완료", "진행", "지연", "보류", "프로그램", "의결"])]
    for g in review.groups:
        rows.append([_cell(g.name), _cell(g.lead or "-", st.cell_center), _cell(f"{g.progress}%", st.cell_right),
                     _cell(len(g.done), st.cell_right), _cell(len(g.open), st.cell_right),
                     _cell(len(g.overdue), st.cell_right), _cell(len(g.on_hold), st.cell_right),
                     _cell(len(g.programs), st.cell_right), _cell(len(g.decisions), st.cell_right)])
    widths = [W - 22 * mm - 15 * mm - 5 * 12 * mm - 18 * mm, 22 * mm, 15 * mm] + [12 * mm] * 4 + [18 * mm, 12 * mm]
    return [Paragraph("분과별 추진 현황", _styles().heading), theme.grid(rows, widths)]


def _text_block(label: str, text: str) -> list:
    st = theme.styles()
    return [Paragraph(label, _styles().heading), theme.para(text.strip() or NONE, st.body_indent)]


def _status(t: TaskLine) -> str:
    return f"{t.status}({LATE})" if t.overdue else t.status


def _task_table(tasks: list[TaskLine]) -> list:
    st = theme.styles()
    if not tasks:
        return [theme.para(NONE, st.body_indent)]
    rows = [theme.head_row(["과제명", "담당", "기한", "상태", "진척도"])]
    for t in tasks:
        rows.append([_cell(t.title), _cell(t.owner or "-"), _cell(fmt_date(t.due_on) or "-", st.cell_center),
                     _cell(_status(t), st.cell_center), _cell(f"{t.progress}%", st.cell_right)])
    return [theme.grid(rows, [W - 32 * mm - 27 * mm - 22 * mm - 16 * mm, 32 * mm, 27 * mm, 22 * mm, 16 * mm])]


def _group(n: int, g: GroupReview) -> list:
    st = theme.styles()
    story: list = [CondPageBreak(60 * mm), Paragraph(theme.markup(f"{n}. {g.name}", fonts.SANS_BOLD), _styles().heading)]
    info = [[_cell("분과장", st.cell_head), _cell(g.lead or "-"), _cell("구성", st.cell_head),
             _cell(f"위원 {g.people}명 · 참여기관 {g.institutions}곳"), _cell("진척도", st.cell_head),
             _cell(f"{g.progress}%", st.cell_right)]]
    story.append(theme.grid(info, [18 * mm, 32 * mm, 16 * mm, W - 18 * mm - 32 * mm - 16 * mm - 18 * mm - 18 * mm,
                                   18 * mm, 18 * mm], header_rows=0,
                            extra=[("BACKGROUND", (0, 0), (0, 0), theme.HEADER_FILL),
                                   ("BACKGROUND", (2, 0), (2, 0), theme.HEADER_FILL),
                                   ("BACKGROUND", (4, 0), (4, 0), theme.HEADER_FILL)]))
    story += _text_block("가. 목표", g.goals)
    story += _text_block("나. 실행 계획", g.plan)
    story.append(Paragraph("다. 추진 일정(마일스톤)", _styles().heading))
    if g.milestones:
        rows = [theme.head_row(["시기", "내용", "기한", "상태"])]
        for m in g.milestones:
            rows.append([_cell(m.period or "-", st.cell_center), _cell(m.title), _cell(fmt_date(m.due_on) or "-", st.cell_center),
                         _cell(m.status, st.cell_center)])
        story.append(theme.grid(rows, [28 * mm, W - 28 * mm - 27 * mm - 18 * mm, 27 * mm, 18 * mm]))
    else:
        story.append(theme.para(NONE, st.body_indent))
    story.append(Paragraph("라. 과제 추진 현황", _styles().heading))
    counts = (f"완료 {len(g.done)}건 · 진행 중 {len(g.open)}건(지연 {len(g.overdue)}건) · 보류 {len(g.on_hold)}건")
    story.append(Paragraph(counts, _styles().label))
    story.append(Paragraph("○ 완료 과제", _styles().label))
    story += _task_table(g.done)
    story.append(Spacer(1, 2 * mm))
    story.append(Paragraph("○ 진행 중 과제(지연 포함)", _styles().label))
    story += _task_table(g.open)
    if g.on_hold:
        story.append(Spacer(1, 2 * mm))
        story.append(Paragraph("○ 보류 과제", _styles().label))
        story += _task_table(g.on_hold)
    story.append(Paragraph("마. 프로그램 운영 실적", _styles().heading))
    if g.programs:
        rows = [theme.head_row(["구분", "프로그램명", "일자", "장소", "참여"])]
        for p in g.programs:
            when = (f"{fmt_date(p.held_on)}~\n{fmt_date(p.ends_on)}" if p.ends_on and p.ends_on != p.held_on
                    else fmt_date(p.held_on))
            rows.append([_cell(p.kind, st.cell_center), _cell(p.title), _cell(when or "-", st.cell_center),
                         _cell(p.place or "-"), _cell(f"{p.participants:,}명", st.cell_right)])
        story.append(theme.grid(rows, [18 * mm, W - 18 * mm - 28 * mm - 34 * mm - 18 * mm, 28 * mm, 34 * mm, 18 * mm]))
    else:
        story.append(theme.para(NONE, st.body_indent))
    story.append(Paragraph("바. 회의 의결 사항", _styles().heading))
    if g.decisions:
        rows = [theme.head_row(["회의", "안건", "결과"])]
        for d in g.decisions:
            result = f"{d.result}({d.text})" if d.text else d.result
            votes = f"찬성 {d.yes} · 반대 {d.no} · 기권 {d.abstain}"
            rows.append([_cell(f"{d.meeting}\n{fmt_date(d.date)}"), _cell(d.item), _cell(f"{result}\n{votes}", st.cell_center)])
        story.append(theme.grid(rows, [52 * mm, W - 52 * mm - 40 * mm, 40 * mm]))
    else:
        story.append(theme.para(NONE, st.body_indent))
    return story


def render_pdf(review: ProgressReview) -> bytes:
    """The review as PDF bytes; a character the fonts lack is a ValidationError naming it."""
    preflight.check(_fields(review))
    st = theme.styles()
    story: list = [
        Paragraph(TITLE, st.title),
        theme.para(review.body, st.subtitle),
        theme.para(f"점검 기간: {period_text(review)} · 기준일: {fmt_date(review.as_of)}", st.right),
        Spacer(1, 3 * mm),
    ]
    if len(review.groups) > 1:
        story += _summary(review)
    for n, g in enumerate(review.groups, start=1):
        if n > 1:
            story.append(CondPageBreak(120 * mm))  # a group starts on a new page unless most of one is left
        story += _group(n, g)
    if not review.groups:
        story.append(theme.para(NONE, st.body))
    return theme.build(story, title=f"{TITLE} - {review.body}")
