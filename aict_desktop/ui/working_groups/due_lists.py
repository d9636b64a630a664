"""Overdue and due-this-week task lists (지연 과제 / 이번 주 마감), optionally for one group."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _, fmt_date
from aict_desktop.services.tasks import week_end
from aict_desktop.ui.feedback import show_error
from aict_desktop.ui.models.base import RowRole
from aict_desktop.ui.pages.base import make_table
from aict_desktop.ui.working_groups.models import OverdueTableModel, keep_service_order


class DueLists(QWidget):
    task_activated = Signal(int)  # a task id, double-clicked

    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.body_id: int | None = None
        self.overdue_model = OverdueTableModel(self)
        self.week_model = OverdueTableModel(self)
        self.overdue_label = QLabel()
        self.week_label = QLabel()
        for lab in (self.overdue_label, self.week_label):
            lab.setStyleSheet("font-weight: bold;")
        self.overdue_table = make_table(self.overdue_model, name="overdue_table")
        self.week_table = make_table(self.week_model, name="due_week_table")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for lab, table in ((self.overdue_label, self.overdue_table), (self.week_label, self.week_table)):
            keep_service_order(table)
            table.setColumnWidth(0, 240)
            table.setColumnWidth(1, 150)
            lay.addWidget(lab)
            lay.addWidget(table, 1)
        self.overdue_table.doubleClicked.connect(lambda i: self._activate(self.overdue_table, i))
        self.week_table.doubleClicked.connect(lambda i: self._activate(self.week_table, i))

    def _activate(self, table, index) -> None:
        row = table.model().data(index, RowRole)
        if row is not None:
            self.task_activated.emit(row.id)

    def set_body(self, body_id: int | None) -> None:
        self.body_id = body_id
        self.reload()

    def reload(self) -> None:
        filters = {} if self.body_id is None else {"body_id": self.body_id, "include_subgroups": True}
        try:
            overdue = self.services.tasks.overdue(**filters)
            week = self.services.tasks.due_this_week(**filters)
        except DomainError as err:
            show_error(self, err)
            return
        self.overdue_model.set_rows(overdue)
        self.week_model.set_rows(week)
        self.overdue_label.setText(_("Overdue tasks ({n})").format(n=len(overdue)))
        until = fmt_date(week_end(self.services.tasks.today()))
        self.week_label.setText(_("Due this week, until {date} ({n})").format(date=until, n=len(week)))
