"""The store and services tests here run on both backends: SQLite and PostgreSQL.

Every test that uses the ``store`` (or ``services``) fixture is collected twice,
``[sqlite]`` and ``[postgres]``. A test about the SQLite file itself (pragmas,
file backup, refusing a text file) carries ``@pytest.mark.sqlite_only`` and
runs on SQLite alone. ``-m "not postgres"`` runs the SQLite half only.
"""

from __future__ import annotations

import pytest

BACKENDS = ("sqlite", "postgres")


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: a test of the SQLite data file itself (not run on PostgreSQL)")


def pytest_generate_tests(metafunc):
    if "backend" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("sqlite_only"):
        params = ["sqlite"]
    else:
        params = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
    metafunc.parametrize("backend", params, indirect=True)


@pytest.fixture
def backend(request) -> str:
    return request.param


@pytest.fixture
def store(request, backend, db_path):
    from aict_desktop.store import open_store

    if backend == "sqlite":
        st = open_store(db_path, create=True)
    else:
        st = open_store(request.getfixturevalue("pg_database").url)
    yield st
    st.dispose()
