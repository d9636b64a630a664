"""Pytest fixtures for the PostgreSQL backend, loaded for the whole suite by tests/conftest.py.

``pg_cluster`` starts one private cluster per session (and stops it at the
end) with one migrated template database; ``pg_database`` gives a test a fresh
database cloned from that template (``CREATE DATABASE … TEMPLATE``) and drops
it afterwards. Without the PostgreSQL server binaries these tests are skipped,
saying so; any other failure to start the cluster is an error, not a skip.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.postgres.cluster import Cluster, find_bin_dir


@dataclass
class PgDatabase:
    cluster: Cluster
    name: str
    url: str


@pytest.fixture(scope="session")
def pg_cluster():
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin; "
                    "install the 'postgresql' package (scripts/setup.sh does) to run the server-mode tests")
    cluster = Cluster(bin_dir).start()
    try:
        cluster.make_template()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_database(pg_cluster):
    name, url = pg_cluster.clone()
    db = PgDatabase(pg_cluster, name, url)
    yield db
    pg_cluster.drop_database(name)


@pytest.fixture
def pg_store(pg_database):
    from aict_desktop.store import open_store

    st = open_store(pg_database.url)
    yield st
    st.dispose()
