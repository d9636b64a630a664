"""One program instance per data file: a second process is refused; a SIGKILLed holder frees the lock."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from aict_desktop.domain.errors import StoreError
from aict_desktop.store.instance_lock import InstanceLock

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HOLDER = (
    "import sys, time\n"
    "from aict_desktop.store.instance_lock import InstanceLock\n"
    "lock = InstanceLock(sys.argv[1]).acquire()\n"
    "print('locked', flush=True)\n"
    "time.sleep(120)\n"
)


def _holder(db):
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": ROOT})
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_second_process_is_refused_until_the_holder_is_killed(tmp_path):
    db = tmp_path / "aict.sqlite"
    holder = _holder(db)
    try:
        with pytest.raises(StoreError) as err:
            InstanceLock(db).acquire()
        assert "다른 창" in err.value.message and f"pid {holder.pid}" in err.value.message
        # a third process is refused as well (not only this one)
        probe = subprocess.run([sys.executable, "-c", HOLDER, str(db)], capture_output=True, text=True,
                               env={**os.environ, "PYTHONPATH": ROOT}, timeout=60)
        assert probe.returncode != 0 and "locked" not in probe.stdout
        holder.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up runs either way
        holder.wait(timeout=10)
        deadline = time.monotonic() + 5
        while True:
            try:
                lock = InstanceLock(db).acquire()
                break
            except StoreError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        assert (tmp_path / "aict.sqlite.lock").read_text() == f"pid {os.getpid()}"
        lock.release()
        InstanceLock(db).acquire().release()  # released cleanly too
    finally:
        if holder.poll() is None:
            holder.kill()
