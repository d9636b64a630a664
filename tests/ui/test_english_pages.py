"""The English UI of the pages: dates carry English weekdays (Babel), as meeting mode's do (ui/screen_text)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

HANGUL_WEEKDAY = re.compile(r"\([월화수목금토일]\)")
ENGLISH_WEEKDAY = re.compile(r"\((Mon|Tue|Wed|Thu|Fri|Sat|Sun)\)")


def test_dates_on_the_pages_have_english_weekdays(english, qtbot, demo_services):
    from aict_desktop.config import Settings
    from aict_desktop.ui.main_window import MainWindow

    win = MainWindow(Settings(), demo_services)
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.show()
    today = next(w.text() for w in win.current_page().findChildren(QLabel) if w.text().startswith("Today is"))
    assert ENGLISH_WEEKDAY.search(today) and not HANGUL_WEEKDAY.search(today), today
    model = win.show_page("meetings").model
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == "Date")
    shown = [model.data(model.index(r, column)) for r in range(model.rowCount())]
    assert shown and all(ENGLISH_WEEKDAY.search(t) and not HANGUL_WEEKDAY.search(t) for t in shown), shown
