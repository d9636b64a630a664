"""Date entry shown in the official Korean style ``2025. 6. 5.``, optionally empty."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDateEdit, QTimeEdit, QWidget

from aict_desktop.i18n import _

DISPLAY_FORMAT = "yyyy. M. d."
_EMPTY = QDate(1900, 1, 1)


class DateEdit(QDateEdit):
    """``value()`` is a ``datetime.date`` (or None when ``optional`` and left empty)."""

    def __init__(self, parent: QWidget | None = None, *, optional: bool = False):
        super().__init__(parent)
        self.optional = optional
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setCalendarPopup(True)
        if optional:
            self.setMinimumDate(_EMPTY)
            self.setSpecialValueText(_("(none)"))
        self.set_value(None if optional else dt.date.today())

    def value(self) -> dt.date | None:
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
