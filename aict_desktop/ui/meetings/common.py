"""Small helpers shared by the meeting windows: running a service call, showing its error."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.ui.documents import write_bytes

log = logging.getLogger(__name__)
T = TypeVar("T")

OK_STYLE = "color: #1b6e2a; font-weight: bold;"
BAD_STYLE = "color: #b3261e; font-weight: bold;"


def show_error(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, _("AICT Secretariat"), message)


def attempt(parent: QWidget | None, fn: Callable[[], T], *, quiet: bool = False) -> T | None:
    """Run a service call; a user mistake becomes a message box (or nothing when quiet)."""
    try:
        return fn()
    except DomainError as err:
        if not quiet:
            show_error(parent, err.message)
        return None


def save_document(parent: QWidget | None, make: Callable[[], bytes], path: str | Path) -> Path | None:
    """Make a document with a service call and write it whole (never half a file); a failure is a message."""
    data = attempt(parent, make)
    if data is None:
        return None
    target = Path(path)
    try:
        write_bytes(str(target), data)
    except OSError as err:
        show_error(parent, _("The file {path} cannot be written: {reason}").format(path=target, reason=err.strerror))
        return None
    return target


def set_status(label: QLabel, text: str, ok: bool = True) -> None:
    label.setText(text)
    label.setStyleSheet(OK_STYLE if ok else BAD_STYLE)
