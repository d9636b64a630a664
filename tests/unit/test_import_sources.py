"""The import's sources and pace: DRM-protected files refused plainly, pasted cells checked like a file,
progress reported and 취소 honoured before the commit, and statements per chunk of rows, not per row."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlmodel import func, select

from aict_desktop.domain.models import AccessLog, Appointment, Institution, Person
from aict_desktop.i18n import _
from aict_desktop.services.import_readers import PastedText, drm_message
from aict_desktop.services.import_results import CHECKING, READING, WRITING, ImportCancelled
from aict_desktop.services.importing import ImportService

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = "성명,소속기관,직위,이메일,휴대전화,성별\n"


def counts(services) -> tuple:
    with services.store.session() as s:
        return tuple(s.exec(select(func.count()).select_from(m)).one() for m in (Institution, Person, Appointment,
                                                                                  AccessLog))


def people_csv(path: Path, n: int, *, start: int = 0) -> Path:
    rows = "".join(f"위원{i:05d},서초기관{i % 30:02d},책임연구원,p{i}@example.com,010-1234-{i % 10000:04d},"
                   f"{'남' if i % 2 else '여'}\n" for i in range(start, start + n))
    path.write_text(PEOPLE + rows, encoding="utf-8")
    return path


# --- DRM -------------------------------------------------------------------------------------------------

DRM_FILES = {
    "fasoo.xlsx": b"<## FSN 3.0 ##>\x00\x01" + os.urandom(512),
    "softcamp.xlsx": b"SCDSA004\x00\x00" + os.urandom(512),
    "ole.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le"),
    "irm.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le"),
    "fasoo.csv": b"<## FSN 3.0 ##>" + os.urandom(256),
}


@pytest.mark.parametrize("name", sorted(DRM_FILES))
def test_a_drm_protected_file_says_so_and_changes_nothing(services, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(DRM_FILES[name])
    before = counts(services)
    result = ImportService(services).run("people", path)
    assert [p.message for p in result.problems] == [drm_message()]
    assert drm_message() == _("This file is protected by DRM (DRM 보호 파일) and cannot be read. Open it in Excel, "
                              "select the cells and copy them, then use 붙여넣기 in the import wizard.")
    assert counts(services) == before


def test_an_old_xls_is_still_called_an_old_xls_not_drm(services, tmp_path):
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "Workbook".encode("utf-16-le"))
    [problem] = ImportService(services).run("institutions", old).problems
    assert problem.message != drm_message() and ".xls" in problem.message


def test_the_cli_refuses_a_drm_file_with_exit_1_and_the_plain_message(tmp_path):
    db = tmp_path / "cli.sqlite"
    assert aict("init", db=db).returncode == 0
    path = tmp_path / "명단.xlsx"
    path.write_bytes(DRM_FILES["fasoo.xlsx"])
    before = db.read_bytes()
    proc = aict("import", "people", str(path), db=db)
    assert proc.returncode == 1
    err = proc.stderr.decode("utf-8")
    assert drm_message() in err and "Traceback" not in err and proc.stdout == b""
    assert db.read_bytes() == before


# --- pasted cells ----------------------------------------------------------------------------------------

def test_pasted_cells_are_checked_exactly_like_the_same_file(services, tmp_path):
    text = "이름\t소속\t직위\t휴대폰\n홍길동\t서초구청\t주무관\t01012345678\n홍길동\t서초구청\t주무관\t010-1\n"
    path = tmp_path / "same.csv"
    path.write_text(text, encoding="utf-8")
    importer = ImportService(services)
    from_file = importer.preview("people", path)
    pasted = importer.preview("people", PastedText(text))
    assert pasted.headers == from_file.headers == ["이름", "소속", "직위", "휴대폰"]
    assert [(r.row_number, r.values) for r in pasted.rows] == [(r.row_number, r.values) for r in from_file.rows]
    assert [p.describe() for p in pasted.problems] == [p.describe() for p in from_file.problems]
    assert pasted.rows[0].values["휴대폰"] == "01012345678"
    assert {p.row_number for p in pasted.problems} == {3}  # the duplicate and the bad number: row 3


def test_pasted_cells_import_all_or_nothing(services):
    importer = ImportService(services)
    text = 'Name\tInstitution\tNote\r\n김서연\t누리대학교\t"두 줄\r\n메모"\r\n박지훈\t누리대학교\t\r\n'
    result = importer.run("people", PastedText(text))
    assert result.ok and result.rows == 2
    people = {p.name: p for p in services.roster.list_people()}
    assert set(people) == {"김서연", "박지훈"}
    with services.store.session() as s:
        assert s.exec(select(Person).where(Person.name == "김서연")).one().note == "두 줄\n메모"
        assert s.exec(select(AccessLog.target).where(AccessLog.action == "import.people")).one() == _(
            "the pasted cells")
    before = counts(services)
    assert not importer.run("people", PastedText("")).ok
    assert not importer.run("people", PastedText("아무거나\t붙여넣음\n1\t2\n")).ok  # no 성명 header
    assert counts(services) == before


# --- progress and 취소 ------------------------------------------------------------------------------------

def test_progress_goes_from_reading_through_checking_to_writing(services, tmp_path):
    path = people_csv(tmp_path / "p.csv", 2_600)
    seen = []
    result = ImportService(services).run("people", path, progress=lambda *a: seen.append(a))
    assert result.ok and result.rows == 2_600
    assert seen[0] == (READING, 0, 0)
    checks = [d for st, d, t in seen if st == CHECKING and t == 2_600]
    writes = [d for st, d, t in seen if st == WRITING and t == 2_600]
    assert checks[0] == 0 and checks[-1] == 2_600 and 500 in checks and checks == sorted(checks)
    assert writes[0] == 0 and writes[-1] == 2_600 and 1_000 in writes and writes == sorted(writes)
    assert [st for st, _d, _t in seen].index(WRITING) > [st for st, _d, _t in seen].index(CHECKING)


@pytest.mark.parametrize("stage", [CHECKING, WRITING])
def test_cancel_stops_the_import_and_changes_nothing(services, tmp_path, stage):
    path = people_csv(tmp_path / "p.csv", 3_000)
    before = counts(services)
    state = {"stop": False}

    def progress(st, done, total):
        if st == stage and done >= 1_000:
            state["stop"] = True

    with pytest.raises(ImportCancelled):
        ImportService(services).run("people", path, progress=progress, cancelled=lambda: state["stop"])
    assert counts(services) == before  # rolled back: no institution, person or access-log row
    assert ImportService(services).run("people", path).rows == 3_000  # and the file imports afterwards


def statements(services, fn) -> int:
    n = [0]

    def count(*_a):
        n[0] += 1

    engine = services.store.engine  # reads and writes (the writing engine shares its events)
    event.listen(engine, "before_cursor_execute", count)
    try:
        fn()
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return n[0]


@pytest.mark.parametrize("kind", ["people", "institutions"])
def test_writing_costs_statements_per_chunk_not_per_row(services, tmp_path, kind):
    """The 130,000-row file took 133 s: three statements and an ORM object per row. Now one INSERT per
    thousand rows: ten times the rows costs only a few more statements."""
    importer = ImportService(services)

    def make(n, start):
        if kind == "people":
            return people_csv(tmp_path / f"p{start}.csv", n, start=start)
        path = tmp_path / f"i{start}.csv"
        path.write_text("기관명,구분\n" + "".join(f"기관{i:05d},대학\n" for i in range(start, start + n)),
                        encoding="utf-8")
        return path

    small = statements(services, lambda: importer.run(kind, make(300, 0)))
    large = statements(services, lambda: importer.run(kind, make(3_000, 10_000)))
    assert counts(services)[0 if kind == "institutions" else 1] == 3_300
    assert large - small <= 6, (small, large)


# --- the command's progress line ---------------------------------------------------------------------------

def aict(*args, db: Path, stderr=subprocess.PIPE) -> subprocess.CompletedProcess:
    env = dict(os.environ, AICT_LANG="ko", PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "aict_desktop.cli", "--db", str(db), *args], cwd=ROOT, env=env,
                          stdout=subprocess.PIPE, stderr=stderr, timeout=180)


def test_the_cli_prints_a_progress_line_on_a_terminal_only(tmp_path):
    db = tmp_path / "cli.sqlite"
    assert aict("init", db=db).returncode == 0
    piped = aict("import", "people", str(people_csv(tmp_path / "a.csv", 1_200)), "--dry-run", db=db)
    assert piped.returncode == 0 and piped.stderr == b""  # not a terminal: nothing extra
    leader, follower = pty.openpty()
    try:
        tty = aict("import", "people", str(people_csv(tmp_path / "b.csv", 1_200, start=5_000)), db=db,
                   stderr=follower)
        os.close(follower)
        follower = None
        out = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed (Linux: EIO)
                break
            if not chunk:
                break
            out += chunk
    finally:
        if follower is not None:
            os.close(follower)
        os.close(leader)
    assert tty.returncode == 0
    line = out.decode("utf-8")
    assert "\r" in line and "\n" not in line.strip("\r ")  # one line, rewritten in place, then cleared
    assert _("Checking rows: {done} of {total}").format(done="1,200", total="1,200") in line
    assert _("Importing rows: {done} of {total}").format(done="1,200", total="1,200") in line
    assert line.count("\r") >= 5  # reading, checking, importing: each redrawn over the last
    assert line.endswith("\r")  # cleared before the report
    assert "1200" in tty.stdout.decode("utf-8")
    assert "\r" not in tty.stdout.decode("utf-8")  # stdout keeps only the report
