"""Start-up pieces: the data file is created and locked; a second instance is refused clearly."""

from __future__ import annotations

import pytest

from aict_desktop.app import open_data
from aict_desktop.domain.errors import StoreError
from aict_desktop.ui.worker import run_in_background


def test_open_data_creates_the_file_and_reports_empty(tmp_path):
    target = tmp_path / "new" / "aict.sqlite"
    opened = open_data(str(target))
    try:
        assert target.exists() and opened.empty
    finally:
        opened.close()


def test_second_instance_on_the_same_file_is_refused(tmp_path):
    target = str(tmp_path / "aict.sqlite")
    first = open_data(target)
    try:
        with pytest.raises(StoreError) as err:
            open_data(target)
        assert "이미" in err.value.message and "aict.sqlite" in err.value.message
    finally:
        first.close()
    open_data(target).close()  # free again once the first one closed


def test_window_can_be_shown_before_the_data_file_is_open(qtbot, tmp_path):
    from aict_desktop.config import Settings
    from aict_desktop.ui.main_window import MainWindow

    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    assert not win.registry["save"].isEnabled()
    job = run_in_background(win, lambda: open_data(str(tmp_path / "a.sqlite")), on_success=lambda o: (
        setattr(win, "_opened", o), win.attach_services(o.services)), show_progress=False)
    qtbot.waitUntil(lambda: job.done, timeout=20_000)
    assert win.registry["save"].isEnabled()
    assert win.current_page() is win.pages["dashboard"]
    win._opened.close()


def test_worker_reports_failures_on_the_gui_thread(qtbot):
    from aict_desktop.domain.errors import ValidationError

    seen = []

    def boom():
        raise ValidationError("잘못된 입력")

    job = run_in_background(None, boom, on_failure=seen.append, show_progress=False)
    qtbot.waitUntil(lambda: job.done)
    assert isinstance(seen[0], ValidationError) and seen[0].message == "잘못된 입력"


def test_cancelled_work_is_discarded(qtbot):
    import threading

    gate = threading.Event()
    seen = []

    def slow(cancelled):
        gate.wait(5)
        return "done" if not cancelled() else "stopped"

    job = run_in_background(None, slow, on_success=seen.append)
    job.cancel()
    gate.set()
    qtbot.waitUntil(lambda: job.done)
    assert seen == []


def test_the_window_says_when_settings_were_unreadable_or_the_file_is_in_onedrive(qtbot, tmp_path, monkeypatch):
    """Issue 21 items 6 and 10: the program starts, and says why what it opened may not be what the user expects."""
    from PySide6.QtWidgets import QWidget

    from aict_desktop.app import warn_about_setup
    from aict_desktop.config import Settings
    from aict_desktop.ui import feedback

    (tmp_path / "settings.json").write_bytes(b'{"database": ')
    settings = Settings.load(tmp_path / "settings.json")
    window = QWidget()
    qtbot.addWidget(window)
    monkeypatch.setenv("OneDrive", str(tmp_path / "OneDrive"))
    warn_about_setup(window, settings, str(tmp_path / "OneDrive" / "aict.sqlite"))
    assert any("settings.json" in m for m in feedback.shown[-2:])
    assert any("OneDrive" in m for m in feedback.shown[-2:])


def test_the_toolbar_icons_come_after_the_first_paint_in_the_room_kept_for_them(qtbot):
    """Importing QStyle builds ten PySide6 enums (≈12 ms): the window shows first, with each icon's room kept,
    and the style's icons replace the transparent ones once it is on screen; nothing moves."""
    from PySide6.QtWidgets import QStyle, QToolButton

    from aict_desktop.config import Settings
    from aict_desktop.ui.main_window import MainWindow

    win = MainWindow(Settings(), data_label="x")
    qtbot.addWidget(win)
    win.resize(1366, 728)
    assert not win.registry.icons_loaded
    new = win.registry["new"]
    assert not new.icon().isNull()  # the placeholder keeps the icon's room
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.registry.icons_loaded, timeout=3000)
    button = next(b for b in win.toolbar.findChildren(QToolButton) if b.defaultAction() is new)
    expected = win.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon).pixmap(16).toImage()
    assert new.icon().pixmap(16).toImage() == expected
    assert button.icon().pixmap(16).toImage() == expected
