"""Messages to the user: errors, confirmations, the status bar."""

from __future__ import annotations

import logging

from PySide6 import QtCore
from PySide6.QtWidgets import QMessageBox, QWidget

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _

log = logging.getLogger(__name__)


def error_text(err: BaseException) -> str:
    """The user's message of an error; unexpected errors say so plainly."""
    if isinstance(err, DomainError):
        return err.message
    from aict_desktop.ui.crash import report_text  # the trace without the message (it may hold typed values)

    log.error("unexpected error\n%s", report_text(type(err), err, err.__traceback__))
    return _("An unexpected error occurred: {error}").format(error=str(err) or type(err).__name__)


shown: list[str] = []  # every message shown, newest last (tests read it)


def _message(parent: QWidget | None, icon: QMessageBox.Icon, text: str, title: str | None) -> QMessageBox:
    """A window-modal message that does not block the caller (nothing waits on the answer)."""
    box = QMessageBox(icon, title or _("AICT Secretariat"), text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    shown.append(text)
    del shown[:-50]
    if parent is None:  # nothing owns it: without a reference Python deletes it at once, unseen
        _parentless.add(box)
        box.finished.connect(lambda _r, b=box: _parentless.discard(b))
    box.open()
    return box


_parentless: set[QMessageBox] = set()


def show_error(parent: QWidget | None, err: BaseException | str, title: str | None = None) -> QMessageBox:
    text = err if isinstance(err, str) else error_text(err)
    return _message(parent, QMessageBox.Icon.Warning, text, title)


def show_info(parent: QWidget | None, text: str, title: str | None = None) -> QMessageBox:
    return _message(parent, QMessageBox.Icon.Information, text, title)


def confirm(parent: QWidget | None, text: str, *, title: str | None = None, yes: str | None = None) -> bool:
    """Ask before something that cannot be undone; the safe answer is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title or _("Confirm"), text, parent=parent)
    ok = box.addButton(yes or _("Delete"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is ok


SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def ask_unsaved(parent: QWidget | None, what: str = "") -> str:
    """Typed changes would be lost: 저장 / 저장 안 함 / 취소 (the default keeps them: 취소)."""
    text = (_("'{what}' has changes that are not saved.").format(what=what) if what
            else _("There are changes that are not saved.")) + "\n" + _("Save them before going on?")
    box = QMessageBox(QMessageBox.Icon.Warning, _("Unsaved changes"), text, parent=parent)
    box.setObjectName("unsaved_changes")
    save = box.addButton(_("Save"), QMessageBox.ButtonRole.AcceptRole)
    save.setObjectName("save_changes")
    discard = box.addButton(_("Don't save"), QMessageBox.ButtonRole.DestructiveRole)
    discard.setObjectName("discard_changes")
    cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    cancel.setObjectName("cancel_changes")
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    shown.append(text)
    box.exec()
    clicked = box.clickedButton()
    return SAVE if clicked is save else DISCARD if clicked is discard else CANCEL


def status(widget: QWidget, text: str, ms: int = 5000) -> None:
    """Show a short note in the main window's status bar, if there is one."""
    window = widget.window()
    bar = getattr(window, "statusBar", None)
    if callable(bar):
        bar().showMessage(text, ms)
