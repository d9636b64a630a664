"""파일 → 암호화 키 내보내기/가져오기: moving the personal data's key to a new PC without the command line.

The same as ``aict key export`` / ``aict key import``: the key file holds the key in clear, so the
export is written to the access log and the user is told to keep it away from the data file.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QWidget

from aict_desktop.domain.errors import DomainError
from aict_desktop.i18n import _
from aict_desktop.ui.documents import last_folder, remember_folder
from aict_desktop.ui.feedback import show_error, show_info
from aict_desktop.ui.file_dialogs import get_open_file_name, get_save_file_name

FILTER = "AICT key (*.aictkey)"


def export_key(parent: QWidget, services) -> Path | None:
    """Ask where, write the key file (readable by this user only), log it; the file or None."""
    try:
        text = services.keys.export_key()  # may ask for the passphrase
    except DomainError as err:
        show_error(parent, err)
        return None
    path, _f = get_save_file_name(parent, _("Export the encryption key"),
                                  str(Path(last_folder()) / "AICT 암호화 키.aictkey"), FILTER)
    if not path:
        return None
    out = Path(path if path.endswith(".aictkey") else path + ".aictkey")
    try:
        tmp = out.with_name(out.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(text + "\n")
        tmp.replace(out)
    except OSError as exc:
        show_error(parent, _("The file {path} could not be written: {reason}").format(path=out, reason=exc.strerror or exc))
        return None
    remember_folder(str(out))
    services.personal.record("personal.export", target=_("encryption key"), detail=out.name)
    show_info(parent, _("Key written to {path}. Keep it somewhere safe, away from the data file.").format(path=out))
    return out


def import_key(parent: QWidget, services) -> bool:
    """Read a key file exported on the old PC and keep its key in this PC's keyring."""
    path, _f = get_open_file_name(parent, _("Import the encryption key"), last_folder(), FILTER)
    if not path:
        return False
    try:
        text = Path(path).read_text(encoding="ascii", errors="replace")
        services.keys.import_key(text)
    except OSError as exc:
        show_error(parent, _("The file {path} cannot be read: {reason}").format(path=path, reason=exc.strerror or exc))
        return False
    except DomainError as err:
        show_error(parent, err)
        return False
    show_info(parent, _("The key was imported: 주민등록번호 and bank accounts can be read on this computer."))
    return True
