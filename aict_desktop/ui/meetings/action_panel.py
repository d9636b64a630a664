"""Meeting mode's action items: added from the item being discussed, they become tasks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.i18n import _
from aict_desktop.ui.meetings.common import attempt
from aict_desktop.ui.models.action_items import ActionItemsTableModel
from aict_desktop.ui.widgets.table import make_table

_NO_DATE = QDate(2000, 1, 1)


class ActionItemsPanel(QWidget):
    def __init__(self, services, tools, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.tools = tools
        self.meeting_id = meeting_id
        self.model = ActionItemsTableModel(self)
        self.table = make_table(self.model, multi=True, name="action_items")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ActionItemsTableModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.title = QLineEdit(placeholderText=_("New action item (Enter adds it)"))
        self.title.setObjectName("action_title")
        self.owner = QComboBox()
        self.due = QDateEdit()
        self.due.setDisplayFormat("yyyy. M. d.")
        self.due.setCalendarPopup(True)
        self.due.setMinimumDate(_NO_DATE)
        self.due.setSpecialValueText(_("(no due date)"))
        self.due.setDate(_NO_DATE)
        self.add_button = QPushButton(_("Add action item"))
        self.remove_button = QPushButton(_("Remove"))
        form = QHBoxLayout()
        form.addWidget(self.owner, 2)
        form.addWidget(self.due, 1)
        form.addWidget(self.add_button)
        form.addWidget(self.remove_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table)
        lay.addWidget(self.title)
        lay.addLayout(form)
        self.add_button.clicked.connect(self.add)
        self.title.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.reload_owners()
        self.reload()

    def reload_owners(self) -> None:
        self.owner.clear()
        self.owner.addItem(_("(owner)"), None)
        for person_id, label in self.tools.actions.owner_choices(self.meeting_id):
            self.owner.addItem(label, person_id)

    @property
    def agenda_item_id(self) -> int | None:
        return self.model.agenda_item_id

    @property
    def rows(self) -> list:
        """The action items as the table shows them (the order of the sort the user chose)."""
        return self.model.rows()

    def reload(self) -> None:
        """Read the list again; the table keeps its selection and scroll position."""
        self.model.refresh_rows(self.tools.actions.for_meeting(self.meeting_id))

    def set_agenda_item(self, item_id: int | None) -> None:
        self.model.set_agenda_item(item_id)
        self.reload()

    def due_value(self) -> dt.date | None:
        q = self.due.date()
        return None if q == _NO_DATE else dt.date(q.year(), q.month(), q.day())

    def add(self) -> None:
        title = self.title.text()
        if not title.strip():
            self.title.setFocus()
            return
        task = attempt(self, lambda: self.tools.actions.add(
            self.meeting_id, title, agenda_item_id=self.agenda_item_id,
            owner_person_id=self.owner.currentData(), due_on=self.due_value()))
        if task is None:
            return
        self.title.clear()
        self.owner.setCurrentIndex(0)
        self.due.setDate(_NO_DATE)
        self.reload()
        self.title.setFocus()

    def selected_ids(self) -> list[int]:
        """The selected action items (several with Shift or Ctrl), else the current one."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [self.model.row(r).id for r in rows if 0 <= r < self.model.rowCount()]

    def remove(self) -> None:
        """Take back the selected action items; a refused one (work started) stops with its message."""
        ids = self.selected_ids()
        removed = 0
        for task_id in ids:
            if not attempt(self, lambda task_id=task_id: self.tools.actions.remove(task_id) or True):
                break
            removed += 1
        if removed:
            self.reload()

    def set_locked(self, locked: bool) -> None:
        for w in (self.title, self.owner, self.due, self.add_button, self.remove_button):
            w.setEnabled(not locked)
