"""해촉 / 사임: end an appointment on a date, with a note (kept as history)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from aict_desktop.domain.enums import AppointmentStatus
from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.ui.base_dialog import BaseDialog
from aict_desktop.ui.widgets.form import FormPanel


class EndAppointmentDialog(BaseDialog):
    state_key = "end_appointment_dialog"

    def __init__(self, services, appointment_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.appointment_id = appointment_id
        appt = services.appointments.get(appointment_id)
        person = services.roster.get_person(appt.person_id)
        self.result_appointment = None
        self.setWindowTitle(_("End appointment"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(_("End the appointment of {name}.").format(name=person.name)))
        self.form = FormPanel()
        self.form.combo("reason", _("Reason"), [
            (_("Dismissal (해촉)"), AppointmentStatus.DISMISSED.value),
            (_("Resignation (사임)"), AppointmentStatus.RESIGNED.value),
        ])
        self.form.date("on", _("Effective date"))
        self.form.text("note", _("Note"), 60)
        self.form.set_values({"on": dt.date.today()})
        lay.addWidget(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("End appointment"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        lay.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def submit(self) -> bool:
        v = self.form.values()
        try:
            self.result_appointment = self.services.appointments.end(
                self.appointment_id, v["reason"], on=v["on"], note=v["note"])
        except DomainError as err:
            self.form.show_error(err)
            return False
        self.accept()
        return True

    @classmethod
    def ask(cls, services, appointment_id: int, parent: QWidget | None = None):
        dlg = cls(services, appointment_id, parent)
        return dlg.result_appointment if dlg.exec() == BaseDialog.DialogCode.Accepted else None
