"""The 직인 on a 위촉장: none unless the body has its own, the bundled sample only when chosen and then 견본."""

from __future__ import annotations

import io

from pypdf import PdfReader

from aict_desktop.documents.certificate import sample_seal_png
from tests.unit.test_certificates import ON, _seal, make_body
from tests.unit.test_documents_render import pdf_pages


def _images(pdf: bytes, page: int = 0) -> int:
    """How many images page ``page`` draws (the seal is the only image a 위촉장 has)."""
    res = PdfReader(io.BytesIO(pdf)).pages[page]["/Resources"]
    xobjects = res.get("/XObject") or {}
    return len(xobjects)


def test_a_body_without_a_seal_prints_none_and_is_warned(services):
    body, _ids = make_body(services, ["홍길동"], issuer="서울특별시장")
    result = services.certificates.issue(body.id, on=ON)
    assert _images(result.pdf) == 0  # no 서초구청장인 under 서울특별시장
    page = pdf_pages(result.pdf)[0]
    assert "견" not in page.replace("위 촉 장", "")
    (warning,) = result.warnings
    assert body.name in warning and "직인" in warning
    assert services.certificates.seal_notice(body.id) == warning
    # the preview says the same, and has no seal either
    other, _ids = make_body(services, ["김위원"], name="다른 위원회")
    assert _images(services.certificates.preview(other.id, on=ON)) == 0


def test_the_sample_seal_prints_only_when_chosen_and_is_marked(services):
    body, _ids = make_body(services, ["홍길동"], seal_png=sample_seal_png())
    result = services.certificates.issue(body.id, on=ON)
    assert _images(result.pdf) == 1
    assert "견 본" in pdf_pages(result.pdf)[0]
    assert result.warnings and "견본" in result.warnings[0]
    # and the reprint of it is marked the same
    assert "견 본" in pdf_pages(services.certificates.reprint("2025-001", body.id))[0]


def test_an_own_seal_prints_unmarked_without_a_warning(services):
    body, _ids = make_body(services, ["홍길동"], seal_png=_seal((0, 0, 255, 255)))
    result = services.certificates.issue(body.id, on=ON)
    assert _images(result.pdf) == 1 and result.warnings == []
    assert "견 본" not in pdf_pages(result.pdf)[0]
    assert services.certificates.seal_notice(body.id) == ""


def test_removing_the_seal_prints_none_not_the_sample(services):
    body, ids = make_body(services, ["홍길동", "김위원"], seal_png=_seal((0, 0, 255, 255)))
    services.certificates.issue(body.id, [ids[0]], on=ON)
    services.bodies.update_body(body.id, {"seal_png": None})
    fresh = services.certificates.issue(body.id, [ids[1]], on=ON)
    assert _images(fresh.pdf) == 0 and fresh.warnings
    # the first certificate still reprints with the seal it was issued with
    assert _images(services.certificates.reprint("2025-001", body.id)) == 1
    assert _images(services.certificates.reprint("2025-002", body.id)) == 0
