"""The rows of a file being imported, each with its problems (bad rows in red)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from aict_desktop.i18n import N_
from aict_desktop.ui.models.base import ALERT, Column, RowTableModel


def _cell(header: str):
    return lambda r: r.values.get(header, "")


class ImportRowsModel(RowTableModel):
    """Columns follow the file: row number, the recognised headers, then the problems."""

    COL_ROW = 0
    COLUMNS = (Column(N_("Row"), lambda r: r.row_number, align_right=True),
               Column(N_("Problems"), lambda r: ""))

    def set_preview(self, headers: list[str], rows) -> None:
        self.beginResetModel()
        self.COLUMNS = (
            Column(N_("Row"), lambda r: r.row_number, align_right=True),
            *(Column(h, _cell(h)) for h in headers),
            Column(N_("Problems"), lambda r: " / ".join(p.message if not p.column else f"{p.column}: {p.message}"
                                                       for p in r.problems)),
        )
        self.endResetModel()
        self.set_rows(rows)

    def headerData(self, section, orientation, role=0):
        if role == 0 and orientation == Qt.Orientation.Horizontal and 0 < section < len(self.COLUMNS) - 1:
            return self.COLUMNS[section].title  # the file's own header, not a msgid
        return super().headerData(section, orientation, role)

    def colour(self, row):
        return ALERT if row.problems else None

    def tooltip(self, row, column):
        return "\n".join(p.describe() for p in row.problems) or None
