"""SQL statements the program sends for two things a user does often.

1. ``certificates issue`` for n appointees (n = 5 and 31): the service call the CLI and the
   GUI make, on a fresh data file of one body with n appointed members.
2. One attendance tick in meeting mode (key 1 on the selected member) on the demo data
   set's meeting with the most members: the real window, offscreen, the key pressed.

Statements are counted with a SQLAlchemy ``before_cursor_execute`` listener on the
store's engine (``BEGIN``/``COMMIT`` included, as SQLite runs them).

    python benchmarks/bench_queries.py
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@contextlib.contextmanager
def counting(engine):
    """Yields the list of statements sent on ``engine`` while the block runs."""
    from sqlalchemy import event

    seen: list[str] = []

    def before(conn, cursor, statement, parameters, context, executemany):
        seen.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


def summary(statements: list[str], top: int = 6) -> str:
    kinds = collections.Counter(s[:70] for s in statements)
    return "\n".join(f"          {n:>4} × {s}" for s, n in kinds.most_common(top))


def certificate_statements(n: int, tmp: Path) -> list[str]:
    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store

    store = open_store(tmp / f"certs{n}.sqlite", create=True)
    try:
        sv = Services(store)
        body = sv.bodies.create_body(name="서초AICT 운영위원회", issuer="서울특별시 서초구청장")
        inst = sv.roster.create_institution(name="서초구청", sector="공공기관")
        for i in range(n):
            p = sv.roster.create_person(name=f"김위원{i:02d}", institution_id=inst.id, position="책임연구원")
            sv.appointments.appoint(p.id, body.id, term_start=dt.date.today() - dt.timedelta(days=1))
        with counting(store.engine) as seen:
            result = sv.certificates.issue(body.id)
        assert len(result.certificates) == n
        return seen
    finally:
        store.dispose()


def settle(app, ms: int = 400) -> None:
    """Let the window finish what the tick set off (deferred refreshes, autosave timers)."""
    import time

    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def tick_statements(tmp: Path) -> tuple[int, list[str]]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from aict_desktop.services.container import Services
    from aict_desktop.services.demo import load_demo
    from aict_desktop.store import open_store
    from aict_desktop.ui.meetings.meeting_mode import MeetingModeWindow

    app = QApplication.instance() or QApplication([])
    store = open_store(tmp / "demo.sqlite", create=True)
    try:
        sv = Services(store)
        load_demo(sv)
        meetings = sv.meetings.list()
        draft = [m for m in meetings if getattr(m, "minutes_status", None) != "확정"] or meetings
        best = max(draft, key=lambda m: sum(r.is_member for r in sv.meetings.attendance_rows(m.id)))
        members = sum(r.is_member for r in sv.meetings.attendance_rows(best.id))
        w = MeetingModeWindow(sv, best.id)
        w.resize(1366, 768)
        w.show()
        settle(app)
        # the first 의결 item open, as during a vote (its panel refreshes on every tick)
        vote_row = next((i for i, it in enumerate(w.items) if "의결" in str(getattr(it, "kind", ""))), 0)
        rect = w.agenda.visualItemRect(w.agenda.item(vote_row))
        QTest.mouseClick(w.agenda.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        settle(app)
        table = w.attendance.table
        table.setFocus()
        row = next(i for i, r in enumerate(w.attendance.rows) if r.is_member)
        table.selectRow(row)
        QTest.keyClick(table, Qt.Key.Key_2)  # 불참 first: the tick below is a real change, arrival recorded
        settle(app)
        table.selectRow(row)
        with counting(store.engine) as seen:
            QTest.keyClick(table, Qt.Key.Key_1)
            settle(app)
        status = sv.meetings.attendance_rows(best.id)
        assert next(r for r in status if r.id == w.attendance.rows[row].id).status == "출석"
        w.close()
        app.processEvents()
        return members, seen
    finally:
        store.dispose()


def main() -> None:
    verbose = "-v" in sys.argv
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ.setdefault("AICT_DATA_DIR", str(tmp / "data"))
        print("SQL statements (before_cursor_execute, BEGIN/COMMIT included)")
        for n in (5, 31):
            seen = certificate_statements(n, tmp)
            print(f"  certificates issue, {n:>2} appointees: {len(seen):>4} statements "
                  f"({len(seen) / n:.1f} per certificate)")
            if verbose:
                print(summary(seen))
        members, seen = tick_statements(tmp)
        print(f"  meeting mode, one attendance tick (key 1), {members} members: {len(seen):>4} statements")
        if verbose:
            print(summary(seen, 12))


if __name__ == "__main__":
    main()
