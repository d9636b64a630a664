"""Server-mode backup: a portable archive written from one database and restored into a new one."""

from __future__ import annotations

import json
import zipfile

import pytest
from sqlalchemy import text

from aict_desktop import i18n
from aict_desktop.domain.errors import StoreError
from aict_desktop.services.container import Services
from aict_desktop.services.demo import load_demo
from aict_desktop.store import open_store, portable
from aict_desktop.store.audit import verify_chain
from aict_desktop.store.identity import get_setting
from aict_desktop.store.integrity import run_checks
from tests.e2e.cli_helpers import aict

pytestmark = pytest.mark.postgres

TABLES = ("body", "institution", "institutionmembership", "person", "appointment", "meeting", "agendaitem",
          "attendance", "decision", "task", "taskupdate", "milestone", "certificate", "certificateprint",
          "accesslog", "setting")


def snapshot(store) -> dict:
    """Every row of every table as typed values, ordered: what a restore must give back."""
    from sqlalchemy import MetaData, select

    md = MetaData()
    out = {}
    with store.engine.connect() as conn:
        md.reflect(bind=conn, only=list(TABLES))
        for t in TABLES:
            rows = conn.execute(select(md.tables[t])).mappings().all()
            out[t] = sorted(json.dumps({k: (v.hex() if isinstance(v, bytes) else str(v)) for k, v in r.items()},
                                       sort_keys=True, ensure_ascii=False) for r in rows)
    return out


def data(snap: dict) -> dict:
    """A snapshot without the access log and its end marker (a restore appends one entry)."""
    out = {k: v for k, v in snap.items() if k != "accesslog"}
    out["setting"] = [r for r in out["setting"] if '"audit.anchor"' not in r]
    return out


@pytest.fixture
def filled(pg_store):
    """The demo data (bodies with 분과, 연임 links), issued certificates and a seal image (bytea) on the server."""
    services = Services(pg_store)
    load_demo(services)
    body = services.bodies.list_bodies()[0]
    services.certificates.issue(body.id)
    with pg_store.engine.begin() as conn:
        conn.execute(text("UPDATE body SET seal_png = :b WHERE id = :i"), {"b": b"\x89PNG\r\n\x1a\n\x00\xff", "i": body.id})
    return services


def test_round_trip_server_to_new_server_database(filled, pg_cluster, tmp_path):
    src = filled.store
    before = snapshot(src)
    assert sum(len(v) for v in before.values()) > 100
    out = portable.dump(src, tmp_path / "office.aictbackup")
    manifest = portable.read_manifest(out)
    assert manifest["revision"] and {t["name"] for t in manifest["tables"]} >= set(TABLES)
    name, url = f"restored_{pg_cluster.port}", None
    url = pg_cluster.create_database(name)  # a NEW, empty database (no tables)
    try:
        portable.load(url, out)
        st = open_store(url)
        after = snapshot(st)
        log = after["accesslog"]
        assert data(after) == data(before)
        assert set(before["accesslog"]) <= set(log) and len(log) == len(before["accesslog"]) + 1  # + the restore
        assert get_setting(st, "database_id") == get_setting(src, "database_id")  # the data key still fits
        assert verify_chain(st) is None and run_checks(st).ok
        # the sequences were moved on: new rows get new ids
        services = Services(st)
        inst = services.roster.create_institution(name="새 기관 (복원 후)", sector="기타")
        with st.session() as s:
            top = s.execute(text("SELECT max(id) FROM institution")).scalar()
        assert inst.id == top and inst.id > 31
        st.dispose()
    finally:
        pg_cluster.drop_database(name)


def test_server_archive_restores_into_a_new_sqlite_file_and_back(filled, pg_cluster, tmp_path):
    before = snapshot(filled.store)
    out = portable.dump(filled.store, tmp_path / "a.zip")
    local = tmp_path / "local.sqlite"
    portable.load(str(local), out)
    st = open_store(local)
    after = snapshot(st)
    # SQLite gives naive datetimes back the same; compare everything but the log (one restore entry more)
    assert data(after) == data(before)
    assert verify_chain(st) is None
    out2 = portable.dump(st, tmp_path / "b.zip")
    st.dispose()
    name = f"back_{pg_cluster.port}"
    url = pg_cluster.create_database(name)
    try:
        portable.load(url, out2)
        st2 = open_store(url)
        assert data(snapshot(st2)) == data(before)
        st2.dispose()
    finally:
        pg_cluster.drop_database(name)


def test_restore_refuses_a_database_with_data_and_changes_nothing(filled, pg_store, tmp_path):
    out = portable.dump(pg_store, tmp_path / "a.zip")
    before = snapshot(pg_store)
    i18n.install("en")
    try:
        with pytest.raises(StoreError, match="already holds data"):
            portable.load(pg_store.url, out)
    finally:
        i18n.install("ko")
    assert snapshot(pg_store) == before


@pytest.mark.parametrize("damage", ["not a zip", "foreign zip", "edited table", "missing table file"])
def test_damaged_or_foreign_archives_are_refused_and_the_target_stays_empty(pg_store, pg_cluster, tmp_path, damage):
    Services(pg_store).roster.create_institution(name="KT", sector="대기업")
    good = portable.dump(pg_store, tmp_path / "good.zip")
    bad = tmp_path / "bad.zip"
    if damage == "not a zip":
        bad.write_text("회의 메모\n", encoding="utf-8")
    elif damage == "foreign zip":
        with zipfile.ZipFile(bad, "w") as zf:
            zf.writestr("manifest.json", json.dumps({"format": "something-else"}))
    else:
        with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
            for item in src.infolist():
                data = src.read(item)
                if item.filename == "tables/institution.jsonl":
                    if damage == "missing table file":
                        continue
                    data = data.replace("KT".encode(), "XX".encode(), 1)
                dst.writestr(item, data)
    name = f"empty_{pg_cluster.port}"
    url = pg_cluster.create_database(name)
    try:
        with pytest.raises(StoreError):
            portable.load(url, bad)
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=pg_cluster.port, user="postgres", dbname=name) as conn:
            n = conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema='public'").fetchone()
        assert n[0] == 0  # refused before anything was created
    finally:
        pg_cluster.drop_database(name)


def test_cli_backup_and_restore_on_server_urls(pg_cluster, tmp_path):
    src, dst = f"clisrc_{pg_cluster.port}", f"clidst_{pg_cluster.port}"
    pg_cluster.create_database(src)
    pg_cluster.create_database(dst)
    su, du = pg_cluster.url(src), pg_cluster.url(dst)
    try:
        assert aict("init", db=su).returncode == 0
        r = aict("demo", db=su)
        assert r.returncode == 0, r.stderr
        out = tmp_path / "server-backup.zip"
        r = aict("backup", "--out", str(out), db=su)
        assert r.returncode == 0, r.stderr
        assert portable.is_archive(out)
        r = aict("restore", str(out), db=du)
        assert r.returncode == 0, r.stderr
        assert "server-backup.zip" in r.stdout
        for what in ("institutions", "people", "appointments", "meetings", "tasks"):
            a = aict("list", what, "--json", db=su)
            b = aict("list", what, "--json", db=du)
            assert a.returncode == 0 and json.loads(a.stdout) == json.loads(b.stdout), what
        assert aict("check", db=du).returncode == 0
        again = aict("restore", str(out), db=du)  # never over existing data
        assert again.returncode == 1 and "Traceback" not in again.stderr
        sqlite_backup = aict("restore", str(tmp_path / "x.sqlite"), db=du)
        assert sqlite_backup.returncode == 1 and "Traceback" not in sqlite_backup.stderr
    finally:
        pg_cluster.drop_database(src)
        pg_cluster.drop_database(dst)
