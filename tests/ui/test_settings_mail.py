"""설정 → 메일 서버: typed, tested against a real loopback SMTP server, saved (password only in the keyring)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from aict_desktop.domain.models import Setting
from aict_desktop.i18n import _
from tests.ui.user import type_text
from tests.unit.test_notice_mail import _free_port, smtp_server  # noqa: F401  (the loopback SMTP fixture)


def fill(box, host: str, port: int, user: str = "office", password: str = "S3cret-pw!") -> None:
    f = box.fields
    for field, text in ((f.host, host), (f.user, user), (f.password, password), (f.sender, "aict@example.go.kr")):
        field.setFocus()
        field.selectAll()
        type_text(field, text)
    f.port.lineEdit().selectAll()
    type_text(f.port.lineEdit(), str(port))
    f.security.setCurrentIndex(f.security.findData("none"))


def test_test_then_save_keeps_the_password_out_of_the_file(main_window, services, smtp_server, qtbot, _isolated):  # noqa: F811
    _handler, ctl = smtp_server
    page = main_window.show_page("settings")
    box = page.mail_box
    fill(box, "127.0.0.1", ctl.port)
    assert page.has_unsaved_changes()
    qtbot.mouseClick(box.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.job is not None and box.job.done, timeout=15_000)
    connected = _("Connected to {host}:{port}. {greeting}").format(host="127.0.0.1", port=ctl.port, greeting="")
    assert box.result.text().startswith(connected.strip())
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    cfg = services.notices.smtp_settings()
    assert (cfg.host, cfg.port, cfg.security, cfg.user) == ("127.0.0.1", ctl.port, "none", "office")
    assert services.notices.smtp_password(cfg) == "S3cret-pw!"
    with services.store.session() as s:
        assert "S3cret" not in s.get(Setting, "smtp").value
    assert not page.has_unsaved_changes()
    box.grab().save("/tmp/settings_mail.png")


def test_a_wrong_password_and_no_server_are_said_plainly(main_window, services, smtp_server, qtbot):  # noqa: F811
    _handler, ctl = smtp_server
    box = main_window.show_page("settings").mail_box
    fill(box, "127.0.0.1", ctl.port, password="wrong")
    qtbot.mouseClick(box.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.job.done, timeout=15_000)
    assert "535" in box.result.text() and box.test_button.isEnabled()
    fill(box, "127.0.0.1", _free_port())
    qtbot.mouseClick(box.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.job.done, timeout=15_000)
    assert "127.0.0.1" in box.result.text() and services.notices.smtp_settings().host == ""  # nothing saved
