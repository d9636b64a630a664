"""The vote on an 의결 item in meeting mode: what passing needs, 제척·기피·회피, the counts or a named vote.

While 의사정족수 is not met (members left), the vote controls are disabled and
the reason is shown; they come back when it is regained. All counting is the
meeting service's (``domain.rules``): this panel only shows what it answers.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.domain.enums import TieRule, VoteResult
from aict_desktop.domain.errors import DomainError
from aict_desktop.domain.rules import require_quorum
from aict_desktop.i18n import _
from aict_desktop.ui.meetings.common import attempt, set_status
from aict_desktop.ui.screen_text import term

NEEDS_STYLE = "font-weight: bold;"


class VotePanel(QGroupBox):
    decided = Signal()  # a decision was recorded, re-decided or removed

    def __init__(self, services, rules, meeting_id: int, parent: QWidget | None = None):
        super().__init__(_("Vote"), parent)
        self.services = services
        self.rules = rules
        self.meeting_id = meeting_id
        self.item_id: int | None = None
        self.locked = False
        self.quorum_problem: str | None = None
        self.named: dict = {}
        self.recusals = []
        self.dialog = None  # the recusal or named-vote dialog while it is open
        self.needs = QLabel()
        self.needs.setObjectName("vote_needs")
        self.needs.setWordWrap(True)
        self.suspended = QLabel()
        self.suspended.setObjectName("vote_suspended")
        self.suspended.setWordWrap(True)
        self.suspended.setMinimumHeight(self.suspended.fontMetrics().lineSpacing() * 2 + 4)  # room to wrap
        self.suspended.hide()
        self.yes, self.no, self.abstain = (QSpinBox(maximum=999) for _n in range(3))
        self.chair_vote = QComboBox()
        self.chair_vote.addItem(_("(no casting vote)"), None)
        self.chair_vote.addItem(_("Chair votes in favour"), True)
        self.chair_vote.addItem(_("Chair votes against"), False)
        self.chair_vote.setVisible(rules.tie_rule is TieRule.CHAIR_DECIDES)
        self.decision_text = QLineEdit(placeholderText=_("e.g. passed as proposed, passed as amended"))
        self.record_button = QPushButton(_("Record vote"))
        self.named_button = QPushButton(_("Named vote…"))
        self.named_button.setToolTip(_("Record each member's vote; the counts become their totals"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.recusal_list = QListWidget()
        self.recusal_list.setObjectName("recusals")
        self.recusal_list.setMaximumHeight(self.fontMetrics().height() * 3 + 12)
        self.add_recusal_button = QPushButton(_("Exclude member…"))
        self.remove_recusal_button = QPushButton(_("Remove exclusion"))
        self._lay_out()
        self._connect_signals()

    def _lay_out(self) -> None:
        counts = QHBoxLayout()
        for label, spin in ((_("In favour"), self.yes), (_("Against"), self.no), (_("Abstaining"), self.abstain)):
            counts.addWidget(QLabel(label))
            counts.addWidget(spin)
        counts.addWidget(self.chair_vote)
        counts.addStretch(1)
        text = QHBoxLayout()
        text.addWidget(QLabel(_("Decision")))
        text.addWidget(self.decision_text, 1)
        row = QHBoxLayout()
        row.addWidget(self.record_button)
        row.addWidget(self.named_button)
        row.addWidget(self.result, 1)
        side = QVBoxLayout()
        side.addWidget(self.add_recusal_button)
        side.addWidget(self.remove_recusal_button)
        side.addStretch(1)
        rec = QHBoxLayout()
        rec.addWidget(self.recusal_list, 1)
        rec.addLayout(side)
        lay = QVBoxLayout(self)  # wrapped labels get their full height here (a QFormLayout row clips them)
        lay.addWidget(self.needs)
        lay.addWidget(self.suspended)
        for part in (counts, text, row):
            lay.addLayout(part)
        lay.addWidget(QLabel(_("Excluded from this item")))
        lay.addLayout(rec)

    def _connect_signals(self) -> None:
        self.record_button.clicked.connect(self.record_vote)
        self.decision_text.returnPressed.connect(self.record_vote)
        self.named_button.clicked.connect(self.open_named_votes)
        self.add_recusal_button.clicked.connect(self.add_recusal)
        self.remove_recusal_button.clicked.connect(self.remove_recusal)
        self.recusal_list.currentRowChanged.connect(lambda _r: self._apply())

    # --- showing ---------------------------------------------------------------------

    def show_item(self, item_id: int | None) -> None:
        self.item_id = item_id
        if item_id is None:
            return
        self.load_decision()
        self.refresh()

    def load_decision(self) -> None:
        """The recorded counts into the fields (after showing the item or a named vote)."""
        d = self.services.meetings.decision(self.item_id)
        self.yes.setValue(d.yes if d else 0)
        self.no.setValue(d.no if d else 0)
        self.abstain.setValue(d.abstain if d else 0)
        self.chair_vote.setCurrentIndex(self.chair_vote.findData(d.chair_vote) if d and d.chair_vote is not None else 0)
        self.decision_text.setText(d.text if d else "")
        self._show_result(d)

    def refresh(self) -> None:
        """What passing needs, the quorum, the exclusions and named votes as they stand now."""
        if self.item_id is None:
            return
        try:
            require_quorum(self.services.meetings.tally(self.meeting_id))
            self.quorum_problem = None
        except DomainError as err:
            self.quorum_problem = err.message
        basis = self.services.meetings.vote_basis(self.item_id)
        self.needs.setText(_("Passing needs: {needs}").format(needs=basis.describe(self.rules)))
        self.needs.setStyleSheet(NEEDS_STYLE)
        self.suspended.setVisible(self.quorum_problem is not None)
        if self.quorum_problem:
            set_status(self.suspended, _("Voting suspended. {reason}").format(reason=self.quorum_problem), ok=False)
        self.recusals = self.services.meetings.recusals(self.item_id)
        current = self.recusal_list.currentRow()
        self.recusal_list.clear()
        for r in self.recusals:
            QListWidgetItem(f"{r.name} — {term(r.kind)}: {r.reason}", self.recusal_list)
        if self.recusals:
            self.recusal_list.setCurrentRow(min(max(current, 0), len(self.recusals) - 1))
        self.named = self.services.meetings.votes(self.item_id)
        self.named_button.setText(_("Named vote ({n})…").format(n=len(self.named)) if self.named
                                  else _("Named vote…"))
        self._apply()

    def _apply(self) -> None:
        votes_open = not self.locked and self.quorum_problem is None
        for w in (self.yes, self.no, self.abstain):
            w.setEnabled(votes_open and not self.named)  # a named vote gives the counts
            w.setToolTip(_("The totals of the named vote") if self.named else "")
        for w in (self.chair_vote, self.decision_text, self.record_button, self.named_button):
            w.setEnabled(votes_open)
        self.add_recusal_button.setEnabled(not self.locked)
        self.remove_recusal_button.setEnabled(not self.locked and self.recusal_list.currentRow() >= 0)
        self.recusal_list.setEnabled(True)

    def _show_result(self, d) -> None:
        if d is None:
            self.result.setText(_("No vote recorded."))
            self.result.setStyleSheet("")
            return
        text = _("{result} (yes {yes}, no {no}, abstain {abstain})").format(
            result=term(d.result), yes=d.yes, no=d.no, abstain=d.abstain)
        if d.result is VoteResult.PENDING:
            text += " — " + _("tie: the chair's casting vote is needed")
        set_status(self.result, text, ok=d.result is VoteResult.PASSED)

    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        self._apply()

    # --- acting ----------------------------------------------------------------------

    def record_vote(self) -> None:
        if self.item_id is None or not self.record_button.isEnabled():
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

    def add_recusal(self):
        from aict_desktop.ui.meetings.recusal_dialog import RecusalDialog

        if self.item_id is None:
            return None
        self.dialog = RecusalDialog(self.services, self.meeting_id, self.item_id, self)
        self.dialog.finished.connect(self._after_dialog)
        self.dialog.open()
        return self.dialog

    def remove_recusal(self) -> None:
        r = self.recusal_list.currentRow()
        if self.item_id is None or not 0 <= r < len(self.recusals):
            return
        person_id = self.recusals[r].person_id
        if attempt(self, lambda: self.services.meetings.clear_recusal(self.item_id, person_id) or True):
            self._changed()

    def open_named_votes(self):
        from aict_desktop.ui.meetings.named_votes import NamedVotesDialog

        if self.item_id is None:
            return None
        self.dialog = NamedVotesDialog(self.services, self.meeting_id, self.item_id, self.rules, self)
        self.dialog.changed.connect(self._changed)
        self.dialog.finished.connect(self._after_dialog)
        self.dialog.open()
        return self.dialog

    def _after_dialog(self, code: int) -> None:
        if code:
            self._changed()  # an exclusion changes the item's 출석 and may re-decide a recorded vote
        else:
            self.refresh()
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def _changed(self) -> None:
        self.load_decision()
        self.refresh()
        self.decided.emit()
