"""At start-up: a meeting left 진행중 (the program or PC died mid-meeting) is offered for reopening."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from aict_desktop.i18n import _, fmt_date
from aict_desktop.services.meeting_tools import meeting_tools


def resume_question(meeting) -> str:
    return _("The meeting “{title}” ({date}) was still in progress when the program last stopped. "
             "Everything typed was saved. Reopen it in meeting mode now?").format(
        title=meeting.title, date=fmt_date(meeting.starts_at.date()))


def _ask(parent: QWidget | None, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, _("Meeting in progress"), text, parent=parent)
    yes = box.addButton(_("Reopen meeting mode"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Not now"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes)
    box.exec()
    return box.clickedButton() is yes


def offer_resume(services, parent: QWidget | None = None, ask: Callable[[QWidget | None, str], bool] = _ask):
    """Ask about the most recent meeting left 진행중 and reopen it; returns its window or None."""
    running = meeting_tools(services).session.in_progress()
    if not running or not ask(parent, resume_question(running[0])):
        return None
    from aict_desktop.ui.meetings.meeting_mode import open_meeting_mode

    return open_meeting_mode(services, running[0].id, parent)
