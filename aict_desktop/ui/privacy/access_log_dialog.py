"""접속기록 viewer: newest first, search, the chain's state, export to .xlsx/.csv."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import N_, _
from aict_desktop.ui.screen_text import date_time
from aict_desktop.services.data_file import RETENTION_YEARS, action_label, check_log, entries, export_log
from aict_desktop.ui.base_dialog import BaseDialog
from aict_desktop.ui.feedback import show_error, status
from aict_desktop.ui.models.base import Column, RowTableModel

LIMIT = 5000


class AccessLogModel(RowTableModel):
    COLUMNS = (
        Column(N_("Entry"), lambda e: e.id, align_right=True),
        Column(N_("When"), lambda e: e.at, text=lambda e: date_time(e.at)),
        Column(N_("OS user"), lambda e: e.os_user),
        Column(N_("Action"), lambda e: action_label(e.action)),
        Column(N_("What"), lambda e: e.target),
        Column(N_("Whose data"), lambda e: e.subject),
        Column(N_("Detail"), lambda e: e.detail),
        Column(N_("Program"), lambda e: e.program),
    )


class AccessLogDialog(BaseDialog):
    state_key = "access_log_dialog"

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(_("Access log (접속기록)"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search: who, whose data, what"))
        self.search.setClearButtonEnabled(True)
        self.chain = QLabel("")
        self.chain.setWordWrap(True)
        self.model = AccessLogModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count = QLabel("")
        self.export_button = QPushButton(_("Export…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.export_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chain)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(1000, 560)
        self._connect_signals()
        self.reload()

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(lambda _t: self.reload())
        self.export_button.clicked.connect(self.export)

    def reload(self) -> None:
        rows = entries(self.store, search=self.search.text().strip(), limit=LIMIT)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.count.setText(_("{n} entries shown (newest first; kept at least {years} years).").format(
            n=len(rows), years=RETENTION_YEARS))
        log = check_log(self.store)  # the same checks as 'aict check'
        if log.problems:
            self.chain.setText("✘ " + log.problems[0])
            self.chain.setStyleSheet("color: #b3261e; font-weight: bold")
        else:
            text = "✔ " + _("The access log is intact: no entry has been altered or removed.")
            self.chain.setText("\n".join([text, *log.notes]))  # whether the seal was checked here
            self.chain.setStyleSheet("color: #1b5e20")

    def export_to(self, path: Path) -> int:
        n = export_log(self.store, path, search=self.search.text().strip())
        self.reload()
        return n

    def export(self) -> None:
        from aict_desktop.ui.documents import last_folder, remember_folder
        from aict_desktop.ui.file_dialogs import get_save_file_name

        path, _f = get_save_file_name(self, _("Export the access log"), str(Path(last_folder()) / "접속기록.xlsx"),
                                      _("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        remember_folder(path)
        try:
            n = self.export_to(Path(path))
        except DomainError as err:
            show_error(self, err)
            return
        status(self, _("Exported {n} access log entries to {path}.").format(n=n, path=path))

    @classmethod
    def ask(cls, store, parent: QWidget | None = None) -> None:
        cls(store, parent).exec()
