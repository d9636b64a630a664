"""A dialog that remembers its size and place, and offers ``ask()`` for tests and callers."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from aict_desktop.ui.state import restore_geometry, save_geometry


class BaseDialog(QDialog):
    state_key = "dialog"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(self.state_key)
        self._geometry_restored = False

    def showEvent(self, event) -> None:
        if not self._geometry_restored:
            self._geometry_restored = True
            restore_geometry(self.state_key, self)
        super().showEvent(event)

    def done(self, result: int) -> None:
        save_geometry(self.state_key, self)
        super().done(result)
