"""Every file dialog of the program: Qt's own dialog with an icon provider that never opens a file.

Why (measured on Linux with Qt 6): Qt's file dialog asks the MIME database
for the type of each file it lists (``QAbstractFileIconProvider::type`` →
``QMimeDatabase::mimeTypeForFile``), which opens and closes the file to look at its first
bytes. On POSIX, closing *any* descriptor of a file releases *every* lock the process holds on
it, so listing the data file's folder dropped SQLite's locks on the data file and its -shm;
the next ``aict`` run then believed it was alone, checkpointed and deleted the -wal, and what
was typed next went into a deleted file. The options ``DontUseNativeDialog``,
``DontUseCustomDirectoryIcons`` and ``ReadOnly`` and a ``QFileIconProvider`` with its options
all still open the files; an icon provider whose ``icon()`` and ``type()`` look only at the
name and at ``stat`` (directory or not) opens none, so the locks stay. The platform's own
dialog (GTK, macOS) runs in this process too and may sniff files the same way, so outside
Windows the program always uses Qt's dialog. On Windows, locks belong to a handle (closing
another handle does not release them), so the native Explorer dialog is kept there.

The functions mirror ``QFileDialog``'s static ones (same arguments, same results).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileInfo, QStandardPaths
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

NATIVE_IS_SAFE = sys.platform == "win32"
NO_OPTIONS = QFileDialog.Option(0)


class NameOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and type names from the file's name and kind alone: never opens (reads) a file.

    Called from Qt's file-information thread; the icons are made once, on the GUI thread.
    """

    def __init__(self):
        super().__init__()
        base = QFileIconProvider()
        kinds = QAbstractFileIconProvider.IconType
        self._icons = {k: base.icon(k) for k in (kinds.Computer, kinds.Desktop, kinds.Trashcan, kinds.Network,
                                                 kinds.Drive, kinds.Folder, kinds.File)}
        # Qt's own words for the type column, translated by the qtbase catalog (context QFileDialog)
        self._folder = QCoreApplication.translate("QFileDialog", "Folder")
        self._file = QCoreApplication.translate("QFileDialog", "File")
        self._suffixed = QCoreApplication.translate("QFileDialog", "%1 File")
        self._drive = QCoreApplication.translate("QFileDialog", "Drive")

    def icon(self, what) -> QIcon:  # Qt's two overloads: an IconType or a QFileInfo
        kinds = QAbstractFileIconProvider.IconType
        if isinstance(what, kinds):
            return self._icons.get(what, self._icons[kinds.File])
        info: QFileInfo = what
        if info.isRoot():
            return self._icons[kinds.Drive]
        return self._icons[kinds.Folder if info.isDir() else kinds.File]

    def type(self, info: QFileInfo) -> str:
        if info.isRoot():
            return self._drive
        if info.isDir():
            return self._folder
        suffix = info.suffix()
        return self._suffixed.replace("%1", suffix) if suffix else self._file


def typed_path(text: str) -> str:
    """A path as typed or pasted: Explorer's 경로로 복사 (Copy as path) wraps it in double quotes."""
    t = (text or "").strip()
    if len(t) >= 2 and t[0] == t[-1] and t[0] in "\"'":
        t = t[1:-1].strip()
    return t


def default_folder() -> Path:
    """Where a dialog opens when given only a file name: the folder used last, else the user's 문서
    (Documents) folder, never the program's own folder (which a bare name used to mean on Windows)."""
    from aict_desktop.ui.state import ui_settings

    remembered = ui_settings().value("files/last_folder", "")
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for candidate in (remembered, documents):
        if candidate and Path(str(candidate)).is_dir():
            return Path(str(candidate))
    return Path.home()


def make_dialog(parent: QWidget | None, caption: str, directory: str, filter: str,
                options: QFileDialog.Option = NO_OPTIONS) -> QFileDialog:
    """A file dialog that is safe to show on the data file's folder (see the module's note)."""
    dlg = QFileDialog(parent, caption, "", filter)
    if not NATIVE_IS_SAFE:
        options |= QFileDialog.Option.DontUseNativeDialog
    dlg.setOptions(options)
    provider = NameOnlyIconProvider()
    dlg.setIconProvider(provider)
    dlg._aict_icon_provider = provider  # the dialog does not own it: keep it alive as long as the dialog
    start = Path(directory) if directory else default_folder()
    if start.is_dir():
        dlg.setDirectory(str(start))
    else:  # a suggested file name, with or without a folder
        folder = start.parent if start.is_absolute() else default_folder() / start.parent
        dlg.setDirectory(str(folder if folder.is_dir() else default_folder()))
        dlg.selectFile(start.name)
    return dlg


def _run(dlg: QFileDialog) -> tuple[str, str]:
    try:
        if dlg.exec() != QFileDialog.DialogCode.Accepted:
            return "", ""
        files = dlg.selectedFiles()
        return (files[0] if files else ""), dlg.selectedNameFilter()
    finally:
        dlg.deleteLater()


def get_save_file_name(parent: QWidget | None = None, caption: str = "", directory: str = "",
                       filter: str = "", options: QFileDialog.Option = NO_OPTIONS
                       ) -> tuple[str, str]:
    """Like ``QFileDialog.getSaveFileName``: (path, chosen filter), or ("", "") when cancelled."""
    dlg = make_dialog(parent, caption, directory, filter, options)
    dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dlg.setFileMode(QFileDialog.FileMode.AnyFile)
    return _run(dlg)


def get_open_file_name(parent: QWidget | None = None, caption: str = "", directory: str = "",
                       filter: str = "", options: QFileDialog.Option = NO_OPTIONS
                       ) -> tuple[str, str]:
    """Like ``QFileDialog.getOpenFileName``: (path, chosen filter), or ("", "") when cancelled."""
    dlg = make_dialog(parent, caption, directory, filter, options)
    dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _run(dlg)


def get_existing_directory(parent: QWidget | None = None, caption: str = "", directory: str = "",
                           options: QFileDialog.Option = QFileDialog.Option.ShowDirsOnly) -> str:
    """Like ``QFileDialog.getExistingDirectory``: the folder, or "" when cancelled."""
    dlg = make_dialog(parent, caption, directory, "", options)
    dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dlg.setFileMode(QFileDialog.FileMode.Directory)
    return _run(dlg)[0]
