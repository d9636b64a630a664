"""Meeting mode opened as a user has it: shown, active (its keyboard shortcuts act), optionally at a size."""

from __future__ import annotations


def open_meeting_window(qtbot, services, meeting_id: int, size: tuple[int, int] | None = None):
    from aict_desktop.ui.meetings.meeting_mode import MeetingModeWindow

    w = MeetingModeWindow(services, meeting_id)
    qtbot.addWidget(w)
    if size is not None:
        w.resize(*size)
    with qtbot.waitActive(w):  # keyboard shortcuts act in the active window
        w.show()
        w.activateWindow()
    return w
