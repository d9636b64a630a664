"""접속기록: hash chain, end anchor, hand edits named by 'aict check', export, 2-year retention."""

import csv
import datetime as dt
import sqlite3

import openpyxl
import pytest

from aict_desktop.domain.errors import ValidationError
from aict_desktop.store import audit
from aict_desktop.store.audit import entries, log_access, prune, verify_chain
from aict_desktop.store.audit_export import export_log
from aict_desktop.store.integrity import run_checks
from tests.e2e.cli_helpers import aict


def _log(store, n, **kw):
    for i in range(n):
        with store.write() as s:
            log_access(s, "personal.reveal_rrn", target="주민등록번호", subject=f"위원{i} (#{i})", **kw)


def test_intact_log_passes(store):
    assert verify_chain(store) is None  # empty
    _log(store, 5)
    assert verify_chain(store) is None
    assert run_checks(store).ok


@pytest.mark.sqlite_only
def test_hand_edit_of_one_row_fails_aict_check_naming_that_entry(store, db_path):
    _log(store, 6)
    store.dispose()
    assert aict("check", db=db_path).returncode == 0
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE accesslog SET subject = '다른 사람 (#99)' WHERE id = 4")
    r = aict("check", db=db_path)
    assert r.returncode == 1
    assert "접속기록 4번" in r.stdout and "personal.reveal_rrn" in r.stdout, r.stdout


@pytest.mark.parametrize("sql, expected", [
    ("UPDATE accesslog SET detail = 'x' WHERE id = 2", "2"),
    ("UPDATE accesslog SET at = '2020-01-01 00:00:00' WHERE id = 1", "1"),
    ("DELETE FROM accesslog WHERE id = 3", "4"),  # deleted in the middle: the next entry breaks
    ("DELETE FROM accesslog WHERE id = 1", "2"),
])
def test_edits_and_deletions_name_the_first_broken_entry(store, sql, expected):
    _log(store, 5)
    with store.engine.begin() as conn:
        conn.exec_driver_sql(sql)
    problem = verify_chain(store)
    assert problem and f"접속기록 {expected}번" in problem


def test_deleting_the_last_entries_is_detected(store):
    _log(store, 5)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM accesslog WHERE id >= 4")
    assert verify_chain(store) == "접속기록의 마지막 2건이 삭제되었습니다(5번에서 끝나야 하는데 3번에서 끝납니다)."
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM accesslog")
    assert "5건이 모두 삭제" in verify_chain(store)


def test_deleting_the_tail_and_appending_again_is_still_detected(store):
    _log(store, 5)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM accesslog WHERE id = 5")
    _log(store, 1)  # SQLite may reuse id 5: the count still differs
    assert verify_chain(store)


def test_removing_or_editing_the_anchor_is_detected_for_ever(store):
    _log(store, 3)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE setting SET value = '{oops' WHERE key = 'audit.anchor'")
    assert "끝 표시" in verify_chain(store)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM setting WHERE key = 'audit.anchor'")
        conn.exec_driver_sql("DELETE FROM accesslog WHERE id = 3")
    assert "끝 표시가 없습니다" in verify_chain(store)
    _log(store, 2)  # the next append does not heal it silently
    assert "번을 기록할 때 끝 표시가 없었습니다" in verify_chain(store)


def test_export_csv_and_xlsx_neutralise_formulas_and_are_logged(store, tmp_path):
    with store.write() as s:
        log_access(s, "personal.export", target="=cmd|' /C calc'!A0", subject="@SUM(1+1)", detail="-2+3")
    n = export_log(store, tmp_path / "log.csv")
    assert n == 1
    raw = (tmp_path / "log.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Korean Excel reads UTF-8
    rows = list(csv.reader((tmp_path / "log.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["번호", "일시", "OS 사용자"]
    assert rows[1][7] == "'=cmd|' /C calc'!A0" and rows[1][8] == "'@SUM(1+1)" and rows[1][9] == "'-2+3"
    assert rows[1][6] == "개인정보 내보내기"
    assert entries(store, limit=1)[0].action == "log.export"  # the export itself is logged
    export_log(store, tmp_path / "log.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "log.xlsx").active
    cells = [c.value for c in ws[2]]
    assert cells[7] == "'=cmd|' /C calc'!A0" and ws.max_row == 3
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    with pytest.raises(ValidationError):
        export_log(store, tmp_path / "log.pdf")


def test_search_and_dates(store):
    _log(store, 3)
    assert [e.subject for e in entries(store, search="위원1")] == ["위원1 (#1)"]
    assert len(entries(store, since=dt.date.today())) == 3
    assert entries(store, until=dt.date.today() - dt.timedelta(days=1)) == []


def test_retention_refuses_less_than_two_years(store, tmp_path):
    today = dt.date(2025, 6, 5)
    with pytest.raises(ValidationError, match="2년"):
        prune(store, dt.date(2024, 1, 1), tmp_path / "a.csv", today=today)
    assert audit.retention_cutoff(dt.date(2024, 2, 29)) == dt.date(2022, 2, 28)


def test_prune_archives_old_entries_and_the_chain_still_verifies(store, tmp_path):
    old = dt.datetime(2021, 3, 1, 9, 0)
    for i in range(3):
        with store.write() as s:
            log_access(s, "personal.reveal_rrn", subject=f"옛 위원{i}", at=old + dt.timedelta(days=i))
    _log(store, 2)
    n = prune(store, dt.date(2023, 1, 1), tmp_path / "archive.csv", today=dt.date(2025, 6, 5))
    assert n == 3
    archived = (tmp_path / "archive.csv").read_text(encoding="utf-8-sig")
    assert "옛 위원0" in archived and "옛 위원2" in archived
    left = entries(store)
    assert left[0].action == "log.prune" and len(left) == 3
    assert verify_chain(store) is None
    _log(store, 1)
    assert verify_chain(store) is None
    # deleting the first entry after the archived ones is still caught
    with store.engine.begin() as conn:
        conn.exec_driver_sql(f"DELETE FROM accesslog WHERE id = {left[-1].id}")
    assert verify_chain(store)


# --- the keyed seal (audit_mac) ---------------------------------------------------------


def _anchor(store) -> dict:
    import json

    with store.engine.connect() as conn:
        return json.loads(conn.exec_driver_sql("SELECT value FROM setting WHERE key = 'audit.anchor'").scalar())


def _recompute_from(store, first_id):
    """What anyone with the file and the source can do: edit, then recompute every hash after it."""
    from aict_desktop.domain.models import AccessLog
    from aict_desktop.store.audit import GENESIS, entry_hash

    with store.engine.begin() as conn:
        conn.exec_driver_sql(f"UPDATE accesslog SET subject = '다른 사람' WHERE id = {first_id}")
    with store.write() as s:
        prev = GENESIS
        for e in s.exec(audit.select(AccessLog).order_by(AccessLog.id)):
            e.prev_hash, e.hash = prev, entry_hash(e, prev)
            prev = e.hash
            s.add(e)
        row = s.get(audit.Setting, audit.ANCHOR_KEY)
        import json

        a = json.loads(row.value)
        a["last_hash"] = prev
        a["seal"]["hash"] = prev
        row.value = json.dumps(a)
        s.add(row)


def test_each_append_moves_a_keyed_seal_and_the_key_stays_in_the_keyring(store, _isolated):
    from aict_desktop.store import audit_mac
    from aict_desktop.store.audit_verify import check_log

    _log(store, 3)
    a = _anchor(store)
    assert a["seal"]["id"] == a["last_id"] and len(a["seal"]["mac"]) == 64
    keys = [k for k in _isolated.secrets if k[0] == audit_mac.SERVICE]
    assert len(keys) == 1
    assert audit._("Access log: seal verified.") in check_log(store).notes


def test_a_recomputed_chain_is_caught_by_the_seal(store):
    _log(store, 4)
    assert verify_chain(store) is None
    _recompute_from(store, 2)
    problem = verify_chain(store)
    assert problem and problem == audit._(
        "The access log's seal does not match: the log or its archive base was changed and the hashes recomputed, "
        "or the seal was edited.")


def test_without_a_keyring_entries_are_written_unsealed_and_named(store, monkeypatch):
    import keyring
    from keyring.backends import fail

    from aict_desktop.store import audit_mac
    from aict_desktop.store.audit_verify import check_log

    _log(store, 2)
    keyring.set_keyring(fail.Keyring())
    _log(store, 2)  # still written
    report = check_log(store)
    assert not report.problems
    shown = audit._("Access log: sealed, but the seal key is not on this computer, so the seal was not checked here "
                    "(check on the computer that holds the key).")
    assert shown in report.notes
    sealed = _anchor(store)["seal"]["id"]
    assert sealed == _anchor(store)["last_id"] - 2
    audit_mac.forget_cache()


def test_a_rolled_back_first_entry_leaves_no_key_behind(store, _isolated):
    from aict_desktop.store import audit_mac

    with pytest.raises(RuntimeError):
        with store.write() as s:
            log_access(s, "personal.reveal_rrn", subject="위원")
            raise RuntimeError("a later step failed")
    assert not [k for k in _isolated.secrets if k[0] == audit_mac.SERVICE]
    _log(store, 1)
    assert verify_chain(store) is None and _anchor(store).get("seal")
