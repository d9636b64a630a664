"""Meeting mode's attendance list (``MeetingService.attendance_rows``), each row coloured by its status."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from aict_desktop.domain.enums import AttendanceStatus, Role
from aict_desktop.i18n import N_, _, fmt_time
from aict_desktop.ui.models.base import Column, role_key
from aict_desktop.ui.models.live_rows import LiveRowsModel
from aict_desktop.ui.screen_text import term, term_of

LEFT_COLOUR = QColor("#dddddd")
STATUS_COLOURS = {
    AttendanceStatus.PRESENT: QColor("#d8f0dc"), AttendanceStatus.ONLINE: QColor("#d8e8f8"),
    AttendanceStatus.ABSENT: QColor("#f6dcdc"), AttendanceStatus.PROXY: QColor("#f8efd4"),
    AttendanceStatus.WRITTEN: QColor("#ece4f6"),
}
TEXT_COLOUR = QColor("#000000")  # on a coloured row whatever the palette (a dark theme's white would vanish)
_STATUS_ORDER = {s.value: n for n, s in enumerate(AttendanceStatus)}


def status(row) -> AttendanceStatus:
    return AttendanceStatus(row.status)


def role_text(row) -> str:
    return term_of(Role, row.role) if row.is_member else _("Observer")


def status_text(row) -> str:
    """``대리출석 (홍길동) · 14:05 퇴장``: the status, a proxy's name, the time a member left."""
    st = status(row)
    text = term(st) + (f" ({row.proxy_name})" if row.proxy_name and st is AttendanceStatus.PROXY else "")
    if row.left_at:
        text += " · " + _("left {time}").format(time=fmt_time(row.left_at))
    return text


class AttendanceTableModel(LiveRowsModel):
    COL_NAME, COL_AFFILIATION, COL_ROLE, COL_STATUS, COL_ARRIVED = range(5)
    COLUMNS = (
        Column(N_("Name"), lambda r: r.name),
        Column(N_("Affiliation"), lambda r: r.affiliation),
        # members in role order (위원장 … 간사), then observers by name
        Column(N_("Role"), lambda r: (0, role_key(r.role, r.kind, r.name)) if r.is_member else (1, r.name),
               text=role_text),
        Column(N_("Attendance"), lambda r: (_STATUS_ORDER.get(r.status, 99), r.left_at is not None),
               text=status_text),
        Column(N_("Arrived"), lambda r: r.arrived_at.isoformat() if r.arrived_at else None,
               text=lambda r: fmt_time(r.arrived_at) if r.arrived_at else ""),
    )

    def background(self, row) -> QColor | None:
        return LEFT_COLOUR if row.left_at else STATUS_COLOURS.get(status(row))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and index.isValid() \
                and 0 <= index.row() < self.rowCount():
            colour = self.background(self.row(index.row()))
            if colour is None:
                return None
            return QBrush(colour if role == Qt.ItemDataRole.BackgroundRole else TEXT_COLOUR)
        return super().data(index, role)
