"""Meeting mode's minutes bar: 초안 → 확정 (and an explicit, recorded 확정 취소), exports, allowances.

It also watches the data file every second (``store.problem()``: deleted, replaced, journal
deleted, locks lost) and then says so in red instead of the minutes' state, and emits
``storeProblem`` so the window's save label stops saying everything is saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from aict_desktop.domain.enums import MinutesStatus
from aict_desktop.i18n import _, fmt_date
from aict_desktop.services.data_file import os_user
from aict_desktop.ui import feedback
from aict_desktop.ui.meetings.common import attempt, save_document, set_status
from aict_desktop.ui.worker import Job

FORMATS = (("pdf", "PDF"), ("docx", "DOCX"), ("hwpx", "HWPX"))
STORE_CHECK_MS = 1000


class UnconfirmDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Cancel confirmation"))
        self.who = QLineEdit(os_user())
        self.reason = QLineEdit(placeholderText=_("Why the confirmed minutes must change"))
        form = QFormLayout(self)
        form.addRow(QLabel(_("Cancelling the confirmation unlocks the minutes. It is recorded in the access log.")))
        form.addRow(_("Name"), self.who)
        form.addRow(_("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class MinutesBar(QWidget):
    lockChanged = Signal(bool)
    beforeAction = Signal()  # the window saves every field first
    storeProblem = Signal(str)  # the data file is no longer safe: nothing more is saved (the message says why)

    def __init__(self, services, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.meeting_id = meeting_id
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.confirm_button = QPushButton(_("Confirm minutes"))
        self.unconfirm_button = QPushButton(_("Cancel confirmation"))
        self.export_buttons = {}
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.state, 1)
        lay.addWidget(self.confirm_button)
        lay.addWidget(self.unconfirm_button)
        for fmt, label in FORMATS:
            b = QPushButton(_("Minutes {format}").format(format=label))
            b.clicked.connect(lambda _checked=False, f=fmt: self.export(f))
            lay.addWidget(b)
            self.export_buttons[fmt] = b
        self.confirm_button.clicked.connect(lambda: self.confirm())
        self.unconfirm_button.clicked.connect(lambda: self.unconfirm())
        self.store_problem: str | None = None
        self.refresh()
        self._store_timer = QTimer(self, interval=STORE_CHECK_MS)
        self._store_timer.timeout.connect(self.check_store)
        self._store_timer.start()

    def set_editing(self, editing: bool) -> None:
        """A read-only window (held elsewhere, or a held meeting) neither confirms nor cancels the confirmation."""
        self.editing = editing
        self.confirm_button.setEnabled(editing)
        self.unconfirm_button.setEnabled(editing)

    def check_store(self) -> str | None:
        """Is the data file still safe to save to? A new problem is shown and emitted once."""
        store = getattr(self.services, "store", None)
        problem = store.problem() if hasattr(store, "problem") else None
        if problem != self.store_problem:
            self.store_problem = problem
            self.refresh()
            if problem is not None:
                self.storeProblem.emit(problem)
        return problem

    def refresh(self) -> bool:
        """Show the minutes' state; True when locked."""
        m = self.services.meetings.get(self.meeting_id)
        locked = m.minutes_status is MinutesStatus.CONFIRMED
        if locked:
            when = m.minutes_confirmed_at
            set_status(self.state, _("Minutes confirmed by {who} on {when} — locked").format(
                who=m.minutes_confirmed_by, when=f"{fmt_date(when.date())} {when:%H:%M}" if when else ""))
        else:
            set_status(self.state, _("Minutes: draft"), ok=True)
            self.state.setStyleSheet("")
        self.confirm_button.setVisible(not locked)
        self.unconfirm_button.setVisible(locked)
        if getattr(self, "store_problem", None):
            set_status(self.state, _("NOT SAVED: {message}").format(message=self.store_problem), ok=False)
        return locked

    def confirm(self, by: str | None = None) -> bool:
        """확정: says first what is missing (refused) or 미정 (asked), then asks who confirms."""
        self.beforeAction.emit()
        check = attempt(self, lambda: self.services.meetings.confirm_check(self.meeting_id))
        if check is None:
            return False
        if check.refusal:
            feedback.show_error(self, check.refusal)
            return False
        if check.warning and not feedback.confirm(self, check.warning + "\n" + _("Confirm the minutes anyway?"),
                                         title=_("Confirm minutes"), yes=_("Confirm anyway")):
            return False
        if by is None:
            by, ok = QInputDialog.getText(self, _("Confirm minutes"), _(
                "Confirming locks the minutes; later changes need an explicit cancellation.\nConfirmed by:"),
                text=os_user())
            if not ok:
                return False
        if attempt(self, lambda: self.services.meetings.confirm_minutes(self.meeting_id, by)) is None:
            return False
        self.lockChanged.emit(self.refresh())
        return True

    def unconfirm(self, by: str | None = None, reason: str | None = None) -> bool:
        if by is None or reason is None:
            dlg = UnconfirmDialog(self)
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return False
            by, reason = dlg.who.text(), dlg.reason.text()
        if attempt(self, lambda: self.services.meetings.unconfirm_minutes(self.meeting_id, by, reason)) is None:
            return False
        self.lockChanged.emit(self.refresh())
        return True

    def export(self, fmt: str, path: str | Path | None = None) -> Job | None:
        """Save the minutes as PDF, DOCX or HWPX: made in the background (the meeting's autosave and
        clock go on), written whole; the job, or None when no file was chosen."""
        exports = self.services.exports
        self.beforeAction.emit()
        if path is None:
            from aict_desktop.ui.documents import ask_save_path

            m = self.services.meetings.get(self.meeting_id)
            path = ask_save_path(self, f"{m.title} 회의록.{fmt}", _("Save minutes"))  # the paper's Korean name
            if not path:
                return None
        meeting_id = self.meeting_id
        self.last_job = save_document(self, lambda: exports.minutes(meeting_id, fmt), path)
        return self.last_job
