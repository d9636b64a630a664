"""위촉장: issue certificates for a body's appointees, preview and print them; the 발급대장.

Issuing assigns serials (제2025-001호) and records them, so it asks first and
runs in the background; reprint keeps the serial; void keeps the number used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.config import Settings
from aict_desktop.domain.enums import CertificateStatus
from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _, fmt_date
from aict_desktop.ui.choices import body_items
from aict_desktop.ui.documents import DocumentActions
from aict_desktop.ui.feedback import confirm, show_error, status
from aict_desktop.ui.models.appointments import AppointmentTableModel
from aict_desktop.ui.models.base import RowRole
from aict_desktop.ui.models.certificates import CertificateTableModel
from aict_desktop.ui.pages.base import make_table, page_heading
from aict_desktop.ui.state import restore_splitter, save_splitter
from aict_desktop.ui.widgets.date_edit import DateEdit
from aict_desktop.ui.widgets.form import enum_items, fill_combo
from aict_desktop.ui.worker import run_in_background

if TYPE_CHECKING:
    from aict_desktop.services.container import Services


def section(title: str) -> QLabel:
    label = QLabel(title)
    f = label.font()
    f.setBold(True)
    label.setFont(f)
    return label


class CertificatesPage(QWidget):
    page_key = "certificates"

    def __init__(self, services: Services, settings: Settings | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.setObjectName(self.page_key)
        self.documents = DocumentActions(self, services)
        self.job = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 8)
        outer.addWidget(page_heading(_("Certificates"), _(
            "Issue 위촉장 to a body's appointees for the ceremony; every certificate gets a serial in the register.")))
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Body")))
        self.body = QComboBox()
        self.body.setObjectName("certificates_body")
        self.body.setMinimumContentsLength(18)
        top.addWidget(self.body)
        top.addSpacing(16)
        top.addWidget(QLabel(_("Issue date")))
        self.issue_date = DateEdit()
        top.addWidget(self.issue_date)
        top.addSpacing(16)
        # a 위촉장 goes to 위촉직 members; a 당연직 member (by office) gets one only when chosen
        self.include_ex_officio = QCheckBox(_("Include ex officio members (당연직)"))
        self.include_ex_officio.setObjectName("certificates_ex_officio")
        self.include_ex_officio.setToolTip(_(
            "A batch issues 위촉장 to appointed (위촉직) members; tick this to list ex officio members too "
            "and choose them explicitly."))
        top.addWidget(self.include_ex_officio)
        top.addStretch(1)
        outer.addLayout(top)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("certificates_splitter")
        pending_box = QWidget()
        pl = QVBoxLayout(pending_box)
        pl.setContentsMargins(0, 6, 0, 0)
        pl.addWidget(section(_("Waiting for a certificate (current appointees without one for this term)")))
        self.pending = AppointmentTableModel(self, expiring_days=(settings or Settings).expiring_days)
        self.pending_view = make_table(self.pending, multi=True, name="certificates_pending")
        for col, w in enumerate((90, 180, 200, 70, 60, 100, 100)):
            self.pending_view.setColumnWidth(col, w)
        self.pending_view.setColumnHidden(AppointmentTableModel.COL_BODY, True)
        pl.addWidget(self.pending_view, 1)
        row = QHBoxLayout()
        self.pending_label = QLabel()
        row.addWidget(self.pending_label)
        row.addStretch(1)
        self.preview_button = QPushButton(_("Preview…"))
        self.issue_button = QPushButton(_("Issue and print…"))
        row.addWidget(self.preview_button)
        row.addWidget(self.issue_button)
        pl.addLayout(row)
        self.splitter.addWidget(pending_box)

        register_box = QWidget()
        rl = QVBoxLayout(register_box)
        rl.setContentsMargins(0, 6, 0, 0)
        head = QHBoxLayout()
        head.addWidget(section(_("Issue register (발급대장)")))
        head.addStretch(1)
        head.addWidget(QLabel(_("Status")))
        self.status_filter = QComboBox()
        fill_combo(self.status_filter, [(_("All"), None), *enum_items(CertificateStatus)], keep=False)
        head.addWidget(self.status_filter)
        rl.addLayout(head)
        self.register = CertificateTableModel(self)
        self.register_view = make_table(self.register, name="certificates_register")
        for col, w in enumerate((110, 90, 200, 70, 100, 60, 75)):
            self.register_view.setColumnWidth(col, w)
        rl.addWidget(self.register_view, 1)
        row2 = QHBoxLayout()
        self.register_label = QLabel()
        row2.addWidget(self.register_label)
        row2.addStretch(1)
        self.reprint_button = QPushButton(_("Reprint…"))
        self.void_button = QPushButton(_("Void…"))
        row2.addWidget(self.reprint_button)
        row2.addWidget(self.void_button)
        rl.addLayout(row2)
        self.splitter.addWidget(register_box)
        outer.addWidget(self.splitter, 1)
        restore_splitter(self.page_key, self.splitter)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.body.currentIndexChanged.connect(lambda _i: self.refresh_lists())
        self.include_ex_officio.toggled.connect(lambda _c: self.refresh_lists())
        self.status_filter.currentIndexChanged.connect(lambda _i: self._filter_register())
        self.preview_button.clicked.connect(self.preview)
        self.issue_button.clicked.connect(self.issue)
        self.reprint_button.clicked.connect(self.reprint)
        self.void_button.clicked.connect(lambda: self.void())  # clicked(bool) must not become the reason
        self.register_view.selectionModel().selectionChanged.connect(self._register_selected)

    def save_state(self) -> None:
        save_splitter(self.page_key, self.splitter)

    # --- data ---------------------------------------------------------------------------

    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        fill_combo(self.body, body_items(self.services))
        self.refresh_lists()

    def refresh_lists(self) -> None:
        body_id = self.body.currentData()
        if body_id is None:
            self.pending.set_rows([])
            self.register.set_rows([])
            return
        try:
            self.pending.set_expiring_days((self.settings or Settings).expiring_days)
            self.pending.set_rows(self.services.certificates.pending(
                body_id, include_ex_officio=self.include_ex_officio.isChecked()))
            self.register.set_rows(self.services.certificates.list(body_id))
        except DomainError as err:
            show_error(self, err)
            return
        self.pending_view.selectAll()
        self._filter_register()
        self.pending_label.setText(_("{n} waiting").format(n=self.pending.rowCount()))
        self._register_selected()

    def _filter_register(self) -> None:
        wanted = self.status_filter.currentData()
        self.register.set_filter(None if not wanted else (lambda r: r.status == wanted))
        valid = sum(1 for r in self.register.all_rows() if r.status == CertificateStatus.VALID.value)
        self.register_label.setText(_("{n} issued, {valid} valid").format(n=len(self.register.all_rows()), valid=valid))

    def chosen_ids(self) -> list[int]:
        rows = [self.pending.data(i, RowRole) for i in self.pending_view.selectionModel().selectedRows()]
        return [r.id for r in sorted(rows, key=lambda r: self.pending.rows().index(r))]

    def selected_certificate(self):
        rows = self.register_view.selectionModel().selectedRows()
        return self.register.data(rows[0], RowRole) if rows else None

    def _register_selected(self, *_a) -> None:
        c = self.selected_certificate()
        valid = c is not None and c.status == CertificateStatus.VALID.value
        self.reprint_button.setEnabled(valid)
        self.void_button.setEnabled(valid)

    # --- commands ---------------------------------------------------------------------------

    def preview(self) -> None:
        body_id, ids, on = self.body.currentData(), self.chosen_ids(), self.issue_date.value()
        if body_id is None or not ids:
            status(self, _("Select the appointees first."))
            return
        self.documents.preview(lambda: self.services.certificates.preview(body_id, ids, on=on),
                               _("Certificates (preview, not issued)"), f"{self.body.currentText().strip()} 위촉장 미리보기.pdf")
        self.job = self.documents.last_job

    def issue(self, *, confirmed: bool = False) -> None:
        body_id, ids, on = self.body.currentData(), self.chosen_ids(), self.issue_date.value()
        if body_id is None or not ids:
            status(self, _("Select the appointees first."))
            return
        try:
            notice = self.services.certificates.seal_notice(body_id)
        except DomainError as err:
            show_error(self, err)
            return
        question = _("Issue {n} certificate(s) dated {date}? Serials are assigned and written in the register; "
                     "they cannot be taken back (only voided).").format(n=len(ids), date=fmt_date(on))
        if notice:
            question = f"{question}\n\n{notice}"
        if not confirmed and not confirm(self, question, title=_("Issue certificates"), yes=_("Issue")):
            return
        name = self.body.currentText().strip()

        def issued(result) -> None:
            self.refresh_lists()
            serials = [c.serial for c in result.certificates]
            done = _("Issued {n} certificate(s): {first}–{last}.").format(
                n=len(serials), first=serials[0], last=serials[-1]) if serials else ""
            status(self, " ".join([done, *result.warnings]).strip())
            from aict_desktop.ui.preview import PreviewDialog

            PreviewDialog.show_pdf(result.pdf, _("Certificates — {body}").format(body=name),
                                   f"{name} 위촉장 {on:%Y%m%d}.pdf", self)

        self.job = run_in_background(self, lambda: self.services.certificates.issue(body_id, ids, on=on),
                                     on_success=issued, on_failure=lambda e: show_error(self, e),
                                     label=_("Issuing certificates…"), cancellable=False)

    def reprint(self) -> None:
        c = self.selected_certificate()
        if c is None:
            return
        self.documents.preview(lambda: self.services.certificates.reprint(c.serial, c.body_id),
                               _("Reprint {serial}").format(serial=c.serial), f"위촉장 {c.serial} 재발급.pdf")
        self.job = self.documents.last_job
        self.job.on_success = self._after(self.job.on_success)

    def _after(self, callback):
        def run(result):
            callback(result)
            self.refresh_lists()
        return run

    def void(self, reason: str | None = None) -> bool:
        c = self.selected_certificate()
        if c is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(self, _("Void certificate"), _(
                "Why is {serial} ({name}) void? The number stays used and is never given again.").format(
                serial=c.serial, name=c.person))
            if not ok:
                return False
        try:
            self.services.certificates.void(c.serial, reason, c.body_id)
        except DomainError as err:
            show_error(self, err)
            return False
        self.refresh_lists()
        status(self, _("Certificate {serial} is void.").format(serial=c.serial))
        return True

    def print_current(self) -> None:
        self.preview()
