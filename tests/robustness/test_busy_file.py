"""`aict` writing while another program holds the write lock: it waits (busy timeout), or fails clearly."""

from __future__ import annotations

import sqlite3
import threading
import time

from aict_desktop.store.engine import BUSY_TIMEOUT_MS
from tests.e2e.cli_helpers import aict


def _hold_write_lock(db, seconds: float, started: threading.Event) -> threading.Thread:
    def run():
        conn = sqlite3.connect(db, timeout=30, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO setting(key, value) VALUES ('busy-test', 'x')")
        started.set()
        time.sleep(seconds)
        conn.execute("COMMIT")
        conn.close()

    t = threading.Thread(target=run)
    t.start()
    started.wait(10)
    return t


def _people_csv(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("성명,소속기관\n홍길동,서초구청\n", encoding="utf-8")
    return path


def test_a_short_lock_is_waited_for(store, tmp_path):
    store.dispose()
    t = _hold_write_lock(store.path, 1.5, threading.Event())
    r = aict("import", "people", str(_people_csv(tmp_path)), db=store.path)
    t.join()
    assert r.returncode == 0, r.stderr
    assert aict("check", db=store.path).returncode == 0


def test_a_lock_held_past_the_timeout_is_a_clear_message(store, tmp_path):
    store.dispose()
    t = _hold_write_lock(store.path, BUSY_TIMEOUT_MS / 1000 + 3, threading.Event())
    r = aict("import", "people", str(_people_csv(tmp_path)), db=store.path)
    t.join()
    assert r.returncode == 1
    assert "Traceback" not in r.stderr and "다른 프로그램이 쓰고" in r.stderr, r.stderr
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == 0
    assert aict("check", db=store.path).returncode == 0
