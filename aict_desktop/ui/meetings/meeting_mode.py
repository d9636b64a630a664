"""Meeting mode: one focused window for the meeting itself.

Attendance with a live quorum, the agenda, 발언 요지 per item (autosaved:
durable within a second of the last keystroke), votes, action items, a timer,
and the minutes workflow. Opening it marks the meeting 진행중, so after a crash
the next start offers to reopen it on the item that was open.

One PC edits a meeting at a time (``lease``): opening a meeting
another PC holds asks first (read-only or take over), and a window whose lease
was taken over turns read-only. A held meeting (개최, or minutes 확정) opens
read-only with a banner and keeps its status; 편집 unlocks it
for the minutes without re-opening the meeting. A read-only window follows what
the other PC saves (``lease.OnePcAtATime``). The window opens within the screen, at 125–150 % scaling
too: the item panel scrolls when the screen is short.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.domain.enums import AgendaKind, AttendanceStatus
from aict_desktop.domain.rules import rules_of
from aict_desktop.i18n import _
from aict_desktop.services.meeting_session import is_held
from aict_desktop.services.meeting_tools import meeting_tools
from aict_desktop.ui.meetings.action_panel import ActionItemsPanel
from aict_desktop.ui.meetings.attendance_panel import AttendancePanel
from aict_desktop.ui.meetings.autosave import DebouncedSaver
from aict_desktop.ui.meetings.common import attempt, set_status
from aict_desktop.ui.screen_text import date_time, term
from aict_desktop.ui.meetings.conflict_dialog import ask_conflict
from aict_desktop.ui.meetings.item_panel import ItemPanel
from aict_desktop.ui.meetings.lease import LeaseKeeper, OnePcAtATime, how_to_open
from aict_desktop.ui.meetings.minutes_bar import MinutesBar
from aict_desktop.ui.meetings.screen_fit import fit_to_screen, remember_geometry

FOLLOW_MS = 3000  # a read-only window shows what the other PC saved


def _attendance_keys() -> str:
    """``1 출석, 2 불참, 3 대리출석, 4 서면, 5 온라인, 6 퇴장, 0 미정`` in the UI language."""
    s = AttendanceStatus
    keys = [f"{k} {term(st)}" for k, st in ((1, s.PRESENT), (2, s.ABSENT), (3, s.PROXY), (4, s.WRITTEN), (5, s.ONLINE))]
    leave = _("Leave")  # outside the f-string, where the catalog's extractor finds it
    return ", ".join([*keys, f"6 {leave}", f"0 {term(s.UNKNOWN)}"])


class ShortScreenScroll(QScrollArea):
    """The item panel at the height it is given, scrolled only below its minimum (a short screen): the notes
    give up their room first, as in the plain layout (``widgetResizable`` would size it to its preferred height)."""

    def __init__(self, panel: QWidget):
        super().__init__(objectName="item_scroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(panel)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        need = self.widget().minimumSizeHint().height()
        bar = self.verticalScrollBar().sizeHint().width() if need > self.viewport().height() else 0
        self.widget().resize(self.width() - bar, max(self.height(), need))


AGENDA_MIN_WIDTH = 160  # an agenda title wraps into three or four lines, not six or seven


class MeetingModeWindow(OnePcAtATime, QMainWindow):
    def __init__(self, services, meeting_id: int, parent: QWidget | None = None, *, read_only: bool = False,
                 take_over: bool = False):
        super().__init__(parent)
        self.services = services
        self.tools = meeting_tools(services)
        self.meeting_id = meeting_id
        self.lease = LeaseKeeper(self.tools.session, meeting_id, self)
        self.meeting = self.tools.session.get(meeting_id)
        self.editing = False
        self.view_reason = ""
        if read_only:
            self.view_reason = _("Read-only: meeting mode is open on another PC. This window shows what it saves.")
        elif is_held(self.meeting):
            self.view_reason = self._held_reason()
        else:
            self.lease.acquire(take_over=take_over)  # MeetingOpenElsewhere when another PC holds it
            self.meeting = self.tools.session.start(meeting_id)
            self.editing = True
        body = services.bodies.get_body(self.meeting.body_id)
        self.setWindowTitle(_("Meeting mode — {title}").format(title=self.meeting.title))
        self.items = []
        self._build(body)
        self._connect_signals()
        self._shortcuts()
        self.reload_agenda(select=self.tools.session.current_item(meeting_id))
        self.refresh_quorum()
        self._apply_lock(self.minutes_bar.refresh())
        self._show_banner()
        self._tick()
        if self.meeting.closed_at is None:
            self.clock.start()
        fit_to_screen(self, "meeting_mode", (1280, 800))

    # --- layout ---------------------------------------------------------------------

    def _build(self, body) -> None:
        m = self.meeting
        self.title = QLabel(m.title)
        self.title.setStyleSheet("font-size: 17pt; font-weight: bold;")
        when = date_time(m.starts_at)
        self.subtitle = QLabel(" · ".join(p for p in (when, m.place) if p))
        self.timer_label = QLabel()
        self.timer_label.setStyleSheet("font-size: 15pt; font-family: monospace;")
        self.quorum_label = QLabel()
        self.quorum_label.setStyleSheet("font-size: 13pt;")
        self.save_label = QLabel()
        self.save_label.setWordWrap(True)  # a long "not saved" message must not widen the window
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        head.addWidget(self.quorum_label)
        head.addSpacing(24)
        head.addWidget(self.timer_label)
        self._build_banner()

        self.attendance = AttendancePanel(self.services, self.meeting_id)
        self.agenda = QListWidget()
        self.agenda.setObjectName("agenda")
        self.agenda.setWordWrap(True)
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(_("Other remarks for the minutes (saved automatically)"))
        self.summary.setObjectName("summary")
        self.summary_saver = DebouncedSaver(
            self.summary, lambda text, base: self.services.meetings.save_summary(self.meeting_id, text, base=base))
        self.summary_saver.on_conflict = ask_conflict(self, _("The other remarks"))
        self.summary_saver.load(m.minutes_summary)
        middle = QWidget()
        mid = QVBoxLayout(middle)
        mid.setContentsMargins(0, 0, 0, 0)
        mid.addWidget(QLabel(_("Agenda (Alt+↑/↓)")))
        mid.addWidget(self.agenda, 2)
        mid.addWidget(QLabel(_("Other remarks")))
        mid.addWidget(self.summary, 1)

        self.item_panel = ItemPanel(self.services, rules_of(body), self.meeting_id)
        self.item_panel.saver.on_conflict = ask_conflict(self, _("The notes"))
        self.actions_panel = ActionItemsPanel(self.services, self.tools, self.meeting_id)
        item_scroll = ShortScreenScroll(self.item_panel)  # at 150 % on 1920×1080 the vote scrolls, the window fits
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(item_scroll)
        holder = QWidget()
        hl = QVBoxLayout(holder)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.addWidget(QLabel(_("Action items (F6)")))
        hl.addWidget(self.actions_panel)
        right.addWidget(holder)
        right.setSizes([520, 200])

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(_("Attendance (F2; keys 1–6)")))
        ll.addWidget(self.attendance)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(middle)
        split.addWidget(right)
        split.setSizes([430, 260, 560])
        split.setStretchFactor(2, 1)  # a narrower window takes its room from the notes, not from the agenda
        middle.setMinimumWidth(AGENDA_MIN_WIDTH)

        self.minutes_bar = MinutesBar(self.services, self.meeting_id)
        self.finish_button = QPushButton(_("End meeting"))
        self.allowances_button = QPushButton(_("Allowances"))
        self.allowances_button.setEnabled(True)
        foot = QHBoxLayout()
        foot.addWidget(self.minutes_bar, 1)
        foot.addWidget(self.allowances_button)
        foot.addWidget(self.finish_button)
        keys = QLabel(_("Alt+↑/↓ or Ctrl+PgUp/PgDn: agenda item · F2 attendance ({keys}) · F3 notes · F4 vote · "
                        "F6 action item · Ctrl+S save").format(keys=_attendance_keys()))
        keys.setWordWrap(True)
        keys.setStyleSheet("color: #555;")
        status = QHBoxLayout()
        status.addWidget(keys, 1)
        status.addWidget(self.save_label)

        central = QWidget()
        lay = QVBoxLayout(central)
        lay.addLayout(head)
        lay.addWidget(self.banner)
        lay.addWidget(split, 1)
        lay.addLayout(foot)
        lay.addLayout(status)
        self.setCentralWidget(central)
        self.clock = QTimer(self, interval=1000)
        self.follow = QTimer(self, interval=FOLLOW_MS)

    def _connect_signals(self) -> None:
        self.agenda.currentRowChanged.connect(self._item_changed)
        self.attendance.changed.connect(self.refresh_quorum)
        for saver in (self.item_panel.saver, self.summary_saver):
            saver.saved.connect(self._saved)
            saver.failed.connect(self._save_failed)
        self.item_panel.decided.connect(self._mark_agenda)
        self.minutes_bar.beforeAction.connect(self.save_all)
        self.minutes_bar.lockChanged.connect(self._apply_lock)
        self.minutes_bar.storeProblem.connect(self._save_failed)  # a lost lock or a replaced file, even while idle
        self.finish_button.clicked.connect(self.finish)
        self.allowances_button.clicked.connect(self.show_allowances)
        self.clock.timeout.connect(self._tick)
        self.follow.timeout.connect(self.follow_other_pc)
        self.edit_button.clicked.connect(lambda: self.edit_here())
        self.lease.lost.connect(self._lease_lost)

    def _shortcuts(self) -> None:
        def bind(keys, fn):
            for k in keys:
                QShortcut(QKeySequence(k), self, fn, context=Qt.ShortcutContext.WindowShortcut)

        bind(("Alt+Down", "Ctrl+PgDown"), lambda: self.step(+1))
        bind(("Alt+Up", "Ctrl+PgUp"), lambda: self.step(-1))
        bind(("F2",), self.attendance.table.setFocus)
        bind(("F3",), self.item_panel.notes.setFocus)
        bind(("F4",), lambda: self.item_panel.yes.setFocus() if self.item_panel.vote_box.isVisible() else None)
        bind(("F6",), self.actions_panel.title.setFocus)
        bind(("Ctrl+S",), self.save_all)

    # --- agenda ---------------------------------------------------------------------

    def reload_agenda(self, select: int | None = None) -> None:
        self.items = self.services.meetings.items(self.meeting_id)
        decisions = self.services.meetings.decisions(self.meeting_id)
        self.agenda.blockSignals(True)
        self.agenda.clear()
        for pos, it in enumerate(self.items, start=1):
            mark = ""
            if it.kind is AgendaKind.RESOLUTION and it.id in decisions:
                mark = f"  ✔ {term(decisions[it.id].result)}"
            QListWidgetItem(f"{pos}. [{term(it.kind)}] {it.title}{mark}", self.agenda)
        self.agenda.blockSignals(False)
        ids = [it.id for it in self.items]
        row = ids.index(select) if select in ids else (0 if ids else -1)
        self.agenda.setCurrentRow(row)
        if row < 0:
            self.item_panel.show_item(None)
        elif self.item_panel.item_id != ids[row]:
            self._item_changed(row)

    def _mark_agenda(self) -> None:
        self.reload_agenda(select=self.item_panel.item_id)

    def _item_changed(self, row: int) -> None:
        item_id = self.items[row].id if 0 <= row < len(self.items) else None
        self.item_panel.show_item(item_id, row + 1)
        self.actions_panel.set_agenda_item(item_id)
        if item_id is not None:
            attempt(self, lambda: self.tools.session.set_current_item(self.meeting_id, item_id), quiet=True)

    def step(self, delta: int) -> None:
        row = max(0, min(len(self.items) - 1, self.agenda.currentRow() + delta))
        self.agenda.setCurrentRow(row)
        self.item_panel.notes.setFocus()

    # --- state ----------------------------------------------------------------------

    def refresh_quorum(self) -> None:
        """재적·재석 now; when 의사정족수 is not met (e.g. members left) the vote is suspended."""
        q = self.services.meetings.quorum(self.meeting_id)
        text = q.describe() if q.met else _("{present} of {enrolled} enrolled in the meeting — no quorum: "
                                            "voting suspended").format(present=q.present, enrolled=q.enrolled)
        set_status(self.quorum_label, text, ok=q.met)
        self.item_panel.refresh_vote()

    def _tick(self) -> None:
        secs = int(self.tools.session.elapsed(self.meeting).total_seconds())
        self.timer_label.setText(f"{secs // 3600:02d}:{secs // 60 % 60:02d}:{secs % 60:02d}")

    def _saved(self) -> None:
        set_status(self.save_label, _("All changes saved at {time}").format(time=dt.datetime.now().strftime("%H:%M:%S")))

    def _save_failed(self, message: str) -> None:
        set_status(self.save_label, _("NOT SAVED: {message}").format(message=message), ok=False)

    def save_all(self) -> bool:
        ok = self.item_panel.saver.flush()
        return self.summary_saver.flush() and ok

    def _apply_lock(self, minutes_locked: bool) -> None:
        """Lock the fields while the minutes are confirmed or this window only views the meeting."""
        self.minutes_locked = minutes_locked
        locked = minutes_locked or not self.editing
        self.item_panel.set_locked(locked)
        self.attendance.set_locked(locked)
        self.actions_panel.set_locked(locked)
        self.summary.setReadOnly(locked)
        self.minutes_bar.set_editing(self.editing)
        self.finish_button.setEnabled(self.editing and self.meeting.closed_at is None)
        self.allowances_button.setEnabled(self.editing)

    def show_allowances(self):
        from aict_desktop.ui.meetings.allowances_dialog import AllowancesDialog

        self.save_all()
        dlg = AllowancesDialog(self.services, self.meeting_id, self)
        dlg.open()
        return dlg

    def finish(self) -> None:
        if not self.editing:
            return
        self.save_all()
        self.meeting = self.tools.session.finish(self.meeting_id)
        self.clock.stop()
        self._tick()
        self.finish_button.setEnabled(False)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if not self.save_all():
            self._save_failed(_("the last change could not be saved; the window stays open."))
            event.ignore()
            return
        self.clock.stop()
        self.follow.stop()
        self.lease.release()
        remember_geometry(self, "meeting_mode")
        super().closeEvent(event)


_OPEN: set[MeetingModeWindow] = set()


def save_open_meetings() -> bool:
    """Save what every open meeting-mode window holds (Windows shutdown sends no closeEvent); True if all saved."""
    return all([w.save_all() for w in list(_OPEN)])


def close_open_meetings() -> bool:
    """Save and close every meeting-mode window (before the data file is replaced); False if one could not save."""
    for w in list(_OPEN):
        if not w.close():  # its closeEvent saves first and stays open when that fails
            return False
    return True


def open_meeting_mode(services, meeting_id: int, parent: QWidget | None = None) -> MeetingModeWindow | None:
    """Show meeting mode for a meeting (kept alive until closed); None if it cannot open."""
    for w in _OPEN:
        if w.meeting_id == meeting_id and w.services is services:
            w.raise_()
            w.activateWindow()
            return w
    session = meeting_tools(services).session
    meeting = attempt(parent, lambda: session.get(meeting_id))
    if meeting is None:
        return None
    how = how_to_open(parent, session, meeting)
    if how is None:
        return None
    read_only, take_over = how
    window = attempt(parent, lambda: MeetingModeWindow(services, meeting_id, parent, read_only=read_only,
                                                       take_over=take_over))
    if window is None:
        return None
    window.setWindowFlag(Qt.WindowType.Window, True)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    _OPEN.add(window)
    window.destroyed.connect(lambda *_a, w=window: _OPEN.discard(w))
    window.show()
    return window
