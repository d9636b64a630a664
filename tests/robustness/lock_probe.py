"""Which SQLite locks a process holds on a data file, asked from another process (fcntl F_GETLK).

A process cannot see its own POSIX locks with F_GETLK (they never conflict with
themselves), so a helper subprocess asks: "could I take a write lock on the
bytes SQLite's shared lock uses (in the data file) and on the dead-man switch
byte (in the -shm)?" The answer names the process holding each, or 0.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = r"""
import fcntl, json, os, struct, sys
SHARED_FIRST, SHARED_SIZE = 0x40000000 + 2, 510   # SQLite's shared-lock range in the database file
DMS = 128                                          # the -shm byte every connection holds a read lock on
def holder(path, start, length):
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        req = struct.pack("hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, start, length, 0)
        kind, _w, _s, _l, pid = struct.unpack("hhqqi4x", fcntl.fcntl(fd, fcntl.F_GETLK, req))
        return 0 if kind == fcntl.F_UNLCK else pid
    finally:
        os.close(fd)
db = sys.argv[1]
print(json.dumps({"db": holder(db, SHARED_FIRST, SHARED_SIZE), "shm": holder(db + "-shm", DMS, 1)}))
"""

TOOL = Path("/work/shared/tools/sqlite_locks.py")


def lock_holders(db: Path) -> dict:
    """{"db": pid or 0, "shm": pid or 0 (None when there is no -shm)}, asked by a separate process."""
    r = subprocess.run([sys.executable, "-c", PROBE, str(db)], check=False, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def holds_locks(db: Path, pid: int | None = None) -> bool:
    pid = os.getpid() if pid is None else pid
    h = lock_holders(db)
    return h["db"] == pid and h["shm"] == pid


def locks_listing(pid: int | None = None) -> str:
    """The shared tool's view (/proc), for assertion messages."""
    if not TOOL.exists():
        return ""
    r = subprocess.run([sys.executable, str(TOOL), str(os.getpid() if pid is None else pid)],
                       check=False, capture_output=True, text=True, timeout=60)
    return r.stdout.strip()
