"""The table every list shows (sortable, one row per record, Tab leaves it) and its column widths.

Column widths are fitted to the contents the first time rows appear, never to an empty table's
headers, and only widths that were fitted to rows (or set by the user's hand) are kept for next time.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.ui.state import restore_header, save_header

ROW_HEIGHT = 26
FIT_COLUMNS_UP_TO = 2000  # rows; bigger tables keep their fixed widths (fitting reads every row)
MIN_COLUMN_WIDTH = 50
MAX_COLUMN_WIDTH = 260


def make_table(model, *, multi: bool = False, name: str = "table") -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    # no sort column until the user clicks a header: rows keep the services' order
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicatorShown(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab goes on to the next field; arrows move between rows
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


def page_heading(title: str, subtitle: str = "") -> QWidget:
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 4)
    lay.setSpacing(0)
    head = QLabel(title)
    head.setObjectName("pageTitle")
    f = head.font()
    f.setPointSizeF(f.pointSizeF() * 1.5)
    f.setBold(True)
    head.setFont(f)
    lay.addWidget(head)
    if subtitle:
        sub = QLabel(subtitle)
        sub.setStyleSheet("color: #555;")
        sub.setWordWrap(True)
        lay.addWidget(sub)
    return box


class ColumnWidths:
    """A table's column widths: restored if kept, fitted when rows first appear, kept only when meaningful."""

    def __init__(self, key: str, view: QTableView, defaults: tuple[int, ...] = ()):
        self.key = key
        self.view = view
        for i, w in enumerate(defaults):
            view.setColumnWidth(i, w)
        header = view.horizontalHeader()
        self.restored = restore_header(key, header)
        self.fitted = False
        self.user_sized = False
        self._fitting = False
        header.sectionResized.connect(self._resized)

    def _resized(self, *_args) -> None:
        if not self._fitting and QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self.user_sized = True  # dragged by hand: worth keeping, rows or not

    def rows_shown(self, n: int) -> None:
        """The table now holds ``n`` rows: fit the columns the first time there are some."""
        if self.restored or self.fitted or self.user_sized or n == 0 or n > FIT_COLUMNS_UP_TO:
            return
        self.fit()

    def fit(self) -> None:
        """Columns as wide as their contents (capped)."""
        self._fitting = True
        try:
            self.view.resizeColumnsToContents()
            header = self.view.horizontalHeader()
            for i in range(header.count() - 1):
                header.resizeSection(i, min(max(header.sectionSize(i), MIN_COLUMN_WIDTH), MAX_COLUMN_WIDTH))
        finally:
            self._fitting = False
        self.fitted = True

    def save(self) -> bool:
        """Keep the widths for next time, unless they only fit an empty table's headers."""
        if not (self.restored or self.fitted or self.user_sized):
            return False
        save_header(self.key, self.view.horizontalHeader())
        return True
