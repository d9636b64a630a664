"""Before a 회의 개최 알림 later than the body's notice days: ask for the 긴급 사유 (it is recorded and printed).

A notice that would be dated after its meeting is made only after a warning.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from aict_desktop.i18n import _
from aict_desktop.ui.feedback import confirm


def notice_maker(parent: QWidget, exports, meeting_id: int):
    """A function that renders the notice, or ``None`` when the user cancels (the warning or the reason)."""
    after = exports.notice_after_meeting(meeting_id)
    if after and not confirm(parent, after + "\n" + _("Make the notice anyway?"),
                             title=_("Notice after the meeting"), yes=_("Make it anyway")):
        return None
    why = exports.notice_lateness(meeting_id)
    if why is None:
        return lambda: exports.notice_pdf(meeting_id)
    while True:
        reason, ok = QInputDialog.getText(parent, _("Reason for urgency"), why)
        if not ok:
            return None
        if reason.strip():
            return lambda: exports.notice_pdf(meeting_id, urgent_reason=reason.strip())
