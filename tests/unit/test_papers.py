"""The other papers of issue 16: public minutes, 참석자 명부, 위원 명단 xlsx, particles after serials."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from tests.e2e.cli_helpers import aict
from tests.unit.test_certificates import make_body
from tests.unit.test_documents_render import pdf_pages, pdf_text, squash

# -- the public version of the minutes ------------------------------------------------------------


def _meeting_with_closed_item(services):
    body, _ids = make_body(services, [("윤재형", "위원장"), "오태민", "문예린"], name="공개 위원회")
    m = services.meetings.create(body.id, starts_at=dt.datetime(2025, 9, 4, 10), place="서초구청 8층")
    open_item = services.meetings.add_item(m.id, "AI 교육 추진 현황", kind="보고", presenter="사무국")
    closed = services.meetings.add_item(m.id, "[비공개] 위원 해촉 심의", kind="심의")
    by_desc = services.meetings.add_item(m.id, "민원 처리 결과", kind="보고", description="비공개\n개인 민원")
    services.meetings.save_notes(open_item.id, "오태민 위원: 수요 조사가 먼저입니다 (연락처 010-1234-5678, "
                                             "taemin@example.com)\n문예린: 주민번호 900101-1234567 제출 건은 제외")
    services.meetings.save_notes(closed.id, "윤재형 위원장: 해촉 사유는 ○○ 건")
    services.meetings.save_notes(by_desc.id, "민원인 김민원 010-9999-8888")
    return body, m


def test_public_minutes_leave_out_closed_items_and_personal_data_and_pseudonymise(services):

    body, m = _meeting_with_closed_item(services)
    full = pdf_text(services.exports.minutes(m.id, "pdf"))
    assert "위원해촉심의" in squash(full) and "010-1234-5678" in full  # the 원본 keeps everything
    public = pdf_text(services.exports.minutes(m.id, "pdf", public=True))
    flat = squash(public)
    assert "공개용" in flat
    assert "AI교육추진현황" in flat and "수요조사가먼저입니다" in flat
    assert "위원해촉심의" not in flat and "해촉사유" not in flat  # [비공개] in the title
    assert "민원처리결과" not in flat and "김민원" not in flat  # 비공개 in the description
    assert flat.count("비공개안건") >= 2  # the numbers stay, so the agenda reads 1, 2, 3
    for secret in ("010-1234-5678", "taemin@example.com", "900101-1234567", "010-9999-8888"):
        assert secret not in public
    assert "개인정보삭제" in flat
    assert "오태민위원:" not in flat and "○○○위원:" in flat  # the body's default: speakers as ○○○ 위원
    assert "문예린:" not in flat
    assert "오태민" in flat  # the attendance list keeps the names
    services.bodies.save_rules(body.id, {"pseudonymise_public_minutes": False})
    named = squash(pdf_text(services.exports.minutes(m.id, "pdf", public=True)))
    assert "오태민위원:" in named and "010-1234-5678" not in named and "위원해촉심의" not in named


def test_public_minutes_in_docx_and_hwpx_too(services):
    import docx
    from hwpx import HwpxDocument


    _body, m = _meeting_with_closed_item(services)
    d = docx.Document(io.BytesIO(services.exports.minutes(m.id, "docx", public=True)))
    text = "\n".join(p.text for p in d.paragraphs) + "".join(c.text for t in d.tables for r in t.rows for c in r.cells)
    assert "해촉" not in text and "010-1234-5678" not in text and "공개용" in text
    assert d.core_properties.title.endswith("(공개용)")
    plain = HwpxDocument.open(services.exports.minutes(m.id, "hwpx", public=True)).text.plain()
    assert "해촉" not in plain and "taemin@example.com" not in plain and "○○○ 위원" in plain


def test_personal_data_patterns():
    from aict_desktop.services.minutes_data import is_closed_item, pseudonymise_names, remove_personal

    text = "연락처 010-1234-5678, 01098765432, 02-2155-0000, a.b@seocho.go.kr, 850505-2345678; 예산 2,000만원, 2025. 6. 12."
    out = remove_personal(text)
    for secret in ("1234-5678", "01098765432", "2155-0000", "a.b@seocho.go.kr", "850505-2345678"):
        assert secret not in out
    assert "예산 2,000만원, 2025. 6. 12." in out
    assert pseudonymise_names("홍길동 위원장: 개회. 홍길동이 아니라 홍길동님", ["홍길동"]) == \
        "○○○ 위원장: 개회. 홍길동이 아니라 홍길동님"  # a name inside a word (홍길동이) is left for the reader
    assert pseudonymise_names("김가 위원, 김가나: 동의", ["김가", "김가나"]) == "○○○ 위원, ○○○ 위원: 동의"
    assert is_closed_item("[비공개] 해촉 심의") and is_closed_item("(비공개) 건") and is_closed_item("건", "비공개")
    assert not is_closed_item("비공개 회의 운영 기준 보고") and not is_closed_item("공개 안건", "공개 원칙")


@pytest.mark.sqlite_only
def test_cli_export_minutes_public(services, db_path, tmp_path):
    _body, m = _meeting_with_closed_item(services)
    out = tmp_path / "public.pdf"
    r = aict("export", "minutes", "--meeting", str(m.id), "--public", "--out", str(out), db=db_path)
    assert r.returncode == 0, r.stderr
    text = pdf_text(out.read_bytes())
    assert "해촉" not in text and "공개용" in squash(text)
    r = aict("export", "roster", "--body", "공개 위원회", "--public", "--out", str(tmp_path / "r.pdf"), db=db_path)
    assert r.returncode != 0 and "--public" in r.stderr and not (tmp_path / "r.pdf").exists()


# -- 참석자 명부: spare rows fitted to the page -----------------------------------------------------


def _sheet(n: int, blank: int):
    from aict_desktop.documents.data import AttendanceSheetData, SheetLine

    lines = [SheetLine("서울대학교", "교수", f"위원{i:02d}", "위원") for i in range(n)]
    return AttendanceSheetData("제3차 정기회의", dt.datetime(2025, 6, 12, 14), "서초구청", lines, blank_rows=blank)


@pytest.mark.parametrize("members", [1, 12, 16, 18, 19, 20, 23, 40])
def test_attendance_sheet_spare_rows_never_stand_alone_on_a_page(members):
    import re

    from aict_desktop.documents import attendance_sheet

    pages = pdf_pages(attendance_sheet.render_pdf(_sheet(members, max(5, 12 - members))))
    assert f"위원{members - 1:02d}" in pages[-1]  # the last page carries members, not only empty rows
    numbers = [int(x) for x in re.findall(r"(?m)^\s*(\d{1,3})\s*$", "\n".join(pages))]
    assert numbers[-1] > members  # at least one spare row for a walk-in
    if members == 16:  # the 구청's usual committee: members and all 5 spare rows on one page
        assert len(pages) == 1 and numbers[-1] == 21


def test_attendance_sheet_fit_rows_rule():
    from aict_desktop.documents.attendance_sheet import fit_rows

    mm = 1.0
    row, spare = fit_rows(16, 5, 200, 250, mm)  # 18 rows of 11 fit on page 1: 21 rows need 9.5
    assert spare == 5 and 200 // row >= 21 and row <= 10
    assert fit_rows(18, 5, 200, 250, mm) == (9, 4)  # even 9 mm rows (22) cannot hold 23: fill page 1 instead
    assert fit_rows(17, 5, 180, 250, mm) == (11, 5)  # the members go on to page 2 anyway: spare rows follow them
    assert fit_rows(5, 5, 200, 250, mm) == (11, 5)


def test_attendance_sheet_names_members_missing_from_the_invitation():
    from aict_desktop.documents import attendance_sheet

    d = _sheet(3, 5)
    d.not_invited = ["홍길동(서울대학교)"]
    assert "초대명단에없는현위원:홍길동(서울대학교)" in squash(pdf_text(attendance_sheet.render_pdf(d)))


# -- 위원 명단 xlsx -------------------------------------------------------------------------------


def test_roster_xlsx_dates_filter_print_setup_and_quote_prefix():
    from openpyxl import load_workbook

    from aict_desktop.documents import roster
    from tests.unit.test_documents_render import _roster

    d = _roster(4)
    d.lines[1].institution = "=HYPERLINK(\"http://x\",\"y\")"
    d.lines[2].term_end = None
    wb = load_workbook(io.BytesIO(roster.render_xlsx(d)))
    ws = wb.active
    assert [c.value for c in ws[2]] == ["연번", "직책", "성명", "소속", "직위", "위촉구분", "임기 시작", "임기 종료"]
    start, end = ws["G3"], ws["H3"]
    assert start.is_date and start.value.date() == dt.date(2025, 6, 12) and end.value.date() == dt.date(2027, 6, 11)
    assert "yy" in start.number_format and "d" in start.number_format
    assert ws["H5"].value is None  # an open term: no end date, not a text
    assert ws["A3"].value == 1  # 연번 is a number
    assert ws.auto_filter.ref == "A2:H6"
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$1:$2"
    formula = ws["D4"]
    assert formula.value == "=HYPERLINK(\"http://x\",\"y\")" and formula.data_type == "s" and formula.quotePrefix
    assert not str(formula.value).startswith("'")  # no visible apostrophe
    assert all(ws.cell(3, c).alignment.wrap_text for c in range(1, 9))
    assert ws.column_dimensions["D"].width >= 20 > ws.column_dimensions["A"].width


def test_roster_pdf_columns_keep_words_whole():
    from aict_desktop.documents import roster
    from tests.unit.test_documents_render import _roster

    d = _roster(3)
    d.lines[1].institution = "한국전자통신연구원(ETRI) 인공지능연구소"
    d.lines[2].position = "책임연구원(PL)"
    text = pdf_text(roster.render_pdf(d))
    assert "한국전자통신연구원(ETRI)" in text and "책임연구원(PL)" in text  # not "(E" / "TRI)" on two lines


# -- particles and brackets ---------------------------------------------------------------------


@pytest.mark.parametrize("word,which,expected", [
    ("제2026-003호", "을", "제2026-003호를"), ("제2026-003호", "이", "제2026-003호가"),
    ("위촉장", "를", "위촉장을"), ("해커톤 계획(안)", "을", "해커톤 계획(안)을"), ("회의", "은", "회의는"),
    ("2026", "은", "2026은"), ("2025", "이", "2025가"), ("10", "으로", "10으로"), ("서울", "으로", "서울로"),
    ("간사", "으로", "간사로"), ("위원장", "로", "위원장으로"), ("ETRI", "와", "ETRI와"), ("HTML", "으로", "HTML로"),
    ("KAIST", "이", "KAIST가"), ("홍길동(서초구청)", "과", "홍길동(서초구청)과"), ("★", "을", "★을(를)"),
])
def test_particle_follows_the_last_sound(word, which, expected):
    from aict_desktop.domain.hangul import particle

    assert particle(word, which) == expected


def test_minutes_nest_brackets_the_korean_way():
    from aict_desktop.documents import minutes
    from aict_desktop.documents.data import ActionData, MinutesItem

    assert minutes.bracket("이해관계") == "(이해관계)"
    assert minutes.bracket("담당: 홍길동(서초구청)") == "[담당: 홍길동(서초구청)]"
    a = ActionData("의견 수렴", "홍길동(서초구청)", dt.date(2025, 7, 1))
    assert minutes.action_text(a) == "- 의견 수렴 [담당: 홍길동(서초구청), 기한: 2025. 7. 1.]"
    assert minutes.action_text(ActionData("보고서 작성", "", dt.date(2025, 7, 1))) == "- 보고서 작성 (기한: 2025. 7. 1.)"
    it = MinutesItem(2, "의결", "해커톤 계획(안)", "사무국(AI정책과)")
    assert minutes.item_heading(it) == "2. [의결] 해커톤 계획(안) [발표: 사무국(AI정책과)]"
    assert "((" not in minutes.item_heading(it) and "))" not in minutes.action_text(a)
