"""참석자 명부 (attendance sheet): 소속, 직위, 성명 and a signature column; no phone numbers.

One row per invited member, then empty rows for walk-ins; the header row
repeats on every page.
"""

from __future__ import annotations

from aict_desktop.documents import fonts
from aict_desktop.documents.data import AttendanceSheetData
from aict_desktop.documents.preflight import Field, check, person_fields
from aict_desktop.i18n import _, fmt_datetime

HEADERS = ("연번", "소속", "직위", "성명", "서명")


def preflight(d: AttendanceSheetData) -> None:
    fields = [Field("", _("meeting title"), d.title, fonts.SANS_BOLD), Field("", _("place"), d.place, fonts.SANS)]
    for ln in d.lines:
        fields += person_fields(ln.name, ln.institution, ln.position)
    check(fields)


def render_pdf(d: AttendanceSheetData) -> bytes:
    from reportlab.lib.units import mm

    from aict_desktop.documents import theme

    preflight(d)
    st = theme.styles()
    data = [theme.head_row(HEADERS)]
    for i, ln in enumerate(d.lines, start=1):
        name = f"{ln.name} ({ln.role})" if ln.role and ln.role not in ("위원",) else ln.name
        data.append([theme.para(str(i), st.cell_center), theme.para(ln.institution, st.cell),
                     theme.para(ln.position, st.cell), theme.para(name, st.cell_center), ""])
    for k in range(d.blank_rows):
        data.append([theme.para(str(len(d.lines) + k + 1), st.cell_center), "", "", "", ""])
    widths = [12 * mm, 58 * mm, 34 * mm, 32 * mm, theme.FRAME_WIDTH - 136 * mm]
    table = theme.grid(data, widths, row_height=[9 * mm] + [11 * mm] * (len(data) - 1))
    story = [
        theme.para("참석자 명부", st.title),
        theme.para(d.title, st.subtitle),
        theme.meta_line([f"일시: {fmt_datetime(d.starts_at)}", f"장소: {d.place or '-'}"], st.body),
        theme.para(" ", st.small),
        table,
    ]
    return theme.build(story, title=f"{d.title} 참석자 명부")
