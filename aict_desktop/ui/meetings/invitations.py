"""Before a notice or a 참석자 명부 of a meeting not yet held: does the invitation list match the current members?

A member appointed (or 해촉) after the meeting was prepared would be left out of (or wrongly on)
the papers. The user is asked once per paper: 명단 갱신 (invite the missing, take off who no
longer serves), 그대로 (keep the list as it is) or 취소.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from aict_desktop.i18n import _
from aict_desktop.ui.meetings.common import attempt


def gaps_text(gaps) -> str:
    lines = [_("The invitation list differs from the body's current members.")]
    if gaps.not_invited:
        lines.append(_("Not invited: {names}").format(names=", ".join(gaps.not_invited)))
    if gaps.not_serving:
        lines.append(_("No longer serving: {names}").format(names=", ".join(gaps.not_serving)))
    lines.append(_("Update the invitation list first?"))
    return "\n".join(lines)


def check_invitations(parent: QWidget | None, services, meeting_id: int) -> bool:
    """True to go on (the list updated, or kept as it is); False when the user cancels or the update fails."""
    gaps = attempt(parent, lambda: services.meetings.invitation_gaps(meeting_id))
    if gaps is None:
        return False
    if not gaps:
        return True
    box = QMessageBox(QMessageBox.Icon.Question, _("Invitation list"), gaps_text(gaps), parent=parent)
    box.setObjectName("invitation_gaps")
    update = box.addButton(_("Update the list"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(_("Keep it as it is"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(update)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is update:
        return attempt(parent, lambda: services.meetings.update_invitations(meeting_id)) is not None
    return clicked is keep
