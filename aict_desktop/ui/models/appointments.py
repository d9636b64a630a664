"""위촉 table: terms, status, days left."""

from __future__ import annotations

from aict_desktop.domain.enums import AppointmentKind, AppointmentStatus, Role
from aict_desktop.i18n import N_, _, fmt_range
from aict_desktop.ui.models.base import ALERT, MUTED, Column, RowTableModel, enum_label

EXPIRING_DAYS = 60


def _left(r) -> int | None:
    return r.days_left if r.status == AppointmentStatus.SERVING.value else None


class AppointmentTableModel(RowTableModel):
    (COL_PERSON, COL_INSTITUTION, COL_BODY, COL_ROLE, COL_KIND, COL_START, COL_END, COL_STATUS,
     COL_LEFT) = range(9)
    COLUMNS = (
        Column(N_("Name"), lambda r: r.person),
        Column(N_("Institution"), lambda r: r.institution),
        Column(N_("Body"), lambda r: r.body),
        Column(N_("Role"), lambda r: enum_label(Role, r.role)),
        Column(N_("Kind"), lambda r: enum_label(AppointmentKind, r.kind)),
        Column(N_("Term start"), lambda r: r.term_start),
        Column(N_("Term end"), lambda r: r.term_end),
        Column(N_("Status"), lambda r: enum_label(AppointmentStatus, r.status)),
        Column(N_("Days left"), _left, align_right=True),
    )

    def colour(self, row):
        if row.status != AppointmentStatus.SERVING.value:
            return MUTED
        if row.days_left is not None and 0 <= row.days_left <= EXPIRING_DAYS:
            return ALERT
        return None

    def tooltip(self, row, column):
        text = _("Term {range}").format(range=fmt_range(row.term_start, row.term_end))
        if row.partial_term:
            text += " · " + _("Remaining term of a predecessor")
        if row.previous_id:
            text += " · " + _("Renewed term")
        return text
