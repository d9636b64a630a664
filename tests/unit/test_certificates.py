"""위촉장 and the issue register: serials, reprint, void, preflight, the printed page."""

from __future__ import annotations

import datetime as dt
import hashlib
import io

import pytest
from pypdf import PdfReader
from sqlmodel import func, select

from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import AccessLog, Certificate, CertificatePrint
from tests.unit.test_documents_render import font_problems, in_order, pdf_pages, squash

ON = dt.date(2025, 6, 12)
BODY = "서초AICT 운영위원회"
ISSUER = "서울특별시 서초구청장"


def make_body(services, people, *, name=BODY, issuer=ISSUER, **body_kw):
    """A body with one appointment per (name, role, kind) in ``people``; returns (body, [appointment ids])."""
    body = services.bodies.create_body(name=name, issuer=issuer, **body_kw)
    from aict_desktop.domain.models import Institution

    with services.store.session() as s:
        inst = s.exec(select(Institution).where(Institution.name == "서울대학교 인공지능대학원")).first()
    if inst is None:
        inst = services.roster.create_institution(name="서울대학교 인공지능대학원", sector="대학")
    ids = []
    for person in people:
        full = (person,) if isinstance(person, str) else tuple(person)
        pname, role, kind = full + ("위원", "위촉직")[len(full) - 1:]
        p = services.roster.create_person(name=pname, institution_id=inst.id, position="교수")
        ids.append(services.appointments.appoint(p.id, body.id, role=role, kind=kind, term_start=ON).id)
    return body, ids


def register_counts(store) -> tuple[int, int, int]:
    with store.session() as s:
        return (s.exec(select(func.count()).select_from(Certificate)).one(),
                s.exec(select(func.count()).select_from(CertificatePrint)).one(),
                s.exec(select(func.count()).select_from(AccessLog)).one())


def test_issue_assigns_serials_prints_one_page_each_and_records(services):
    body, ids = make_body(services, [("홍길동", "위원장"), "김위원", ("이간사", "간사")])
    result = services.certificates.issue(body.id, on=ON)
    assert [c.serial for c in result.certificates] == ["제2025-001호", "제2025-002호", "제2025-003호"]
    pages = pdf_pages(result.pdf)
    assert len(pages) == 3
    assert font_problems(result.pdf) == []
    in_order(pages[0], ["제2025-001호", "위 촉 장", "성", "명", "홍길동", "소", "속", "서울대학교 인공지능대학원", "직", "위",
                        "교수", f"위 사람을 {BODY} 위원장으로 위촉합니다.", "위촉기간: 2025. 6. 12.~2027. 6. 11.",
                        "2025년 6월 12일", ISSUER])
    assert "간사로 위촉합니다" in pages[2]
    digest = hashlib.sha256(result.pdf).hexdigest()
    with services.store.session() as s:
        prints = s.exec(select(CertificatePrint)).all()
        assert {p.kind.value for p in prints} == {"발급"} and {p.file_sha256 for p in prints} == {digest}
        logs = s.exec(select(AccessLog).where(AccessLog.action == "certificate.issue")).all()
        assert sorted(log.target for log in logs) == ["제2025-001호", "제2025-002호", "제2025-003호"]
    rows = services.certificates.list(body.id)
    assert [(r.serial, r.person, r.role, r.status) for r in rows][0] == ("제2025-001호", "홍길동", "위원장", "유효")
    assert services.certificates.pending(body.id) == []
    with pytest.raises(ValidationError):
        services.certificates.issue(body.id, on=ON)  # nobody left waiting
    with pytest.raises(ValidationError, match="제2025-002호"):
        services.certificates.issue(body.id, [ids[1]], on=ON)  # already holds one


def test_names_with_markup_ampersand_hanja_and_rare_hangul_print_as_themselves(services):
    names = ["<b>굵게</b>", "R&D 김", "李舜臣", "똠햏뷁"]
    body, _ids = make_body(services, names)
    text = squash("\n".join(pdf_pages(services.certificates.issue(body.id, on=ON).pdf)))
    for name in names:
        assert squash(name) in text
    assert "&amp;" not in text and "&lt;" not in text


def test_emoji_in_a_name_is_refused_and_nothing_is_recorded(services):
    body, _ids = make_body(services, ["홍길동", "박😀수"])
    before = register_counts(services.store)
    with pytest.raises(ValidationError) as err:
        services.certificates.issue(body.id, on=ON)
    msg = str(err.value)
    assert "😀" in msg and "U+1F600" in msg and "박😀수" in msg and "성명" in msg
    assert register_counts(services.store) == before
    assert services.certificates.list() == []


def test_preview_is_marked_has_no_serial_and_records_nothing(services):
    body, ids = make_body(services, ["홍길동", "김위원"])
    services.certificates.issue(body.id, [ids[0]], on=ON)
    before = register_counts(services.store)
    pdf = services.certificates.preview(body.id, [ids[1]], on=ON)
    page = pdf_pages(pdf)[0]
    assert "미리보기 — 발급되지 않음" in page
    assert "제2025-    호" in page and "제2025-002호" not in page  # a number nobody registered is never shown
    assert "김위원" in page
    assert register_counts(services.store) == before
    # an issued certificate carries neither mark nor blank
    issued = pdf_pages(services.certificates.issue(body.id, [ids[1]], on=ON).pdf)[0]
    assert "미리보기" not in issued and "제2025-002호" in issued


def test_reprint_keeps_serial_and_frozen_fields(services):
    body, ids = make_body(services, ["홍길동"])
    services.certificates.issue(body.id, on=ON)
    person_id = services.appointments.get(ids[0]).person_id
    services.roster.update_person(person_id, {"name": "홍길순"})
    pdf = services.certificates.reprint("2025-001")
    page = pdf_pages(pdf)[0]
    assert "제2025-001호" in page and "홍길동" in page and "홍길순" not in page
    with services.store.session() as s:
        assert sorted(p.kind.value for p in s.exec(select(CertificatePrint))) == ["발급", "재발급"]
    assert services.certificates.list()[0].prints == 2


def test_void_number_is_never_reused_and_void_cannot_be_reprinted(services):
    body, ids = make_body(services, ["가위원", "나위원"])
    services.certificates.issue(body.id, [ids[0]], on=ON)
    services.certificates.issue(body.id, [ids[1]], on=ON)
    services.certificates.void("제2025-002호", "오기 정정")
    with pytest.raises(ValidationError):
        services.certificates.reprint("제2025-002호")
    with pytest.raises(ValidationError):
        services.certificates.void("제2025-002호", "again")
    with pytest.raises(ValidationError):
        services.certificates.void("제2025-001호", "  ")  # a reason is required
    again = services.certificates.issue(body.id, [ids[1]], on=ON)  # a new certificate for the same term
    assert again.certificates[0].serial == "제2025-003호"
    statuses = {r.serial: r.status for r in services.certificates.list()}
    assert statuses == {"제2025-001호": "유효", "제2025-002호": "폐기", "제2025-003호": "유효"}
    with pytest.raises(NotFound):
        services.certificates.reprint("제2025-099호")


def test_serials_are_per_body_and_year(services):
    a, a_ids = make_body(services, ["가위원"])
    b, b_ids = make_body(services, ["나위원"], name="서울 AI 혁신협의회")
    services.certificates.issue(a.id, on=ON)
    services.certificates.issue(b.id, on=ON)
    with pytest.raises(ValidationError, match="서울 AI 혁신협의회"):
        services.certificates.reprint("제2025-001호")  # two bodies share the number: say which
    assert "나위원" in pdf_pages(services.certificates.reprint("제2025-001호", b.id))[0]
    _c, c_ids = make_body(services, ["다위원"], name="분과")
    nxt = services.certificates.issue(_c.id, on=dt.date(2026, 1, 5))
    assert nxt.certificates[0].serial == "제2026-001호"


def test_custom_wording_and_particles(services):
    body, _ids = make_body(services, [("가위원", "위원장"), ("나위원", "간사")],
                           certificate_wording="귀하를 {body}의 {role_euro} 모십니다. ({name})")
    pages = pdf_pages(services.certificates.issue(body.id, on=ON).pdf)
    assert squash(f"귀하를 {BODY}의 위원장으로 모십니다. (가위원)") in squash(pages[0])
    assert squash("간사로 모십니다.") in squash(pages[1])
    other, _ids = make_body(services, ["다위원"], name="다른 위원회", certificate_wording="{bogus}")
    with pytest.raises(ValidationError, match="bogus"):
        services.certificates.preview(other.id, None, on=ON)


def test_seal_is_centred_on_the_issuers_last_character(services):
    """Read the issuer's text position and the seal's placement back from the PDF."""
    from pypdf.generic import ContentStream
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from aict_desktop.documents import certificate, fonts

    body, _ids = make_body(services, ["홍길동"], seal_png=_seal((200, 0, 0, 255)))
    reader = PdfReader(io.BytesIO(services.certificates.issue(body.id, on=ON).pdf))
    ops = ContentStream(reader.pages[0].get_contents(), reader).operations
    tm = tc = None
    seal = None
    for i, (args, op) in enumerate(ops):
        if op == b"Tm":
            cur_tm = [float(v) for v in args]
        elif op == b"Tc" and float(args[0]):
            cur_tc = float(args[0])
        elif op == b"Tf" and float(args[1]) == certificate.ISSUER_SIZE:
            tm, tc = cur_tm, cur_tc
        elif op == b"Do" and str(args[0]).startswith("/FormXob.seal"):
            prev_args, prev_op = ops[i - 1]
            assert prev_op == b"cm"
            seal = [float(v) for v in prev_args]
    assert tm is not None and seal is not None
    widths = [stringWidth(ch, fonts.SERIF_BOLD, certificate.ISSUER_SIZE) for ch in ISSUER]
    last_left = tm[4] + sum(widths[:-1]) + tc * (len(ISSUER) - 1)
    last_centre = (last_left + widths[-1] / 2, tm[5] + certificate.GLYPH_MIDDLE * certificate.ISSUER_SIZE)
    assert seal[4] == pytest.approx(last_centre[0], abs=0.01)
    assert seal[5] == pytest.approx(last_centre[1], abs=0.01)
    layout = certificate.issuer_layout(ISSUER)
    assert layout.seal_center == pytest.approx(layout.last_char_center)
    assert tm[4] == pytest.approx(layout.x0, abs=0.01)
    # the whole issuer line is centred on the page
    right = layout.char_x[-1] + layout.char_w[-1]
    assert (layout.x0 + right) / 2 == pytest.approx(certificate.W / 2, abs=0.01)


def test_body_seal_png_is_used(services):
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGBA", (40, 40), (0, 0, 255, 255)).save(buf, "PNG")
    body, _ids = make_body(services, ["홍길동"], seal_png=buf.getvalue())
    reader = PdfReader(io.BytesIO(services.certificates.issue(body.id, on=ON).pdf))
    xobjects = reader.pages[0]["/Resources"]["/XObject"]
    (form,) = [v.get_object() for v in xobjects.values()]
    (image,) = [v.get_object() for v in form["/Resources"]["/XObject"].values()]
    assert (image["/Width"], image["/Height"]) == (40, 40)


def _seal(rgba) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGBA", (40, 40), rgba).save(buf, "PNG")
    return buf.getvalue()


def _seal_pixel(pdf: bytes) -> tuple[int, int, int]:
    """The colour of the seal image printed on the first page."""
    reader = PdfReader(io.BytesIO(pdf))
    (form,) = [v.get_object() for v in reader.pages[0]["/Resources"]["/XObject"].values()]
    (image,) = [v.get_object() for v in form["/Resources"]["/XObject"].values()]
    data = image.get_data()
    return tuple(data[:3])


def test_reprint_matches_the_original_after_the_body_changed(services):
    """Renamed body, new 위촉권자, new wording, no border, a new seal: the reprint still prints the original."""
    blue = _seal((0, 0, 255, 255))
    body, _ids = make_body(services, [("홍길동", "위원장")], seal_png=blue,
                           certificate_wording="위 사람을 {body} {role_euro} 모십니다.")
    original = pdf_pages(services.certificates.issue(body.id, on=ON).pdf)[0]
    services.bodies.update_body(body.id, {"name": "서초AI 미래위원회", "issuer": "서울특별시 서초구청장 권한대행",
                                          "certificate_wording": "", "certificate_border": False,
                                          "seal_png": _seal((255, 0, 0, 255))})
    pdf = services.certificates.reprint("2025-001")
    page = pdf_pages(pdf)[0]
    assert squash(page) == squash(original)
    assert f"위 사람을 {BODY} 위원장으로 모십니다." in page
    assert "미래위원회" not in page and "권한대행" not in page
    assert _seal_pixel(pdf) == (0, 0, 255)
    # a certificate issued now prints the body as it is now
    person = services.roster.create_person(name="김위원", position="교수")
    services.appointments.appoint(person.id, body.id, term_start=ON)
    fresh = pdf_pages(services.certificates.issue(body.id, on=ON).pdf)[0]
    assert "제2025-002호" in fresh and "서초AI 미래위원회 위원으로 위촉합니다." in fresh and "권한대행" in fresh
    assert _seal_pixel(services.certificates.reprint("2025-002")) == (255, 0, 0)


def test_each_seal_image_is_kept_once(services):
    from aict_desktop.domain.models import CertificateSeal

    seal = _seal((0, 128, 0, 255))
    body, _ids = make_body(services, ["홍길동", "김위원"], seal_png=seal)
    services.certificates.issue(body.id, on=ON)
    other, _ids = make_body(services, ["이위원"], name="서초 AI 혁신 네트워크", seal_png=seal)
    services.certificates.issue(other.id, on=ON)
    with services.store.session() as s:
        rows = s.exec(select(CertificateSeal)).all()
        certs = s.exec(select(Certificate)).all()
    assert [r.sha256 for r in rows] == [hashlib.sha256(seal).hexdigest()]
    assert {c.seal_sha256 for c in certs} == {rows[0].sha256}
