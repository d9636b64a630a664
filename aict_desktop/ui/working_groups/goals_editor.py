"""A working group's 목표 and 실행 계획, edited in place and saved with optimistic locking."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.ui.feedback import status
from aict_desktop.ui.widgets.form import ERROR_STYLE, INFO_STYLE


class GoalsEditor(QWidget):
    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.body_id: int | None = None
        self.version: int | None = None
        self.goals = QPlainTextEdit()
        self.goals.setObjectName("goals")
        self.goals.setPlaceholderText(_("What the group means to achieve, e.g. 주민 AI 교육 1,000명"))
        self.plan = QPlainTextEdit()
        self.plan.setObjectName("plan")
        self.plan.setPlaceholderText(_("How and when, per quarter or half year"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(_("Save goals and plan"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(_("Goals")))
        lay.addWidget(self.goals, 1)
        lay.addWidget(QLabel(_("Execution plan")))
        lay.addWidget(self.plan, 2)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.save_button)
        lay.addLayout(row)
        self.save_button.clicked.connect(self.save)

    def set_body(self, body) -> None:
        self.body_id = body.id if body else None
        self.version = body.version if body else None
        self.goals.setPlainText(body.goals if body else "")
        self.plan.setPlainText(body.plan if body else "")
        self.message.clear()
        self.setEnabled(body is not None)

    def save(self) -> bool:
        if self.body_id is None:
            return False
        try:
            body = self.services.groups.set_goals(self.body_id, goals=self.goals.toPlainText(),
                                                  plan=self.plan.toPlainText(), expected_version=self.version)
        except DomainError as err:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(err.message)
            return False
        self.version = body.version
        self.message.setStyleSheet(INFO_STYLE)
        self.message.setText(_("Saved."))
        status(self, _("Goals and plan saved."))
        return True
