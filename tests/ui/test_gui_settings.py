"""Settings page: program settings saved to settings.json; per-body issuer, wording, seal, rates."""

from __future__ import annotations

import struct
import zlib

from aict_desktop.config import Settings


def tiny_png() -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"\x00\xff\x00\x00"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_program_settings_are_saved(main_window, tmp_path):
    page = main_window.show_page("settings")
    f = page.program_form
    f.fields["language"].setCurrentIndex(f.fields["language"].findData("en"))
    f.fields["backup_dir"].setText(str(tmp_path / "missing"))
    assert not page.save_program()
    assert f.errors["backup_dir"].text()
    f.fields["backup_dir"].setText(str(tmp_path))
    f.fields["expiring_days"].setValue(90)
    assert page.save_program()
    saved = Settings.load()
    assert saved.language == "en" and saved.backup_dir == str(tmp_path) and saved.expiring_days == 90


def test_body_issuer_seal_and_rates(main_window, demo_services, tmp_path):
    page = main_window.show_page("settings")
    body_id = page.body_form.fields["body_id"].currentData()
    page.body_form.fields["issuer"].setText("서울특별시 서초구청장")
    page.body_form.fields["allowance_rate"].setValue(150_000)
    bad = tmp_path / "seal.jpg"
    bad.write_bytes(b"\xff\xd8\xff not png")
    assert not page.load_seal_file(bad)
    assert page.body_form.errors["seal"].text()
    good = tmp_path / "seal.png"
    good.write_bytes(tiny_png())
    assert page.load_seal_file(good)
    assert page.save_body()
    body = demo_services.bodies.get_body(body_id)
    assert body.issuer == "서울특별시 서초구청장" and body.allowance_rate == 150_000
    assert body.seal_png == tiny_png()


def test_a_path_pasted_from_explorer_with_quotes_is_taken(main_window, tmp_path, qtbot):
    """Explorer's 경로로 복사 gives "C:\\...\\백업" with the quotes (issue 21 item 11)."""
    from PySide6.QtCore import Qt

    from tests.ui.user import type_text

    page = main_window.show_page("settings")
    folder = tmp_path / "백업 폴더"
    folder.mkdir()
    field = page.program_form.fields["backup_dir"]
    field.clear()
    field.setFocus()
    type_text(field, f'"{folder}"')
    qtbot.mouseClick(page.save_program_button, Qt.MouseButton.LeftButton)
    assert Settings.load().backup_dir == str(folder)


def _settings_page(main_window):
    from tests.ui.test_gui_trust import click_nav

    click_nav(main_window, "settings")
    return main_window.current_page()


def test_typed_body_settings_are_asked_about_before_another_page(main_window, demo_services, qtbot):
    """설정 → 기구별 설정: a typed rate is saved, dropped or kept when the user goes elsewhere (issue 15 item 2)."""
    from tests.ui.test_gui_trust import ANSWERS, answer_next_message, click_nav

    page = _settings_page(main_window)
    body = page._body
    issuer = page.body_form.fields["issuer"]
    issuer.setFocus()
    issuer.selectAll()
    type_text_into(issuer, "서울특별시 서초구청장 (직무대리)")
    assert page.has_unsaved_changes()

    answer_next_message(ANSWERS["cancel"])
    click_nav(main_window, "tasks")
    assert main_window.current_page() is page and issuer.text().endswith("(직무대리)")

    answer_next_message(ANSWERS["save"])
    click_nav(main_window, "tasks")
    assert main_window.current_page() is main_window.pages["tasks"]
    assert demo_services.bodies.get_body(body.id).issuer == "서울특별시 서초구청장 (직무대리)"


def test_choosing_another_body_with_typed_changes_asks_first(main_window, demo_services, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from tests.ui.test_gui_trust import ANSWERS, answer_next_message

    page = _settings_page(main_window)
    combo = page.body_form.fields["body_id"]
    first = page._body
    before = demo_services.bodies.get_body(first.id).issuer
    issuer = page.body_form.fields["issuer"]
    issuer.setFocus()
    issuer.selectAll()
    type_text_into(issuer, "다른 위촉권자")

    answer_next_message(ANSWERS["cancel"])
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)  # the next body in the list
    qtbot.waitUntil(lambda: combo.currentData() == first.id, timeout=5000)
    assert issuer.text() == "다른 위촉권자"

    answer_next_message(ANSWERS["discard"])
    QTest.keyClick(combo, Qt.Key.Key_Down)
    assert page._body.id != first.id and not page.has_unsaved_changes()
    assert demo_services.bodies.get_body(first.id).issuer == before


def type_text_into(widget, text: str) -> None:
    from tests.ui.user import type_text

    type_text(widget, text)
