"""Small helpers shared by the meeting windows: running a service call, showing its error."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _

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


def set_status(label: QLabel, text: str, ok: bool = True) -> None:
    label.setText(text)
    label.setStyleSheet(OK_STYLE if ok else BAD_STYLE)
