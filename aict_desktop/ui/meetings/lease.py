"""Meeting mode on one PC at a time: the window's lease on its meeting.

``LeaseKeeper`` takes the lease when the window edits, refreshes it every
``HEARTBEAT`` and gives it back on close; when another PC took it over it emits
``lost`` and the window turns read-only (its last changes are still saved with
the text check, so nothing is overwritten). ``ask_open_elsewhere`` is the
question shown before opening a meeting another PC holds: read-only, take
over, or cancel.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.services.meeting_session import HEARTBEAT

log = logging.getLogger(__name__)
READ_ONLY, TAKE_OVER = "read_only", "take_over"


class LeaseKeeper(QObject):
    lost = Signal(str)  # who holds the meeting now (described)

    def __init__(self, session, meeting_id: int, parent: QObject | None = None,
                 interval_ms: int = int(HEARTBEAT.total_seconds() * 1000)):
        super().__init__(parent)
        self.session = session
        self.meeting_id = meeting_id
        self.token = session.new_token()
        self.held = False
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.beat)

    def acquire(self, take_over: bool = False) -> None:
        """Hold the meeting (``MeetingOpenElsewhere`` when another PC does and ``take_over`` is not set)."""
        self.session.acquire(self.meeting_id, self.token, take_over=take_over)
        self.held = True
        self.timer.start()

    def beat(self) -> bool:
        """Refresh the lease; False (and ``lost``) when another PC took it over."""
        if not self.held:
            return False
        try:
            if self.session.heartbeat(self.meeting_id, self.token):
                return True
        except DomainError as err:  # the data file is unsafe: the save label says so already
            log.warning("lease heartbeat failed: %s", err.message)
            return True
        self.held = False
        self.timer.stop()
        holder = self.session.holder(self.meeting_id, self.token)
        self.lost.emit(holder.describe() if holder else _("another PC"))
        return False

    def release(self) -> None:
        self.timer.stop()
        if self.held:
            self.held = False
            try:
                self.session.release(self.meeting_id, self.token)
            except DomainError as err:
                log.warning("lease release failed: %s", err.message)


def ask_open_elsewhere(parent: QWidget | None, holder) -> str | None:
    """Another PC has meeting mode open on the meeting: READ_ONLY, TAKE_OVER or None (cancel)."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("Meeting open on another PC"), _(
        "Meeting mode is already open on this meeting: {holder}.\n\n"
        "Open it read-only to follow along, or take it over (the other PC then stops editing; "
        "nothing it typed is overwritten).").format(holder=holder.describe()), parent=parent)
    box.setObjectName("open_elsewhere")
    read_only = box.addButton(_("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    take_over = box.addButton(_("Take over"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    for button, name in ((read_only, "open_read_only"), (take_over, "take_over"), (cancel, "cancel")):
        button.setObjectName(name)
    box.setDefaultButton(read_only)
    box.exec()
    clicked = box.clickedButton()
    return READ_ONLY if clicked is read_only else TAKE_OVER if clicked is take_over else None
