"""The data file's identity: a random id (for its keyring entry), the app marker, and which file it is.

``file_identity`` is the file itself (device + inode; on Windows volume serial + file index):
a hard link or another path to the file has the same one, a file copied or renamed over it
has another. The watchdog and the second-instance lock compare it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_MARKER = "aict-desktop"


def get_setting(store, key: str, default: str = "") -> str:
    # imported here, so that file_identity stays cheap to import (instance lock, watchdog)
    from aict_desktop.domain.models import Setting

    with store.session() as s:
        row = s.get(Setting, key)
        return row.value if row else default


def set_setting(store, key: str, value: str) -> None:
    from aict_desktop.domain.models import Setting

    with store.write() as s:
        row = s.get(Setting, key)
        if row is None:
            s.add(Setting(key=key, value=value))
        else:
            row.value = value


def ensure_identity(store) -> str:
    """Give the database an id once; return it."""
    import uuid  # here: the instance lock imports this module before the window is on screen

    from aict_desktop.domain.models import Setting

    with store.write() as s:
        if s.get(Setting, "app") is None:
            s.add(Setting(key="app", value=APP_MARKER))
        row = s.get(Setting, "database_id")
        if row is None:
            row = Setting(key="database_id", value=uuid.uuid4().hex)
            s.add(row)
        return row.value


@dataclass(frozen=True)
class FileIdentity:
    device: int
    inode: int

    @property
    def key(self) -> str:
        return f"{self.device:x}-{self.inode:x}"


def file_identity(path: str | Path) -> FileIdentity | None:
    """Which file is at ``path`` now (None when there is none). Only ``stat``: the file is never opened."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return FileIdentity(st.st_dev, st.st_ino)
