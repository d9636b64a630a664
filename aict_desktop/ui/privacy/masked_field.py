"""A personal-data field shown masked (800101-1******), revealed only by an explicit, logged '보기'.

The clear value is shown for ``REVEAL_SECONDS`` and then masked again. '변경'
stores a new value encrypted; '삭제' removes it. Every action goes through
``PersonalDataService``, which writes the access log before a value is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
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
from aict_desktop.ui.feedback import confirm, show_error

RRN, BANK = "rrn", "bank"
REVEAL_SECONDS = 20


class MaskedField(QWidget):
    changed = Signal()  # a value was stored or removed

    def __init__(self, personal, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.personal = personal
        self.kind = kind
        self.person_id: int | None = None
        self.revealed = False
        self.value = QLineEdit()
        self.value.setReadOnly(True)
        self.value.setMinimumWidth(120)
        self.reveal_button = QPushButton(_("Show"))
        self.reveal_button.setToolTip(_("Show the value for {n} seconds; the access log records who viewed it.")
                                      .format(n=REVEAL_SECONDS))
        self.edit_button = QPushButton(_("Change…"))
        self.clear_button = QPushButton(_("Delete"))
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #6b6b6b")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REVEAL_SECONDS * 1000)
        row = QHBoxLayout()  # the value and its 보기 on one line; the rarer actions below, small
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.value, 1)
        row.addWidget(self.reveal_button)
        below = QHBoxLayout()
        below.setContentsMargins(0, 0, 0, 0)
        for b in (self.edit_button, self.clear_button):
            b.setFlat(True)
            b.setStyleSheet("color: #1f4e8c; padding: 0 6px;")
            below.addWidget(b)
        below.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addLayout(below)
        self._connect_signals()
        self.set_person(None)

    def _connect_signals(self) -> None:
        self.reveal_button.clicked.connect(self.toggle_reveal)
        self.edit_button.clicked.connect(self.edit)
        self.clear_button.clicked.connect(self.clear)
        self.timer.timeout.connect(self.mask)

    # --- state ------------------------------------------------------------------

    def set_person(self, person_id: int | None) -> None:
        self.person_id = person_id
        self.mask()

    def mask(self) -> None:
        """Show the masked value (or nothing) again."""
        self.timer.stop()
        self.revealed = False
        self.reveal_button.setText(_("Show"))
        if self.person_id is None:
            self.value.setText("")
            self.note.setText("")
            for b in (self.reveal_button, self.edit_button, self.clear_button):
                b.setEnabled(False)
            return
        try:
            v = self.personal.view(self.person_id)
        except DomainError as err:
            self.value.setText("")
            self.note.setText(err.message)
            return
        has = v.has_rrn if self.kind == RRN else v.has_bank
        self.value.setText((v.rrn_masked if self.kind == RRN else v.bank_masked) if has else "")
        self.value.setCursorPosition(0)
        self.value.setPlaceholderText(_("(not stored)"))
        self.note.setText(v.problem)
        self.reveal_button.setEnabled(has)
        self.clear_button.setEnabled(has)
        self.edit_button.setEnabled(True)

    # --- actions ----------------------------------------------------------------

    def toggle_reveal(self) -> None:
        if self.revealed:
            self.mask()
            return
        try:
            if self.kind == RRN:
                text = self.personal.reveal_rrn(self.person_id)
            else:
                acct = self.personal.reveal_bank(self.person_id)
                holder = _("(holder {name})").format(name=acct.holder)
                text = f"{acct.bank} {acct.account} {holder}"
        except DomainError as err:
            show_error(self, err)
            self.mask()
            return
        self.value.setText(text)
        self.value.setCursorPosition(0)
        self.revealed = True
        self.reveal_button.setText(_("Hide"))
        self.note.setText(_("Shown for {n} seconds; this view was written to the access log.").format(n=REVEAL_SECONDS))
        self.timer.start()

    def edit(self) -> None:
        values = EditPersonalDialog.ask(self.kind, self)
        if values is None:
            return
        try:
            if self.kind == RRN:
                self.personal.set_rrn(self.person_id, values["rrn"])
            else:
                self.personal.set_bank(self.person_id, values["bank"], values["account"], values["holder"])
        except DomainError as err:
            show_error(self, err)
            return
        self.mask()
        self.changed.emit()

    def clear(self) -> None:
        what = _("the resident registration number") if self.kind == RRN else _("the bank account")
        if not confirm(self, _("Delete {what} of this person?").format(what=what)):
            return
        try:
            (self.personal.clear_rrn if self.kind == RRN else self.personal.clear_bank)(self.person_id)
        except DomainError as err:
            show_error(self, err)
            return
        self.mask()
        self.changed.emit()


class EditPersonalDialog(BaseDialog):
    """Enter a new 주민등록번호 or bank account (never pre-filled with the old value)."""

    state_key = "edit_personal_dialog"

    def __init__(self, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle(_("Resident registration number") if kind == RRN else _("Bank account"))
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        specs = [("rrn", _("Resident registration number"), "800101-1234567")] if kind == RRN else [
            ("bank", _("Bank"), "신한은행"), ("account", _("Account number"), "110-123-456789"),
            ("holder", _("Account holder"), _("(the person's name if empty)"))]
        for key, label, hint in specs:
            edit = QLineEdit()
            edit.setPlaceholderText(hint)
            if key in ("rrn", "account"):
                edit.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
            form.addRow(label, edit)
            self.fields[key] = edit
        note = QLabel(_("Stored encrypted; shown masked; every view is written to the access log."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def values(self) -> dict[str, str]:
        return {k: e.text() for k, e in self.fields.items()}

    @classmethod
    def ask(cls, kind: str, parent: QWidget | None = None) -> dict[str, str] | None:
        dlg = cls(kind, parent)
        return dlg.values() if dlg.exec() == BaseDialog.DialogCode.Accepted else None
