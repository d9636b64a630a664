"""Every renderer on plain data: parsed back with pypdf, python-docx and python-hwpx."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from aict_desktop.documents.data import (
    AgendaLine,
    AllowanceLine,
    AllowanceSheetData,
    AttendanceSheetData,
    DecisionData,
    MinutesData,
    MinutesItem,
    NoticeData,
    RosterData,
    RosterLine,
    SheetLine,
)
from aict_desktop.domain.errors import ValidationError

TRICKY = ["李舜臣", "<b>굵게</b>", "R&D", "똠", "햏", "뷁"]


def pdf_pages(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def pdf_text(pdf: bytes) -> str:
    return "\n".join(pdf_pages(pdf))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def in_order(text: str, parts: list[str]) -> None:
    """Each part appears, after the one before it (whitespace ignored)."""
    flat, pos = squash(text), 0
    for part in parts:
        i = flat.find(squash(part), pos)
        assert i >= 0, f"{part!r} missing or out of order in {flat[pos:pos + 300]!r}"
        pos = i + len(squash(part))


def font_problems(pdf: bytes) -> list[str]:
    """Every font of every page must be an embedded TrueType program (FontFile2)."""
    problems, seen = [], 0
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for key, ref in fonts.get_object().items():
            font = ref.get_object()
            seen += 1
            desc = font.get("/FontDescriptor")
            if desc is None or "/FontFile2" not in desc.get_object():
                problems.append(f"{key} {font.get('/BaseFont')} is not embedded TrueType")
    assert seen, "no fonts at all"
    return problems


def _roster(n: int = 3) -> RosterData:
    lines = [RosterLine("위원장", "홍길동", "서울대학교 인공지능대학원", "교수", "위촉직", dt.date(2025, 6, 12), dt.date(2027, 6, 11))]
    lines += [RosterLine("위원", TRICKY[i % len(TRICKY)], "R&D <연구소>", "책임", "위촉직", dt.date(2025, 6, 12),
                         dt.date(2027, 6, 11)) for i in range(n - 1)]
    return RosterData("서초AICT 운영위원회", dt.date(2025, 6, 12), lines)


def _minutes(draft: bool = True) -> MinutesData:
    items = [
        MinutesItem(1, "보고", "상반기 추진 현황", "사무국", "교육과정 3회 운영\n위원 의견: <기업 수요> & 조사 먼저"),
        MinutesItem(2, "의결", "AI 해커톤 개최 계획(안)", "간사", "원안 찬성 의견 다수", DecisionData("가결", 7, 1, 0, "원안 가결")),
    ]
    return MinutesData("서초AICT 운영위원회 제3차 정기회의", dt.datetime(2025, 6, 12, 14), dt.datetime(2025, 6, 12, 16),
                       "서초구청 8층", ["홍길동(서울대학교)", "李舜臣(똠햏뷁 연구소)"], ["김불참(KAIST)"], ["박배석(서초구청)"],
                       items, "", draft, "" if draft else "이간사", None if draft else dt.datetime(2025, 6, 20, 10),
                       [("위원장", "홍길동"), ("간사", "이간사")])


def test_roster_pdf_fields_in_order_and_tricky_names_print_as_themselves():
    from aict_desktop.documents import roster

    pdf = roster.render_pdf(_roster(7))
    assert font_problems(pdf) == []
    text = pdf_text(pdf)
    in_order(text, ["서초AICT 운영위원회 위원 명단", "연번", "직책", "성명", "소속", "직위", "위촉구분", "임기",
                    "1", "위원장", "홍길동", "서울대학교 인공지능대학원", "교수", "위촉직", "2025. 6. 12.~2027. 6. 11."])
    for name in TRICKY:
        assert squash(name) in squash(text), name
    assert "&amp;" not in text and "&lt;" not in text


def test_roster_csv_has_bom_and_xlsx_opens():
    from openpyxl import load_workbook

    from aict_desktop.documents import roster

    raw = roster.render_csv(_roster(3))
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["연번", "직책", "성명", "소속", "직위", "위촉구분", "임기"]
    assert rows[1][:3] == ["1", "위원장", "홍길동"]
    wb = load_workbook(io.BytesIO(roster.render_xlsx(_roster(3))))
    assert [c.value for c in wb.active[2]][:3] == ["연번", "직책", "성명"]
    assert wb.active["C3"].value == "홍길동"


def test_notice_pdf():
    from aict_desktop.documents import notice

    d = NoticeData("서초AICT 운영위원회", "서초AICT 운영위원회 제3차 정기회의", dt.datetime(2025, 6, 12, 14), None,
                   "서초구청 8층 기획상황실", [AgendaLine("보고", "추진 현황", "사무국"), AgendaLine("의결", "계획(안) <수정> & 보완")],
                   "AI정책과 (02-2155-0000)", "서초AICT 운영위원회", dt.date(2025, 6, 2))
    pdf = notice.render_pdf(d)
    assert font_problems(pdf) == []
    assert len(pdf_pages(pdf)) == 1
    in_order(pdf_text(pdf), ["회의 개최 알림", "제3차 정기회의를", "회 의 명", "일 시", "2025. 6. 12.(목) 14:00", "장 소",
                             "서초구청 8층 기획상황실", "안 건", "1. [보고] 추진 현황", "2. [의결] 계획(안) <수정> & 보완",
                             "문 의 처", "AI정책과", "2025년 6월 2일", "서초AICT 운영위원회"])


def test_attendance_sheet_repeats_header_has_signature_column_and_no_phone_numbers():
    from aict_desktop.documents import attendance_sheet

    lines = [SheetLine("서울대학교", "교수", f"위원{i:02d}", "위원") for i in range(40)]
    d = AttendanceSheetData("제3차 정기회의", dt.datetime(2025, 6, 12, 14), "서초구청", lines, blank_rows=5)
    pdf = attendance_sheet.render_pdf(d)
    assert font_problems(pdf) == []
    pages = pdf_pages(pdf)
    assert len(pages) >= 2
    for page in pages:  # the header row is repeated on every page
        in_order(page, ["연번", "소속", "직위", "성명", "서명"])
    text = "\n".join(pages)
    in_order(text, ["참석자 명부", "위원00", "위원39", "45"])  # 40 members then 5 empty numbered rows
    assert "46" not in squash(text.split("위원39")[1])
    assert not re.search(r"01[0-9]-?\d{3,4}-?\d{4}", text)


def test_minutes_pdf_draft_mark_and_confirmed():
    from aict_desktop.documents import minutes

    draft = minutes.render_pdf(_minutes(draft=True))
    assert font_problems(draft) == []
    text = pdf_text(draft)
    in_order(text, ["회의록", "회의의 명칭", "서초AICT 운영위원회 제3차 정기회의", "일시 및 장소", "2025. 6. 12.(목) 14:00~16:00",
                    "참석위원(2명)", "홍길동(서울대학교)", "李舜臣(똠햏뷁 연구소)", "불참위원(1명)", "김불참", "배석자", "박배석",
                    "안건", "1. [보고] 상반기 추진 현황", "발언 요지", "<기업 수요> & 조사 먼저", "2. [의결] AI 해커톤",
                    "결정 사항 및 표결 내용: 가결 (찬성 7명, 반대 1명, 기권 0명) — 원안 가결", "사실과 다름없음",
                    "위원장", "홍길동", "(서명)",
                    "간사", "이간사"])
    for page in pdf_pages(draft):
        assert "초안" in page or "초 안" in page
    confirmed = pdf_text(minutes.render_pdf(_minutes(draft=False)))
    assert "초안" not in confirmed and "초 안" not in confirmed
    assert "확정: 이간사" in confirmed


def test_minutes_docx_and_hwpx_open_back_with_the_text():
    import docx
    from hwpx import HwpxDocument

    from aict_desktop.documents.minutes_docx import render_docx
    from aict_desktop.documents.minutes_hwpx import render_hwpx

    d = _minutes()
    doc = docx.Document(io.BytesIO(render_docx(d)))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    in_order(text, ["회의록", "초안", "1. [보고] 상반기 추진 현황", "<기업 수요> & 조사 먼저",
                    "결정 사항 및 표결 내용: 가결 (찬성 7명, 반대 1명, 기권 0명)", "사실과 다름없음"])
    in_order(cells, ["회의의 명칭", "서초AICT 운영위원회 제3차 정기회의", "참석위원(2명)", "李舜臣(똠햏뷁 연구소)", "위원장", "홍길동"])

    h = HwpxDocument.open(render_hwpx(d))
    plain = h.text.plain()
    in_order(plain, ["회의록", "초안", "회의의 명칭", "서초AICT 운영위원회 제3차 정기회의", "참석위원(2명)", "李舜臣(똠햏뷁 연구소)",
                     "1. [보고] 상반기 추진 현황", "<기업 수요> & 조사 먼저", "결정 사항 및 표결 내용: 가결 (찬성 7명, 반대 1명, 기권 0명)",
                     "위원장", "홍길동", "(서명)"])


def test_allowances_pdf_and_xlsx_totals():
    from openpyxl import load_workbook

    from aict_desktop.documents import allowances

    lines = [
        AllowanceLine(1, "홍길동", "서울대학교", "교수", "위촉직", "출석", 200000, "2시간 초과 +50,000원", attended=True),
        AllowanceLine(2, "김공무", "서초구청", "과장", "당연직", "출석", 0, "당연직 공무원 미지급", attended=True),
        AllowanceLine(3, "서면이", "KAIST", "교수", "위촉직", "서면", 100000, "서면 참석", attended=True),
        AllowanceLine(4, "불참자", "KAIST", "교수", "위촉직", "불참", 0),
    ]
    d = AllowanceSheetData("제3차 정기회의", dt.datetime(2025, 6, 12, 14), "서초구청", 150000, lines)
    pdf = allowances.render_pdf(d)
    assert font_problems(pdf) == []
    text = pdf_text(pdf)
    in_order(text, ["참석수당 지급 조서", "150,000원", "성명", "소속·직위", "지급액", "실지급액", "홍길동", "200,000",
                    "서면이", "100,000", "합계", "2명", "300,000", "지급 총액: 금300,000원(금삼십만원)"])
    assert "불참자" not in text and "김공무" not in text  # the 조서 lists the paid; the service lists the unpaid below
    ws = load_workbook(io.BytesIO(allowances.render_xlsx(d))).active
    total = next(r for r in ws.iter_rows(values_only=True) if r[0] == "합계")
    assert total[4] == 300000 and total[9] == 300000


@pytest.mark.parametrize("render", ["roster", "minutes"])
def test_emoji_is_refused_naming_character_field_and_person(render):
    from aict_desktop.documents import minutes, roster

    if render == "roster":
        data = _roster(2)
        data.lines[1].name = "박😀수"
        call = lambda: roster.render_pdf(data)  # noqa: E731
    else:
        data = _minutes()
        data.items[0].notes = "좋아요 👍"
        call = lambda: minutes.render_pdf(data)  # noqa: E731
    with pytest.raises(ValidationError) as err:
        call()
    msg = str(err.value)
    assert "U+1F600" in msg or "U+1F44D" in msg
    if render == "roster":
        assert "😀" in msg and "박😀수" in msg


def test_long_roster_pages_have_no_blank_trailing_page():
    from aict_desktop.documents import roster

    pages = pdf_pages(roster.render_pdf(_roster(45)))
    assert len(pages) == 2
    for page in pages:
        assert "연번" in page and "위촉구분" in page  # header repeated, content on every page
