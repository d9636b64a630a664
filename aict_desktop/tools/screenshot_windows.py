"""The windows beyond the pages, for ``tools.screenshots``: 가져오기, 회의 준비, the preview and meeting mode.

Nothing here changes the user's data: the dialogs are closed without saving, and meeting mode (which
starts the meeting it opens) runs on a temporary copy of the data file, made with the validated backup.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from aict_desktop.domain.enums import MeetingStatus, MinutesStatus
from aict_desktop.domain.errors import DomainError

TASK_BAR = 40  # what a laptop's task bar and the window's title bar take from the screen's height


def settle(app: QApplication, turns: int = 10) -> None:
    for _ in range(turns):
        app.processEvents()


def save_window(app: QApplication, window: QWidget, path: Path, size: tuple[int, int]) -> Path:
    """Show ``window`` within the screen ``size`` (as the window itself fits a laptop), save its picture."""
    width, height = size
    window.show()
    settle(app)
    if window.width() > width or window.height() > height - TASK_BAR:
        window.resize(min(window.width(), width), min(window.height(), height - TASK_BAR))
        settle(app)
    window.grab().save(str(path))
    return path


def first_meeting(services, *, held: bool) -> int | None:
    """The first meeting held (or not yet held: the one meeting mode and 회의 준비 would open)."""
    def is_held(m) -> bool:
        return m.status == MeetingStatus.HELD.value or m.minutes_status == MinutesStatus.CONFIRMED.value

    return next((m.id for m in services.meetings.list() if is_held(m) == held), None)


def import_wizard(services, parent: QWidget) -> QWidget:
    from aict_desktop.ui.dialogs.import_wizard import ImportWizard

    return ImportWizard(services, "people", parent)


def meeting_prep(services, parent: QWidget) -> QWidget | None:
    from aict_desktop.ui.meetings.prep_dialog import MeetingPrepDialog

    meeting = first_meeting(services, held=False)
    return MeetingPrepDialog(services, meeting_id=meeting, parent=parent) if meeting is not None else None


def preview(services, parent: QWidget) -> QWidget | None:
    """The 위촉장 preview of the first body with members waiting for one (nothing is issued)."""
    from aict_desktop.ui.preview import PreviewDialog

    for body in services.bodies.list_bodies():
        try:
            data = services.certificates.preview(body.id)
        except DomainError:
            continue
        return PreviewDialog(data, f"{body.name} 위촉장", f"{body.name} 위촉장.pdf", parent)
    return None


@contextmanager
def meeting_mode(services) -> Iterator[QWidget | None]:
    """Meeting mode on a copy of the data file (opening it starts the meeting); None without a meeting to hold."""
    from aict_desktop.services.container import Services
    from aict_desktop.services.data_file import backup_to
    from aict_desktop.store import open_store
    from aict_desktop.ui.meetings.meeting_mode import MeetingModeWindow

    if services.store.path is None or first_meeting(services, held=False) is None:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="aict-screenshots-") as tmp:
        copy = backup_to(services.store, Path(tmp) / "copy.sqlite")
        store = open_store(copy)
        try:
            sv = Services(store)
            window = MeetingModeWindow(sv, first_meeting(sv, held=False))
            try:
                yield window
            finally:
                window.close()
                window.deleteLater()
                QApplication.processEvents()
        finally:
            store.dispose()


WINDOWS: tuple[tuple[str, Callable], ...] = (("import_wizard", import_wizard), ("meeting_prep", meeting_prep),
                                             ("preview", preview))
