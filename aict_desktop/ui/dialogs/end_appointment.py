"""해촉 / 사임: end an appointment on a date, with a note (kept as history)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QWidget

from aict_desktop.domain.enums import AppointmentStatus
from aict_desktop.i18n import _
from aict_desktop.ui.base_dialog import BaseDialog, FormDialog


class EndAppointmentDialog(FormDialog):
    state_key = "end_appointment_dialog"

    def __init__(self, services, appointment_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.appointment_id = appointment_id
        appt = services.appointments.get(appointment_id)
        person = services.roster.get_person(appt.person_id)
        self.setWindowTitle(_("End appointment"))
        self.layout_body.addWidget(QLabel(_("End the appointment of {name}.").format(name=person.name)))
        self.form.combo("reason", _("Reason"), [
            (_("Dismissal (해촉)"), AppointmentStatus.DISMISSED.value),
            (_("Resignation (사임)"), AppointmentStatus.RESIGNED.value),
        ])
        self.form.date("on", _("Effective date"))
        self.form.text("note", _("Note"), 60)
        self.form.set_values({"on": dt.date.today()})
        self.layout_body.addWidget(self.form)
        self.add_buttons(_("End appointment"))

    def save(self, v: dict):
        return self.services.appointments.end(self.appointment_id, v["reason"], on=v["on"], note=v["note"])

    @classmethod
    def ask(cls, services, appointment_id: int, parent: QWidget | None = None):
        dlg = cls(services, appointment_id, parent)
        return dlg.saved if dlg.exec() == BaseDialog.DialogCode.Accepted else None
