"""The import wizard's progress row: what is being done (확인 12,000 / 130,000행), a bar and 취소.

Shown inside the wizard (not a modal dialog over it), so the window stays usable while the worker reads,
checks or writes the file.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from aict_desktop.i18n import _
from aict_desktop.services.import_results import READING, stage_text


class ImportProgressRow(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setAutoDefault(False)
        lay.addWidget(self.label)
        lay.addWidget(self.bar, 1)
        lay.addWidget(self.cancel_button)
        self.hide()

    def start(self, text: str) -> None:
        """Busy, no count yet."""
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(_("Cancel"))
        self.show()

    def report(self, stage: str, done: int, total: int) -> None:
        self.label.setText(stage_text(stage, done, total))
        if stage == READING or total <= 0:
            self.bar.setRange(0, 0)
            return
        self.bar.setRange(0, total)
        self.bar.setValue(min(done, total))

    def cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(_("Cancelling…"))

    def stop(self) -> None:
        self.hide()
