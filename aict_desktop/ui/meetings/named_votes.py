"""기명 표결: each member's 찬성/반대/기권 on one item, saved as it is marked; the totals are the item's counts.

Keys on the selected member: 1 찬성, 2 반대, 3 기권, 0 clears. Members excluded
from the item (제척·기피·회피) are listed but cannot vote.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.domain.enums import Role
from aict_desktop.domain.errors import DomainError
from aict_desktop.domain.rules import VoteChoice, totals
from aict_desktop.i18n import _
from aict_desktop.ui.base_dialog import BaseDialog
from aict_desktop.ui.meetings.common import set_status
from aict_desktop.ui.screen_text import term, term_of

CHOICE_KEYS = {Qt.Key.Key_1: VoteChoice.YES, Qt.Key.Key_2: VoteChoice.NO, Qt.Key.Key_3: VoteChoice.ABSTAIN,
               Qt.Key.Key_0: None}
_COLOURS = {VoteChoice.YES: "#d8f0dc", VoteChoice.NO: "#f6dcdc", VoteChoice.ABSTAIN: "#ececec"}


class VoteTable(QTableWidget):
    choiceKey = Signal(object)  # VoteChoice or None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        key = Qt.Key(event.key())
        if key in CHOICE_KEYS and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                                          | Qt.KeyboardModifier.AltModifier):
            self.choiceKey.emit(CHOICE_KEYS[key])
            return
        super().keyPressEvent(event)


class NamedVotesDialog(BaseDialog):
    """Window-modal; every mark is one committed ``set_vote``. ``changed`` after each saved mark."""

    state_key = "named_votes_dialog"
    changed = Signal()

    def __init__(self, services, meeting_id: int, item_id: int, rules, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.meeting_id = meeting_id
        self.item_id = item_id
        self.rules = rules
        self.rows = []
        self.setWindowTitle(_("Named vote — {title}").format(title=services.meetings.item(item_id).title))
        self.table = VoteTable(0, 3)
        self.table.setHorizontalHeaderLabels([_("Name"), _("Role"), _("Vote")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.buttons = {}
        bar = QHBoxLayout()
        for key, choice in ((1, VoteChoice.YES), (2, VoteChoice.NO), (3, VoteChoice.ABSTAIN), (0, None)):
            clear = _("Clear")  # outside the f-string, where the catalog's extractor finds it
            b = QPushButton(f"{key} {term(choice)}" if choice else f"0 {clear}")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _c=False, ch=choice: self.mark(ch))
            bar.addWidget(b)
            self.buttons[choice] = b
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        close.rejected.connect(self.reject)
        self.close_button = close.button(QDialogButtonBox.StandardButton.Close)
        lay = QVBoxLayout(self)
        keys = ", ".join(f"{k} {term(c)}" for k, c in ((1, VoteChoice.YES), (2, VoteChoice.NO), (3, VoteChoice.ABSTAIN)))
        lay.addWidget(QLabel(_("Mark each member's vote (keys {keys}, 0 {clear}); saved at once.").format(
            keys=keys, clear=_("Clear"))))
        lay.addWidget(self.table, 1)
        lay.addLayout(bar)
        lay.addWidget(self.totals)
        lay.addWidget(self.message)
        lay.addWidget(close)
        self.table.choiceKey.connect(self.mark)
        self.resize(480, 560)
        self.reload()
        if self.rows:
            self.table.selectRow(next((k for k, r in enumerate(self.rows) if r[3]), 0))
        self.table.setFocus()

    def reload(self) -> None:
        votes = self.services.meetings.votes(self.item_id)
        recused = {r.person_id: r for r in self.services.meetings.recusals(self.item_id)}
        self.rows = []
        for row in self.services.meetings.attendance_rows(self.meeting_id):
            if not row.is_member or row.person_id is None:
                continue
            if row.person_id in recused:
                self.rows.append((row, None, term(recused[row.person_id].kind), False))
            elif row.counts_for_vote or row.person_id in votes:
                self.rows.append((row, votes.get(row.person_id), "", row.counts_for_vote))
        current = self.table.currentRow()
        self.table.setRowCount(len(self.rows))
        for r, (row, choice, recusal, can_vote) in enumerate(self.rows):
            shown = recusal or term(choice)
            for c, text in enumerate((row.name, term_of(Role, row.role), shown)):
                cell = QTableWidgetItem(text)
                if choice in _COLOURS:
                    cell.setBackground(QColor(_COLOURS[choice]))
                if not can_vote:
                    cell.setForeground(QColor("#888"))
                self.table.setItem(r, c, cell)
        if 0 <= current < len(self.rows):
            self.table.selectRow(current)
        yes, no, abstain = totals(votes.values())
        basis = self.services.meetings.vote_basis(self.item_id)
        self.totals.setText(_("In favour {yes} · against {no} · abstaining {abstain} — passing needs {needs}").format(
            yes=yes, no=no, abstain=abstain, needs=basis.describe(self.rules)))

    def mark(self, choice: VoteChoice | None) -> None:
        r = self.table.currentRow()
        if not 0 <= r < len(self.rows):
            return
        row = self.rows[r][0]
        try:
            self.services.meetings.set_vote(self.item_id, row.person_id, choice)
        except DomainError as err:
            set_status(self.message, err.message, ok=False)
            return
        self.message.clear()
        self.reload()
        if r + 1 < len(self.rows):
            self.table.selectRow(r + 1)  # the next member straight away
        self.changed.emit()
