"""Personal data service: masked by default, every reveal/export/import logged, never in clear on disk."""

import sqlite3
import subprocess

import pytest

from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import AccessLog, Person
from aict_desktop.services import personal as pd
from aict_desktop.store.audit import entries, verify_chain
from aict_desktop.store.backup import backup_to

RRN = "800101-1234567"
ACCOUNT = "110-123-456789"
CLEAR = [b"8001011234567", b"800101-1234567", b"1234567", b"456789", "신한은행".encode()]


@pytest.fixture
def person(services):
    inst = services.roster.create_institution(name="서초구청")
    return services.roster.create_person(name="홍길동", institution_id=inst.id)


def test_set_shows_masks_and_logs_without_the_value(services, person):
    assert services.personal.set_rrn(person.id, RRN) == "800101-1******"
    assert services.personal.set_bank(person.id, "신한은행", ACCOUNT) == "신한은행 ***-***-**6789 (예금주 홍길동)"
    v = services.personal.view(person.id)
    assert (v.rrn_masked, v.bank_masked, v.problem) == ("800101-1******", "신한은행 ***-***-**6789 (예금주 홍길동)", "")
    log = entries(services.store)
    assert [e.action for e in log] == [pd.SET_BANK, pd.SET_RRN]
    assert all(e.subject == f"홍길동 (#{person.id})" for e in log)
    assert not any("1234567" in f"{e.target}{e.detail}{e.subject}" for e in log)


def test_every_reveal_is_logged_with_who_what_whose_and_why(services, person):
    services.personal.set_rrn(person.id, RRN)
    services.personal.set_bank(person.id, "신한은행", ACCOUNT, "홍길동")
    view_only = len(entries(services.store))
    services.personal.view(person.id)
    assert len(entries(services.store)) == view_only  # masks reveal nothing, so no entry
    assert services.personal.reveal_rrn(person.id, reason="참석수당 원천징수") == RRN
    acct = services.personal.reveal_bank(person.id)
    assert (acct.bank, acct.account, acct.holder) == ("신한은행", ACCOUNT, "홍길동")
    newest = entries(services.store, limit=2)
    assert [e.action for e in newest] == [pd.REVEAL_BANK, pd.REVEAL_RRN]
    assert newest[1].detail == "참석수당 원천징수" and newest[1].os_user and newest[1].program
    assert verify_chain(services.store) is None


def test_export_print_import_are_recorded(services, person):
    services.personal.set_bank(person.id, "신한은행", ACCOUNT)
    accounts = services.personal.bank_accounts([person.id], purpose="참석수당 지급 명세 제3차")
    assert accounts[person.id].account == ACCOUNT
    services.personal.record(pd.PRINT, target="위원 명단", subjects=["홍길동 (#1)", "김철수 (#2)"])
    with services.store.write() as s:
        services.personal.record(pd.IMPORT, target="people.xlsx", subjects="2명", session=s)
    acts = [e.action for e in entries(services.store, limit=3)]
    assert acts == [pd.IMPORT, pd.PRINT, pd.EXPORT]
    assert entries(services.store, limit=3)[2].target == "참석수당 지급 명세 제3차"


def test_clear_and_missing_values(services, person):
    with pytest.raises(NotFound):
        services.personal.reveal_rrn(person.id)
    with pytest.raises(NotFound):
        services.personal.set_rrn(9999, RRN)
    assert not services.keys.has_key()  # no key made for a person who does not exist
    services.personal.set_rrn(person.id, RRN)
    services.personal.clear_rrn(person.id)
    assert services.roster.get_person(person.id).rrn_enc is None
    assert entries(services.store, limit=1)[0].action == pd.CLEAR_RRN
    with pytest.raises(ValidationError):
        services.personal.set_rrn(person.id, "not a number")


def test_value_copied_to_another_person_does_not_decrypt(services, person):
    other = services.roster.create_person(name="김철수")
    services.personal.set_rrn(person.id, RRN)
    with services.store.write() as s:
        s.get(Person, other.id).rrn_enc = s.get(Person, person.id).rrn_enc
    assert services.personal.view(other.id).problem
    with pytest.raises(ValidationError.__mro__[1]):  # a DomainError: clear message, no traceback
        services.personal.reveal_rrn(other.id)


def _dump(path) -> bytes:
    return subprocess.run(["sqlite3", str(path), ".dump"], capture_output=True, check=True).stdout


@pytest.mark.sqlite_only
def test_database_file_backup_and_dump_hold_no_clear_personal_data(services, person, tmp_path, db_path):
    services.personal.set_rrn(person.id, RRN)
    services.personal.set_bank(person.id, "신한은행", ACCOUNT)
    services.personal.reveal_rrn(person.id, reason="확인")
    backup = backup_to(services.store, tmp_path / "backup.sqlite")
    services.store.dispose()  # checkpoint the WAL into the file
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for blob in (db_path.read_bytes(), backup.read_bytes(), _dump(db_path), _dump(backup)):
        for clear in CLEAR:
            assert clear not in blob, clear
    # the name is there (not personal data we encrypt), so the search itself works
    assert "홍길동".encode() in _dump(db_path)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM accesslog").fetchone()[0] == 3


def test_access_log_rows_are_plain_model_rows(services, person):
    services.personal.set_rrn(person.id, RRN)
    with services.store.session() as s:
        row = s.get(AccessLog, 1)
    assert row.hash and row.prev_hash == "0" * 64
