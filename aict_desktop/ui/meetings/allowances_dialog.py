"""참석수당 of one meeting: the computed list, a manual amount per person with a reason, PDF and .xlsx."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from aict_desktop import i18n
from aict_desktop.i18n import _
from aict_desktop.ui.meetings.common import attempt, save_document
from aict_desktop.ui.models.allowances import OBSERVER, AllowancesTableModel, computed_note
from aict_desktop.ui.screen_text import won
from aict_desktop.ui.widgets.table import ColumnWidths, make_table
from aict_desktop.ui.worker import Job

__all__ = ["OBSERVER", "AllowancesDialog", "computed_note"]


class AllowancesDialog(QDialog):
    def __init__(self, services, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.meeting_id = meeting_id
        self.setWindowTitle(_("Attendance allowances"))
        self.resize(860, 520)
        self.model = AllowancesTableModel(self)
        self.table = make_table(self.model, name="allowances")
        self.widths = ColumnWidths("allowances_dialog", self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(AllowancesTableModel.COL_NOTE, QHeaderView.ResizeMode.Stretch)
        # an amount set by hand later (₩1,000,000) is never cut, whatever width the rows were fitted to
        header.setSectionResizeMode(AllowancesTableModel.COL_AMOUNT, QHeaderView.ResizeMode.ResizeToContents)
        self.total = QLabel()
        self.total.setStyleSheet("font-weight: bold;")
        self.amount = QSpinBox(maximum=10_000_000, singleStep=10_000)
        if i18n.language() == "ko":
            self.amount.setSuffix("원")
        else:
            self.amount.setPrefix("₩")
        self.amount.setGroupSeparatorShown(True)
        self.reason = QLineEdit(placeholderText=_("Reason for the manual amount (required)"))
        self.set_button = QPushButton(_("Set amount"))
        self.clear_button = QPushButton(_("Use computed amount"))
        self.pdf_button = QPushButton(_("Payment list (PDF)"))
        self.xlsx_button = QPushButton(_("Payment list (.xlsx)"))
        edit = QHBoxLayout()
        edit.addWidget(self.amount)
        edit.addWidget(self.reason, 1)
        edit.addWidget(self.set_button)
        edit.addWidget(self.clear_button)
        out = QHBoxLayout()
        out.addWidget(self.total, 1)
        out.addWidget(self.pdf_button)
        out.addWidget(self.xlsx_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(edit)
        lay.addLayout(out)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._selected())
        self.set_button.clicked.connect(self.set_amount)
        self.clear_button.clicked.connect(self.clear_amount)
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.save("xlsx"))
        self.reload()

    @property
    def lines(self) -> list:
        """The lines as the table shows them (the order of the sort the user chose)."""
        return self.model.rows()

    def reload(self, select: int | None = None) -> None:
        """Compute the list again; the table keeps its selection and scroll (or selects ``select``)."""
        self.model.refresh_rows(self.services.allowances.compute(self.meeting_id))
        self.widths.rows_shown(self.model.rowCount())
        r = self.model.index_of_key(select) if select is not None else -1
        if r >= 0:
            self.table.selectRow(r)
        self._selected()
        lines = self.model.all_rows()
        self.total.setText(_("Total: {amount} for {n} people").format(
            amount=won(sum(ln.amount for ln in lines)), n=sum(1 for ln in lines if ln.amount)))

    def _current(self):
        r = self.table.currentIndex().row()
        return self.model.row(r) if 0 <= r < self.model.rowCount() else None

    def _selected(self) -> None:
        ln = self._current()
        if ln is not None:
            self.amount.setValue(ln.amount)
            self.reason.setText(ln.note if ln.overridden else "")

    def set_amount(self) -> None:
        ln = self._current()
        if ln is not None and attempt(self, lambda: self.services.allowances.set_override(
                ln.attendance_id, self.amount.value(), self.reason.text()) or True):
            self.reload(select=ln.attendance_id)

    def clear_amount(self) -> None:
        ln = self._current()
        if ln is not None and attempt(self, lambda: self.services.allowances.set_override(ln.attendance_id, None) or True):
            self.reload(select=ln.attendance_id)

    def done(self, result: int) -> None:  # OK, Esc or the close box
        self.widths.save()  # the widths fitted to the rows or dragged by hand, for next time
        super().done(result)

    def save(self, fmt: str, path: str | Path | None = None) -> Job | None:
        """The 지급 조서 as PDF or .xlsx, made in the background; the job, or None when no file was chosen."""
        if path is None:
            from aict_desktop.ui.documents import ask_save_path

            m = self.services.meetings.get(self.meeting_id)
            path = ask_save_path(self, f"{m.title} 참석수당.{fmt}", _("Save payment list"))  # the paper's name
            if not path:
                return None
        make = self.services.exports.allowances_pdf if fmt == "pdf" else self.services.exports.allowances_xlsx
        meeting_id = self.meeting_id
        self.last_job = save_document(self, lambda: make(meeting_id), path)
        return self.last_job
