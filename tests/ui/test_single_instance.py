"""A second double-click brings the running window to the front (issue 21 item 1), with real processes.

The first program runs offscreen on a data file, its window minimised (the user put it away); a second
``python -m aict_desktop`` on the same file asks it through the local socket, the first comes to the front
and the second ends at once with exit code 0 and no window. The instance lock stays the authority: a process
that holds the lock without listening is not "answered", and a program killed with SIGKILL leaves a socket
file that the next holder of the lock takes over.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# the real program (app.run); it reports when it listens and when it was asked to come to the front
FIRST = r'''
import sys
from aict_desktop.ui import single_instance
real = single_instance.serve
def serve(window, target):
    door = real(window, target)
    window.showMinimized()
    print("SERVING" if door is not None else "NOT SERVING", flush=True)
    if door is not None:
        door.asked.connect(lambda: print("RAISED", window.isMinimized(), window.isVisible(), flush=True))
    return door
single_instance.serve = serve
from aict_desktop.app import run
sys.exit(run(sys.argv[1], ["aict-desktop"]))
'''

LOCK_ONLY = (
    "import sys, time\n"
    "from aict_desktop.store.instance_lock import InstanceLock\n"
    "lock = InstanceLock(sys.argv[1]).acquire()\n"
    "print('locked', flush=True)\n"
    "time.sleep(120)\n"
)


def _env(tmp_path: Path) -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AICT_DATA_DIR": str(tmp_path / "data"),
            "AICT_LANG": "ko", "PYTHONPATH": str(ROOT)}


def _first(tmp_path: Path, db: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", FIRST, str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8", env=_env(tmp_path))
    line = proc.stdout.readline().strip()
    assert line == "SERVING", (line, proc.stderr.read() if proc.poll() is not None else "")
    return proc


def _second(tmp_path: Path, db: Path) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "aict_desktop", "--db", str(db)], capture_output=True, text=True,
                       encoding="utf-8", env=_env(tmp_path), timeout=60)
    return r, time.monotonic() - started


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)
    proc.stdout.close()
    proc.stderr.close()


def test_a_second_launch_raises_the_running_window_and_exits_at_once(tmp_path, qapp):
    db = tmp_path / "aict.sqlite"
    for verb in ("init", "demo"):
        subprocess.run([sys.executable, "-m", "aict_desktop.cli", "--db", str(db), verb], check=True,
                       capture_output=True, env=_env(tmp_path), timeout=120)
    first = _first(tmp_path, db)
    try:
        second, seconds = _second(tmp_path, db)
        assert second.returncode == 0, second.stdout + second.stderr
        assert "Traceback" not in second.stderr and second.stdout == ""
        assert seconds < 15, seconds  # an interpreter and Qt start, a question, an answer: no window, no data file
        assert first.stdout.readline().strip() == "RAISED False True"  # un-minimised and shown
        assert first.poll() is None  # the first goes on
    finally:
        _stop(first)

    # killed (no clean-up): its socket file is left behind; the next program to hold the lock listens anyway
    again = _first(tmp_path, db)
    try:
        second, _seconds = _second(tmp_path, db)
        assert second.returncode == 0, second.stderr
        assert again.stdout.readline().strip() == "RAISED False True"
    finally:
        _stop(again)
        from PySide6.QtNetwork import QLocalServer

        from aict_desktop.ui.single_instance import server_name

        QLocalServer.removeServer(server_name(str(db)))  # the killed program's socket file


def test_nobody_answers_for_a_holder_that_does_not_listen_so_the_lock_refuses_politely(tmp_path, qapp):
    from aict_desktop.domain.errors import StoreError
    from aict_desktop.store.instance_lock import InstanceLock
    from aict_desktop.ui.single_instance import bring_running_to_front

    db = tmp_path / "aict.sqlite"
    holder = subprocess.Popen([sys.executable, "-c", LOCK_ONLY, str(db)], stdout=subprocess.PIPE, text=True,
                              env=_env(tmp_path))
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        assert bring_running_to_front(str(db)) is False
        assert time.monotonic() - started < 1.0  # nothing listens: the launch goes on at once
        try:
            InstanceLock(db).acquire().release()
        except StoreError as err:  # what the window then says
            assert "이미 이 프로그램의 다른 창에서 열려 있습니다" in err.message and f"pid {holder.pid}" in err.message
        else:
            raise AssertionError("the lock let a second instance in")
    finally:
        holder.kill()
        holder.wait(timeout=10)
        holder.stdout.close()


def test_the_server_is_per_user_and_per_data_file(tmp_path, monkeypatch, qapp):
    from aict_desktop.ui import single_instance

    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    name = single_instance.server_name(str(a))
    assert name != single_instance.server_name(str(b))
    assert name == single_instance.server_name(str(tmp_path / "x" / ".." / "a.sqlite"))  # the same file
    assert len(name) < 60  # a Unix socket path has room for about 100 characters
    import getpass

    monkeypatch.setattr(getpass, "getuser", lambda: "another-user")
    assert single_instance.server_name(str(a)) != name
    assert single_instance.bring_running_to_front("postgresql+psycopg://host/aict") is False


def test_a_launch_on_a_file_nobody_has_open_does_not_knock_nor_load_qtnetwork(tmp_path):
    """The usual start: no instance holds the file, so no socket is tried and QtNetwork (≈15 ms before the
    window is first on screen) is not imported."""
    import subprocess
    import sys

    db = tmp_path / "data.sqlite"
    db.write_bytes(b"")
    code = ("import sys\nfrom aict_desktop.ui import single_instance\n"
            f"print(single_instance.bring_running_to_front({str(db)!r}), 'PySide6.QtNetwork' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}).stdout.split()
    assert out == ["False", "False"]
