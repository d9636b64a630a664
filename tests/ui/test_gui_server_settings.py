"""설정 → 데이터베이스 for a shared server (issue 15 item 14): password field, 연결 시험, keyring only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from aict_desktop.config import Settings, settings_path
from aict_desktop.services.container import Services
from aict_desktop.store import open_store, server
from aict_desktop.ui.pages.settings import SettingsPage
from tests.postgres.test_server_mode import PASSWORD, office_db, staff_role  # noqa: F401 (fixtures)
from tests.ui.user import type_text

pytestmark = pytest.mark.postgres


@pytest.fixture
def page(qtbot, tmp_path):
    services = Services(open_store(tmp_path / "local.sqlite", create=True))
    p = SettingsPage(services, Settings())
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    yield p
    services.store.dispose()


def _type(page, key: str, text: str) -> None:
    field = page.program_form.fields[key]
    field.clear()
    field.setFocus()
    type_text(field, text)


def _shown(page) -> str:
    """Everything the form shows: the top message and the messages under the fields."""
    f = page.program_form
    return " ".join([f.message.text()] + [e.text() for e in f.errors.values()])


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_test_connection_then_save_keeps_the_password_in_the_keyring_only(page, qtbot, office_db, _isolated):  # noqa: F811
    _type(page, "database", office_db)
    _type(page, "server_password", "wrong")
    _click(qtbot, page.test_server_button)
    assert "비밀번호" in _shown(page)  # the server refused it, said plainly

    _type(page, "server_password", PASSWORD)
    _click(qtbot, page.test_server_button)
    assert "PostgreSQL" in _shown(page)

    _click(qtbot, page.save_program_button)
    saved = settings_path().read_text(encoding="utf-8")
    assert Settings.load().database == office_db and PASSWORD not in saved
    assert _isolated.secrets[("AICT Secretariat", server.keyring_account(office_db))] == PASSWORD
    assert page.password_line.text() == ""  # not left on screen


def test_an_address_with_a_password_in_it_is_refused(page, qtbot, office_db, _isolated):  # noqa: F811
    with_password = office_db.replace("kim@", "kim:" + "s3cret@")
    _type(page, "database", with_password)
    _click(qtbot, page.save_program_button)
    assert not settings_path().exists()
    assert "비밀번호" in _shown(page)
    assert not _isolated.secrets
