"""Add or edit a milestone of a working group's execution plan (실행 계획)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from aict_desktop.domain.enums import TaskStatus
from aict_desktop.i18n import _
from aict_desktop.ui.base_dialog import BaseDialog, FormDialog


class MilestoneDialog(FormDialog):
    state_key = "milestone_dialog"

    def __init__(self, services, body_id: int, milestone=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.body_id = body_id
        self.milestone = milestone
        self.setWindowTitle(_("Edit milestone") if milestone else _("New milestone"))
        self.form.line("title", _("Milestone"), _("e.g. AI 전문 자격 교육과정 설계"))
        self.form.line("period", _("Period"), _("e.g. 2025 3분기, 2025 하반기 (empty: from the due date)"))
        self.form.date("due_on", _("Due"), optional=True)
        self.form.enum("status", _("Status"), TaskStatus)
        self.form.text("note", _("Note"), 60)
        if milestone is not None:
            self.form.set_values(milestone)
        self.layout_body.addWidget(self.form)
        self.add_buttons()
        self.resize(460, 320)

    def save(self, v: dict):
        if self.milestone is None:
            return self.services.groups.add_milestone(self.body_id, v["title"], period=v["period"],
                                                      due_on=v["due_on"], status=v["status"], note=v["note"])
        return self.services.groups.update_milestone(self.milestone.id, v)

    @classmethod
    def ask(cls, parent, services, body_id: int, milestone=None):
        dlg = cls(services, body_id, milestone, parent)
        return dlg.saved if dlg.exec() == BaseDialog.DialogCode.Accepted else None
