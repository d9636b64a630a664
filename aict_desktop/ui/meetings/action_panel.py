"""Meeting mode's action items: added from the item being discussed, they become tasks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.i18n import _, fmt_date
from aict_desktop.ui.meetings.common import attempt

_NO_DATE = QDate(2000, 1, 1)


class ActionItemsPanel(QWidget):
    def __init__(self, services, tools, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.tools = tools
        self.meeting_id = meeting_id
        self.agenda_item_id: int | None = None
        self.rows = []
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("Action item"), _("Owner"), _("Due"), _("Agenda item")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
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

    def reload(self) -> None:
        self.rows = self.tools.actions.for_meeting(self.meeting_id)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, text in enumerate((row.title, row.owner, fmt_date(row.due) if row.due else "", row.agenda_title)):
                item = QTableWidgetItem(text)
                if row.agenda_item_id == self.agenda_item_id:
                    item.setForeground(Qt.GlobalColor.darkBlue)
                self.table.setItem(r, c, item)

    def set_agenda_item(self, item_id: int | None) -> None:
        self.agenda_item_id = item_id
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

    def remove(self) -> None:
        r = self.table.currentRow()
        if 0 <= r < len(self.rows) and attempt(self, lambda: self.tools.actions.remove(self.rows[r].id) or True):
            self.reload()

    def set_locked(self, locked: bool) -> None:
        for w in (self.title, self.owner, self.due, self.add_button, self.remove_button):
            w.setEnabled(not locked)
