"""The agenda of a meeting being prepared: 보고/심의/의결 items with presenter, ordered by drag or buttons.

Every change is written through the meeting service at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.domain.enums import AgendaKind
from aict_desktop.i18n import _
from aict_desktop.ui.meetings.common import attempt
from aict_desktop.ui.screen_text import term

ID_ROLE = Qt.ItemDataRole.UserRole


class AgendaList(QListWidget):
    """A list reordered by drag and drop; ``dropped`` is called with the new id order."""

    def __init__(self, dropped, parent: QWidget | None = None):
        super().__init__(parent)
        self._dropped = dropped
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().dropEvent(event)
        self._dropped(self.ids())

    def ids(self) -> list[int]:
        return [self.item(r).data(ID_ROLE) for r in range(self.count())]


class AgendaEditor(QWidget):
    def __init__(self, services, meeting_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.meeting_id = meeting_id
        self.list = AgendaList(self.reorder)
        self.kind = QComboBox()
        for k in AgendaKind:
            self.kind.addItem(term(k), k)
        self.title = QLineEdit(placeholderText=_("Agenda title"))
        self.presenter = QLineEdit(placeholderText=_("Presenter"))
        self.closed = QCheckBox(_("Closed session"))
        self.closed.setObjectName("agenda_closed")
        self.closed.setToolTip(_("Left out of the public version of the minutes"))
        self.add_button = QPushButton(_("Add"))
        self.save_button = QPushButton(_("Apply to selected"))
        self.up_button = QPushButton(_("▲ Up"))
        self.down_button = QPushButton(_("▼ Down"))
        self.remove_button = QPushButton(_("Delete"))
        grid = QGridLayout()
        grid.addWidget(self.kind, 0, 0)
        grid.addWidget(self.title, 0, 1)
        grid.addWidget(self.presenter, 0, 2)
        grid.addWidget(self.closed, 0, 3)
        grid.addWidget(self.add_button, 0, 4)
        grid.addWidget(self.save_button, 0, 5)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 1)
        moves = QHBoxLayout()
        for b in (self.up_button, self.down_button, self.remove_button):
            moves.addWidget(b)
        moves.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.list, 1)
        lay.addLayout(moves)
        lay.addLayout(grid)
        self.add_button.clicked.connect(self.add)
        self.title.returnPressed.connect(self.add)
        self.presenter.returnPressed.connect(self.add)
        self.save_button.clicked.connect(self.apply)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(+1))
        self.remove_button.clicked.connect(self.remove)
        self.list.currentRowChanged.connect(self._selected)
        self.set_meeting(meeting_id)

    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.setEnabled(meeting_id is not None)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.list.clear()
        if self.meeting_id is None:
            return
        for pos, it in enumerate(self.services.meetings.items(self.meeting_id), start=1):
            presenter = f" — {it.presenter}" if it.presenter else ""
            closed = " " + _("(closed)") if it.closed else ""
            row = QListWidgetItem(f"{pos}. [{term(it.kind)}] {it.title}{presenter}{closed}", self.list)
            row.setData(ID_ROLE, it.id)
            if it.id == select:
                self.list.setCurrentItem(row)

    def current_id(self) -> int | None:
        row = self.list.currentItem()
        return row.data(ID_ROLE) if row else None

    def _selected(self, _row: int) -> None:
        item_id = self.current_id()
        if item_id is None:
            return
        it = self.services.meetings.item(item_id)
        self.kind.setCurrentIndex(self.kind.findData(it.kind))
        self.title.setText(it.title)
        self.presenter.setText(it.presenter)
        self.closed.setChecked(it.closed)

    def add(self) -> None:
        if self.meeting_id is None:
            return
        item = attempt(self, lambda: self.services.meetings.add_item(
            self.meeting_id, self.title.text(), kind=self.kind.currentData(), presenter=self.presenter.text(),
            closed=self.closed.isChecked()))
        if item is not None:
            self.reload(select=item.id)  # selecting fills the fields with the new item: empty them for the next one
            self.title.clear()
            self.presenter.clear()
            self.closed.setChecked(False)
            self.title.setFocus()

    def apply(self) -> None:
        item_id = self.current_id()
        if item_id is not None and attempt(self, lambda: self.services.meetings.update_item(
                item_id, title=self.title.text(), kind=self.kind.currentData(), presenter=self.presenter.text(),
                closed=self.closed.isChecked())):
            self.reload(select=item_id)

    def move(self, delta: int) -> None:
        item_id = self.current_id()
        if item_id is not None:
            attempt(self, lambda: self.services.meetings.move_item(item_id, delta))
            self.reload(select=item_id)

    def reorder(self, ids: list[int]) -> None:
        item_id = self.current_id()
        attempt(self, lambda: self.services.meetings.reorder_items(self.meeting_id, ids))
        self.reload(select=item_id)

    def remove(self) -> None:
        item_id = self.current_id()
        if item_id is not None:
            attempt(self, lambda: self.services.meetings.remove_item(item_id))
            self.reload()
