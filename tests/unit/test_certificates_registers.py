"""발급대장 and 관인인쇄용지 관리대장: `aict export register|seal-register`, as PDF and xlsx."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from aict_desktop.documents.certificate import sample_seal_png
from tests.e2e.cli_helpers import aict
from tests.unit.test_certificates import _seal, make_body
from tests.unit.test_documents_render import font_problems, pdf_pages

ON = dt.date(2026, 3, 2)
YEAR = dt.date.today().year  # prints are dated when they happen


def _history(services):
    """A body with its own seal (3 issued, one reprinted, one voided) and one without a seal."""
    body, ids = make_body(services, ["홍길동", "김철수", "이영희"], seal_png=_seal((200, 0, 0, 255)))
    services.certificates.issue(body.id, on=ON)
    services.certificates.reprint("2026-002", body.id)
    services.certificates.void("2026-003", "성명 오기", body.id)
    plain, _ids = make_body(services, ["박민준"], name="서초 AI 혁신 네트워크")
    services.certificates.issue(plain.id, on=ON)  # stamped by hand: no 관인 printed
    sample, _ids = make_body(services, ["최견본"], name="시험용 위원회", seal_png=sample_seal_png())
    services.certificates.issue(sample.id, on=ON)  # the 견본 is not a 관인 either
    return body


def test_issue_register_lists_every_certificate_with_a_receipt_column(services):
    from aict_desktop.cli.registers import _register

    body = _history(services)
    pdf = _register(services, body.id, "pdf")
    assert font_problems(pdf) == []
    (page,) = pdf_pages(pdf)
    assert f"{body.name} 위촉장 발급대장" in page
    for head in ("번호", "성명", "소속", "발급일", "상태", "수령 확인"):
        assert head in page
    assert "제2026-001호" in page and "김철수" in page and "2026. 3. 2." in page
    assert "재발급 1회" in page and "폐기 (성명 오기)" in page
    assert "박민준" not in page  # another body's
    ws = load_workbook(io.BytesIO(_register(services, body.id, "xlsx"))).active
    assert [c.value for c in ws[2]] == ["번호", "성명", "소속", "발급일", "상태", "수령 확인"]
    assert ws.max_row == 2 + 3 and ws.print_title_rows == "$2:$2"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 and ws.sheet_properties.pageSetUpPr.fitToPage


def test_seal_register_has_one_line_per_print_of_a_seal(services):
    body = _history(services)
    prints = services.certificates.seal_prints(YEAR)
    assert [(p.kind, p.sheets) for p in prints] == [("발급", 3), ("재발급", 1)]
    assert prints[0].document == f"{body.name} 위촉장 제2026-001호~제2026-003호"
    assert services.certificates.seal_prints(YEAR - 1) == []
    from aict_desktop.cli.registers import _seal_register

    pdf = _seal_register(services, (YEAR, None), "pdf")
    (page,) = pdf_pages(pdf)
    assert f"{YEAR}년 관인인쇄용지 관리대장" in page and "총 4매" in page
    for head in ("일자", "문서", "매수", "승인 근거"):
        assert head in page
    assert "서초 AI 혁신 네트워크" not in page and "시험용" not in page
    ws = load_workbook(io.BytesIO(_seal_register(services, (YEAR, body.id), "xlsx"))).active
    assert [c.value for c in ws[3]][2:4] == [prints[0].document, 3]


@pytest.mark.sqlite_only  # the CLI runs on the SQLite data file
def test_cli_export_register_and_seal_register(services, db_path, tmp_path):
    body = _history(services)
    services.store.dispose()
    for args, name in ((("register", "--body", body.name), "r.pdf"), (("register", "--body", str(body.id),
                       "--format", "xlsx"), "r.xlsx"), (("seal-register", "--year", str(YEAR)), "s.pdf"),
                       (("seal-register", "--year", str(YEAR), "--format", "xlsx"), "s.xlsx")):
        r = aict("export", *args, "--out", str(tmp_path / name), db=db_path)
        assert r.returncode == 0, r.stderr
        assert (tmp_path / name).stat().st_size > 1000
    assert "제2026-001호" in pdf_pages((tmp_path / "r.pdf").read_bytes())[0]
    r = aict("export", "seal-register", "--out", str(tmp_path / "x.pdf"), db=db_path)
    assert r.returncode == 1 and "--year" in r.stderr
    r = aict("export", "register", "--out", str(tmp_path / "x.pdf"), db=db_path)
    assert r.returncode == 1 and "--body" in r.stderr
    r = aict("export", "register", "--body", body.name, "--format", "csv", "--out", str(tmp_path / "x.csv"),
             db=db_path)
    assert r.returncode == 1
    assert not (tmp_path / "x.pdf").exists()
