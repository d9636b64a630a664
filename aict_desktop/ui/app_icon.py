"""The program's icon on every window, in the taskbar and in Alt+Tab (``resources/icons``).

``install`` sets it as the application's window icon once, from ``app.build_app``. The icon files are
drawn by ``resources/icons/make_icon.py``: ``app.png`` (256 px) for the windows, ``app.ico`` (16–256 px)
for the two executables (``build_installer.spec``). On Windows the process also gets its own
AppUserModelID, so that a run from source is not grouped under python.exe's icon in the taskbar.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QGuiApplication, QIcon

from aict_desktop.resources import resource

log = logging.getLogger(__name__)
APP_USER_MODEL_ID = "AICT.Secretariat.Desktop"


def program_icon() -> QIcon:
    """The icon from ``resources/icons`` (null when the files are missing; ``--self-test`` says so)."""
    icon = QIcon()
    for name in ("app.ico", "app.png"):
        path = resource("icons", name)
        if path.is_file():
            icon.addFile(str(path))
    return icon


def _windows_taskbar_identity() -> None:
    try:
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_USER_MODEL_ID)
    except (AttributeError, OSError) as exc:  # an old or unusual Windows: the taskbar shows the exe's icon
        log.warning("no AppUserModelID: %s", exc)


def install(app: QGuiApplication) -> QIcon:
    if sys.platform == "win32":
        _windows_taskbar_identity()
    icon = program_icon()
    app.setWindowIcon(icon)
    return icon
