"""Before a 회의 개최 알림 later than the body's notice days: ask for the 긴급 사유 (it is recorded and printed)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from aict_desktop.i18n import _


def notice_maker(parent: QWidget, exports, meeting_id: int):
    """A function that renders the notice, or ``None`` when the user cancels the reason."""
    why = exports.notice_lateness(meeting_id)
    if why is None:
        return lambda: exports.notice_pdf(meeting_id)
    while True:
        reason, ok = QInputDialog.getText(parent, _("Reason for urgency"), why)
        if not ok:
            return None
        if reason.strip():
            return lambda: exports.notice_pdf(meeting_id, urgent_reason=reason.strip())
