"""대시보드: what needs attention today — upcoming meetings, expiring terms, overdue tasks —
and a network's member institutions by 산·학·연·관. On a data file not yet set up, 처음 할 일 (``first_steps``) on top
says what to do first.

At start the page can be filled before the data file is open, from ``services.first_paint.Snapshot``
(the same calls answered from a quick read of the file); ``attach_services`` then fills the same page
from the services, which show the same figures: nothing moves.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.config import Settings
from aict_desktop.domain.enums import BodyKind, MeetingStatus, Sector, SectorGroup
from aict_desktop.domain.rules.first_steps import SetupCounts, first_steps
from aict_desktop.i18n import _
from aict_desktop.ui.screen_text import date_weekday
from aict_desktop.ui.models.appointments import AppointmentTableModel, appointment_order
from aict_desktop.ui.models.base import RowRole
from aict_desktop.ui.models.meetings import MeetingTableModel
from aict_desktop.ui.models.tasks import TaskTableModel
from aict_desktop.ui.pages.first_steps import FirstStepsPanel, take_step
from aict_desktop.ui.widgets.form import fill_combo
from aict_desktop.ui.widgets.table import make_table, page_heading  # not pages.base: the list pages' parts

if TYPE_CHECKING:
    from aict_desktop.services.container import Services
    from aict_desktop.services.first_paint import Snapshot

GROUP_COLOURS = {"산": "#1f4e8c", "학": "#2e8b57", "연": "#d08a1c", "관": "#8c2f39", "기타": "#888888"}


def panel(title: str, body: QWidget, extra: QWidget | None = None) -> QFrame:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    lay = QVBoxLayout(frame)
    head = QHBoxLayout()
    label = QLabel(title)
    f = label.font()
    f.setBold(True)
    label.setFont(f)
    head.addWidget(label)
    head.addStretch(1)
    if extra is not None:
        head.addWidget(extra)
    lay.addLayout(head)
    lay.addWidget(body, 1)
    frame.title_label = label
    return frame


class DashboardPage(QWidget):
    page_key = "dashboard"

    def __init__(self, services: Services | Snapshot, settings: Settings | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.setObjectName(self.page_key)
        self.chart_view = None
        self.chart_counts: dict[str, int] | None = None
        self._chart_body: int | None = None
        page = QVBoxLayout(self)
        page.setContentsMargins(12, 10, 12, 0)
        page.addWidget(page_heading(_("Dashboard"), _("Today is {date}.").format(date=date_weekday(dt.date.today()))))
        # the panels in a scroll area: on a small screen they scroll rather than being squeezed until cut off
        content = QWidget()
        content.setObjectName("dashboard_content")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        page.addWidget(scroll, 1)
        outer = QVBoxLayout(content)
        outer.setContentsMargins(0, 0, 0, 10)
        self.first_steps = FirstStepsPanel()  # hidden unless a first-day step is to do
        self.first_steps.step_chosen.connect(lambda key, done: take_step(self.window(), key, done))
        outer.addWidget(self.first_steps)

        self.tiles = QHBoxLayout()
        self.tile_labels: dict[str, QLabel] = {}
        for key, caption in (("bodies", _("Bodies")), ("institutions", _("Institutions")),
                             ("members", _("Serving members")), ("meetings", _("Upcoming meetings")),
                             ("overdue", _("Overdue tasks"))):
            self.tiles.addWidget(self._tile(key, caption))
        outer.addLayout(self.tiles)

        self.meetings = MeetingTableModel(self)
        self.expiring = AppointmentTableModel(self, expiring_days=self.days)
        self.overdue = TaskTableModel(self)
        self.meetings_view = make_table(self.meetings, name="dashboard_meetings")
        self.expiring_view = make_table(self.expiring, name="dashboard_expiring")
        self.overdue_view = make_table(self.overdue, name="dashboard_overdue")
        # the main text column takes the spare width, the others fit their contents: no column cut off
        for view, hidden, stretch in (
            (self.meetings_view, (MeetingTableModel.COL_KIND, MeetingTableModel.COL_PLACE,
                                  MeetingTableModel.COL_MINUTES, MeetingTableModel.COL_BODY), MeetingTableModel.COL_TITLE),
            (self.expiring_view, (AppointmentTableModel.COL_KIND, AppointmentTableModel.COL_START,
                                  AppointmentTableModel.COL_STATUS), AppointmentTableModel.COL_BODY),
            (self.overdue_view, (TaskTableModel.COL_PRIORITY, TaskTableModel.COL_PROGRESS), TaskTableModel.COL_TITLE),
        ):
            header = view.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
            header.setMinimumSectionSize(64)  # the text column never shrinks to nothing on a narrow screen;
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)  # what does not fit scrolls
            for col in hidden:
                view.setColumnHidden(col, True)

        self.network = QComboBox()
        self.network.setObjectName("dashboard_network")
        self.network.setMinimumContentsLength(14)
        self.chart_holder = QWidget()
        self.chart_layout = QVBoxLayout(self.chart_holder)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.chart_note = QLabel()
        self.chart_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_layout.addWidget(self.chart_note)

        grid = QGridLayout()
        grid.setSpacing(10)
        self.meetings_panel = panel(_("Upcoming meetings"), self.meetings_view)
        self.expiring_panel = panel(_("Terms expiring within {n} days").format(n=self.days), self.expiring_view)
        self.overdue_panel = panel(_("Overdue tasks"), self.overdue_view)
        self.chart_panel = panel(_("Member institutions by sector (산·학·연·관)"), self.chart_holder, self.network)
        grid.addWidget(self.meetings_panel, 0, 0)
        grid.addWidget(self.expiring_panel, 0, 1)
        grid.addWidget(self.overdue_panel, 1, 0)
        grid.addWidget(self.chart_panel, 1, 1)
        from aict_desktop.ui.working_groups.progress_widget import GroupProgressWidget

        self.groups_widget = GroupProgressWidget(services)  # per-분과 progress bars; overdue tasks by owner
        grid.addWidget(self.groups_widget, 2, 0, 1, 2)
        self.groups_widget.group_activated.connect(self._open_group)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        for p in (self.meetings_panel, self.expiring_panel):
            p.setMinimumHeight(140)  # a header and three rows; with the chart row the page fits 1280×800
        outer.addLayout(grid, 1)
        self.network.currentIndexChanged.connect(lambda _i: self.update_chart())
        for view, key in ((self.meetings_view, "meetings"), (self.expiring_view, "people"),
                          (self.overdue_view, "tasks")):
            view.setToolTip(_("Double-click a row to open it"))
            view.doubleClicked.connect(lambda index, key=key, view=view: self.open_row(key, view, index))

    def open_row(self, key: str, view, index) -> bool:
        """A double-click opens the record on its page (a meeting, an appointment, a task)."""
        row = view.model().data(index, RowRole)
        window = self.window()
        opener = getattr(window, "open_record", None)
        return bool(row is not None and opener is not None and opener(key, row.id))

    @property
    def days(self) -> int:
        """The program setting "Warn of terms ending within N days" (read each time: 설정 may change it)."""
        return (self.settings or Settings).expiring_days

    def _open_group(self, body_id: int) -> None:
        from aict_desktop.ui.working_groups.group_panel import open_group

        open_group(self, body_id)

    def _tile(self, key: str, caption: str) -> QFrame:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setStyleSheet("QFrame { background: #f3f5f8; border-radius: 4px; }")
        lay = QVBoxLayout(frame)
        number = QLabel("–")
        number.setObjectName(f"tile_{key}")
        f = number.font()
        f.setPointSizeF(f.pointSizeF() * 1.8)
        f.setBold(True)
        number.setFont(f)
        number.setStyleSheet("color: #1f4e8c;")
        lay.addWidget(number)
        lay.addWidget(QLabel(caption))
        self.tile_labels[key] = number
        return frame

    def activate(self) -> None:
        self.refresh()

    def attach_services(self, services: Services) -> None:
        """The data file is open: the services replace the start-up snapshot, the page refills in place."""
        self.services = services
        self.groups_widget.services = services
        self.refresh()

    def refresh(self) -> None:
        s = self.services
        meetings = s.meetings.list(upcoming_only=True)
        days = self.days
        expiring = s.appointments.list(expiring_within=days)
        overdue = s.tasks.list(overdue_only=True)
        bodies = s.bodies.list_bodies()
        institutions = s.roster.list_institutions()
        serving = s.appointments.list(current_only=True)
        self.meetings.set_rows(meetings[:20])
        self.expiring.set_expiring_days(days)
        self.expiring_panel.title_label.setText(_("Terms expiring within {n} days").format(n=days))
        # the soonest end first; a body's members appointed together end together, listed in role order
        self.expiring.set_rows(sorted(expiring, key=lambda r: (r.term_end, r.body_id, appointment_order(r))))
        self.overdue.set_rows(overdue)
        self.groups_widget.reload()
        counts = {
            "bodies": len(bodies),
            "institutions": len(institutions),
            "members": len({a.person_id for a in serving}),  # people, not terms
            "meetings": len([m for m in meetings if m.status != MeetingStatus.CANCELLED.value]),
            "overdue": len(overdue),
        }
        for key, n in counts.items():
            self.tile_labels[key].setText(f"{n:,}")
        self.tile_labels["overdue"].setStyleSheet("color: #b3261e;" if counts["overdue"] else "color: #1f4e8c;")
        if not self.first_steps.hidden_for_good:
            self.first_steps.set_steps(first_steps(self.setup_counts(bodies, institutions, serving, meetings)))
        # while 처음 할 일 shows, the 분과 panel only when it has something to show: the first day's page fits
        self.groups_widget.setVisible(not self.first_steps.isVisibleTo(self) or bool(overdue)
                                      or any(b.parent_id for b in bodies))
        networks = [(b.name, b.id) for b in bodies if b.kind in (BodyKind.NETWORK.value, BodyKind.COUNCIL.value)] \
            or [(b.name, b.id) for b in bodies if not b.parent_id]
        self.network.blockSignals(True)
        fill_combo(self.network, networks)
        self.network.blockSignals(False)
        QTimer.singleShot(0, self.update_chart)  # QtCharts loads after the page is on screen

    def setup_counts(self, bodies: list, institutions: list, serving: list, upcoming: list) -> SetupCounts:
        """What 처음 할 일 needs, from the rows ``refresh`` read; more is asked only when they are not enough
        (nothing more on a file in use: serving members and upcoming meetings answer)."""
        s = self.services
        appointments = len(serving) or len(s.appointments.list())  # ended terms count too: 위촉 was done
        return SetupCounts(
            bodies=len(bodies), institutions=len(institutions), appointments=appointments,
            people=0 if appointments else len(s.roster.list_people()),  # an appointment names a person (the rule)
            meetings=len(upcoming) or len(s.meetings.list()))  # past or cancelled ones count too

    def sector_counts(self, body_id: int) -> dict[str, int]:
        """Member institutions of a body per 산·학·연·관 group (all groups, zero included)."""
        counts = Counter(Sector(r.sector).group.value for r in self.services.roster.list_institutions(body_id=body_id))
        return {g.value: counts.get(g.value, 0) for g in SectorGroup}

    def update_chart(self) -> None:
        body_id = self.network.currentData()
        if body_id is None:
            self.chart_note.setText(_("No body yet."))
            return
        counts = self.sector_counts(body_id)
        if self.chart_view is not None and body_id == self._chart_body and counts == self.chart_counts:
            return  # the same chart (the services confirming the first paint): not drawn again
        total = sum(counts.values())
        from PySide6.QtCharts import QChart, QChartView, QPieSeries
        from PySide6.QtGui import QColor, QPainter

        series = QPieSeries()
        series.setHoleSize(0.35)
        for group, n in counts.items():
            if n:
                label = _("{group} {n}").format(group=SectorGroup(group).label(), n=n)
                sl = series.append(label, n)
                sl.setColor(QColor(GROUP_COLOURS[group]))
                sl.setLabelVisible(True)
        chart = QChart()
        chart.addSeries(series)
        chart.setTitle(_("{n} member institutions").format(n=total))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(0, 0, 0, 0))
        font = self.font()
        chart.setTitleFont(font)
        chart.legend().setFont(font)
        for sl in series.slices():
            sl.setLabelFont(font)
        if self.chart_view is None:
            self.chart_view = QChartView()
            self.chart_view.setObjectName("dashboard_chart")
            self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.chart_view.setMinimumHeight(180)  # the donut, its labels and the legend stay whole
            self.chart_layout.addWidget(self.chart_view, 1)
        old = self.chart_view.chart()
        self.chart_view.setChart(chart)
        if old is not None:
            old.deleteLater()
        self.chart_note.setVisible(total == 0)
        self.chart_note.setText(_("No member institutions recorded for this body.") if total == 0 else "")
        self.chart_counts = counts
        self._chart_body = body_id
