"""The meetings page at 1366×768: the list keeps room for each meeting's date (issue 15 item 4).

Eight document buttons in one row made the editor at least 750 px wide, so the list had 410 px and its 일자
column was out of sight; the papers and the minutes now take two rows."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_the_meeting_list_shows_the_date_beside_the_editor(main_window, qtbot):
    main_window.resize(1366, 728)
    page = main_window.show_page("meetings")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    qtbot.wait(50)
    model, view = page.model, page.table
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) in ("Date", "일자"))
    right = view.columnViewportPosition(column) + view.columnWidth(column)
    assert 0 <= view.columnViewportPosition(column) and right <= view.viewport().width(), (right, view.viewport().width())
    buttons = [page.doc_buttons[k] for k in ("notice", "minutes", "minutes_hwpx")]
    assert all(b.isVisible() and b.geometry().right() < page.width() for b in buttons)
