import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import select

from aict_desktop.domain.errors import ConflictError, StoreError
from aict_desktop.domain.models import Institution
from aict_desktop.store import open_store
from aict_desktop.store.backup import backup_to, restore_from, validate_backup
from aict_desktop.store.integrity import run_checks
from aict_desktop.store.migrate import current_revision, head_revision
from aict_desktop.store.optimistic import save_versioned


@pytest.mark.sqlite_only
def test_new_file_is_created_migrated_and_tuned(store, db_path):
    assert db_path.exists()
    assert current_revision(store) == head_revision()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_missing_file_is_not_created_without_create(tmp_path):
    with pytest.raises(StoreError, match="aict init"):
        open_store(tmp_path / "none.sqlite")
    assert not (tmp_path / "none.sqlite").exists()


def test_text_file_is_refused_and_unchanged(tmp_path):
    f = tmp_path / "notes.txt"
    f.write_text("회의 메모입니다\n" * 10, encoding="utf-8")
    before = f.read_bytes()
    with pytest.raises(StoreError, match="SQLite"):
        open_store(f, create=True)
    assert f.read_bytes() == before
    assert not (tmp_path / "notes.txt-wal").exists()


def test_foreign_database_is_refused_and_unchanged(tmp_path):
    f = tmp_path / "other.sqlite"
    with sqlite3.connect(f) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers VALUES (1, '홍길동')")
    before = f.read_bytes()
    with pytest.raises(StoreError, match="another program|다른 프로그램"):
        open_store(f)
    assert f.read_bytes() == before


@pytest.mark.sqlite_only
def test_newer_schema_is_refused(store, db_path):
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    store.dispose()
    with pytest.raises(StoreError, match="9999"):
        open_store(db_path)


def test_foreign_keys_are_enforced(store):
    from sqlalchemy.exc import IntegrityError

    from aict_desktop.domain.models import Person

    with pytest.raises(IntegrityError):
        with store.write() as s:
            s.add(Person(name="홍길동", institution_id=999))


def test_optimistic_lock_refuses_a_stale_save(services):
    inst = services.roster.create_institution(name="KT", sector="대기업")
    original = {"name": "KT", "phone": ""}
    services.roster.update_institution(inst.id, {"phone": "02-100-1000"}, expected_version=inst.version)
    with pytest.raises(ConflictError) as err:
        services.roster.update_institution(inst.id, {"name": "케이티"}, expected_version=inst.version, original=original)
    assert "02-100-1000" in err.value.message
    with services.store.session() as s:
        assert s.get(Institution, inst.id).name == "KT"


def test_save_versioned_bumps_version(store):
    with store.write() as s:
        s.add(Institution(name="LG전자"))
    with store.write() as s:
        row = s.exec(select(Institution)).one()
        saved = save_versioned(s, Institution, row.id, {"homepage": "https://lg.example"}, expected_version=1)
        assert saved.version == 2


def test_check_reports_intact_file(store):
    report = run_checks(store)
    assert report.ok, report.problems
    assert any("정상" in n for n in report.notes)


@pytest.mark.sqlite_only
def test_backup_and_restore_round_trip(services, db_path, tmp_path):
    services.roster.create_institution(name="서울대학교", sector="대학")
    out = backup_to(services.store, tmp_path / "b.sqlite")
    assert validate_backup(out) == head_revision()
    services.roster.create_institution(name="KAIST", sector="대학")
    services.store.dispose()
    kept = restore_from(db_path, out)
    assert kept is not None and kept.exists()
    st = open_store(db_path)
    with st.session() as s:
        names = sorted(i.name for i in s.exec(select(Institution)))
    st.dispose()
    assert names == ["서울대학교"]
    # the replaced file still holds what was replaced
    with sqlite3.connect(kept) as conn:
        assert {r[0] for r in conn.execute("SELECT name FROM institution")} == {"서울대학교", "KAIST"}


@pytest.mark.sqlite_only
def test_restore_refuses_a_text_file_and_changes_nothing(services, db_path, tmp_path):
    services.roster.create_institution(name="KT", sector="대기업")
    services.store.dispose()
    bogus = tmp_path / "backup.sqlite"
    bogus.write_text("not a database", encoding="utf-8")
    before = sorted(p.name for p in db_path.parent.iterdir())
    with pytest.raises(StoreError):
        restore_from(db_path, bogus)
    assert sorted(p.name for p in db_path.parent.iterdir()) == before
    st = open_store(db_path)
    with st.session() as s:
        assert [i.name for i in s.exec(select(Institution))] == ["KT"]
    st.dispose()


@pytest.mark.sqlite_only
def test_restore_refuses_a_foreign_database(db_path, store, tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError):
        restore_from(db_path, other)


@pytest.mark.sqlite_only
def test_backup_refuses_missing_folder(store, tmp_path):
    with pytest.raises(StoreError):
        backup_to(store, tmp_path / "no" / "such" / "b.sqlite")


@pytest.mark.sqlite_only
def test_audit_chain_detects_an_edit(store, db_path):
    from aict_desktop.store.audit import log_access, verify_chain

    with store.write() as s:
        for i in range(3):
            log_access(s, "export.roster", target=f"roster {i}", subject="서초AICT 운영위원회")
    assert verify_chain(store) is None
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE accesslog SET subject = '변조' WHERE id = 2")
    problem = verify_chain(store)
    assert problem and "2" in problem
    assert not run_checks(store).ok


def test_timestamps_are_naive_local_times(services):
    inst = services.roster.create_institution(name="숭실대학교", sector="대학")
    assert inst.created_at.tzinfo is None
    assert abs((dt.datetime.now() - inst.created_at).total_seconds()) < 60


def _file_at_0001(tmp_path) -> Path:
    from aict_desktop.store import migrate

    fixture = tmp_path / "old.sqlite"
    shutil.copyfile(migrate.migrations_dir().parent.parent.parent / "tests" / "fixtures" / "db_0001.sqlite", fixture)
    return fixture


def test_upgrade_copies_the_file_aside_first(tmp_path):
    """A file at an older schema (0001, committed fixture) is backed up before the upgrade runs."""
    from aict_desktop.store import migrate

    st = open_store(_file_at_0001(tmp_path))
    assert current_revision(st) == migrate.HEAD_REVISION != "0001"
    st.dispose()
    backups = list((tmp_path / "backups").glob("old-before-upgrade-0001-*.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert conn.execute("SELECT COUNT(*) FROM institution").fetchone()[0] > 0


def test_upgrade_to_0002_freezes_the_body_on_certificates_issued_before(tmp_path):
    """Certificates from 0001 get their body's name, 위촉권자, wording, border and seal as at the upgrade."""
    import hashlib

    from aict_desktop.domain.models import Certificate, CertificateSeal

    old = _file_at_0001(tmp_path)
    seal = b"\x89PNG\r\n\x1a\n not a real image, only its bytes are kept"
    with sqlite3.connect(old) as conn:
        body_id, name = conn.execute("SELECT id, name FROM body ORDER BY id").fetchone()
        conn.execute("UPDATE body SET issuer = '', certificate_wording = '{body} {role}', certificate_border = 0, "
                     "seal_png = ? WHERE id = ?", (seal, body_id))
        appointment = conn.execute("SELECT id FROM appointment WHERE body_id = ?", (body_id,)).fetchone()[0]
        conn.execute("INSERT INTO certificate (body_id, year, seq, serial, appointment_id, issued_on, status, "
                     "void_reason, person_name, institution_name, position_title, role_label, created_at) "
                     "VALUES (?, 2025, 1, '제2025-001호', ?, '2025-06-12', '유효', '', '홍길동', '', '', '위원', "
                     "'2025-06-12 10:00:00')", (body_id, appointment))
    st = open_store(old)
    with st.session() as s:
        (cert,) = s.exec(select(Certificate)).all()
        (kept,) = s.exec(select(CertificateSeal)).all()
    st.dispose()
    assert (cert.body_name, cert.issuer, cert.wording, cert.border) == (name, name, "{body} {role}", False)
    assert cert.seal_sha256 == kept.sha256 == hashlib.sha256(seal).hexdigest() and kept.png == seal


def test_head_revision_constant_matches_the_scripts():
    from aict_desktop.store import migrate

    assert migrate.HEAD_REVISION == migrate.script_directory().get_current_head()
