"""One program instance per data file — per *file*, not per path.

Two OS-level locks held for the life of the process (the operating system releases them when
the process ends, even by a crash or SIGKILL, so a stale lock never keeps the secretariat out
of its own file):

* ``<data file>.lock`` beside the file: the same path opened from another PC or user;
* ``<temp>/aict-desktop-locks/<device>-<inode>.lock``: the file's identity, so a hard link,
  a symbolic link or another path to the same file is refused too (two windows on one file
  through a hard link wrote two WALs and lost one's text).

Neither lock touches the data file itself: on POSIX, opening and closing it outside SQLite
would release SQLite's own locks.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import IO

from aict_desktop.domain.errors import StoreError
from aict_desktop.i18n import _
from aict_desktop.store.identity import file_identity

log = logging.getLogger(__name__)


def identity_lock_dir() -> Path:
    return Path(tempfile.gettempdir()) / "aict-desktop-locks"


def is_open_data_file(path: str | Path) -> bool:
    """True when ``path`` is a data file that a program instance (this one too) has open: its identity is locked."""
    ident = file_identity(path)
    lock_path = identity_lock_dir() / f"{ident.key}.lock" if ident is not None else None
    if lock_path is None or not lock_path.exists():
        return False
    try:
        with open(lock_path) as fh:  # a lock file, never the data file
            _lock(fh)  # taken (and let go on close): nobody holds it, a crashed program's leftover
    except OSError:
        return True
    return False


# Windows byte locks are mandatory: a locked byte cannot even be read by another process. The lock
# byte lies far past the holder's text ("pid 1234"), so a refused second instance can still read who
# holds the file instead of failing again with PermissionError inside its own error handling.
WINDOWS_LOCK_OFFSET = 1 << 20


def _lock(fh) -> None:
    """Take an exclusive lock on an open lock file without waiting; OSError if another process has it."""
    if sys.platform == "win32":
        import msvcrt

        fh.seek(WINDOWS_LOCK_OFFSET)  # past the end of the file is allowed, and never read
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        finally:
            fh.seek(0)
    else:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _holder(fh) -> str:
    try:
        fh.seek(0)
        return fh.read(200).strip()
    except (OSError, ValueError):
        return ""


def _write_holder(fh) -> None:
    try:
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
    except OSError:  # a lock file of another user, opened read-only: the lock is what matters
        pass


def refuse_if_open(db_path: str | Path) -> None:
    """Raise the polite "already open" ``StoreError`` (as a second window gets it) when a program instance has
    the data file open, under this path or another one; creates and changes nothing (``aict restore``)."""
    path = Path(db_path).expanduser().resolve()
    lock_path = Path(str(path) + ".lock")
    try:
        fh = open(lock_path)  # noqa: SIM115 (closed below; read-only: never created here)
    except OSError:
        fh = None
    if fh is not None:
        with fh:
            try:
                _lock(fh)  # taken (and let go on close): nobody holds it
            except OSError:
                raise InstanceLock(path)._refused(_holder(fh), other_name=False) from None
    if is_open_data_file(path):
        raise InstanceLock(path)._refused("", other_name=True)


class InstanceLock:
    def __init__(self, db_path: Path):
        self.db_path = Path(db_path)
        self.path = Path(str(db_path) + ".lock")
        self._fh: IO[str] | None = None
        self._id_fh: IO[str] | None = None
        self._id_path: Path | None = None

    def _refused(self, holder: str, *, other_name: bool) -> StoreError:
        if other_name:
            return StoreError(_(
                "The data file {path} is already open in another window of this program{holder}, under another "
                "name or folder (it is the same file, e.g. a link to it). Use that window, or close it first."
            ).format(path=self.db_path, holder=f" ({holder})" if holder else ""))
        return StoreError(_(
            "The data file {path} is already open in another window of this program{holder}. "
            "Use that window, or close it first."
        ).format(path=self.db_path, holder=f" ({holder})" if holder else ""))

    def acquire(self) -> InstanceLock:
        fh = open(self.path, "a+")  # noqa: SIM115 (held open for the life of the process)
        try:
            _lock(fh)
        except OSError:
            holder = _holder(fh)
            fh.close()
            raise self._refused(holder, other_name=False) from None
        _write_holder(fh)
        self._fh = fh
        try:
            self.bind_identity()
        except BaseException:
            self.release()
            raise
        return self

    def bind_identity(self) -> None:
        """Also lock the data file's identity (device + inode). Call again once a new data file exists."""
        if self._id_fh is not None:
            return
        ident = file_identity(self.db_path)
        if ident is None:  # not created yet: the path lock covers it until then
            return
        folder = identity_lock_dir()
        path = folder / f"{ident.key}.lock"
        for _attempt in range(5):
            fh = self._open_identity_lock(folder, path)
            if fh is None:
                return
            try:
                _lock(fh)
            except OSError:
                holder = _holder(fh)
                fh.close()
                raise self._refused(holder, other_name=True) from None
            if sys.platform != "win32" and file_identity(path) != _fd_identity(fh):
                fh.close()  # removed by its previous holder meanwhile: lock the new one
                continue
            _write_holder(fh)
            self._id_fh, self._id_path = fh, path
            return

    @staticmethod
    def _open_identity_lock(folder: Path, path: Path):
        try:
            if not folder.is_dir():
                folder.mkdir(exist_ok=True)
                os.chmod(folder, 0o1777)  # like /tmp: every user may add a lock, none may remove another's
            return open(path, "a+")  # held open for the life of the process
        except PermissionError:
            try:
                return open(path)  # another user's lock file: a read-only descriptor can be locked too
            except OSError:
                pass
        except OSError:
            pass
        log.warning("cannot use %s; only the lock beside the data file protects it", path)
        return None

    def release(self) -> None:
        if self._id_fh is not None:
            if sys.platform != "win32" and self._id_path is not None:
                try:  # remove while still locked, so the next holder never locks a file about to vanish
                    self._id_path.unlink()
                except OSError:
                    pass
            self._id_fh.close()
            self._id_fh = self._id_path = None
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()


def _fd_identity(fh):
    from aict_desktop.store.identity import FileIdentity

    st = os.fstat(fh.fileno())
    return FileIdentity(st.st_dev, st.st_ino)
