"""Meeting mode's attendance list: tick each member without the mouse, add walk-ins.

Keys on the selected row: 1 출석, 2 불참, 3 대리출석, 4 서면, 5 온라인, 0 미정,
6 퇴장 (pressed again: back in the meeting). Marking someone present records
the arrival time (now) unless one is set; a member who left no longer counts
for the quorum, so the vote may be suspended.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.domain.enums import AttendanceStatus
from aict_desktop.i18n import _
from aict_desktop.ui.meetings.common import attempt
from aict_desktop.ui.models.attendance import AttendanceTableModel
from aict_desktop.ui.screen_text import term
from aict_desktop.ui.widgets.table import make_table

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


def _now() -> dt.time:
    return dt.datetime.now().time().replace(second=0, microsecond=0)


class AttendanceKeys(QObject):
    """The table's keys 1–5 and 0 (a status) and 6 (퇴장), before the view's type-to-search sees them."""

    statusKey = Signal(object)  # AttendanceStatus
    leaveKey = Signal()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        plain = not (event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        key = Qt.Key(event.key())
        if plain and key in STATUS_KEYS:
            self.statusKey.emit(STATUS_KEYS[key])
            return True
        if plain and key == LEAVE_KEY:
            self.leaveKey.emit()
            return True
        return False


class AttendancePanel(QWidget):
    changed = Signal()

    def __init__(self, services, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.meeting_id = meeting_id
        self.model = AttendanceTableModel(self)
        self.table = make_table(self.model, name="attendance")
        self.keys = AttendanceKeys(self)
        self.table.installEventFilter(self.keys)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
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
        self.keys.statusKey.connect(lambda st: self.mark(st, ask_proxy=False))
        self.keys.leaveKey.connect(self.toggle_departure)
        self.leave_button.clicked.connect(lambda _checked=False: self.toggle_departure())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._sync_leave_button())
        self.add_walk_in_button.clicked.connect(self.add_walk_in)
        self.walk_in_name.returnPressed.connect(self.add_walk_in)
        self.walk_in_affiliation.returnPressed.connect(self.add_walk_in)

    @property
    def rows(self) -> list:
        """The rows as the table shows them (the order of the sort the user chose)."""
        return self.model.rows()

    def reload(self) -> None:
        """Read the list again; the table keeps its selection and scroll position."""
        self.model.refresh_rows(self.services.meetings.attendance_rows(self.meeting_id))
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self._sync_leave_button()

    def _row(self, attendance_id: int):
        return next((row for row in self.rows if row.id == attendance_id), None)

    def _current_row(self) -> int:
        r = self.table.currentIndex().row()
        return r if 0 <= r < self.model.rowCount() else -1

    def _sync_leave_button(self) -> None:
        r = self._current_row()
        self.leave_button.setChecked(r >= 0 and bool(self.model.row(r).left_at))

    def current_id(self) -> int | None:
        r = self._current_row()
        return self.model.row(r).id if r >= 0 else None

    def select_id(self, attendance_id: int) -> None:
        r = self.model.index_of_key(attendance_id)
        if r >= 0:
            self.table.selectRow(r)
            self.table.scrollTo(self.model.index(r, COL_NAME))

    def mark(self, status: AttendanceStatus, ask_proxy: bool = True) -> None:
        r = self._current_row()
        if r < 0:
            return
        row = self.model.row(r)
        following = self.model.key_of(r + 1)  # the next person as the table shows them now
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
        if following is not None and row.is_member:
            self.select_id(following)  # tick the next person straight away
        self.changed.emit()

    def toggle_departure(self) -> None:
        """퇴장 of the selected member now, or back in the meeting when they had left."""
        r = self._current_row()
        if r < 0:
            return
        row = self.model.row(r)
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
