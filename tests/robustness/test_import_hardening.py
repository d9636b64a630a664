"""Hardened import of people and institutions (issue 14, items 10–12 and 14).

Invisible and look-alike characters, Excel error values and absurd dates are
refused with the row and the column; a hidden first sheet is not read; merged
cells count for every row they cover; a zip bomb is refused before it is
unpacked; reader messages are Korean and name the line.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
import zipfile

import openpyxl
import pytest
from sqlmodel import func, select

from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.models import Institution, Person
from aict_desktop.domain.text import compare_key
from aict_desktop.services.importing import ImportService


def counts(services):
    with services.store.session() as s:
        return (s.exec(select(func.count()).select_from(Person)).one(),
                s.exec(select(func.count()).select_from(Institution)).one())


def write_csv(path, rows):
    path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


# --- item 10: invisible and look-alike characters, Excel errors, absurd dates ------------------------

HIDDEN = {
    "zero-width space": "홍\u200b길동",
    "RTL mark": "홍길동\u200f",
    "LTR mark": "\u200e홍길동",
    "bidi override": "홍\u202e길동",
    "BOM": "홍\ufeff길동",
    "Hangul filler": "홍길동\u3164",
    "Hangul choseong filler": "\u115f홍길동",
    "Hangul jungseong filler": "홍\u1160길동",
    "halfwidth Hangul filler": "홍\uffa0길동",
    "tab": "홍\t길동",
    "line break": "홍\n길동",
    "bell": "홍\x07길동",
}


@pytest.mark.parametrize("what", sorted(HIDDEN))
def test_an_invisible_character_in_a_name_is_refused_with_row_and_column(services, tmp_path, what):
    path = tmp_path / "people.csv"
    path.write_text(f'성명,소속기관\n김철수,서초구청\n"{HIDDEN[what]}",서초구청\n', encoding="utf-8")
    before = counts(services)
    result = ImportService(services).run("people", path)
    assert not result.ok
    [problem] = result.problems
    assert problem.row_number == 3 and problem.column == "성명"
    code = f"U+{ord(next(c for c in HIDDEN[what] if c not in '홍길동')):04X}"
    assert code in problem.describe()
    assert counts(services) == before


def test_an_invisible_character_in_an_institution_cell_is_refused(services, tmp_path):
    path = write_csv(tmp_path / "people.csv", [["성명", "소속기관", "직위"], ["김철수", "서초\u200b구청", "과장"],
                                              ["이영희", "서초구청", "주무관\u200e"]])
    result = ImportService(services).run("people", path)
    assert [(p.row_number, p.column) for p in result.problems] == [(2, "소속기관"), (3, "직위")]
    assert counts(services) == (0, 0)


def test_an_invisible_character_in_an_institution_file_is_refused(services, tmp_path):
    path = write_csv(tmp_path / "inst.csv", [["기관명", "구분"], ["\ufeffLG전자", "대기업"]])
    result = ImportService(services).run("institutions", path)
    assert [(p.row_number, p.column) for p in result.problems] == [(2, "기관명")]
    assert counts(services) == (0, 0)


def test_the_editors_refuse_invisible_characters_on_save(services):
    roster = services.roster
    with pytest.raises(ValidationError) as err:
        roster.create_person(name="홍\u200b길동")
    assert err.value.field == "name" and "U+200B" in err.value.message
    with pytest.raises(ValidationError) as err:
        roster.create_institution(name="서초구청\u3164")
    assert err.value.field == "name" and "U+3164" in err.value.message
    p = roster.create_person(name="홍길동")
    with pytest.raises(ValidationError) as err:
        roster.update_person(p.id, {"name": "홍길\t동"})
    assert err.value.field == "name"
    with pytest.raises(ValidationError) as err:
        roster.update_person(p.id, {"position": "위원\u202e"})
    assert err.value.field == "position"
    assert roster.get_person(p.id).name == "홍길동"
    assert counts(services) == (1, 0)


def test_the_editors_refuse_a_look_alike_of_an_existing_institution(services):
    roster = services.roster
    lg = roster.create_institution(name="LG전자")
    for look_alike in ("ＬＧ전자", "lg전자", "ＬG전자"):
        with pytest.raises(ValidationError) as err:
            roster.create_institution(name=look_alike)
        assert "LG전자" in err.value.message
    other = roster.create_institution(name="삼성전자")
    with pytest.raises(ValidationError):
        roster.update_institution(other.id, {"name": "ＬＧ전자"})
    roster.update_institution(lg.id, {"name": "ＬＧ전자"})  # renaming itself to its own look-alike is fine
    assert counts(services) == (0, 2)


def test_a_full_width_institution_in_a_people_file_is_the_existing_one(services, tmp_path):
    lg = services.roster.create_institution(name="LG전자")
    path = write_csv(tmp_path / "people.csv", [["성명", "소속기관"], ["김철수", "ＬＧ전자"], ["이영희", "LG전자"]])
    service = ImportService(services)
    pv = service.preview("people", path)
    assert pv.new_institutions == []
    assert service.run("people", path).ok
    with services.store.session() as s:
        assert {p.institution_id for p in s.exec(select(Person))} == {lg.id}
    assert counts(services) == (2, 1)


def test_a_full_width_duplicate_in_an_institution_file_is_found(services, tmp_path):
    services.roster.create_institution(name="LG전자")
    path = write_csv(tmp_path / "inst.csv", [["기관명"], ["ＬＧ전자"]])
    result = ImportService(services).run("institutions", path)
    assert [p.row_number for p in result.problems] == [2]
    assert counts(services) == (0, 1)


def test_compare_key_folds_look_alikes():
    assert compare_key("ＬＧ전자") == compare_key("LG전자") == compare_key("LG\u200b전자") == compare_key(" lg전자 ")
    assert compare_key("LG전자") != compare_key("LG화학")


@pytest.mark.parametrize("error", ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!"])
def test_excel_error_values_are_refused(services, tmp_path, error):
    path = tmp_path / "people.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["성명", "소속기관", "이메일"])
    ws.append(["김철수", error, "a@b.kr"])
    ws.append(["이영희", "서초구청", error])
    wb.save(path)
    result = ImportService(services).run("people", path)
    assert [(p.row_number, p.column) for p in result.problems] == [(2, "소속기관"), (3, "이메일")]
    assert all(error in p.describe() for p in result.problems)
    assert counts(services) == (0, 0)


@pytest.mark.parametrize("value", ["0001-01-01", "1899-12-31", "9999-12-31", "2200-01-01"])
def test_absurd_dates_are_refused(services, tmp_path, value):
    body = services.bodies.create_body(name="서초AICT 운영위원회", kind="위원회", issuer="서울특별시 서초구청장",
                                       default_term_months=24)
    path = write_csv(tmp_path / "people.csv", [["성명", "임기시작", "임기종료"], ["김철수", value, "2027-06-30"]])
    result = ImportService(services).run("people", path, body_id=body.id)
    assert [(p.row_number, p.column) for p in result.problems][:1] == [(2, "임기시작")]
    assert "1900" in result.problems[0].message
    assert counts(services) == (0, 0)


def test_an_absurd_date_cell_in_xlsx_is_refused(services, tmp_path):
    body = services.bodies.create_body(name="서초AICT 운영위원회", kind="위원회", issuer="서울특별시 서초구청장",
                                       default_term_months=24)
    path = tmp_path / "people.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["성명", "임기시작", "임기종료"])
    ws.append(["김철수", dt.date(2025, 7, 1), dt.datetime(9999, 12, 31)])
    wb.save(path)
    result = ImportService(services).run("people", path, body_id=body.id)
    assert [(p.row_number, p.column) for p in result.problems] == [(2, "임기종료")]
    assert counts(services) == (0, 0)


# --- item 11: the active visible sheet, merged cells --------------------------------------------------


def test_the_active_visible_sheet_is_read_not_a_hidden_first_sheet(services, tmp_path):
    path = tmp_path / "people.xlsx"
    wb = openpyxl.Workbook()
    old = wb.active
    old.title = "옛 명단"
    old.append(["성명", "소속기관"])
    old.append(["지난해위원", "옛기관"])
    old.sheet_state = "hidden"
    other = wb.create_sheet("안내")
    other.append(["성명", "소속기관"])
    other.append(["안내예시", "예시기관"])
    current = wb.create_sheet("2025 명단")
    current.append(["성명", "소속기관"])
    current.append(["김철수", "서초구청"])
    wb.active = 2
    wb.save(path)
    service = ImportService(services)
    pv = service.preview("people", path)
    assert pv.sheet == "2025 명단"
    assert [r.values["성명"] for r in pv.rows] == ["김철수"]
    assert any("옛 명단" in n for n in pv.notes)
    result = service.run("people", path)
    assert result.ok and result.sheet == "2025 명단"
    with services.store.session() as s:
        assert [p.name for p in s.exec(select(Person))] == ["김철수"]


def test_a_hidden_active_sheet_falls_back_to_the_first_visible_one(services, tmp_path):
    path = tmp_path / "people.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "숨김"
    wb.active.append(["성명"])
    wb.active.append(["숨은사람"])
    visible = wb.create_sheet("명단")
    visible.append(["성명"])
    visible.append(["보이는사람"])
    wb.save(path)  # the active sheet (index 0) is made hidden below
    wb = openpyxl.load_workbook(path)
    wb["숨김"].sheet_state = "hidden"
    wb.active = 1
    wb.save(path)
    pv = ImportService(services).preview("people", path)
    assert pv.sheet == "명단" and [r.values["성명"] for r in pv.rows] == ["보이는사람"]


def test_a_merged_institution_cell_counts_for_every_row_it_covers(services, tmp_path):
    path = tmp_path / "people.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "위원 명단"
    ws.append(["서초AICT 위원 명단"])
    ws.merge_cells("A1:C1")  # a title merged across the columns
    ws.append(["성명", "소속기관", "직위"])
    ws.append(["김철수", "서초구청", "과장"])
    ws.append(["이영희", None, "주무관"])
    ws.append(["박민수", None, "팀장"])
    ws.append(["최지은", "누리대학교", "교수"])
    ws.append([None, None, None])
    ws.merge_cells("B3:B5")  # 서초구청 for rows 3–5
    ws.merge_cells("B6:B7")  # the otherwise blank row 7 is not a person
    wb.save(path)
    service = ImportService(services)
    pv = service.preview("people", path)
    assert pv.problems == []
    assert [(r.row_number, r.values["소속기관"]) for r in pv.rows] == [
        (3, "서초구청"), (4, "서초구청"), (5, "서초구청"), (6, "누리대학교")]
    assert service.run("people", path).ok
    with services.store.session() as s:
        by_inst = {i.id: i.name for i in s.exec(select(Institution))}
        got = sorted((p.name, by_inst[p.institution_id]) for p in s.exec(select(Person)))
    assert got == [("김철수", "서초구청"), ("박민수", "서초구청"), ("이영희", "서초구청"), ("최지은", "누리대학교")]


# --- item 12: zip bombs, huge sheets, a file full of problems ------------------------------------------


def _bomb(path, rows: int, *, cells_per_row: int = 1):
    """A real workbook whose sheet has ``rows`` rows, written as a stream: small on disk, big unpacked."""
    plain = tmp = path.with_suffix(".plain.xlsx")
    wb = openpyxl.Workbook()
    wb.active.title = "명단"
    wb.active.append(["성명"])
    wb.save(plain)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                out.writestr(item, src.read(item.filename))
                continue
            info = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
            info.compress_type = zipfile.ZIP_DEFLATED
            with out.open(info, "w", force_zip64=True) as f:
                f.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                        b'<row r="1"><c r="A1" t="inlineStr"><is><t>\xec\x84\xb1\xeb\xaa\x85</t></is></c></row>')
                chunk = []
                for n in range(2, rows + 2):
                    cells = "".join(f'<c r="{chr(65 + k)}{n}" t="inlineStr"><is><t>x</t></is></c>'
                                    for k in range(cells_per_row))
                    chunk.append(f'<row r="{n}">{cells}</row>')
                    if len(chunk) == 10_000:
                        f.write("".join(chunk).encode())
                        chunk = []
                f.write("".join(chunk).encode() + b"</sheetData></worksheet>")
    tmp.unlink()
    return path


def test_a_zip_bomb_is_refused_before_it_is_unpacked(services, tmp_path):
    import tracemalloc

    path = _bomb(tmp_path / "bomb.xlsx", 1_000_000)
    assert path.stat().st_size < 8 * 1024 * 1024
    with zipfile.ZipFile(path) as z:
        assert sum(i.file_size for i in z.infolist()) > 64 * 1024 * 1024
    tracemalloc.start()
    try:
        result = ImportService(services).run("people", path)
        _cur, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40 * 1024 * 1024, f"{peak / 1e6:.0f} MB"
    [problem] = result.problems
    assert "MB" in problem.message and problem.row_number is None
    assert counts(services) == (0, 0)


def test_a_sheet_with_too_many_rows_is_refused_with_a_clear_message(services, tmp_path, monkeypatch):
    from aict_desktop.services import import_readers, import_xlsx

    MAX_ROWS = 2_000  # the real cap is 200,000 rows: the same check, on a file made in a moment
    monkeypatch.setattr(import_readers, "MAX_ROWS", MAX_ROWS)
    monkeypatch.setattr(import_xlsx, "MAX_ROWS", MAX_ROWS)
    path = _bomb(tmp_path / "many.xlsx", MAX_ROWS + 10)
    result = ImportService(services).run("people", path)
    [problem] = result.problems
    assert "명단" in problem.message and f"{MAX_ROWS:,}" in problem.message
    assert counts(services) == (0, 0)


def test_a_csv_with_too_many_rows_is_refused(services, tmp_path, monkeypatch):
    from aict_desktop.services import import_readers

    MAX_ROWS = 2_000
    monkeypatch.setattr(import_readers, "MAX_ROWS", MAX_ROWS)
    path = tmp_path / "many.csv"
    path.write_text("성명\n" + "".join(f"사람{n}\n" for n in range(MAX_ROWS + 5)), encoding="utf-8")
    result = ImportService(services).run("people", path)
    [problem] = result.problems
    assert f"{MAX_ROWS:,}" in problem.message
    assert counts(services) == (0, 0)


def test_the_row_cap_admits_a_district_sized_file():
    """A district-wide list of 130,000 people is imported (benchmarks/bench_import.py times it), not refused."""
    from aict_desktop.services.import_readers import MAX_ROWS

    assert MAX_ROWS >= 130_000


def test_problems_stop_after_one_hundred_with_a_count(services, tmp_path, monkeypatch):
    path = tmp_path / "bad.csv"
    path.write_text("성명,이메일\n" + "".join(f"사람{n},메일아님{n}\n" for n in range(350)), encoding="utf-8")
    result = ImportService(services).run("people", path)
    assert len(result.problems) == 100 and result.more_problems == 250 and result.problem_count == 350
    assert result.problems[0].row_number == 2
    assert "250" in result.more_text()
    from tests.e2e.cli_helpers import aict

    db = tmp_path / "cli.aict"
    assert aict("init", db=db).returncode == 0
    r = aict("import", "people", str(path), db=db)
    assert r.returncode == 1
    assert r.stderr.count("행") >= 100 and "250" in r.stderr and "350" in r.stderr
    assert len(r.stderr.splitlines()) < 110


# --- item 14: reader messages with the line, never csv's English ---------------------------------------

ENGLISH = ("unexpected end of data", "field larger than field limit", "expected after", "codec", "Error")


def names_line(message: str, n: int) -> bool:
    return f"line {n}:" in message or f"{n}번째 줄" in message


def _file_message(services, path) -> str:
    result = ImportService(services).run("people", path)
    [problem] = result.problems
    assert problem.row_number is None
    assert not any(e in problem.message for e in ENGLISH), problem.message
    return problem.message


def test_an_unbalanced_quote_names_the_line_where_it_opens(services, tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text('성명,소속기관\n김철수,서초구청\n이영희,"누리대학교\n박민수,서초구청\n', encoding="utf-8")
    assert names_line(_file_message(services, path), 3)
    assert counts(services) == (0, 0)


def test_text_after_a_closing_quote_names_the_line(services, tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text('성명,소속기관\n김철수,서초구청\n이영희,"누리"대학교\n', encoding="utf-8")
    message = _file_message(services, path)
    assert names_line(message, 3)


def test_a_huge_field_names_the_line(services, tmp_path):
    path = tmp_path / "huge.csv"
    path.write_text("성명,비고\n김철수,짧음\n이영희," + "가" * 200_000 + "\n", encoding="utf-8")
    message = _file_message(services, path)
    assert names_line(message, 3)


def test_a_stray_byte_in_a_utf8_file_names_the_line_and_is_not_read_as_cp949(services, tmp_path):
    path = tmp_path / "stray.csv"
    path.write_bytes("성명,소속기관\n김철수,서초구청\n".encode() + b"\xb1\xe8,x\n" + "이영희,서초구청\n".encode())
    message = _file_message(services, path)
    assert names_line(message, 3) and "0xB1" in message
    assert counts(services) == (0, 0)


def test_a_stray_byte_in_a_cp949_file_names_the_line(services, tmp_path):
    path = tmp_path / "stray.csv"
    path.write_bytes("성명,소속기관\n김철수,서초구청\n이영희,서초구청\n".encode("cp949") + b"\xff\xff\n")
    message = _file_message(services, path)
    assert names_line(message, 4) and "0xFF" in message


def test_the_cli_reports_reader_problems_with_the_line(tmp_path):
    from tests.e2e.cli_helpers import aict

    db = tmp_path / "cli.aict"
    assert aict("init", db=db).returncode == 0
    path = tmp_path / "quote.csv"
    path.write_text('성명,소속기관\n김철수,"서초구청\n', encoding="utf-8")
    r = aict("import", "people", str(path), db=db)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert names_line(r.stderr, 2) and not any(e in r.stderr for e in ENGLISH[:3])


# --- item 6: concurrent imports of one file -------------------------------------------------------------

RACE_PEOPLE = 60
RACE_INSTITUTIONS = 6


def race_file(folder) -> Path:
    path = folder / "people.csv"
    path.write_text("성명,소속기관,직위\n" + "".join(
        f"위원{n:03d},기관{n % RACE_INSTITUTIONS},위원\n" for n in range(RACE_PEOPLE)), encoding="utf-8")
    return path


def race_worker(target: str, path: str, kind: str, barrier, results) -> None:
    """One process: read and check the file, wait until every process has, then write (the race)."""
    import traceback

    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store

    out = ("error", "did not start")
    st = None
    try:
        st = open_store(target)
        real_write, waited = st.write, []

        def write_after_everyone_checked():
            if not waited:
                waited.append(True)
                barrier.wait(timeout=120)
            return real_write()

        st.write = write_after_everyone_checked
        result = ImportService(Services(st)).run(kind, Path(path))
        out = ("ok", result.rows) if result.ok else ("refused", [p.describe() for p in result.problems])
    except BaseException:  # reported to the test, which fails on it
        out = ("error", traceback.format_exc())
    finally:
        if st is not None:
            st.dispose()
        results.put(out)


def run_race(target: str, path: Path, kind: str = "people", processes: int = 4) -> list[tuple]:
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(processes), ctx.Queue()
    procs = [ctx.Process(target=race_worker, args=(target, str(path), kind, barrier, results))
             for _ in range(processes)]
    for p in procs:
        p.start()
    outs = [results.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    return outs


def check_race(outs, store, *, people: int, institutions: int) -> None:
    errors = [o[1] for o in outs if o[0] == "error"]
    assert errors == [], errors[0] if errors else ""
    assert sorted(o[0] for o in outs) == ["ok"] + ["refused"] * (len(outs) - 1), outs
    for kind, problems in outs:
        if kind == "refused":
            assert problems and all("already registered" in p or "이미 등록" in p for p in problems), problems
    with store.session() as s:
        names = [p.name for p in s.exec(select(Person))]
        assert len(names) == len(set(names)) == people
        assert s.exec(select(func.count()).select_from(Institution)).one() == institutions


def test_concurrent_imports_of_one_file_import_everyone_once_sqlite(tmp_path):
    from aict_desktop.store import open_store

    db = tmp_path / "race.aict"
    store = open_store(db, create=True)
    try:
        check_race(run_race(str(db), race_file(tmp_path)), store, people=RACE_PEOPLE, institutions=RACE_INSTITUTIONS)
    finally:
        store.dispose()


def test_concurrent_institution_imports_sqlite(tmp_path):
    from aict_desktop.store import open_store

    db = tmp_path / "race.aict"
    path = tmp_path / "inst.csv"
    path.write_text("기관명,구분\n" + "".join(f"기관{n},대학\n" for n in range(20)), encoding="utf-8")
    store = open_store(db, create=True)
    try:
        check_race(run_race(str(db), path, "institutions", processes=3), store, people=0, institutions=20)
    finally:
        store.dispose()


def test_concurrent_cli_imports_of_one_file_sqlite(tmp_path):
    import os
    import subprocess
    import sys

    from aict_desktop.store import open_store
    from tests.e2e.cli_helpers import ROOT, aict

    db = tmp_path / "race.aict"
    assert aict("init", db=db).returncode == 0
    path = race_file(tmp_path)
    env = {**os.environ, "AICT_LANG": "ko", "PYTHONPATH": str(ROOT)}
    env.pop("AICT_DB", None)
    procs = [subprocess.Popen([sys.executable, "-m", "aict_desktop.cli", "--db", str(db), "import", "people",
                               str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                              cwd=ROOT) for _ in range(4)]
    outs = [(p.wait(timeout=180), p.stdout.read(), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    assert all("Traceback" not in err for _rc, _out, err in outs), outs
    assert sorted(rc for rc, _o, _e in outs) == [0, 1, 1, 1], outs
    store = open_store(db)
    try:
        with store.session() as s:
            names = [p.name for p in s.exec(select(Person))]
            assert len(names) == len(set(names)) == RACE_PEOPLE
    finally:
        store.dispose()


# --- item 13 (first part): the CLI names the institutions it creates, with a did-you-mean ---------------


def test_the_cli_names_new_institutions_and_a_close_existing_one(tmp_path):
    from aict_desktop.store import open_store
    from tests.e2e.cli_helpers import aict

    db = tmp_path / "cli.aict"
    assert aict("init", db=db).returncode == 0
    inst = tmp_path / "inst.csv"
    inst.write_text("기관명,구분\n서초구청,공공기관\n누리대학교,대학\n", encoding="utf-8")
    assert aict("import", "institutions", str(inst), db=db).returncode == 0
    people = tmp_path / "people.csv"
    people.write_text("성명,소속기관\n김철수,서쵸구청\n이영희,누리대학교\n박민수,가온에이아이\n", encoding="utf-8")

    r = aict("import", "people", str(people), "--dry-run", db=db, lang="en")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    head = next(i for i, line in enumerate(lines) if "New institutions that will be created (2)" in line)
    created = lines[head + 1:head + 3]
    assert "서쵸구청" in created[0] and "did you mean" in created[0] and "서초구청" in created[0]
    assert created[1].strip() == "가온에이아이"
    assert not any("누리대학교" in line for line in lines[head:head + 3])

    r = aict("import", "people", str(people), db=db, lang="en")
    assert r.returncode == 0, r.stderr
    assert "New institutions created (2)" in r.stdout and "서쵸구청" in r.stdout
    store = open_store(db)
    try:
        with store.session() as s:
            assert s.exec(select(func.count()).select_from(Institution)).one() == 4
    finally:
        store.dispose()


# --- the import wizard shows the sheet, the hidden sheets and a did-you-mean ----------------------------


def test_the_wizard_names_the_sheet_and_a_close_existing_institution(qtbot, services, tmp_path):
    from PySide6.QtCore import Qt

    from aict_desktop.ui.dialogs.import_wizard import ImportWizard
    from tests.ui.user import type_text

    services.roster.create_institution(name="서초구청")
    path = tmp_path / "people.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "옛 명단"
    wb.active.append(["성명", "소속기관"])
    wb.active.append(["옛사람", "옛기관"])
    wb.active.sheet_state = "hidden"
    ws = wb.create_sheet("올해 명단")
    ws.append(["성명", "소속기관"])
    ws.append(["김철수", "서쵸구청"])
    ws.append(["이영희", None])
    ws.merge_cells("B2:B3")
    wb.active = 1
    wb.save(path)
    dlg = ImportWizard(services, "people")
    qtbot.addWidget(dlg)
    dlg.show()
    type_text(dlg.path, str(path))
    qtbot.keyClick(dlg.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.preview_result is not None, timeout=10_000)
    text = dlg.summary.text()
    assert "올해 명단" in text and "옛 명단" in text
    assert "서쵸구청" in text and "서초구청" in text
    assert [r.values["소속기관"] for r in dlg.model.rows()] == ["서쵸구청", "서쵸구청"]
    assert dlg.import_button.isEnabled()
    qtbot.wait(200)
    dlg.grab().save(str(tmp_path / "wizard.png"))
