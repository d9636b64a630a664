"""Meeting mode on one PC at a time: the window's lease on its meeting.

``LeaseKeeper`` takes the lease when the window edits, refreshes it every
``HEARTBEAT`` and gives it back on close; when another PC took it over it emits
``lost`` and the window turns read-only (its last changes are still saved with
the text check, so nothing is overwritten). ``ask_open_elsewhere`` is the
question shown before opening a meeting another PC holds: read-only, take
over, or cancel. ``OnePcAtATime`` is meeting mode's side of it: the read-only
banner, 편집 (take the lease, asking first), turning read-only when taken over,
and following what the other PC saves.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from aict_desktop.domain.enums import MinutesStatus
from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.services.meeting_session import HEARTBEAT, is_held
from aict_desktop.ui.meetings.common import BAD_STYLE, attempt

log = logging.getLogger(__name__)
READ_ONLY, TAKE_OVER = "read_only", "take_over"
BANNER_STYLE = "background: #fff4ce; border: 1px solid #d9b600; padding: 6px; font-weight: bold;"


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


def how_to_open(parent: QWidget | None, session, meeting) -> tuple[bool, bool] | None:
    """(read_only, take_over) for opening meeting mode on ``meeting``; None when the user cancelled."""
    holder = None if is_held(meeting) else session.holder(meeting.id)
    if holder is None:
        return False, False
    choice = ask_open_elsewhere(parent, holder)  # another PC or process has meeting mode open on it
    if choice is None:
        return None
    return choice == READ_ONLY, choice == TAKE_OVER


class OnePcAtATime:
    """Meeting mode's read-only state and take-over (mixed into ``MeetingModeWindow``, which provides
    ``tools``, ``services``, ``meeting``, ``meeting_id``, ``lease``, the panels and ``_apply_lock``)."""

    def _held_reason(self) -> str:
        if self.meeting.minutes_status is MinutesStatus.CONFIRMED:
            return _("Read-only: the minutes of this meeting are confirmed. Its status is not changed.")
        return _("Read-only: this meeting was held (ended). Opening it does not re-open it; "
                 "press Edit to complete the minutes.")

    def _build_banner(self) -> QFrame:
        self.banner = QFrame(objectName="read_only_banner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner_text = QLabel(objectName="read_only_text")
        self.banner_text.setWordWrap(True)
        self.edit_button = QPushButton(_("Edit"), objectName="edit_here")
        self.edit_button.setToolTip(_("Edit here (the meeting's status stays as it is)"))
        banner = QHBoxLayout(self.banner)
        banner.setContentsMargins(4, 2, 4, 2)
        banner.addWidget(self.banner_text, 1)
        banner.addWidget(self.edit_button)
        return self.banner

    def _show_banner(self) -> None:
        self.banner.setVisible(not self.editing)
        self.banner_text.setText(self.view_reason)
        confirmed = self.meeting.minutes_status is MinutesStatus.CONFIRMED
        self.edit_button.setVisible(not self.editing and not confirmed)
        if self.editing:
            self.follow.stop()
        else:
            self.follow.start()

    def edit_here(self, take_over: bool | None = None) -> bool:
        """Start editing in this window: take the lease (asking first when another PC holds it)."""
        if self.editing:
            return True
        session = self.tools.session
        holder = session.holder(self.meeting_id, self.lease.token)
        if holder is not None and take_over is None:
            take_over = ask_open_elsewhere(self, holder) == TAKE_OVER
            if not take_over:
                return False
        if attempt(self, lambda: self.lease.acquire(take_over=bool(take_over)) or True) is None:
            return False
        self.meeting = session.get(self.meeting_id) if is_held(session.get(self.meeting_id)) \
            else session.start(self.meeting_id)
        self.editing = True
        self.follow_other_pc()  # start from what is stored now
        self._apply_lock(self.minutes_bar.refresh())
        self._show_banner()
        if self.meeting.closed_at is None:
            self.clock.start()
        return True

    def _lease_lost(self, holder: str) -> None:
        """Another PC took the meeting over: keep what was typed (saved with the text check), then view."""
        self.save_all()
        self.editing = False
        self.view_reason = _("Read-only: meeting mode was taken over by {holder}. "
                             "What you typed was saved or kept; press Edit to take it back.").format(holder=holder)
        self._apply_lock(self.minutes_bar.refresh())
        self._show_banner()
        self.banner_text.setStyleSheet(BAD_STYLE)

    def follow_other_pc(self) -> None:
        """A read-only window shows what was saved meanwhile (notes, remarks, attendance, votes)."""
        for saver in (self.item_panel.saver, self.summary_saver):
            if saver.dirty:
                return  # never replace what this window has not saved
        meetings = self.services.meetings
        item_id = self.item_panel.item_id
        try:
            if item_id is not None:
                notes = meetings.item(item_id).notes
                if notes != self.item_panel.notes.toPlainText():
                    self.item_panel.saver.load(notes)
            summary = meetings.get(self.meeting_id).minutes_summary
            if summary != self.summary.toPlainText():
                self.summary_saver.load(summary)
        except Exception:  # noqa: BLE001 - a vanished item: the next agenda reload shows it
            return
        if not self.editing:
            self.attendance.reload()
            self.refresh_quorum()
            self.reload_agenda(select=item_id)
