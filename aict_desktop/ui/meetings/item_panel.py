"""Meeting mode's current agenda item: 발언 요지 (autosaved) and, for 의결 items, the vote (``VotePanel``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from aict_desktop.domain.enums import AgendaKind
from aict_desktop.i18n import _
from aict_desktop.ui.meetings.autosave import DebouncedSaver
from aict_desktop.ui.screen_text import term
from aict_desktop.ui.meetings.vote_panel import VotePanel


class ItemPanel(QWidget):
    decided = Signal()
    saveFailed = Signal(str)
    saved = Signal()

    def __init__(self, services, rules, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.item_id: int | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setStyleSheet("color: #444;")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setPlaceholderText(_("Summary of the discussion (saved automatically as you type)"))
        self.notes.setTabChangesFocus(True)
        self.saver = DebouncedSaver(self.notes, self._save_notes)
        self.saver.failed.connect(self.saveFailed)
        self.saver.saved.connect(self.saved)

        self.vote_box = VotePanel(services, rules, meeting_id)
        vb = self.vote_box  # the fields meeting mode's keys and the tests reach
        self.yes, self.no, self.abstain, self.chair_vote = vb.yes, vb.no, vb.abstain, vb.chair_vote
        self.decision_text, self.record_button, self.result = vb.decision_text, vb.record_button, vb.result
        vb.decided.connect(self.decided)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.heading)
        lay.addWidget(self.description)
        lay.addWidget(QLabel(_("Summary of remarks")))
        lay.addWidget(self.notes, 1)
        lay.addWidget(self.vote_box)

    def _save_notes(self, text: str, base: str | None) -> str:
        """Saved only over the text this field started from (another PC's text is never overwritten)."""
        if self.item_id is None:
            return text
        return self.services.meetings.save_notes(self.item_id, text, base=base)

    def show_item(self, item_id: int | None, position: int = 0) -> None:
        """Save the item being left, then show ``item_id``."""
        self.saver.flush()
        self.item_id = item_id
        if item_id is None:
            self.heading.setText(_("This meeting has no agenda items yet."))
            self.description.clear()
            self.saver.load("")
            self.notes.setEnabled(False)
            self.vote_box.hide()
            return
        item = self.services.meetings.item(item_id)
        self.notes.setEnabled(True)
        presenter = _(" — presented by {name}").format(name=item.presenter) if item.presenter else ""
        self.heading.setText(f"{position}. [{term(item.kind)}] {item.title}{presenter}")
        self.description.setText(item.description)
        self.description.setVisible(bool(item.description))
        self.saver.load(item.notes)
        voting = item.kind is AgendaKind.RESOLUTION
        self.vote_box.setVisible(voting)
        self.vote_box.show_item(item_id if voting else None)

    def refresh_vote(self) -> None:
        """After attendance changed: the quorum, the 출석 of the item and what passing needs."""
        self.vote_box.refresh()  # nothing to do unless an 의결 item is shown

    def record_vote(self) -> None:
        self.vote_box.record_vote()

    def set_locked(self, locked: bool) -> None:
        self.notes.setReadOnly(locked)
        self.vote_box.set_locked(locked)
