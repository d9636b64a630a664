"""Property tests: any text a user can save renders, or stops with a clear message; formulas never run.

Text is what the services accept (no control characters, their length
limits); the renderers either produce a real document (parsed back) or raise
a DomainError naming the character. Exported spreadsheets (roster .xlsx/.csv,
allowances .xlsx, the access log) never hold a formula cell, and a cell that
Excel would read as a formula (``=cmd|' /C calc'!A0``) is written as text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pypdf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aict_desktop.documents import allowances, certificate, minutes, minutes_docx, roster
from aict_desktop.documents.data import (
    AllowanceLine,
    AllowanceSheetData,
    CertificateData,
    DecisionData,
    MinutesData,
    MinutesItem,
    RosterData,
    RosterLine,
)
from aict_desktop.domain.errors import DomainError
from aict_desktop.domain.cells import is_dangerous

FORMULAS = ["=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"클릭\")", "+1+cmd|' /C notepad'!A0", "-2+3",
            "@SUM(A1:A9)", "=1+1", "＝1+1", "\t=1+1", " =2*3"]
_chars = st.characters(blacklist_categories=("Cs", "Cc"))
text = st.one_of(st.text(_chars, max_size=60), st.sampled_from(FORMULAS),
                 st.text(st.sampled_from("홍길동김이박서초구청<>&\"'=+-@ "), max_size=100))
name = st.one_of(st.text(_chars, min_size=1, max_size=30), st.sampled_from(FORMULAS))
SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _pdf_ok(data: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 1


def _render(fn, data):
    """The renderer's output, or None when it refused with a clear (DomainError) message."""
    try:
        return fn(data)
    except DomainError as err:
        assert "U+" in err.message or err.message  # names the character
        return None


def _no_live_formula(xlsx: bytes) -> None:
    ws = openpyxl.load_workbook(io.BytesIO(xlsx)).active
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.value
            if isinstance(cell.value, str):  # formula-like text is kept as text, shown without an apostrophe
                assert not is_dangerous(cell.value) or (cell.data_type == "s" and cell.quotePrefix), cell.value


def _roster(body, lines):
    return RosterData(body, dt.date(2025, 6, 5), [
        RosterLine(role, nm, inst, pos, "위촉직", dt.date(2025, 6, 1), dt.date(2027, 5, 31))
        for role, nm, inst, pos in lines
    ])


@SETTINGS
@given(name, st.lists(st.tuples(name, name, text, text), min_size=1, max_size=4))
def test_roster_any_text(body, lines):
    data = _roster(body, lines)
    pdf = _render(roster.render_pdf, data)
    if pdf is not None:
        _pdf_ok(pdf)
    _no_live_formula(roster.render_xlsx(data))
    rows = list(csv.reader(io.StringIO(roster.render_csv(data).decode("utf-8-sig"))))
    assert len(rows) == len(lines) + 1
    for row in rows:
        for cell in row:
            assert not is_dangerous(cell), cell


@SETTINGS
@given(name, st.lists(st.tuples(name, text, text, st.integers(0, 10**7)), min_size=1, max_size=4))
def test_allowances_any_text(title, lines):
    data = AllowanceSheetData(title, dt.datetime(2025, 7, 10, 14), "회의실", 150_000, [
        AllowanceLine(i, nm, inst, note, "위촉직", "출석", amount, note=note)
        for i, (nm, inst, note, amount) in enumerate(lines)
    ])
    pdf = _render(allowances.render_pdf, data)
    if pdf is not None:
        _pdf_ok(pdf)
    _no_live_formula(allowances.render_xlsx(data))


@SETTINGS
@given(name, text, text, name)
def test_certificate_any_text(person, inst, position, issuer):
    data = CertificateData("제2025-001호", person, inst, position, "서초AICT 운영위원회", "위원",
                           dt.date(2025, 6, 1), dt.date(2027, 5, 31), dt.date(2025, 6, 5), issuer)
    pdf = _render(lambda d: certificate.render([d]), data)
    if pdf is not None:
        _pdf_ok(pdf)


@SETTINGS
@given(text, st.text(_chars, max_size=3000), st.lists(name, max_size=5))
def test_minutes_any_text(title, notes, present):
    data = MinutesData(title or "회의", dt.datetime(2025, 7, 10, 14), None, "회의실", present, [], [],
                       [MinutesItem(1, "의결", title, "간사", notes, DecisionData("가결", 3, 0, 0, title))])
    pdf = _render(minutes.render_pdf, data)
    if pdf is not None:
        _pdf_ok(pdf)
    docx = _render(minutes_docx.render_docx, data)
    assert docx is None or docx[:2] == b"PK"


def test_huge_minutes_notes_render_over_pages():
    notes = "김민준 위원장: 상반기 사업 추진 현황 보고를 받겠습니다. <서초> & 구청\n" * 1500
    data = MinutesData("제1차 정기회의", dt.datetime(2025, 7, 10, 14), None, "회의실", ["홍길동"], [], [],
                       [MinutesItem(1, "보고", "현황", "간사", notes)])
    reader = pypdf.PdfReader(io.BytesIO(minutes.render_pdf(data)))
    assert len(reader.pages) > 5
    assert "<서초> & 구청" in reader.pages[1].extract_text()
