"""파일 → 백업에서 복원…: the same validated restore as ``aict restore``, from the window.

The user picks a backup (the backup folder first), the program checks it is a sound backup of this
program and says what will happen (the current file is kept beside it as ``…-replaced-….sqlite``,
open meeting-mode windows are saved and closed), then the window's owner replaces the file and
opens it again (``restore`` is given by the composition root, ``app.py``, which holds the lock).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.services.data_file import validate_backup
from aict_desktop.ui.feedback import confirm, show_error, show_info
from aict_desktop.ui.file_dialogs import get_open_file_name

Restore = Callable[[Path], "Path | None"]  # replace the data file with the backup; where the old one was kept


def ask_backup(parent: QWidget | None, folder: Path) -> Path | None:
    path, _f = get_open_file_name(parent, _("Restore from a backup"), str(folder),
                                  _("Backups (*.sqlite);;All files (*)"))
    return Path(path) if path else None


def restore_from_backup(parent: QWidget | None, folder: Path, restore: Restore | None) -> bool:
    """Ask for a backup, check it, ask before replacing, restore; True when the file was replaced."""
    if restore is None:
        show_info(parent, _("A server database is restored by IT with 'aict restore' from a portable archive."))
        return False
    backup = ask_backup(parent, folder)
    if backup is None:
        return False
    try:
        validate_backup(backup)
    except DomainError as err:
        show_error(parent, err)  # not a backup of this program, damaged, or from a newer version: nothing changed
        return False
    question = _("Replace the data file with the backup {backup}?\nThe current data file is kept beside it "
                 "(…-replaced-….sqlite); open meeting-mode windows are saved and closed first.").format(
        backup=backup.name)
    if not confirm(parent, question, title=_("Restore from a backup"), yes=_("Restore")):
        return False
    try:
        kept = restore(backup)
    except DomainError as err:
        show_error(parent, err)
        return False
    done = _("Restored {backup}.").format(backup=backup.name)
    if kept is not None:
        done += "\n" + _("The replaced data file was kept as {path}.").format(path=kept)
    show_info(parent, done)
    return True
