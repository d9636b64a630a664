"""Add or edit a programme (공모, 교육과정, 특강, 해커톤, 페스타) run by a working group."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from aict_desktop.domain.enums import ProgramKind
from aict_desktop.i18n import _
from aict_desktop.ui.base_dialog import BaseDialog, FormDialog
from aict_desktop.ui.choices import body_items
from aict_desktop.ui.widgets.form import fill_combo


class ProgramDialog(FormDialog):
    state_key = "program_dialog"

    def __init__(self, services, body_id: int | None, program=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.program = program
        self.setWindowTitle(_("Edit programme") if program else _("New programme"))
        self.form.enum("kind", _("Kind"), ProgramKind)
        self.form.line("title", _("Programme"), _("e.g. 주민 대상 AI 특강"))
        self.form.combo("body_id", _("Organised by"))
        fill_combo(self.form.fields["body_id"], body_items(services), keep=False)
        self.form.date("held_on", _("Date"), optional=True)
        self.form.date("ends_on", _("End date"), optional=True)
        self.form.line("place", _("Place"))
        self.form.integer("participants", _("Participants"), 0, 1_000_000, _(" people"))
        self.form.text("note", _("Note"), 60)
        self.form.set_values({"body_id": body_id})
        if program is not None:
            self.form.set_values(program)
        self.layout_body.addWidget(self.form)
        self.add_buttons()
        self.resize(480, 420)

    def save(self, v: dict):
        if self.program is None:
            return self.services.groups.add_program(**v)
        return self.services.groups.update_program(self.program.id, v)

    @classmethod
    def ask(cls, parent, services, body_id: int | None, program=None):
        dlg = cls(services, body_id, program, parent)
        return dlg.saved if dlg.exec() == BaseDialog.DialogCode.Accepted else None
