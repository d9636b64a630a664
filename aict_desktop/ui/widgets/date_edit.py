"""Date entry shown in the official Korean style ``2025. 6. 5.``, optionally empty."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QTimeEdit, QWidget

from aict_desktop.i18n import _

DISPLAY_FORMAT = "yyyy. M. d."
_EMPTY = QDate(1900, 1, 1)
_TYPED = (
    re.compile(r"^\s*(\d{4})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})\s*[.일]?\s*$"),  # 2026. 12. 22. / 2026-12-22
    re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$"),  # 20261222
)
_PARTIAL = re.compile(r"^[\d\s.\-/년월일]*$")


def parse_typed_date(text: str) -> dt.date | None:
    """A date as people type it: ``2026. 12. 22.``, ``2026-12-22``, ``2026/12/22``, ``20261222``."""
    for pattern in _TYPED:
        m = pattern.match(text)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


class _OpenAtToday(QObject):
    """An empty optional date's calendar opens at this month, not at the 'empty' January 1900."""

    def __init__(self, edit: DateEdit):
        super().__init__(edit)
        self.edit = edit

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Show and self.edit.value() is None:
            today = QDate.currentDate()
            obj.setCurrentPage(today.year(), today.month())
        return False


class DateEdit(QDateEdit):
    """``value()`` is a ``datetime.date`` (or None when ``optional`` and left empty)."""

    def __init__(self, parent: QWidget | None = None, *, optional: bool = False):
        super().__init__(parent)
        self.optional = optional
        self._accept = None  # the typed text that typing's end accepts
        self._typing = False
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setCalendarPopup(True)
        if optional:
            self.setMinimumDate(_EMPTY)
            self.setSpecialValueText(_("(none)"))
        self.set_value(None if optional else dt.date.today())
        self.calendarWidget().installEventFilter(_OpenAtToday(self))
        self.editingFinished.connect(self._tidy)

    def keyPressEvent(self, event) -> None:
        # typed characters go into the text as typed (the date is read when typing ends), not section by
        # section, which cuts "2026-12-22" or "20261222" apart; "(없음)" is typed over; arrows keep their meaning
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit_typed()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier & ~Qt.KeyboardModifier.ShiftModifier
        if event.text() and event.text().isprintable() and mods == Qt.KeyboardModifier.NoModifier:
            edit = self.lineEdit()
            if self.optional and self.value() is None and edit.text() == self.specialValueText():
                edit.clear()
            self._typing = True
            try:
                QAbstractSpinBox.keyPressEvent(self, event)
            finally:
                self._typing = False
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab leaves the date (QDateEdit would step through its sections) and takes what was typed."""
        self.commit_typed()
        return QWidget.focusNextPrevChild(self, forward)

    def focusOutEvent(self, event) -> None:
        self.commit_typed()
        super().focusOutEvent(event)

    def commit_typed(self) -> None:
        """Typing is over: take a typed date (or an emptied optional one) as the value."""
        text = self.lineEdit().text()
        if parse_typed_date(text) is not None or (self.optional and not text.strip()):
            self._accept = text
            self.interpretText()
            if self.optional and not text.strip():
                self.set_value(None)

    def _tidy(self) -> None:
        """Shown again in the official style once typing is over."""
        self._accept = None
        self.set_value(self.value())

    # typed dates in the common forms, and "(없음)" typed over
    def validate(self, text: str, pos: int):
        typed = parse_typed_date(text)
        if typed is not None and self._in_range(typed):
            # while typing, a date that could still grow ("2026. 12. 2") is not taken (and re-shown) yet:
            # it is read when typing ends (Tab, Enter, leaving the field), through fixup
            done = text == self._accept or not self._typing
            return (QValidator.State.Acceptable if done else QValidator.State.Intermediate), text, pos
        if self.optional and text.strip() in ("", self.specialValueText()):
            return QValidator.State.Acceptable if text.strip() else QValidator.State.Intermediate, text, pos
        if _PARTIAL.match(text):
            state = super().validate(text, pos)
            ok = state[0] if isinstance(state, tuple) else state
            return (ok if ok == QValidator.State.Acceptable else QValidator.State.Intermediate), text, pos
        return super().validate(text, pos)

    def fixup(self, text: str) -> str:
        typed = parse_typed_date(text)
        if typed is None:
            return super().fixup(text)
        self._accept = text
        return text

    def dateTimeFromText(self, text: str) -> QDateTime:
        typed = parse_typed_date(text)
        if typed is not None:
            return QDateTime(QDate(typed.year, typed.month, typed.day), QTime(0, 0))
        if self.optional and not text.strip():
            return QDateTime(self.minimumDate(), QTime(0, 0))
        return super().dateTimeFromText(text)

    def _in_range(self, d: dt.date) -> bool:
        q = QDate(d.year, d.month, d.day)
        return self.minimumDate() <= q <= self.maximumDate() and (not self.optional or q != self.minimumDate())

    def value(self) -> dt.date | None:
        typed = parse_typed_date(self.lineEdit().text())  # typed but not yet taken (Ctrl+S while typing)
        if typed is not None and self._in_range(typed):
            return typed
        q = self.date()
        if self.optional and q == self.minimumDate():
            return None
        return dt.date(q.year(), q.month(), q.day())

    def set_value(self, value: dt.date | None) -> None:
        if value is None:
            self.setDate(self.minimumDate() if self.optional else QDate.currentDate())
        else:
            self.setDate(QDate(value.year, value.month, value.day))


class TimeEdit(QTimeEdit):
    """24-hour ``14:00``."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDisplayFormat("HH:mm")

    def value(self) -> dt.time:
        t = self.time()
        return dt.time(t.hour(), t.minute())

    def set_value(self, value: dt.time | None) -> None:
        self.setTime(QTime(value.hour, value.minute) if value else QTime(14, 0))
