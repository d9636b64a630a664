"""참여기관 명단: who takes part on the day (one rule), by sector, as PDF and .xlsx read back."""

from __future__ import annotations

import datetime as dt
import io
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from aict_desktop.documents.participants import render
from aict_desktop.domain.rules import takes_part_on

DAY = dt.date(2026, 3, 2)


@pytest.mark.parametrize("joined, left, expected", [
    (None, None, True), (DAY, None, True), (DAY + dt.timedelta(days=1), None, False),
    (None, DAY, False), (None, DAY + dt.timedelta(days=1), True),  # left_on: the first day out
])
def test_takes_part_on(joined, left, expected):
    assert takes_part_on(SimpleNamespace(joined_on=joined, left_on=left), DAY) is expected


def network(services):
    body = services.bodies.create_body(name="서초 AI 혁신 네트워크", issuer="서울특별시 서초구청장", kind="네트워크")
    made = {}
    for name, sector in (("서울대학교", "대학"), ("KT", "대기업"), ("서초구청", "공공기관"), ("가온AI & <Lab>", "스타트업"),
                         ("떠난연구원", "연구기관"), ("숭실대학교", "대학")):
        made[name] = services.roster.create_institution(name=name, sector=sector)
    for name, inst in made.items():
        services.roster.add_membership(inst.id, body.id, joined_on=dt.date(2025, 6, 5),
                                       role="간사기관" if name == "서초구청" else "참여기관")
    leaving = next(m for m in services.roster.memberships(body_id=body.id) if m.institution_id == made["떠난연구원"].id)
    services.roster.end_membership(leaving.id, dt.date.today())
    return body


def test_lines_by_sector_then_name_without_those_who_left(services):
    body = network(services)
    lines = services.roster.participants(body.id)
    assert [(ln.sector, ln.name) for ln in lines] == [
        ("대기업", "KT"), ("스타트업", "가온AI & <Lab>"), ("대학", "서울대학교"), ("대학", "숭실대학교"), ("공공기관", "서초구청")]
    assert [ln.role for ln in lines if ln.name == "서초구청"] == ["간사기관"]
    assert services.roster.list_institutions(body_id=body.id) and "떠난연구원" not in [
        r.name for r in services.roster.list_institutions(body_id=body.id)]  # the same rule on the page


def test_pdf_and_xlsx(services):
    body = network(services)
    lines = services.roster.participants(body.id)
    pdf = render(body.name, lines, "pdf", DAY)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "서초 AI 혁신 네트워크 참여기관 명단" in text and "5개 기관" in text and "대학 2" in text
    assert "가온AI & <Lab>" in text
    ws = load_workbook(io.BytesIO(render(body.name, lines, "xlsx", DAY))).active
    assert [c.value for c in ws[2]] == ["연번", "구분", "기관명", "역할", "참여일", "비고"]
    assert ws.cell(3, 3).value == "KT" and ws.cell(3, 5).value == dt.datetime(2025, 6, 5)
    assert ws.cell(3, 5).number_format == "yyyy. m. d." and ws.print_title_rows == "$2:$2"


@pytest.mark.sqlite_only  # the CLI runs on the SQLite data file
def test_cli(services, db_path, tmp_path):
    from aict_desktop.cli import main

    body = network(services)
    out = tmp_path / "참여기관.pdf"
    assert main(["--db", str(db_path), "export", "institutions", "--body", str(body.id), "--out", str(out)]) == 0
    assert "숭실대학교" in "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert main(["--db", str(db_path), "export", "institutions", "--out", str(tmp_path / "x.pdf")]) == 1  # no --body

