"""Autosave for text typed during a meeting: durable within a second, never only in memory.

Each change restarts a short debounce (300 ms) and, if not already running, a
max-wait timer (700 ms), so even someone typing without pause gets a
committed save at least every 0.7 s. Leaving the field, switching items and
closing the window save at once. A failed save is reported loudly (the text
stays in the field and the next change tries again) — whatever the error —
and the unsaved text is also written to a plain text file in the program's
data folder (``unsaved/``), so it survives the program being closed or killed.

Two PCs typing into one field: every save carries the text the
field last loaded or saved (``base``); when the stored text changed meanwhile the
service refuses with ``TextConflict`` and ``on_conflict`` (the window's dialog:
keep mine / use theirs / merged) decides. Without an answer nothing is
overwritten: the field stays unsaved, said in red, and kept in ``unsaved/``.

Pasted text is cleaned in the field itself: Word's Shift+Enter
(U+000B), page breaks and Unicode line separators become line breaks and other
control characters are dropped, as the service does on save, so what is on
screen is what is saved.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.services.agenda import TextConflict, normalize_breaks

log = logging.getLogger(__name__)
DEBOUNCE_MS = 300
MAX_WAIT_MS = 700
# what normalize_breaks changes, as QPlainTextEdit.toPlainText() shows it (U+2028/U+2029 already as "\n")
_NEEDS_CLEANING = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]")


def clean_editor(editor: QPlainTextEdit) -> bool:
    """Replace pasted control characters in the field (one undo step, the cursor kept); True if changed."""
    text = editor.toPlainText()
    if not _NEEDS_CLEANING.search(text):
        return False
    cleaned = normalize_breaks(text)
    cursor = editor.textCursor()
    at = len(normalize_breaks(text[: cursor.position()]))
    edit = QTextCursor(editor.document())
    edit.beginEditBlock()
    edit.select(QTextCursor.SelectionType.Document)
    edit.insertText(cleaned)
    edit.endEditBlock()
    cursor.setPosition(min(at, len(cleaned)))
    editor.setTextCursor(cursor)
    return True


class DebouncedSaver(QObject):
    saved = Signal()
    failed = Signal(str)

    conflicted = Signal(str, str)  # mine, theirs: the stored text changed on another PC

    def __init__(self, editor: QPlainTextEdit, save: Callable[[str, str | None], str | None], *,
                 debounce_ms: int = DEBOUNCE_MS, max_wait_ms: int = MAX_WAIT_MS, parent: QObject | None = None):
        super().__init__(parent or editor)
        self.editor = editor
        self._save = save  # (text, base) -> the text as stored
        self.base: str | None = None  # the stored text this field started from (None: not loaded)
        # (base, mine, theirs) -> (text to save, or None to take theirs as it is); None: decide later
        self.on_conflict: Callable[[str, str, str], tuple[str | None] | None] | None = None
        self._resolving = False
        self._dirty = False
        self._loading = False
        self._rescue_path: Path | None = None
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
        self.base = text
        self._dirty = False
        self._debounce.stop()
        self._max_wait.stop()

    def _changed(self) -> None:
        if self._loading or self.editor.isReadOnly():
            return
        self._loading = True  # our own clean-up edit is part of this change
        try:
            clean_editor(self.editor)
        finally:
            self._loading = False
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
        if self._resolving:
            return False  # the conflict dialog is open: its answer saves
        text = self.editor.toPlainText()
        try:
            stored = self._save_resolving(text)
        except DomainError as err:
            self.failed.emit(self._with_rescue(err.message, text))
            return False
        except Exception as err:  # never a silent failure: said on screen, logged in full
            log.exception("autosave failed")
            self.failed.emit(self._with_rescue(
                _("An unexpected error occurred: {error}").format(error=str(err) or type(err).__name__), text))
            return False
        if stored is None:  # a conflict left for later: nothing overwritten, nothing lost
            return False
        self._dirty = False
        self.saved.emit()
        return True

    def _save_resolving(self, text: str) -> str | None:
        """Save ``text`` against ``base``; on a conflict ask ``on_conflict`` until saved or postponed."""
        while True:
            try:
                stored = self._save(text, self.base)
            except TextConflict as conflict:
                self.rescue(text)  # mine is kept on disk whatever is decided
                self.conflicted.emit(text, conflict.theirs)
                answer = None
                if self.on_conflict is not None:
                    self._resolving = True
                    try:
                        answer = self.on_conflict(self.base or "", text, conflict.theirs)
                    finally:
                        self._resolving = False
                if answer is None:
                    self.failed.emit(self._with_rescue(conflict.message + " " + _(
                        "Your text stays on screen unsaved until you choose what to keep."), text))
                    return None
                chosen = answer[0]
                typed = self.editor.toPlainText()
                if typed != text and chosen is not None:  # keys pressed as the dialog closed are kept too
                    from aict_desktop.ui.meetings.conflict_dialog import merge_texts

                    chosen = merge_texts(text, typed, chosen)
                self.base = conflict.theirs
                if chosen is None or chosen == conflict.theirs:  # take theirs as it is (the caret stays put)
                    self._show(conflict.theirs)
                    return conflict.theirs
                self._show(chosen)
                text = chosen
                continue
            stored = text if stored is None else stored
            self.base = stored
            return stored

    def _show(self, text: str) -> None:
        """Put a decided text in the field (not a new edit), keeping the cursor where it can be."""
        if self.editor.toPlainText() == text:
            return
        before = self.editor.toPlainText()[: self.editor.textCursor().position()]
        self._loading = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._loading = False
        cursor = self.editor.textCursor()
        cursor.setPosition(caret_after(before, text))
        self.editor.setTextCursor(cursor)


    def rescue(self, text: str) -> Path | None:
        """Keep the unsaved text in ``<data folder>/unsaved/`` (one file per field, the latest text)."""
        from aict_desktop.config import data_dir

        try:
            if self._rescue_path is None:
                name = self.editor.objectName() or "text"
                folder = data_dir() / "unsaved"
                folder.mkdir(parents=True, exist_ok=True)
                self._rescue_path = folder / f"{dt.datetime.now():%Y%m%d-%H%M%S}-{name}-{id(self):x}.txt"
            tmp = self._rescue_path.with_name(self._rescue_path.name + ".tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(self._rescue_path)
        except OSError:
            log.exception("could not keep the unsaved text")
            return None
        return self._rescue_path

    def _with_rescue(self, message: str, text: str) -> str:
        kept = self.rescue(text) if text else None
        if kept is None:
            return message
        return message + " " + _("What you typed is also kept in {path}.").format(path=kept)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if watched is self.editor and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False


def caret_after(before: str, text: str) -> int:
    """Where the caret goes in ``text`` so typing continues after what preceded it (``before``)."""
    if text.startswith(before):
        return len(before)
    tail = before[-40:]
    if text.endswith(tail):  # typing at the end of the text: the merged text ends with it too
        return len(text)
    while tail:
        at = text.rfind(tail)
        if at >= 0:
            return at + len(tail)
        tail = tail[1:] if "\n" not in tail else tail[tail.index("\n") + 1:]
    return min(len(before), len(text))
