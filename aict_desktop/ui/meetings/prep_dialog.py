"""회의 준비: create or edit a meeting — number, date, place, agenda, invitees, open items carried forward."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.domain.enums import AppointmentKind, MeetingKind, Role, TaskStatus
from aict_desktop.ui.file_dialogs import get_save_file_name
from aict_desktop.i18n import _, fmt_date
from aict_desktop.services.meeting_tools import meeting_tools
from aict_desktop.ui.meetings.agenda_editor import AgendaEditor
from aict_desktop.ui.feedback import show_error
from aict_desktop.ui.meetings.common import attempt, save_document
from aict_desktop.ui.screen_text import meeting_number, number_affixes, term, term_of
from aict_desktop.ui.worker import Job

ID_ROLE = Qt.ItemDataRole.UserRole


def _qdt(value: dt.datetime) -> QDateTime:
    return QDateTime(value.year, value.month, value.day, value.hour, value.minute, 0)


def _pydt(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class MeetingPrepDialog(QDialog):
    def __init__(self, services, *, meeting_id: int | None = None, body_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.tools = meeting_tools(services)
        self.meeting_id = meeting_id
        self.setWindowTitle(_("Prepare meeting"))
        self.resize(900, 680)
        self.body = QComboBox()
        for b in services.bodies.list_bodies():
            self.body.addItem(b.name, b.id)
        prefix, suffix = number_affixes()
        self.number = QSpinBox(minimum=1, maximum=9999, prefix=prefix, suffix=suffix)
        self.kind = QComboBox()
        for k in MeetingKind:
            self.kind.addItem(term(k), k)
        self.starts_at = QDateTimeEdit(displayFormat="yyyy. M. d. HH:mm", calendarPopup=True)
        self.ends_at = QDateTimeEdit(displayFormat="yyyy. M. d. HH:mm", calendarPopup=True)
        self.place = QLineEdit()
        self.save_button = QPushButton(_("Create meeting") if meeting_id is None else _("Save"))
        form = QFormLayout()
        form.addRow(_("Body"), self.body)
        row = QHBoxLayout()
        row.addWidget(self.number)
        row.addWidget(self.kind)
        row.addStretch(1)
        form.addRow(_("Meeting"), row)
        times = QHBoxLayout()
        times.addWidget(self.starts_at)
        times.addWidget(QLabel("~"))
        times.addWidget(self.ends_at)
        times.addStretch(1)
        form.addRow(_("Date and time"), times)
        form.addRow(_("Place"), self.place)
        form.addRow("", self.save_button)

        self.agenda = AgendaEditor(services, meeting_id)
        self.invitees = QListWidget()
        self.open_items = QListWidget()
        self.carry_button = QPushButton(_("Put ticked items on the agenda as a report item"))
        open_tab = QWidget()
        ol = QVBoxLayout(open_tab)
        ol.addWidget(QLabel(_("Action items from earlier meetings of this body that are not done:")))
        ol.addWidget(self.open_items)
        ol.addWidget(self.carry_button)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.agenda, _("Agenda"))
        self.tabs.addTab(self.invitees, _("Invitees"))
        self.tabs.addTab(open_tab, _("Open action items"))

        self.notice_button = QPushButton(_("Meeting notice (PDF)"))
        self.sheet_button = QPushButton(_("Attendance sheet (PDF)"))
        self.start_button = QPushButton(_("Start meeting mode"))
        self.close_button = QPushButton(_("Close"))
        buttons = QHBoxLayout()
        for b in (self.notice_button, self.sheet_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.tabs, 1)
        lay.addLayout(buttons)
        self.mode_window = None
        self._connect_signals()
        if meeting_id is None:
            if body_id is not None:
                self.body.setCurrentIndex(max(0, self.body.findData(body_id)))
            start = dt.datetime.combine(dt.date.today() + dt.timedelta(days=14), dt.time(14, 0))
            self.starts_at.setDateTime(_qdt(start))
            self.ends_at.setDateTime(_qdt(start + dt.timedelta(hours=2)))
            self._propose()
        else:
            self._load()

    def _connect_signals(self) -> None:
        self.body.currentIndexChanged.connect(self._propose)
        self.save_button.clicked.connect(self.save)
        self.starts_at.dateTimeChanged.connect(self._start_moved)
        self.carry_button.clicked.connect(self.carry)
        self.invitees.itemChanged.connect(self._invitee_toggled)
        self.notice_button.clicked.connect(lambda: self.print_pdf("notice"))
        self.sheet_button.clicked.connect(lambda: self.print_pdf("attendance"))
        self.start_button.clicked.connect(self.start_meeting)
        self.close_button.clicked.connect(self.accept)

    def _start_moved(self, new: QDateTime) -> None:
        """Moving the start moves the end with it (the planned length stays)."""
        old = getattr(self, "_last_start", None)
        if old is not None:
            self.ends_at.setDateTime(self.ends_at.dateTime().addSecs(old.secsTo(new)))
        self._last_start = QDateTime(new)

    # --- filling -------------------------------------------------------------------

    def _propose(self) -> None:
        if self.meeting_id is not None or self.body.currentData() is None:
            return
        prop = self.tools.prep.propose(self.body.currentData(), on=_pydt(self.starts_at.dateTime()).date())
        self.number.setValue(prop.number)
        self._fill_invitees(prop.invitees, None)
        self._fill_open_items(prop.open_items, set())
        self._update_state()

    def _load(self) -> None:
        m = self.services.meetings.get(self.meeting_id)
        self.body.setCurrentIndex(self.body.findData(m.body_id))
        self.number.setValue(m.number)
        self.kind.setCurrentIndex(self.kind.findData(m.kind))
        self.starts_at.setDateTime(_qdt(m.starts_at))
        self.ends_at.setDateTime(_qdt(m.ends_at or m.starts_at + dt.timedelta(hours=2)))
        self.place.setText(m.place)
        invited = {r.appointment_id for r in self.services.meetings.attendance_rows(self.meeting_id) if r.is_member}
        self._fill_invitees(self.tools.prep.invitees(m.body_id, m.starts_at.date()), invited)
        self._fill_open_items(self.tools.prep.open_items(m.body_id, self.meeting_id),
                              self.tools.prep.carried_task_ids(self.meeting_id))
        self.agenda.set_meeting(self.meeting_id)
        self._update_state()

    def _fill_invitees(self, rows, invited: set[int] | None) -> None:
        self.invitees.blockSignals(True)
        self.invitees.clear()
        for r in rows:
            role, kind = term_of(Role, r.role), term_of(AppointmentKind, r.kind)
            item = QListWidgetItem(f"{r.name} · {r.institution} · {role} ({kind})", self.invitees)
            item.setData(ID_ROLE, r.appointment_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if invited is None or r.appointment_id in invited
                               else Qt.CheckState.Unchecked)
        self.invitees.blockSignals(False)

    def _fill_open_items(self, rows, carried: set[int]) -> None:
        self.open_items.clear()
        for r in rows:
            due = _("due {date}").format(date=fmt_date(r.due)) if r.due else ""
            bits = ", ".join(b for b in (r.owner, due, term_of(TaskStatus, r.status), meeting_number(r.meeting)) if b)
            item = QListWidgetItem(f"{r.title} ({bits})" + ("  ⚠" if r.overdue else ""), self.open_items)
            item.setData(ID_ROLE, r.task_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if r.task_id in carried or not self.meeting_id
                               else Qt.CheckState.Unchecked)

    def _update_state(self) -> None:
        exists = self.meeting_id is not None
        self.body.setEnabled(not exists)
        self.save_button.setText(_("Save") if exists else _("Create meeting"))
        self.start_button.setEnabled(exists)
        self.agenda.setEnabled(exists)
        self.notice_button.setEnabled(exists)
        self.sheet_button.setEnabled(exists)
        self.tabs.setTabText(0, _("Agenda") if exists else _("Agenda (after the meeting is created)"))

    @staticmethod
    def _checked(widget: QListWidget) -> list[int]:
        return [widget.item(r).data(ID_ROLE) for r in range(widget.count())
                if widget.item(r).checkState() == Qt.CheckState.Checked]

    # --- actions -------------------------------------------------------------------

    def save(self) -> bool:
        starts, ends = _pydt(self.starts_at.dateTime()), _pydt(self.ends_at.dateTime())
        if self.meeting_id is None:
            m = attempt(self, lambda: self.tools.prep.prepare(
                self.body.currentData(), starts_at=starts, ends_at=ends, kind=self.kind.currentData(),
                number=self.number.value(), place=self.place.text(),
                appointment_ids=self._checked(self.invitees), carry_task_ids=self._checked(self.open_items)))
            if m is None:
                return False
            self.meeting_id = m.id
            self._load()
            return True
        changes = {"number": self.number.value(), "kind": self.kind.currentData(), "starts_at": starts,
                   "ends_at": ends, "place": self.place.text()}
        return attempt(self, lambda: self.services.meetings.update(self.meeting_id, changes)) is not None

    def _invitee_toggled(self, item: QListWidgetItem) -> None:
        if self.meeting_id is None:
            return
        appt = item.data(ID_ROLE)
        if item.checkState() == Qt.CheckState.Checked:
            attempt(self, lambda: self.services.meetings.invite(self.meeting_id, appt))
        else:
            row = next((r for r in self.services.meetings.attendance_rows(self.meeting_id)
                        if r.appointment_id == appt), None)
            if row is not None and attempt(self, lambda: self.services.meetings.uninvite(row.id) or True) is None:
                self._load()  # refused: show the truth again

    def carry(self) -> None:
        if self.meeting_id is None:
            show_error(self, _("Create the meeting first; ticked items are carried forward when it is created."))
            return
        if attempt(self, lambda: self.tools.prep.carry_forward(self.meeting_id, self._checked(self.open_items))):
            self.agenda.reload()
            self.tabs.setCurrentIndex(0)

    def print_pdf(self, which: str, path: str | Path | None = None) -> Job | None:
        """The notice or the attendance sheet, made in the background and saved; when the user chose the
        file, it then opens in the PDF viewer (which prints it). The job, or None when nothing is made."""
        exports = self.services.exports
        if self.meeting_id is None:
            return None
        meeting_id = self.meeting_id
        make = exports.attendance_sheet_pdf
        if which == "notice":
            from aict_desktop.ui.notice_reason import notice_maker

            render = notice_maker(self, exports, meeting_id)
            if render is None:
                return None
            make = lambda _meeting_id: render()  # noqa: E731
        name = "회의 개최 알림" if which == "notice" else "참석자 명부"  # the papers' Korean names
        caption = _("Save meeting notice") if which == "notice" else _("Save attendance sheet")
        chosen = path is None
        if chosen:
            m = self.services.meetings.get(meeting_id)
            path, _filter = get_save_file_name(self, caption, f"{m.title} {name}.pdf", "PDF (*.pdf)")
            if not path:
                return None
        opened = (lambda target: QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))) if chosen else None
        self.last_job = save_document(self, lambda: make(meeting_id), path, on_saved=opened)
        return self.last_job

    def start_meeting(self) -> None:
        if self.meeting_id is None or not self.save():
            return
        from aict_desktop.ui.meetings.meeting_mode import open_meeting_mode

        self.mode_window = open_meeting_mode(self.services, self.meeting_id, self.parentWidget())
        self.accept()
