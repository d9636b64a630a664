"""위촉 table: terms, status, days left; rows in role order, terms ending soon in red.

"Soon" is the program setting ``expiring_days`` (설정 → "Warn of terms ending within N days"),
handed in by the page that shows the table.
"""

from __future__ import annotations

from aict_desktop.config import Settings
from aict_desktop.domain.enums import AppointmentKind, AppointmentStatus, Role
from aict_desktop.domain.terms import left_within
from aict_desktop.i18n import N_, _, fmt_range
from aict_desktop.ui.models.base import ALERT, MUTED, Column, RowTableModel, enum_label, role_key


def _left(r) -> int | None:
    return r.days_left if r.status == AppointmentStatus.SERVING.value else None


def appointment_order(r) -> tuple:
    """위원장, 부위원장, 분과장, 위원, 간사 (당연직 first within a role, then by name)."""
    return role_key(r.role, r.kind, r.person, r.id)


class AppointmentTableModel(RowTableModel):
    (COL_PERSON, COL_INSTITUTION, COL_BODY, COL_ROLE, COL_KIND, COL_START, COL_END, COL_STATUS,
     COL_LEFT) = range(9)
    COLUMNS = (
        Column(N_("Name"), lambda r: r.person),
        Column(N_("Institution"), lambda r: r.institution),
        Column(N_("Body"), lambda r: r.body),
        Column(N_("Role"), appointment_order, text=lambda r: enum_label(Role, r.role)),
        Column(N_("Kind"), lambda r: enum_label(AppointmentKind, r.kind)),
        Column(N_("Term start"), lambda r: r.term_start),
        Column(N_("Term end"), lambda r: r.term_end),
        Column(N_("Status"), lambda r: enum_label(AppointmentStatus, r.status)),
        Column(N_("Days left"), _left, align_right=True),
    )

    def __init__(self, parent=None, expiring_days: int = Settings.expiring_days):
        super().__init__(parent)
        self.expiring_days = expiring_days

    def set_expiring_days(self, days: int) -> None:
        if days != self.expiring_days:
            self.expiring_days = days
            if self.rowCount():
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def is_expiring(self, row, days: int | None = None) -> bool:
        """Serving, and the term ends within ``days`` (default: the setting) from today, inclusive."""
        return left_within(_left(row), self.expiring_days if days is None else days)

    def colour(self, row):
        if row.status != AppointmentStatus.SERVING.value:
            return MUTED
        return ALERT if self.is_expiring(row) else None

    def tooltip(self, row, column):
        text = _("Term {range}").format(range=fmt_range(row.term_start, row.term_end))
        if row.partial_term:
            text += " · " + _("Remaining term of a predecessor")
        if row.previous_id:
            text += " · " + _("Renewed term")
        return text
