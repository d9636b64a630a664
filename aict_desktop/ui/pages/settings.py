"""설정: the program's settings, and per body (기구별 설정) the certificate issuer line, wording, seal,
allowance rates and the body's committee rules (``settings_rules.RulesPanel``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.domain.errors import DomainError, ValidationError
from aict_desktop.i18n import _
from aict_desktop.ui.choices import body_items
from aict_desktop.ui.feedback import CANCEL, DISCARD, SAVE, ask_unsaved
from aict_desktop.ui.file_dialogs import get_existing_directory, get_open_file_name, get_save_file_name, typed_path
from aict_desktop.ui.pages.base import page_heading
from aict_desktop.ui.pages.settings_rules import RulesPanel, guard_form
from aict_desktop.ui.widgets.form import FormPanel, fill_combo

if TYPE_CHECKING:
    from aict_desktop.config import Settings
    from aict_desktop.services.container import Services

LANGUAGES = (("한국어", "ko"), ("English", "en"))
# the body's own fields; its rules (paying 당연직 officials included) are in the RulesPanel
BODY_KEYS = ("issuer", "certificate_wording", "certificate_border", "allowance_rate", "allowance_long_extra",
             "allowance_written_rate")


class SettingsPage(QWidget):
    page_key = "settings"

    def __init__(self, services: Services, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.setObjectName(self.page_key)
        self._body = None
        self._seal: bytes | None = None
        self._seal_changed = False
        inner = QWidget()
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.addWidget(page_heading(_("Settings"), _("Language and data file apply the next time the program starts.")))

        program = QGroupBox(_("Program"))
        pl = QVBoxLayout(program)
        self.program_form = FormPanel()
        f = self.program_form
        f.combo("language", _("Language"), list(LANGUAGES))
        data_line = f.line("database", _("Data file"), _("(the default data file)"))
        data_line.setToolTip(_("A file path, or a shared office server: postgresql+psycopg://user@server:5432/database"))
        self.password_line = f.line("server_password", _("Server password"),
                                    _("(only for a server address; kept in the system keyring)"))
        self.password_line.setEchoMode(QLineEdit.EchoMode.Password)
        f.line("backup_dir", _("Backup folder"), str(settings.backup_folder()) if settings else "")
        f.integer("expiring_days", _("Warn of terms ending within"), 1, 3650, _(" days"))
        f.line("user_name", _("Your name"), _("(who confirms minutes and signs updates)"))
        pl.addWidget(f)
        row = QHBoxLayout()
        browse_db = QPushButton(_("Choose data file…"))
        browse_db.clicked.connect(self.choose_database)
        browse_backup = QPushButton(_("Choose backup folder…"))
        browse_backup.clicked.connect(self.choose_backup_dir)
        self.test_server_button = QPushButton(_("Test connection"))
        self.test_server_button.setObjectName("test_connection")
        self.test_server_button.clicked.connect(lambda: self.test_server())
        self.save_program_button = QPushButton(_("Save settings"))
        self.save_program_button.clicked.connect(self.save_program)
        for b in (browse_db, browse_backup, self.test_server_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.save_program_button)
        pl.addLayout(row)
        lay.addWidget(program)
        self._data_line = data_line
        from aict_desktop.ui.settings_mail import MailSettingsBox

        self.mail_box = MailSettingsBox(services)
        lay.addWidget(self.mail_box)

        body_box = QGroupBox(_("Settings per body"))
        bl = QVBoxLayout(body_box)
        self.body_form = FormPanel()
        b = self.body_form
        b.combo("body_id", _("Body"))
        b.line("issuer", _("Issuer line"), _("e.g. 서울특별시 서초구청장"))
        b.text("certificate_wording", _("Certificate wording"), 60)
        b.labels["certificate_wording"].setToolTip(_("Leave empty for the standard sentence."))
        b.check("certificate_border", _("Border"), _("Print a decorative border"))
        self.seal_preview = QLabel()
        self.seal_preview.setFixedSize(96, 96)
        self.seal_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seal_preview.setStyleSheet("border: 1px dashed #aaa; background: white;")
        seal_row = QWidget()
        sl = QHBoxLayout(seal_row)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.seal_preview)
        choose_seal = QPushButton(_("Choose seal image (PNG)…"))
        choose_seal.clicked.connect(self.choose_seal)
        self.sample_seal_button = QPushButton(_("Use the sample seal (견본)"))
        self.sample_seal_button.setObjectName("sample_seal")
        self.sample_seal_button.setToolTip(_("For trying out only: every certificate is then marked 견본."))
        self.sample_seal_button.clicked.connect(self.use_sample_seal)
        self.clear_seal_button = QPushButton(_("Remove seal"))
        self.clear_seal_button.setObjectName("remove_seal")
        self.clear_seal_button.clicked.connect(lambda: self.set_seal(None))
        seal_buttons = QVBoxLayout()
        seal_buttons.addWidget(choose_seal)
        seal_buttons.addWidget(self.sample_seal_button)
        seal_buttons.addWidget(self.clear_seal_button)
        self.seal_state = QLabel()
        self.seal_state.setObjectName("seal_state")
        self.seal_state.setWordWrap(True)
        seal_buttons.addWidget(self.seal_state)
        sl.addLayout(seal_buttons, 1)
        b.add("seal", _("Seal (직인)"), seal_row)
        b.integer("allowance_rate", _("Allowance per meeting"), 0, 10_000_000, _(" won"), 10_000)
        b.integer("allowance_long_extra", _("Extra over two hours"), 0, 10_000_000, _(" won"), 10_000)
        b.integer("allowance_written_rate", _("Written participation"), 0, 10_000_000, _(" won"), 10_000)
        bl.addWidget(b)
        rules_head = QLabel(_("Committee rules (the legal default unless the body's 조례 says otherwise; "
                              "the source is in each field's tooltip)"))
        rules_head.setWordWrap(True)
        font = rules_head.font()
        font.setBold(True)
        rules_head.setFont(font)
        bl.addWidget(rules_head)
        self.rules_form = RulesPanel()
        self.rules_form.setObjectName("body_rules")
        bl.addWidget(self.rules_form)
        row2 = QHBoxLayout()
        row2.addStretch(1)
        self.save_body_button = QPushButton(_("Save body settings"))
        self.save_body_button.clicked.connect(self.save_body)
        row2.addWidget(self.save_body_button)
        bl.addLayout(row2)
        lay.addWidget(body_box)
        lay.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        for form in (self.program_form, self.body_form):
            guard_form(form)  # the wheel scrolls the page; it changes a value only in a focused field
        b.fields["body_id"].currentIndexChanged.connect(lambda _i: self.body_chosen())
        self.load_program()

    # --- program settings ------------------------------------------------------------

    def load_program(self) -> None:
        s = self.settings
        self.program_form.set_values({"language": s.language, "database": s.database, "backup_dir": s.backup_dir,
                                      "expiring_days": s.expiring_days, "user_name": s.user_name})

    def test_server(self) -> bool:
        """연결 시험: ask the server about the address and password on screen (nothing is saved)."""
        from aict_desktop.services import server_setup

        address = self._data_line.text().strip()
        if not server_setup.is_server_address(address):
            self.program_form.show_error(ValidationError(
                _("Write a server address first, like postgresql+psycopg://user@server:5432/database."),
                field="database"))
            return False
        try:
            result = server_setup.test_connection(address, self.password_line.text())
        except DomainError as err:
            self.program_form.show_error(err)
            return False
        self.program_form.show_message(result)
        return True

    def _keep_server_password(self, address: str) -> bool:
        """A server address is kept without a password; a typed password goes to the keyring."""
        from aict_desktop.services import server_setup

        if not server_setup.is_server_address(address):
            return True
        try:
            server_setup.refuse_password_in_address(address)
            if self.password_line.text():
                server_setup.save_password(address, self.password_line.text())
        except DomainError as err:
            self.program_form.show_error(err)
            return False
        self.password_line.clear()
        return True

    def choose_database(self) -> None:
        path, _f = get_save_file_name(self, _("Data file"), self._data_line.text() or str(Path.home()),
                                               _("Data file (*.sqlite)"), options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self._data_line.setText(path)

    def choose_backup_dir(self) -> None:
        folder = get_existing_directory(self, _("Backup folder"), str(self.settings.backup_folder()))
        if folder:
            self.program_form.fields["backup_dir"].setText(folder)

    def save_program(self) -> bool:
        v = self.program_form.values()
        v.pop("server_password", None)  # never into the settings file
        for key in ("database", "backup_dir"):
            v[key] = typed_path(v[key])
        if not self._keep_server_password(v["database"]):
            return False
        if v["backup_dir"] and not Path(v["backup_dir"]).expanduser().is_dir():
            self.program_form.show_error(ValidationError(
                _("The folder {folder} does not exist.").format(folder=v["backup_dir"]), field="backup_dir"))
            return False
        if v["database"] and "://" not in v["database"] and not Path(v["database"]).expanduser().parent.is_dir():
            self.program_form.show_error(ValidationError(
                _("The folder {folder} does not exist.").format(folder=Path(v["database"]).parent), field="database"))
            return False
        for key, value in v.items():
            setattr(self.settings, key, value)
        try:
            self.settings.save()
        except OSError as exc:
            self.program_form.show_error(_("The settings could not be saved: {reason}").format(reason=exc.strerror or exc))
            return False
        self.program_form.mark_clean()
        self.program_form.show_message(_("Saved. Language and data file apply the next time the program starts."))
        return True

    # --- per-body settings ------------------------------------------------------------------

    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        fill_combo(self.body_form.fields["body_id"], body_items(self.services))
        self.load_body()

    # --- typed changes: asked before they are lost (another body, another page, quitting) -------

    def body_has_changes(self) -> bool:
        return self._body is not None and (self.body_form.is_dirty(ignore=("body_id",)) or self.rules_form.is_dirty()
                                           or self.rules_form.budget_changed() or self._seal_changed)

    def has_unsaved_changes(self) -> bool:
        return (self.program_form.is_dirty(ignore=("server_password",)) or self.body_has_changes()
                or self.mail_box.is_dirty())

    def confirm_leave(self) -> bool:
        """저장 / 저장 안 함 / 취소 before typed settings go away; True when the page may be left."""
        if not self.has_unsaved_changes():
            return True
        answer = ask_unsaved(self, _("Settings"))
        if answer == SAVE:
            return ((not self.program_form.is_dirty(ignore=("server_password",)) or self.save_program())
                    and (not self.body_has_changes() or self.save_body())
                    and (not self.mail_box.is_dirty() or self.mail_box.save()))
        if answer == DISCARD:
            self.mail_box.reload()
            self.load_program()
            self.load_body()
            return True
        return False

    def body_chosen(self) -> None:
        """Another body in the selector: the typed settings of the one shown are saved, dropped or kept."""
        combo = self.body_form.fields["body_id"]
        if self.body_has_changes() and combo.currentData() != self._body.id:
            answer = ask_unsaved(self, self._body.name)
            if answer == CANCEL or (answer == SAVE and not self.save_body()):
                combo.blockSignals(True)
                combo.setCurrentIndex(combo.findData(self._body.id))
                combo.blockSignals(False)
                return
        self.load_body()

    def load_body(self) -> None:
        body_id = self.body_form.fields["body_id"].currentData()
        self._body = self.services.bodies.get_body(body_id) if body_id is not None else None
        self.save_body_button.setEnabled(self._body is not None)
        if self._body is None:
            return
        self.body_form.set_values({k: getattr(self._body, k) for k in BODY_KEYS})
        self.rules_form.set_rules(self.services.bodies.rules(self._body.id))
        self.rules_form.load_budget(self.services, self._body.id)
        self.rules_form.mark_clean()
        self.set_seal(self._body.seal_png, changed=False)

    def set_seal(self, data: bytes | None, changed: bool = True) -> None:
        from aict_desktop.services.certificates import seal_kind

        self._seal = data
        self._seal_changed = changed
        if data:
            pix = QPixmap()
            pix.loadFromData(data, "PNG")
            self.seal_preview.setPixmap(pix.scaled(90, 90, Qt.AspectRatioMode.KeepAspectRatio,
                                                   Qt.TransformationMode.SmoothTransformation))
        else:
            self.seal_preview.setPixmap(QPixmap())
            self.seal_preview.setText(_("(none)"))
        kind = seal_kind(data)
        self.seal_state.setText({
            "own": _("Certificates print this seal."),
            "sample": _("Certificates print the sample seal and are marked 견본 (not valid)."),
            "none": _("Certificates print no seal: stamp the 직인 by hand."),
        }[kind] + (" " + _("(not saved yet)") if changed else ""))
        self.clear_seal_button.setEnabled(kind != "none")

    def use_sample_seal(self) -> None:
        from aict_desktop.documents.certificate import sample_seal_png

        self.set_seal(sample_seal_png())

    def choose_seal(self) -> None:
        path, _f = get_open_file_name(self, _("Seal image"), str(Path.home()), _("PNG image (*.png)"))
        if path:
            self.load_seal_file(Path(path))

    def load_seal_file(self, path: Path) -> bool:
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.body_form.show_error(_("The file {path} cannot be read: {reason}").format(path=path, reason=exc.strerror))
            return False
        if not data.startswith(b"\x89PNG\r\n\x1a\n"):
            self.body_form.show_error(ValidationError(_("The seal image must be a PNG file."), field="seal"))
            return False
        self.set_seal(data)
        return True

    def save_body(self) -> bool:
        if self._body is None:
            return False
        v = self.body_form.values()
        changes = {k: v[k] for k in BODY_KEYS if v[k] != getattr(self._body, k)}
        if self._seal_changed:
            changes["seal_png"] = self._seal
        body_id = self._body.id
        try:  # the body's fields and its rules in one transaction: all saved or none
            self.services.bodies.save_rules(body_id, self.rules_form.changes(), expected_version=self._body.version,
                                            body_changes=changes,
                                            original={k: getattr(self._body, k) for k in BODY_KEYS})
        except DomainError as err:
            self.rules_form.clear_errors()
            if err.field in self.rules_form.fields:
                self.body_form.clear_errors()
                self.rules_form.show_error(err)
            elif err.field == "seal_png":
                self.body_form.show_error(ValidationError(err.message, field="seal"))
            else:
                self.body_form.show_error(err)
            return False
        if not self.rules_form.save_budget():  # the year's allowance budget (its own table)
            return False
        self._body = self.services.bodies.get_body(body_id)
        self.rules_form.set_rules(self.services.bodies.rules(body_id))
        self.rules_form.load_budget(self.services, body_id)
        self.rules_form.mark_clean()
        self.body_form.set_values({k: getattr(self._body, k) for k in BODY_KEYS})
        self.set_seal(self._body.seal_png, changed=False)
        self.body_form.show_message(_("Saved."))
        return True
