"""기관: institutions with sector, contacts and the bodies they take part in."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QPushButton

from aict_desktop.domain.enums import Sector
from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.ui.choices import body_items
from aict_desktop.ui.documents import DocumentActions
from aict_desktop.ui.feedback import show_error, status
from aict_desktop.ui.models.institutions import InstitutionTableModel
from aict_desktop.ui.pages.base import EntityPage
from aict_desktop.ui.widgets.form import enum_items
from aict_desktop.ui.widgets.search_box import text_matcher


class InstitutionsPage(EntityPage):
    page_key = "institutions"
    column_widths = (220, 110, 50, 60, 260)

    def title(self) -> str:
        return _("Institutions")

    def subtitle(self) -> str:
        return _("Institutions by sector (산·학·연·관) and the bodies they take part in.")

    def search_placeholder(self) -> str:
        return _("Search institutions (초성 too, e.g. ㅅㅇㄷ)")

    def make_model(self):
        return InstitutionTableModel(self)

    def build_filters(self, bar) -> None:
        bar.add_choice("body", _("Body"), [])
        bar.add_choice("sector", _("Sector"), enum_items(Sector))

    def build_form(self, form) -> None:
        form.line("name", _("Institution name"))
        form.enum("sector", _("Sector"), Sector)
        form.line("phone", _("Telephone"), "02-000-0000")
        form.line("address", _("Address"))
        form.line("homepage", _("Homepage"))
        form.text("note", _("Note"))

    def build_actions(self, row) -> None:
        self.import_button = QPushButton(_("Import from Excel/CSV…"))
        self.import_button.clicked.connect(self.open_import)
        self.join_button = QPushButton(_("Add to a body…"))
        self.join_button.clicked.connect(self.add_to_body)
        self.documents = DocumentActions(self, self.services)
        self.list_button = QPushButton(_("List of member institutions…"))  # 참여기관 명단
        self.list_button.setObjectName("participants_list")
        self.list_button.setToolTip(_("The member institutions of the body chosen in the filter, by sector, to print"))
        self.list_button.clicked.connect(lambda: self.print_current())
        row.addWidget(self.import_button)
        row.addWidget(self.join_button)
        row.addWidget(self.list_button)
        row.addStretch(1)

    def refresh_choices(self) -> None:
        self._bodies = body_items(self.services)
        self.filters.set_items("body", [(label, label.strip("　")) for label, _i in self._bodies])

    def load_rows(self):
        return self.services.roster.list_institutions()

    def print_current(self) -> None:
        """Ctrl+P: the 참여기관 명단 of the body in the filter (asked when none is chosen)."""
        name = self.filters.value("body")
        if not name:
            names = [label.strip("　") for label, _i in self._bodies]
            if not names:
                status(self, _("There is no body yet."))
                return
            name, ok = QInputDialog.getItem(self, _("List of member institutions"), _("Body:"), names, 0, False)
            if not ok:
                return
        body_id = next(i for label, i in self._bodies if label.strip("　") == name)
        roster = self.services.roster
        title = f"{name} 참여기관 명단"
        self.documents.preview(lambda: roster.participants_document(body_id, "pdf"), title, f"{title}.pdf")

    def filter_rows(self, rows):
        body = self.filters.value("body")
        sector = self.filters.value("sector")
        match = text_matcher(self.filters.text())
        if body:
            rows = [r for r in rows if body in r.bodies]
        if sector:
            rows = [r for r in rows if r.sector == sector]
        if match:
            rows = [r for r in rows if match(r.name)]
        return rows

    def load_record(self, row):
        return self.services.roster.get_institution(row.id)

    def defaults(self):
        return {"sector": Sector.OTHER.value}

    def new_title(self) -> str:
        return _("New institution")

    def create(self, values):
        return self.services.roster.create_institution(**values)

    def update(self, record_id, values, expected_version, original):
        return self.services.roster.update_institution(record_id, values, expected_version=expected_version,
                                                       original=original)

    def delete(self, record_id):
        self.services.roster.delete_institution(record_id)

    def record_loaded(self, record) -> None:
        self.join_button.setEnabled(record is not None)

    def add_to_body(self) -> None:
        if self._current is None or not self._bodies:
            return
        labels = [label.strip("　") for label, _i in self._bodies]
        label, ok = QInputDialog.getItem(self, _("Add to a body"), _("Body the institution takes part in:"), labels, 0, False)
        if not ok:
            return
        body_id = self._bodies[labels.index(label)][1]
        try:
            self.services.roster.add_membership(self._current.id, body_id)
        except DomainError as err:
            show_error(self, err)
            return
        status(self, _("'{inst}' now takes part in {body}.").format(inst=self._current.name, body=label))
        self.refresh()

    def open_import(self) -> None:
        from aict_desktop.ui.dialogs.import_wizard import ImportWizard

        if ImportWizard.ask(self.services, "institutions", self):
            self.refresh()
