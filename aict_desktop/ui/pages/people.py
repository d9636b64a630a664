"""위원: people, searched as you type (초성 too), appointed in bulk from a selection."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from aict_desktop.domain.enums import AppointmentStatus, Role
from aict_desktop.domain.errors import DomainError
from aict_desktop.domain.rules import DEFAULT_TAX_KIND, Gender, TaxKind, tax_kind_of
from aict_desktop.i18n import _, fmt_range
from aict_desktop.ui.choices import body_items, institution_items, optional
from aict_desktop.ui.models.base import enum_label
from aict_desktop.ui.models.people import PersonTableModel
from aict_desktop.ui.pages.base import EntityPage
from aict_desktop.ui.widgets.form import fill_combo
from aict_desktop.ui.widgets.search_box import text_matcher


class PeopleTab(EntityPage):
    page_key = "people"
    multi_select = True
    column_widths = (90, 200, 120, 110, 180)

    def title(self) -> str:
        return _("People")

    def subtitle(self) -> str:
        return _("Select several people and press 'Appoint…' to appoint them together.")

    def search_placeholder(self) -> str:
        return _("Name or institution (초성 too, e.g. ㅎㄱㄷ or 홍ㄱ)")

    def make_model(self):
        return PersonTableModel(self)

    def build_filters(self, bar) -> None:
        bar.add_choice("body", _("Serving in"), [])
        self._body_people: dict[int, set[int]] = {}

    def build_form(self, form) -> None:
        form.line("name", _("Name"))
        form.search_combo("institution_id", _("Institution"))
        form.line("department", _("Department"))
        form.line("position", _("Position"))
        form.enum("gender", _("Gender"), Gender)
        form.fields["gender"].setToolTip(_("Counted for the gender balance of appointed members (양성평등기본법 제21조)"))
        form.line("birth_year", _("Birth year"), _("e.g. 1975 (optional)")).setMaxLength(4)
        form.line("email", _("E-mail"))
        form.line("mobile", _("Mobile"), "010-0000-0000")
        form.check("is_public_official", _("Public official"), _("Public official (no allowance by default)"))
        form.enum("tax_kind", _("Tax treatment"), TaxKind)  # 원천징수 구분, saved by services.allowances
        form.fields["tax_kind"].setToolTip(_("How this person's attendance allowance is taxed (원천징수): "
                                             "the tax officer decides; 기타소득 unless told otherwise"))
        form.text("note", _("Note"), 60)
        self.appointments_label = QLabel()
        self.appointments_label.setWordWrap(True)
        self.appointments_label.setStyleSheet("color: #333;")
        form.layout_.addRow(_("Appointments"), self.appointments_label)
        from aict_desktop.ui.privacy.masked_field import BANK, RRN, MaskedField

        self.rrn_field = MaskedField(self.services.personal, RRN)
        self.bank_field = MaskedField(self.services.personal, BANK)
        form.layout_.addRow(_("Resident registration number"), self.rrn_field)
        form.layout_.addRow(_("Bank account"), self.bank_field)

    def build_actions(self, row) -> None:
        self.appoint_button = QPushButton(_("Appoint…"))
        self.appoint_button.setToolTip(_("Appoint the selected people to a body"))
        self.appoint_button.clicked.connect(self.appoint_selected)
        self.below_table.addWidget(self.appoint_button)
        self.import_button = QPushButton(_("Import from Excel/CSV…"))
        self.import_button.clicked.connect(self.open_import)
        row.addWidget(self.import_button)
        row.addStretch(1)

    def refresh_choices(self) -> None:
        fill_combo(self.form.fields["institution_id"], optional(institution_items(self.services), _("(no institution)")))
        self.filters.set_items("body", [(label, bid) for label, bid in body_items(self.services)])
        self._body_people = {}

    def load_rows(self):
        return self.services.roster.list_people()

    def filter_rows(self, rows):
        body_id = self.filters.value("body")
        if body_id is not None:
            if body_id not in self._body_people:
                self._body_people[body_id] = {
                    a.person_id for a in self.services.appointments.list(body_id=body_id, current_only=True)
                }
            ids = self._body_people[body_id]
            rows = [r for r in rows if r.id in ids]
        match = text_matcher(self.filters.text())
        if match is not None:
            insts = {name for name in {r.institution for r in rows} if name and match(name)}
            rows = [r for r in rows if match(r.name) or r.institution in insts]
        return rows

    def load_record(self, row):
        return self.services.roster.get_person(row.id)

    def record_values(self, record) -> dict:
        values = super().record_values(record)
        values["birth_year"] = "" if record.birth_year is None else str(record.birth_year)  # as the line edit shows it
        values["tax_kind"] = tax_kind_of(record.tax_kind).value
        return values

    def defaults(self) -> dict:
        return {"gender": Gender.UNKNOWN.value, "tax_kind": DEFAULT_TAX_KIND.value}

    def new_title(self) -> str:
        return _("New person")

    def create(self, values):
        values = dict(values)
        kind = values.pop("tax_kind", None)
        return self._save_tax_kind(self.services.roster.create_person(**values), kind)

    def update(self, record_id, values, expected_version, original):
        values = dict(values)
        kind = values.pop("tax_kind", None)
        person = self.services.roster.update_person(record_id, values, expected_version=expected_version,
                                                    original=original) if values else self._current
        return self._save_tax_kind(person, kind)

    def _save_tax_kind(self, person, kind):
        """The tax kind goes through ``services.allowances`` (it owns the 원천징수 rules)."""
        if kind is None or tax_kind_of(person.tax_kind).value == kind:
            return person
        try:
            self.services.allowances.set_tax_kind(person.id, kind)
        except DomainError:
            # the rest is saved: edit that person from here on (never create them twice), the refused
            # kind still in the combo, so pressing Save again retries only the tax kind
            self._current = person
            self._original = self.record_values(person)
            self.delete_button.setEnabled(True)
            raise
        return self.services.roster.get_person(person.id)

    def delete(self, record_id):
        self.services.roster.delete_person(record_id)

    def record_loaded(self, record) -> None:
        self.rrn_field.set_person(record.id if record is not None else None)
        self.bank_field.set_person(record.id if record is not None else None)
        if record is None:
            self.appointments_label.setText(_("(none)"))
            return
        lines = [
            _("{body} {role} · {range} · {status}").format(
                body=a.body, role=enum_label(Role, a.role), range=fmt_range(a.term_start, a.term_end),
                status=enum_label(AppointmentStatus, a.status))
            for a in self.services.appointments.list(person_id=record.id)
        ]
        self.appointments_label.setText("\n".join(lines) or _("(none)"))

    def appoint_selected(self) -> None:
        from aict_desktop.ui.dialogs.appoint import AppointDialog

        people = [(r.id, r.name) for r in self.selected_rows()]
        if not people:
            self.form.show_message(_("Select the people to appoint in the table first."), error=True)
            return
        if AppointDialog.ask(self.services, people, self):
            self._body_people = {}
            self.refresh()

    def open_import(self) -> None:
        from aict_desktop.ui.dialogs.import_wizard import ImportWizard

        if ImportWizard.ask(self.services, "people", self):
            self.refresh()
