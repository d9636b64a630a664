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
