"""services.exports on a real database, and ``aict export`` as a process."""

from __future__ import annotations

import csv
import io

import pytest
from sqlmodel import select

from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import AccessLog
from tests.e2e.cli_helpers import aict
from tests.unit.test_allowances import setup_meeting
from tests.unit.test_certificates import make_body
from tests.unit.test_documents_render import font_problems, in_order, pdf_pages, pdf_text


def test_roster_in_role_order_with_bom_csv_and_logged(services):
    body, _ids = make_body(services, ["나위원", ("가간사", "간사"), ("다위원장", "위원장"), ("라당연", "위원", "당연직")])
    pdf = services.exports.roster_pdf(body.id)
    assert font_problems(pdf) == []
    in_order(pdf_text(pdf), ["위원 명단", "1", "위원장", "다위원장", "2", "위원", "라당연", "당연직", "3", "나위원", "4", "간사",
                             "가간사"])
    rows = list(csv.reader(io.StringIO(services.exports.roster_csv(body.id).decode("utf-8-sig"))))
    assert [r[2] for r in rows[1:]] == ["다위원장", "라당연", "나위원", "가간사"]
    assert services.exports.roster_xlsx(body.id)[:2] == b"PK"
    with services.store.session() as s:
        logged = [e.detail for e in s.exec(select(AccessLog).where(AccessLog.action == "export.roster"))]
    assert logged == ["pdf", "csv", "xlsx"]


def test_meeting_documents_from_the_database(services):
    _body, m, _att, _people = setup_meeting(services)
    item = services.meetings.add_item(m.id, "하반기 계획(안)", kind="의결", presenter="간사")
    services.meetings.save_notes(item.id, "찬성 의견 다수 & <보완> 요청")
    services.meetings.record_decision(item.id, yes=4, no=0, abstain=0, text="원안 가결")
    services.meetings.add_walk_in(m.id, "박배석", "서초구청")

    with pytest.raises(ValidationError, match="7"):  # printed today, long after the 7 days before the meeting
        services.exports.notice_pdf(m.id)
    notice = pdf_text(services.exports.notice_pdf(m.id, urgent_reason="예산 일정상 긴급"))
    in_order(notice, ["회의 개최 알림", m.title, "2025. 6. 12.(목) 14:00~16:30", "1. [의결] 하반기 계획(안) (간사)",
                      "긴급 개최 사유: 예산 일정상 긴급"])
    assert "예산 일정상 긴급" in pdf_text(services.exports.notice_pdf(m.id))  # recorded: a reprint needs no reason

    sheet = services.exports.attendance_sheet_pdf(m.id)
    in_order(pdf_text(sheet), ["참석자 명부", "소속", "직위", "성명", "서명", "당연직공무원"])
    assert "박배석" not in pdf_text(sheet)  # the sheet lists invited members; walk-ins sign the empty rows

    minutes = pdf_text(services.exports.minutes(m.id))
    in_order(minutes, ["회의록", "초안", "성원", "재적위원 6명 중 4명 출석", "온라인(화상) 출석 1명", "서면 참석 1명",
                       "참석위원(4명)", "온라인위원(서초구청)[온라인]", "서면 참석(1명)", "서면위원",
                       "불참위원(1명)", "불참위원", "배석자", "박배석(서초구청)",
                       "하반기 계획(안)", "찬성 의견 다수 & <보완> 요청", "가결 (찬성 4명, 반대 0명, 기권 0명) — 원안 가결"])
    assert services.exports.minutes(m.id, "docx")[:2] == b"PK"
    assert services.exports.minutes(m.id, "hwpx")[:2] == b"PK"
    with pytest.raises(ValidationError):
        services.exports.minutes(m.id, "hwp")

    with pytest.raises(ValidationError, match="일시 및 장소"):
        services.meetings.confirm_minutes(m.id, "이간사")  # no place yet: the law requires it
    services.meetings.update(m.id, {"place": "서초구청 3층 회의실"})
    services.meetings.confirm_minutes(m.id, "이간사")
    assert "초안" not in pdf_text(services.exports.minutes(m.id))

    with pytest.raises(ValidationError, match="개최"):  # a payment statement only for a meeting held
        services.exports.allowances_pdf(m.id)
    services.meetings.update(m.id, {"status": "개최"})
    allowance = services.exports.allowances_pdf(m.id)
    assert len(pdf_pages(allowance)) == 1
    in_order(pdf_text(allowance), ["참석수당 지급 조서", "출석위원", "200,000", "합계", "700,000",
                                   "지급 총액: 금700,000원(금칠십만원)"])
    with pytest.raises(NotFound):
        services.exports.notice_pdf(9999)


@pytest.mark.sqlite_only  # the CLI runs on the SQLite data file
def test_cli_export_every_kind_and_bad_input(services, db_path, tmp_path):
    body, m, _att, _people = setup_meeting(services)
    services.meetings.update(m.id, {"status": "개최"})  # allowances are paid for a meeting held
    assert aict("export", "notice", "--meeting", str(m.id), "--out", str(tmp_path / "late.pdf"),
                db=db_path).returncode == 1  # later than 7 days before the meeting: needs a reason
    assert aict("export", "notice", "--meeting", str(m.id), "--urgent-reason", "긴급 안건", "--out",
                str(tmp_path / "late.pdf"), db=db_path).returncode == 0
    for kind, fmt, magic in (("notice", None, b"%PDF"), ("attendance-sheet", None, b"%PDF"), ("minutes", "hwpx", b"PK"),
                             ("minutes", "docx", b"PK"), ("allowances", "xlsx", b"PK"), ("allowances", None, b"%PDF")):
        out = tmp_path / f"{kind}.{fmt or 'pdf'}"
        args = ["export", kind, "--meeting", str(m.id), "--out", str(out)] + (["--format", fmt] if fmt else [])
        r = aict(*args, db=db_path)
        assert r.returncode == 0, r.stderr
        assert out.read_bytes()[:len(magic)] == magic
    r = aict("export", "roster", "--body", body.name, "--format", "csv", "--out", str(tmp_path / "r.csv"), db=db_path)
    assert r.returncode == 0 and (tmp_path / "r.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    for bad in (["export", "notice", "--meeting", "999", "--out", str(tmp_path / "x.pdf")],
                ["export", "notice", "--meeting", "abc", "--out", str(tmp_path / "x.pdf")],
                ["export", "notice", "--meeting", str(m.id), "--format", "xlsx", "--out", str(tmp_path / "x.pdf")],
                ["export", "minutes", "--meeting", str(m.id), "--out", str(tmp_path / "none" / "x.pdf")],
                ["export", "roster", "--out", str(tmp_path / "x.pdf")]):
        r = aict(*bad, db=db_path)
        assert r.returncode == 1, (bad, r.stderr)
        assert r.stderr.strip()
    assert not (tmp_path / "x.pdf").exists()
