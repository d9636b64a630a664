import datetime as dt
import shutil
import sqlite3

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


def test_upgrade_copies_the_file_aside_first(tmp_path, monkeypatch):
    """A file at an older schema is backed up before the upgrade runs."""
    from aict_desktop.store import migrate

    fixture = tmp_path / "old.sqlite"
    shutil.copyfile(migrate.migrations_dir().parent.parent.parent / "tests" / "fixtures" / "db_0001.sqlite", fixture)
    # a future revision 0002 that adds a column, in a copy of the migrations folder
    mig = tmp_path / "migrations"
    shutil.copytree(migrate.migrations_dir(), mig, ignore=shutil.ignore_patterns("__pycache__"))
    (mig / "versions" / "0002_test.py").write_text(
        "from alembic import op\nimport sqlalchemy as sa\n"
        "revision='0002'\ndown_revision='0001'\nbranch_labels=None\ndepends_on=None\n"
        "def upgrade():\n    with op.batch_alter_table('institution') as b:\n"
        "        b.add_column(sa.Column('extra', sa.String(), nullable=True))\n"
        "def downgrade():\n    pass\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(migrate, "migrations_dir", lambda: mig)
    monkeypatch.setattr(migrate, "HEAD_REVISION", "0002")
    st = open_store(fixture)
    assert current_revision(st) == "0002"
    st.dispose()
    backups = list((tmp_path / "backups").glob("old-before-upgrade-0001-*.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert conn.execute("SELECT COUNT(*) FROM institution").fetchone()[0] > 0


def test_head_revision_constant_matches_the_scripts():
    from aict_desktop.store import migrate

    assert migrate.HEAD_REVISION == migrate.script_directory().get_current_head()
