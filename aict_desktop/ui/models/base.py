"""The shared table model: rows of dataclasses, sorting and filtering done in Python.

Sorting and filtering happen in the model itself rather than in a
``QSortFilterProxyModel``: a proxy calls back into Python for every
comparison and every row, which costs about a second on 20,000 people; a
list sort and a list comprehension take a few milliseconds
(benchmarks/bench_people.py). The view still sorts by clicking a header
(``QTableView.setSortingEnabled`` calls ``sort()`` here).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from aict_desktop.domain.enums import AppointmentKind, Role
from aict_desktop.domain.rules import role_sort_key
from aict_desktop.i18n import _, fmt_date

_ROOT = QModelIndex()
SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2

ALERT = QColor("#b3261e")
MUTED = QColor("#6b6b6b")


@dataclass(frozen=True)
class Column:
    title: str  # English msgid (marked with N_), translated when shown
    value: Callable[[Any], Any]  # what sorts
    align_right: bool = False
    text: Callable[[Any], str] | None = None  # what shows, when not display(value)


def display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return fmt_date(value)
    if isinstance(value, bool):
        return _("Yes") if value else ""
    return str(value)


def sort_key(value: Any):
    """Orders None last, numbers numerically, text by Unicode (가나다 order)."""
    if value is None or value == "":
        return (1, 0, "")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (0, value, "")
    if isinstance(value, dt.date):
        return (0, value.toordinal(), "")
    if isinstance(value, tuple):
        return (0, value, "")
    return (0, 0, str(value))


class RowTableModel(QAbstractTableModel):
    """Rows of one entity; subclasses set ``COLUMNS`` and may colour rows."""

    COLUMNS: tuple[Column, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[Any] = []
        self._rows: list[Any] = []
        self._predicate: Callable[[Any], bool] | None = None
        self._bulk_filter: Callable[[list[Any]], list[Any]] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- content -------------------------------------------------------------

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._rows = self._filtered()
        self._apply_sort()
        self.endResetModel()

    def set_filter(self, predicate: Callable[[Any], bool] | None = None,
                   bulk: Callable[[list[Any]], list[Any]] | None = None) -> None:
        """Show only rows passing ``predicate`` (per row) and/or ``bulk`` (whole list, faster)."""
        self.beginResetModel()
        self._predicate = predicate
        self._bulk_filter = bulk
        self._rows = self._filtered()
        self._apply_sort()
        self.endResetModel()

    def _filtered(self) -> list[Any]:
        rows = self._all
        if self._bulk_filter is not None:
            rows = self._bulk_filter(rows)
        if self._predicate is not None:
            rows = [r for r in rows if self._predicate(r)]
        return list(rows)

    def all_rows(self) -> list[Any]:
        return list(self._all)

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row(self, i: int):
        return self._rows[i]

    def index_of_id(self, row_id) -> int:
        for i, r in enumerate(self._rows):
            if getattr(r, "id", None) == row_id:
                return i
        return -1

    # --- Qt model API ----------------------------------------------------------

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or not (0 <= index.column() < len(self.COLUMNS)):
            return None
        row = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row) if col.text is not None else display(col.value(row))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column())
        if role == SortRole:
            return sort_key(col.value(row))
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self.colour(row)
            return QBrush(colour) if colour is not None else None
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _(self.COLUMNS[section].title) if 0 <= section < len(self.COLUMNS) else None
        return str(section + 1)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_rows = [self._rows[i.row()] if 0 <= i.row() < len(self._rows) else None for i in old]
        self._sort = (column, order)
        self._apply_sort()
        where = {id(r): n for n, r in enumerate(self._rows)}
        new = [
            self.index(where[id(r)], i.column()) if r is not None and id(r) in where else QModelIndex()
            for r, i in zip(old_rows, old)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        if self._sort is None:
            return
        column, order = self._sort
        value = self.COLUMNS[column].value
        self._rows.sort(key=lambda r: sort_key(value(r)), reverse=order == Qt.SortOrder.DescendingOrder)

    # --- hooks -----------------------------------------------------------------

    def colour(self, row) -> QColor | None:
        return None

    def tooltip(self, row, column: int) -> str | None:
        return None


def role_key(role: str | None, kind: str | None, name: str, tie: int = 0) -> tuple:
    """``domain.rules.role_sort_key`` for a row whose role and kind are stored as their Korean terms."""
    return role_sort_key(_member(Role, role), _member(AppointmentKind, kind), name or "", tie)


def _member(enum_cls, value):
    try:
        return enum_cls(value) if value else None
    except ValueError:
        return None


def enum_label(enum_cls, value) -> str:
    """The display label of an enum value stored as its Korean term."""
    if value in (None, ""):
        return ""
    try:
        return enum_cls(value).label()
    except ValueError:
        return str(value)
