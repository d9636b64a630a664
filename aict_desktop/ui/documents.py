"""Document buttons on a page: make the bytes off the GUI thread, then preview or save.

Services return a document as bytes (PDF, XLSX, CSV, DOCX, HWPX); this helper
runs the call in the background with a cancellable progress dialog, then
opens the in-program preview (PDF) or writes the file where the user chose.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from aict_desktop.i18n import _
from aict_desktop.ui.feedback import show_error, status
from aict_desktop.ui.file_dialogs import default_folder, get_save_file_name
from aict_desktop.ui.state import ui_settings
from aict_desktop.ui.worker import run_in_background

_FILTERS = {
    "pdf": "PDF (*.pdf)",
    "xlsx": "Excel (*.xlsx)",
    "csv": "CSV (*.csv)",
    "docx": "Word (*.docx)",
    "hwpx": "HWPX (*.hwpx)",
}


def last_folder() -> str:
    return str(default_folder())


def remember_folder(path: str) -> None:
    ui_settings().setValue("files/last_folder", str(Path(path).parent))


def ask_save_path(parent: QWidget, suggested: str, caption: str | None = None) -> str | None:
    """Where to save a document: a file dialog in the folder used last, the extension added if left out."""
    ext = Path(suggested).suffix.lstrip(".").lower()
    suggested = suggested.replace("/", "_").replace("\\", "_")
    path, _filter = get_save_file_name(parent, caption or _("Save as"), str(Path(last_folder()) / suggested),
                                       _FILTERS.get(ext, "*"))
    if not path:
        return None
    if ext and not path.lower().endswith("." + ext):
        path += "." + ext
    remember_folder(path)
    return path


def write_bytes(path: str, data: bytes) -> None:
    """Write a whole file (a temporary beside it, then renamed); never over an open data file of the program."""
    from aict_desktop.services.data_file import is_open_data_file

    target = Path(path)
    if is_open_data_file(target):
        raise OSError(0, _("{name} is the program's open data file; choose another file name.").format(
            name=target.name))
    tmp = target.with_name(target.name + ".tmp")
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())  # on disk before it takes the name: a power cut leaves the old file or the new
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)  # never leave name.tmp behind
        raise


# Who holds a file open on Windows, by its kind: Excel, 한글 and Acrobat lock what they show.
_HOLDERS = {"xlsx": "Excel", "csv": "Excel", "hwpx": "한글", "hwp": "한글", "docx": "Word", "pdf": "Acrobat"}


def held_open_message(path: str, exc: OSError) -> str:
    """The message for a file the system refused to replace, naming the program that probably has it open."""
    if isinstance(exc, PermissionError) or getattr(exc, "winerror", None) in (5, 32, 33):
        program = _HOLDERS.get(Path(path).suffix.lstrip(".").lower())
        if program:
            return _("{name} could not be replaced: it is probably open in {program}. Close it there, or save "
                     "under another name.").format(name=Path(path).name, program=program)
        return _("{name} could not be replaced: another program has it open. Close it there, or save under "
                 "another name.").format(name=Path(path).name)
    return _("The file {path} could not be written: {reason}").format(path=path, reason=exc.strerror or exc)


def write_offering_another_name(parent: QWidget | None, target: str, data: bytes) -> str | None:
    """Write ``data`` whole at ``target``. A file another program holds open (a 한글 or Excel window on
    Windows) is named and another name offered in that folder; returns the path written, or None when the
    user gave up (or there is no window left to ask in)."""
    while target:
        try:
            write_bytes(target, data)
        except OSError as exc:
            show_error(parent, held_open_message(target, exc))
            remember_folder(target)  # offer another name in the same folder
            if parent is None:
                return None
            target = ask_save_path(parent, Path(target).name) or ""
            continue
        if parent is not None:
            status(parent, _("Saved {path}.").format(path=target))
        return target
    return None


class DocumentActions:
    def __init__(self, page: QWidget, services):
        self.page = page
        self.services = services
        self.last_job = None

    def available(self, service_name: str) -> bool:
        return getattr(self.services, service_name, None) is not None

    def preview(self, make: Callable[[], bytes], title: str, filename: str) -> None:
        """Make a PDF in the background and show it in the preview window."""
        def shown(data: bytes) -> None:
            from aict_desktop.ui.preview import PreviewDialog

            PreviewDialog.show_pdf(data, title, filename, self.page)

        self.last_job = run_in_background(self.page, make, on_success=shown,
                                          on_failure=lambda e: show_error(self.page, e),
                                          label=_("Preparing {title}…").format(title=title))

    def save_file(self, make: Callable[[], bytes], suggested: str, path: str | None = None) -> None:
        """Ask where, make the file in the background, write it atomically."""
        path = path or ask_save_path(self.page, suggested)
        if not path:
            return

        self.last_job = run_in_background(self.page, make,
                                          on_success=lambda data: write_offering_another_name(self.page, path, data),
                                          on_failure=lambda e: show_error(self.page, e),
                                          label=_("Preparing {name}…").format(name=Path(path).name))

