"""A combo to type into for long lists (31 institutions and more): the list narrows to what is typed.

``서울`` keeps 서울대학교 and 서울시립대; ``ㅅㅊ`` (초성) keeps 서초구청, as the page search does
(:func:`text_matcher`). A click or Enter picks an item; text that names no item is put back to the
current choice when the field is left, so the form never holds a name that is not in the list.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from aict_desktop.ui.widgets.search_box import text_matcher


class _Narrow(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.match = None

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self.match = text_matcher(text)
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802 (Qt name)
        if self.match is None:
            return True
        return self.match(self.sourceModel().index(row, 0, parent).data() or "")


class SearchCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.narrow = _Narrow(self)
        self.narrow.setSourceModel(self.model())
        completer = QCompleter(self.narrow, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)  # the proxy filters
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated[QModelIndex].connect(self._picked)
        self.setCompleter(completer)
        self.lineEdit().textEdited.connect(self._typed)
        self.lineEdit().editingFinished.connect(self._settle)

    def _typed(self, text: str) -> None:
        self.narrow.set_query(text)
        if text.strip():
            self.completer().complete()

    def _picked(self, index: QModelIndex) -> None:
        row = self.narrow.mapToSource(index).row()
        if row >= 0:
            self.setCurrentIndex(row)
        self.narrow.set_query("")

    def _settle(self) -> None:
        """Leaving the field: one match left is the choice; otherwise the text goes back to the current item."""
        text = self.lineEdit().text()
        if self.currentIndex() >= 0 and text == self.itemText(self.currentIndex()):
            return
        exact = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if exact < 0 and self.narrow.rowCount() == 1 and text.strip():
            exact = self.narrow.mapToSource(self.narrow.index(0, 0)).row()
        if exact >= 0:
            self.setCurrentIndex(exact)
        self.lineEdit().setText(self.itemText(self.currentIndex()) if self.currentIndex() >= 0 else "")
        self.narrow.set_query("")
