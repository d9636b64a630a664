"""One query per list: the SQL statements of a certificate batch do not grow with the batch.

Counted with a SQLAlchemy ``before_cursor_execute`` listener on the store's engine (as
``benchmarks/bench_queries.py`` does). A batch reads its appointees (with person and
institution) in one statement and the certificates they hold in one more, and inserts the
register's rows together; the only statements that grow with n are the access log's, one
entry per certificate (each entry's hash covers the one before it, so it is appended one by
one). The bound is therefore measured, not guessed: the statements of one access-log
append, times the extra certificates — and a preview, which records nothing, sends the same
number of statements for 5 appointees as for 31.

Before this, 31 certificates took 598 statements (19 per certificate: a person, an
institution and a certificate looked up one by one, twice, and each row inserted alone).
"""

from __future__ import annotations

import contextlib
import datetime as dt

from sqlalchemy import event

from aict_desktop.store.audit import log_access

ON = dt.date(2025, 6, 12)


@contextlib.contextmanager
def counting(engine):
    seen: list[str] = []

    def before(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


def body_with(services, n: int, name: str):
    body = services.bodies.create_body(name=name, issuer="서울특별시 서초구청장")
    inst = services.roster.create_institution(name=f"{name} 참여기관", sector="대학")
    for i in range(n):
        p = services.roster.create_person(name=f"{name[:2]}위원{i:02d}", institution_id=inst.id, position="교수")
        services.appointments.appoint(p.id, body.id, term_start=ON)
    return body


def one_log_entry(store) -> int:
    """Statements of one access-log append (the part of a certificate that is not ours to batch)."""
    with store.write() as s:
        log_access(s, "certificate.issue", target="warm", subject="warm")  # the log's first entry is special
    with counting(store.engine) as seen:
        with store.write() as s:
            log_access(s, "certificate.issue", target="제2025-999호", subject="측정")
    with counting(store.engine) as empty:
        with store.write() as s:
            pass
    return len(seen) - len(empty)


def issue_statements(services, n: int, name: str) -> int:
    body = body_with(services, n, name)
    with counting(services.store.engine) as seen:
        result = services.certificates.issue(body.id, on=ON)
    assert len(result.certificates) == n
    return len(seen)


def test_issuing_grows_only_by_the_access_log_entry_of_each_certificate(services):
    per_entry = one_log_entry(services.store)
    small = issue_statements(services, 5, "가위원회")
    large = issue_statements(services, 31, "나위원회")
    # our own reads and inserts are the same for 31 as for 5; only the 26 extra log entries add
    assert large - small <= 26 * per_entry, (small, large, per_entry)
    # and the batch is far from the 19 statements per certificate it took before
    assert large <= 31 * per_entry + 40, (large, per_entry)


def test_a_preview_sends_as_many_statements_for_31_as_for_5(services):
    counts = []
    for n, name in ((5, "다위원회"), (31, "라위원회")):
        body = body_with(services, n, name)
        with counting(services.store.engine) as seen:
            services.certificates.preview(body.id, on=ON)
        counts.append(len(seen))
    assert counts[0] == counts[1], counts


def test_naming_the_appointments_reads_them_in_one_go(services):
    body = body_with(services, 31, "마위원회")
    ids = [r.id for r in services.certificates.pending(body.id)]
    with counting(services.store.engine) as few:
        services.certificates.preview(body.id, ids[:5], on=ON)
    with counting(services.store.engine) as many:
        services.certificates.preview(body.id, ids, on=ON)
    assert len(few) == len(many), (len(few), len(many))
