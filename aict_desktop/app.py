"""Composition root: settings → language → fonts → main window → data file → services.

Everything is built here and passed in explicitly; there is no global
application object. The window is shown first and the data file is opened
in the background (importing the database layer and checking the schema
takes most of a second), so the program appears at once. Before that starts,
the dashboard is filled from a quick read-only look at a SQLite file with the
standard library (``services.first_paint``); the services then refill it in place.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from aict_desktop import __version__, i18n
from aict_desktop.config import Settings
from aict_desktop.i18n import _


@dataclass
class Opened:
    """What opening the data file produced (released on exit)."""

    services: object
    lock: object | None = None
    empty: bool = False
    read_only: str | None = None  # why the data file can be read but not written, or None

    def close(self) -> None:
        try:
            self.services.store.dispose()
        finally:
            if self.lock is not None:
                self.lock.release()


def open_data(target: str) -> Opened:
    """Lock a local file against a second instance, create/upgrade it, build the services."""
    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store
    from aict_desktop.store.engine import is_url
    from aict_desktop.store.instance_lock import InstanceLock

    lock = read_only = None
    if not is_url(target):
        path = Path(target).expanduser().resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = InstanceLock(path).acquire()
        # before SQLite opens it: on POSIX, closing any descriptor of the file would release SQLite's locks
        read_only = read_only_reason(path) if path.exists() else None
    try:
        store = open_store(target, create=True)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    if lock is not None:
        try:
            lock.bind_identity()  # a file created just now: lock its device+inode too (hard links)
        except BaseException:
            store.dispose()
            lock.release()
            raise
    services = Services(store)
    empty = not services.bodies.list_bodies()
    return Opened(services, lock, empty, read_only)


def restore_in_place(window, state: dict, target: str, settings: Settings):
    """The 파일 menu's 복원 for a local data file: ``restore(backup)`` saves and closes meeting mode, closes
    the file, replaces it with the validated backup (this process keeps the instance lock), opens it again
    and puts the window on it. ``None`` for a server database (IT restores it with ``aict restore``)."""
    from aict_desktop.store.engine import is_url

    if is_url(target):
        return None

    def restore(backup: Path) -> Path | None:
        from aict_desktop.domain.errors import StoreError
        from aict_desktop.services.container import Services
        from aict_desktop.services.data_file import restore_from, validate_backup
        from aict_desktop.store import open_store
        from aict_desktop.ui.meetings.meeting_mode import close_open_meetings
        from aict_desktop.ui.privacy.wiring import install as install_privacy

        validate_backup(backup)
        if not close_open_meetings():
            raise StoreError(_("A meeting-mode window could not save its last change; nothing was restored."))
        old: Opened = state["opened"]
        old.services.store.dispose()
        try:
            kept = restore_from(Path(target), backup, lock_held=True)
        finally:  # restored or left as it was: the window works on the file again
            read_only = read_only_reason(Path(target))  # before SQLite opens it (its locks)
            services = Services(open_store(target))
            state["opened"] = Opened(services, old.lock, False, read_only)
            window.replace_services(services)
            install_privacy(window, services, settings)
        return kept

    return restore


def read_only_reason(path: Path) -> str | None:
    """The banner's text when the data file cannot be written (permissions, a read-only drive or share).

    Opens the file itself: call it only while SQLite has not opened the file in this process (closing
    the descriptor would release SQLite's POSIX locks).
    """
    try:
        with open(path.expanduser(), "r+b"):  # opened for writing, nothing written
            pass
    except OSError:
        return _("The data file {path} is read-only: the data is shown, but nothing can be changed or saved. "
                 "Check the file's permissions, or copy it to a folder of this PC and open the copy.").format(
            path=path)
    return None


def choose_target(db: str | None, settings: Settings) -> str:
    """Which data file to open: ``--db``, else ``$AICT_DB`` (as ``aict`` does), else the one in 설정."""
    return db or os.environ.get("AICT_DB") or settings.database_target()


def offer_demo(window, services) -> bool:
    """On an empty data file: load the demo data, or start empty."""
    box = QMessageBox(QMessageBox.Icon.Question, _("AICT Secretariat"),
                      _("The data file is empty. Load the demo data (bodies, 31 institutions, people, meetings, "
                        "tasks) to try the program, or start with an empty file?"), parent=window)
    demo = box.addButton(_("Load demo data"), QMessageBox.ButtonRole.AcceptRole)
    demo.setObjectName("load_demo")
    empty = box.addButton(_("Start empty"), QMessageBox.ButtonRole.RejectRole)
    empty.setObjectName("start_empty")
    box.setDefaultButton(empty)  # Enter on a real, new data file must not fill it with invented people
    box.exec()
    if box.clickedButton() is not demo:
        return False
    from aict_desktop.services.demo import load_demo
    from aict_desktop.ui.feedback import show_error

    try:
        load_demo(services)
    except Exception as err:  # noqa: BLE001 — shown to the user; the file stays usable
        show_error(window, err)
        return False
    return True


def warn_about_setup(window, settings: Settings, target: str) -> None:
    """Say it when the settings file could not be read (its data file is then unknown) or the data file sits
    on a network share or in a sync folder (where SQLite loses saves): shown once, the program goes on."""
    from aict_desktop.store.engine import is_url
    from aict_desktop.store.location import location_warning
    from aict_desktop.ui.feedback import show_error

    for text in (getattr(settings, "problem", ""), None if is_url(target) else location_warning(Path(target))):
        if text:
            show_error(window, text)


def on_session_end(window) -> None:
    """Windows shutdown or sign-out with the program open: Qt asks to commit data and no window gets its
    closeEvent, so what meeting mode holds is saved and the exit backup written now."""
    from aict_desktop.ui.meetings.meeting_mode import save_open_meetings

    save_open_meetings()
    window.closing.emit()  # the exit backup (ui/privacy/wiring)


def paint_dashboard(window, target: str) -> bool:
    """Fill the dashboard from a quick read of the data file (``services.first_paint``) while the data layer is
    not loaded yet; False when the file is not one to read that way (the services fill it as before)."""
    from aict_desktop.services.first_paint import read_dashboard

    snapshot = read_dashboard(target)
    if snapshot is None:
        return False
    path = Path(target).expanduser()
    if not os.access(path, os.W_OK) and (reason := read_only_reason(path)):
        window.set_read_only(reason)  # the banner first, not with the services: the page is laid out below it
    return window.show_first_paint(snapshot)


def build_app(argv: list[str], settings: Settings) -> QApplication:
    from aict_desktop.ui.fonts import register_fonts
    from aict_desktop.ui.i18n_qt import install_qt_translator

    existing = QApplication.instance()
    # Fusion by name: Qt makes it when the first widget needs a style, not now, and never makes the
    # system's own style first only to replace it (one look on every PC: ui/palette)
    app = existing or QApplication([*argv, "-style", "Fusion"])
    app.setApplicationName("AICT Secretariat")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("AICT")
    install_qt_translator(app, i18n.language())
    register_fonts(app)
    from aict_desktop.ui import app_icon, palette

    palette.install(app, set_style=existing is not None)  # light, whatever the system's dark mode says
    app_icon.install(app)
    return app


def run(db: str | None = None, argv: list[str] | None = None) -> int:
    """Start the program; returns the exit code."""
    settings = Settings.load()
    i18n.install(settings.language)
    app = build_app(argv or sys.argv, settings)
    from aict_desktop.ui.crash import install as install_crash_handler

    install_crash_handler(log_now=False)  # an unexpected error shows a report and is logged, never "nothing happened"
    target = choose_target(db, settings)
    from aict_desktop.ui import single_instance

    if single_instance.bring_running_to_front(target):
        return 0  # this data file is open in the running program: its window came to the front instead

    from aict_desktop.ui.main_window import MainWindow

    window = MainWindow(settings, data_label=_("Data file: {path}").format(path=target))
    app.commitDataRequest.connect(lambda _manager: on_session_end(window))
    window.show()
    state: dict[str, Opened] = {}

    def opened(result: Opened) -> None:
        state["opened"] = result
        window.front_door = single_instance.serve(window, target)  # the lock is held: later launches raise this
        warn_about_setup(window, settings, target)
        if result.empty and result.read_only is None:
            offer_demo(window, result.services)
        window.attach_services(result.services)
        window.restore_handler = restore_in_place(window, state, target, settings)
        if result.read_only is not None:
            window.set_read_only(result.read_only)
        from aict_desktop.ui.privacy.wiring import install as install_privacy

        install_privacy(window, result.services, settings)
        if result.read_only is None:
            from aict_desktop.ui.meetings.resume import offer_resume

            offer_resume(result.services, window)  # a meeting left 진행중 by a crash reopens in meeting mode

    def failed(err: BaseException) -> None:
        window.fail(err)  # the window stays, saying why; the user closes it

    def start_opening() -> None:  # after the first paint, so the window appears before the database layer loads
        from aict_desktop.ui.worker import run_in_background

        run_in_background(window, lambda: open_data(target), on_success=opened, on_failure=failed,
                          label=_("Opening the data file…"), cancellable=False, show_progress=False)

    def first_paint() -> None:  # the dashboard from the file itself, read before anything else opens it
        try:
            paint_dashboard(window, target)
        finally:
            QTimer.singleShot(0, start_opening)

    QTimer.singleShot(0, first_paint)
    from aict_desktop.ui.crash import install_log

    QTimer.singleShot(0, install_log)  # the log file once the window is up
    code = app.exec()
    if "opened" not in state:
        return code or 1  # the data file never opened
    state["opened"].close()
    return code
