"""가져오기: institutions or people from .xlsx / .csv (UTF-8 or CP949), or cells pasted from Excel.

Choose the file (or paste the cells: 붙여넣기 or Ctrl+V), see every row with the
reason each bad row is refused, and import all or nothing through the same
service as ``aict import``. Checking and importing run in the worker with a
progress bar and 취소 in the window, so the wizard stays responsive.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
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
from aict_desktop.services.import_readers import PastedText
from aict_desktop.services.import_results import ImportCancelled
from aict_desktop.services.import_template import build_template, template_name
from aict_desktop.ui.base_dialog import BaseDialog
from aict_desktop.ui.choices import body_items, optional
from aict_desktop.ui.dialogs.import_columns_hint import ColumnsHint
from aict_desktop.ui.dialogs.import_progress import ImportProgressRow
from aict_desktop.ui.documents import ask_save_path, held_open_message, last_folder, remember_folder, write_bytes
from aict_desktop.ui.feedback import error_text
from aict_desktop.ui.models.import_rows import ImportRowsModel
from aict_desktop.ui.pages.base import make_table
from aict_desktop.ui.widgets.form import fill_combo
from aict_desktop.ui.worker import run_in_background

RESIZE_SAMPLE_ROWS = 200  # column widths from the first rows: measuring 130,000 rows would freeze the window


class ImportWizard(BaseDialog):
    state_key = "import_wizard"

    def __init__(self, services, kind: str = "institutions", parent: QWidget | None = None):
        super().__init__(parent)

        self.importer = services.importing
        self.services = services
        self.preview_result = None
        self.imported = 0
        self.job = None  # the import being written
        self.check_job = None  # the check running now (a newer check replaces it)
        self.pasted: PastedText | None = None
        self._importing = False
        self._last_check = None  # what the last check was asked for: unchanged, leaving a field checks nothing
        self._stop = threading.Event()  # 취소 during the import: the service rolls back before the commit
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
        self.browse_button = QPushButton(_("Choose file…"))
        self.browse_button.clicked.connect(self.choose_file)
        self.paste_button = QPushButton(_("Paste cells"))
        self.paste_button.setToolTip(_("Select the cells in Excel, the header row first, copy them (Ctrl+C), then "
                                       "click here or press Ctrl+V. This also works for DRM-protected files."))
        self.paste_button.clicked.connect(self.paste)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse_button)
        file_row.addWidget(self.paste_button)
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
        self.columns_hint = ColumnsHint(self)  # the columns the file needs, and 양식 저장…
        lay.addWidget(self.columns_hint)
        self._show_columns()
        self.summary = QLabel(_("Choose a file, or copy the cells in Excel and paste them (Ctrl+V)."))
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.progress = ImportProgressRow(self)
        lay.addWidget(self.progress)
        self.model = ImportRowsModel(self)
        self.table = make_table(self.model, name="import_rows")
        self.table.horizontalHeader().setResizeContentsPrecision(RESIZE_SAMPLE_ROWS)
        lay.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.check_button = QPushButton(_("Check again"))
        self.import_button = QPushButton(_("Import"))
        self.import_button.setEnabled(False)
        self.close_button = QPushButton(_("Close"))
        for b in (self.browse_button, self.paste_button, self.check_button, self.import_button, self.close_button):
            b.setAutoDefault(False)  # Enter in the file field checks the file; it must not open the file chooser
        for b in (self.check_button, self.import_button, self.close_button):
            buttons.addWidget(b)
        lay.addLayout(buttons)
        self.paste_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.check_button.clicked.connect(lambda: self.check(force=True))
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self._close)
        self.progress.cancel_button.clicked.connect(self.cancel)
        self.paste_shortcut.activated.connect(self.paste)  # a text field's own Ctrl+V pastes into the field
        self.kind.currentIndexChanged.connect(lambda _i: self.check())
        self.body.currentIndexChanged.connect(lambda _i: self.check())
        self.kind.currentIndexChanged.connect(self._show_columns)
        self.body.currentIndexChanged.connect(self._show_columns)
        self.columns_hint.save_button.clicked.connect(self.save_template)
        self.path.returnPressed.connect(lambda: self.check(force=True))  # Enter reads the file again
        self.path.editingFinished.connect(self._path_edited)
        self.exception_reason.editingFinished.connect(self.check)

    # --- the columns and the template ---------------------------------------------------------

    def _show_columns(self, *_args) -> None:
        self.columns_hint.show_for(self.kind.currentData(), appointing=self.body.currentData() is not None)

    def save_template(self) -> None:
        """양식 저장…: an .xlsx with the columns of the chosen kind (and the appointment columns when a body is
        chosen) and one example row this wizard accepts."""
        kind, body_id = self.kind.currentData(), self.body.currentData()
        path = ask_save_path(self, template_name(kind), _("Save the import template"))
        if not path:
            return
        months = next((b.default_term_months for b in self.services.bodies.list_bodies() if b.id == body_id), 24)
        try:
            write_bytes(path, build_template(kind, appointing=body_id is not None, term_months=months))
        except OSError as exc:
            self._say(held_open_message(path, exc), error=True)
            return
        self._say(_("Template saved: {path}. Fill it in below the header (replace the example row), save it, "
                    "then choose it here.").format(path=path))

    # --- the table to read -----------------------------------------------------------------

    def choose_file(self) -> None:
        from aict_desktop.ui.file_dialogs import get_open_file_name

        path, _f = get_open_file_name(self, _("Choose the file to import"), last_folder(),
                                      _("Excel or CSV (*.xlsx *.csv)"))
        if path:
            remember_folder(path)
            self.set_file(path)

    def set_file(self, path: str | Path) -> None:
        self.pasted = None
        self.path.setText(str(path))
        self.check(force=True)  # the same file chosen again: read it again (it may have been corrected)

    def _path_edited(self) -> None:
        if self.path.text().strip():
            self.pasted = None  # typing a path reads the file again, not the pasted cells
        self.check()

    def paste(self) -> None:
        """The cells on the clipboard (Excel puts tab-separated text there), checked like a file."""
        if self.busy_importing:
            return
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None and mime.hasText() else ""
        self.pasted = PastedText(text)
        self.path.clear()
        self.path.setPlaceholderText(_("Pasted cells ({n} lines)").format(n=len(text.splitlines())))
        self.check(force=True)

    def _source(self):
        if self.pasted is not None:
            return self.pasted
        text = self.path.text().strip()
        return Path(text) if text else None

    # --- checking (in the worker) -----------------------------------------------------------

    @property
    def busy(self) -> bool:
        """A check or an import is running."""
        return self.check_job is not None or self.busy_importing

    @property
    def busy_importing(self) -> bool:
        return self._importing

    def check(self, *, force: bool = False) -> None:
        """Read and check the whole table in the worker; nothing is changed. A newer check replaces one
        still running; leaving a field that did not change checks nothing again (a click on 가져오기 takes the
        focus from the file field: that must import, not start a new check)."""
        if self.busy_importing:
            return
        source = self._source()
        kind, body_id, reason = self.kind.currentData(), self.body.currentData(), self._reason()
        asked = (kind, source, body_id, reason)
        if not force and asked == self._last_check:
            return
        self._last_check = asked
        self.import_button.setEnabled(False)
        self._drop_check()
        if source is None:
            return

        def work(progress, cancelled):
            return self.importer.preview(kind, source, body_id, exception_reason=reason, progress=progress,
                                         cancelled=cancelled)

        self.progress.start(_("Reading the file…"))
        job = run_in_background(self, work, show_progress=False, on_progress=self.progress.report,
                                on_success=lambda pv: self._checked(job, pv),
                                on_failure=lambda err: self._check_failed(job, err))
        self.check_job = job

    def _drop_check(self) -> None:
        if self.check_job is not None:
            self.check_job.cancel()  # its result is discarded; the worker stops at its next step
            self.check_job = None
            self.progress.stop()

    def _check_failed(self, job, err: BaseException) -> None:
        if job is not self.check_job:
            return
        self.check_job = None
        self.progress.stop()
        self.preview_result = None
        self.model.set_preview([], [])
        self._say(err.message if isinstance(err, DomainError) else error_text(err), error=True)

    def _checked(self, job, pv) -> None:
        if job is not self.check_job:
            return
        self.check_job = None
        self.progress.stop()
        self.preview_result = pv
        self.model.set_preview(pv.headers, pv.rows)
        self.table.resizeColumnsToContents()
        bad = sum(1 for r in pv.rows if r.problems)
        file_level = [p.describe() for p in pv.problems if p.row_number is None]
        sheet = [_("Sheet read: {sheet}").format(sheet=pv.sheet)] if pv.sheet else []
        if pv.ok:
            text = _("{n} rows are ready to import.").format(n=len(pv.rows))
            if pv.new_institutions:
                text += " " + _("New institutions will be added: {names}").format(names=_names(pv.new_institutions))
            if pv.ignored_columns:
                text += " " + _("Columns not used: {names}").format(names=", ".join(pv.ignored_columns))
            similar = [_("{name} — did you mean the existing '{existing}'?").format(name=n, existing=e)
                       for n, e in list(pv.similar_institutions.items())[:10]]
            self._say("\n".join([text, *sheet, *pv.notes, *similar]))
            self.import_button.setEnabled(True)
        else:
            parts = file_level + ([_("{bad} of {n} rows have problems (in red; the reason is in the last column). "
                                     "Fix the file and check again: nothing is imported while any row is bad.").format(
                bad=bad, n=len(pv.rows))] if bad else [])
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

    # --- importing (in the worker) ----------------------------------------------------------

    def start_import(self) -> None:
        if self.preview_result is None or not self.preview_result.ok or self.busy:
            return
        kind, source, body_id = self.kind.currentData(), self._source(), self.body.currentData()
        reason = self._reason()
        self._stop.clear()
        self._importing = True  # before the fields are disabled: the file field's editingFinished must not check
        self._inputs_enabled(False)

        def work(progress):
            return self.importer.run(kind, source, body_id, exception_reason=reason, progress=progress,
                                     cancelled=self._stop.is_set)

        self.progress.start(_("Importing…"))
        self.job = run_in_background(self, work, on_success=self._done, on_failure=self._failed,
                                     on_progress=self.progress.report, show_progress=False, cancellable=False)

    def cancel(self) -> None:
        """취소: a check stops at once; an import stops before its commit (then nothing was changed)."""
        if self.busy_importing:
            self._stop.set()
            self.progress.cancelling()
        elif self.check_job is not None:
            self._drop_check()
            self._last_check = None  # not checked: leaving a field checks it after all
            self._say(_("Check cancelled. Nothing was changed."), error=True)

    def _inputs_enabled(self, on: bool) -> None:
        for w in (self.kind, self.path, self.browse_button, self.paste_button, self.body, self.exception_reason,
                  self.check_button, self.close_button, self.columns_hint.save_button):
            w.setEnabled(on)
        self.import_button.setEnabled(False)

    def _done(self, result) -> None:
        self._importing = False
        self.progress.stop()
        self._inputs_enabled(True)
        if result.problems:
            lines = [p.describe() for p in result.problems] + ([result.more_text()] if result.more_problems else [])
            self._say("\n".join(lines) + "\n" + _("Nothing was imported."), error=True)
            return
        self.imported = result.rows
        self._say(_("Imported {n} rows.").format(n=result.rows))
        self.accept()

    def _failed(self, err: BaseException) -> None:
        self._importing = False
        self.progress.stop()
        self._inputs_enabled(True)
        if isinstance(err, ImportCancelled):
            self._say(_("Import cancelled. Nothing was imported."), error=True)
            self.import_button.setEnabled(self.preview_result is not None and self.preview_result.ok)
            return
        self._say(error_text(err) + "\n" + _("Nothing was imported."), error=True)

    def _close(self) -> None:
        if self.imported:
            self.accept()
        else:
            self.reject()

    def reject(self) -> None:
        if self.busy_importing:
            return  # Esc while writing: 취소 stops it safely; closing would hide whether it finished
        self._drop_check()
        super().reject()

    @classmethod
    def ask(cls, services, kind: str = "institutions", parent: QWidget | None = None) -> int:
        """Returns the number of rows imported (0 when nothing was)."""
        dlg = cls(services, kind, parent)
        dlg.exec()
        return dlg.imported


def _names(names: list[str], limit: int = 20) -> str:
    """A list of names for the summary; a bulk file's thousands shortened to the first ones and a count."""
    if len(names) <= limit:
        return ", ".join(names)
    return _("{names} and {n} more").format(names=", ".join(names[:limit]), n=len(names) - limit)
