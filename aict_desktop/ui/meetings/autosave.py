"""Autosave for text typed during a meeting: durable within a second, never only in memory.

Each change restarts a short debounce (300 ms) and, if not already running, a
max-wait timer (700 ms), so even someone typing without pause gets a
committed save at least every 0.7 s. Leaving the field, switching items and
closing the window save at once. A failed save is reported loudly (the text
stays in the field and the next change tries again).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QPlainTextEdit

from aict_desktop.domain.errors import DomainError

DEBOUNCE_MS = 300
MAX_WAIT_MS = 700


class DebouncedSaver(QObject):
    saved = Signal()
    failed = Signal(str)

    def __init__(self, editor: QPlainTextEdit, save: Callable[[str], None], *, debounce_ms: int = DEBOUNCE_MS,
                 max_wait_ms: int = MAX_WAIT_MS, parent: QObject | None = None):
        super().__init__(parent or editor)
        self.editor = editor
        self._save = save
        self._dirty = False
        self._loading = False
        self._debounce = QTimer(self, singleShot=True, interval=debounce_ms)
        self._max_wait = QTimer(self, singleShot=True, interval=max_wait_ms)
        self._debounce.timeout.connect(self.flush)
        self._max_wait.timeout.connect(self.flush)
        editor.textChanged.connect(self._changed)
        editor.installEventFilter(self)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def load(self, text: str) -> None:
        """Show stored text without treating it as an edit."""
        self._loading = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._loading = False
        self._dirty = False
        self._debounce.stop()
        self._max_wait.stop()

    def _changed(self) -> None:
        if self._loading or self.editor.isReadOnly():
            return
        self._dirty = True
        self._debounce.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    def flush(self) -> bool:
        """Save now if anything changed; True when the field is saved."""
        self._debounce.stop()
        self._max_wait.stop()
        if not self._dirty:
            return True
        try:
            self._save(self.editor.toPlainText())
        except DomainError as err:
            self.failed.emit(err.message)
            return False
        self._dirty = False
        self.saved.emit()
        return True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if watched is self.editor and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False
