"""제척·기피·회피: exclude a member from deciding one agenda item, with the kind and a reason."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from aict_desktop.domain.enums import AttendanceStatus, Role
from aict_desktop.domain.rules import RecusalKind
from aict_desktop.i18n import _
from aict_desktop.ui.base_dialog import FormDialog
from aict_desktop.ui.screen_text import term_of


def kind_items() -> list[tuple[str, str]]:
    """``회피 — Withdrew``: the legal term, then its label in the UI language."""
    return [(k.value if k.label() == k.value else f"{k.value} — {k.label()}", k.value) for k in RecusalKind]


class RecusalDialog(FormDialog):
    """OK records the exclusion through ``MeetingService.set_recusal``; a refusal shows beside its field."""

    state_key = "recusal_dialog"

    def __init__(self, services, meeting_id: int, item_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.item_id = item_id
        item = services.meetings.item(item_id)
        self.setWindowTitle(_("Exclude a member from this item"))
        note = QLabel(_("“{title}”: the member stays present for the quorum but takes no part in deciding "
                        "this item.").format(title=item.title))
        note.setWordWrap(True)
        self.layout_body.addWidget(note)
        members = [r for r in services.meetings.attendance_rows(meeting_id) if r.is_member and r.person_id]
        def shown(r) -> str:
            status = term_of(AttendanceStatus, r.status)
            return f"{r.name} ({term_of(Role, r.role)} · {status})" if r.role else f"{r.name} ({status})"

        self.person = self.form.combo("person_id", _("Member"), [(shown(r), r.person_id) for r in members])
        self.kind = self.form.combo("kind", _("Kind"), kind_items())
        self.form.set_values({"kind": RecusalKind.WITHDRAWAL.value})
        self.reason = self.form.line("reason", _("Reason"), _("e.g. the member's institution applied for the grant"))
        self.layout_body.addWidget(self.form)
        self.add_buttons(_("Exclude"))
        self.resize(520, self.sizeHint().height())

    def save(self, v: dict):
        return self.services.meetings.set_recusal(self.item_id, v["person_id"], v["kind"], v["reason"])
