"""What a user does to a window, for the UI tests: type text as an input method delivers it, answer a dialog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit


def type_text(widget, text: str) -> None:
    """Key events carrying the text (Hangul included), as an input method delivers them."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def answer_next_input(text: str | None, *, replace: bool = False) -> None:
    """Answer the next input dialog: (select what is there,) type the text and press Enter; ``None`` presses Esc."""

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        edit = box.findChild(QLineEdit)
        if text is None:
            QTest.keyClick(edit, Qt.Key.Key_Escape)
            return
        if replace:
            QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(edit, text)
        QTest.keyClick(edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


def click_in_next_box(button_text: str, seen: list[str] | None = None, then=None) -> None:
    """Answer the next question box: read its text (into ``seen``), do ``then`` (e.g. arm the next answer),
    then click the button labelled ``button_text``."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMessageBox, QPushButton

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        if seen is not None:
            seen.append(box.text())
        if then:
            then()
        button = next(b for b in box.findChildren(QPushButton) if b.text() == button_text)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
