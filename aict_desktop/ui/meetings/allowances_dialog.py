"""참석수당 of one meeting: the computed list, a manual amount per person with a reason, PDF and .xlsx."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aict_desktop import i18n
from aict_desktop.domain.enums import AppointmentKind, AttendanceStatus
from aict_desktop.domain.rules.tax import TaxKind
from aict_desktop.i18n import N_, _
from aict_desktop.ui.meetings.common import attempt, save_document
from aict_desktop.ui.screen_text import term_of, won
from aict_desktop.ui.worker import Job


OBSERVER = "배석"  # the category of a 배석자 on the 지급 조서
_NOTES = {"당연직 공무원 미지급": N_("Ex officio public official: not paid"), "서면 참석": N_("Written participation"),
          "대리출석": N_("Present by proxy")}


def computed_note(note: str) -> str:
    """The 지급 조서's note of a computed line (Korean, as printed) in the UI language; a typed reason is
    never passed here (it is the user's own text)."""
    if i18n.language() == "ko" or not note:
        return note
    parts = []
    for part in note.split(", "):
        proxy = re.fullmatch(r"대리출석\((.*)\)", part)
        extra = re.fullmatch(r"2시간 초과 \+([\d,]+)원", part)
        if part in _NOTES:
            parts.append(_(_NOTES[part]))
        elif proxy:
            parts.append(_("Present by proxy ({name})").format(name=proxy.group(1)))
        elif extra:
            parts.append(_("over two hours +{amount}").format(amount=won(int(extra.group(1).replace(",", "")))))
        else:
            parts.append(term_of(TaxKind, part))
    return ", ".join(parts)


class AllowancesDialog(QDialog):
    def __init__(self, services, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.meeting_id = meeting_id
        self.lines = []
        self.setWindowTitle(_("Attendance allowances"))
        self.resize(860, 520)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([_("Name"), _("Affiliation"), _("Kind"), _("Attendance"),
                                              _("Amount"), _("Note")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
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
        self.table.currentCellChanged.connect(lambda *_a: self._selected())
        self.set_button.clicked.connect(self.set_amount)
        self.clear_button.clicked.connect(self.clear_amount)
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.save("xlsx"))
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.lines = self.services.allowances.compute(self.meeting_id)
        self.table.setRowCount(len(self.lines))
        for r, ln in enumerate(self.lines):
            note = ln.note + " " + _("(set by hand)") if ln.overridden else computed_note(ln.note)
            category = _("Observer") if ln.category == OBSERVER else term_of(AppointmentKind, ln.category)
            for c, text in enumerate((ln.name, ln.institution, category, term_of(AttendanceStatus, ln.attendance),
                                      won(ln.amount), note)):
                cell = QTableWidgetItem(text)
                if c == 4:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, cell)
            if ln.attendance_id == select:
                self.table.selectRow(r)
        self.total.setText(_("Total: {amount} for {n} people").format(
            amount=won(sum(ln.amount for ln in self.lines)), n=sum(1 for ln in self.lines if ln.amount)))

    def _current(self):
        r = self.table.currentRow()
        return self.lines[r] if 0 <= r < len(self.lines) else None

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
