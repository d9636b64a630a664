"""Privacy widgets offscreen: masked field with logged reveal, passphrase dialog, access-log viewer."""

import keyring
import openpyxl
import pytest
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtCore import Qt, QTimer

from aict_desktop.services import personal as pd
from aict_desktop.store.audit import entries
from aict_desktop.ui.privacy.access_log_dialog import AccessLogDialog
from aict_desktop.ui.privacy.masked_field import BANK, RRN, EditPersonalDialog, MaskedField
from aict_desktop.ui.privacy.passphrase_dialog import PassphraseDialog, provider_for

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def person(services):
    inst = services.roster.create_institution(name="서초구청")
    p = services.roster.create_person(name="홍길동", institution_id=inst.id)
    services.personal.set_rrn(p.id, "800101-1234567")
    services.personal.set_bank(p.id, "신한은행", "110-123-456789")
    return p


def test_masked_field_reveals_only_on_click_logs_and_masks_again(qtbot, services, person, tmp_path):
    field = MaskedField(services.personal, RRN)
    qtbot.addWidget(field)
    field.set_person(person.id)
    assert field.value.text() == "800101-1******" and field.reveal_button.isEnabled()
    before = len(entries(services.store))
    field.timer.setInterval(300)
    qtbot.mouseClick(field.reveal_button, Qt.MouseButton.LeftButton)
    assert field.value.text() == "800101-1234567"
    assert entries(services.store, limit=1)[0].action == pd.REVEAL_RRN
    assert len(entries(services.store)) == before + 1
    field.resize(640, 70)
    field.grab().save(str(tmp_path / "masked_revealed.png"))
    qtbot.waitUntil(lambda: not field.revealed, timeout=3000)
    assert field.value.text() == "800101-1******"

    bank = MaskedField(services.personal, BANK)
    qtbot.addWidget(bank)
    bank.set_person(person.id)
    assert bank.value.text() == "신한은행 ***-***-**6789 (예금주 홍길동)"
    bank.resize(640, 70)
    bank.grab().save(str(tmp_path / "masked_bank.png"))


def test_masked_field_with_a_lost_key_says_so_and_reveals_nothing(qtbot, services, person, _isolated):
    _isolated.secrets.clear()
    from aict_desktop.services.container import Services

    fresh = Services(services.store)
    field = MaskedField(fresh.personal, RRN)
    qtbot.addWidget(field)
    field.set_person(person.id)
    assert field.value.text() == "******-*******"
    assert "컴퓨터" in field.note.text()


def test_edit_dialog_values(qtbot):
    dlg = EditPersonalDialog(BANK)
    qtbot.addWidget(dlg)
    dlg.fields["bank"].setText("국민은행")
    dlg.fields["account"].setText("123456-01-234567")
    assert dlg.values() == {"bank": "국민은행", "account": "123456-01-234567", "holder": ""}


def test_passphrase_dialog_checks_length_and_match(qtbot, tmp_path):
    dlg = PassphraseDialog(new=True)
    qtbot.addWidget(dlg)
    dlg.first.setText("short")
    dlg.second.setText("short")
    dlg._accept()
    assert "8" in dlg.problem.text() and dlg.result() == 0
    dlg.first.setText("correct horse")
    dlg.second.setText("correct horsf")
    dlg._accept()
    assert "다릅니다" in dlg.problem.text()
    dlg.second.setText("correct horse")
    dlg.grab().save(str(tmp_path / "passphrase_new.png"))
    dlg._accept()
    assert dlg.result() == PassphraseDialog.DialogCode.Accepted and dlg.passphrase() == "correct horse"


def test_passphrase_provider_drives_the_key_manager(qtbot, services):
    keyring.set_keyring(NoKeyring())
    services.keys.set_passphrase_provider(provider_for(lambda: None))
    p = services.roster.create_person(name="김철수")

    def answer():
        dlg = next(w for w in __import__("PySide6.QtWidgets").QtWidgets.QApplication.topLevelWidgets()
                   if isinstance(w, PassphraseDialog) and w.isVisible())
        dlg.first.setText("correct horse battery")
        dlg.second.setText("correct horse battery")
        dlg._accept()

    QTimer.singleShot(200, answer)
    services.personal.set_rrn(p.id, "900101-2234567")
    assert services.keys.mode() == "passphrase"
    assert services.personal.reveal_rrn(p.id) == "900101-2234567"  # not asked again this session


def test_access_log_dialog_shows_state_searches_and_exports(qtbot, services, person, tmp_path):
    services.personal.reveal_rrn(person.id, reason="수당 지급")
    dlg = AccessLogDialog(services.store)
    qtbot.addWidget(dlg)
    assert dlg.model.rowCount() == 3 and "✔" in dlg.chain.text()
    dlg.show()
    dlg.grab().save(str(tmp_path / "access_log.png"))
    dlg.search.setText("수당")
    assert dlg.model.rowCount() == 1
    dlg.search.setText("")
    n = dlg.export_to(tmp_path / "log.xlsx")
    assert n == 3
    ws = openpyxl.load_workbook(tmp_path / "log.xlsx").active
    assert ws.max_row == 4 and ws.cell(2, 9).value == f"홍길동 (#{person.id})"
    with services.store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE accesslog SET detail = '조작' WHERE id = 2")
    dlg.reload()
    assert "✘" in dlg.chain.text() and "2번" in dlg.chain.text()
    dlg.grab().save(str(tmp_path / "access_log_broken.png"))


def test_people_page_and_menu_are_wired(qtbot, services, person, tmp_path):
    from aict_desktop.config import Settings
    from aict_desktop.ui.main_window import MainWindow
    from aict_desktop.ui.privacy import wiring

    settings = Settings(backup_dir=str(tmp_path / "backups"))
    win = MainWindow(settings, services)
    qtbot.addWidget(win)
    wiring.install(win, services, settings)
    win.resize(1280, 800)
    win.show()
    page = win.show_page("people")
    tab = page.people
    tab.activate() if hasattr(tab, "activate") else None
    assert tab.select_id(person.id)
    qtbot.waitUntil(lambda: tab.rrn_field.person_id == person.id, timeout=3000)
    assert tab.rrn_field.value.text() == "800101-1******"
    assert tab.bank_field.value.text().endswith("**6789 (예금주 홍길동)")
    win.grab().save(str(tmp_path / "people_page.png"))
    assert win.registry["access_log"].isEnabled()
    # the window closing writes today's automatic backup
    written = wiring.backup_now(win, services, settings, on_exit=True)
    assert written is not None and written.parent == tmp_path / "backups"
    assert b"8001011234567" not in written.read_bytes()
