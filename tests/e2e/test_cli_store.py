"""``aict init | list | check | backup | restore`` as a subprocess, as IT staff script it."""

import sqlite3

import pytest

from tests.e2e.cli_helpers import aict, aict_json


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "x.sqlite"
    r = aict("init", db=path)
    assert r.returncode == 0, r.stderr
    assert "준비" in r.stdout
    return path


def test_init_list_and_check(db):
    assert aict_json("list", "bodies", db=db) == []
    r = aict("check", db=db)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "점검 통과" in r.stdout


def test_db_option_after_the_verb_and_env(db, tmp_path):
    r = aict("list", "institutions", "--db", str(db), "--json")
    assert r.returncode == 0 and r.stdout.strip() == "[]"
    r = aict("list", "people", "--json", env={"AICT_DB": str(db)})
    assert r.returncode == 0 and r.stdout.strip() == "[]"


@pytest.mark.parametrize("verb", [["list", "bodies"], ["check"], ["backup", "--out", "b.sqlite"], ["init"]])
def test_text_file_as_db_is_refused_and_unchanged(tmp_path, verb):
    f = tmp_path / "memo.txt"
    f.write_text("이것은 데이터베이스가 아닙니다", encoding="utf-8")
    before = f.read_bytes()
    r = aict(*verb, db=f)
    assert r.returncode == 1
    assert "오류" in r.stderr and "SQLite" in r.stderr
    assert "Traceback" not in r.stderr
    assert f.read_bytes() == before


def test_corrupt_database_gets_a_clear_message(tmp_path):
    f = tmp_path / "broken.sqlite"
    f.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    r = aict("check", db=f)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr and "오류" in r.stderr


def test_missing_file_is_not_created(tmp_path):
    r = aict("list", "bodies", db=tmp_path / "nope.sqlite")
    assert r.returncode == 1 and "aict init" in r.stderr
    assert not (tmp_path / "nope.sqlite").exists()


def test_usage_errors_exit_2(db):
    assert aict("list", "dragons", db=db).returncode == 2
    assert aict(db=db).returncode == 2
    assert aict("backup", db=db).returncode == 2  # --out is required


def test_unknown_body_is_bad_input(db):
    r = aict("list", "people", "--body", "없는 위원회", db=db)
    assert r.returncode == 1 and "없는 위원회" in r.stderr


def test_english_messages(db):
    r = aict("check", db=db, lang="en")
    assert r.returncode == 0 and "Check passed" in r.stdout


def test_backup_restore_round_trip(db, tmp_path):
    with sqlite3.connect(db) as conn:
        conn.execute(
            "INSERT INTO institution (name, sector, address, phone, homepage, note, is_sample, version, created_at,"
            " updated_at) VALUES ('KT', '대기업', '', '', '', '', 0, 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00')"
        )
    out = tmp_path / "backup.sqlite"
    r = aict("backup", "--out", str(out), db=db)
    assert r.returncode == 0, r.stderr
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM institution")
    r = aict("restore", str(out), db=db)
    assert r.returncode == 0, r.stderr
    assert [row["name"] for row in aict_json("list", "institutions", db=db)] == ["KT"]
    kept = list(tmp_path.glob("x-replaced-*.sqlite"))
    assert len(kept) == 1


def test_restore_refuses_a_text_file(db, tmp_path):
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("hello", encoding="utf-8")
    before = db.read_bytes()
    r = aict("restore", str(bogus), db=db)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert db.read_bytes() == before


def test_listing_people_as_json_is_in_the_access_log(db):
    assert aict_json("list", "people", db=db) == []
    r = aict("log", "--json", db=db)
    assert r.returncode == 0, r.stderr
    assert "export.people" in r.stdout
    assert aict("check", db=db).returncode == 0
