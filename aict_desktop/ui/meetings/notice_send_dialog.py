"""알림 보내기: a meeting's notices by e-mail (one per invitee), printed letters for those without, and 문자.

Sending runs off the GUI thread; each recipient's result (sent / refused with the
server's reason) appears as it comes. "Retry" sends the ones not sent: nothing is
sent twice (the service records what went out). A notice later than the body's
notice days asks for the 긴급 사유 first, as printing does.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import N_, _
from aict_desktop.services.notice_mail import SmtpConfig, valid_email
from aict_desktop.ui.base_dialog import BaseDialog
from aict_desktop.ui.feedback import show_error, show_info
from aict_desktop.ui.smtp_fields import SmtpFields
from aict_desktop.ui.worker import run_in_background

STATUS = {"sent": N_("Sent"), "refused": N_("Refused"), "failed": N_("Not sent"), "skipped": N_("Sent before")}


class _Bridge(QObject):
    step = Signal(int, int, object)  # done, total, SendResult — emitted from the sending thread


class NoticeSendDialog(BaseDialog):
    state_key = "notice_send"

    def __init__(self, services, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.notices, self.meeting_id = services, services.notices, meeting_id
        self.job = None
        self.reason: str | None = None  # 긴급 사유 given in this dialog
        self.results = []
        self.setWindowTitle(_("Send notices"))
        self.recipients = self.notices.recipients(meeting_id)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(services.meetings.get(meeting_id).title))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._mail_tab(), _("E-mail"))
        self.tabs.addTab(self._letter_tab(), _("Printed letter"))
        self.tabs.addTab(self._sms_tab(), _("Text message"))
        lay.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.bridge = _Bridge()
        self.bridge.step.connect(self._step, Qt.ConnectionType.QueuedConnection)
        self.resize(760, 560)

    # --- tabs ------------------------------------------------------------------------------------

    def _mail_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.smtp = SmtpFields(self.notices)
        self.host, self.port, self.security = self.smtp.host, self.smtp.port, self.smtp.security
        self.user, self.password, self.keep, self.sender = self.smtp.user, self.smtp.password, self.smtp.keep, self.smtp.sender
        lay.addWidget(self.smtp)
        with_mail = [r for r in self.recipients if valid_email(r.email)]
        self.table = QTableWidget(len(with_mail), 4)
        self.table.setHorizontalHeaderLabels([_("Name"), _("Institution"), _("E-mail"), _("Result")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rows = {}
        for i, r in enumerate(with_mail):
            for j, text in enumerate((r.name, r.institution, r.email, "")):
                self.table.setItem(i, j, QTableWidgetItem(text))
            self.rows[r.person_id] = i
        self.table.resizeColumnsToContents()
        lay.addWidget(self.table)
        self.progress = QProgressBar()
        self.progress.setRange(0, max(1, len(with_mail)))
        self.progress.setValue(0)
        self.summary = QLabel(_("{n} invitees have an e-mail address.").format(n=len(with_mail)))
        row = QHBoxLayout()
        self.send_button = QPushButton(_("Send"))
        self.send_button.setObjectName("send_notices")
        self.send_button.setEnabled(bool(with_mail))
        self.retry_button = QPushButton(_("Retry the failed ones"))
        self.retry_button.setObjectName("retry_notices")
        self.retry_button.setEnabled(False)
        self.send_button.clicked.connect(self.send)
        self.retry_button.clicked.connect(self.send)
        self.template_button = QPushButton(_("Message template…"))
        self.template_button.clicked.connect(self.edit_template)
        row.addWidget(self.template_button)
        row.addWidget(self.progress, 1)
        row.addWidget(self.send_button)
        row.addWidget(self.retry_button)
        lay.addLayout(row)
        lay.addWidget(self.summary)
        return w

    def _letter_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.without = [r for r in self.recipients if not valid_email(r.email)]
        lay.addWidget(QLabel(_("These invitees have no e-mail address: send them a printed letter.")))
        self.no_email = QListWidget()
        for r in self.without:
            self.no_email.addItem(r.address())
        lay.addWidget(self.no_email)
        self.letters_button = QPushButton(_("Print letters…"))
        self.letters_button.setEnabled(bool(self.without))
        self.letters_button.clicked.connect(lambda: self.print_letters(self.without))
        self.all_letters = QPushButton(_("One letter per invitee…"))
        self.all_letters.setEnabled(bool(self.recipients))
        self.all_letters.clicked.connect(lambda: self.print_letters(self.recipients))
        self.per_recipient = QCheckBox(_("One letter per invitee"))
        self.save_hwpx = QPushButton(_("Save as HWPX…"))
        self.save_docx = QPushButton(_("Save as DOCX…"))
        self.save_hwpx.clicked.connect(lambda: self.save_official("hwpx"))
        self.save_docx.clicked.connect(lambda: self.save_official("docx"))
        row = QHBoxLayout()
        for b in (self.letters_button, self.all_letters):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("The notice as a 공문 to edit:")))
        for b in (self.save_hwpx, self.save_docx, self.per_recipient):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        return w

    def _sms_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.long_sms = QCheckBox(_("Long form (LMS)"))
        self.sms_table = QTableWidget(0, 3)
        self.sms_table.setHorizontalHeaderLabels([_("Name"), _("Mobile"), _("Message")])  # the CSV keeps its Korean columns
        self.sms_table.horizontalHeader().setStretchLastSection(True)
        row = QHBoxLayout()
        self.make_sms = QPushButton(_("Make the texts"))
        self.copy_sms = QPushButton(_("Copy all"))
        self.save_sms = QPushButton(_("Save CSV…"))
        self.copy_sms.setEnabled(False)
        self.make_sms.clicked.connect(self.fill_sms)
        self.long_sms.toggled.connect(lambda _on: self.sms_table.rowCount() and self.fill_sms())
        self.copy_sms.clicked.connect(self.copy_texts)
        self.save_sms.clicked.connect(self.save_csv)
        for b in (self.long_sms, self.make_sms, self.copy_sms, self.save_sms):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(self.sms_table)
        return w

    # --- the 긴급 사유 --------------------------------------------------------------------------------

    def urgent_reason(self) -> tuple[bool, str | None]:
        """(go on, reason): asks once when the notice is later than the body's notice days."""
        if self.reason:
            return True, self.reason
        why = self.services.exports.notice_lateness(self.meeting_id)
        if why is None:
            return True, None
        while True:
            text, ok = QInputDialog.getText(self, _("Reason for urgency"), why)
            if not ok:
                return False, None
            if text.strip():
                self.reason = text.strip()
                return True, self.reason

    # --- e-mail -----------------------------------------------------------------------------------

    def config(self) -> SmtpConfig:
        return self.smtp.config()

    def send(self) -> None:
        go, reason = self.urgent_reason()
        if not go:
            return
        try:
            cfg = self.smtp.save()
        except DomainError as err:
            show_error(self, err)
            return
        password = self.smtp.typed_password()
        self.send_button.setEnabled(False)
        self.retry_button.setEnabled(False)
        self.progress.setValue(0)
        self.summary.setText(_("Sending…"))
        step = self.bridge.step.emit

        def work():
            return self.notices.send(self.meeting_id, cfg, password, urgent_reason=reason, progress=step)

        self.job = run_in_background(self, work, on_success=self._done, on_failure=self._failed,
                                     cancellable=False, show_progress=False)

    def _show(self, res) -> None:
        i = self.rows.get(res.person_id)
        if i is None:
            return
        text = _(STATUS[res.status]) + (f": {res.reason}" if res.reason and res.status != "skipped" else "")
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        if res.status in ("refused", "failed"):
            item.setForeground(QColor("#b3261e"))
        self.table.setItem(i, 3, item)

    def _step(self, done: int, total: int, res) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self._show(res)

    def _done(self, results) -> None:
        self.results = results
        for res in results:
            self._show(res)
        self.progress.setValue(self.progress.maximum())
        count = {k: sum(r.status == k for r in results) for k in STATUS}
        failed = count["refused"] + count["failed"]
        self.summary.setText(_("Sent {sent}, not sent {failed}, sent before {skipped}.").format(
            sent=count["sent"], failed=failed, skipped=count["skipped"]))
        self.retry_button.setEnabled(failed > 0)
        self.send_button.setEnabled(True)

    def _failed(self, err) -> None:
        self.summary.setText("")
        self.send_button.setEnabled(True)
        self.retry_button.setEnabled(any(r.status in ("refused", "failed") for r in self.results))
        show_error(self, err)

    def edit_template(self) -> TemplateDialog:
        dlg = TemplateDialog(self.notices, self.services.meetings.get(self.meeting_id).body_id, self)
        dlg.open()
        self.template_dialog = dlg
        return dlg

    # --- letters and 문자 ---------------------------------------------------------------------------

    def print_letters(self, people) -> None:
        """The notice, one page per person in ``people``, in the preview (to print or save)."""
        go, reason = self.urgent_reason()
        if not go:
            return
        from aict_desktop.ui.documents import DocumentActions

        title = self.services.meetings.get(self.meeting_id).title
        people = list(people)
        self.documents = DocumentActions(self, self.services)
        self.documents.preview(
            lambda: self.notices.per_recipient(self.meeting_id, "pdf", urgent_reason=reason, only=people),
            f"{title} 개최 알림", f"{title} 개최 알림(수신자별).pdf")

    def save_official(self, fmt: str, path: str | None = None) -> None:
        """The notice as an HWPX or DOCX 공문 (one letter per invitee when ticked), saved where the user says."""
        go, reason = self.urgent_reason()
        if not go:
            return
        from aict_desktop.ui.documents import DocumentActions

        title = self.services.meetings.get(self.meeting_id).title
        if self.per_recipient.isChecked():
            def make():
                return self.notices.per_recipient(self.meeting_id, fmt, urgent_reason=reason)
        else:
            def make():
                return self.services.exports.notice(self.meeting_id, fmt, urgent_reason=reason)
        self.documents = DocumentActions(self, self.services)
        self.documents.save_file(make, f"{title} 개최 알림.{fmt}", path)

    def fill_sms(self) -> None:
        go, reason = self.urgent_reason()
        if not go:
            return
        try:
            rows = self.notices.sms_rows(self.meeting_id, urgent_reason=reason)
        except DomainError as err:
            show_error(self, err)
            return
        self.sms_table.setRowCount(len(rows))
        for i, (r, short, long) in enumerate(rows):
            for j, text in enumerate((r.name, r.mobile, long if self.long_sms.isChecked() else short)):
                self.sms_table.setItem(i, j, QTableWidgetItem(text))
        self.sms_table.resizeRowsToContents()
        self.copy_sms.setEnabled(bool(rows))

    def copy_texts(self) -> None:
        lines = ["\t".join((self.sms_table.item(i, j).text() if self.sms_table.item(i, j) else "").replace("\n", " ")
                           for j in range(3)) for i in range(self.sms_table.rowCount())]
        QGuiApplication.clipboard().setText("\n".join(lines))
        show_info(self, _("Copied {n} texts; paste them into the office's text message service.").format(n=len(lines)))

    def save_csv(self) -> None:
        go, reason = self.urgent_reason()
        if not go:
            return
        from aict_desktop.ui.documents import ask_save_path, write_bytes

        path = ask_save_path(self, f"{self.services.meetings.get(self.meeting_id).title} 문자.csv")
        if not path:
            return
        try:
            write_bytes(path, self.notices.sms_csv(self.meeting_id, urgent_reason=reason,
                                                   long=self.long_sms.isChecked()))
        except (DomainError, OSError) as err:
            show_error(self, err)


class TemplateDialog(BaseDialog):
    """The body's e-mail subject and message, with the fields {성명} {일시} {장소} {안건} …"""

    state_key = "notice_template"

    def __init__(self, notices, body_id: int, parent: QWidget | None = None):
        from PySide6.QtWidgets import QPlainTextEdit

        from aict_desktop.services.notice_mail import FIELDS

        super().__init__(parent)
        self.notices, self.body_id = notices, body_id
        self.setWindowTitle(_("Message template"))
        t = notices.template(body_id)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(_("Fields: {fields}").format(fields=" ".join("{" + f + "}" for f in FIELDS))))
        self.subject = QLineEdit(t.subject)
        self.body = QPlainTextEdit(t.body)
        form = QFormLayout()
        form.addRow(_("Subject"), self.subject)
        form.addRow(_("Message"), self.body)
        lay.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        lay.addWidget(buttons)
        self.resize(640, 460)

    def save(self) -> None:
        try:
            self.notices.set_template(self.body_id, self.subject.text(), self.body.toPlainText())
        except DomainError as err:
            show_error(self, err)
            return
        self.accept()


def open_send_dialog(page) -> NoticeSendDialog | None:
    m = getattr(page, "_current", None)
    if m is None:
        return None
    from aict_desktop.ui.meetings.invitations import check_invitations

    if not check_invitations(page, page.services, m.id):
        return None
    dlg = NoticeSendDialog(page.services, m.id, page)
    dlg.open()
    return dlg


def add_send_button(page) -> QPushButton:
    """The 알림 보내기 button beside the notice on the meetings page (enabled with the other documents)."""
    b = QPushButton(_("Send notices…"))
    b.setObjectName("send_notices_button")
    b.setToolTip(_("E-mail each invitee the notice with a calendar entry; letters and text messages"))
    b.clicked.connect(lambda _c=False: open_send_dialog(page))
    page.document_actions.insertWidget(1, b)
    page.doc_buttons["send"] = b
    return b
