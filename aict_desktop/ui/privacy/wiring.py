"""Privacy in the running program: the 접속기록 menu action, the passphrase dialog, automatic backups.

``install(window, services, settings)`` is called by the composition root
when the data file is open (and again when 복원 reopens it): it connects the registry's ``access_log``
action, makes the key manager ask for a passphrase with the dialog (where
there is no keyring), writes today's automatic backup soon after start and
then hourly if due, and refreshes it when the window closes.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.ui.feedback import show_error, status

log = logging.getLogger(__name__)
HOURLY_MS = 60 * 60 * 1000


def install(window, services, settings) -> None:
    """Wire the window to ``services``. Called again after 복원 (new services on the restored file): the menu
    actions, the hourly timer and the backup on closing are connected once and follow the newest services,
    so nothing is left acting on the file that was replaced."""
    from aict_desktop.ui.privacy.passphrase_dialog import provider_for

    services.keys.set_passphrase_provider(provider_for(lambda: window))
    wired = getattr(window, "_privacy", None)
    if wired is None:
        wired = window._privacy = {"services": services}
        _connect(window, wired, settings)
    wired["services"] = services
    QTimer.singleShot(5000, window, lambda: backup_now(window, wired["services"], settings, on_exit=False))


def _connect(window, wired: dict, settings) -> None:
    from aict_desktop.ui.privacy.access_log_dialog import AccessLogDialog

    registry = getattr(window, "registry", None)
    if registry is not None and "access_log" in registry.actions:
        from aict_desktop.ui.privacy import key_files

        registry.connect("access_log", lambda: AccessLogDialog.ask(wired["services"].store, window))
        registry.connect("key_export", lambda: key_files.export_key(window, wired["services"]))
        registry.connect("key_import", lambda: key_files.import_key(window, wired["services"]))
    timer = QTimer(window)
    timer.setInterval(HOURLY_MS)
    timer.timeout.connect(lambda: backup_now(window, wired["services"], settings, on_exit=False))
    timer.start()
    window._privacy_backup_timer = timer  # keep it alive with the window
    if hasattr(window, "closing"):
        window.closing.connect(lambda: backup_now(window, wired["services"], settings, on_exit=True))


def backup_now(window, services, settings, *, on_exit: bool):
    """Today's automatic backup if due; a failure is told, never fatal. Returns the file or None."""
    from aict_desktop.services.data_file import auto_backup

    try:
        written = auto_backup(services.store, settings, on_exit=on_exit)
    except DomainError as err:
        if on_exit:
            show_error(window, _("The automatic backup could not be written: {reason}").format(reason=err.message))
        else:
            status(window, _("The automatic backup could not be written: {reason}").format(reason=err.message), 15000)
        return None
    if written is not None and not on_exit:
        status(window, _("Automatic backup written: {path}").format(path=written))
    return written
