"""위촉: appoint one or more people to a body with role, kind and term (all or nothing).

Before saving, the dialog shows what the body's rules say (``AppointmentService.check_many``):
the composition without and with the new members, warnings (연임, 중복위촉) and refusals
(term too long); when the 성별 cap would be broken, a reason for the exception is required.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from aict_desktop.domain.enums import AppointmentKind, Role
from aict_desktop.domain.errors import DomainError, ValidationError
from aict_desktop.domain.terms import default_term_end
from aict_desktop.i18n import _, fmt_date, fmt_range
from aict_desktop.services.composition import Appointee, AppointmentCheck
from aict_desktop.ui.base_dialog import BaseDialog, FormDialog
from aict_desktop.ui.choices import body_items
from aict_desktop.ui.widgets.form import ERROR_STYLE, FormPanel

WARNING_STYLE = "color: #8a5a00;"


class RuleNotes(QWidget):
    """What the rules say about the appointment being entered, and the exception reason when one is needed.

    Adds the ``exception_reason`` field to ``form`` (call it after the other fields); the row shows
    only while the 성별 cap needs an exception.
    """

    def __init__(self, form: FormPanel, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = form
        self.check: AppointmentCheck | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.composition = QLabel()
        self.composition.setObjectName("composition")
        self.composition.setStyleSheet("color: #333;")
        self.refusals = QLabel()
        self.refusals.setObjectName("refusals")
        self.refusals.setStyleSheet(ERROR_STYLE)
        self.warnings = QLabel()
        self.warnings.setObjectName("warnings")
        self.warnings.setStyleSheet(WARNING_STYLE)
        for label in (self.composition, self.refusals, self.warnings):
            label.setWordWrap(True)
            label.setVisible(False)
            lay.addWidget(label)
        self.reason = form.text("exception_reason", _("Reason for the exception"), 50)
        self.reason.setPlaceholderText(_("Why the body is appointed this way (recorded with the counts)"))
        self._show_reason(False)

    def _show_reason(self, visible: bool) -> None:
        self.form.layout_.setRowVisible(self.reason.parentWidget(), visible)
        self.reason.setEnabled(visible)

    @staticmethod
    def _set(label: QLabel, lines: list[str]) -> None:
        label.setText("\n".join(lines))
        label.setVisible(bool(lines))

    def show_check(self, check: AppointmentCheck | None, on: dt.date | None = None,
                   error: str | None = None) -> None:
        self.check = check
        if check is None:
            self._set(self.composition, [])
            self._set(self.warnings, [])
            self._set(self.refusals, [error] if error else [])
            self._show_reason(False)
            return
        lines = []
        if check.before is not None:
            lines.append(_("On {date}: {counts}").format(date=fmt_date(on) if on else "", counts=check.before.describe()))
        if check.after is not None and check.after != check.before:
            lines.append(_("With this appointment: {counts}").format(counts=check.after.describe()))
        self._set(self.composition, lines)
        self._set(self.refusals, check.refusals)
        notes = list(check.warnings)
        if check.gender_problem:
            notes.append(check.gender_problem + " " + _("To appoint anyway, give the reason for the exception "
                                                          "below; it is recorded."))
        self._set(self.warnings, notes)
        self._show_reason(bool(check.gender_problem))

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip() if self.check and self.check.gender_problem else ""


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
        self.notes = RuleNotes(self.form)
        lay.addWidget(self.form)
        lay.addWidget(self.term_hint)
        lay.addWidget(self.notes)
        self.add_buttons(_("Appoint"))
        self.form.set_values({"role": Role.MEMBER.value, "kind": AppointmentKind.APPOINTED.value,
                              "term_start": dt.date.today(), "body_id": body_id})
        self._connect_signals()
        self.propose_end()

    def _connect_signals(self) -> None:
        self.form.fields["body_id"].currentIndexChanged.connect(self.propose_end)
        self.form.fields["kind"].currentIndexChanged.connect(self.propose_end)
        self.form.fields["term_start"].dateChanged.connect(self.propose_end)
        self.form.fields["term_end"].dateChanged.connect(self.refresh_check)

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
        self.refresh_check()

    def refresh_check(self, *_args) -> None:
        """What the body's rules say about this appointment, shown before saving."""
        v = self.form.values()
        if v["body_id"] is None or not self.people:
            self.notes.show_check(None)
            return
        try:
            check = self.services.appointments.check_many(
                [Appointee(pid, kind=v["kind"], term_start=v["term_start"], term_end=v["term_end"])
                 for pid, _n in self.people], v["body_id"])
        except DomainError as err:
            self.notes.show_check(None, error=err.message)
            return
        self.notes.show_check(check, v["term_start"])

    def save(self, v: dict) -> list:
        if v["body_id"] is None:
            raise ValidationError(_("Choose a body."), field="body_id")
        if not self.people:
            raise ValidationError(_("Choose the people to appoint."))
        self.refresh_check()
        return self.services.appointments.appoint_many(
            [pid for pid, _n in self.people], v["body_id"], role=v["role"], kind=v["kind"],
            term_start=v["term_start"], term_end=v["term_end"], partial_term=v["partial_term"],
            position_title=v["position_title"], exception_reason=self.notes.reason_text(),
        )

    @classmethod
    def ask(cls, services, people: list[tuple[int, str]], parent: QWidget | None = None,
            body_id: int | None = None) -> list:
        dlg = cls(services, people, parent, body_id)
        return dlg.saved if dlg.exec() == BaseDialog.DialogCode.Accepted else []
