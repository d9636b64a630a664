"""The shape every list page shares: filters, a sortable table, and a detail editor.

Views lay out and wire signals in ``_connect_signals``; the page subclasses
say what to load and which service call saves, and never decide rules
themselves: a service refuses with a ``DomainError`` and the form shows its
message beside the field it names.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.ui.feedback import SAVE, show_error
from aict_desktop.ui.models.base import RowRole, RowTableModel
from aict_desktop.ui.pages.record_editing import RecordEditing
from aict_desktop.ui.state import restore_splitter, save_splitter
from aict_desktop.ui.widgets.filter_bar import FilterBar
from aict_desktop.ui.widgets.form import FormPanel
from aict_desktop.ui.widgets.table import ColumnWidths, make_table, page_heading  # noqa: F401 (imported from here)


class EntityPage(RecordEditing, QWidget):
    """Filters + table + detail editor with 새로 만들기 / 저장 / 삭제."""

    page_key = "page"
    multi_select = False
    column_widths: tuple[int, ...] = ()
    record_saved = Signal(int)

    def __init__(self, services, settings=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.setObjectName(self.page_key)
        self._current: Any = None
        self._original: dict[str, Any] = {}
        self._loaded = False
        self._asking = False
        self.model: RowTableModel = self.make_model()
        self._build()
        self._connect_signals()

    # --- layout ---------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 8)
        outer.addWidget(page_heading(self.title(), self.subtitle()))
        self.filters = FilterBar(self, search=self.has_search(), placeholder=self.search_placeholder())
        self.build_filters(self.filters)
        self.filters.finish()
        outer.addWidget(self.filters)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName(f"{self.page_key}_splitter")
        self.splitter.setChildrenCollapsible(False)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        self.table = make_table(self.model, multi=self.multi_select, name=f"{self.page_key}_table")
        left_lay.addWidget(self.table, 1)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #555;")
        self.below_table = QHBoxLayout()
        self.below_table.addWidget(self.count_label)
        self.below_table.addStretch(1)
        left_lay.addLayout(self.below_table)
        self.splitter.addWidget(left)

        editor = QFrame()
        editor.setObjectName("editor")
        editor.setFrameShape(QFrame.Shape.StyledPanel)
        ed_lay = QVBoxLayout(editor)
        self.editor_layout = ed_lay
        self.editor_title = QLabel()
        f = self.editor_title.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.15)
        self.editor_title.setFont(f)
        self.editor_title.setWordWrap(True)
        ed_lay.addWidget(self.editor_title)
        self.form = FormPanel()
        self.build_form(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        ed_lay.addWidget(scroll, 1)
        self.buttons = QHBoxLayout()
        self.new_button = QPushButton(_("New"))
        self.save_button = QPushButton(_("Save"))
        self.save_button.setDefault(True)
        self.delete_button = QPushButton(_("Delete"))
        for b in (self.new_button, self.save_button, self.delete_button):
            self.buttons.addWidget(b)
        self.buttons.addStretch(1)
        ed_lay.addLayout(self.buttons)
        # a spot for colleagues' buttons (meeting preparation, documents, …)
        self.extra_actions = QHBoxLayout()
        self.extra_actions.setObjectName("extra_actions")
        ed_lay.addLayout(self.extra_actions)
        self.build_actions(self.extra_actions)
        self.splitter.addWidget(editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([640, 400])
        outer.addWidget(self.splitter, 1)
        restore_splitter(self.page_key, self.splitter)
        self.columns = ColumnWidths(self.page_key, self.table, self.column_widths)
        self._show_new()

    def _connect_signals(self) -> None:
        self.filters.changed.connect(self.apply_filters)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._update_count)
        self.new_button.clicked.connect(self.new_record)
        self.save_button.clicked.connect(self.save_record)
        self.delete_button.clicked.connect(self.delete_record)

    def fit_columns(self) -> None:
        """Columns as wide as their contents (capped)."""
        self.columns.fit()

    def save_state(self) -> None:
        save_splitter(self.page_key, self.splitter)
        self.columns.save()

    # --- hooks for subclasses ----------------------------------------------------------

    def title(self) -> str:
        return ""

    def subtitle(self) -> str:
        return ""

    def has_search(self) -> bool:
        return True

    def search_placeholder(self) -> str | None:
        return None

    def make_model(self) -> RowTableModel:
        raise NotImplementedError

    def build_filters(self, bar: FilterBar) -> None:
        pass

    def build_form(self, form: FormPanel) -> None:
        pass

    def build_actions(self, row: QHBoxLayout) -> None:
        pass

    def add_button_row(self, row: QLayout) -> None:
        """Put a row (or rows) of buttons just above ``extra_actions`` (which stays last, for colleagues)."""
        for i in range(self.editor_layout.count()):
            if self.editor_layout.itemAt(i).layout() is self.extra_actions:
                self.editor_layout.insertLayout(i, row)
                return
        self.editor_layout.addLayout(row)

    def load_rows(self) -> list:
        raise NotImplementedError

    def filter_rows(self, rows: list) -> list:
        return rows

    def load_record(self, row) -> Any:
        raise NotImplementedError

    def record_values(self, record) -> dict[str, Any]:
        return {key: getattr(record, key, None) for key in self.form.fields}

    def create(self, values: dict[str, Any]):
        raise NotImplementedError

    def update(self, record_id: int, values: dict[str, Any], expected_version: int, original: dict[str, Any]):
        raise NotImplementedError

    def delete(self, record_id: int) -> None:
        raise NotImplementedError

    def describe(self, record) -> str:
        return getattr(record, "name", None) or getattr(record, "title", "")

    def defaults(self) -> dict[str, Any]:
        return {}

    def new_title(self) -> str:
        return _("New")

    def record_loaded(self, record) -> None:
        """Called after the editor shows a record (or None for a new one)."""

    def refresh_choices(self) -> None:
        """Reload the combos that list other entities (bodies, institutions…)."""

    # --- behaviour -----------------------------------------------------------------------

    def activate(self) -> None:
        """The page became visible: reload so it shows what other pages changed."""
        self.refresh()

    def refresh(self) -> None:
        keep = self._current.id if self._current is not None else None
        untouched = not self.form.is_dirty()
        self.refresh_choices()
        if untouched:
            self.form.mark_clean()  # combos refilled (and what follows from them) are not the user's changes
        try:
            rows = self.load_rows()
        except DomainError as err:
            show_error(self, err)
            return
        self.model.set_rows(rows)
        self.apply_filters()
        self.columns.rows_shown(len(rows))  # fitted when rows first appear, never to an empty table
        self._loaded = True
        if keep is not None:
            self.select_id(keep)

    def apply_filters(self) -> None:
        self.model.set_filter(bulk=self.filter_rows)
        if self._current is not None:
            i = self.model.index_of_id(self._current.id)
            if i >= 0:
                self.table.blockSignals(True)
                self.table.selectRow(i)
                self.table.blockSignals(False)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), len(self.model.all_rows())
        self.count_label.setText(
            _("{shown} of {total}").format(shown=f"{shown:,}", total=f"{total:,}") if shown != total
            else _("{n} in all").format(n=f"{total:,}")
        )

    def selected_rows(self) -> list:
        return [self.model.data(i, RowRole) for i in self.table.selectionModel().selectedRows()]

    def select_id(self, row_id) -> bool:
        i = self.model.index_of_id(row_id)
        if i < 0:
            return False
        self.table.selectRow(i)
        self.table.scrollTo(self.model.index(i, 0))
        return True

    def _selection_changed(self, *_args) -> None:
        rows = self.selected_rows()
        if not rows or self._asking:
            return
        row = rows[-1]
        same = self._current is not None and getattr(row, "id", None) == self._current.id
        if not self.has_unsaved_changes():
            self.show_record(row)
        elif not same:  # asked once the click is over (not inside the view's mouse handling)
            self._asking = True
            QTimer.singleShot(0, lambda: self._switch_to(row))
        # the same record selected again (a refresh) while the user is typing: the typed values stay

    def _switch_to(self, row) -> None:
        """Another row was chosen while the editor holds typed changes: save, drop them, or stay."""
        try:
            answer = self.ask_unsaved()
        finally:
            self._asking = False
        if answer is None:
            self._select_quietly(self._current.id if self._current is not None else None)
            return
        selected = {getattr(r, "id", None) for r in self.selected_rows()}
        if answer == SAVE or row.id not in selected:
            self._select_quietly(row.id)
        self.show_record(row)

    def _select_quietly(self, row_id) -> None:
        """Select ``row_id`` (or nothing) without loading it into the editor."""
        sm = self.table.selectionModel()
        sm.blockSignals(True)
        try:
            self.table.clearSelection()
            i = self.model.index_of_id(row_id) if row_id is not None else -1
            if i >= 0:
                self.table.selectRow(i)
        finally:
            sm.blockSignals(False)
        self.table.viewport().update()
