"""Online backup and validated restore of the SQLite data file."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from aict_desktop.domain.errors import StoreError
from aict_desktop.i18n import _
from aict_desktop.store.engine import SQLITE_MAGIC
from aict_desktop.store.identity import APP_MARKER

# the tables every schema revision of this program has
REQUIRED_TABLES = {"alembic_version", "setting", "body", "institution", "person", "appointment", "meeting",
                   "accesslog"}


def _require_file(store) -> Path:
    if store.path is None:
        raise StoreError(_("This command works on a local data file; for a server use its own backup tools."))
    return store.path


def backup_to(store, target: Path) -> Path:
    """Copy the live database with SQLite's online backup (consistent under WAL)."""
    source = _require_file(store)
    target = Path(target).expanduser().resolve()
    if target == source:
        raise StoreError(_("The backup cannot overwrite the data file itself."))
    if not target.parent.exists():
        raise StoreError(_("The folder {folder} does not exist.").format(folder=target.parent))
    tmp = target.with_name(target.name + ".part")
    try:
        with contextlib.closing(sqlite3.connect(source, timeout=10)) as src, contextlib.closing(
            sqlite3.connect(tmp)
        ) as dst:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        tmp.replace(target)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(_("The backup could not be written to {path}: {reason}").format(path=target, reason=exc))
    return target


def validate_backup(path: Path) -> str:
    """Check a file is a sound database of this app; return its schema revision."""
    from aict_desktop.store.migrate import known_revisions

    path = Path(path).expanduser()
    if not path.is_file():
        raise StoreError(_("There is no file at {path}.").format(path=path))
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise StoreError(_("{path} is not a backup of this program (it is not a SQLite file).").format(path=path))
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if ok != "ok":
                raise StoreError(_("{path} is damaged ({detail}).").format(path=path, detail=ok))
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not REQUIRED_TABLES <= tables:
                raise StoreError(_("{path} is not a backup of this program.").format(path=path))
            rev = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            marker = conn.execute("SELECT value FROM setting WHERE key='app'").fetchone()
    except sqlite3.Error as exc:
        raise StoreError(_("{path} cannot be read as a database: {reason}").format(path=path, reason=exc))
    if not rev or not marker or marker[0] != APP_MARKER:
        raise StoreError(_("{path} is not a backup of this program.").format(path=path))
    if rev[0] not in known_revisions():
        raise StoreError(
            _("{path} was written by a newer version of this program; update the program first.").format(path=path)
        )
    return rev[0]


def restore_from(db_path: Path, backup: Path, *, lock_held: bool = False) -> Path | None:
    """Replace the data file with a validated backup; keep the replaced file.

    Returns where the replaced file was kept (None if there was none).
    Nothing is touched unless the backup passes ``validate_backup`` and the
    replaced file has been copied aside. Refused while the program has the
    file open (unless the caller is that program: ``lock_held``).
    """
    from aict_desktop.store.instance_lock import InstanceLock

    db_path = Path(db_path).expanduser().resolve()
    backup = Path(backup).expanduser().resolve()
    if backup == db_path:
        raise StoreError(_("The backup and the data file are the same file."))
    validate_backup(backup)
    lock = None if lock_held or not db_path.parent.is_dir() else InstanceLock(db_path).acquire()
    try:
        kept = _keep_current(db_path)
        _copy_into(backup, db_path)
        _log_restore(db_path, backup, kept)
    finally:
        if lock is not None:
            lock.release()
    return kept


def _log_restore(db_path: Path, backup: Path, kept: Path | None) -> None:
    """The restored file's access log records the restore (upgrading an older backup first)."""
    from aict_desktop.store.audit import log_access
    from aict_desktop.store.engine import open_store

    store = open_store(db_path)
    try:
        with store.write() as s:
            log_access(s, "backup.restore", target=backup.name, detail=_("replaced file kept as {path}").format(
                path=kept.name if kept else "-"))
    finally:
        store.dispose()


def _keep_current(db_path: Path) -> Path | None:
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = db_path.with_name(f"{db_path.stem}-replaced-{stamp}{db_path.suffix or '.sqlite'}")
    try:
        with contextlib.closing(sqlite3.connect(db_path, timeout=10)) as live, contextlib.closing(
            sqlite3.connect(kept)
        ) as out:
            live.backup(out)
            out.execute("PRAGMA journal_mode = DELETE")
    except (OSError, sqlite3.Error) as exc:
        kept.unlink(missing_ok=True)
        raise StoreError(
            _("The current data file could not be copied aside ({reason}); nothing was restored.").format(reason=exc)
        ) from exc
    return kept


def _copy_into(backup: Path, db_path: Path) -> None:
    """Copy the backup's pages into the data file in one SQLite transaction (all or nothing)."""
    tmp = db_path.with_name(db_path.name + ".restore")
    try:
        shutil.copyfile(backup, tmp)
        with contextlib.closing(sqlite3.connect(tmp)) as src, contextlib.closing(
            sqlite3.connect(db_path, timeout=10)
        ) as dst:
            src.backup(dst)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(
            _("The backup could not be restored ({reason}); the data file was left as it was.").format(reason=exc)
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
