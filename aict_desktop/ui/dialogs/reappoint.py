"""연임: a new term following the current one (the old term stays as history).

Like the appoint dialog it shows what the body's rules say before saving (연임 limit, 중복위촉,
term length, the 성별 cap with its exception reason).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QWidget

from aict_desktop.domain.enums import Role
from aict_desktop.domain.errors import DomainError
from aict_desktop.domain.terms import default_term_end
from aict_desktop.i18n import _, fmt_range
from aict_desktop.ui.base_dialog import BaseDialog, FormDialog
from aict_desktop.ui.dialogs.appoint import RuleNotes


class ReappointDialog(FormDialog):
    state_key = "reappoint_dialog"

    def __init__(self, services, appointment_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.appointment = services.appointments.get(appointment_id)
        body = services.bodies.get_body(self.appointment.body_id)
        person = services.roster.get_person(self.appointment.person_id)
        self.months = body.default_term_months
        self.setWindowTitle(_("Renew term"))
        info = QLabel(_("{name} — {body}, current term {range}").format(
            name=person.name, body=body.name, range=fmt_range(self.appointment.term_start, self.appointment.term_end)))
        info.setWordWrap(True)
        self.layout_body.addWidget(info)
        self.form.enum("role", _("Role"), Role)
        self.form.date("term_start", _("New term start"))
        self.form.date("term_end", _("New term end"))
        self.notes = RuleNotes(self.form)
        self.layout_body.addWidget(self.form)
        self.layout_body.addWidget(self.notes)
        start = (self.appointment.term_end + dt.timedelta(days=1)) if self.appointment.term_end else dt.date.today()
        self.form.set_values({"role": self.appointment.role.value, "term_start": start,
                              "term_end": default_term_end(start, self.months)})
        self.add_buttons(_("Renew"))
        self.form.fields["term_start"].dateChanged.connect(self._propose_end)
        self.form.fields["term_end"].dateChanged.connect(self.refresh_check)
        self.refresh_check()

    @property
    def result_appointment(self):
        """The new term's appointment, once saved."""
        return self.saved

    def _propose_end(self, *_a) -> None:
        start = self.form.values()["term_start"]
        self.form.fields["term_end"].set_value(default_term_end(start, self.months))
        self.refresh_check()

    def refresh_check(self, *_args) -> None:
        """What the body's rules say about the new term, shown before saving."""
        v, a = self.form.values(), self.appointment
        try:
            check = self.services.appointments.check(a.person_id, a.body_id, kind=a.kind, term_start=v["term_start"],
                                                     term_end=v["term_end"], previous_id=a.id)
        except DomainError as err:
            self.notes.show_check(None, error=err.message)
            return
        self.notes.show_check(check, v["term_start"])

    def save(self, v: dict):
        self.refresh_check()
        return self.services.appointments.reappoint(
            self.appointment.id, term_start=v["term_start"], term_end=v["term_end"], role=v["role"],
            exception_reason=self.notes.reason_text())

    @classmethod
    def ask(cls, services, appointment_id: int, parent: QWidget | None = None):
        dlg = cls(services, appointment_id, parent)
        return dlg.saved if dlg.exec() == BaseDialog.DialogCode.Accepted else None
