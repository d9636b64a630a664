"""위촉 현황: every appointment with filters; 연임, 해촉/사임 and the term history."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from aict_desktop.config import Settings
from aict_desktop.domain.enums import AppointmentKind, AppointmentStatus, Role
from aict_desktop.i18n import _
from aict_desktop.ui.choices import body_items
from aict_desktop.ui.models.appointments import AppointmentTableModel, appointment_order
from aict_desktop.ui.pages.base import EntityPage
from aict_desktop.ui.widgets.form import enum_items
from aict_desktop.ui.widgets.search_box import text_matcher


class AppointmentsTab(EntityPage):
    page_key = "appointments"
    column_widths = (80, 160, 170, 70, 60, 95, 95, 70)

    def title(self) -> str:
        return _("Appointments")

    def subtitle(self) -> str:
        return _("Terms in red end within the number of days set in Settings.")

    def search_placeholder(self) -> str:
        return _("Name or institution (초성 too)")

    def make_model(self):
        return AppointmentTableModel(self, expiring_days=self.expiring_days())

    def expiring_days(self) -> int:
        """The program setting "Warn of terms ending within N days" (read each time: 설정 may change it)."""
        return (self.settings or Settings).expiring_days

    def build_filters(self, bar) -> None:
        self._names: dict[int, str] = {}
        bar.add_choice("body", _("Body"), [])
        bar.add_choice("status", _("Status"), enum_items(AppointmentStatus))
        bar.add_days("expiring", _("Expiring within"), self.model.expiring_days)

    def build_form(self, form) -> None:
        form.line("person_name", _("Name")).setReadOnly(True)
        form.enum("role", _("Role"), Role)
        form.enum("kind", _("Appointment kind"), AppointmentKind)
        form.date("term_start", _("Term start"))
        form.date("term_end", _("Term end"), optional=True)
        form.check("partial_term", _("Remaining term"), _("Rest of a predecessor's term"))
        form.line("position_title", _("Position on the certificate"))
        form.text("note", _("Note"), 60)

    def build_actions(self, row) -> None:
        self.new_button.setText(_("Appoint…"))
        self.reappoint_button = QPushButton(_("Renew term…"))
        self.end_button = QPushButton(_("Dismissal / resignation…"))
        self.history_button = QPushButton(_("Term history"))
        self.reappoint_button.clicked.connect(self.reappoint)
        self.end_button.clicked.connect(self.end_appointment)
        self.history_button.clicked.connect(self.show_history)
        for b in (self.reappoint_button, self.end_button, self.history_button):
            row.addWidget(b)
        row.addStretch(1)

    def refresh_choices(self) -> None:
        self.filters.set_items("body", body_items(self.services))

    def load_rows(self):
        self.model.set_expiring_days(self.expiring_days())
        # per body, the serving members first, each group in role order (위원장 … 간사)
        return sorted(self.services.appointments.list(),
                      key=lambda r: (r.body_id, r.status != AppointmentStatus.SERVING.value, appointment_order(r)))

    def filter_rows(self, rows):
        body = self.filters.value("body")
        status = self.filters.value("status")
        days = self.filters.value("expiring")
        match = text_matcher(self.filters.text())
        out = []
        for r in rows:
            if body is not None and r.body_id != body:
                continue
            if status and r.status != status:
                continue
            if days is not None and not self.model.is_expiring(r, days):
                continue
            if match is not None and not (match(r.person) or match(r.institution)):
                continue
            out.append(r)
        return out

    def load_record(self, row):
        self._names[row.id] = row.person  # shown read-only
        return self.services.appointments.get(row.id)

    def record_values(self, record):
        values = super().record_values(record)
        values["person_name"] = self._names.get(record.id, "")
        return values

    def describe(self, record) -> str:
        return _("Appointment of {name}").format(name=self._names.get(record.id, ""))

    def new_title(self) -> str:
        return _("Select an appointment")

    def record_loaded(self, record) -> None:
        ended = record is None or bool(record.end_reason)
        self.reappoint_button.setEnabled(not ended and record.term_end is not None)
        self.end_button.setEnabled(not ended)
        self.history_button.setEnabled(record is not None)
        self.save_button.setEnabled(record is not None)

    def new_record(self) -> None:
        """'Appoint…' here opens the people tab's picker through the container page."""
        parent = self.parent()
        while parent is not None and not hasattr(parent, "show_people"):
            parent = parent.parent()
        if parent is not None:
            parent.show_people()

    def update(self, record_id, values, expected_version, original):
        values = {k: v for k, v in values.items() if k != "person_name"}
        return self.services.appointments.update(record_id, values, expected_version=expected_version,
                                                 original=original)

    def delete(self, record_id):
        self.services.appointments.delete(record_id)

    def reappoint(self) -> None:
        from aict_desktop.ui.dialogs.reappoint import ReappointDialog

        if self._current is not None and ReappointDialog.ask(self.services, self._current.id, self):
            self.refresh()

    def end_appointment(self) -> None:
        from aict_desktop.ui.dialogs.end_appointment import EndAppointmentDialog

        if self._current is not None and EndAppointmentDialog.ask(self.services, self._current.id, self):
            self.refresh()

    def show_history(self) -> None:
        from aict_desktop.ui.dialogs.history import HistoryDialog

        if self._current is not None:
            HistoryDialog.ask(self.services, self._current.id, self)
