"""Concurrent imports of one file on PostgreSQL (issue 14, item 6): everyone once, never an IntegrityError.

Four processes read and check the same file, wait until all have, then write at
once; without the lock and the second duplicate check inside the writing
transaction each imported everyone (or died on the unique institution name).
"""

from __future__ import annotations

import pytest

from tests.robustness.test_import_hardening import (
    RACE_INSTITUTIONS,
    RACE_PEOPLE,
    check_race,
    race_file,
    run_race,
)

pytestmark = pytest.mark.postgres


def test_concurrent_imports_of_one_file_import_everyone_once_postgres(pg_database, pg_store, tmp_path):
    outs = run_race(pg_database.url, race_file(tmp_path))
    check_race(outs, pg_store, people=RACE_PEOPLE, institutions=RACE_INSTITUTIONS)


def test_concurrent_institution_imports_postgres(pg_database, pg_store, tmp_path):
    path = tmp_path / "inst.csv"
    path.write_text("기관명,구분\n" + "".join(f"기관{n},대학\n" for n in range(20)), encoding="utf-8")
    check_race(run_race(pg_database.url, path, "institutions", processes=3), pg_store, people=0, institutions=20)


def test_an_institution_added_by_an_editor_at_the_same_moment_is_a_clear_message(pg_store, tmp_path):
    """Someone not importing inserts one of the file's institutions, still uncommitted, while the import checks
    and writes: the import's insert waits for it, then hits the unique name. That is retried and reported as
    already registered, never a traceback."""
    import threading
    import time

    from sqlmodel import select

    from aict_desktop.domain.models import Institution
    from aict_desktop.services.container import Services
    from aict_desktop.services.importing import ImportService

    path = tmp_path / "inst.csv"
    path.write_text("기관명\n서초구청\n누리대학교\n", encoding="utf-8")
    inserted, errors = threading.Event(), []

    def editor():
        try:
            with pg_store.write() as s:
                s.add(Institution(name="누리대학교"))
                s.flush()
                inserted.set()
                time.sleep(1.5)  # the import checks and inserts meanwhile, and waits for this commit
        except Exception as exc:  # reported below
            errors.append(repr(exc))
            inserted.set()

    t = threading.Thread(target=editor)
    t.start()
    assert inserted.wait(30)
    result = ImportService(Services(pg_store)).run("institutions", path)
    t.join(30)
    assert errors == []
    assert not result.ok
    assert [p.row_number for p in result.problems] == [3], [p.describe() for p in result.problems]
    with pg_store.session() as s:
        assert sorted(i.name for i in s.exec(select(Institution))) == ["누리대학교"]
