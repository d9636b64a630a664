"""One program instance per data file.

An OS-level lock on ``<data file>.lock`` held for the life of the process:
the operating system releases it when the process ends, even by a crash or
SIGKILL, so a stale lock never keeps the secretariat out of its own file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from aict_desktop.domain.errors import StoreError
from aict_desktop.i18n import _


class InstanceLock:
    def __init__(self, db_path: Path):
        self.path = Path(str(db_path) + ".lock")
        self._fh = None

    def acquire(self) -> "InstanceLock":
        fh = open(self.path, "a+")
        try:
            if sys.platform == "win32":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.seek(0)
            holder = fh.read().strip()
            fh.close()
            raise StoreError(
                _("The data file {path} is already open in another window of this program{holder}. "
                  "Use that window, or close it first.").format(
                    path=str(self.path)[: -len(".lock")], holder=f" ({holder})" if holder else ""
                )
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
        self._fh = fh
        return self

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()
