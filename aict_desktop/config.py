"""Paths (per-OS data folder) and the typed settings, declared once with defaults."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from dataclasses import asdict, dataclass, fields
from pathlib import Path

APP_DIR_NAME = "AICT Secretariat"


def data_dir() -> Path:
    """Where the data file, backups and settings live (``AICT_DATA_DIR`` overrides).

    Windows: ``%LOCALAPPDATA%\\AICT Secretariat``; macOS:
    ``~/Library/Application Support/AICT Secretariat``; Linux:
    ``$XDG_DATA_HOME/aict-secretariat`` (``~/.local/share/aict-secretariat``).
    """
    override = os.environ.get("AICT_DATA_DIR")
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / APP_DIR_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "aict-secretariat"


def cache_dir() -> Path:
    """Files the program can always rebuild (a compiled catalog): never beside its source or the data.

    ``AICT_CACHE_DIR`` overrides; Windows ``%LOCALAPPDATA%\\AICT Secretariat\\cache``; macOS
    ``~/Library/Caches/AICT Secretariat``; Linux ``$XDG_CACHE_HOME/aict-secretariat`` (``~/.cache/…``).
    """
    override = os.environ.get("AICT_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / APP_DIR_NAME / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_DIR_NAME
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "aict-secretariat"


def default_db_path() -> Path:
    return data_dir() / "aict.sqlite"


def settings_path() -> Path:
    return data_dir() / "settings.json"


@dataclass
class Settings:
    """Every setting with its default; unknown keys in the file are ignored."""

    language: str = "ko"  # ko | en
    database: str = ""  # a file path or a postgresql+psycopg:// URL; "" = default file
    backup_dir: str = ""  # "" = <data folder>/backups
    backup_keep: int = 14
    backup_on_exit: bool = True
    expiring_days: int = 60  # "terms expiring within N days" on the dashboard
    user_name: str = ""  # who confirms minutes, signs updates ("" = OS user)

    def database_target(self) -> str:
        return self.database or str(default_db_path())

    def backup_folder(self) -> Path:
        return Path(self.backup_dir).expanduser() if self.backup_dir else data_dir() / "backups"

    @classmethod
    def load(cls, path: Path | None = None) -> "Settings":
        """The settings in the file, or the defaults when there is none.

        Notepad and PowerShell 5.1 write a BOM or CP949: both are read. A file that still cannot be read
        gives the defaults with ``problem`` set (shown to the user), and is kept aside before any save
        replaces it, never overwritten silently.
        """
        path = path or settings_path()
        settings = cls()
        settings.problem = ""
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return settings
        except OSError as exc:
            settings.problem = _settings_problem(path, exc.strerror or str(exc))
            return settings
        try:
            raw = json.loads(_decode(data))
        except ValueError as exc:
            settings.problem = _settings_problem(path, str(exc))
            return settings
        known = {f.name for f in fields(cls)}
        values = {}
        for key, value in raw.items() if isinstance(raw, dict) else ():
            if key in known and isinstance(value, type(getattr(settings, key))):
                values[key] = value
        loaded = cls(**values)
        loaded.problem = "" if isinstance(raw, dict) else _settings_problem(path, "not a JSON object")
        return loaded

    def save(self, path: Path | None = None) -> None:
        path = path or settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        if getattr(self, "problem", "") and path.exists():  # the unreadable file the user may still want
            kept = path.with_name(f"{path.name}.unreadable-{dt.datetime.now():%Y%m%d-%H%M%S}")
            path.replace(kept)
            self.problem = ""
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(path)


def _decode(data: bytes) -> str:
    """UTF-8 (with or without a BOM), else CP949 (what Korean Windows tools write), else an error."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp949")  # a UnicodeDecodeError is a ValueError: reported as unreadable


def _settings_problem(path: Path, error: str) -> str:
    from aict_desktop.i18n import _

    return _("The settings file {path} could not be read ({error}). The program starts with the default "
             "settings; the file is kept as it is.").format(path=path, error=error)
