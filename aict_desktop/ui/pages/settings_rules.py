"""설정 → 기구별 설정: the body's committee rules, one field per ``domain.rules.SOURCES`` entry.

Each field shows the rule's label and, as the tooltip of the label and the editor, the law or
조례 it comes from. The kind of editor follows the rule's type in ``BodyRules``: a combo for
a quorum rule, check boxes for a set of attendance kinds, a spin box for a number, a check box
for a yes/no. Only what the user changed is handed to ``BodyService.save_rules``, which checks it.

Below the rules, the body's 참석수당 budget of this year (not a rule: ``AllowanceService.budget`` /
``set_budget``); the page loads it with ``load_budget`` and saves it with ``save_budget``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from enum import Enum

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from aict_desktop.domain.enums import AttendanceStatus
from aict_desktop.domain.errors import DomainError
from aict_desktop.domain.rules import SOURCES, BodyRules
from aict_desktop.i18n import N_, _
from aict_desktop.ui.widgets.form import ERROR_STYLE, FormPanel, enum_items, fill_combo

S = AttendanceStatus
ATTENDANCE_KINDS = (S.PRESENT, S.ONLINE, S.PROXY, S.WRITTEN)  # the check boxes of a set, in this order
NO_LIMIT = -1  # the spin box value shown as "No limit" (stored as None)
# (minimum, maximum, suffix msgid) of the number rules; a percent is 1–100
SPINS = {
    "max_term_months": (0, 600, N_(" months")),
    "reappointment_limit": (NO_LIMIT, 99, ""),
    "multi_body_limit": (0, 99, ""),
    "notice_days": (0, 365, N_(" days")),
    "signing_members": (0, 99, ""),
}
DEFAULTS = {f.name: f.default for f in fields(BodyRules)}
BUDGET_SOURCE = "행정기관위원회법 제12조 (예산의 범위에서 지급)"
BUDGET_NOT_SET = -1  # the spin box value shown as "Not set" (stored as None)
BUDGET_MAX = 2_000_000_000  # won; a QSpinBox holds a 32-bit int
BUDGET_STEP = 100_000


class _WheelGuard(QObject):
    """Drops wheel events over an unfocused editor, so scrolling the page never changes a value.

    The event is ignored, so Qt hands it on to the parent: the page scrolls instead.
    """

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(obj, QWidget) and not obj.hasFocus():
            event.ignore()
            return True
        return False


_GUARD: _WheelGuard | None = None


def no_wheel_without_focus(widget: QWidget) -> QWidget:
    """A spin box or combo takes focus by click or Tab only, and the wheel changes it only when focused."""
    global _GUARD
    if _GUARD is None:
        _GUARD = _WheelGuard()
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_GUARD)
    return widget


def guard_form(form: FormPanel) -> None:
    for w in form.fields.values():
        if isinstance(w, (QAbstractSpinBox, QComboBox)):
            no_wheel_without_focus(w)


class StatusChecks(QWidget):
    """출석 / 온라인 / 대리출석 / 서면: which kinds of attendance a rule counts."""

    def __init__(self, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[AttendanceStatus, QCheckBox] = {}
        for st in ATTENDANCE_KINDS:
            box = QCheckBox(st.label())
            box.setObjectName(f"{key}_{st.name.lower()}")
            lay.addWidget(box)
            self.boxes[st] = box
        lay.addStretch(1)
        self._other: frozenset = frozenset()

    def value(self) -> frozenset:
        return frozenset(st for st, box in self.boxes.items() if box.isChecked()) | self._other

    def set_value(self, statuses) -> None:
        statuses = frozenset(statuses)
        for st, box in self.boxes.items():
            box.setChecked(st in statuses)
        self._other = statuses - frozenset(self.boxes)  # kept as they are (not offered here)

    def setToolTip(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setToolTip(text)
        for box in self.boxes.values():
            box.setToolTip(text)


class RulesPanel(FormPanel):
    """Every rule of one body; ``changes()`` is what the user altered since ``set_rules()``."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.status_checks: dict[str, StatusChecks] = {}
        self._loaded: dict = {}
        for info in SOURCES:
            editor = self._editor(info.key, DEFAULTS[info.key])
            self.add(info.key, _(info.label), editor)
            self.labels[info.key].setToolTip(info.source)
            editor.setToolTip(info.source)
        self._build_budget()

    def _editor(self, key: str, default) -> QWidget:
        if isinstance(default, Enum):
            combo = QComboBox()
            fill_combo(combo, enum_items(type(default)), keep=False)
            return no_wheel_without_focus(combo)
        if isinstance(default, frozenset):
            self.status_checks[key] = StatusChecks(key)
            return self.status_checks[key]
        if isinstance(default, bool):
            return QCheckBox()
        if isinstance(default, str):
            line = QLineEdit()
            line.setObjectName(key)
            line.setPlaceholderText(_("(none)"))
            line.setMaxLength(40)  # the rule allows fewer; a longer text gets the rule's message
            return line
        if key.endswith("_percent"):
            low, high, suffix = 1, 100, " %"
        else:
            low, high, msgid = SPINS.get(key, (0, 999, ""))
            suffix = _(msgid) if msgid else ""
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        if low == NO_LIMIT:
            spin.setSpecialValueText(_("No limit"))
        return no_wheel_without_focus(spin)

    # --- values -------------------------------------------------------------------------

    def value(self, key: str):
        w = self.fields[key]
        if isinstance(w, StatusChecks):
            return w.value()
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QLineEdit):
            return w.text().strip()
        n = w.value()
        return None if n == NO_LIMIT and w.minimum() == NO_LIMIT else n

    def set_rules(self, rules: BodyRules) -> None:
        self.clear_errors()
        for key, w in self.fields.items():
            v = getattr(rules, key)
            if isinstance(w, StatusChecks):
                w.set_value(v)
            elif isinstance(w, QComboBox):
                i = w.findData(v.value)
                w.setCurrentIndex(max(i, 0))
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(v))
            elif isinstance(w, QLineEdit):
                w.setText(v or "")
            else:
                w.setValue(NO_LIMIT if v is None else int(v))
        self._loaded = {key: self.value(key) for key in self.fields}

    def changes(self) -> dict:
        """The rules whose editor differs from what was loaded (as ``save_rules`` takes them)."""
        out = {}
        for key in self.fields:
            v = self.value(key)
            if v != self._loaded.get(key):
                out[key] = sorted(s.value for s in v) if isinstance(v, frozenset) else v
        return out

    # --- this year's allowance budget (not a rule: not in ``fields``, never in ``changes()``) ------

    def _build_budget(self) -> None:
        self._budget_services = None
        self._budget_body: int | None = None
        self._budget_loaded: int | None = None
        self.budget_year = dt.date.today().year
        spin = QSpinBox()
        spin.setObjectName("allowance_budget")
        spin.setRange(BUDGET_NOT_SET, BUDGET_MAX)
        spin.setSingleStep(BUDGET_STEP)
        spin.setGroupSeparatorShown(True)
        spin.setSuffix(_(" won"))
        spin.setSpecialValueText(_("Not set"))
        spin.setToolTip(BUDGET_SOURCE)
        self.budget_spin = no_wheel_without_focus(spin)
        self.budget_error = QLabel()
        self.budget_error.setStyleSheet(ERROR_STYLE)
        self.budget_error.setWordWrap(True)
        self.budget_error.setVisible(False)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(spin)
        box.addWidget(self.budget_error)
        self.budget_label = QLabel()
        self.budget_label.setBuddy(spin)
        self.budget_label.setToolTip(BUDGET_SOURCE)
        self.layout_.addRow(self.budget_label, holder)
        self._set_budget_label()

    def _set_budget_label(self) -> None:
        self.budget_label.setText(_("Allowance budget {year}").format(year=self.budget_year))

    def budget_value(self) -> int | None:
        n = self.budget_spin.value()
        return None if n == BUDGET_NOT_SET else n

    def load_budget(self, services, body_id: int | None, year: int | None = None) -> None:
        """Show the body's 참석수당 budget of ``year`` (this year unless given)."""
        self._budget_services, self._budget_body = services, body_id
        self.budget_year = year or dt.date.today().year
        self._set_budget_label()
        self._budget_error(None)
        amount = services.allowances.budget(body_id, self.budget_year) if body_id is not None else None
        self.budget_spin.setValue(BUDGET_NOT_SET if amount is None else amount)
        self._budget_loaded = self.budget_value()
        self.budget_spin.setEnabled(body_id is not None)

    def budget_changed(self) -> bool:
        return self._budget_body is not None and self.budget_value() != self._budget_loaded

    def save_budget(self) -> bool:
        """Save the budget if it was changed; a refusal is shown under the spin box."""
        if not self.budget_changed():
            return True
        try:
            self._budget_services.allowances.set_budget(self._budget_body, self.budget_year, self.budget_value())
        except DomainError as err:
            self._budget_error(err.message)
            return False
        self._budget_loaded = self.budget_value()
        self._budget_error(None)
        return True

    def _budget_error(self, text: str | None) -> None:
        self.budget_error.setText(text or "")
        self.budget_error.setVisible(bool(text))
        self.budget_spin.setStyleSheet("border: 1px solid #b3261e;" if text else "")
