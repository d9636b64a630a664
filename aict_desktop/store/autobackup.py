"""Automatic backups: one per day at most (on exit, and daily while open), rotated.

The backup of a day is named ``<data file>-auto-YYYY-MM-DD.sqlite`` in the
backup folder from settings. Closing the program refreshes today's copy if
the data changed since it was written, so a day's last state is kept and
there is never more than one automatic backup per day; the oldest are
removed to keep ``settings.backup_keep`` of them. Manual backups and the
copies made before schema upgrades are never touched by the rotation.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from aict_desktop.domain.errors import StoreError
from aict_desktop.i18n import _
from aict_desktop.store.backup import backup_to, clean_leftovers

_DAY = re.compile(r"-auto-(\d{4}-\d{2}-\d{2})\.sqlite$")


def auto_name(db_path: Path, day: dt.date) -> str:
    return f"{db_path.stem}-auto-{day.isoformat()}.sqlite"


def auto_backups(folder: Path, db_path: Path) -> list[Path]:
    """This data file's automatic backups in ``folder``, oldest first."""
    if not folder.is_dir():
        return []
    prefix = f"{db_path.stem}-auto-"
    found = [p for p in folder.iterdir() if p.name.startswith(prefix) and _DAY.search(p.name) and p.is_file()]
    return sorted(found, key=lambda p: p.name)


def _last_change(db_path: Path) -> float:
    times = [p.stat().st_mtime for p in (db_path, Path(str(db_path) + "-wal")) if p.exists()]
    return max(times) if times else 0.0


def is_due(store, settings, *, today: dt.date | None = None) -> bool:
    """True when today's automatic backup is missing or older than the data."""
    if store.path is None:
        return False
    target = settings.backup_folder() / auto_name(store.path, today or dt.date.today())
    return not target.exists() or target.stat().st_mtime < _last_change(store.path)


def rotate(folder: Path, db_path: Path, keep: int) -> list[Path]:
    """Delete the oldest automatic backups beyond ``keep``; return what was deleted."""
    keep = max(1, int(keep))
    old = auto_backups(folder, db_path)[:-keep]
    removed = []
    for p in old:
        try:
            p.unlink()
            removed.append(p)
        except OSError:
            continue  # a copy in use by a virus scanner: try again next time
    return removed


def auto_backup(store, settings, *, today: dt.date | None = None, on_exit: bool = False) -> Path | None:
    """Write today's automatic backup if due; rotate. Returns the file written, or None.

    ``on_exit`` honours ``settings.backup_on_exit``. A server database is not backed up here.
    """
    if store.path is None or (on_exit and not settings.backup_on_exit):
        return None
    if not is_due(store, settings, today=today):
        return None
    folder = settings.backup_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(_("The backup folder {folder} cannot be created: {reason}").format(
            folder=folder, reason=exc.strerror or exc)) from exc
    clean_leftovers(store.path, folder)  # .part files of backups interrupted earlier
    written = backup_to(store, folder / auto_name(store.path, today or dt.date.today()))
    rotate(folder, store.path, settings.backup_keep)
    return written
