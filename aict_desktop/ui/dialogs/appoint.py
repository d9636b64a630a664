"""위촉: appoint one or more people to a body with role, kind and term (all or nothing)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QWidget

from aict_desktop.domain.enums import AppointmentKind, Role
from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.terms import default_term_end
from aict_desktop.i18n import _, fmt_range
from aict_desktop.ui.base_dialog import BaseDialog, FormDialog
from aict_desktop.ui.choices import body_items


class AppointDialog(FormDialog):
    state_key = "appoint_dialog"

    def __init__(self, services, people: list[tuple[int, str]], parent: QWidget | None = None,
                 body_id: int | None = None):
        super().__init__(parent)
        self.services = services
        self.people = people
        self.setWindowTitle(_("Appoint"))
        lay = self.layout_body
        names = ", ".join(name for _pid, name in people[:12]) + (" …" if len(people) > 12 else "")
        who = QLabel(_("Appoint {n} person(s): {names}").format(n=len(people), names=names))
        who.setWordWrap(True)
        lay.addWidget(who)
        self.form.combo("body_id", _("Body"), body_items(services))
        self.form.enum("role", _("Role"), Role)
        self.form.enum("kind", _("Appointment kind"), AppointmentKind)
        self.form.date("term_start", _("Term start"))
        self.form.date("term_end", _("Term end"), optional=True)
        self.form.check("partial_term", _("Remaining term"), _("Rest of a predecessor's term"))
        self.form.line("position_title", _("Position on the certificate"), _("(the person's position)"))
        self.term_hint = QLabel()
        self.term_hint.setStyleSheet("color: #555;")
        lay.addWidget(self.form)
        lay.addWidget(self.term_hint)
        self.add_buttons(_("Appoint"))
        self.form.set_values({"role": Role.MEMBER.value, "kind": AppointmentKind.APPOINTED.value,
                              "term_start": dt.date.today(), "body_id": body_id})
        self._connect_signals()
        self.propose_end()

    def _connect_signals(self) -> None:
        self.form.fields["body_id"].currentIndexChanged.connect(self.propose_end)
        self.form.fields["kind"].currentIndexChanged.connect(self.propose_end)
        self.form.fields["term_start"].dateChanged.connect(self.propose_end)

    def propose_end(self, *_args) -> None:
        """Term end = start + the body's default term − 1 day; none for 당연직."""
        v = self.form.values()
        end = None
        if v["body_id"] is not None and v["kind"] == AppointmentKind.APPOINTED.value:
            months = self.services.bodies.get_body(v["body_id"]).default_term_months
            end = default_term_end(v["term_start"], months)
            self.term_hint.setText(_("Term: {range} ({months} months)").format(
                range=fmt_range(v["term_start"], end), months=months))
        else:
            self.term_hint.setText(_("Ex officio members serve without a fixed term."))
        self.form.fields["term_end"].set_value(end)

    def save(self, v: dict) -> list:
        if v["body_id"] is None:
            raise ValidationError(_("Choose a body."), field="body_id")
        if not self.people:
            raise ValidationError(_("Choose the people to appoint."))
        return self.services.appointments.appoint_many(
            [pid for pid, _n in self.people], v["body_id"], role=v["role"], kind=v["kind"],
            term_start=v["term_start"], term_end=v["term_end"], partial_term=v["partial_term"],
            position_title=v["position_title"],
        )

    @classmethod
    def ask(cls, services, people: list[tuple[int, str]], parent: QWidget | None = None,
            body_id: int | None = None) -> list:
        dlg = cls(services, people, parent, body_id)
        return dlg.saved if dlg.exec() == BaseDialog.DialogCode.Accepted else []
