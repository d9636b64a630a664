"""The 회의 준비 and 회의 진행 buttons on the meetings page (its ``extra_actions`` row)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton

from aict_desktop.i18n import _
from aict_desktop.ui.feedback import show_error


def _selected_meeting_id(page) -> int | None:
    rows = page.selected_rows()
    return rows[0].id if rows else None


def open_preparation(page):
    """Prepare the selected meeting, or a new one for the body in the filter."""
    from aict_desktop.ui.meetings.prep_dialog import MeetingPrepDialog

    dlg = MeetingPrepDialog(page.services, meeting_id=_selected_meeting_id(page),
                            body_id=page.filters.value("body"), parent=page)
    dlg.finished.connect(lambda _r: (page.refresh(), dlg.meeting_id and page.select_id(dlg.meeting_id)))
    dlg.open()
    return dlg


def open_mode(page):
    from aict_desktop.ui.meetings.meeting_mode import open_meeting_mode

    meeting_id = _selected_meeting_id(page)
    if meeting_id is None:
        show_error(page, _("Select a meeting in the list first."))
        return None
    window = open_meeting_mode(page.services, meeting_id, page.window())
    if window is not None:
        window.destroyed.connect(lambda *_a: page.refresh())
    return window


def install_meeting_buttons(page, row: QHBoxLayout) -> None:
    page.meeting_prep_button = QPushButton(_("Prepare meeting"))
    page.meeting_prep_button.setToolTip(_("Agenda, invitees, open action items, notice and attendance sheet"))
    page.meeting_mode_button = QPushButton(_("Meeting mode"))
    page.meeting_mode_button.setToolTip(_("Attendance, quorum, minutes, votes and action items during the meeting"))
    page.meeting_prep_button.clicked.connect(lambda: open_preparation(page))
    page.meeting_mode_button.clicked.connect(lambda: open_mode(page))
    row.addWidget(page.meeting_prep_button)
    row.addWidget(page.meeting_mode_button)
    row.addStretch(1)
