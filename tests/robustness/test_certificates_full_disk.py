"""``aict certificates issue|reprint`` onto a full disk: nothing recorded, no partial file, a clear message.

The PDF goes to a real 64 KB tmpfs (skipped where mounting is not allowed) while the data
file stays on the normal disk; and, everywhere, to a file system that refuses the write
(RLIMIT_FSIZE in the child process: the same EFBIG a quota gives).
"""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from aict_desktop.store import open_store
from aict_desktop.services.container import Services
from tests.e2e.cli_helpers import aict
from tests.robustness.test_full_disk import tiny_disk
from tests.unit.test_certificates import make_body, register_counts

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Linux file-system tricks")
ON = dt.date(2026, 3, 2)


def _data_file(tmp_path, n=16):
    db = tmp_path / "a.sqlite"
    services = Services(open_store(db, create=True))
    body, _ids = make_body(services, [f"위원{i:02d}" for i in range(n)], name="서초AICT 운영위원회")
    counts = register_counts(services.store)
    services.store.dispose()
    return db, body.id, counts


def _counts(db):
    store = open_store(db)
    try:
        return register_counts(store)
    finally:
        store.dispose()


def test_issue_onto_a_full_disk_records_nothing_and_leaves_no_file(tmp_path):
    db, body_id, before = _data_file(tmp_path)
    with tiny_disk(tmp_path / "disk", size="64k") as disk:
        out = disk / "위촉장.pdf"
        r = aict("certificates", "issue", "--body", str(body_id), "--date", "2026-03-02", "--out", str(out), db=db,
                 lang="en")
        assert r.returncode == 1, r.stdout + r.stderr
        assert "Traceback" not in r.stderr and "nothing was recorded" in r.stderr, r.stderr
        assert list(disk.iterdir()) == []  # no truncated PDF, no leftover part
    assert _counts(db) == before  # no serial, no print, no access-log entry
    # with room, the same command issues 제2026-001호 onwards: no number was used up
    out = tmp_path / "위촉장.pdf"
    r = aict("certificates", "issue", "--body", str(body_id), "--date", "2026-03-02", "--out", str(out), db=db)
    assert r.returncode == 0, r.stderr
    assert "제2026-001호" in r.stdout and "제2026-016호" in r.stdout
    assert out.read_bytes().startswith(b"%PDF") and out.read_bytes().rstrip().endswith(b"%%EOF")
    assert not list(tmp_path.glob(".*.part"))


def test_reprint_onto_a_full_disk_records_no_reprint(tmp_path):
    db, body_id, _before = _data_file(tmp_path, n=2)
    r = aict("certificates", "issue", "--body", str(body_id), "--date", "2026-03-02", "--out",
             str(tmp_path / "a.pdf"), db=db)
    assert r.returncode == 0, r.stderr
    before = _counts(db)
    with tiny_disk(tmp_path / "disk", size="16k") as disk:
        r = aict("certificates", "reprint", "2026-001", "--out", str(disk / "re.pdf"), db=db)
        assert r.returncode == 1, r.stdout + r.stderr
        assert "Traceback" not in r.stderr
        assert list(disk.iterdir()) == []
    assert _counts(db) == before


FSIZE_CHILD = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead of killing
from aict_desktop.cli import main
import aict_desktop.cli.certificates as c
real = c.StagedFile.write
def limited(self, data):
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, resource.RLIM_INFINITY))
    try:
        real(self, data)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
c.StagedFile.write = limited
sys.exit(main(sys.argv[1:]))
"""


def test_a_write_refused_half_way_records_nothing(tmp_path):
    """Portable: the PDF write fails after 20 KB (EFBIG), the database is left alone."""
    import os
    import subprocess

    from tests.e2e.cli_helpers import ROOT

    db, body_id, before = _data_file(tmp_path)
    out = tmp_path / "위촉장.pdf"
    out.write_bytes(b"an older file the user keeps")
    env = {**os.environ, "AICT_LANG": "en", "PYTHONPATH": str(ROOT)}
    env.pop("AICT_DB", None)
    r = subprocess.run([sys.executable, "-c", FSIZE_CHILD, "--db", str(db), "certificates", "issue", "--body",
                        str(body_id), "--out", str(out)], capture_output=True, text=True, env=env, cwd=ROOT,
                       timeout=180)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Traceback" not in r.stderr and "nothing was recorded" in r.stderr, r.stderr
    assert out.read_bytes() == b"an older file the user keeps"  # not replaced by half a PDF
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".part")) == []
    assert _counts(db) == before
