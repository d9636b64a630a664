"""A task's update log (업데이트 기록): dated entries with who, what changed and a comment; add a comment."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.ui.feedback import show_error
from aict_desktop.ui.pages.base import make_table
from aict_desktop.ui.working_groups.models import UpdateLogModel, keep_service_order


class TaskLogView(QWidget):
    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.task_id: int | None = None
        self.model = UpdateLogModel(self)
        self.heading = QLabel(_("Update log"))
        self.heading.setStyleSheet("font-weight: bold;")
        self.table = make_table(self.model, name="task_log_table")
        self.table.setWordWrap(True)
        keep_service_order(self.table)
        header = self.table.horizontalHeader()
        for col, width in ((0, 150), (1, 80), (2, 300)):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(_("Add a comment to the log…"))
        self.add_button = QPushButton(_("Add comment"))
        row = QHBoxLayout()
        row.addWidget(self.comment, 1)
        row.addWidget(self.add_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.heading)
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        self._connect_signals()
        self.set_task(None)

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self.add_comment)
        self.comment.returnPressed.connect(self.add_comment)

    def set_task(self, task_id: int | None, title: str = "") -> None:
        self.task_id = task_id
        self.heading.setText(_("Update log — {title}").format(title=title) if title else _("Update log"))
        self.comment.setEnabled(task_id is not None)
        self.add_button.setEnabled(task_id is not None)
        self.reload()

    def reload(self) -> None:
        if self.task_id is None:
            self.model.set_rows([])
            return
        try:
            self.model.set_rows(list(reversed(self.services.tasks.updates(self.task_id))))  # newest first
        except DomainError as err:
            show_error(self, err)

    def add_comment(self) -> bool:
        if self.task_id is None:
            return False
        try:
            self.services.tasks.add_comment(self.task_id, self.comment.text())
        except DomainError as err:
            show_error(self, err)
            return False
        self.comment.clear()
        self.reload()
        return True
