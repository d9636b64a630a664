"""Bad files for the importer: a clear message, nothing imported, never a traceback.

Property tests feed random Unicode, huge cells, formulas and wrong types into
.csv (UTF-8, CP949) and .xlsx files; fixed cases cover wrong encodings, a
truncated workbook, a wrong header, a renamed file. A formula cell is never
evaluated, and a name that looks like a formula goes out of the exporters as
text.
"""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
from openpyxl.utils.exceptions import IllegalCharacterError
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import func, select

from aict_desktop.domain.errors import DomainError
from aict_desktop.domain.models import Institution, Person
from aict_desktop.domain.cells import is_dangerous
from aict_desktop.services.importing import ImportService
from tests.e2e.cli_helpers import aict

HEADER = ["성명", "소속기관", "직위", "이메일", "휴대전화"]
FORMULA = "=cmd|' /C calc'!A0"
_chars = st.characters(blacklist_categories=("Cs",))
cell = st.one_of(
    st.text(_chars, max_size=40),
    st.sampled_from([FORMULA, "=1+1", "@SUM(A1)", "+82 10", "-", "", " ", "홍길동", "서초구청", "<b>&amp;", "\u200b",
                     "010-1234-5678", "a@b.c", "𠀀𠀁", "\ufeff성명"]),
    st.text(st.sampled_from("가나다라마"), min_size=150, max_size=400),  # longer than any field allows
)
rows_st = st.lists(st.lists(cell, min_size=5, max_size=5), min_size=1, max_size=6)
SETTINGS = settings(max_examples=30, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _counts(services):
    with services.store.session() as s:
        return (s.exec(select(func.count()).select_from(Person)).one(),
                s.exec(select(func.count()).select_from(Institution)).one())


def _import(services, path):
    """(ok, imported rows); any exception but a DomainError fails the test."""
    before = _counts(services)
    try:
        result = ImportService(services).run("people", path)
    except DomainError as err:
        assert err.message.strip()
        assert _counts(services) == before
        return False, 0
    if result.problems:
        assert all(p.describe().strip() for p in result.problems)
        assert _counts(services) == before, "a refused file changed the data"
        return False, 0
    assert _counts(services)[0] == before[0] + result.rows
    return True, result.rows


def _write_csv(path, rows, encoding):
    buf = io.StringIO()
    csv.writer(buf).writerows([HEADER, *rows])
    path.write_bytes(buf.getvalue().encode(encoding))


@SETTINGS
@given(rows=rows_st)
def test_random_csv_utf8(services, tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("csv") / "people.csv"
    _write_csv(path, rows, "utf-8-sig")
    _import(services, path)


@SETTINGS
@given(rows=st.lists(st.lists(st.one_of(st.text(st.sampled_from("홍길동서초구청위원교수 -=@+"), max_size=30),
                                        st.just(FORMULA)), min_size=5, max_size=5), min_size=1, max_size=6))
def test_random_csv_cp949(services, tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("csv") / "people.csv"
    _write_csv(path, rows, "cp949")
    _import(services, path)


@SETTINGS
@given(rows=st.lists(st.lists(st.one_of(cell, st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                                        st.booleans(), st.dates()), min_size=5, max_size=5), min_size=1, max_size=6))
def test_random_xlsx(services, tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("xlsx") / "people.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    try:
        for r in rows:
            ws.append(r)
        wb.save(path)
    except (IllegalCharacterError, ValueError, TypeError):  # openpyxl refuses these itself: not our input
        return
    _import(services, path)


def test_formula_cells_in_xlsx_are_never_run(services, tmp_path):
    path = tmp_path / "people.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append([FORMULA, "서초구청", "=HYPERLINK(\"http://evil\",\"위원\")", "", ""])  # real formula cells
    wb.save(path)
    ok, _n = _import(services, path)
    names = {p.name for p in services.roster.list_people()}
    assert ok is False or names <= {FORMULA}  # refused, or kept as the text it was; never a computed value


def test_formula_text_from_csv_goes_out_of_the_exporters_as_text(services, tmp_path):
    path = tmp_path / "people.csv"
    _write_csv(path, [[FORMULA, "@SUM(1+1)", "+1+cmd", "", ""], ["홍길동", "서초구청", "위원", "", ""]], "utf-8-sig")
    assert _import(services, path) == (True, 2)
    body = services.bodies.create_body(name="서초AICT 운영위원회")
    for p in services.roster.list_people():
        services.appointments.appoint(p.id, body.id)
    assert FORMULA in {p.name for p in services.roster.list_people()}
    out = openpyxl.load_workbook(io.BytesIO(services.exports.roster_xlsx(body.id))).active
    cells = [c for row in out.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    kept = {c.value: c for c in cells}  # shown as typed: a text cell with the quote-prefix style, no apostrophe
    assert all(kept[v].data_type == "s" and kept[v].quotePrefix for v in (FORMULA, "@SUM(1+1)", "+1+cmd"))
    text = services.exports.roster_csv(body.id).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert any(v == "'" + FORMULA for row in rows for v in row)
    assert all(not is_dangerous(v) for row in rows for v in row)


def test_utf16_with_a_bom_is_read(services, tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes("성명,소속기관\n홍길동,서초구청\n".encode("utf-16"))  # Excel's "Unicode text"
    assert _import(services, path) == (True, 1)
    assert [p.name for p in services.roster.list_people()] == ["홍길동"]


def _assert_refused(services, path, *words):
    before = _counts(services)
    ok, _n = _import(services, path)
    assert not ok and _counts(services) == before
    r = aict("import", "people", str(path), db=services.store.path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    for w in words:
        assert w in r.stderr, r.stderr
    return r.stderr


@pytest.mark.parametrize("make, words", [
    ("utf16", []),
    ("binary", []),
    ("latin1", []),
    ("wrong_header", []),
    ("truncated_xlsx", []),
    ("xlsx_named_csv", [".xlsx"]),
    ("empty", []),
    ("huge_cell", ["성명"]),
])
def test_bad_files_are_refused_clearly(services, tmp_path, make, words):
    services.store.dispose()
    if make == "utf16":
        path = tmp_path / "people.csv"
        path.write_bytes("성명,소속기관\n홍길동,서초구청\n".encode("utf-16-le"))  # no BOM: undetectable
    elif make == "binary":
        path = tmp_path / "people.csv"
        path.write_bytes(bytes(range(256)) * 40)
    elif make == "latin1":
        path = tmp_path / "people.csv"
        path.write_bytes("성명,소속기관\n".encode("utf-8") + "Müller,Straße ÿþ\n".encode("latin-1"))
    elif make == "wrong_header":
        path = tmp_path / "people.csv"
        path.write_text("Customer,Order,Amount\n홍길동,12,3000\n", encoding="utf-8")
    elif make == "truncated_xlsx":
        full = tmp_path / "full.xlsx"
        wb = openpyxl.Workbook()
        wb.active.append(HEADER)
        wb.active.append(["홍길동", "서초구청", "위원", "", ""])
        wb.save(full)
        path = tmp_path / "people.xlsx"
        path.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    elif make == "xlsx_named_csv":
        path = tmp_path / "people.csv"
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("[Content_Types].xml", "<Types/>")
    elif make == "empty":
        path = tmp_path / "people.csv"
        path.write_bytes(b"")
    else:
        path = tmp_path / "people.csv"
        path.write_text("성명,소속기관\n" + "홍" * 100_000 + ",서초구청\n", encoding="utf-8")
    _assert_refused(services, path, *words)
