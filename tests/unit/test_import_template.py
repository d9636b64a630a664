"""The import template: its header is the importer's column list, and as saved it imports with no problem."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from aict_desktop.domain.enums import AppointmentKind, Role, Sector
from aict_desktop.services.import_columns import COLUMNS, expected_columns
from aict_desktop.services.import_template import CHOICES, build_template, column_note

TODAY = dt.date(2025, 6, 12)
CASES = [("institutions", False), ("people", False), ("people", True)]


def make_body(services, months=24):
    return services.bodies.create_body(name="서초AICT 운영위원회", kind="위원회", issuer="서울특별시 서초구청장",
                                       default_term_months=months)


def sheet_of(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).active


def refill(data: bytes, path, extra_rows: list[dict] | None = None):
    """What a user does with the template: open it, keep the header and the example row, add rows, save."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb.active
    headers = [c.value for c in ws[1]]
    for values in extra_rows or []:
        ws.append([values.get(h) for h in headers])
    wb.save(path)
    return path


@pytest.mark.parametrize("kind,appointing", CASES)
def test_header_is_the_importers_column_list(kind, appointing):
    ws = sheet_of(build_template(kind, appointing=appointing, today=TODAY))
    columns = expected_columns(kind, appointing=appointing)
    assert [c.value for c in ws[1]] == [c.header for c in columns]
    assert [c.header for c in columns] == [c.header for c in COLUMNS[kind] if appointing or not c.body_only]
    for cell, column in zip(ws[1], columns):
        assert bool(cell.font.bold) is column.required  # the required columns stand out
        assert cell.comment is not None and cell.comment.text == column_note(column)
        assert ws.column_dimensions[cell.column_letter].width >= len(column.header) * 2
    assert ws.freeze_panes == "A2"
    assert ws.max_row == 2  # the header and one example row


@pytest.mark.parametrize("kind,appointing", CASES)
def test_value_lists_are_the_accepted_values(kind, appointing):
    ws = sheet_of(build_template(kind, appointing=appointing, today=TODAY))
    columns = expected_columns(kind, appointing=appointing)
    lists = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
    expected = {}
    for i, column in enumerate(columns, start=1):
        if column.field in CHOICES:
            letter = ws.cell(row=1, column=i).column_letter
            expected[f"{letter}2:{letter}1001"] = '"{}"'.format(",".join(CHOICES[column.field]))
    assert lists == expected
    if kind == "institutions":
        assert CHOICES["sector"] == tuple(m.value for m in Sector) and len(lists) == 1
    elif appointing:
        assert len(lists) == 3  # 성별, 직책, 위촉구분


@pytest.mark.parametrize("kind,appointing", CASES)
def test_the_example_row_imports_with_no_problem(services, tmp_path, kind, appointing):
    body_id = make_body(services).id if appointing else None
    f = refill(build_template(kind, appointing=appointing), tmp_path / "양식.xlsx")
    pv = services.importing.preview(kind, f, body_id)
    assert pv.problems == [] and pv.ignored_columns == [] and len(pv.rows) == 1
    assert set(pv.columns.values()) == {c.field for c in expected_columns(kind, appointing=appointing)}
    dry = services.importing.run(kind, f, body_id, dry_run=True)  # what `aict import … --dry-run` does
    assert dry.problems == [] and dry.rows == 1
    result = services.importing.run(kind, f, body_id)
    assert result.problems == [] and result.rows == 1
    if kind == "institutions":
        [row] = [r for r in services.roster.list_institutions() if r.name == "예시대학교"]
        assert row.sector == Sector.UNIVERSITY.value and row.phone == "02-1234-5678"
    else:
        assert "홍길동" in [p.name for p in services.roster.list_people()]


def test_the_example_term_fits_the_bodys_term(services, tmp_path):
    body = make_body(services, months=12)
    f = refill(build_template("people", appointing=True, today=TODAY, term_months=12), tmp_path / "양식.xlsx")
    ws = openpyxl.load_workbook(f).active
    row = dict(zip([c.value for c in ws[1]], [c.value for c in ws[2]]))
    assert row["임기시작"].date() == TODAY and row["임기종료"].date() == dt.date(2026, 6, 11)
    assert services.importing.preview("people", f, body.id).problems == []


def test_every_listed_value_is_accepted(services, tmp_path):
    """The Excel lists offer only what the importer takes: every value, one row each, no problem."""
    body = make_body(services)
    sectors = [{"기관명": f"예시기관{i}", "구분": v} for i, v in enumerate(CHOICES["sector"])]
    f = refill(build_template("institutions"), tmp_path / "기관.xlsx", sectors)
    pv = services.importing.preview("institutions", f)
    assert pv.problems == []
    assert [r.clean["sector"] for r in pv.rows[1:]] == [Sector(v) for v in CHOICES["sector"]]
    people = [{"성명": f"예시{i}", "직책": role, "위촉구분": kind, "성별": gender}
              for i, (role, kind, gender) in enumerate(
                  (r, k, g) for r in CHOICES["role"] for k in CHOICES["kind"] for g in CHOICES["gender"])]
    f = refill(build_template("people", appointing=True), tmp_path / "위원.xlsx", people)
    pv = services.importing.preview("people", f, body.id, exception_reason="시험")
    assert [p.describe() for p in pv.problems] == []
    assert {r.clean["role"] for r in pv.rows} == set(Role)
    assert {r.clean["kind"] for r in pv.rows} == set(AppointmentKind)
    assert {r.clean["gender"].value for r in pv.rows[1:]} == set(CHOICES["gender"])
