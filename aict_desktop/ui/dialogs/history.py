"""The whole chain of terms (연임) of an appointment, oldest first, the selected one marked."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.domain.enums import AppointmentStatus
from aict_desktop.i18n import _, fmt_date, fmt_range
from aict_desktop.ui.base_dialog import BaseDialog


def describe_term(services, a) -> str:
    status = services.appointments.status(a)
    text = _("{range} · {role} · {kind} · {status}").format(
        range=fmt_range(a.term_start, a.term_end), role=a.role.label(), kind=a.kind.label(), status=status.label())
    if a.ended_on and a.end_reason:
        text += " " + _("(ended {date}: {reason})").format(
            date=fmt_date(a.ended_on), reason=AppointmentStatus(a.end_reason).label())
        if a.end_note:
            text += " " + _("Note: {note}").format(note=a.end_note)
    return text


class HistoryDialog(BaseDialog):
    state_key = "history_dialog"

    def __init__(self, services, appointment_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        chain = services.appointments.history(appointment_id)
        person = services.roster.get_person(chain[-1].person_id)
        body = services.bodies.get_body(chain[-1].body_id)
        self.setWindowTitle(_("Term history"))
        self.resize(560, 300)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(_("{name} — {body}").format(name=person.name, body=body.name)))
        self.list = QListWidget()
        for n, a in enumerate(chain, start=1):
            text = _("Term {n}: {text}").format(n=n, text=describe_term(services, a))
            self.list.addItem(("▶ " if a.id == appointment_id else "") + text)
        lay.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    @classmethod
    def ask(cls, services, appointment_id: int, parent: QWidget | None = None) -> None:
        cls(services, appointment_id, parent).exec()
