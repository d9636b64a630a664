"""The passphrase for personal data, asked once per session where the PC has no system keyring."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from aict_desktop.i18n import _
from aict_desktop.security.keys import MIN_PASSPHRASE
from aict_desktop.ui.base_dialog import BaseDialog


class PassphraseDialog(BaseDialog):
    state_key = "passphrase_dialog"

    def __init__(self, new: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.new = new
        self.setWindowTitle(_("Passphrase for personal data"))
        self.explain = QLabel(
            _("This computer has no system keyring, so 주민등록번호 and bank accounts are protected by a "
              "passphrase instead. Choose one of at least {n} characters and keep it safe: without it the "
              "encrypted values cannot be read (everything else keeps working).").format(n=MIN_PASSPHRASE)
            if new else
            _("This computer has no system keyring. Enter the passphrase that protects 주민등록번호 and bank "
              "accounts; it is asked once until the program closes.")
        )
        self.explain.setWordWrap(True)
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel("")
        self.problem.setStyleSheet("color: #b3261e")
        form = QFormLayout()
        form.addRow(_("Passphrase"), self.first)
        if new:
            form.addRow(_("Again"), self.second)
        self.second.setVisible(new)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

    def _accept(self) -> None:
        text = self.first.text()
        if self.new and len(text) < MIN_PASSPHRASE:
            self.problem.setText(_("The passphrase must be at least {n} characters long.").format(n=MIN_PASSPHRASE))
            return
        if self.new and text != self.second.text():
            self.problem.setText(_("The two passphrases differ."))
            return
        if not text:
            self.problem.setText(_("Enter the passphrase."))
            return
        self.accept()

    def passphrase(self) -> str:
        return self.first.text()

    @classmethod
    def ask(cls, new: bool, parent: QWidget | None = None) -> str | None:
        dlg = cls(new, parent)
        return dlg.passphrase() if dlg.exec() == BaseDialog.DialogCode.Accepted else None


def provider_for(parent: Callable[[], QWidget | None]) -> Callable[[bool], str | None]:
    """A passphrase provider for ``services.keys.set_passphrase_provider`` that asks with this dialog."""
    return lambda new: PassphraseDialog.ask(new, parent())
