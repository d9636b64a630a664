"""Document buttons on a page: make the bytes off the GUI thread, then preview or save.

Services return a document as bytes (PDF, XLSX, CSV, DOCX, HWPX); this helper
runs the call in the background with a cancellable progress dialog, then
opens the in-program preview (PDF) or writes the file where the user chose.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from aict_desktop.i18n import _
from aict_desktop.ui.feedback import show_error, status
from aict_desktop.ui.file_dialogs import get_save_file_name
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
    return str(ui_settings().value("files/last_folder", str(Path.home())))


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
    from aict_desktop.store.instance_lock import is_open_data_file

    target = Path(path)
    if is_open_data_file(target):
        raise OSError(0, _("{name} is the program's open data file; choose another file name.").format(
            name=target.name))
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(target)


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

        def written(data: bytes) -> None:
            try:
                write_bytes(path, data)
            except OSError as exc:
                show_error(self.page, _("The file {path} could not be written: {reason}").format(
                    path=path, reason=exc.strerror or exc))
                return
            status(self.page, _("Saved {path}.").format(path=path))

        self.last_job = run_in_background(self.page, make, on_success=written,
                                          on_failure=lambda e: show_error(self.page, e),
                                          label=_("Preparing {name}…").format(name=Path(path).name))

