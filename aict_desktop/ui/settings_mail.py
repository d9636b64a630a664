"""설정 → 메일 서버: the office SMTP server that 알림 보내기 and ``aict notices send`` use, with 연결 시험."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.ui.feedback import show_error, status
from aict_desktop.ui.smtp_fields import SmtpFields
from aict_desktop.ui.worker import run_in_background


class MailSettingsBox(QGroupBox):
    def __init__(self, services, parent: QWidget | None = None):
        super().__init__(_("Mail server (for sending notices)"), parent)
        self.setObjectName("mail_settings")
        self.notices = services.notices
        self.fields = SmtpFields(self.notices)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.test_button = QPushButton(_("Test mail server"))
        self.test_button.setObjectName("test_mail_server")
        self.save_button = QPushButton(_("Save mail settings"))
        self.save_button.setObjectName("save_mail_settings")
        self.test_button.clicked.connect(lambda: self.test())
        self.save_button.clicked.connect(lambda: self.save())
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addWidget(self.result, 1)
        row.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.fields)
        lay.addLayout(row)
        self.job = None

    def is_dirty(self) -> bool:
        return self.fields.is_dirty()

    def reload(self) -> None:
        self.fields.load()
        self.result.clear()

    def save(self) -> bool:
        try:
            self.fields.save()
        except DomainError as err:
            show_error(self, err)
            return False
        self.fields.load()
        status(self, _("Mail settings saved."))
        return True

    def test(self) -> None:
        """Connect with what is on screen (not yet saved), off the GUI thread: a server may take 30 s to answer."""
        try:
            cfg = self.notices.check_smtp(self.fields.config())
        except DomainError as err:
            show_error(self, err)
            return
        password = self.fields.typed_password()
        self.test_button.setEnabled(False)
        self.result.setText(_("Connecting to {host}:{port}…").format(host=cfg.host, port=cfg.port))

        def ok(greeting: str) -> None:
            self.test_button.setEnabled(True)
            self.result.setText(_("Connected to {host}:{port}. {greeting}").format(
                host=cfg.host, port=cfg.port, greeting=greeting).strip())

        def failed(err) -> None:
            self.test_button.setEnabled(True)
            self.result.setText(err.message if isinstance(err, DomainError) else str(err))

        self.job = run_in_background(self, lambda: self.notices.test_smtp(cfg, password), on_success=ok,
                                     on_failure=failed, cancellable=False, show_progress=False)
