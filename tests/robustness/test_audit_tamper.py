"""Issue 14 item 8: the 접속기록 cannot be wiped, cut or re-based without `aict check` saying so.

Each attack is done as an attacker with only the file would: raw SQL through sqlite3, no hash
computed (and, for the seal, a chain recomputed by hand). `aict check` runs as a real process;
where the seal key matters, that process reads the same keyring as the test (a file-backed
keyring backend, below, chosen with PYTHON_KEYRING_BACKEND).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from aict_desktop.i18n import _
from aict_desktop.store import audit_mac
from aict_desktop.store.audit import log_access, prune, verify_chain
from aict_desktop.store.integrity import run_checks
from tests.e2e.cli_helpers import aict

RRN = "800101-1234567"
HANGUL = re.compile(r"[가-힣]")


class FileKeyring(KeyringBackend):
    """A keyring kept in a JSON file named by AICT_TEST_KEYRING, so a child `aict` process shares it."""

    priority = 1

    def _path(self) -> Path:
        return Path(os.environ["AICT_TEST_KEYRING"])

    def _all(self) -> dict:
        p = self._path()
        return json.loads(p.read_text()) if p.exists() else {}

    def get_password(self, service, username):
        return self._all().get(f"{service}\x1f{username}")

    def set_password(self, service, username, password):
        data = self._all()
        data[f"{service}\x1f{username}"] = password
        self._path().write_text(json.dumps(data))

    def delete_password(self, service, username):
        data = self._all()
        data.pop(f"{service}\x1f{username}", None)
        self._path().write_text(json.dumps(data))


WITH_KEY = {"PYTHON_KEYRING_BACKEND": f"{__name__}.FileKeyring"}


@pytest.fixture
def ring(tmp_path, monkeypatch):
    monkeypatch.setenv("AICT_TEST_KEYRING", str(tmp_path / "keyring.json"))
    backend = FileKeyring()
    keyring.set_keyring(backend)
    audit_mac.forget_cache()
    yield backend
    audit_mac.forget_cache()


@pytest.fixture
def data_file(ring, db_path):
    """A file with a 주민등록번호, three reveals in the log, sealed with the key in the (shared) keyring."""
    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store

    store = open_store(db_path, create=True)
    sv = Services(store)
    inst = sv.roster.create_institution(name="서초구청")
    p = sv.roster.create_person(name="홍길동", institution_id=inst.id)
    sv.personal.set_rrn(p.id, RRN)
    for why in ("원천징수", "지급조서", "확인"):
        sv.personal.reveal_rrn(p.id, reason=why)
    store.dispose()
    return db_path


def sql(db: Path, *statements: str) -> None:
    with sqlite3.connect(db) as conn:
        for s in statements:
            conn.execute(s)


def anchor(db: Path) -> dict:
    with sqlite3.connect(db) as conn:
        return json.loads(conn.execute("SELECT value FROM setting WHERE key = 'audit.anchor'").fetchone()[0])


def set_anchor(db: Path, value: dict) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE setting SET value = ? WHERE key = 'audit.anchor'", (json.dumps(value),))


def prefix(msgid: str) -> str:
    """The fixed start of a message as the program prints it (before its first placeholder)."""
    return _(msgid).split("{")[0]


def failed_with(db: Path, msgid: str, env: dict | None = None) -> str:
    r = aict("check", db=db, env=env)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    problems = [line for line in r.stdout.splitlines() if line.startswith("✘ ")]
    assert any(prefix(msgid) in line for line in problems), r.stdout
    return r.stdout


WIPED = "The data file holds {what}, but its access log is empty: the log has been deleted."
NO_ARCHIVE = ("The access log says its entries up to no. {id} were archived, but the log holds no archive entry for "
              "them: the beginning of the log was removed.")


def test_an_untouched_file_passes_with_and_without_the_key(data_file):
    r = aict("check", db=data_file)
    assert r.returncode == 0, r.stdout
    assert prefix("Access log: sealed, but the seal key is not on this computer, so the seal was not checked here "
                  "(check on the computer that holds the key).") in r.stdout
    r = aict("check", db=data_file, env=WITH_KEY)
    assert r.returncode == 0, r.stdout
    assert _("Access log: seal verified.") in r.stdout


def test_deleting_every_entry_and_the_anchor_is_tampering(data_file):
    sql(data_file, "DELETE FROM accesslog", "DELETE FROM setting WHERE key IN ('audit.anchor', 'audit.mac')")
    out = failed_with(data_file, WIPED)
    assert _(WIPED).format(what=_("personal data of {n} people").format(n=1)) in out
    # and the key holder is told the seal was removed too
    failed_with(data_file, "This computer holds the seal key of this data file's access log, but the file has no "
                           "seal: the seal was removed, or the file was replaced by an older copy.", env=WITH_KEY)


@pytest.fixture
def demo_file(ring, db_path):
    """The demo data (confirmed minutes), then 위촉장 issued for one body: certificates in the file."""
    from aict_desktop.services.container import Services
    from aict_desktop.services.demo import load_demo
    from aict_desktop.store import open_store

    store = open_store(db_path, create=True)
    sv = Services(store)
    load_demo(sv)
    body = next(b for b in sv.bodies.list_bodies())
    before = _last_id(db_path)
    sv.certificates.issue(body.id)
    store.dispose()
    assert _last_id(db_path) > before
    return db_path, before


def _last_id(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT coalesce(max(id), 0) FROM accesslog").fetchone()[0]


def test_wiping_a_file_with_certificates_and_confirmed_minutes_is_tampering(demo_file):
    db, _before = demo_file
    assert aict("check", db=db).returncode == 0
    sql(db, "DELETE FROM accesslog", "DELETE FROM setting WHERE key = 'audit.anchor'")
    out = failed_with(db, WIPED)
    with sqlite3.connect(db) as conn:
        prints = conn.execute("SELECT count(*) FROM certificateprint").fetchone()[0]
        confirmed = conn.execute("SELECT count(*) FROM meeting WHERE minutes_confirmed_at IS NOT NULL").fetchone()[0]
    assert prints and confirmed
    assert _("{n} certificate prints").format(n=prints) in out and _("{n} confirmed minutes").format(n=confirmed) in out


def test_an_empty_log_without_sensitive_data_is_a_new_file_not_tampering(store, db_path):
    with store.write() as s:
        log_access(s, "export.roster", target="명단")
    store.dispose()
    sql(db_path, "DELETE FROM accesslog", "DELETE FROM setting WHERE key IN ('audit.anchor', 'audit.mac')")
    assert aict("check", db=db_path).returncode == 0


def test_cutting_the_end_after_issuing_certificates_is_caught_without_the_key(demo_file):
    """Cut the certificate.issue entries and make the anchor match: no hash computed, no key."""
    db, before = demo_file
    with sqlite3.connect(db) as conn:
        last_hash, n = conn.execute("SELECT hash, (SELECT count(*) FROM accesslog WHERE id <= ?) FROM accesslog "
                                    "WHERE id = ?", (before, before)).fetchone()
    a = anchor(db)
    sql(db, f"DELETE FROM accesslog WHERE id > {before}")
    set_anchor(db, {**a, "count": n, "last_id": before, "last_hash": last_hash})
    failed_with(db, "Certificate {serial} was printed {n} time(s), but the access log records {m}: entries were "
                    "removed from the log.")
    assert a.get("seal")
    failed_with(db, "Access log entry {id}, the last sealed one, is missing: entries at the end of the log were "
                    "removed.", env=WITH_KEY)


def test_faking_an_archive_base_is_tampering(data_file):
    """Delete the oldest entries and write an audit.base that starts the chain after them."""
    with sqlite3.connect(data_file) as conn:
        cut_id, cut_hash = conn.execute("SELECT id, hash FROM accesslog ORDER BY id LIMIT 1 OFFSET 1").fetchone()
    a = anchor(data_file)
    sql(data_file, f"DELETE FROM accesslog WHERE id <= {cut_id}",
        "INSERT INTO setting (key, value) VALUES ('audit.base', '" + json.dumps(
            {"through_id": cut_id, "hash": cut_hash, "count": 2, "at": "2020-01-01T00:00:00"}) + "')")
    set_anchor(data_file, {**a, "count": a["count"] - 2})
    failed_with(data_file, NO_ARCHIVE)  # without the key
    failed_with(data_file, NO_ARCHIVE, env=WITH_KEY)
    # and the seal, which covers the base, no longer verifies
    r = aict("check", db=data_file, env=WITH_KEY)
    assert prefix("The access log's seal does not match: the log or its archive base was changed and the hashes "
                  "recomputed, or the seal was edited.") in r.stdout


def test_editing_the_key_check_does_not_switch_the_seal_check_off(data_file):
    sql(data_file, "UPDATE setting SET value = '{\"v\": 1, \"check\": \"00\"}' WHERE key = 'audit.mac'")
    failed_with(data_file, "The access log's seal settings do not match this computer's seal key for this data "
                           "file: they were altered, or the file was sealed on another computer.", env=WITH_KEY)


def test_wiping_the_log_and_faking_a_base_is_tampering(data_file):
    sql(data_file, "DELETE FROM accesslog", "DELETE FROM setting WHERE key = 'audit.anchor'",
        "INSERT INTO setting (key, value) VALUES ('audit.base', '{\"through_id\": 9, \"hash\": \"ab\", \"count\": 9}')")
    failed_with(data_file, NO_ARCHIVE)


def test_a_recomputed_chain_passes_the_hashes_but_not_the_seal(data_file):
    """Edit an entry and recompute every hash after it (what anyone with the source can do)."""
    from aict_desktop.domain.models import AccessLog
    from aict_desktop.store.audit import GENESIS, entry_hash

    sql(data_file, "UPDATE accesslog SET subject = '다른 사람 (#9)', detail = '' WHERE id = 2")
    with sqlite3.connect(data_file) as conn:
        rows = conn.execute("SELECT id, at, os_user, db_user, program, action, target, subject, detail "
                            "FROM accesslog ORDER BY id").fetchall()
        prev = GENESIS
        for row in rows:
            e = AccessLog(id=row[0], at=dt.datetime.fromisoformat(row[1]), os_user=row[2], db_user=row[3],
                          program=row[4], action=row[5], target=row[6], subject=row[7], detail=row[8])
            h = entry_hash(e, prev)
            conn.execute("UPDATE accesslog SET prev_hash = ?, hash = ? WHERE id = ?", (prev, h, row[0]))
            prev = h
        a = json.loads(conn.execute("SELECT value FROM setting WHERE key = 'audit.anchor'").fetchone()[0])
        a["last_hash"] = prev
        a.get("seal", {})["hash"] = prev
        conn.execute("UPDATE setting SET value = ? WHERE key = 'audit.anchor'", (json.dumps(a),))
    assert aict("check", db=data_file).returncode == 0  # without the key: the chain is consistent again
    failed_with(data_file, "The access log's seal does not match: the log or its archive base was changed and the "
                           "hashes recomputed, or the seal was edited.", env=WITH_KEY)


def test_entries_written_without_a_key_still_work_and_are_named(data_file, monkeypatch):
    from aict_desktop.store import open_store

    keyring.set_keyring(keyring.backends.fail.Keyring())
    audit_mac.forget_cache()
    store = open_store(data_file)
    with store.write() as s:
        log_access(s, "export.roster", target="명단")
    store.dispose()
    r = aict("check", db=data_file, env=WITH_KEY)
    assert r.returncode == 0, r.stdout
    assert prefix("Access log: sealed up to entry {id}; the {n} entries after it were written without the seal key "
                  "and are protected by the hash chain only.") in r.stdout


def test_prune_still_works_and_its_base_passes(ring, store, db_path, tmp_path):
    old = dt.datetime(2021, 3, 1, 9, 0)
    for i in range(3):
        with store.write() as s:
            log_access(s, "personal.reveal_rrn", subject=f"옛 위원{i}", at=old + dt.timedelta(days=i))
    with store.write() as s:
        log_access(s, "personal.reveal_rrn", subject="새 위원")
    assert prune(store, dt.date(2023, 1, 1), tmp_path / "archive.csv") == 3
    assert verify_chain(store) is None and run_checks(store).ok
    store.dispose()
    r = aict("check", db=db_path, env=WITH_KEY)
    assert r.returncode == 0 and _("Access log: seal verified.") in r.stdout, r.stdout
    # the prune entry cannot be reused for a larger cut: delete one more and move the base
    with sqlite3.connect(db_path) as conn:
        nxt_id, nxt_hash = conn.execute("SELECT id, hash FROM accesslog ORDER BY id LIMIT 1").fetchone()
        base = json.loads(conn.execute("SELECT value FROM setting WHERE key = 'audit.base'").fetchone()[0])
        conn.execute("DELETE FROM accesslog WHERE id = ?", (nxt_id,))
        conn.execute("UPDATE setting SET value = ? WHERE key = 'audit.base'",
                     (json.dumps({**base, "through_id": nxt_id, "hash": nxt_hash}),))
    a = anchor(db_path)
    set_anchor(db_path, {**a, "count": a["count"] - 1})
    failed_with(db_path, NO_ARCHIVE)


def test_a_prune_entry_that_archived_young_entries_is_not_accepted(store):
    """A prune entry (written through the program's own code, so its hash is right) claiming to
    have archived entries younger than two years: the program never writes one."""
    for who in ("위원1", "위원2"):
        with store.write() as s:
            log_access(s, "personal.reveal_rrn", subject=who)
    with store.engine.begin() as conn:
        first = conn.exec_driver_sql("SELECT id, hash FROM accesslog ORDER BY id LIMIT 1").fetchone()
        conn.exec_driver_sql(f"DELETE FROM accesslog WHERE id = {first[0]}")
        conn.exec_driver_sql("INSERT INTO setting (key, value) VALUES ('audit.base', ?)",
                             (json.dumps({"through_id": first[0], "hash": first[1], "count": 1}),))
    a = json.loads(store.engine.connect().exec_driver_sql(
        "SELECT value FROM setting WHERE key = 'audit.anchor'").scalar())
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE setting SET value = ? WHERE key = 'audit.anchor'",
                             (json.dumps({**a, "count": a["count"] - 1}),))
    problem = verify_chain(store)
    assert problem and prefix(NO_ARCHIVE) in problem
    today = dt.date.today()
    with store.write() as s:
        log_access(s, "log.prune", target="a.csv", subject=f"#{first[0]}-#{first[0]}",
                   detail=f"1 entries up to {today.isoformat()} archived")
    problem = verify_chain(store)
    assert problem and prefix("Access log entry {id} archived entries younger than {years} years, which the program "
                              "never does: the beginning of the log was removed.") in problem


def test_the_new_messages_are_korean():
    for msgid in (WIPED, NO_ARCHIVE, "The access log's seal has been removed from its end marker.",
                  "Access log: seal verified."):
        assert HANGUL.search(_(msgid)), msgid


def test_the_seal_key_never_enters_the_file(data_file, ring):
    key = next(v for k, v in ring._all().items() if k.startswith(audit_mac.SERVICE))
    raw = data_file.read_bytes() + Path(str(data_file) + "-wal").read_bytes() if Path(
        str(data_file) + "-wal").exists() else data_file.read_bytes()
    assert key.encode() not in raw
    assert hashlib.sha256(key.encode()).hexdigest().encode() not in raw
