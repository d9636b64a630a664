"""파일 → 암호화 키 내보내기/가져오기 (issue 21 item 12): moving to a new PC without the command line."""

from __future__ import annotations

import keyring
from PySide6.QtWidgets import QApplication, QMessageBox

from aict_desktop.config import Settings
from aict_desktop.ui.privacy import wiring
from tests.conftest import MemoryKeyring


def read_and_close_messages() -> list[str]:
    """Press OK on the message boxes that are open (a user reading them); their texts."""
    texts = []
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.isVisible():
            texts.append(w.text())
            w.close()
    return texts


def choose_in_file_dialog(monkeypatch, path) -> None:
    """The user picks ``path`` in the next save or open dialog."""
    from aict_desktop.ui.privacy import key_files

    monkeypatch.setattr(key_files, "get_save_file_name", lambda *_a, **_k: (str(path), ""))
    monkeypatch.setattr(key_files, "get_open_file_name", lambda *_a, **_k: (str(path), ""))


def test_export_then_import_the_key_on_a_new_pc(main_window, demo_services, qtbot, tmp_path, monkeypatch):
    person = demo_services.roster.list_people()[0]
    demo_services.personal.set_rrn(person.id, "800101-1234567")
    wiring.install(main_window, demo_services, Settings())
    choose_in_file_dialog(monkeypatch, tmp_path / "열쇠.aictkey")
    main_window.registry["key_export"].trigger()  # 파일 → 암호화 키 내보내기…
    key_file = tmp_path / "열쇠.aictkey"
    assert any(str(key_file) in t for t in read_and_close_messages())
    assert key_file.read_text(encoding="ascii").startswith("aict-key-v1:")
    assert (key_file.stat().st_mode & 0o077) == 0  # readable by this user only
    log = demo_services.personal.store
    from aict_desktop.services.data_file import entries

    assert any(e.action == "personal.export" for e in entries(log, limit=5))

    keyring.set_keyring(MemoryKeyring())  # the new PC: its keyring does not have the key
    from aict_desktop.services.container import Services

    from aict_desktop.ui.main_window import MainWindow

    fresh = Services(demo_services.store)  # the program started on the new PC
    new_window = MainWindow(Settings(), fresh)
    qtbot.addWidget(new_window)
    wiring.install(new_window, fresh, Settings())
    new_window.registry["key_import"].trigger()
    assert read_and_close_messages()  # "the key was imported"
    assert fresh.personal.reveal_rrn(person.id) == "800101-1234567"
