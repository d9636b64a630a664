"""참석자 명부 (attendance sheet): 소속, 직위, 성명 and a signature column; no phone numbers.

One row per invited member, then empty numbered rows for walk-ins; the header
row repeats on every page. The rows are fitted to the page: they are made a
little lower (11 mm down to 9 mm, still room to sign) when that keeps the spare
rows on the page the members end on, so a few empty rows never stand alone on
a page of their own; if even 9 mm rows would spill, as many spare rows as fit
fill the members' last page instead.
"""

from __future__ import annotations

from typing import Any

from aict_desktop.documents import fonts
from aict_desktop.documents.data import AttendanceSheetData
from aict_desktop.documents.preflight import Field, check, person_fields
from aict_desktop.i18n import _, fmt_datetime

HEADERS = ("연번", "소속", "직위", "성명", "서명")
HEADER_MM = 9
ROW_MM = (11, 10.5, 10, 9.5, 9)  # tallest first; 9 mm is the lowest that still takes a signature


def preflight(d: AttendanceSheetData) -> None:
    fields = [Field("", _("meeting title"), d.title, fonts.SANS_BOLD), Field("", _("place"), d.place, fonts.SANS)]
    for ln in d.lines:
        fields += person_fields(ln.name, ln.institution, ln.position)
    fields += [Field(name, _("attendee list"), name) for name in d.not_invited]
    check(fields)


def _capacity(pages: int, first: float, later: float, row: float) -> int:
    """Rows that fit on ``pages`` pages (the header row repeats on each)."""
    per_first, per_later = int(first // row), int(later // row)
    return per_first + (pages - 1) * per_later


def _pages(rows: int, first: float, later: float, row: float) -> int:
    pages = 1
    while _capacity(pages, first, later, row) < rows:
        pages += 1
    return pages


def fit_rows(members: int, spare: int, first: float, later: float, mm: float) -> tuple[float, int]:
    """(row height, spare rows): the tallest rows that keep ``spare`` rows on the members' last page.

    ``first``/``later``: the height left for body rows (below the header row) on the first and later pages.
    """
    for h in ROW_MM:
        row = h * mm
        if _pages(members + spare, first, later, row) == _pages(max(members, 1), first, later, row):
            return row, spare
    def room(h: float) -> int:
        row = h * mm
        return _capacity(_pages(max(members, 1), first, later, row), first, later, row) - members

    best = max(ROW_MM, key=lambda h: (room(h), h))  # too many: as many as fit on the members' last page
    return (best * mm, room(best)) if room(best) > 0 else (ROW_MM[0] * mm, spare)


def render_pdf(d: AttendanceSheetData) -> bytes:
    from reportlab.lib.units import mm

    from aict_desktop.documents import theme

    preflight(d)
    st = theme.styles()
    head = [
        theme.para("참석자 명부", st.title),
        theme.para(d.title, st.subtitle),
        theme.meta_line([f"일시: {fmt_datetime(d.starts_at)}", f"장소: {d.place or '-'}"], st.body),
        theme.para(" ", st.small),
    ]
    frame = theme.PAGE[1] - theme.MARGIN_TOP - theme.MARGIN_BOTTOM - 12  # the frame's 6 pt padding each side
    used = sum(f.wrap(theme.FRAME_WIDTH, frame)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in head)
    later = frame - HEADER_MM * mm - 2  # a little room for the ruling
    row, spare = fit_rows(len(d.lines), d.blank_rows, later - used, later, mm)

    data: list[list[Any]] = [theme.head_row(HEADERS)]
    for i, ln in enumerate(d.lines, start=1):
        name = f"{ln.name} ({ln.role})" if ln.role and ln.role not in ("위원",) else ln.name
        data.append([theme.para(str(i), st.cell_center), theme.para(ln.institution, st.cell),
                     theme.para(ln.position, st.cell), theme.para(name, st.cell_center), ""])
    for k in range(spare):
        data.append([theme.para(str(len(d.lines) + k + 1), st.cell_center), "", "", "", ""])
    widths = [12 * mm, 58 * mm, 34 * mm, 32 * mm, theme.FRAME_WIDTH - 136 * mm]
    story = head + [theme.grid(data, widths, row_height=[HEADER_MM * mm] + [row] * (len(data) - 1))]
    if d.not_invited:
        story.append(theme.para("※ 초대 명단에 없는 현 위원: " + ", ".join(d.not_invited), st.small))
    return theme.build(story, title=f"{d.title} 참석자 명부")
