"""Meeting mode's attendance list: tick each member without the mouse, add walk-ins.

Keys on the selected row: 1 출석, 2 불참, 3 대리출석, 4 서면, 5 온라인, 0 미정,
6 퇴장 (pressed again: back in the meeting). Marking someone present records
the arrival time (now) unless one is set; a member who left no longer counts
for the quorum, so the vote may be suspended.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.domain.enums import AttendanceStatus, Role
from aict_desktop.i18n import _, fmt_time
from aict_desktop.ui.meetings.common import attempt
from aict_desktop.ui.screen_text import term, term_of

STATUS_KEYS = {
    Qt.Key.Key_1: AttendanceStatus.PRESENT,
    Qt.Key.Key_2: AttendanceStatus.ABSENT,
    Qt.Key.Key_3: AttendanceStatus.PROXY,
    Qt.Key.Key_4: AttendanceStatus.WRITTEN,
    Qt.Key.Key_5: AttendanceStatus.ONLINE,
    Qt.Key.Key_0: AttendanceStatus.UNKNOWN,
}
COL_NAME, COL_AFFILIATION, COL_ROLE, COL_STATUS, COL_ARRIVED = range(5)
LEAVE_KEY = Qt.Key.Key_6
LEFT_COLOUR = "#dddddd"
_COLOURS = {
    AttendanceStatus.PRESENT: "#d8f0dc", AttendanceStatus.ONLINE: "#d8e8f8", AttendanceStatus.ABSENT: "#f6dcdc",
    AttendanceStatus.PROXY: "#f8efd4", AttendanceStatus.WRITTEN: "#ece4f6",
}


def _now() -> dt.time:
    return dt.datetime.now().time().replace(second=0, microsecond=0)


class AttendanceTable(QTableWidget):
    statusKey = Signal(object)  # AttendanceStatus
    leaveKey = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        plain = not (event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        key = Qt.Key(event.key())
        if plain and key in STATUS_KEYS:
            self.statusKey.emit(STATUS_KEYS[key])
            return
        if plain and key == LEAVE_KEY:
            self.leaveKey.emit()
            return
        super().keyPressEvent(event)


class AttendancePanel(QWidget):
    changed = Signal()

    def __init__(self, services, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.meeting_id = meeting_id
        self.rows = []
        self.table = AttendanceTable(0, 5)
        self.table.setHorizontalHeaderLabels([_("Name"), _("Affiliation"), _("Role"), _("Attendance"), _("Arrived")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_AFFILIATION, QHeaderView.ResizeMode.Stretch)
        for col in (COL_NAME, COL_ROLE, COL_STATUS, COL_ARRIVED):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.buttons = {}
        bar = QHBoxLayout()
        for key, status in ((1, AttendanceStatus.PRESENT), (2, AttendanceStatus.ABSENT), (3, AttendanceStatus.PROXY),
                            (4, AttendanceStatus.WRITTEN), (5, AttendanceStatus.ONLINE)):
            b = QPushButton(f"{key} {term(status)}")
            b.setToolTip(_("Mark the selected person: {status} (key {key})").format(status=status.label(), key=key))
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _checked=False, st=status: self.mark(st))
            bar.addWidget(b)
            self.buttons[status] = b
        leave = _("Leave")  # outside the f-string, where the catalog's extractor finds it
        self.leave_button = QPushButton(f"6 {leave}")
        self.leave_button.setCheckable(True)
        self.leave_button.setToolTip(_("The selected member leaves the meeting now; press again when they are back "
                                       "(key 6)"))
        self.leave_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bar.addWidget(self.leave_button)
        self.walk_in_name = QLineEdit(placeholderText=_("Walk-in name"))
        self.walk_in_affiliation = QLineEdit(placeholderText=_("Affiliation"))
        self.add_walk_in_button = QPushButton(_("Add observer"))
        walk = QHBoxLayout()
        walk.addWidget(self.walk_in_name, 2)
        walk.addWidget(self.walk_in_affiliation, 2)
        walk.addWidget(self.add_walk_in_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table)
        lay.addLayout(bar)
        lay.addLayout(walk)
        self._connect_signals()
        self.reload()

    def _connect_signals(self) -> None:
        # a key never opens a dialog: 3 marks 대리출석 at once and the next keys tick the next rows
        # (the proxy's name is asked by the "3 대리출석" button)
        self.table.statusKey.connect(lambda st: self.mark(st, ask_proxy=False))
        self.table.leaveKey.connect(self.toggle_departure)
        self.leave_button.clicked.connect(lambda _checked=False: self.toggle_departure())
        self.table.itemSelectionChanged.connect(self._sync_leave_button)
        self.add_walk_in_button.clicked.connect(self.add_walk_in)
        self.walk_in_name.returnPressed.connect(self.add_walk_in)
        self.walk_in_affiliation.returnPressed.connect(self.add_walk_in)

    def reload(self) -> None:
        current = self.current_id()
        self.rows = self.services.meetings.attendance_rows(self.meeting_id)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            status = AttendanceStatus(row.status)
            role = term_of(Role, row.role) if row.is_member else _("Observer")
            status_text = term(status) + (f" ({row.proxy_name})" if row.proxy_name and status is AttendanceStatus.PROXY else "")
            if row.left_at:
                status_text += " · " + _("left {time}").format(time=fmt_time(row.left_at))
            colour = LEFT_COLOUR if row.left_at else _COLOURS.get(status)
            for c, text in enumerate((row.name, row.affiliation, role, status_text, fmt_time(row.arrived_at) if row.arrived_at else "")):
                item = QTableWidgetItem(text)
                if colour:
                    item.setBackground(QColor(colour))
                self.table.setItem(r, c, item)
        if current is not None:
            self.select_id(current)
        elif self.rows and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self._sync_leave_button()

    def _row(self, attendance_id: int):
        return next((row for row in self.rows if row.id == attendance_id), None)

    def _sync_leave_button(self) -> None:
        r = self.table.currentRow()
        row = self.rows[r] if 0 <= r < len(self.rows) else None
        self.leave_button.setChecked(bool(row and row.left_at))

    def current_id(self) -> int | None:
        r = self.table.currentRow()
        return self.rows[r].id if 0 <= r < len(self.rows) else None

    def select_id(self, attendance_id: int) -> None:
        for r, row in enumerate(self.rows):
            if row.id == attendance_id:
                self.table.selectRow(r)
                return

    def mark(self, status: AttendanceStatus, ask_proxy: bool = True) -> None:
        r = self.table.currentRow()
        if not 0 <= r < len(self.rows):
            return
        row = self.rows[r]
        proxy = None
        if status is AttendanceStatus.PROXY and ask_proxy:
            name, ok = QInputDialog.getText(self, _("Present by proxy"), _("Name of the proxy:"), text=row.proxy_name)
            if not ok:
                return
            proxy = name
        clear = status in (AttendanceStatus.ABSENT, AttendanceStatus.UNKNOWN)
        meetings = self.services.meetings
        if attempt(self, lambda: meetings.set_attendance(row.id, status, proxy_name=proxy, clear_arrival=clear)) is None:
            return
        if clear and row.left_at:
            attempt(self, lambda: meetings.set_departure(row.id, None))
        self.reload()
        now = self._row(row.id)
        if now is not None and now.counts_for_quorum and now.arrived_at is None:  # arrived now, by the body's rules
            attempt(self, lambda: meetings.set_attendance(row.id, status, arrived_at=_now()))
            self.reload()
        if r + 1 < len(self.rows) and self.rows[r].is_member:
            self.table.selectRow(r + 1)  # tick the next person straight away
        self.changed.emit()

    def toggle_departure(self) -> None:
        """퇴장 of the selected member now, or back in the meeting when they had left."""
        r = self.table.currentRow()
        if not 0 <= r < len(self.rows):
            return
        row = self.rows[r]
        if row.left_at is None and not row.counts_for_quorum:
            self._sync_leave_button()
            return  # only someone counted present can leave
        left = None if row.left_at else _now()
        attempt(self, lambda: self.services.meetings.set_departure(row.id, left))
        self.reload()
        self.select_id(row.id)
        self.changed.emit()

    def add_walk_in(self) -> None:
        name = self.walk_in_name.text()
        if not name.strip():
            self.walk_in_name.setFocus()
            return
        att = attempt(self, lambda: self.services.meetings.add_walk_in(
            self.meeting_id, name, self.walk_in_affiliation.text()))
        if att is None:
            return
        self.walk_in_name.clear()
        self.walk_in_affiliation.clear()
        self.reload()
        self.select_id(att.id)
        self.changed.emit()

    def set_locked(self, locked: bool) -> None:
        for b in (*self.buttons.values(), self.leave_button):
            b.setEnabled(not locked)
        for w in (self.walk_in_name, self.walk_in_affiliation, self.add_walk_in_button):
            w.setEnabled(not locked)
