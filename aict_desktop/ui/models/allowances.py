"""참석수당 of one meeting (``AllowanceService.compute``): one line per attendee, amounts in won."""

from __future__ import annotations

import re

from aict_desktop import i18n
from aict_desktop.domain.enums import AppointmentKind, AttendanceStatus
from aict_desktop.domain.rules.tax import TaxKind
from aict_desktop.i18n import N_, _
from aict_desktop.ui.models.base import Column
from aict_desktop.ui.models.live_rows import LiveRowsModel
from aict_desktop.ui.screen_text import term_of, won

OBSERVER = "배석"  # the category of a 배석자 on the 지급 조서
_NOTES = {"당연직 공무원 미지급": N_("Ex officio public official: not paid"), "서면 참석": N_("Written participation"),
          "대리출석": N_("Present by proxy")}


def computed_note(note: str) -> str:
    """The 지급 조서's note of a computed line (Korean, as printed) in the UI language; a typed reason is
    never passed here (it is the user's own text)."""
    if i18n.language() == "ko" or not note:
        return note
    parts = []
    for part in note.split(", "):
        proxy = re.fullmatch(r"대리출석\((.*)\)", part)
        extra = re.fullmatch(r"2시간 초과 \+([\d,]+)원", part)
        if part in _NOTES:
            parts.append(_(_NOTES[part]))
        elif proxy:
            parts.append(_("Present by proxy ({name})").format(name=proxy.group(1)))
        elif extra:
            parts.append(_("over two hours +{amount}").format(amount=won(int(extra.group(1).replace(",", "")))))
        else:
            parts.append(term_of(TaxKind, part))
    return ", ".join(parts)


def category_text(line) -> str:
    return _("Observer") if line.category == OBSERVER else term_of(AppointmentKind, line.category)


def note_text(line) -> str:
    """A typed reason as typed (marked as set by hand), a computed note in the UI language."""
    return line.note + " " + _("(set by hand)") if line.overridden else computed_note(line.note)


class AllowancesTableModel(LiveRowsModel):
    COL_NAME, COL_INSTITUTION, COL_CATEGORY, COL_ATTENDANCE, COL_AMOUNT, COL_NOTE = range(6)
    COLUMNS = (
        Column(N_("Name"), lambda ln: ln.name),
        Column(N_("Affiliation"), lambda ln: ln.institution),
        Column(N_("Kind"), category_text),
        Column(N_("Attendance"), lambda ln: term_of(AttendanceStatus, ln.attendance)),
        Column(N_("Amount"), lambda ln: ln.amount, align_right=True, text=lambda ln: won(ln.amount)),
        Column(N_("Note"), note_text),
    )

    def row_key(self, row):
        return row.attendance_id

    def tooltip(self, row, column: int) -> str | None:
        """The whole text where a narrow column cuts it."""
        text = {self.COL_INSTITUTION: row.institution, self.COL_NOTE: note_text(row)}.get(column)
        return text or None
