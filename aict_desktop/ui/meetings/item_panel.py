"""Meeting mode's current agenda item: 발언 요지 (autosaved) and, for 의결 items, the vote."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.domain.enums import AgendaKind, TieRule, VoteResult
from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.ui.meetings.autosave import DebouncedSaver
from aict_desktop.ui.meetings.common import set_status


class ItemPanel(QWidget):
    decided = Signal()
    saveFailed = Signal(str)
    saved = Signal()

    def __init__(self, services, tie_rule: TieRule, parent: QWidget | None = None):
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

        self.vote_box = QGroupBox(_("Vote"))
        self.yes, self.no, self.abstain = (QSpinBox(maximum=999) for _n in range(3))
        self.chair_vote = QComboBox()
        self.chair_vote.addItem(_("(no casting vote)"), None)
        self.chair_vote.addItem(_("Chair votes in favour"), True)
        self.chair_vote.addItem(_("Chair votes against"), False)
        self.chair_vote.setVisible(tie_rule is TieRule.CHAIR_DECIDES)
        self.decision_text = QLineEdit(placeholderText=_("e.g. 원안 가결, 수정 가결"))
        self.record_button = QPushButton(_("Record vote"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        counts = QHBoxLayout()
        for label, spin in ((_("In favour"), self.yes), (_("Against"), self.no), (_("Abstaining"), self.abstain)):
            counts.addWidget(QLabel(label))
            counts.addWidget(spin)
        counts.addWidget(self.chair_vote)
        counts.addStretch(1)
        form = QFormLayout(self.vote_box)
        form.addRow(counts)
        form.addRow(_("Decision"), self.decision_text)
        row = QHBoxLayout()
        row.addWidget(self.record_button)
        row.addWidget(self.result, 1)
        form.addRow(row)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.heading)
        lay.addWidget(self.description)
        lay.addWidget(QLabel(_("Summary of remarks (발언 요지)")))
        lay.addWidget(self.notes, 1)
        lay.addWidget(self.vote_box)
        self.record_button.clicked.connect(self.record_vote)
        self.decision_text.returnPressed.connect(self.record_vote)

    def _save_notes(self, text: str) -> None:
        if self.item_id is not None:
            self.services.meetings.save_notes(self.item_id, text)

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
        self.heading.setText(f"{position}. [{item.kind.value}] {item.title}{presenter}")
        self.description.setText(item.description)
        self.description.setVisible(bool(item.description))
        self.saver.load(item.notes)
        self.vote_box.setVisible(item.kind is AgendaKind.RESOLUTION)
        d = self.services.meetings.decision(item_id)
        self.yes.setValue(d.yes if d else 0)
        self.no.setValue(d.no if d else 0)
        self.abstain.setValue(d.abstain if d else 0)
        self.chair_vote.setCurrentIndex(self.chair_vote.findData(d.chair_vote) if d and d.chair_vote is not None else 0)
        self.decision_text.setText(d.text if d else "")
        self._show_result(d)

    def _show_result(self, d) -> None:
        if d is None:
            self.result.setText(_("No vote recorded."))
            self.result.setStyleSheet("")
            return
        text = _("{result} (yes {yes}, no {no}, abstain {abstain})").format(
            result=d.result.value, yes=d.yes, no=d.no, abstain=d.abstain)
        if d.result is VoteResult.PENDING:
            text += " — " + _("tie: the chair's casting vote is needed")
        set_status(self.result, text, ok=d.result is VoteResult.PASSED)

    def record_vote(self) -> None:
        if self.item_id is None:
            return
        try:
            d = self.services.meetings.record_decision(
                self.item_id, yes=self.yes.value(), no=self.no.value(), abstain=self.abstain.value(),
                chair_vote=self.chair_vote.currentData(), text=self.decision_text.text())
        except DomainError as err:
            set_status(self.result, err.message, ok=False)  # e.g. more votes than members present
            return
        self._show_result(d)
        self.decided.emit()

    def set_locked(self, locked: bool) -> None:
        self.notes.setReadOnly(locked)
        for w in (self.yes, self.no, self.abstain, self.chair_vote, self.decision_text, self.record_button):
            w.setEnabled(not locked)
