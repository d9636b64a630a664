"""A row model refreshed in place: the view keeps its selection, current row and scroll position.

``RowTableModel.set_rows`` resets the model, and a reset clears the view's selection and current
index. Meeting mode reads its lists again after every key (a member ticked present, an action item
added), so its models replace the rows by key instead: rows gone are removed, new rows are appended,
then the rows are put in the model's filter and sort order as a layout change that carries each
selected or current index to its record's new place, and every cell is announced as changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex

from aict_desktop.ui.models.base import RowTableModel

_ROOT = QModelIndex()


class LiveRowsModel(RowTableModel):
    """A ``RowTableModel`` whose ``refresh_rows`` keeps the view's place; rows are matched by ``row_key``."""

    def row_key(self, row: Any) -> Any:
        return getattr(row, "id", None)

    def key_of(self, i: int) -> Any:
        """The key of the row shown at ``i`` (view order), or None."""
        return self.row_key(self._rows[i]) if 0 <= i < len(self._rows) else None

    def index_of_key(self, key: Any) -> int:
        """The row (view order) of the record with ``key``, or -1."""
        return next((i for i, r in enumerate(self._rows) if self.row_key(r) == key), -1)

    def refresh_rows(self, rows) -> None:
        """The records read again: same records keep their selection wherever the sort puts them."""
        fresh = list(rows)
        keys = [self.row_key(r) for r in fresh]
        if None in keys or len(set(keys)) != len(keys) or not self._rows:
            self.set_rows(fresh)  # no usable key (or nothing shown yet): a plain reset
            return
        shown, self._all = self._rows, fresh
        self._rows = self._filtered()
        self._apply_sort()
        target, self._rows = self._rows, shown
        wanted = {self.row_key(r) for r in target}
        for i in reversed(range(len(self._rows))):  # records gone (or filtered out now)
            if self.row_key(self._rows[i]) not in wanted:
                self.beginRemoveRows(_ROOT, i, i)
                del self._rows[i]
                self.endRemoveRows()
        have = {self.row_key(r) for r in self._rows}
        added = [r for r in target if self.row_key(r) not in have]
        if added:
            n = len(self._rows)
            self.beginInsertRows(_ROOT, n, n + len(added) - 1)
            self._rows.extend(added)
            self.endInsertRows()
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_keys = [self.key_of(i.row()) for i in old]
        self._rows = target
        where = {self.row_key(r): n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(old, [
            self.index(where[k], i.column()) if k in where else QModelIndex() for k, i in zip(old_keys, old)])
        self.layoutChanged.emit()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))
