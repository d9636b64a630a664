"""One layout rule on the 위촉장: field values keep the field size and wrap; the sentence is centred line by line."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from aict_desktop.documents import certificate, fonts
from aict_desktop.documents.data import CertificateData
from tests.unit.test_documents_render import pdf_pages

LONG_INST = "한국전자통신연구원 인공지능창의연구소 지능형정보시스템연구실 초거대AI연구팀"
LONG_BODY = "서초AICT 운영위원회 인공지능 윤리 및 신뢰성 검증 특별 분과위원회"


def _data(**kw) -> CertificateData:
    base = dict(serial="제2026-001호", person_name="홍길동", institution_name="서울대학교", position_title="교수",
                body_name="서초AICT 운영위원회", role_label="위원", term_start=dt.date(2026, 3, 2),
                term_end=dt.date(2028, 3, 1), issued_on=dt.date(2026, 3, 2), issuer="서울특별시 서초구청장")
    base.update(kw)
    return CertificateData(**base)


def _runs(pdf: bytes) -> list[tuple[str, float, float, float]]:
    """(text, x, y, font size) of every text run on page 1."""
    out = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            out.append((text.strip(), tm[4], tm[5], size))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return out


def test_a_long_institution_wraps_at_the_field_size(tmp_path):
    fonts.register_all()
    pdf = certificate.render([_data(institution_name=LONG_INST)])
    runs = _runs(pdf)
    value_runs = [r for r in runs if r[1] > certificate.X_VALUE - 1 and r[2] > certificate.Y_SENTENCE]
    assert value_runs and {round(r[3], 1) for r in value_runs} == {certificate.FIELD_SIZE}  # never shrunk
    inst = [r for r in value_runs if r[0] in LONG_INST and r[0] not in ("홍길동", "교수")]
    assert len(inst) >= 2  # wrapped onto two lines, at spaces
    assert all(abs(r[1] - certificate.X_VALUE) < 0.01 for r in inst)  # each under the value's start
    assert "".join(r[0] for r in inst).replace(" ", "") == LONG_INST.replace(" ", "")
    (tmp_path / "long.pdf").write_bytes(pdf)


def test_the_sentence_is_centred_whether_it_wraps_or_not():
    fonts.register_all()
    for body in ("서초AICT 운영위원회", LONG_BODY):
        pdf = certificate.render([_data(body_name=body)])
        lines = certificate.sentence_lines(certificate.sentence(_data(body_name=body)))
        runs = [r for r in _runs(pdf) if round(r[3], 1) == certificate.SENTENCE_SIZE]
        assert [r[0] for r in runs] == lines
        for text, x, _y, _size in runs:
            width = fonts.string_width(text, fonts.SERIF, certificate.SENTENCE_SIZE)
            assert abs(x - (certificate.W - width) / 2) < 0.05  # centred, one line or two
    assert len(lines) == 2
    widths = [fonts.string_width(t, fonts.SERIF, certificate.SENTENCE_SIZE) for t in lines]
    assert min(widths) > 0.6 * max(widths)  # two even lines, not a long one over a stub
    assert "".join(pdf_pages(pdf)[0].split()).count("위촉합니다") == 1


def test_hanja_in_a_name_print_in_a_serif_face_not_gothic():
    fonts.register_all()
    assert fonts.runs("李舜臣 홍길동", fonts.SERIF) == ((fonts.HANJA_SERIF, "李舜臣"), (fonts.SERIF, " 홍길동"))
    pdf = certificate.render([_data(person_name="李舜臣", position_title="責任硏究員")])
    used = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            used[text.strip()] = str(font["/BaseFont"]) if font else ""

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    assert "Baekmuk-Batang" in used["李舜臣"] and "Baekmuk-Batang" in used["責任硏究員"]
    assert not any("Gothic" in face for face in used.values())  # no Gothic between the Myeongjo lines
    # every KS X 1001 hanja is covered, so a hanja name never needs Gothic
    ks = set()
    for b1 in range(0xCA, 0xFE):
        for b2 in range(0xA1, 0xFF):
            try:
                ks.add(bytes([b1, b2]).decode("euc-kr"))
            except UnicodeDecodeError:
                pass
    assert len(ks) == 4888
    assert all(fonts.face_for(fonts.SERIF, ch) == fonts.HANJA_SERIF for ch in ks)
