"""The yearly 운영현황 report as HWPX (한글): parsed back from its XML (section0.xml text, table cells, styles)
and compared with the PDF of the same data, on the hand-computed year of test_annual_report and on the demo year.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from lxml import etree

from aict_desktop.domain.errors import ValidationError
from aict_desktop.services.annual_report import AnnualReportService
from tests.e2e.cli_helpers import aict
from tests.unit.test_annual_report import build_year
from tests.unit.test_documents_render import in_order, pdf_text, squash
from tests.unit.test_minutes_office import HH, HP, NS, _hwpx_paragraphs

HC = "http://www.hancom.co.kr/hwpml/2011/core"
MM = 7200 / 25.4
DEMO_TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def report_service(services):
    return AnnualReportService(services.store, services.allowances, services.meetings,
                               today=lambda: dt.date(2026, 3, 1))


def _zip(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


def _tables(z: zipfile.ZipFile) -> list[etree._Element]:
    return etree.fromstring(z.read("Contents/section0.xml")).findall(f".//{{{HP}}}tbl")


def _cell_text(tc) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(f"{{{HP}}}t")) for p in tc.iter(f"{{{HP}}}p"))


def _grid(tbl) -> list[list[str]]:
    return [[_cell_text(tc) for tc in tr.findall("hp:tc", NS)] for tr in tbl.findall("hp:tr", NS)]


def _words(z: zipfile.ZipFile) -> list[str]:
    """The text paragraphs outside tables (the footer's page number "- N -" left out)."""
    return [p["text"] for p in _hwpx_paragraphs(z) if not p["cell"] and p["text"].strip("- ")]


def _fills(z: zipfile.ZipFile) -> dict:
    head = etree.fromstring(z.read("Contents/header.xml"))
    out = {}
    for bf in head.iter(f"{{{HH}}}borderFill"):
        brush = bf.find(".//hc:winBrush", {"hc": HC})
        out[bf.get("id")] = brush.get("faceColor") if brush is not None else "none"
    return out


def test_sections_figures_and_words_as_on_the_pdf(services, report_service):
    body = build_year(services)
    hwpx = report_service.export(2025, body.id, "hwpx")
    pdf = report_service.export(2025, body.id, "pdf")
    z = _zip(hwpx)
    words = _words(z)
    assert words[:3] == ["2025년 위원회 운영현황", "운영현황 위원회 · 2025. 12. 31. 현재", "1. 총괄"]
    in_order("\n".join(words), [  # the PDF's sections in its order, with its sentences
        "2. 운영현황 위원회 (위원회)", "가. 위원 구성", "○ 2025. 12. 31. 현재 위원 5명: 위촉직 4명, 당연직 1명",
        "○ 위촉직 성별: 남 2명, 여 2명, 미입력 0명 (여성 50.0%) — 한 성별 60% 이하 기준 충족",
        "○ 산·학·연·관: 산 2명, 학 2명, 관 1명; 직위: 위원장 1명, 위원 4명", "○ 연중 해촉·사임: 한사임(사임, 2025. 2. 1.)",
        "○ 2026년 임기 만료 예정 3명", "나. 회의 개최",
        "○ 개최 2회 (대면 1회, 서면 1회, 화상 0회); 안건 4건 (보고 1건, 심의 1건, 의결 2건); 가결 1건, 부결 1건",
        "다. 위원 출석률", "○ 출석률 40.0%; 출석률 50% 미만 해촉 검토 대상: 최위원(0.0%)", "라. 참석수당 집행",
        "○ 지급 7건 970,000원 (원천징수 85,360원); 예산 2,000,000원 대비 집행률 48.5%", "마. 과제 및 프로그램",
        "○ 과제: 연중 완료 1건, 진행 중 1건 (기한 경과 1건)", "○ 프로그램 1회: 2025. 7. 1. 해커톤 「AI 해커톤」 80명"])
    flat_pdf = squash(pdf_text(pdf))
    for w in words:  # every line of the HWPX is a line of the PDF
        assert squash(w) in flat_pdf, w
    summary, expiring, meetings, rates = _tables(z)
    rows = _grid(summary)
    assert rows[0][:3] == ["연번", "기구명", "위원 구성"] and "출석률" in rows[0] and "참석수당 집행" in rows[0]
    assert rows[2] == ["1", "운영현황 위원회", "5", "1", "4", "2", "2", "0", "50.0%", "2", "1", "1", "0", "4", "1", "1",
                       "2", "1", "1", "40.0%", "970,000", "85,360", "2,000,000", "48.5%"]
    assert len(rows) == 3  # one body: no 합계 line
    assert _grid(expiring)[1:] == [["김위원장", "위원장", "위촉직", "2026. 12. 31."], ["박위원", "위원", "위촉직", "2026. 12. 31."],
                                   ["이위원", "위원", "위촉직", "2026. 12. 31."]]
    assert _grid(meetings)[1:] == [
        ["제2차", "2025. 3. 10.", "정기", "대면", "4/5", "1", "0", "2", "1", "1", "운영현황 위원회 제2차 정기회의"],
        ["제3차", "2025. 6. 10.", "정기", "서면", "0/5", "0", "1", "0", "0", "0", "운영현황 위원회 제3차 정기회의"]]
    cells = [c for row in _grid(rates)[1:] for c in row]
    i = cells.index("최위원")
    assert cells[i:i + 5] == ["최위원", "2", "0", "0.0%", "○"]
    in_order(pdf_text(pdf), [c for row in _grid(meetings)[1:] for c in row])  # the table's cells, as the PDF has them


def test_styles_landscape_header_rows_and_metadata(services, report_service):
    body = build_year(services)
    z = _zip(report_service.export(2025, body.id, "hwpx"))
    sec = z.read("Contents/section0.xml").decode("utf-8")
    assert 'landscape="NARROWLY" width="59528" height="84189"' in sec  # A4 landscape, like the PDF
    paras = _hwpx_paragraphs(z)

    def find(start):
        return next(p for p in paras if p["text"].startswith(start))

    title = find("2025년 위원회 운영현황")
    assert title["bold"] and title["align"] == "CENTER" and title["size"] == 20
    for heading in ("1. 총괄", "2. 운영현황 위원회"):
        assert find(heading)["bold"] and find(heading)["size"] == 12 and find(heading)["align"] == "LEFT"
    assert find("가. 위원 구성")["bold"] and find("가. 위원 구성")["size"] == 10.5
    line = find("○ 개최 2회")
    assert not line["bold"] and line["size"] == 10 and not line["cell"]  # regular body text, not the heading's
    fills = _fills(z)
    summary, _expiring, meetings, _rates = _tables(z)
    assert summary.get("repeatHeader") == "1"
    head = summary.find("hp:tr", NS).findall("hp:tc", NS)
    assert all(tc.get("header") == "1" and fills[tc.get("borderFillIDRef")] not in ("none", "#FFFFFF") for tc in head)
    spans = {_cell_text(tc): (tc.find("hp:cellSpan", NS).get("rowSpan"), tc.find("hp:cellSpan", NS).get("colSpan"))
             for tc in head}
    assert spans["연번"] == ("2", "1") and spans["위원 구성"] == ("1", "3") and spans["출석률"] == ("2", "1")
    assert spans["참석수당 집행"] == ("1", "4")
    widths = [int(tc.find("hp:cellSz", NS).get("width")) for tc in summary.findall("hp:tr", NS)[1].findall("hp:tc", NS)]
    first = [int(tc.find("hp:cellSz", NS).get("width")) for tc in summary.findall("hp:tr", NS)[2].findall("hp:tc", NS)]
    assert abs(sum(first) / MM - 257) < 0.5 and len(first) == 24 and widths  # the frame of the PDF
    figure = next(p for p in paras if p["cell"] and p["text"] == "970,000")
    assert figure["align"] == "RIGHT" and not figure["bold"] and figure["size"] == 7.5
    label = next(p for p in paras if p["cell"] and p["text"] == "원천징수액")
    assert label["bold"] and label["align"] == "CENTER"
    body_cells = meetings.findall("hp:tr", NS)[1].findall("hp:tc", NS)
    assert all(fills[tc.get("borderFillIDRef")] in ("none", "#FFFFFF") for tc in body_cells)
    hpf = z.read("Contents/content.hpf").decode("utf-8")
    assert "<opf:title>2025년 위원회 운영현황 — 운영현황 위원회</opf:title>" in hpf
    assert re.search(r'name="creator" content="text">AICT 사무국<', hpf)
    assert z.read("Preview/PrvText.txt").decode("utf-8").startswith("2025년 위원회 운영현황")
    from hwpx import HwpxDocument

    assert "집행률 48.5%" in HwpxDocument.open(report_service.export(2025, body.id, "hwpx")).text.plain()  # opens back


def test_every_body_has_a_total_line(services, report_service):
    build_year(services)
    services.bodies.create_body(name="빈 위원회", issuer="서초구청장")
    z = _zip(report_service.export(2025, None, "hwpx"))
    rows = _grid(_tables(z)[0])
    assert [r[1] for r in rows[2:4]] == ["운영현황 위원회", "빈 위원회"]
    assert rows[-1][0] == "합계" and rows[-1][1:3] == ["5", "1"]  # 합계 spans 연번 and 기구명
    words = _words(z)
    assert "3. 빈 위원회 (위원회)" in words and "○ 개최 0회 (대면 0회, 서면 0회, 화상 0회); 안건 0건 (보고 0건, 심의 0건, " \
                                                "의결 0건); 가결 0건, 부결 0건" in words


def test_demo_year_hwpx_matches_the_pdf(services):
    from aict_desktop.services.demo import load_demo

    load_demo(services, today=DEMO_TODAY)
    annual = AnnualReportService(services.store, services.allowances, services.meetings, today=lambda: DEMO_TODAY)
    hwpx, pdf = annual.export(2026, None, "hwpx"), annual.export(2026, None, "pdf")
    z = _zip(hwpx)
    words = _words(z)
    text = pdf_text(pdf)
    in_order(text, words)  # the same sections in the same order, line for line
    for tbl in _tables(z)[1:]:  # and each table's cells in the PDF's order
        in_order(text, [c for row in _grid(tbl) for c in row if c])
    summary = _grid(_tables(z)[0])
    pdf_rows = {r[1]: r for r in summary[2:]}
    committee = pdf_rows["서초AICT 운영위원회"]
    assert committee[9:13] == ["2", "2", "0", "0"] and committee[17:19] == ["3", "1"]
    assert committee[19:] == ["80.0%", "3,400,000", "290,400", "7,200,000", "47.2%"]
    council = pdf_rows["서초 AI 혁신 네트워크 운영협의회"]
    assert council[9:13] == ["2", "1", "1", "0"] and council[19] == "44.4%"  # a 대면 and a 서면 meeting
    assert summary[-1][0] == "합계" and summary[-1][8:12] == ["4", "3", "1", "0"]  # (합계 spans two columns)
    assert "○ 출석률 80.0%; 출석률 50% 미만 해촉 검토 대상: 강도현(0.0%)" in words
    assert "○ 지급 23건 3,400,000원 (원천징수 290,400원); 예산 7,200,000원 대비 집행률 47.2%" in words


def test_an_unknown_format_is_refused(services, report_service):
    body = build_year(services)
    with pytest.raises(ValidationError):
        report_service.export(2025, body.id, "docx")


@pytest.mark.sqlite_only
def test_cli_writes_hwpx(services, db_path, tmp_path):
    body = build_year(services)
    out = tmp_path / "report.hwpx"
    r = aict("export", "annual-report", "--year", "2025", "--body", body.name, "--format", "hwpx", "--out", str(out),
             db=db_path)
    assert r.returncode == 0, r.stderr
    z = zipfile.ZipFile(out)
    assert z.infolist()[0].filename == "mimetype" and z.read("mimetype") == b"application/hwp+zip"
    assert "970,000" in [c for row in _grid(_tables(z)[0]) for c in row]
    r = aict("export", "annual-report", "--year", "2025", "--format", "docx", "--out", str(tmp_path / "x.docx"),
             db=db_path)
    assert r.returncode == 1 and "hwpx" in r.stderr and not (tmp_path / "x.docx").exists()
