"""과제 table; overdue tasks in red."""

from __future__ import annotations

from aict_desktop.domain.enums import Priority, TaskStatus
from aict_desktop.i18n import N_
from aict_desktop.ui.models.base import ALERT, MUTED, Column, RowTableModel, enum_label


class TaskTableModel(RowTableModel):
    COL_TITLE, COL_BODY, COL_OWNER, COL_DUE, COL_STATUS, COL_PROGRESS, COL_PRIORITY = range(7)
    COLUMNS = (
        Column(N_("Task"), lambda r: r.title),
        Column(N_("Body"), lambda r: r.body),
        Column(N_("Owner"), lambda r: r.owner),
        Column(N_("Due"), lambda r: r.due),
        Column(N_("Status"), lambda r: enum_label(TaskStatus, r.status)),
        Column(N_("Progress"), lambda r: r.progress, align_right=True, text=lambda r: f"{r.progress}%"),
        Column(N_("Priority"), lambda r: enum_label(Priority, r.priority)),
    )

    def colour(self, row):
        if row.overdue:
            return ALERT
        if row.status == TaskStatus.DONE.value:
            return MUTED
        return None
