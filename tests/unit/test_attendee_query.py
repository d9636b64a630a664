"""One attendee query: an attendance tick, the quorum and the allowance list read a meeting's people once,
however many members it has (it took 58 statements per tick for 16 members)."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from sqlalchemy import event

from tests.unit.test_certificates import make_body


@contextlib.contextmanager
def counted(store):
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", count)


def _meeting(services, n: int, name: str):
    body, _ids = make_body(services, [f"{name}{i:02d}" for i in range(n)], name=name)
    return services.meetings.create(body.id, starts_at=dt.datetime(2025, 7, 1, 14))


@pytest.mark.sqlite_only
def test_reads_do_not_grow_with_the_members(services):
    small, large = _meeting(services, 3, "작은위원회"), _meeting(services, 16, "큰위원회")
    costs = {}
    for m in (small, large):
        with counted(services.store) as seen:
            services.meetings.attendance_rows(m.id)
            services.meetings.quorum(m.id)
            services.allowances.compute(m.id)
        costs[m.id] = len(seen)
    assert costs[small.id] == costs[large.id] <= 12
