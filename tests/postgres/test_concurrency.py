"""Four processes on one PostgreSQL database at once: unique serials, conflicts reported, nothing lost.

The figures are printed (``pytest -s`` shows them); benchmarks/bench_concurrency.py prints them too.
"""

from __future__ import annotations

import threading

import pytest

from tests.postgres.concurrency_run import run

pytestmark = pytest.mark.postgres


def test_processes_issuing_and_editing_at_once(pg_cluster):
    name = f"conc_{pg_cluster.port}"
    url = pg_cluster.create_database(name)  # empty: migrated from nothing by the run
    try:
        fig = run(url, processes=4, per_process=8, edits=8)
    finally:
        pg_cluster.drop_database(name)
    print("\n" + "\n".join(fig.lines()))
    assert fig.errors == []
    assert fig.certificates_issued == fig.certificates_requested == 32
    assert fig.duplicates == 0
    assert fig.appointments_with_two_certificates == 0
    assert fig.edits_saved == 4 * 8
    assert fig.conflicts > 0, "the run should have made the processes collide at least once"
    assert fig.conflicts_with_clear_message == fig.conflicts
    assert fig.lost_updates == 0
    assert fig.final_value_matches_last_save
    assert fig.access_log_intact


def test_concurrent_access_log_appends_keep_one_chain(pg_store):
    """Threads with their own connections append at once; the chain never forks (advisory lock)."""
    from aict_desktop.store.audit import log_access, verify_chain

    start = threading.Barrier(6)
    errors = []

    def append(n):
        start.wait()
        try:
            for i in range(10):
                with pg_store.write() as s:
                    log_access(s, "personal.export", target=f"스레드 {n}", detail=str(i))
        except Exception as exc:  # any failure is reported below
            errors.append(repr(exc))

    threads = [threading.Thread(target=append, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert verify_chain(pg_store) is None
    with pg_store.session() as s:
        from sqlmodel import func, select

        from aict_desktop.domain.models import AccessLog

        assert s.exec(select(func.count()).select_from(AccessLog)).one() == 60
