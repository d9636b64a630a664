"""The open data file's watchdog: still the file the program opened, its -wal and -shm intact, its locks held.

Two things can silently lose what is typed while the program runs:

* the program's SQLite locks vanish (on POSIX, any code of this process that opens and closes
  the data file releases them, e.g. a file dialog sniffing file types). Another process then
  believes it is alone, checkpoints and deletes the -wal and -shm, and later writes go into a
  deleted file;
* the data file is deleted, moved, or replaced (a sync tool, a copy over it) — later writes go
  into a file nobody will see, and the exit backup would back up whatever is at the path now.

The watchdog keeps one extra SQLite connection (the *sentinel*) open for the life of the store,
so the -wal and -shm are never removed while the program has the file open; it remembers the
device and inode of the data file, its -wal and its -shm. ``check()`` (before every write, and
every few seconds from the GUI) compares them and, on Linux, reads ``/proc/locks`` to see the
locks are still held. Lost locks with intact files are taken back at once (every connection is
closed and reopened; SQLite checkpoints into the same file first). A vanished or replaced file
is final: writes and backups are refused with a message saying what happened and what to do.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import threading
from pathlib import Path

from aict_desktop.i18n import _
from aict_desktop.store.identity import FileIdentity, file_identity

log = logging.getLogger(__name__)
PROC_LOCKS = Path("/proc/locks")
JOURNALS = ("-wal", "-shm")


def locks_visible() -> bool:
    """Only Linux shows a process its own POSIX locks (elsewhere, F_GETLK never reports one's own)."""
    return sys.platform.startswith("linux") and PROC_LOCKS.exists()


def inodes_locked_by(pid: int) -> set[int]:
    """Inodes on which ``pid`` holds a POSIX lock (from /proc/locks)."""
    found: set[int] = set()
    me = str(pid)
    try:
        lines = PROC_LOCKS.read_text().splitlines()
    except OSError:
        return found
    for line in lines:
        parts = line.split()
        if len(parts) > 1 and parts[1] == "->":  # a waiter, listed under the holder
            parts = parts[1:]
        if len(parts) < 8 or parts[4] != me:
            continue
        try:
            found.add(int(parts[5].split(":")[2]))
        except (IndexError, ValueError):
            continue
    return found


class Watchdog:
    def __init__(self, store):
        self.store = store
        self.path: Path = store.path
        self._mutex = threading.RLock()
        self._sentinel: sqlite3.Connection | None = None
        self._ids: dict[str, FileIdentity | None] = {}
        self.lost: str | None = None  # set once the file is gone or replaced: final
        self._expect_locks = False  # SQLite holds none on a read-only file without a -shm: nothing to watch then
        self.recoveries = 0  # times lost locks were taken back

    # --- life -----------------------------------------------------------------------

    def start(self) -> None:
        with self._mutex:
            self._ids["db"] = file_identity(self.path)
            self._open_sentinel()
            self._expect_locks = locks_visible() and self._locks_held()

    def close(self) -> None:
        with self._mutex:
            if self._sentinel is not None:
                self._sentinel.close()
                self._sentinel = None

    @property
    def active(self) -> bool:
        return self._sentinel is not None

    def _open_sentinel(self) -> None:
        from aict_desktop.store.sqlite_files import connect

        conn = connect(self.path, "rw")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # takes the shared lock, maps the -shm
            wal = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal"
        except sqlite3.Error:
            conn.close()
            raise
        self._sentinel = conn
        for suffix in JOURNALS:
            self._ids[suffix] = file_identity(f"{self.path}{suffix}") if wal else None

    # --- checks ---------------------------------------------------------------------

    def check(self) -> str | None:
        """None when all is well; else what happened and what to do (the user's message)."""
        with self._mutex:
            if self.lost is not None:
                return self.lost
            if self._sentinel is None:
                return None
            lost = self._files_problem()
            if lost is not None:
                self.lost = lost
                log.error("data file lost: %s", lost)
                return lost
            if self._expect_locks and not self._locks_held() and not self._take_locks_back():
                return _("The program lost its lock on the data file {path}, so another program could delete what "
                         "is saved from now on. Nothing more is saved until the lock is back. Close other windows "
                         "that use this file; if this message stays, close the program and start it again.").format(
                    path=self.path)
            return None

    def _files_problem(self) -> str | None:
        now = file_identity(self.path)
        keep = _("Nothing more is saved to it, and the last good backup is kept. Close the program and start it "
                 "again (if the file is gone, restore the latest backup).")
        if now is None:
            return _("The data file {path} was deleted, moved or renamed while the program was open.").format(
                path=self.path) + " " + keep
        if now != self._ids.get("db"):
            return _("The data file {path} was replaced by another file while the program was open (by a sync or "
                     "copy program?).").format(path=self.path) + " " + keep
        for suffix in JOURNALS:
            expected = self._ids.get(suffix)
            if expected is not None and file_identity(f"{self.path}{suffix}") != expected:
                return _("Another program deleted or replaced the data file's journal ({name}) while the program "
                         "was open, so what is saved from now on could be lost.").format(
                    name=self.path.name + suffix) + " " + keep
        return None

    def _locks_held(self) -> bool:
        held = inodes_locked_by(os.getpid())
        wanted = [self._ids.get("db"), self._ids.get("-shm")]
        return all(ident.inode in held for ident in wanted if ident is not None)

    def _take_locks_back(self) -> bool:
        """Close every connection of this store and reopen: SQLite takes its locks again.

        Only when no connection is in use (another thread's session would keep the old state).
        """
        pool = self.store.engine.pool
        in_use = getattr(pool, "checkedout", lambda: 0)()
        if in_use:
            return False
        log.warning("SQLite locks on %s were released by someone in this process; taking them back", self.path)
        self.close()
        self.store.engine.dispose()
        try:
            self._open_sentinel()
        except sqlite3.Error as exc:
            log.error("could not reopen %s: %s", self.path, exc)
            return False
        if self._files_problem() is not None or not self._locks_held():
            return False
        self.recoveries += 1
        return True
