"""Online backup and validated restore of the SQLite data file.

A backup is written only from a sound file that is this program's data and still the file the
program opened: ``PRAGMA quick_check`` before (and on the copy, before it replaces anything),
the app marker, and the watchdog's device+inode check. So a damaged, emptied, deleted or
replaced data file never overwrites a good backup. An existing file at the
target is replaced only when it is an earlier backup of this very database (same ``database_id``);
the temporary files of an interrupted backup or restore are cleaned up (item 13).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import time
from pathlib import Path

from aict_desktop.domain.errors import StoreError
from aict_desktop.i18n import _
from aict_desktop.store.identity import APP_MARKER, file_identity
from aict_desktop.store.sqlite_files import DamagedFile, connect, probe, quick_check, uri

PART = ".part"  # a backup being written, beside its target
RESTORE = ".restore"  # a backup being restored, beside the data file
# the tables every schema revision of this program has
REQUIRED_TABLES = {"alembic_version", "setting", "body", "institution", "person", "appointment", "meeting",
                   "accesslog"}


def _require_file(store) -> Path:
    if store.path is None:
        raise StoreError(_("This command works on a local data file; for a server use its own backup tools."))
    return store.path


def _same_file(a: Path, b: Path) -> bool:
    ia = file_identity(a)
    return a == b or (ia is not None and ia == file_identity(b))


def _source_problem(store, source: Path) -> str | None:
    """Why the file at ``source`` must not be backed up now (None when it may)."""
    lost = store.lost() if hasattr(store, "lost") else None
    if lost is not None:
        return lost
    if file_identity(source) is None:
        return _("The data file {path} is not there any more, so no backup was written (the earlier backups were "
                 "kept).").format(path=source)
    return None


def backup_to(store, target: Path) -> Path:
    """Copy the live database with SQLite's online backup (consistent under WAL).

    Refused, leaving any earlier backup at ``target`` as it was, when the data file is gone,
    replaced, not this program's, or damaged; the copy is checked before it replaces anything.
    """
    source = _require_file(store)
    target = Path(target).expanduser().resolve()
    if _same_file(target, source):
        raise StoreError(_("The backup cannot overwrite the data file itself."))
    if not target.parent.exists():
        raise StoreError(_("The folder {folder} does not exist.").format(folder=target.parent))
    problem = _source_problem(store, source)
    if problem is not None:
        raise StoreError(problem)
    tmp = target.with_name(target.name + PART)
    clean_leftovers(source)
    try:
        with contextlib.closing(connect(source, "ro")) as src:  # never creates a missing file
            if src.execute("SELECT count(*) FROM sqlite_master WHERE name = 'setting'").fetchone()[0] == 0 or \
                    _marker(src) != APP_MARKER:
                raise StoreError(_("{path} does not hold this program's data, so no backup was written (the earlier "
                                   "backups were kept).").format(path=source))
            refuse_foreign_target(target, _database_id(src))
            tmp.unlink(missing_ok=True)  # a copy left by an interrupted backup: never written into
            damage = quick_check(src)
            if damage:
                raise DamagedFile(source, "; ".join(damage))
            with contextlib.closing(sqlite3.connect(tmp)) as dst:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
                damage = quick_check(dst)
        if damage:
            raise StoreError(_("The backup copy came out damaged ({detail}); {path} was left as it was.").format(
                detail="; ".join(damage), path=target))
        tmp.replace(target)
    except StoreError:
        tmp.unlink(missing_ok=True)
        raise
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, sqlite3.DatabaseError) and "malformed" in str(exc).lower():
            raise DamagedFile(source, str(exc)) from exc
        raise StoreError(_("The backup could not be written to {path}: {reason}").format(path=target, reason=exc)) from exc
    return target


def _marker(conn) -> str | None:
    row = conn.execute("SELECT value FROM setting WHERE key = 'app'").fetchone()
    return row[0] if row else None


def _database_id(conn) -> str | None:
    row = conn.execute("SELECT value FROM setting WHERE key = 'database_id'").fetchone()
    return row[0] if row else None


_NOT_OURS = object()


def backup_identity(path: Path):
    """The database id of this program's backup at ``path`` (None if it has none), or ``_NOT_OURS``.

    Read through SQLite, read-only and ``immutable`` (no lock, no -wal/-shm made beside a foreign file).
    """
    try:
        if path.stat().st_size == 0:
            return _NOT_OURS
        with contextlib.closing(sqlite3.connect(uri(path, "ro") + "&immutable=1", uri=True, timeout=2)) as conn:
            if _marker(conn) != APP_MARKER:
                return _NOT_OURS
            return _database_id(conn)
    except (OSError, sqlite3.Error):
        return _NOT_OURS


def refuse_foreign_target(target: Path, database_id: str | None, *, identity=None) -> None:
    """An existing file at ``target`` is replaced only when it is an earlier backup of this very database.

    An unrelated file, another database's backup (another ``database_id``) or a damaged file is
    refused with nothing changed. ``identity`` reads a non-SQLite backup format.
    """
    if not os.path.lexists(target):
        return
    if target.is_dir():
        raise StoreError(_("{path} is a folder; choose a file name for the backup.").format(path=target))
    theirs = (identity or backup_identity)(target)
    if theirs is _NOT_OURS:
        raise StoreError(_("{path} already exists and is not a backup of this program's data, so it was not "
                           "overwritten. Choose another file name.").format(path=target))
    if theirs != database_id:
        raise StoreError(_("{path} is a backup of another data file, so it was not overwritten. Choose another "
                           "file name.").format(path=target))


LEFTOVER_AGE = 15 * 60  # seconds: an older .part/.restore is no backup or restore still running


def clean_leftovers(db_path: Path | None, *folders: Path) -> list[Path]:
    """Delete the temporary files an interrupted backup or restore left behind; return them.

    ``<data file>.restore`` beside the data file, and ``*.sqlite.part`` / ``*.zip.part`` of this
    data file's backups in ``folders``, once older than ``LEFTOVER_AGE`` (a running backup or
    restore of another process is never touched). Called before each backup and restore; the
    program should also call it when it opens the data file.
    """
    found: list[Path] = []
    if db_path is not None:
        found.append(Path(db_path).with_name(Path(db_path).name + RESTORE))
        stem = Path(db_path).stem
        for folder in folders:
            if folder.is_dir():
                found += [p for p in folder.glob(f"{stem}-*{PART}") if p.is_file()]
    removed, now = [], time.time()
    for p in found:
        try:
            if now - p.stat().st_mtime >= LEFTOVER_AGE:
                p.unlink()
                removed.append(p)
        except OSError:
            continue  # not there, or in use
    return removed


def validate_backup(path: Path) -> str:
    """Check a file is a sound database of this app; return its schema revision."""
    from aict_desktop.store.migrate import known_revisions

    path = Path(path).expanduser()
    if not path.is_file():
        raise StoreError(_("There is no file at {path}.").format(path=path))
    try:
        probe(path)  # through SQLite: the file might be the open data file under another name
    except StoreError:
        raise StoreError(_("{path} is not a backup of this program (it is not a SQLite file).").format(
            path=path)) from None
    try:
        with contextlib.closing(connect(path, "ro")) as conn:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if ok != "ok":
                raise StoreError(_("{path} is damaged ({detail}).").format(path=path, detail=ok))
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not REQUIRED_TABLES <= tables:
                raise StoreError(_("{path} is not a backup of this program.").format(path=path))
            rev = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            marker = conn.execute("SELECT value FROM setting WHERE key='app'").fetchone()
    except sqlite3.Error as exc:
        raise StoreError(_("{path} cannot be read as a database: {reason}").format(path=path, reason=exc)) from exc
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
    if _same_file(backup, db_path):
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
                path=kept.name if kept else "-"), adopt_seal=True)  # an older, unsealed copy: sealed from here
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
    tmp = db_path.with_name(db_path.name + RESTORE)
    try:
        tmp.unlink(missing_ok=True)  # left by an interrupted restore (this restore holds the file's lock)
        shutil.copyfile(backup, tmp)
        # read-only: if the copy vanished, fail rather than copy an empty new database into the data file
        with contextlib.closing(connect(tmp, "ro")) as src, contextlib.closing(
            sqlite3.connect(db_path, timeout=10)
        ) as dst:
            src.backup(dst)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(
            _("The backup could not be restored ({reason}); the data file was left as it was.").format(reason=exc)
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
