"""Table models of the working-group panel (one per entity, on the shared RowTableModel)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from aict_desktop.domain.enums import MembershipRole, ProgramKind, Role, TaskStatus
from aict_desktop.i18n import N_
from aict_desktop.ui.screen_text import date_time
from aict_desktop.services.tasks import describe_change
from aict_desktop.ui.models.base import ALERT, MUTED, Column, RowTableModel, enum_label


def _role_label(value: str) -> str:
    for enum_cls in (Role, MembershipRole):
        if value in {m.value for m in enum_cls}:
            return enum_label(enum_cls, value)
    return value


class ServiceOrderModel(RowTableModel):
    """Rows stay in the order the service gave until a header is clicked (``sort(-1)`` restores it)."""

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:
            self.beginResetModel()
            self._sort = None
            self._rows = self._filtered()
            self.endResetModel()
            return
        super().sort(column, order)


def keep_service_order(table) -> None:
    """Undo the initial sort a sortable QTableView applies (column 0, descending)."""
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.model().sort(-1)


class MilestoneTableModel(RowTableModel):
    """Rows: ``Milestone``."""

    COLUMNS = (
        Column(N_("Period"), lambda r: r.period),
        Column(N_("Milestone"), lambda r: r.title),
        Column(N_("Due"), lambda r: r.due_on),
        Column(N_("Status"), lambda r: enum_label(TaskStatus, r.status)),
        Column(N_("Note"), lambda r: r.note),
    )

    def colour(self, row):
        return MUTED if row.status == TaskStatus.DONE else None


class MemberTableModel(ServiceOrderModel):
    """Rows: ``GroupMember`` (people first, then institutions)."""

    COLUMNS = (
        Column(N_("Name"), lambda r: r.name),
        Column(N_("Role"), lambda r: _role_label(r.role)),
        Column(N_("Institution"), lambda r: r.institution),
        Column(N_("Position"), lambda r: r.position),
        Column(N_("Since"), lambda r: r.since),
    )


class ProgramTableModel(RowTableModel):
    """Rows: ``ProgramRow``."""

    COLUMNS = (
        Column(N_("Kind"), lambda r: enum_label(ProgramKind, r.kind)),
        Column(N_("Programme"), lambda r: r.title),
        Column(N_("Date"), lambda r: r.held_on),
        Column(N_("Place"), lambda r: r.place),
        Column(N_("Participants"), lambda r: r.participants, align_right=True, text=lambda r: f"{r.participants:,}"),
    )


class UpdateLogModel(ServiceOrderModel):
    """Rows: ``TaskUpdate`` — when, who, what changed, comment."""

    COLUMNS = (
        Column(N_("When"), lambda r: r.at, text=lambda r: date_time(r.at)),
        Column(N_("By"), lambda r: r.author),
        Column(N_("What changed"), lambda r: describe_change(r.change)),
        Column(N_("Comment"), lambda r: r.comment),
    )

    def tooltip(self, row, column: int):
        return describe_change(row.change) if column == 2 else (row.comment or None)


class OverdueTableModel(ServiceOrderModel):
    """Rows: ``TaskRow`` in the overdue / due-this-week lists."""

    COLUMNS = (
        Column(N_("Task"), lambda r: r.title),
        Column(N_("Working group"), lambda r: r.body),
        Column(N_("Owner"), lambda r: r.owner),
        Column(N_("Due"), lambda r: r.due),
        Column(N_("Progress"), lambda r: r.progress, align_right=True, text=lambda r: f"{r.progress}%"),
    )

    def colour(self, row):
        return ALERT if row.overdue else None
