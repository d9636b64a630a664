"""기구: committees, networks, councils and their working groups (분과)."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from aict_desktop.domain.enums import (
    BodyKind,
    DecisionQuorumRule,
    OpenQuorumRule,
    TieRule,
)
from aict_desktop.i18n import _
from aict_desktop.ui.choices import body_items, optional
from aict_desktop.ui.documents import DocumentActions
from aict_desktop.ui.models.bodies import BodyTableModel
from aict_desktop.ui.pages.base import EntityPage
from aict_desktop.ui.widgets.form import enum_items, fill_combo
from aict_desktop.ui.widgets.search_box import text_matcher


class BodiesPage(EntityPage):
    page_key = "bodies"
    column_widths = (240, 80, 180, 170, 80)

    def title(self) -> str:
        return _("Bodies")

    def subtitle(self) -> str:
        return _("Committees, networks and councils, with their working groups, terms and quorum rules.")

    def make_model(self):
        return BodyTableModel(self)

    def build_filters(self, bar) -> None:
        bar.add_choice("kind", _("Kind"), enum_items(BodyKind))

    def build_form(self, form) -> None:
        form.line("name", _("Body name"))
        form.line("short_name", _("Short name"))
        form.enum("kind", _("Kind"), BodyKind)
        form.combo("parent_id", _("Parent body"))
        form.line("issuer", _("Appointing authority"), _("e.g. 서울특별시 서초구청장"))
        form.integer("default_term_months", _("Default term"), 1, 120, _(" months"))
        seats = form.integer("seats", _("Seats (정원)"), 0, 9999, _(" members"))
        seats.setSpecialValueText(_("(not set)"))
        seats.setToolTip(_("The number of members the body's 조례 sets; the annual report counts the vacancies"))
        form.enum("open_quorum", _("Quorum to open"), OpenQuorumRule)
        form.enum("decision_quorum", _("Quorum to decide"), DecisionQuorumRule)
        form.enum("tie_rule", _("Tie rule"), TieRule)
        form.line("contact", _("Contact"))
        form.text("description", _("Description"))

    def build_actions(self, row) -> None:
        self.documents = DocumentActions(self, self.services)
        self.roster_button = QPushButton(_("Roster preview…"))
        self.roster_button.clicked.connect(self.preview_roster)
        self.export_button = QPushButton(_("Roster to Excel…"))
        self.export_button.clicked.connect(lambda: self.export_roster("xlsx"))
        self.csv_button = QPushButton(_("Roster to CSV…"))
        self.csv_button.clicked.connect(lambda: self.export_roster("csv"))
        for b in (self.roster_button, self.export_button, self.csv_button):
            b.setEnabled(self.documents.available("exports"))
            row.addWidget(b)
        row.addStretch(1)

    def refresh_choices(self) -> None:
        fill_combo(self.form.fields["parent_id"], optional(body_items(self.services), _("(top level)")))

    def load_rows(self):
        return self.services.bodies.list_bodies()

    def filter_rows(self, rows):
        kind = self.filters.value("kind")
        match = text_matcher(self.filters.text())
        return [r for r in rows if (not kind or r.kind == kind) and (match is None or match(r.name))]

    def load_record(self, row):
        return self.services.bodies.get_body(row.id)

    def defaults(self):
        return {"kind": BodyKind.COMMITTEE.value, "default_term_months": 24, "parent_id": None}

    def new_title(self) -> str:
        return _("New body")

    def create(self, values):
        return self.services.bodies.create_body(**values)

    def update(self, record_id, values, expected_version, original):
        return self.services.bodies.update_body(record_id, values, expected_version=expected_version, original=original)

    def delete(self, record_id):
        self.services.bodies.delete_body(record_id)

    def record_loaded(self, record) -> None:
        has = record is not None and self.documents.available("exports")
        for b in (self.roster_button, self.export_button, self.csv_button):
            b.setEnabled(has)

    def preview_roster(self) -> None:
        if self._current is not None:
            body = self._current
            self.documents.preview(lambda: self.services.exports.roster_pdf(body.id),
                                   _("Roster — {body}").format(body=body.name), f"{body.name} 위원 명단.pdf")

    def export_roster(self, fmt: str) -> None:
        if self._current is None:
            return
        body = self._current
        fn = self.services.exports.roster_xlsx if fmt == "xlsx" else self.services.exports.roster_csv
        self.documents.save_file(lambda: fn(body.id), f"{body.name} 위원 명단.{fmt}")

    def print_current(self) -> None:
        self.preview_roster()
