"""Server mode on a real PostgreSQL cluster: URLs, the keyring password, plain errors, the access log's user."""

from __future__ import annotations

import json
import socket

import keyring
import pytest
from keyring.backends import fail
from sqlmodel import select

from aict_desktop import i18n
from aict_desktop.config import Settings, settings_path
from aict_desktop.domain.errors import StoreError
from aict_desktop.domain.models import AccessLog, Institution
from aict_desktop.services.container import Services
from aict_desktop.store import open_store, server
from aict_desktop.store.audit import log_access, verify_chain
from aict_desktop.store.integrity import run_checks
from aict_desktop.store.migrate import current_revision, head_revision
from tests.e2e.cli_helpers import aict

pytestmark = pytest.mark.postgres

PASSWORD = "비밀-s3cret"


@pytest.fixture(scope="module")
def staff_role(pg_cluster):
    """A login role 'kim' with a password; TCP logins other than the superuser now need it."""
    pg_cluster.execute("DROP ROLE IF EXISTS kim")
    pg_cluster.create_role("kim", PASSWORD)
    pg_cluster.set_password_auth()
    return "kim"


@pytest.fixture
def office_db(pg_cluster, staff_role):
    """An EMPTY database owned by kim, as IT would make it for the program (``createdb -O kim``)."""
    name = f"office_{pg_cluster.port}_{id(object())}"
    pg_cluster.execute(f'CREATE DATABASE "{name}" OWNER kim')
    yield f"postgresql+psycopg://kim@127.0.0.1:{pg_cluster.port}/{name}"
    pg_cluster.drop_database(name)


@pytest.fixture
def english():
    i18n.install("en")
    yield
    i18n.install("ko")


def test_urls_are_normalised_and_the_password_never_kept_in_settings(english):
    assert server.normalise_url("postgres://kim@db.office/aict") == "postgresql+psycopg://kim@db.office/aict"
    url, pw = server.split_password("postgresql://kim:p%40ss@db.office:5433/aict")
    assert (url, pw) == ("postgresql+psycopg://kim@db.office:5433/aict", "p@ss")
    assert server.keyring_account(url) == "db:kim@db.office:5433/aict"
    Settings(database=server.url_without_password("postgresql://kim:p%40ss@db.office:5433/aict")).save()
    saved = settings_path().read_text(encoding="utf-8")
    assert "p@ss" not in saved and "p%40ss" not in saved
    assert json.loads(saved)["database"] == "postgresql+psycopg://kim@db.office:5433/aict"
    for bad in ("mysql://kim@db/aict", "postgresql://kim@/aict", "postgresql://kim@db.office/"):
        with pytest.raises(StoreError):
            server.parse_url(bad)


def test_first_open_migrates_an_empty_database_with_the_keyring_password(office_db, _isolated, english):
    with pytest.raises(StoreError, match="asks for a password for user 'kim'"):
        open_store(office_db, create=True)
    server.save_password(office_db, PASSWORD)
    assert _isolated.secrets[("AICT Secretariat", server.keyring_account(office_db))] == PASSWORD
    st = open_store(office_db, create=True)
    try:
        assert current_revision(st) == head_revision()
        assert st.display_name == office_db  # no password shown
        services = Services(st)
        kt = services.roster.create_institution(name="KT", sector="대기업")
        with st.write() as s:
            log_access(s, "personal.export", target="roster", subject="KT")
        with st.session() as s:
            entry = s.exec(select(AccessLog).order_by(AccessLog.id.desc())).first()
            assert entry.db_user == "kim"  # the access log records the database user
            assert s.get(Institution, kt.id).name == "KT"
        assert verify_chain(st) is None and run_checks(st).ok
    finally:
        st.dispose()


def test_wrong_password_missing_database_and_unreachable_server_are_plain_messages(
        office_db, pg_cluster, english):
    server.save_password(office_db, "wrong")
    with pytest.raises(StoreError, match="refused the password for user 'kim'"):
        open_store(office_db, create=True)
    server.save_password(office_db, PASSWORD)
    missing = office_db.rsplit("/", 1)[0] + "/no_such_db"
    server.save_password(missing, PASSWORD)
    with pytest.raises(StoreError, match="'no_such_db' does not exist"):
        open_store(missing, create=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    with pytest.raises(StoreError, match="cannot be reached"):
        open_store(f"postgresql+psycopg://kim@127.0.0.1:{closed_port}/aict", create=True)


def test_connection_test_for_the_settings_page(office_db, pg_cluster, english):
    with pytest.raises(StoreError, match="refused the password"):
        server.test_connection(office_db, password="wrong")
    result = server.test_connection(office_db, password=PASSWORD)
    assert "Connected to PostgreSQL 1" in result and "as 'kim'" in result and "is empty" in result
    server.save_password(office_db, PASSWORD)
    open_store(office_db, create=True).dispose()
    assert "holds this program's data (schema " + head_revision() in server.test_connection(office_db)
    name = f"foreign_{pg_cluster.port}"
    foreign = pg_cluster.create_database(name)
    try:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=pg_cluster.port, user="postgres", dbname=name,
                             autocommit=True) as conn:
            conn.execute("CREATE TABLE customers (id int)")
        with pytest.raises(StoreError, match="belongs to another program"):
            server.test_connection(foreign)
    finally:
        pg_cluster.drop_database(name)


def test_without_a_keyring_the_password_is_not_saved_but_pgpassword_works(office_db, monkeypatch, english):
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(StoreError, match="no secure system keyring"):
        server.save_password(office_db, PASSWORD)
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    st = open_store(office_db, create=True)
    assert current_revision(st) == head_revision()
    st.dispose()


def test_a_foreign_database_is_refused_and_unchanged(pg_cluster, english):
    name = f"foreign2_{pg_cluster.port}"
    url = pg_cluster.create_database(name)
    try:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=pg_cluster.port, user="postgres", dbname=name,
                             autocommit=True) as conn:
            conn.execute("CREATE TABLE customers (id int primary key, name text)")
        with pytest.raises(StoreError, match="another program"):
            open_store(url)
        with psycopg.connect(host="127.0.0.1", port=pg_cluster.port, user="postgres", dbname=name) as conn:
            tables = {r[0] for r in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema='public'")}
        assert tables == {"customers"}
    finally:
        pg_cluster.drop_database(name)


def test_newer_schema_is_refused(pg_store, pg_database, english):
    with pg_store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    pg_store.dispose()
    with pytest.raises(StoreError, match="9999"):
        open_store(pg_database.url)


def test_audit_chain_detects_an_edit_on_the_server(pg_store):
    with pg_store.write() as s:
        for i in range(3):
            log_access(s, "export.roster", target=f"roster {i}", subject="서초AICT 운영위원회")
    assert verify_chain(pg_store) is None
    with pg_store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE accesslog SET subject = '변조' WHERE id = 2")
    problem = verify_chain(pg_store)
    assert problem and "2" in problem
    assert not run_checks(pg_store).ok


def test_cli_init_on_a_server_url(pg_cluster):
    name = f"cli_{pg_cluster.port}"
    pg_cluster.create_database(name)
    url = f"postgresql://postgres@127.0.0.1:{pg_cluster.port}/{name}"  # plain scheme: our driver is put in
    try:
        r = aict("init", db=url)
        assert r.returncode == 0, r.stderr
        assert name in r.stdout
        r = aict("list", "bodies", "--json", db=url)
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout) == []
        r = aict("check", db=url)
        assert r.returncode == 0, r.stdout + r.stderr
    finally:
        pg_cluster.drop_database(name)


def test_several_pcs_starting_at_once_on_an_empty_database_all_succeed(pg_cluster):
    """Four processes run 'aict init' together: one migrates, the others wait for it (advisory lock)."""
    import subprocess
    import sys

    from tests.e2e.cli_helpers import ROOT

    name = f"race_{pg_cluster.port}"
    url = pg_cluster.create_database(name)
    try:
        procs = [subprocess.Popen([sys.executable, "-m", "aict_desktop.cli", "--db", url, "init"], cwd=ROOT,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
        results = [(p.communicate(timeout=120), p.returncode) for p in procs]
        assert [code for _out, code in results] == [0, 0, 0, 0], [out[1] for out, _c in results]
        st = open_store(url)
        assert current_revision(st) == head_revision()
        st.dispose()
    finally:
        pg_cluster.drop_database(name)
