"""가져오기: institutions or people from .xlsx / .csv (UTF-8 or CP949).

Choose the file, see every row with the reason each bad row is refused, and
import all or nothing through the same service as ``aict import``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.ui.base_dialog import BaseDialog
from aict_desktop.ui.choices import body_items, optional
from aict_desktop.ui.documents import last_folder, remember_folder
from aict_desktop.ui.feedback import error_text
from aict_desktop.ui.models.import_rows import ImportRowsModel
from aict_desktop.ui.pages.base import make_table
from aict_desktop.ui.widgets.form import fill_combo
from aict_desktop.ui.worker import run_in_background


class ImportWizard(BaseDialog):
    state_key = "import_wizard"

    def __init__(self, services, kind: str = "institutions", parent: QWidget | None = None):
        super().__init__(parent)

        self.importer = services.importing
        self.services = services
        self.preview_result = None
        self.imported = 0
        self.job = None
        self.setWindowTitle(_("Import from Excel/CSV"))
        self.resize(900, 560)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = QComboBox()
        fill_combo(self.kind, [(_("Institutions"), "institutions"), (_("People"), "people")], keep=False)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        form.addRow(_("What the file holds"), self.kind)
        self.path = QLineEdit()
        self.path.setPlaceholderText(_(".xlsx or .csv (UTF-8 or CP949)"))
        browse = QPushButton(_("Choose file…"))
        browse.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        form.addRow(_("File"), file_row)
        self.body = QComboBox()
        fill_combo(self.body, optional(body_items(services), _("(no body)")), keep=False)
        self.body.setToolTip(_("Make every row a member institution or an appointee of this body"))
        form.addRow(_("Add to body"), self.body)
        self.exception_reason = QLineEdit()
        self.exception_reason.setPlaceholderText(_("Why the body is appointed this way (recorded with the counts)"))
        self.exception_reason.setToolTip(_(
            "Only when appointing the people would put one gender over the body's cap (양성평등기본법 제21조)"))
        form.addRow(_("Reason for the exception"), self.exception_reason)
        lay.addLayout(form)
        self.summary = QLabel(_("Choose a file to see its rows."))
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.model = ImportRowsModel(self)
        self.table = make_table(self.model, name="import_rows")
        lay.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.check_button = QPushButton(_("Check again"))
        self.import_button = QPushButton(_("Import"))
        self.import_button.setEnabled(False)
        self.close_button = QPushButton(_("Close"))
        for b in (browse, self.check_button, self.import_button, self.close_button):
            b.setAutoDefault(False)  # Enter in the file field checks the file; it must not open the file chooser
        for b in (self.check_button, self.import_button, self.close_button):
            buttons.addWidget(b)
        lay.addLayout(buttons)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self._close)
        self.kind.currentIndexChanged.connect(lambda _i: self.check())
        self.body.currentIndexChanged.connect(lambda _i: self.check())
        self.path.editingFinished.connect(self.check)
        self.exception_reason.editingFinished.connect(self.check)

    def choose_file(self) -> None:
        from aict_desktop.ui.file_dialogs import get_open_file_name

        path, _f = get_open_file_name(self, _("Choose the file to import"), last_folder(),
                                      _("Excel or CSV (*.xlsx *.csv)"))
        if path:
            remember_folder(path)
            self.set_file(path)

    def set_file(self, path: str | Path) -> None:
        self.path.setText(str(path))
        self.check()

    def check(self) -> None:
        """Read and check the whole file; nothing is changed."""
        self.import_button.setEnabled(False)
        text = self.path.text().strip()
        if not text:
            return
        try:
            pv = self.importer.preview(self.kind.currentData(), Path(text), self.body.currentData(),
                                       exception_reason=self._reason())
        except DomainError as err:
            self.preview_result = None
            self.model.set_preview([], [])
            self._say(err.message, error=True)
            return
        self.preview_result = pv
        self.model.set_preview(pv.headers, pv.rows)
        self.table.resizeColumnsToContents()
        bad = [r for r in pv.rows if r.problems]
        file_level = [p.describe() for p in pv.problems if p.row_number is None]
        sheet = [_("Sheet read: {sheet}").format(sheet=pv.sheet)] if pv.sheet else []
        if pv.ok:
            text = _("{n} rows are ready to import.").format(n=len(pv.rows))
            if pv.new_institutions:
                text += " " + _("New institutions will be added: {names}").format(names=", ".join(pv.new_institutions))
            if pv.ignored_columns:
                text += " " + _("Columns not used: {names}").format(names=", ".join(pv.ignored_columns))
            similar = [_("{name} — did you mean the existing '{existing}'?").format(name=n, existing=e)
                       for n, e in pv.similar_institutions.items()]
            self._say("\n".join([text, *sheet, *pv.notes, *similar]))
            self.import_button.setEnabled(True)
        else:
            parts = file_level + ([_("{bad} of {n} rows have problems (in red; the reason is in the last column). "
                                     "Fix the file and check again: nothing is imported while any row is bad.").format(
                bad=len(bad), n=len(pv.rows))] if bad else [])
            if not parts:
                parts = [p.describe() for p in pv.problems] or [_("The file has no rows to import.")]
            if pv.more_problems:
                parts.append(_("… and {n} more problems.").format(n=pv.more_problems))
            self._say("\n".join([*parts, *sheet, *pv.notes]), error=True)

    def _reason(self) -> str:
        """The 성별 exception reason, for people appointed to a body (ignored otherwise)."""
        if self.kind.currentData() != "people" or self.body.currentData() is None:
            return ""
        return self.exception_reason.text().strip()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.summary.setStyleSheet("color: #b3261e;" if error else "color: #1b6e20;")
        self.summary.setText(text)

    def start_import(self) -> None:
        if self.preview_result is None or not self.preview_result.ok:
            return
        kind, path, body_id = self.kind.currentData(), Path(self.path.text().strip()), self.body.currentData()
        reason = self._reason()
        self.import_button.setEnabled(False)
        self.job = run_in_background(self, lambda: self.importer.run(kind, path, body_id, exception_reason=reason),
                                     on_success=self._done,
                                     on_failure=self._failed, label=_("Importing…"), cancellable=False)

    def _done(self, result) -> None:
        if result.problems:
            lines = [p.describe() for p in result.problems] + ([result.more_text()] if result.more_problems else [])
            self._say("\n".join(lines) + "\n" + _("Nothing was imported."), error=True)
            return
        self.imported = result.rows
        self._say(_("Imported {n} rows.").format(n=result.rows))
        self.accept()

    def _failed(self, err: BaseException) -> None:
        self._say(error_text(err) + "\n" + _("Nothing was imported."), error=True)

    def _close(self) -> None:
        if self.imported:
            self.accept()
        else:
            self.reject()

    @classmethod
    def ask(cls, services, kind: str = "institutions", parent: QWidget | None = None) -> int:
        """Returns the number of rows imported (0 when nothing was)."""
        dlg = cls(services, kind, parent)
        dlg.exec()
        return dlg.imported
