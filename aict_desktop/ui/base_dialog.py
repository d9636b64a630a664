"""A dialog that remembers its size and place, and offers ``ask()`` for tests and callers; and a form
dialog whose OK saves through a service."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.ui.feedback import CANCEL, SAVE, ask_unsaved
from aict_desktop.ui.state import restore_geometry, save_geometry
from aict_desktop.ui.widgets.form import FormPanel


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


class FormDialog(BaseDialog):
    """A form over OK/Cancel whose OK hands the values to ``save`` (one service call).

    A refusal (DomainError) shows beside its field and the dialog stays open; on
    success what ``save`` returned is kept in ``saved`` and the dialog closes.
    Subclasses fill ``self.form``, lay it out in ``self.layout_body`` with
    whatever goes around it, and call ``add_buttons`` last.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.saved = None
        self.layout_body = QVBoxLayout(self)
        self.form = FormPanel()
        self._shown_once = False
        self._quiet_close = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.form.mark_clean()  # what the dialog opened with; the user's typing makes it dirty

    def has_unsaved_changes(self) -> bool:
        return self._shown_once and self.form.is_dirty()

    def reject(self) -> None:
        """취소, Esc or the window's close box: typed values are not dropped without asking."""
        if not self._quiet_close and self.has_unsaved_changes():
            answer = ask_unsaved(self, self.windowTitle())
            if answer == CANCEL:
                return
            if answer == SAVE:
                self.accept()
                return
        super().reject()

    def closeEvent(self, event) -> None:
        # closed by the program (not the user's close box): no question
        self._quiet_close = not event.spontaneous()
        try:
            super().closeEvent(event)
        finally:
            self._quiet_close = False

    def add_buttons(self, ok_text: str | None = None) -> None:
        """Save/Cancel (or ``ok_text``/Cancel) at the bottom."""
        if ok_text is None:
            kinds = QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        else:
            kinds = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        self.buttons = QDialogButtonBox(kinds)
        if ok_text is not None:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_body.addWidget(self.buttons)

    def save(self, values: dict):
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.saved = self.save(self.form.values())
        except DomainError as err:
            self.form.show_error(err)
            return
        super().accept()

    def submit(self) -> bool:
        """OK pressed; True when it was saved and the dialog closed."""
        self.accept()
        return self.result() == QDialog.DialogCode.Accepted
