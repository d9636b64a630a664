"""The shape every list page shares: filters, a sortable table, and a detail editor.

Views lay out and wire signals in ``_connect_signals``; the page subclasses
say what to load and which service call saves, and never decide rules
themselves: a service refuses with a ``DomainError`` and the form shows its
message beside the field it names.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.ui.feedback import confirm, show_error, status
from aict_desktop.ui.models.base import RowRole, RowTableModel
from aict_desktop.ui.state import (
    restore_header,
    restore_splitter,
    save_header,
    save_splitter,
)
from aict_desktop.ui.widgets.filter_bar import FilterBar
from aict_desktop.ui.widgets.form import FormPanel

ROW_HEIGHT = 26
FIT_COLUMNS_UP_TO = 2000  # rows; bigger tables keep their fixed widths (fitting reads every row)
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


class EntityPage(QWidget):
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
        for i, w in enumerate(self.column_widths):
            self.table.setColumnWidth(i, w)
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
        self._header_restored = restore_header(self.page_key, self.table.horizontalHeader())
        self._show_new()

    def _connect_signals(self) -> None:
        self.filters.changed.connect(self.apply_filters)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._update_count)
        self.new_button.clicked.connect(self.new_record)
        self.save_button.clicked.connect(self.save_record)
        self.delete_button.clicked.connect(self.delete_record)

    def fit_columns(self) -> None:
        """Columns as wide as their contents (capped), the first time a small table fills."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for i in range(header.count() - 1):
            header.resizeSection(i, min(max(header.sectionSize(i), 50), MAX_COLUMN_WIDTH))

    def save_state(self) -> None:
        save_splitter(self.page_key, self.splitter)
        save_header(self.page_key, self.table.horizontalHeader())

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

    def add_button_row(self, row: QHBoxLayout) -> None:
        """Put a row of buttons just above ``extra_actions`` (which stays last, for colleagues)."""
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
        self.refresh_choices()
        try:
            rows = self.load_rows()
        except DomainError as err:
            show_error(self, err)
            return
        self.model.set_rows(rows)
        self.apply_filters()
        if not self._loaded and not self._header_restored and len(rows) <= FIT_COLUMNS_UP_TO:
            self.fit_columns()
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
        if rows:
            self.show_record(rows[-1])

    def show_record(self, row) -> None:
        try:
            record = self.load_record(row)
        except DomainError as err:
            self.form.show_error(err)
            return
        self._current = record
        self._original = self.record_values(record)
        self.form.set_values(self._original)
        self.editor_title.setText(self.describe(record))
        self.delete_button.setEnabled(True)
        self.record_loaded(record)

    def _show_new(self) -> None:
        self._current = None
        self._original = {}
        self.form.clear(self.defaults())
        self.editor_title.setText(self.new_title())
        self.delete_button.setEnabled(False)
        self.record_loaded(None)

    def new_record(self) -> None:
        self.table.clearSelection()
        self._show_new()
        first = next(iter(self.form.fields.values()), None)
        if first is not None:
            first.setFocus()

    def save_record(self) -> bool:
        values = self.form.values()
        try:
            if self._current is None:
                record = self.create(values)
            else:
                changes = {k: v for k, v in values.items() if self._original.get(k) != v}
                record = self.update(self._current.id, changes, self._current.version, self._original) \
                    if changes else self._current
        except DomainError as err:
            self.form.show_error(err)
            return False
        self._current = record
        self.refresh()
        if not self.select_id(record.id):
            self.show_record_object(record)
        self.form.show_message(_("Saved."))
        status(self, _("Saved '{what}'.").format(what=self.describe(record)))
        self.record_saved.emit(record.id)
        return True

    def show_record_object(self, record) -> None:
        self._current = record
        self._original = self.record_values(record)
        self.form.set_values(self._original)
        self.editor_title.setText(self.describe(record))

    def delete_record(self, *, confirmed: bool = False) -> bool:
        if self._current is None:
            return False
        what = self.describe(self._current)
        if not confirmed and not confirm(self, _("Delete '{what}'? This cannot be undone.").format(what=what)):
            return False
        try:
            self.delete(self._current.id)
        except DomainError as err:
            self.form.show_error(err)
            if not confirmed:
                show_error(self, err)
            return False
        self._show_new()
        self.refresh()
        status(self, _("Deleted '{what}'.").format(what=what))
        return True

    def focus_search(self) -> None:
        if self.filters.search is not None:
            self.filters.search.setFocus()
            self.filters.search.selectAll()

    def print_current(self) -> None:
        """Ctrl+P: pages with a document override this."""
        status(self, _("There is nothing to print on this page."))
