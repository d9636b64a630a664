"""The working-group panel (분과): choose a group, see and edit its goals, plan, milestones,
members, programmes and tasks (with their update log), its overdue and due-this-week lists,
and print its progress review."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.ui.feedback import confirm, show_error, status
from aict_desktop.ui.models.base import RowRole
from aict_desktop.ui.models.tasks import TaskTableModel
from aict_desktop.ui.pages.base import make_table, page_heading
from aict_desktop.ui.widgets.form import fill_combo
from aict_desktop.ui.working_groups.due_lists import DueLists
from aict_desktop.ui.working_groups.goals_editor import GoalsEditor
from aict_desktop.ui.working_groups.milestone_dialog import MilestoneDialog
from aict_desktop.ui.working_groups.models import (
    MemberTableModel,
    MilestoneTableModel,
    ProgramTableModel,
    keep_service_order,
)
from aict_desktop.ui.working_groups.program_dialog import ProgramDialog
from aict_desktop.ui.working_groups.report_actions import ReportBar
from aict_desktop.ui.working_groups.task_log import TaskLogView


def _selected(table):
    rows = table.selectionModel().selectedRows() if table.selectionModel() else []
    return table.model().data(rows[0], RowRole) if rows else None


def _buttons(*labels: str) -> tuple[QHBoxLayout, list[QPushButton]]:
    row = QHBoxLayout()
    buttons = [QPushButton(label) for label in labels]
    for b in buttons:
        row.addWidget(b)
    row.addStretch(1)
    return row, buttons


class WorkingGroupPanel(QWidget):
    """A page of its own (``page_key = "working_groups"``) or a tab inside the 과제/기구 pages."""

    page_key = "working_groups"

    def __init__(self, services, settings=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.setObjectName(self.page_key)
        self.body = None
        self._build()
        self._connect_signals()

    # --- layout ------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 8)
        outer.addWidget(page_heading(_("Working groups"), _(
            "Each 분과's goals and execution plan, milestones, members, programmes and tasks, and its progress review.")))
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Working group")))
        self.group_combo = QComboBox()
        self.group_combo.setObjectName("group_combo")
        self.group_combo.setMinimumWidth(260)
        top.addWidget(self.group_combo)
        top.addStretch(1)
        self.report_bar = ReportBar(self.services, self._report_target, self)
        top.addWidget(self.report_bar)
        outer.addLayout(top)

        head = QHBoxLayout()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("group_summary")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        head.addWidget(self.summary_label, 1)
        head.addWidget(QLabel(_("Progress")))
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setFixedWidth(220)
        head.addWidget(self.progress)
        outer.addLayout(head)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("group_tabs")
        self.goals = GoalsEditor(self.services)
        self.tabs.addTab(self.goals, _("Goals and plan"))
        self.tabs.addTab(self._milestones_tab(), _("Milestones"))
        self.tabs.addTab(self._tasks_tab(), _("Tasks"))
        self.member_model = MemberTableModel(self)
        self.member_table = make_table(self.member_model, name="member_table")
        keep_service_order(self.member_table)
        self.member_table.setColumnWidth(0, 140)
        self.member_table.setColumnWidth(1, 110)
        self.member_table.setColumnWidth(2, 200)
        self.tabs.addTab(self.member_table, _("Members"))
        self.tabs.addTab(self._programs_tab(), _("Programmes"))
        self.due = DueLists(self.services)
        self.tabs.addTab(self.due, _("Overdue and due this week"))
        outer.addWidget(self.tabs, 1)

    def _milestones_tab(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        self.milestone_model = MilestoneTableModel(self)
        self.milestone_table = make_table(self.milestone_model, name="milestone_table")
        self.milestone_table.setColumnWidth(0, 110)
        self.milestone_table.setColumnWidth(1, 300)
        self.milestone_table.setColumnWidth(2, 110)
        self.milestone_table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # the plan in date order
        lay.addWidget(self.milestone_table, 1)
        row, (self.add_ms, self.edit_ms, self.del_ms) = _buttons(_("Add milestone…"), _("Edit…"), _("Delete"))
        lay.addLayout(row)
        return box

    def _tasks_tab(self) -> QWidget:
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        lay = QVBoxLayout(top)
        lay.setContentsMargins(0, 0, 0, 0)
        self.task_model = TaskTableModel(self)
        self.task_table = make_table(self.task_model, name="group_task_table")
        self.task_table.sortByColumn(TaskTableModel.COL_DUE, Qt.SortOrder.AscendingOrder)
        self.task_table.setColumnWidth(0, 300)
        self.task_table.setColumnHidden(TaskTableModel.COL_BODY, True)  # the group is chosen above
        lay.addWidget(self.task_table, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Move the selected task to")))
        self.move_combo = QComboBox()
        self.move_combo.setObjectName("move_combo")
        row.addWidget(self.move_combo)
        self.move_button = QPushButton(_("Move"))
        row.addWidget(self.move_button)
        row.addStretch(1)
        lay.addLayout(row)
        split.addWidget(top)
        self.task_log = TaskLogView(self.services)
        split.addWidget(self.task_log)
        split.setSizes([300, 200])
        return split

    def _programs_tab(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        self.program_model = ProgramTableModel(self)
        self.program_table = make_table(self.program_model, name="program_table")
        self.program_table.setColumnWidth(0, 90)
        self.program_table.setColumnWidth(1, 280)
        self.program_table.setColumnWidth(2, 110)
        self.program_table.setColumnWidth(3, 160)
        self.program_table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        lay.addWidget(self.program_table, 1)
        row, (self.add_pg, self.edit_pg, self.del_pg) = _buttons(_("Add programme…"), _("Edit…"), _("Delete"))
        lay.addLayout(row)
        return box

    def _connect_signals(self) -> None:
        self.group_combo.currentIndexChanged.connect(lambda _i: self.show_group(self.group_combo.currentData()))
        self.add_ms.clicked.connect(lambda: self.edit_milestone(None))
        self.edit_ms.clicked.connect(lambda: self.edit_milestone(_selected(self.milestone_table)))
        self.milestone_table.doubleClicked.connect(lambda _i: self.edit_milestone(_selected(self.milestone_table)))
        self.del_ms.clicked.connect(self.delete_milestone)
        self.add_pg.clicked.connect(lambda: self.edit_program(None))
        self.edit_pg.clicked.connect(lambda: self.edit_program(_selected(self.program_table)))
        self.program_table.doubleClicked.connect(lambda _i: self.edit_program(_selected(self.program_table)))
        self.del_pg.clicked.connect(self.delete_program)
        self.task_table.selectionModel().selectionChanged.connect(lambda *_a: self._task_selected())
        self.move_button.clicked.connect(lambda: self.move_task())

    # --- loading -----------------------------------------------------------------

    def reload(self) -> None:
        """Refill the group list (keeping the current group) and show it."""
        groups = self.services.groups.groups()
        parents = {b.id: b.name for b in (self.services.bodies.get_body(pid) for pid in {g.parent_id for g in groups})}
        items = [(f"{parents.get(g.parent_id, '')} › {g.name}", g.id) for g in groups]
        fill_combo(self.group_combo, items)
        fill_combo(self.move_combo, items, keep=False)
        self.show_group(self.group_combo.currentData())

    def activate(self) -> None:
        """Shown from the navigation: reload, keeping the chosen group."""
        self.reload()

    def refresh(self) -> None:
        self.reload()

    def print_current(self) -> None:
        self.report_bar.preview()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self.group_combo.count() == 0:
            self.reload()
        super().showEvent(event)

    def select_group(self, body_id: int) -> None:
        if self.group_combo.count() == 0:
            self.reload()
        i = self.group_combo.findData(body_id)
        if i >= 0:
            self.group_combo.setCurrentIndex(i)

    def _report_target(self):
        return (self.body.id, self.body.name) if self.body is not None else None

    def show_group(self, body_id: int | None) -> None:
        try:
            self.body = self.services.bodies.get_body(body_id) if body_id is not None else None
        except DomainError as err:
            show_error(self, err)
            self.body = None
        self.goals.set_body(self.body)
        if self.body is None:
            self.summary_label.setText(_("No working group. Add one on the Bodies page (a body with a parent)."))
            for model in (self.milestone_model, self.member_model, self.program_model, self.task_model):
                model.set_rows([])
            self.progress.setValue(0)
            self.task_log.set_task(None)
            return
        s = self.services.groups.summary(self.body.id)
        self.summary_label.setText(_(
            "{name} — lead: {lead} · {people} members, {insts} institutions · tasks {done}/{total} done, "
            "{overdue} overdue · milestones {ms_done}/{ms_total}").format(
            name=s.name, lead=s.lead or _("(none)"), people=s.people, insts=s.institutions, done=s.tasks_done,
            total=s.tasks_total, overdue=s.tasks_overdue, ms_done=s.milestones_done, ms_total=s.milestones_total))
        self.progress.setValue(s.progress)
        self.milestone_model.set_rows(self.services.groups.milestones(self.body.id))
        self.member_model.set_rows(self.services.groups.members(self.body.id))
        self.program_model.set_rows(self.services.groups.programs(body_id=self.body.id))
        self.task_model.set_rows(self.services.tasks.list(body_id=self.body.id))
        self.task_log.set_task(None)
        self.due.set_body(self.body.id)

    # --- actions -----------------------------------------------------------------

    def edit_milestone(self, milestone) -> None:
        if self.body is not None and MilestoneDialog.ask(self, self.services, self.body.id, milestone) is not None:
            self.show_group(self.body.id)

    def delete_milestone(self) -> None:
        ms = _selected(self.milestone_table)
        if ms is None or not confirm(self, _("Delete the milestone '{title}'? Its tasks stay.").format(title=ms.title)):
            return
        try:
            self.services.groups.delete_milestone(ms.id)
        except DomainError as err:
            show_error(self, err)
        self.show_group(self.body.id)

    def edit_program(self, program) -> None:
        if self.body is not None and ProgramDialog.ask(self, self.services, self.body.id, program) is not None:
            self.show_group(self.body.id)

    def delete_program(self) -> None:
        p = _selected(self.program_table)
        if p is None or not confirm(self, _("Delete the programme '{title}'?").format(title=p.title)):
            return
        try:
            self.services.groups.delete_program(p.id)
        except DomainError as err:
            show_error(self, err)
        self.show_group(self.body.id)

    def _task_selected(self) -> None:
        row = _selected(self.task_table)
        self.task_log.set_task(row.id if row else None, row.title if row else "")

    def move_task(self, target_id: int | None = None) -> bool:
        """Move the selected task to another group; its log goes with it and records the move."""
        row = _selected(self.task_table)
        target_id = target_id if target_id is not None else self.move_combo.currentData()
        if row is None or target_id is None or target_id == row.body_id:
            return False
        try:
            self.services.tasks.move(row.id, target_id)
        except DomainError as err:
            show_error(self, err)
            return False
        status(self, _("Moved '{title}'.").format(title=row.title))
        self.show_group(self.body.id)
        return True


def open_group(widget: QWidget, body_id: int | None) -> WorkingGroupPanel | None:
    """Switch the main window to the working-group page showing ``body_id`` (from the 과제 page or the dashboard)."""
    window = widget.window()
    show_page = getattr(window, "show_page", None)
    if show_page is None:
        return None
    panel = show_page("groups")
    if isinstance(panel, WorkingGroupPanel) and body_id is not None:
        panel.select_group(body_id)
    return panel
