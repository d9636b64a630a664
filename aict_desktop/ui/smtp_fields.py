"""The office mail server's fields, as 설정 and 알림 보내기 both show them (one form, one way to save).

Server, port, security, user, password (kept only in the system keyring, never in a file) and the
sender's address. ``save()`` checks and stores them through the notice service.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from aict_desktop.i18n import N_, _
from aict_desktop.services.notice_mail import SmtpConfig
from aict_desktop.ui.pages.settings_rules import no_wheel_without_focus

SECURITY = (("starttls", N_("STARTTLS")), ("ssl", N_("SSL/TLS")), ("none", N_("None (office network only)")))


class SmtpFields(QWidget):
    def __init__(self, notices, parent: QWidget | None = None):
        super().__init__(parent)
        self.notices = notices
        self.host = QLineEdit(placeholderText="mail.example.go.kr")
        self.host.setObjectName("smtp_host")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.security = QComboBox()
        for key, label in SECURITY:
            self.security.addItem(_(label), key)
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.keep = QCheckBox(_("Keep the password in the system keyring"))
        self.keep.setChecked(True)
        self.sender = QLineEdit(placeholderText="aict@example.go.kr")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for label, field in ((_("SMTP server"), self.host), (_("Port"), self.port), (_("Security"), self.security),
                             (_("User"), self.user), (_("Password"), self.password), ("", self.keep),
                             (_("Sender's e-mail"), self.sender)):
            form.addRow(label, field)
        for w in (self.port, self.security):
            no_wheel_without_focus(w)  # the page scrolls past them; the wheel changes them only when focused
        self.saved = SmtpConfig()
        self.load()

    def load(self) -> None:
        """Show what is saved (the password only as a hint that the keyring holds one)."""
        cfg = self.notices.smtp_settings()
        self.saved = cfg
        self.host.setText(cfg.host)
        self.port.setValue(cfg.port)
        self.security.setCurrentIndex(max(0, self.security.findData(cfg.security)))
        self.user.setText(cfg.user)
        self.sender.setText(cfg.sender)
        self.password.clear()
        self.password.setPlaceholderText(_("(kept in the system keyring)") if self.notices.smtp_password(cfg) else "")

    def config(self) -> SmtpConfig:
        return SmtpConfig(host=self.host.text(), port=self.port.value(), security=self.security.currentData(),
                          user=self.user.text(), sender=self.sender.text())

    def typed_password(self) -> str | None:
        return self.password.text() or None

    def is_dirty(self) -> bool:
        now, was = self.config(), self.saved
        return bool(self.password.text()) or (now.host.strip(), now.port, now.security, now.user.strip(),
                                               now.sender.strip()) != (was.host, was.port, was.security, was.user,
                                                                       was.sender)

    def save(self) -> SmtpConfig:
        """Check and store the server (a DomainError says what is wrong); the typed password goes to the keyring."""
        cfg = self.notices.save_smtp_settings(self.config())
        password = self.typed_password()
        if password and self.keep.isChecked():
            self.notices.set_smtp_password(cfg, password)
        self.saved = cfg
        return cfg
