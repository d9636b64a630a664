"""Meeting mode's attendance list: tick each member without the mouse, add walk-ins.

Keys on the selected row: 1 출석, 2 불참, 3 대리출석, 4 서면, 5 온라인, 0 미정.
Marking someone present records the arrival time (now) unless one is set.
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

from aict_desktop.domain.enums import AttendanceStatus
from aict_desktop.i18n import _, fmt_time
from aict_desktop.ui.meetings.common import attempt

STATUS_KEYS = {
    Qt.Key.Key_1: AttendanceStatus.PRESENT,
    Qt.Key.Key_2: AttendanceStatus.ABSENT,
    Qt.Key.Key_3: AttendanceStatus.PROXY,
    Qt.Key.Key_4: AttendanceStatus.WRITTEN,
    Qt.Key.Key_5: AttendanceStatus.ONLINE,
    Qt.Key.Key_0: AttendanceStatus.UNKNOWN,
}
COL_NAME, COL_AFFILIATION, COL_ROLE, COL_STATUS, COL_ARRIVED = range(5)
_COLOURS = {
    AttendanceStatus.PRESENT: "#d8f0dc", AttendanceStatus.ONLINE: "#d8e8f8", AttendanceStatus.ABSENT: "#f6dcdc",
    AttendanceStatus.PROXY: "#f8efd4", AttendanceStatus.WRITTEN: "#ece4f6",
}


class AttendanceTable(QTableWidget):
    statusKey = Signal(object)  # AttendanceStatus

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        status = STATUS_KEYS.get(Qt.Key(event.key()))
        if status is not None and not (event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)):
            self.statusKey.emit(status)
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
            b = QPushButton(f"{key} {status.value}")
            b.setToolTip(_("Mark the selected person: {status} (key {key})").format(status=status.label(), key=key))
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _checked=False, st=status: self.mark(st))
            bar.addWidget(b)
            self.buttons[status] = b
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
        self.table.statusKey.connect(self.mark)
        self.add_walk_in_button.clicked.connect(self.add_walk_in)
        self.walk_in_name.returnPressed.connect(self.add_walk_in)
        self.walk_in_affiliation.returnPressed.connect(self.add_walk_in)

    def reload(self) -> None:
        current = self.current_id()
        self.rows = self.services.meetings.attendance_rows(self.meeting_id)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            status = AttendanceStatus(row.status)
            role = row.role if row.is_member else _("Observer")
            status_text = status.value + (f" ({row.proxy_name})" if row.proxy_name and status is AttendanceStatus.PROXY else "")
            for c, text in enumerate((row.name, row.affiliation, role, status_text, fmt_time(row.arrived_at) if row.arrived_at else "")):
                item = QTableWidgetItem(text)
                if status in _COLOURS:
                    item.setBackground(QColor(_COLOURS[status]))
                self.table.setItem(r, c, item)
        if current is not None:
            self.select_id(current)
        elif self.rows and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def current_id(self) -> int | None:
        r = self.table.currentRow()
        return self.rows[r].id if 0 <= r < len(self.rows) else None

    def select_id(self, attendance_id: int) -> None:
        for r, row in enumerate(self.rows):
            if row.id == attendance_id:
                self.table.selectRow(r)
                return

    def mark(self, status: AttendanceStatus) -> None:
        r = self.table.currentRow()
        if not 0 <= r < len(self.rows):
            return
        row = self.rows[r]
        proxy = None
        if status is AttendanceStatus.PROXY:
            name, ok = QInputDialog.getText(self, _("Present by proxy"), _("Name of the proxy:"), text=row.proxy_name)
            if not ok:
                return
            proxy = name
        arrived = None
        if status.counts_for_quorum and row.arrived_at is None:
            arrived = dt.datetime.now().time().replace(second=0, microsecond=0)
        clear = status in (AttendanceStatus.ABSENT, AttendanceStatus.UNKNOWN)
        if attempt(self, lambda: self.services.meetings.set_attendance(
                row.id, status, arrived_at=arrived, proxy_name=proxy, clear_arrival=clear)) is None:
            return
        self.reload()
        if r + 1 < len(self.rows) and self.rows[r].is_member:
            self.table.selectRow(r + 1)  # tick the next person straight away
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
        for b in self.buttons.values():
            b.setEnabled(not locked)
        for w in (self.walk_in_name, self.walk_in_affiliation, self.add_walk_in_button):
            w.setEnabled(not locked)
