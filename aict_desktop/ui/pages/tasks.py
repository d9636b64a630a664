"""과제: tasks and action items with owner, due date, status, progress and the update log.

The working groups (``ui/working_groups``) add their panels to ``self.extra_actions``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QPlainTextEdit, QPushButton

from aict_desktop.domain.enums import Priority, TaskStatus
from aict_desktop.i18n import _, fmt_date
from aict_desktop.ui.screen_text import date_time
from aict_desktop.ui.choices import (
    body_items,
    institution_items,
    optional,
    person_items,
)
from aict_desktop.ui.documents import DocumentActions
from aict_desktop.ui.models.tasks import TaskTableModel
from aict_desktop.ui.pages.base import EntityPage
from aict_desktop.ui.widgets.form import enum_items, fill_combo
from aict_desktop.ui.widgets.search_box import text_matcher


class TasksPage(EntityPage):
    page_key = "tasks"
    column_widths = (260, 170, 110, 95, 60, 60)

    def title(self) -> str:
        return _("Tasks")

    def subtitle(self) -> str:
        return _("Tasks and action items; overdue ones in red.")

    def make_model(self):
        return TaskTableModel(self)

    def build_filters(self, bar) -> None:
        bar.add_choice("body", _("Body"), [])
        bar.add_choice("owner", _("Owner"), [])
        bar.add_choice("status", _("Status"), enum_items(TaskStatus))
        bar.add_check("overdue", _("Overdue only"))

    def build_form(self, form) -> None:
        form.line("title", _("Task title"))
        form.combo("body_id", _("Body"))
        form.combo("owner_person_id", _("Owner"))
        form.search_combo("owner_institution_id", _("Owner institution"))
        form.date("due_on", _("Due"), optional=True)
        form.enum("status", _("Status"), TaskStatus)
        form.integer("progress", _("Progress"), 0, 100, " %", step=10)
        form.enum("priority", _("Priority"), Priority)
        form.text("description", _("Description"), 60)
        form.line("comment", _("Comment for the log"), _("(optional: what happened)"))
        self.log_view = QPlainTextEdit()
        self.log_view.setReadOnly(True)
        self.log_view.setMinimumHeight(90)
        form.layout_.addRow(_("Update log"), self.log_view)

    def build_actions(self, row) -> None:
        self.documents = DocumentActions(self, self.services)
        self.report_button = QPushButton(_("Progress report…"))
        self.report_button.clicked.connect(self.preview_report)
        self.report_button.setEnabled(self._reports_available())
        self.below_table.addWidget(self.report_button)
        self.group_button = QPushButton(_("Working group…"))  # the 분과 panel: goals, plan, milestones, log
        self.group_button.clicked.connect(self.open_group)
        self.below_table.addWidget(self.group_button)

    def _reports_available(self) -> bool:
        return self.services is not None

    def refresh_choices(self) -> None:
        bodies = body_items(self.services)
        self.filters.set_items("body", bodies)
        fill_combo(self.form.fields["body_id"], optional(bodies))
        people = person_items(self.services) if not getattr(self, "_people_loaded", False) else None
        if people is not None:
            fill_combo(self.form.fields["owner_person_id"], optional(people))
            self._people_loaded = True
        fill_combo(self.form.fields["owner_institution_id"], optional(institution_items(self.services)))

    def activate(self) -> None:
        self._people_loaded = False
        super().activate()

    def load_rows(self):
        rows = self.services.tasks.list()
        owners = sorted({r.owner for r in rows if r.owner})
        self.filters.set_items("owner", [(o, o) for o in owners])
        return rows

    def filter_rows(self, rows):
        body, owner = self.filters.value("body"), self.filters.value("owner")
        status, overdue = self.filters.value("status"), self.filters.value("overdue")
        match = text_matcher(self.filters.text())
        return [r for r in rows
                if (body is None or r.body_id == body) and (owner is None or r.owner == owner)
                and (not status or r.status == status) and (not overdue or r.overdue)
                and (match is None or match(r.title))]

    def load_record(self, row):
        return self.services.tasks.get(row.id)

    def record_values(self, task):
        values = super().record_values(task)
        values["comment"] = ""
        return values

    def new_title(self) -> str:
        return _("New task")

    def defaults(self):
        return {"status": TaskStatus.PLANNED.value, "priority": Priority.NORMAL.value,
                "due_on": dt.date.today() + dt.timedelta(days=30), "body_id": self.filters.value("body")}

    def record_loaded(self, record) -> None:
        if record is None:
            self.log_view.setPlainText("")
            return
        lines = []
        for u in self.services.tasks.updates(record.id):
            text = " · ".join(x for x in (u.change, u.comment) if x)
            lines.append(f"{date_time(u.at)} {u.author}: {text}")
        self.log_view.setPlainText("\n".join(lines))

    def create(self, v):
        v = dict(v)
        v.pop("comment", None)
        return self.services.tasks.create(**v)

    def update(self, record_id, changes, expected_version, original):
        changes = dict(changes)
        comment = changes.pop("comment", "")
        return self.services.tasks.update(record_id, changes, comment=comment, expected_version=expected_version,
                                          original=original)

    def delete(self, record_id):
        self.services.tasks.delete(record_id)

    def preview_report(self) -> None:
        body_id = self.filters.value("body")
        if body_id is None and self._current is not None:
            body_id = self._current.body_id
        if body_id is None:
            self.form.show_message(_("Choose a body in the filter to make its progress report."), error=True)
            return
        today = dt.date.today()
        start = dt.date(today.year, 1, 1)
        body = self.services.bodies.get_body(body_id)
        self.documents.preview(lambda: self.services.reports.task_report_pdf(body_id, start, today),
                               _("Progress report — {body}").format(body=body.name),
                               f"{body.name} 과제 진행 보고서 {fmt_date(today)}.pdf")

    def open_group(self) -> None:
        from aict_desktop.ui.working_groups.group_panel import open_group

        body_id = self.filters.value("body") or (self._current.body_id if self._current is not None else None)
        open_group(self, body_id)

    def print_current(self) -> None:
        if self._reports_available():
            self.preview_report()
        else:
            super().print_current()
