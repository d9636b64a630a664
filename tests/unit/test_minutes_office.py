"""The 회의록 as HWPX and DOCX files a 구청 edits, and the PDF's last page: parsed back from their XML."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from lxml import etree

from tests.unit.test_documents_render import _minutes, pdf_pages, squash

HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
HH = "http://www.hancom.co.kr/hwpml/2011/head"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"hp": HP, "hh": HH, "w": W}


# -- HWPX -------------------------------------------------------------------------------------------


def _hwpx(d=None):
    from aict_desktop.documents.minutes_hwpx import render_hwpx

    return zipfile.ZipFile(io.BytesIO(render_hwpx(d or _minutes())))


def _hwpx_paragraphs(z: zipfile.ZipFile) -> list[dict]:
    """Each body paragraph with text: its alignment, size (pt), bold, and whether it is in a table cell."""
    head = etree.fromstring(z.read("Contents/header.xml"))
    align = {p.get("id"): p.find("hh:align", NS).get("horizontal") for p in head.iter(f"{{{HH}}}paraPr")}
    indent = {}
    for p in head.iter(f"{{{HH}}}paraPr"):
        left = p.find(".//hc:left", {"hc": "http://www.hancom.co.kr/hwpml/2011/core"})
        indent[p.get("id")] = int(left.get("value")) if left is not None else 0
    chars = {c.get("id"): (int(c.get("height")) / 100, c.find("hh:bold", NS) is not None)
             for c in head.iter(f"{{{HH}}}charPr")}
    sec = etree.fromstring(z.read("Contents/section0.xml"))
    out = []
    for p in sec.iter(f"{{{HP}}}p"):
        runs = p.findall("hp:run", NS)
        text = "".join(t.text or "" for r in runs for t in r.findall("hp:t", NS))
        if not text.strip():
            continue
        styles = {chars[r.get("charPrIDRef")] for r in runs if r.findall("hp:t", NS)}
        assert len(styles) == 1, (text, styles)
        size, bold = styles.pop()
        in_cell = any(a.tag == f"{{{HP}}}tc" for a in p.iterancestors())
        out.append({"text": text, "align": align[p.get("paraPrIDRef")], "size": size, "bold": bold,
                    "cell": in_cell, "indent": indent[p.get("paraPrIDRef")]})
    return out


def _find(paras, start: str) -> dict:
    return next(p for p in paras if p["text"].startswith(start))


def test_hwpx_paragraphs_have_their_own_styles_not_the_previous_ones():
    paras = _hwpx_paragraphs(_hwpx(_minutes(draft=False)))
    title = _find(paras, "회의록")
    assert title["align"] == "CENTER" and title["size"] == 20 and title["bold"]
    status = _find(paras, "확정: 이간사")
    assert status["align"] == "CENTER" and status["size"] < 14 and not status["bold"]  # not title-size
    heading = _find(paras, "상정 안건별 발언 요지")
    assert heading["bold"] and heading["align"] != "CENTER"
    item = _find(paras, "1. [보고] 상반기 추진 현황 (발표")
    assert item["bold"] and not item["cell"]
    for start in ("○ 발언 요지", "교육과정 3회 운영", "위원 의견", "원안 찬성 의견 다수", "○ 결정 사항 및 표결 내용"):
        p = _find(paras, start)
        assert not p["bold"] and p["size"] == 11 and p["align"] != "CENTER", p  # regular body text
    assert _find(paras, "교육과정 3회 운영")["indent"] > _find(paras, "○ 발언 요지")["indent"] > 0
    for start in ("위 회의록의 내용이 사실과 다름없음을", "2025년 6월 12일"):
        p = _find(paras, start)
        assert p["align"] == "CENTER" and not p["bold"] and p["size"] == 11


def test_hwpx_header_table_label_column_shaded_agenda_one_line_each_signature_rows_high():
    z = _hwpx()
    sec = z.read("Contents/section0.xml").decode("utf-8")
    tables = etree.fromstring(sec.encode()).findall(f".//{{{HP}}}tbl")
    assert len(tables) == 2
    header, sign = tables
    first = header.find("hp:tr", NS).findall("hp:tc", NS)
    widths = [int(tc.find("hp:cellSz", NS).get("width")) for tc in first]
    assert abs(widths[0] / 7200 * 25.4 - 32) < 0.5 and abs(sum(widths) / 7200 * 25.4 - 170) < 0.5
    fills = {}
    head = etree.fromstring(z.read("Contents/header.xml"))
    for bf in head.iter(f"{{{HH}}}borderFill"):
        brush = bf.find(".//hc:winBrush", {"hc": "http://www.hancom.co.kr/hwpml/2011/core"})
        fills[bf.get("id")] = brush.get("faceColor") if brush is not None else "none"
    assert fills[first[0].get("borderFillIDRef")] not in ("none", "#FFFFFF")  # the label cell is shaded
    assert fills[first[1].get("borderFillIDRef")] in ("none", "#FFFFFF")
    paras = _hwpx_paragraphs(z)
    label = _find(paras, "회의의 명칭")
    assert label["cell"] and label["bold"] and label["align"] == "CENTER"
    value = _find(paras, "서초AICT 운영위원회 제3차 정기회의")
    assert value["cell"] and not value["bold"] and value["align"] == "LEFT"
    agenda = [p["text"] for p in paras if p["cell"] and re.match(r"\d\. \[", p["text"])]
    assert agenda == ["1. [보고] 상반기 추진 현황", "2. [의결] AI 해커톤 개최 계획(안)"]  # not one run-on line
    heights = [int(tc.find("hp:cellSz", NS).get("height")) for tc in sign.iter(f"{{{HP}}}tc")]
    assert min(heights) / 7200 * 25.4 >= 11.5


def test_hwpx_metadata_and_preview_are_the_meetings_own():
    z = _hwpx()
    hpf = z.read("Contents/content.hpf").decode("utf-8")
    assert "synthetic-fixture-author" not in hpf
    assert "<opf:title>서초AICT 운영위원회 제3차 정기회의 회의록</opf:title>" in hpf
    assert re.search(r'name="creator" content="text">AICT 사무국<', hpf)
    assert re.search(r'name="lastsaveby" content="text">AICT 사무국<', hpf)
    created = re.search(r'name="CreatedDate" content="text">([^<]+)<', hpf).group(1)
    assert created.startswith(str(dt.datetime.now(dt.timezone.utc).year))
    preview = z.read("Preview/PrvText.txt").decode("utf-8")
    assert preview.startswith("회의록") and "서초AICT 운영위원회 제3차 정기회의" in preview
    assert "1. [보고] 상반기 추진 현황" in preview
    png = z.read("Preview/PrvImage.png")
    assert png.startswith(b"\x89PNG") and len(png) > 1000
    assert z.infolist()[0].filename == "mimetype" and z.infolist()[0].compress_type == zipfile.ZIP_STORED
    sec = z.read("Contents/section0.xml").decode("utf-8")
    assert re.search(r'<hp:footer [^>]*>.*numType="PAGE"', sec)  # page numbers in the footer
    assert 'landscape="WIDELY" width="59528" height="84189"' in sec  # A4 portrait


def test_hwpx_opens_back_in_python_hwpx():
    from hwpx import HwpxDocument

    from aict_desktop.documents.minutes_hwpx import render_hwpx

    h = HwpxDocument.open(render_hwpx(_minutes()))
    assert "사실과 다름없음" in h.text.plain()


# -- DOCX -------------------------------------------------------------------------------------------


def _docx(d=None) -> zipfile.ZipFile:
    from aict_desktop.documents.minutes_docx import render_docx

    return zipfile.ZipFile(io.BytesIO(render_docx(d or _minutes())))


def _xml(z, name):
    return etree.fromstring(z.read(name))


def test_docx_label_column_narrow_and_signature_rows_high():
    doc = _xml(_docx(), "word/document.xml")
    header, sign = doc.findall(f".//{{{W}}}tbl")
    grid = [int(g.get(f"{{{W}}}w")) for g in header.find("w:tblGrid", NS)]
    mm = [g / 1440 * 25.4 for g in grid]
    assert abs(mm[0] - 32) < 0.5 and abs(sum(mm) - 170) < 0.5, mm  # not two equal halves
    assert header.find("w:tblPr/w:tblLayout", NS).get(f"{{{W}}}type") == "fixed"
    fill = header.find("w:tr/w:tc/w:tcPr/w:shd", NS)
    assert fill is not None and fill.get(f"{{{W}}}fill") not in ("auto", "FFFFFF")
    for tr in sign.findall("w:tr", NS):
        h = tr.find("w:trPr/w:trHeight", NS)
        assert h is not None and int(h.get(f"{{{W}}}val")) / 1440 * 25.4 >= 11.5


def test_docx_korean_language_no_auto_spacing_and_office_font_fallback():
    z = _docx()
    styles = _xml(z, "word/styles.xml")
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(f"{{{W}}}val") == "ko-KR" and lang.get(f"{{{W}}}eastAsia") == "ko-KR"
    assert b"en-US" not in z.read("word/styles.xml") and b"en-US" not in z.read("word/settings.xml")
    doc = _xml(z, "word/document.xml")
    paras = doc.findall(f".//{{{W}}}p")
    for p in paras:
        for tag in ("autoSpaceDE", "autoSpaceDN"):
            el = p.find(f"w:pPr/w:{tag}", NS)
            assert el is not None and el.get(f"{{{W}}}val") == "0", (tag, "".join(p.itertext()))
    fonts = _xml(z, "word/fontTable.xml")
    alt = {f.get(f"{{{W}}}name"): f.find("w:altName", NS).get(f"{{{W}}}val")
           for f in fonts.findall("w:font", NS) if f.find("w:altName", NS) is not None}
    assert alt["나눔명조"] == "바탕" and alt["나눔고딕"] == "맑은 고딕"
    run_fonts = {r.get(f"{{{W}}}eastAsia") for r in doc.iter(f"{{{W}}}rFonts")}
    assert run_fonts <= {"나눔명조", "나눔고딕"}


def test_docx_footer_page_number_and_core_properties():
    import docx

    from aict_desktop.documents.minutes_docx import render_docx

    z = _docx()
    footers = [n for n in z.namelist() if re.match(r"word/footer\d*\.xml", n)]
    assert footers
    text = b"".join(z.read(n) for n in footers).decode("utf-8")
    assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", text) and 'w:fldCharType="begin"' in text
    props = docx.Document(io.BytesIO(render_docx(_minutes()))).core_properties
    assert props.title == "서초AICT 운영위원회 제3차 정기회의 회의록"
    assert props.author == "AICT 사무국" and props.last_modified_by == "AICT 사무국"
    assert abs((dt.datetime.now() - props.created.replace(tzinfo=None)).total_seconds()) < 24 * 3600
    assert props.language == "ko-KR"
    assert "python-docx" not in z.read("docProps/core.xml").decode("utf-8")


def test_docx_renders_in_libreoffice_when_installed(tmp_path):
    from aict_desktop.documents.minutes_docx import render_docx
    from tests.libreoffice import convert_to_pdf, soffice

    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    src = tmp_path / "minutes.docx"
    src.write_bytes(render_docx(_minutes()))
    convert_to_pdf(src, tmp_path)
    pages = pdf_pages((tmp_path / "minutes.pdf").read_bytes())
    assert len(pages) == 1
    flat = squash(pages[0])
    for part in ("회의록", "회의의명칭", "상반기추진현황", "사실과다름없음", "-1-"):
        assert part in flat, part


# -- PDF: the confirmation and signatures never stand alone -----------------------------------------


@pytest.mark.parametrize("lines", [10, 12, 26, 30])
def test_pdf_signature_block_stays_with_the_last_item(lines):
    from aict_desktop.documents import minutes

    d = _minutes()
    d.items[0].notes = "\n".join(f"위원 발언 {i}번째 줄입니다." for i in range(lines))
    pages = pdf_pages(minutes.render_pdf(d))
    assert len(pages) >= 2  # the case that used to leave the block alone on its page
    last = squash(pages[-1])
    assert "사실과다름없음" in last and "(서명)" in last
    assert "원안찬성의견다수" in last and "결정사항및표결내용" in last  # the last item came along
