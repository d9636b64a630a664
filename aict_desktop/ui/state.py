"""Window state (geometry, splitters, column widths) in an INI file beside the data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:  # only named in annotations: creating these PySide6 types costs start-up time
    from PySide6.QtWidgets import QHeaderView, QSplitter, QWidget

from aict_desktop.config import data_dir


def ui_settings() -> QSettings:
    """``<data folder>/window.ini`` (per data folder, so tests stay isolated)."""
    path = data_dir() / "window.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def save_geometry(key: str, widget: QWidget) -> None:
    ui_settings().setValue(f"{key}/geometry", widget.saveGeometry())


def restore_geometry(key: str, widget: QWidget) -> bool:
    value = ui_settings().value(f"{key}/geometry")
    return bool(value) and widget.restoreGeometry(value)


def save_splitter(key: str, splitter: QSplitter) -> None:
    ui_settings().setValue(f"{key}/splitter", splitter.saveState())


def restore_splitter(key: str, splitter: QSplitter) -> None:
    value = ui_settings().value(f"{key}/splitter")
    if value:
        splitter.restoreState(value)


# "columns", not the earlier "header": widths saved before were often fitted to an empty table's headers
HEADER_KEY = "columns"


def save_header(key: str, header: QHeaderView) -> None:
    ui_settings().setValue(f"{key}/{HEADER_KEY}", header.saveState())


def restore_header(key: str, header: QHeaderView) -> bool:
    value = ui_settings().value(f"{key}/{HEADER_KEY}")
    return bool(value) and header.restoreState(value)
