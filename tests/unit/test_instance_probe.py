"""``open_elsewhere``: the cheap look a launch takes before knocking on a running program's door."""

from __future__ import annotations

from aict_desktop.services.instance_probe import open_elsewhere
from aict_desktop.store.instance_lock import InstanceLock


def test_open_elsewhere_follows_the_instance_lock(tmp_path):
    db = tmp_path / "data.sqlite"
    db.write_bytes(b"")
    assert open_elsewhere(str(db)) is False
    lock = InstanceLock(db).acquire()
    try:
        assert open_elsewhere(str(db)) is True
        assert open_elsewhere(str(tmp_path / "." / "data.sqlite")) is True  # another path to the same file
    finally:
        lock.release()
    assert open_elsewhere(str(db)) is False
    assert open_elsewhere(str(tmp_path / "missing.sqlite")) is False
    assert open_elsewhere("postgresql+psycopg://host/aict") is False


def test_importing_the_probe_does_not_import_the_database_layer():
    import subprocess
    import sys

    code = "import sys, aict_desktop.services.instance_probe; print('sqlalchemy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"
