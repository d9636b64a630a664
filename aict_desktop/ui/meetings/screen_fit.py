"""A window that opens within the screen it is on (a 1366×768 laptop).

``fit_to_screen`` restores the size, place and maximised state the window had when it
was last closed (``ui.state``; per data folder), then keeps it within the screen's
available geometry (the taskbar excluded): never larger, never partly off-screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from aict_desktop.ui.state import restore_geometry, save_geometry


ASSUMED_FRAME = (16, 39)  # Windows 10/11: 8 px borders, a 31 px title bar


def available(widget: QWidget):
    screen = widget.screen()
    return screen.availableGeometry() if screen is not None else None


def fit_to_screen(widget: QWidget, key: str, preferred: tuple[int, int]) -> None:
    restored = restore_geometry(key, widget)
    area = available(widget)
    if area is None or widget.isMaximized() or widget.isFullScreen():
        if not restored:
            widget.resize(*preferred)
        return
    frame = widget.frameGeometry().size() - widget.geometry().size()  # the title bar, where there is one
    if not widget.isVisible():  # not shown yet: the frame is unknown; leave room for a usual title bar
        frame = frame.expandedTo(QSize(*ASSUMED_FRAME))
    max_w, max_h = area.width() - frame.width(), area.height() - frame.height()
    width = min(widget.width() if restored else preferred[0], max_w)
    height = min(widget.height() if restored else preferred[1], max_h)
    widget.resize(max(width, 200), max(height, 200))
    x = min(max(widget.x(), area.x()), area.right() + 1 - widget.width() - frame.width())
    y = min(max(widget.y(), area.y()), area.bottom() + 1 - widget.height() - frame.height())
    widget.move(max(x, area.x()), max(y, area.y()))


def remember_geometry(widget: QWidget, key: str) -> None:
    save_geometry(key, widget)
