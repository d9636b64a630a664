"""백업: copy the data file now to a file the user picks (default: the backup folder)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QWidget

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.ui.feedback import show_error, show_info
from aict_desktop.ui.file_dialogs import get_save_file_name


class BackupDialog:
    """A save-file dialog; ``ask`` returns the backup's path, or None."""

    @staticmethod
    def default_path(settings) -> Path:
        folder = settings.backup_folder()
        return folder / f"aict-{dt.datetime.now():%Y%m%d-%H%M%S}.sqlite"

    @classmethod
    def run(cls, services, target: Path) -> Path:
        from aict_desktop.services.data_file import backup_to

        target.parent.mkdir(parents=True, exist_ok=True)
        return backup_to(services.store, target)

    @classmethod
    def ask(cls, services, settings, parent: QWidget | None = None) -> Path | None:
        suggested = cls.default_path(settings)
        path, _f = get_save_file_name(parent, _("Back up the data file"), str(suggested), _("Data file (*.sqlite)"))
        if not path:
            return None
        try:
            done = cls.run(services, Path(path))
        except (DomainError, OSError) as err:
            show_error(parent, err if isinstance(err, DomainError) else str(err))
            return None
        show_info(parent, _("The data file was backed up to {path}.").format(path=done))
        return done
