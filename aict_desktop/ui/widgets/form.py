"""A detail editor: labelled fields, each with its own validation message in place.

A service's ``DomainError`` carries ``field``; ``show_error`` puts the message
under that field (or at the top of the form when the error names no field).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.domain.errors import ConflictError, DomainError
from aict_desktop.ui.widgets.date_edit import DateEdit, TimeEdit

ERROR_STYLE = "color: #b3261e;"
INFO_STYLE = "color: #1b6e20;"


def get_value(w: QWidget) -> Any:
    if isinstance(w, (DateEdit, TimeEdit)):
        return w.value()
    if isinstance(w, QLineEdit):
        return w.text()
    if isinstance(w, QPlainTextEdit):
        return w.toPlainText()
    if isinstance(w, QComboBox):
        return w.currentData() if w.currentIndex() >= 0 else None
    if isinstance(w, QCheckBox):
        return w.isChecked()
    if isinstance(w, QSpinBox):
        return w.value()
    return None  # a display-only row (e.g. an image with buttons)


def set_value(w: QWidget, value: Any) -> None:
    if isinstance(w, (DateEdit, TimeEdit)):
        w.set_value(value)
    elif isinstance(w, QLineEdit):
        w.setText("" if value is None else str(value))
    elif isinstance(w, QPlainTextEdit):
        w.setPlainText("" if value is None else str(value))
    elif isinstance(w, QComboBox):
        key = value.value if isinstance(value, Enum) else value
        i = w.findData(key)
        w.setCurrentIndex(i if i >= 0 else (0 if w.count() else -1))
    elif isinstance(w, QCheckBox):
        w.setChecked(bool(value))
    elif isinstance(w, QSpinBox):
        w.setValue(int(value or 0))


def fill_combo(combo: QComboBox, items: list[tuple[str, Any]], *, keep: bool = True) -> None:
    """Replace a combo's items (label, data) keeping the current choice when it still exists."""
    current = combo.currentData() if keep else None
    combo.blockSignals(True)
    combo.clear()
    for label, data in items:
        combo.addItem(label, data)
    i = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(i if i >= 0 else (0 if combo.count() else -1))
    combo.blockSignals(False)


def enum_items(enum_cls) -> list[tuple[str, str]]:
    return [(m.label(), m.value) for m in enum_cls]


class FormPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.message.setObjectName("formMessage")
        outer.addWidget(self.message)
        self.layout_ = QFormLayout()
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setVerticalSpacing(6)
        outer.addLayout(self.layout_)
        outer.addStretch(1)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self._clean: dict[str, Any] | None = None  # the values as last shown or saved

    # --- building ----------------------------------------------------------------

    def add(self, key: str, label: str, widget: QWidget) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        err = QLabel()
        err.setStyleSheet(ERROR_STYLE)
        err.setWordWrap(True)
        err.setVisible(False)
        box.addWidget(err)
        lab = QLabel(label)
        lab.setBuddy(widget)
        self.layout_.addRow(lab, holder)
        widget.setObjectName(key)
        self.fields[key] = widget
        self.errors[key] = err
        self.labels[key] = lab
        return widget

    def line(self, key: str, label: str, placeholder: str = "") -> QLineEdit:
        w = QLineEdit()
        w.setPlaceholderText(placeholder)
        return self.add(key, label, w)

    def text(self, key: str, label: str, height: int = 80) -> QPlainTextEdit:
        w = QPlainTextEdit()
        w.setMinimumHeight(height)
        w.setMaximumHeight(height * 2)
        w.setTabChangesFocus(True)
        return self.add(key, label, w)

    def combo(self, key: str, label: str, items: list[tuple[str, Any]] = ()) -> QComboBox:
        w = QComboBox()
        fill_combo(w, list(items), keep=False)
        return self.add(key, label, w)

    def search_combo(self, key: str, label: str) -> QComboBox:
        """A long list (institutions) the user narrows by typing, 초성 too."""
        from aict_desktop.ui.widgets.search_combo import SearchCombo

        return self.add(key, label, SearchCombo())

    def enum(self, key: str, label: str, enum_cls) -> QComboBox:
        return self.combo(key, label, enum_items(enum_cls))

    def date(self, key: str, label: str, optional: bool = False) -> DateEdit:
        return self.add(key, label, DateEdit(optional=optional))

    def time(self, key: str, label: str) -> TimeEdit:
        return self.add(key, label, TimeEdit())

    def integer(self, key: str, label: str, minimum: int = 0, maximum: int = 1_000_000, suffix: str = "",
                step: int = 1) -> QSpinBox:
        w = QSpinBox()
        w.setRange(minimum, maximum)
        w.setSingleStep(step)
        w.setGroupSeparatorShown(True)
        if suffix:
            w.setSuffix(suffix)
        return self.add(key, label, w)

    def check(self, key: str, label: str, text: str = "") -> QCheckBox:
        return self.add(key, label, QCheckBox(text))

    # --- values ------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        return {key: get_value(w) for key, w in self.fields.items()}

    def set_values(self, source: Any) -> None:
        """Fill from a dict or an object's attributes (missing keys left as they are)."""
        self.clear_errors()
        for key, w in self.fields.items():
            if isinstance(source, dict):
                if key in source:
                    set_value(w, source[key])
            elif hasattr(source, key):
                set_value(w, getattr(source, key))
        self.mark_clean()

    def clear(self, defaults: dict[str, Any] | None = None) -> None:
        self.clear_errors()
        for w in self.fields.values():
            if isinstance(w, DateEdit):
                w.set_value(None)
            elif isinstance(w, (QLineEdit, QPlainTextEdit)):
                w.clear()
            elif isinstance(w, QComboBox):
                w.setCurrentIndex(0 if w.count() else -1)
            elif isinstance(w, QCheckBox):
                w.setChecked(False)
            elif isinstance(w, QSpinBox):
                w.setValue(w.minimum())
        for key, value in (defaults or {}).items():
            if key in self.fields:
                set_value(self.fields[key], value)
        self.mark_clean()

    def mark_clean(self) -> None:
        """What the form shows now is what is saved (or the untouched defaults)."""
        self._clean = self.values()

    def is_dirty(self, *, ignore: tuple[str, ...] = ()) -> bool:
        """The user changed a field since the form was filled (typed changes that would be lost);
        ``ignore``: fields that choose what is shown (a body selector), not values to save."""
        if self._clean is None:
            return False
        now = self.values()
        return any(now[k] != self._clean.get(k) for k in now if k not in ignore)

    def set_enabled(self, enabled: bool) -> None:
        for w in self.fields.values():
            w.setEnabled(enabled)

    # --- messages ----------------------------------------------------------------

    def clear_errors(self) -> None:
        self.message.setVisible(False)
        self.message.clear()
        for key, err in self.errors.items():
            err.setVisible(False)
            err.clear()
            self.fields[key].setStyleSheet("")

    def show_error(self, err: DomainError | str, field: str | None = None) -> None:
        """The message under its field, or at the top when the field is not on this form."""
        self.clear_errors()
        text = err if isinstance(err, str) else err.message
        field = field if isinstance(err, str) else err.field
        if field in self.errors and not isinstance(err, ConflictError):
            self.errors[field].setText(text)
            self.errors[field].setVisible(True)
            self.fields[field].setStyleSheet("border: 1px solid #b3261e;")
            self.fields[field].setFocus()
        else:
            self.show_message(text, error=True)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
        self.message.setText(text)
        self.message.setVisible(True)

    def error_text(self, key: str | None = None) -> str:
        """What the form shows now for a field (or the top message); for tests."""
        if key is None:
            return self.message.text() if self.message.isVisible() or self.message.text() else ""
        return self.errors[key].text()
