"""Import of institutions and people from .csv (UTF-8, UTF-8 BOM, CP949) and .xlsx: all or nothing."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from sqlmodel import func, select

from aict_desktop.domain.enums import AppointmentKind, Role, Sector
from aict_desktop.domain.models import AccessLog, Appointment, Institution, InstitutionMembership, Person
from aict_desktop.services.import_readers import parse_date
from aict_desktop.services.importing import ImportProblem, ImportService

ROOT = Path(__file__).resolve().parents[2]

INSTITUTIONS_CSV = (
    "기관명,구분,주소,대표전화,홈페이지,비고\n"
    "가온AI,스타트업,서울특별시 서초구 양재대로 1,02-0000-1111,https://example.com,AI 실증\n"
    "누리대학교,대학교,,,,\n"
    "R&D <센터>,연구기관,,0200001234,,이름에 특수문자\n"
)


def write_csv(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list], *, title_rows: list[list] | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in (title_rows or []) + rows:
        ws.append(r)
    wb.save(path)
    return path


def count(services, model) -> int:
    with services.store.session() as s:
        return s.exec(select(func.count()).select_from(model)).one()


def make_body(services, name="서초AICT 운영위원회", months=24):
    return services.bodies.create_body(name=name, kind="위원회", issuer="서울특별시 서초구청장",
                                       default_term_months=months)


def snapshot(services) -> tuple:
    return tuple(count(services, m) for m in (Institution, Person, Appointment, InstitutionMembership, AccessLog))


# --- good files -------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_institutions_csv_in_each_encoding(services, tmp_path, encoding):
    path = write_csv(tmp_path / f"기관_{encoding}.csv", INSTITUTIONS_CSV, encoding)
    imp = ImportService(services)
    preview = imp.preview("institutions", path)
    assert preview.problems == []
    assert preview.encoding == {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "cp949": "CP949"}[encoding]
    assert preview.headers == ["기관명", "구분", "주소", "대표전화", "홈페이지", "비고"]
    assert [r.row_number for r in preview.rows] == [2, 3, 4]

    result = imp.run("institutions", path)
    assert result.problems == [] and result.rows == 3
    rows = {r.name: r for r in services.roster.list_institutions()}
    assert set(rows) == {"가온AI", "누리대학교", "R&D <센터>"}
    assert rows["가온AI"].sector == Sector.STARTUP.value
    assert rows["가온AI"].address == "서울특별시 서초구 양재대로 1"
    assert rows["누리대학교"].sector == Sector.UNIVERSITY.value  # 대학교 → 대학
    assert rows["R&D <센터>"].phone == "0200001234"
    with services.store.session() as s:
        log = s.exec(select(AccessLog).where(AccessLog.action == "import.institutions")).one()
    assert log.target == path.name and log.detail == "3 rows"


def test_institutions_xlsx_with_body_become_members(services, tmp_path):
    body = make_body(services, "서초 AI 혁신 네트워크")
    path = write_xlsx(tmp_path / "기관.xlsx", [
        ["기관명", "구분", "대표전화"],
        ["현대자동차", "대기업", "02-0000-0001"],
        ["KAIST", "University", None],
        [None, None, None],  # a blank row in the middle is skipped
        ["서울AI허브", "공공기관", 200000002],  # a phone typed as a number keeps its leading 0
    ])
    result = ImportService(services).run("institutions", path, body_id=body.id)
    assert result.problems == [] and result.rows == 3
    members = {r.name: r for r in services.roster.list_institutions(body_id=body.id)}
    assert set(members) == {"현대자동차", "KAIST", "서울AI허브"}
    assert members["KAIST"].sector == "대학"
    assert members["서울AI허브"].phone == "0200000002"


def test_people_xlsx_with_body_appoints_everyone(services, tmp_path):
    body = make_body(services, months=24)
    services.roster.create_institution(name="서초구청", sector="공공기관")
    path = write_xlsx(tmp_path / "위원.xlsx", title_rows=[["서초AICT 운영위원회 위원 명단"], []], rows=[
        ["성명", "소속기관", "부서", "직위", "이메일", "휴대전화", "직책", "위촉구분", "임기 시작", "임기 종료", "메모란"],
        ["윤재형", "국가AI연구거점", "연구기획실", "부센터장", "jh@example.com", 1000001234, "위원장", "위촉직",
         dt.datetime(2026, 2, 12), dt.datetime(2028, 2, 11), "무시되는 열"],
        ["홍세아", "서초구청", "AI·ICT정책과", "과장", "", "010-0000-0002", "간사", "당연직", "2026. 2. 12.", None, ""],
        ["정하윤", "국가AI연구거점", "", "책임연구원", "", "", "", "", "2026/2/12", "", ""],
        ["남궁현", "", "", "교수", "", "", "위원", "", "2026.02.12", "2026-12-31", ""],
    ])
    imp = ImportService(services)
    preview = imp.preview("people", path, body_id=body.id)
    assert preview.problems == []
    assert preview.ignored_columns == ["메모란"]
    assert preview.new_institutions == ["국가AI연구거점"]
    assert [r.row_number for r in preview.rows] == [4, 5, 6, 7]  # header on row 3, under a title line

    result = imp.run("people", path, body_id=body.id)
    assert result.problems == [] and result.rows == 4 and result.ignored_columns == ["메모란"]
    appts = {a.person: a for a in services.appointments.list(body_id=body.id)}
    assert appts["윤재형"].role == Role.CHAIR.value
    assert (appts["윤재형"].term_start, appts["윤재형"].term_end) == (dt.date(2026, 2, 12), dt.date(2028, 2, 11))
    assert appts["홍세아"].kind == AppointmentKind.EX_OFFICIO.value and appts["홍세아"].term_end is None
    assert appts["정하윤"].role == Role.MEMBER.value  # default 위원
    assert appts["정하윤"].term_end == dt.date(2028, 2, 11)  # default: the body's 24 months
    assert appts["남궁현"].institution is None and appts["남궁현"].term_end == dt.date(2026, 12, 31)
    people = {p.name: p for p in services.roster.list_people()}
    assert people["윤재형"].mobile == "01000001234"
    assert people["홍세아"].institution == "서초구청"
    insts = {r.name: r for r in services.roster.list_institutions()}
    assert insts["국가AI연구거점"].sector == Sector.OTHER.value and insts["국가AI연구거점"].people == 2
    with services.store.session() as s:
        log = s.exec(select(AccessLog).where(AccessLog.action == "import.people")).one()
    assert log.target == "위원.xlsx" and log.detail == "4 rows"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp949"])
def test_people_csv_without_body(services, tmp_path, encoding):
    text = ("name,institution,department,position,e-mail,mobile,note\n"
            "김도윤,LG전자,AI연구소,상무,dy@example.com,010-0000-0003,\n"
            "김도윤,KT,AI사업본부,상무,,,동명이인\n")
    path = write_csv(tmp_path / "people.csv", text, encoding)
    result = ImportService(services).run("people", path)
    assert result.problems == [] and result.rows == 2
    assert sorted(p.institution for p in services.roster.list_people()) == ["KT", "LG전자"]
    assert count(services, Appointment) == 0


def test_formula_looking_cells_are_stored_as_text(services, tmp_path):
    csv_path = write_csv(tmp_path / "a.csv", '기관명,비고\n가온AI,"=HYPERLINK(""http://x"")"\n@SUM기관,+82 연락\n-기관,-\n',
                         "utf-8")
    assert ImportService(services).run("institutions", csv_path).problems == []
    xlsx = tmp_path / "b.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["기관명", "비고"])
    ws.append(["누리소프트", None])
    ws["B2"] = "=1+2"
    ws["B2"].data_type = "s"  # typed as text in Excel
    wb.save(xlsx)
    assert ImportService(services).run("institutions", xlsx).problems == []
    notes = {r.name: r.note for r in services.roster.list_institutions()}
    assert notes == {"가온AI": '=HYPERLINK("http://x")', "@SUM기관": "+82 연락", "-기관": "-", "누리소프트": "=1+2"}


# --- bad rows: everything reported, nothing written -----------------------------------------------


def test_bad_institution_rows_are_all_reported(services, tmp_path):
    services.roster.create_institution(name="KT", sector="대기업")
    text = ("기관명,구분,대표전화\n"
            "가온AI,스타트업,02-0000-1111\n"  # row 2 fine
            ",대기업,\n"  # row 3 no name
            "누리소프트,대기엄,\n"  # row 4 bad sector
            "가온AI,스타트업,\n"  # row 5 duplicate of row 2
            "kt,대기업,\n"  # row 6 already in the database (case ignored)
            "바른시스템,중소기업,전화없음\n")  # row 7 bad phone
    path = write_csv(tmp_path / "bad.csv", text, "cp949")
    before = snapshot(services)
    result = ImportService(services).run("institutions", path)
    assert result.rows == 0
    assert [(p.row_number, p.column) for p in result.problems] == [
        (3, "기관명"), (4, "구분"), (5, "기관명"), (6, "기관명"), (7, "대표전화")]
    texts = [p.describe() for p in result.problems]
    assert texts[1].startswith("4행 '구분': '대기엄'은 올바른 구분이 아닙니다")
    assert "2행" in texts[2]  # names the first occurrence
    assert snapshot(services) == before


def test_bad_people_rows_are_all_reported(services, tmp_path):
    body = make_body(services)
    wb_rows = [
        ["성명", "소속기관", "이메일", "직책", "임기시작", "임기종료"],
        ["윤재형", "국가AI연구거점", "jh@example.com", "위원장", "2026-02-12", ""],  # 2 fine
        ["", "서초구청", "", "", "", ""],  # 3 missing name
        ["홍세아", "서초구청", "not-an-address", "", "", ""],  # 4 bad e-mail
        ["정하윤", "ETRI", "", "회장", "2026-13-01", ""],  # 5 bad role, bad date
        ["윤재형", "국가AI연구거점", "", "", "", ""],  # 6 duplicate of row 2
        ["남궁현", "", "", "", "2026-03-01", "2026-02-01"],  # 7 end before start
    ]
    path = write_xlsx(tmp_path / "bad.xlsx", wb_rows)
    before = snapshot(services)
    result = ImportService(services).run("people", path, body_id=body.id)
    got = [(p.row_number, p.column) for p in result.problems]
    assert got == [(3, "성명"), (4, "이메일"), (5, "직책"), (5, "임기시작"), (6, "성명"), (7, "임기종료")]
    described = "\n".join(p.describe() for p in result.problems)
    assert "'not-an-address'" in described and "'2026-13-01'" in described and "'회장'" in described
    assert snapshot(services) == before


def test_dry_run_changes_nothing(services, tmp_path):
    path = write_csv(tmp_path / "a.csv", INSTITUTIONS_CSV, "utf-8")
    before = snapshot(services)
    result = ImportService(services).run("institutions", path, dry_run=True)
    assert result.problems == [] and result.rows == 3 and result.dry_run
    assert snapshot(services) == before


def test_people_already_in_the_database_are_duplicates(services, tmp_path):
    inst = services.roster.create_institution(name="KT", sector="대기업")
    services.roster.create_person(name="노경태", institution_id=inst.id)
    path = write_csv(tmp_path / "p.csv", "성명,소속기관\n노경태,KT\n노경태,LG전자\n", "utf-8")
    result = ImportService(services).run("people", path)
    assert [(p.row_number, p.column) for p in result.problems] == [(2, "성명")]
    assert "노경태(KT)" in result.problems[0].message  # names the institution too


# --- bad files: one clear message, nothing written ---------------------------------------------------


def _file_problem(services, kind, path, body_id=None) -> str:
    before = snapshot(services)
    result = ImportService(services).run(kind, path, body_id=body_id)
    assert result.rows == 0 and len(result.problems) >= 1
    assert result.problems[0].row_number is None
    assert snapshot(services) == before
    return result.problems[0].describe()


def test_empty_and_header_only_files(services, tmp_path):
    assert "비어" in _file_problem(services, "institutions", write_csv(tmp_path / "e.csv", "", "utf-8"))
    assert "데이터" in _file_problem(services, "institutions", write_csv(tmp_path / "h.csv", "기관명,구분\n", "utf-8"))
    assert "데이터" in _file_problem(services, "people", write_xlsx(tmp_path / "h.xlsx", [["성명", "소속기관"]]))


def test_truncated_xlsx(services, tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", [["기관명"], ["가온AI"]])
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert "broken.xlsx" in _file_problem(services, "institutions", broken)


def test_unreadable_encodings_and_wrong_formats(services, tmp_path):
    latin = tmp_path / "latin.csv"
    latin.write_bytes("기관명\n".encode("utf-8") + b"\x80\xff\xfe\x81\n")
    assert "CP949" in _file_problem(services, "institutions", latin)
    renamed = tmp_path / "renamed.csv"
    renamed.write_bytes(write_xlsx(tmp_path / "x.xlsx", [["기관명"], ["a"]]).read_bytes())
    assert ".xlsx" in _file_problem(services, "institutions", renamed)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0 old excel")
    assert ".xls" in _file_problem(services, "institutions", old)
    assert "missing.csv" in _file_problem(services, "institutions", tmp_path / "missing.csv")


def test_no_recognised_header_names_the_expected_columns(services, tmp_path):
    path = write_csv(tmp_path / "x.csv", "회사,분야\n가온AI,AI\n", "utf-8")
    msg = _file_problem(services, "institutions", path)
    assert "기관명/name" in msg and "구분/sector" in msg and "회사" in msg


def test_appointment_columns_need_a_body(services, tmp_path):
    path = write_csv(tmp_path / "p.csv", "성명,직책,임기시작\n윤재형,위원장,2026-02-12\n", "utf-8")
    msg = _file_problem(services, "people", path)
    assert "직책" in msg and "임기시작" in msg


def test_blank_lines_keep_excel_row_numbers(services, tmp_path):
    path = write_csv(tmp_path / "x.csv", "기관명,구분\n가온AI,스타트업\n\n\n누리,없는구분\n", "utf-8")
    result = ImportService(services).run("institutions", path)
    assert [(p.row_number, p.column) for p in result.problems] == [(5, "구분")]


def test_problem_describe_in_english():
    from aict_desktop import i18n

    i18n.install("en")
    try:
        assert ImportProblem(3, "구분", "bad").describe() == "Row 3, '구분': bad"
        assert ImportProblem(None, None, "no file").describe() == "no file"
    finally:
        i18n.install("ko")


@pytest.mark.parametrize("text,expected", [
    ("2025-06-12", dt.date(2025, 6, 12)), ("2025. 6. 12.", dt.date(2025, 6, 12)), ("2025.06.12", dt.date(2025, 6, 12)),
    ("2025/6/12", dt.date(2025, 6, 12)), ("2025년 6월 12일", dt.date(2025, 6, 12)), ("20250612", dt.date(2025, 6, 12)),
    (dt.datetime(2025, 6, 12), dt.date(2025, 6, 12)), (45820, dt.date(2025, 6, 12)), ("", None), (None, None),
])
def test_parse_date_formats(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2025-02-30", "12/6/2025", "내일", "2025-6"])
def test_parse_date_refuses(text):
    with pytest.raises(ValueError):
        parse_date(text)


# --- the command, as a subprocess -----------------------------------------------------------------------


def aict(*args, db: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, AICT_LANG="ko", PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "aict_desktop.cli", "--db", str(db), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_cli_import_bad_file_exits_1_and_changes_nothing(tmp_path):
    db = tmp_path / "cli.sqlite"
    assert aict("init", db=db).returncode == 0
    bad = write_csv(tmp_path / "bad.csv", "기관명,구분\n,대기업\n누리,대기엄\n가온,스타트업\n가온,스타트업\n", "cp949")
    before = db.read_bytes()
    proc = aict("import", "institutions", str(bad), db=db)
    assert proc.returncode == 1, proc.stderr
    assert "2행 '기관명'" in proc.stderr and "3행 '구분'" in proc.stderr and "5행 '기관명'" in proc.stderr
    assert "아무것도 가져오지 않았습니다" in proc.stderr
    listed = aict("list", "institutions", "--json", db=db)
    assert listed.returncode == 0 and listed.stdout.strip() == "[]"
    assert len(before) > 0


def test_cli_import_good_file_dry_run_then_for_real(tmp_path):
    db = tmp_path / "cli.sqlite"
    assert aict("init", db=db).returncode == 0
    good = write_csv(tmp_path / "good.csv", INSTITUTIONS_CSV, "utf-8-sig")
    dry = aict("import", "institutions", str(good), "--dry-run", db=db)
    assert dry.returncode == 0 and "3건" in dry.stdout
    assert aict("list", "institutions", "--json", db=db).stdout.strip() == "[]"
    real = aict("import", "institutions", str(good), db=db)
    assert real.returncode == 0, real.stderr
    assert '"가온AI"' in aict("list", "institutions", "--json", db=db).stdout
    again = aict("import", "institutions", str(good), db=db)  # now every row is a duplicate
    assert again.returncode == 1 and again.stderr.count("이미 등록") == 3


def test_cli_import_people_with_unknown_body_is_a_clear_error(tmp_path):
    db = tmp_path / "cli.sqlite"
    assert aict("init", db=db).returncode == 0
    path = write_csv(tmp_path / "p.csv", "성명\n윤재형\n", "utf-8")
    proc = aict("import", "people", str(path), "--body", "없는 기구", db=db)
    assert proc.returncode == 1 and "없는 기구" in proc.stderr and "Traceback" not in proc.stderr



# --- invisible and look-alike characters (issue 14, item 10), on SQLite and PostgreSQL ------------------


def test_look_alike_institutions_are_one_institution_on_every_backend(services, tmp_path):
    from aict_desktop.domain.errors import ValidationError

    lg = services.roster.create_institution(name="LG전자")
    with pytest.raises(ValidationError) as err:
        services.roster.create_institution(name="ＬＧ전자")
    assert "LG전자" in err.value.message
    with pytest.raises(ValidationError):
        services.roster.create_person(name="김\u200b철수")
    path = write_csv(tmp_path / "people.csv", "성명,소속기관\n김철수,ＬＧ전자\n이영희,LG\u200b전자\n", "utf-8")
    pv = ImportService(services).preview("people", path)
    assert [(p.row_number, p.column) for p in pv.problems] == [(3, "소속기관")]
    path = write_csv(tmp_path / "people.csv", "성명,소속기관\n김철수,ＬＧ전자\n", "utf-8")
    assert ImportService(services).run("people", path).ok
    with services.store.session() as s:
        assert [p.institution_id for p in s.exec(select(Person))] == [lg.id]
    assert count(services, Institution) == 1
