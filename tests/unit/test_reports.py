"""성과 점검 보고서: the review data, the PDF parsed back with pypdf, the .xlsx read back with openpyxl."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlmodel import select

from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import AccessLog
from tests.groups_sample import build, fixed_services

Q3 = (dt.date(2025, 7, 1), dt.date(2025, 9, 30))


@pytest.fixture
def gs(store):
    services = fixed_services(store)
    return services, build(services)


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_review_of_a_network_covers_each_group(gs):
    services, s = gs
    review = services.reports.review(s.network, *Q3)
    assert [g.name for g in review.groups] == ["AI 인재양성 분과", "AI 실증 플랫폼 분과"]
    g1 = review.groups[0]
    assert g1.lead == "김하늘" and g1.goals.startswith("주민 AI 교육")
    assert [(m.title, m.status) for m in g1.milestones] == [("AI 전문 자격 교육과정 설계", "진행")]  # 12월 milestone is outside Q3
    assert [t.title for t in g1.done] == ["교육 수요 조사"]
    assert [t.title for t in g1.open] == ["교재 초안 작성", "강사진 섭외"]
    assert [t.title for t in g1.overdue] == ["교재 초안 작성"]
    assert [t.title for t in g1.on_hold] == ["온라인 강좌 플랫폼 도입"]
    assert [p.title for p in g1.programs] == ["주민 대상 AI 특강 ①"]  # the November hackathon is outside Q3
    assert [(d.item, d.result, d.yes) for d in g1.decisions] == [("2025년 하반기 교육과정 운영계획(안)", "가결", 2)]


def test_done_tasks_count_only_when_completed_in_the_period(gs):
    services, s = gs
    review = services.reports.review(s.g1, dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    assert review.groups[0].done == []  # completed 2025-09-17, before the period
    assert [m.title for m in review.groups[0].milestones] == ["주민 AI 특강 4회"]
    assert review.groups[0].decisions == []


def test_pdf_content_parsed_back(gs):
    services, s = gs
    data = services.reports.task_report_pdf(s.network, *Q3)
    reader = PdfReader(io.BytesIO(data))
    assert data.startswith(b"%PDF") and len(reader.pages) >= 2
    text = flat(pdf_text(data))
    for expected in (
        "성과점검보고서", "서초AI혁신네트워크", "점검기간:2025.7.1.~2025.9.30.", "기준일:2025.9.17.",
        "AI인재양성분과", "AI실증플랫폼분과",
        "주민AI교육1,000명&전문자격과정<2개>개설",  # goal text, markup characters printed as themselves
        "3분기:교육과정설계",  # the execution plan
        "AI전문자격교육과정설계", "완료1건·진행중2건(지연1건)·보류1건",
        "교재초안작성", "진행(지연)", "주민대상AI특강①", "120명",
        "2025년하반기교육과정운영계획(안)", "가결(원안가결)", "찬성2·반대0·기권0",
    ):
        assert expected in text, expected
    assert "서초AI해커톤2025" not in text  # held in November, outside the period
    # the AI 실증 분과 section reports its open task and no programmes
    second = text[text.index("2.AI실증플랫폼분과"):]
    assert "실증후보과제목록" in second and "해당사항없음" in second


def test_pdf_embeds_the_nanum_fonts(gs):
    services, s = gs
    reader = PdfReader(io.BytesIO(services.reports.task_report_pdf(s.g1)))
    fonts = set()
    for page in reader.pages:
        for f in page["/Resources"]["/Font"].values():
            font = f.get_object()
            if font["/Subtype"] == "/Type1":  # ReportLab's unused initial Helvetica: no text is set in it
                continue
            fonts.add(str(font["/BaseFont"]))
            assert "/ToUnicode" in font
    assert any("NanumGothic" in f for f in fonts) and any("NanumMyeongjo" in f for f in fonts)
    assert "전체기간" in flat(pdf_text(services.reports.task_report_pdf(s.g1)))


def test_report_is_logged_in_the_access_log(gs):
    services, s = gs
    services.reports.task_report_pdf(s.g1, *Q3)
    with services.store.session() as sess:
        entry = sess.exec(select(AccessLog).order_by(AccessLog.id.desc())).first()
    assert entry.action == "export" and entry.target == "task-report pdf"
    assert entry.subject == "AI 인재양성 분과" and entry.detail == "2025-07-01~2025-09-30"


def test_xlsx_read_back(gs):
    services, s = gs
    wb = load_workbook(io.BytesIO(services.reports.task_report_xlsx(s.network, *Q3)))
    assert wb.sheetnames == ["요약", "과제", "마일스톤", "프로그램", "의결"]
    summary = [list(r) for r in wb["요약"].iter_rows(values_only=True)]
    assert summary[0][0] == "성과 점검 보고서"
    g1 = next(r for r in summary if r[0] == "AI 인재양성 분과")
    assert g1[1:11] == ["김하늘", 2, 2, 53, 1, 2, 1, 1, 1, 1]
    tasks = [list(r) for r in wb["과제"].iter_rows(min_row=2, values_only=True)]
    late = next(r for r in tasks if r[2] == "교재 초안 작성")
    assert late[4].date() == dt.date(2025, 9, 1) and late[7] == "지연"
    assert [r[2] for r in wb["프로그램"].iter_rows(min_row=2, values_only=True)] == ["주민 대상 AI 특강 ①"]


def test_formula_like_text_is_not_a_formula_in_xlsx(gs):
    services, s = gs
    services.tasks.create(title="=HYPERLINK(\"http://x\")", body_id=s.g2)
    wb = load_workbook(io.BytesIO(services.reports.task_report_xlsx(s.g2)))
    titles = [r[2] for r in wb["과제"].iter_rows(min_row=2, values_only=True)]
    assert "'=HYPERLINK(\"http://x\")" in titles


def test_unprintable_character_is_named_and_nothing_is_logged(gs):
    services, s = gs
    services.tasks.create(title="홍보 영상 🎬 제작", body_id=s.g2)
    with services.store.session() as sess:
        before = len(sess.exec(select(AccessLog)).all())
    with pytest.raises(ValidationError) as err:
        services.reports.task_report_pdf(s.g2)
    assert "U+1F3AC" in err.value.message
    with services.store.session() as sess:
        assert len(sess.exec(select(AccessLog)).all()) == before


def test_bad_period_and_missing_body(gs):
    services, s = gs
    with pytest.raises(ValidationError):
        services.reports.review(s.g1, dt.date(2025, 9, 30), dt.date(2025, 7, 1))
    with pytest.raises(NotFound):
        services.reports.task_report_pdf(9999)
