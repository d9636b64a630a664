"""The row of filters above a table: search, labelled choices, "expiring within N days"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from aict_desktop.i18n import _
from aict_desktop.ui.widgets.form import fill_combo
from aict_desktop.ui.widgets.search_box import SearchBox


class FilterBar(QWidget):
    """Emits ``changed`` whenever any filter changes; ``value(key)`` reads one."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, search: bool = True, placeholder: str | None = None):
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.search: SearchBox | None = None
        self.combos: dict[str, QComboBox] = {}
        self.checks: dict[str, QCheckBox] = {}
        self.spins: dict[str, QSpinBox] = {}
        if search:
            self.search = SearchBox(self, placeholder)
            self.search.search_changed.connect(lambda _t: self.changed.emit())
            self.row.addWidget(self.search, 2)
        self._stretch_added = False

    def add_choice(self, key: str, label: str, items: list[tuple[str, Any]], *, all_label: str | None = None) -> QComboBox:
        if label:
            self.row.addWidget(QLabel(label))
        combo = QComboBox(self)
        combo.setObjectName(f"filter_{key}")
        combo.setMinimumContentsLength(8)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo._all_label = all_label or _("All")
        self.combos[key] = combo
        self.set_items(key, items)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.row.addWidget(combo, 1)
        return combo

    def set_items(self, key: str, items: list[tuple[str, Any]]) -> None:
        combo = self.combos[key]
        fill_combo(combo, [(combo._all_label, None), *items])

    def add_check(self, key: str, text: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setObjectName(f"filter_{key}")
        box.toggled.connect(lambda _c: self.changed.emit())
        self.checks[key] = box
        self.row.addWidget(box)
        return box

    def add_days(self, key: str, text: str, default: int = 60) -> tuple[QCheckBox, QSpinBox]:
        """A check box "terms expiring within [N] days"."""
        box = self.add_check(key, text)
        spin = QSpinBox(self)
        spin.setObjectName(f"filter_{key}_days")
        spin.setRange(1, 3650)
        spin.setValue(default)
        spin.setSuffix(_(" days"))
        spin.valueChanged.connect(lambda _v: box.isChecked() and self.changed.emit())
        self.spins[key] = spin
        self.row.addWidget(spin)
        return box, spin

    def finish(self) -> None:
        if not self._stretch_added:
            self.row.addStretch(0)
            self._stretch_added = True

    def value(self, key: str) -> Any:
        if key in self.combos:
            return self.combos[key].currentData()
        if key in self.spins:
            return self.spins[key].value() if self.checks[key].isChecked() else None
        if key in self.checks:
            return self.checks[key].isChecked()
        raise KeyError(key)

    def text(self) -> str:
        return self.search.query() if self.search else ""
