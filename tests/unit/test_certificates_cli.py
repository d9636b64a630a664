"""``aict certificates`` and ``aict list certificates`` as real processes; serials under concurrent issuing."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from tests.e2e.cli_helpers import ROOT, aict, aict_json
from tests.unit.test_certificates import make_body, register_counts
from tests.unit.test_documents_render import font_problems, pdf_pages

WORKER = """
import sys, datetime as dt
from aict_desktop.store import open_store
from aict_desktop.services.container import Services
sv = Services(open_store(sys.argv[1]))
for aid in sys.argv[3:]:
    sv.certificates.issue(int(sys.argv[2]), [int(aid)], on=dt.date(2025, 6, 12))
sv.store.dispose()
"""


def test_serials_stay_unique_when_several_processes_issue_at_once(services):
    body, ids = make_body(services, [f"위원{i:02d}" for i in range(16)])
    chunks = [ids[i::4] for i in range(4)]
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, services.store.url, str(body.id), *map(str, chunk)],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for chunk in chunks]
    for p in procs:
        _out, err = p.communicate(timeout=180)
        assert p.returncode == 0, err
    rows = services.certificates.list(body.id)
    assert sorted(r.seq for r in rows) == list(range(1, 17))
    assert len({r.serial for r in rows}) == 16
    assert sorted(r.appointment_id for r in rows) == sorted(ids)


@pytest.mark.sqlite_only  # the CLI runs on the SQLite data file
def test_cli_issue_reprint_void_and_list(services, db_path, tmp_path):
    body, ids = make_body(services, [("홍길동", "위원장"), "김위원", "李舜臣"])
    out = tmp_path / "위촉장.pdf"
    r = aict("certificates", "issue", "--body", body.name, "--appointment", str(ids[0]), "--appointment", str(ids[1]),
             "--out", str(out), db=db_path)
    assert r.returncode == 0, r.stderr
    assert "제" in r.stdout and len(pdf_pages(out.read_bytes())) == 2
    assert font_problems(out.read_bytes()) == []
    r = aict("certificates", "issue", "--body", str(body.id), "--out", str(tmp_path / "rest.pdf"), db=db_path)
    assert r.returncode == 0, r.stderr
    rows = aict_json("list", "certificates", "--body", body.name, db=db_path)
    assert [(x["serial"], x["person"], x["role"], x["issued_on"], x["status"]) for x in rows][0][:3] == \
        ("제" + str(dt.date.today().year) + "-001호", "홍길동", "위원장")
    assert {"serial", "person", "body", "role", "issued_on", "status"} <= set(rows[0])
    serial = rows[2]["serial"]
    r = aict("certificates", "reprint", serial, "--out", str(tmp_path / "re.pdf"), db=db_path)
    assert r.returncode == 0, r.stderr
    assert serial in pdf_pages((tmp_path / "re.pdf").read_bytes())[0]
    r = aict("certificates", "void", serial, "--reason", "오기", db=db_path)
    assert r.returncode == 0, r.stderr
    assert aict_json("list", "certificates", db=db_path)[2]["status"] == "폐기"


@pytest.mark.sqlite_only  # the CLI runs on the SQLite data file
def test_cli_bad_input_exits_1_and_records_nothing(services, db_path, tmp_path):
    body, ids = make_body(services, ["홍길동", "박😀수"])
    before = register_counts(services.store)
    r = aict("certificates", "issue", "--body", body.name, "--out", str(tmp_path / "x.pdf"), db=db_path)
    assert r.returncode == 1 and "U+1F600" in r.stderr and "박😀수" in r.stderr
    r = aict("certificates", "issue", "--body", body.name, "--appointment", str(ids[0]),
             "--out", str(tmp_path / "no" / "such" / "x.pdf"), db=db_path)
    assert r.returncode == 1 and "no" in r.stderr
    r = aict("certificates", "issue", "--body", "없는 기구", "--out", str(tmp_path / "x.pdf"), db=db_path)
    assert r.returncode == 1
    r = aict("certificates", "reprint", "2025-abc", "--out", str(tmp_path / "x.pdf"), db=db_path)
    assert r.returncode == 1
    assert register_counts(services.store) == before
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.sqlite_only  # the CLI runs on the SQLite data file
def test_cli_issue_date_and_the_seal_warning(services, db_path, tmp_path):
    body, _ids = make_body(services, ["홍길동", "김위원"])
    before = register_counts(services.store)
    for bad in ("2026-02-30", "내일", "2026/03/02"):
        r = aict("certificates", "issue", "--body", body.name, "--date", bad, "--out", str(tmp_path / "x.pdf"),
                 db=db_path)
        assert r.returncode == 1 and bad in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert register_counts(services.store) == before and not (tmp_path / "x.pdf").exists()
    out = tmp_path / "위촉장.pdf"
    r = aict("certificates", "issue", "--body", body.name, "--date", "2026-02-27", "--out", str(out), db=db_path)
    assert r.returncode == 0, r.stderr
    assert "2026년 2월 27일" in pdf_pages(out.read_bytes())[0]
    assert "직인" in r.stderr and body.name in r.stderr  # no seal: stamp by hand
    rows = aict_json("list", "certificates", "--body", body.name, db=db_path)
    assert [x["issued_on"] for x in rows] == ["2026-02-27", "2026-02-27"]
    assert [x["serial"] for x in rows] == ["제2026-001호", "제2026-002호"]
    assert not list(tmp_path.glob(".*.part"))


@pytest.mark.sqlite_only  # the CLI runs on the SQLite data file
def test_cli_preview_writes_a_marked_pdf_and_records_nothing(services, db_path, tmp_path):
    body, ids = make_body(services, ["홍길동", "김위원"])
    before = register_counts(services.store)
    out = tmp_path / "미리보기.pdf"
    r = aict("certificates", "preview", "--body", body.name, "--appointment", str(ids[1]), "--date", "2026-03-02",
             "--out", str(out), db=db_path)
    assert r.returncode == 0, r.stderr
    (page,) = pdf_pages(out.read_bytes())
    assert "미리보기 — 발급되지 않음" in page and "제2026-    호" in page and "김위원" in page
    assert register_counts(services.store) == before
    r = aict("certificates", "preview", "--body", body.name, "--date", "x", "--out", str(out), db=db_path)
    assert r.returncode == 1
