"""Issue 14 item 9: the second-instance lock is on the file, not on its path.

Before, ``<path>.lock`` was locked: opening the same data file through a hard link (or a
symbolic link, or another folder that links to it) gave a second window on one file — two
programs writing one file, one of them losing its text. The holder is a real process.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aict_desktop.domain.errors import StoreError
from aict_desktop.store.instance_lock import InstanceLock

ROOT = Path(__file__).resolve().parents[2]
HOLDER = (
    "import sys, time\n"
    "from aict_desktop.store.instance_lock import InstanceLock\n"
    "lock = InstanceLock(sys.argv[1]).acquire()\n"
    "print('locked', flush=True)\n"
    "time.sleep(120)\n"
)

pytestmark = pytest.mark.sqlite_only
posix = pytest.mark.skipif(sys.platform == "win32", reason="hard links and SIGKILL as on Linux/macOS")


def _holder(db: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout.readline().strip() == "locked"
    return proc


@pytest.fixture
def data_file(store, db_path):
    """A real data file of the program (closed again: the holder process opens it)."""
    store.dispose()
    return db_path


@posix
@pytest.mark.parametrize("link", ["hard link, same folder", "hard link, other folder", "symbolic link"])
def test_another_name_of_an_open_file_is_refused(data_file, tmp_path, link):
    holder = _holder(data_file)
    try:
        other = tmp_path / ("elsewhere" if "other" in link else ".") / "사본.sqlite"
        other.parent.mkdir(exist_ok=True)
        if link.startswith("hard"):
            os.link(data_file, other)
        else:
            other.symlink_to(data_file)
        with pytest.raises(StoreError) as err:
            InstanceLock(other).acquire()
        assert f"pid {holder.pid}" in err.value.message and str(other) in err.value.message
        from aict_desktop.app import open_data

        with pytest.raises(StoreError):  # the program itself: refused before it touches the file
            open_data(str(other))
        os.kill(holder.pid, signal.SIGKILL)  # the holder crashes: the file is free again at once
        holder.wait(timeout=10)
        deadline = time.monotonic() + 5
        while True:
            try:
                lock = InstanceLock(other).acquire()
                break
            except StoreError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        with pytest.raises(StoreError):  # and now the original name is the second one
            InstanceLock(data_file).acquire()
        lock.release()
        InstanceLock(data_file).acquire().release()
    finally:
        if holder.poll() is None:
            holder.kill()


def test_a_new_data_file_is_locked_by_identity_once_created(tmp_path):
    from aict_desktop.app import open_data

    db = tmp_path / "새 파일.sqlite"
    opened = open_data(str(db))  # creates the file, then locks its identity too
    try:
        link = tmp_path / "link.sqlite"
        os.link(db, link)
        with pytest.raises(StoreError):
            InstanceLock(link).acquire()
    finally:
        opened.close()
    InstanceLock(link).acquire().release()  # released with the program


def test_the_identity_lock_file_is_removed_when_released(data_file):
    from aict_desktop.store.identity import file_identity
    from aict_desktop.store.instance_lock import identity_lock_dir

    lock = InstanceLock(data_file).acquire()
    marker = identity_lock_dir() / f"{file_identity(data_file).key}.lock"
    assert marker.read_text() == f"pid {os.getpid()}"
    lock.release()
    assert sys.platform == "win32" or not marker.exists()
