"""Small helpers shared by the meeting windows: running a service call, saving a paper.

Errors go through the shared kit (``ui.feedback``): a window-modal message that does not block,
so meeting mode's autosave and clock keep running while it is read. Papers are made off the GUI
thread (``ui.worker.run_in_background``): a big HWPX does not freeze the meeting.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QLabel, QWidget
from shiboken6 import isValid

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.ui import feedback
from aict_desktop.ui.documents import write_offering_another_name
from aict_desktop.ui.worker import Job, run_in_background

log = logging.getLogger(__name__)
T = TypeVar("T")

OK_STYLE = "color: #1b6e2a; font-weight: bold;"
BAD_STYLE = "color: #b3261e; font-weight: bold;"


def attempt(parent: QWidget | None, fn: Callable[[], T], *, quiet: bool = False) -> T | None:
    """Run a service call; a user mistake (``DomainError``) becomes a non-blocking message (or nothing when
    quiet). Anything else is a bug: it is not caught here, so the crash hook logs it and shows the report
    instead of a message that would hide it (an autosave that failed for an unknown reason must not look
    like a refused input)."""
    try:
        return fn()
    except DomainError as err:
        if not quiet:
            feedback.show_error(parent, err)
        return None


def save_document(parent: QWidget | None, make: Callable[[], bytes], path: str | Path,
                  on_saved: Callable[[Path], None] | None = None) -> Job:
    """Make a document in the background (a progress dialog after half a second, cancellable: making a
    paper changes nothing) and write it whole (never half a file). A file another program holds open is
    named and another name offered; a refusal or a failure is a message. ``on_saved`` gets the path
    written. Returns the job (tests wait on ``job.done``)."""
    def alive() -> QWidget | None:  # the window may have been closed while the paper was being made
        return parent if parent is not None and isValid(parent) else None

    def written(data: bytes) -> None:
        target = write_offering_another_name(alive(), str(path), data)
        if target is not None and on_saved is not None:
            on_saved(Path(target))

    return run_in_background(parent, make, on_success=written, on_failure=lambda e: feedback.show_error(alive(), e),
                             label=_("Preparing {name}…").format(name=Path(path).name))


def set_status(label: QLabel, text: str, ok: bool = True) -> None:
    label.setText(text)
    label.setStyleSheet(OK_STYLE if ok else BAD_STYLE)
