"""연임: a new term following the current one (the old term stays as history)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from aict_desktop.domain.enums import Role
from aict_desktop.domain.errors import DomainError
from aict_desktop.domain.terms import default_term_end
from aict_desktop.i18n import _, fmt_range
from aict_desktop.ui.base_dialog import BaseDialog
from aict_desktop.ui.widgets.form import FormPanel


class ReappointDialog(BaseDialog):
    state_key = "reappoint_dialog"

    def __init__(self, services, appointment_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.appointment = services.appointments.get(appointment_id)
        body = services.bodies.get_body(self.appointment.body_id)
        person = services.roster.get_person(self.appointment.person_id)
        self.months = body.default_term_months
        self.result_appointment = None
        self.setWindowTitle(_("Renew term"))
        lay = QVBoxLayout(self)
        info = QLabel(_("{name} — {body}, current term {range}").format(
            name=person.name, body=body.name, range=fmt_range(self.appointment.term_start, self.appointment.term_end)))
        info.setWordWrap(True)
        lay.addWidget(info)
        self.form = FormPanel()
        self.form.enum("role", _("Role"), Role)
        self.form.date("term_start", _("New term start"))
        self.form.date("term_end", _("New term end"))
        lay.addWidget(self.form)
        start = (self.appointment.term_end + dt.timedelta(days=1)) if self.appointment.term_end else dt.date.today()
        self.form.set_values({"role": self.appointment.role.value, "term_start": start,
                              "term_end": default_term_end(start, self.months)})
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Renew"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        lay.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.form.fields["term_start"].dateChanged.connect(self._propose_end)

    def _propose_end(self, *_a) -> None:
        start = self.form.values()["term_start"]
        self.form.fields["term_end"].set_value(default_term_end(start, self.months))

    def submit(self) -> bool:
        v = self.form.values()
        try:
            self.result_appointment = self.services.appointments.reappoint(
                self.appointment.id, term_start=v["term_start"], term_end=v["term_end"], role=v["role"])
        except DomainError as err:
            self.form.show_error(err)
            return False
        self.accept()
        return True

    @classmethod
    def ask(cls, services, appointment_id: int, parent: QWidget | None = None):
        dlg = cls(services, appointment_id, parent)
        return dlg.result_appointment if dlg.exec() == BaseDialog.DialogCode.Accepted else None
