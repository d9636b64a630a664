"""위원회 운영현황 (yearly report to the council) as an A4 landscape PDF.

A 총괄표 in the order of the usual 구 form (위원 구성, 위촉직 성별, 회의 개최,
안건, 의결, 출석률, 수당 집행 against the budget), then per body: 위원 구성 with
the 성별 check and recorded exceptions, 산·학·연·관, roles, 해촉·사임, terms
ending next year; its meetings; each member's 출석률 and the 해촉 검토 list;
수당; 과제 and programmes. The printed words are fixed Korean document text.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table

from aict_desktop.documents import fonts, theme
from aict_desktop.documents.allowances import _landscape_build
from aict_desktop.documents.annual_report_data import (
    AGENDA_KINDS, FORMS, AnnualReport, BodyYear, total_of,
)
from aict_desktop.documents.annual_report_text import (
    body_heading, meeting_line, meeting_rows, member_lines, money_line, pct, rate_line, rate_rows, work_lines,
)
from aict_desktop.documents.preflight import Field, check
from aict_desktop.i18n import _, fmt_date

TITLE = "위원회 운영현황"
NONE = "해당 사항 없음"
FRAME = landscape(A4)[0] - theme.MARGIN_LEFT - theme.MARGIN_RIGHT


def _styles():
    st = theme.styles()
    return {
        "num": st.cell_right.clone("ar_num", fontSize=7.5, leading=9.5),
        "c": st.cell_center.clone("ar_c", fontSize=7.5, leading=9.5),
        "l": st.cell.clone("ar_l", fontSize=7.5, leading=9.5),
        "h": st.cell_head.clone("ar_h", fontSize=7.5, leading=9.5),
        "text": st.body.clone("ar_text", fontSize=10, leading=14.5),
        "lead": st.body.clone("ar_lead", fontSize=10, leading=14.5, keepWithNext=1),  # a line a table follows
        "h2": st.heading.clone("ar_h2", keepWithNext=1),
        "h3": st.cell_head.clone("ar_h3", fontSize=10, leading=14, alignment=0, spaceBefore=2 * mm, keepWithNext=1),
    }


def preflight(d: AnnualReport) -> None:
    fields = [Field("", _("body"), d.scope, fonts.SANS)]
    for b in d.bodies:
        fields += [Field("", _("body"), b.name, fonts.SANS_BOLD), Field(b.name, "exceptions", " ".join(b.exceptions))]
        fields += [Field(r.name, _("name"), r.name, fonts.SANS) for r in b.rates]
        fields += [Field(m.title, _("meeting title"), m.title, fonts.SANS) for m in b.meetings]
        fields += [Field(p[2], "programme", p[2], fonts.SANS) for p in b.programs]
        fields += [Field(e, _("name"), e, fonts.SERIF) for e in b.ended]
    check(fields)


SUMMARY_GROUPS = (("위원 구성", 3), ("위촉직 성별", 4), ("회의 개최", 4), ("안건", 4), ("의결", 2), ("", 1),
                  ("참석수당 집행", 4))
SUMMARY_HEAD = ("계", "당연직", "위촉직", "남", "여", "미입력", "여성 비율", "계", *FORMS, "계", *AGENDA_KINDS,
                "가결", "부결", "출석률", "지급액", "원천징수액", "예산", "집행률")


def summary_row(i: int, b: BodyYear) -> list:
    """One body's line of the 총괄표 (the same figures the xlsx 총괄 sheet holds)."""
    g = b.by_gender
    return [i, b.name, b.members, b.ex_officio, b.commissioned, g.get("남", 0), g.get("여", 0), g.get("미입력", 0),
            pct(b.women_percent), b.held(), *[b.held(f) for f in FORMS], b.agenda(),
            *[b.agenda(k) for k in AGENDA_KINDS], b.passed, b.rejected, pct(b.mean_rate), f"{b.paid:,}",
            f"{b.withheld:,}", "-" if b.budget is None else f"{b.budget:,}", pct(b.execution_percent)]


def _summary(d: AnnualReport, s) -> Table:
    top: list[Any] = [theme.para("연번", s["h"]), theme.para("기구명", s["h"])]
    head2: list[Any] = ["", ""] + [theme.para(h, s["h"]) for h in SUMMARY_HEAD]
    spans: list[tuple[Any, ...]] = []
    col = 2
    for label, n in SUMMARY_GROUPS:
        if label:
            top += [theme.para(label, s["h"])] + [""] * (n - 1)
            spans.append(("SPAN", (col, 0), (col + n - 1, 0)))
        else:  # a single column whose label spans both header rows (출석률)
            top.append(head2[col])
            head2[col] = ""
            spans.append(("SPAN", (col, 0), (col, 1)))
        col += n
    rows: list[list[Any]] = [top, head2]
    for i, b in enumerate(d.bodies, start=1):
        cells = summary_row(i, b)
        rows.append([theme.para(str(cells[0]), s["c"]), theme.para(cells[1], s["l"])]
                    + [theme.para(str(v), s["num"]) for v in cells[2:]])
    if len(d.bodies) > 1:
        cells = summary_row(0, total_of(d.bodies))
        bold = s["h"].clone("ar_total", alignment=2)
        rows.append([theme.para("합계", s["h"]), ""] + [theme.para(str(v), bold) for v in cells[2:]])
        spans += [("SPAN", (0, len(rows) - 1), (1, len(rows) - 1)),
                  ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), theme.HEADER_FILL)]
    widths_mm = [8, 42] + [9] * 3 + [8] * 3 + [11] + [8] * 4 + [8] * 4 + [8] * 2 + [11] + [18, 16, 18, 11]
    widths = [w * mm for w in widths_mm]
    widths[1] += FRAME - sum(widths)
    return theme.grid(rows, widths, header_rows=2, extra=spans + [
        ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5)])


def _table(head: list[str], rows: list[list], widths_mm: list[float], s, left: tuple = ()) -> Table:
    data: list[list[Any]] = [[theme.para(h, s["h"]) for h in head]]
    for r in rows:
        data.append([theme.para(str(v), s["l"] if i in left else s["num"] if isinstance(v, int) else s["c"])
                     for i, v in enumerate(r)])
    widths = [w * mm for w in widths_mm]
    t = theme.grid(data, widths)
    t.hAlign = "LEFT"
    return t


def _counts(d: dict, keys) -> str:
    return ", ".join(f"{k} {d.get(k, 0)}명" for k in keys if d.get(k, 0)) or "-"


def _body(n: int, b: BodyYear, d: AnnualReport, s) -> list[Flowable]:
    p = lambda text, style="text": theme.para(text, s[style])  # noqa: E731
    out: list[Flowable] = [CondPageBreak(60 * mm), theme.para(body_heading(n, b), s["h2"]),
                           theme.para("가. 위원 구성", s["h3"])]
    lines = member_lines(b, d)
    out += [p(line) for line in lines[:-1]]
    out.append(p(lines[-1], "lead" if b.expiring else "text"))  # 임기 만료 예정, then its table
    if b.expiring:
        out.append(_table(["성명", "직위", "구분", "임기 만료일"],
                          [[e.name, e.role, e.kind, fmt_date(e.term_end)] for e in b.expiring], [30, 24, 20, 30], s,
                          left=(0,)))
    out.append(theme.para("나. 회의 개최", s["h3"]))
    out.append(p(meeting_line(b), "lead" if b.meetings else "text"))
    if b.meetings:
        out.append(_table(["차수", "일자", "구분", "방식", "출석/재적", *AGENDA_KINDS, "가결", "부결", "회의명"],
                          meeting_rows(b), [14, 24, 12, 12, 18, 11, 11, 11, 11, 11, 100], s, left=(10,)))
    out.append(theme.para("다. 위원 출석률", s["h3"]))
    out.append(p(rate_line(b), "lead" if b.rates else "text"))
    if b.rates:
        out.append(_table(["성명", "대상", "출석", "출석률", "검토"] * 2, rate_rows(b), [30, 14, 14, 18, 12] * 2, s,
                          left=(0, 5)))
    out.append(theme.para("라. 참석수당 집행", s["h3"]))
    out.append(p(money_line(b)))
    out.append(theme.para("마. 과제 및 프로그램", s["h3"]))
    out += [p(line) for line in work_lines(b)]
    return out


def render_pdf(d: AnnualReport) -> bytes:
    preflight(d)
    st, s = theme.styles(), _styles()
    story: list[Flowable] = [theme.para(f"{d.year}년 {TITLE}", st.title.clone("ar_t", spaceAfter=1 * mm)),
             theme.para(f"{d.scope} · {fmt_date(d.as_of)} 현재", st.subtitle.clone("ar_s", spaceAfter=4 * mm)),
             theme.para("1. 총괄", s["h2"])]
    if d.bodies:
        story.append(_summary(d, s))
    else:
        story.append(theme.para(NONE, s["text"]))
    story.append(Spacer(1, 2 * mm))
    story.append(theme.para("※ 출석률: 개최 회의의 재적위원 중 출석(의사정족수 기준)한 비율. 회의 방식은 위원의 참석 형태로 "
                            "구분(전원 서면이면 서면, 현장 없이 화상이면 화상). 금액 단위 원.", s["l"]))
    for n, b in enumerate(d.bodies, start=2):
        story += _body(n, b, d, s)
    return _landscape_build(story, f"{d.year}년 {TITLE} — {d.scope}")
