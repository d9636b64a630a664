"""The last line of defence: an unexpected error is logged and shown, never "nothing happened".

``install()`` sets ``sys.excepthook`` (PySide6 hands it every exception that escapes a slot) and a
rotating log file ``<data folder>/logs/aict.log``. What is logged and shown is the program's own
trace — the error's type, and the file, line and code of each frame — never the error's message or
any value: a message can carry what the user typed (a name, a phone number), so it stays out.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import traceback
from pathlib import Path

from aict_desktop import __version__
from aict_desktop.config import data_dir
from aict_desktop.i18n import _

LOG_NAME = "aict.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
log = logging.getLogger("aict_desktop.crash")
_handler: logging.Handler | None = None
shown: list[object] = []  # the report dialogs shown (tests read them)


def log_path() -> Path:
    return data_dir() / "logs" / LOG_NAME


def report_text(exc_type, exc, tb) -> str:
    """The report: program version, platform, error type and the frames — no message, no values."""
    lines = [
        f"AICT Secretariat {__version__} · Python {_platform()}",
        f"{dt.datetime.now().isoformat(timespec='seconds')}",
        f"{exc_type.__module__}.{exc_type.__qualname__}",
    ]
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{_short(frame.filename)}", line {frame.lineno}, in {frame.name}')
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    cause = exc.__cause__ or exc.__context__ if exc is not None else None
    if cause is not None and cause is not exc:
        lines.append(f"caused by {type(cause).__module__}.{type(cause).__qualname__}")
    return "\n".join(lines)


def _short(filename: str) -> str:
    """The path from the package on (no user name or folder in the report)."""
    parts = Path(filename).parts
    for marker in ("aict_desktop", "site-packages"):
        if marker in parts:
            return "/".join(parts[parts.index(marker):])
    return Path(filename).name


def _platform() -> str:
    import platform  # here: not on the start-up path

    return f"{platform.python_version()} · {platform.platform(terse=True)}"


def install_log() -> Path | None:
    """The rotating log file in the data folder (once); None when the folder cannot be written."""
    global _handler
    path = log_path()
    if _handler is not None:
        return path
    import logging.handlers  # here: the window shows first (the hook writes the log itself if it comes earlier)

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _handler = logging.handlers.RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS,
                                                        encoding="utf-8")
    except OSError:
        return None
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _handler.setLevel(logging.WARNING)
    root = logging.getLogger("aict_desktop")
    root.addHandler(_handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)
    return path


def excepthook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    report = report_text(exc_type, exc, tb)
    try:
        install_log()
        log.error("unexpected error\n%s", report)
        if _handler is not None:
            _handler.flush()
    except Exception:  # noqa: BLE001 — the log is best effort; the dialog still shows
        pass
    try:
        show_report(report)
    except Exception:  # noqa: BLE001 — no window (yet): the report goes to stderr
        print(report, file=sys.stderr)


def show_report(report: str):
    """A window-modal dialog with the report to copy; it does not block (the program goes on)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

    app = QApplication.instance()
    if app is None:
        raise RuntimeError("no application")
    parent = app.activeWindow()
    dlg = QDialog(parent)
    dlg.setObjectName("crash_report")
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.setWindowTitle(_("Unexpected error"))
    lay = QVBoxLayout(dlg)
    note = QLabel(_("Something went wrong in the program. What you saved before is safe; the last command may "
                    "not have finished. The report below holds no personal data; copy it and send it to whoever "
                    "supports the program. It is also in the log file {path}.").format(path=log_path()))
    note.setWordWrap(True)
    lay.addWidget(note)
    text = QPlainTextEdit(report)
    text.setObjectName("crash_report_text")
    text.setReadOnly(True)
    text.setMinimumSize(560, 220)
    lay.addWidget(text, 1)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
    copy = buttons.addButton(_("Copy the report"), QDialogButtonBox.ButtonRole.ActionRole)
    copy.setObjectName("copy_report")
    copy.clicked.connect(lambda: QApplication.clipboard().setText(report))
    buttons.rejected.connect(dlg.reject)
    lay.addWidget(buttons)
    dlg.setWindowModality(Qt.WindowModality.WindowModal if parent is not None else Qt.WindowModality.NonModal)
    shown.append(dlg)
    del shown[:-10]
    dlg.show()
    return dlg


def install(*, log_now: bool = True) -> Path | None:
    """Excepthook and log file, from the start of ``app.run`` (which opens the log once the window shows:
    ``log_now=False``; an error before that opens it itself)."""
    sys.excepthook = excepthook
    return install_log() if log_now else log_path()
