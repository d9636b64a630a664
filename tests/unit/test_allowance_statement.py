"""참석수당 지급 조서: tax per person, role order, masked accounts (logged), totals in words, refusals,
``aict list allowances`` and ``aict export allowances --meeting|--year``, checked against hand-computed figures.

The meeting lasts 2.5 h at 150,000원 + 50,000원 (over two hours), 서면 100,000원:

| 성명 | 역할 | 참석 | 세액 구분 | 지급액 | 기타소득금액 | 소득세 | 지방소득세 | 실지급액 |
|---|---|---|---|---|---|---|---|---|
| 가위원장 | 위원장 | 출석 | 기타소득 | 200,000 | 80,000 | 16,000 | 1,600 | 182,400 |
| 나부위원장 | 부위원장 | 온라인 | 기타소득 | 200,000 | 80,000 | 16,000 | 1,600 | 182,400 |
| 다사업 | 위원 | 출석 | 사업소득 | 200,000 | 0 | 6,000 | 600 | 193,400 |
| 라서면 | 위원 | 서면 | 기타소득 | 100,000 | 40,000 (과세최저한) | 0 | 0 | 100,000 |
| 자간사 | 간사 | 출석 | 비과세 | 200,000 | 0 | 0 | 0 | 200,000 |
| 합계 | | | | 900,000 | 200,000 | 38,000 | 3,800 | 858,200 |

Not paid: 마대리 (대리출석, not paid by default), 바공무 (당연직 공무원), 아거부 (미지급 by choice); 사불참 absent.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.models import AccessLog
from tests.e2e.cli_helpers import aict, aict_json
from tests.unit.test_certificates import ON
from tests.unit.test_documents_render import font_problems, in_order, pdf_pages, pdf_text

MEMBERS = (  # name, role, kind, public official, attendance, tax kind
    ("사불참", "위원", "위촉직", False, "불참", ""),
    ("자간사", "간사", "위촉직", False, "출석", "비과세"),
    ("다사업", "위원", "위촉직", False, "출석", "사업소득"),
    ("가위원장", "위원장", "위촉직", False, "출석", ""),
    ("라서면", "위원", "위촉직", False, "서면", ""),
    ("마대리", "위원", "위촉직", False, "대리출석", ""),
    ("바공무", "위원", "당연직", True, "출석", ""),
    ("아거부", "위원", "위촉직", False, "출석", "미지급"),
    ("나부위원장", "부위원장", "위촉직", False, "온라인", ""),
)
PAID = ["가위원장", "나부위원장", "다사업", "라서면", "자간사"]


def held_meeting(services, *, held: bool = True, rate: int = 150_000, day=dt.datetime(2025, 6, 12, 14),
                 body=None):
    if body is None:
        body = services.bodies.create_body(name="수당 조서 위원회", issuer="서초구청장", allowance_rate=rate,
                                           allowance_long_extra=50_000, allowance_written_rate=100_000)
        inst = services.roster.create_institution(name="서초구청", sector="공공기관")
        for name, role, kind, official, _st, tax in MEMBERS:
            p = services.roster.create_person(name=name, institution_id=inst.id, position="위원",
                                              is_public_official=official)
            services.appointments.appoint(p.id, body.id, role=role, kind=kind, term_start=ON)
            if tax:
                services.allowances.set_tax_kind(p.id, tax)
    m = services.meetings.create(body.id, starts_at=day, ends_at=day + dt.timedelta(hours=2.5))
    status = {name: st for name, *_r, st, _t in MEMBERS}
    for a in services.meetings.attendance(m.id):
        name = services.roster.get_person(a.person_id).name
        services.meetings.set_attendance(a.id, status[name], proxy_name="김대리" if status[name] == "대리출석" else None)
    if held:
        services.meetings.update(m.id, {"status": "개최"})
    return body, m


def with_accounts(services):
    """The allowance service reading bank accounts through the personal-data service (as the container wires it)."""
    services.allowances.personal = services.personal
    return services.allowances


def person_id(services, name):
    return next(p.id for p in services.roster.list_people() if p.name == name)


def test_lines_carry_the_tax_of_each_kind(services):
    _body, m = held_meeting(services)
    lines = {ln.name: ln for ln in services.allowances.compute(m.id)}
    got = {n: (ln.amount, ln.taxable_income, ln.income_tax, ln.local_tax, ln.net, ln.tax_kind)
           for n, ln in lines.items() if ln.amount}
    assert got == {
        "가위원장": (200_000, 80_000, 16_000, 1_600, 182_400, "기타소득"),
        "나부위원장": (200_000, 80_000, 16_000, 1_600, 182_400, "기타소득"),
        "다사업": (200_000, 0, 6_000, 600, 193_400, "사업소득"),
        "라서면": (100_000, 40_000, 0, 0, 100_000, "기타소득"),
        "자간사": (200_000, 0, 0, 0, 200_000, "비과세"),
    }
    assert lines["라서면"].tax_note == "과세최저한"
    assert lines["아거부"].amount == 0 and "미지급" in lines["아거부"].note
    assert lines["바공무"].amount == 0 and "당연직 공무원" in lines["바공무"].note


def test_statement_pdf_in_role_order_with_totals_words_basis_and_signatures(services):
    _body, m = held_meeting(services)
    services.personal.set_bank(person_id(services, "가위원장"), "국민은행", "123-456-789012", "가위원장")
    services.personal.set_bank(person_id(services, "사불참"), "신한은행", "110-222-333444", "사불참")
    pdf = with_accounts(services).export(m.id, "pdf", prepared_by="이담당", checked_by="김팀장")
    assert font_problems(pdf) == [] and len(pdf_pages(pdf)) == 1
    text = pdf_text(pdf)
    in_order(text, ["참석수당 지급 조서", m.title, "기준 단가: 150,000원", "서면 단가: 100,000원",
                    "성명", "지급액", "기타소득금액", "소득세", "지방소득세", "원천징수 합계", "실지급액", "은행·계좌",
                    "영수 확인", "비고",
                    "1", "가위원장", "200,000", "80,000", "16,000", "1,600", "17,600", "182,400", "국민은행 ***-***-**9012",
                    "2", "나부위원장", "온라인", "182,400", "3", "다사업", "6,000", "600", "193,400", "사업소득",
                    "4", "라서면", "서면", "100,000", "40,000", "과세최저한", "5", "자간사", "비과세",
                    "합계", "5명", "900,000", "200,000", "38,000", "3,800", "41,800", "858,200",
                    "지급 총액: 금900,000원(금구십만원)", "원천징수 합계: 금41,800원(금사만일천팔백원)",
                    "실지급 총액: 금858,200원(금팔십오만팔천이백원)",
                    "출석 5명 — 1인 150,000원 (2시간 초과 회의 +50,000원)", "온라인(화상) 출석 1명",
                    "서면 참석 1명 — 서면 단가 100,000원", "대리출석 1명 — 지급하지 않음",
                    "참석하였으나 지급하지 않음", "바공무(서초구청) — 당연직 공무원 미지급",
                    "마대리(서초구청) — 대리출석 미지급", "아거부(서초구청) — 미지급",
                    "작성 (담당)", "확인", "이담당 (인)", "김팀장 (인)"])
    assert "사불참" not in text and "110-222" not in text and "123-456-789012" not in text
    with services.store.session() as s:
        log = [(e.action, e.subject, e.detail) for e in s.exec(select(AccessLog).order_by(AccessLog.id))]
    printed = [e for e in log if e[0] == "personal.print"]
    assert len(printed) == 1 and "가위원장" in printed[0][1] and "사불참" not in printed[0][1]
    assert ("export.allowances", "", "pdf") in log


def test_statement_xlsx_numbers_and_dates(services):
    _body, m = held_meeting(services)
    ws = load_workbook(io.BytesIO(services.allowances.export(m.id, "xlsx", prepared_by="이담당"))).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    head = rows.index(next(r for r in rows if r[0] == "연번"))
    body = rows[head + 1:head + 6]
    assert [r[1] for r in body] == PAID
    assert body[0][4:10] == [200_000, 80_000, 16_000, 1_600, 17_600, 182_400]
    assert body[2][4:10] == [200_000, 0, 6_000, 600, 6_600, 193_400]
    total = rows[head + 6]
    assert total[0] == "합계" and total[4:10] == [900_000, 200_000, 38_000, 3_800, 41_800, 858_200]
    assert isinstance(ws["D2"].value, dt.datetime) and ws["D2"].value == dt.datetime(2025, 6, 12, 14)
    assert ["지급 총액", "금900,000원(금구십만원)"] == rows[head + 8][:2]
    assert any(r[0] == "작성" and r[1] == "이담당" for r in rows)


def test_no_key_prints_the_account_as_unavailable_and_still_prints(services):
    _body, m = held_meeting(services)
    services.personal.set_bank(person_id(services, "가위원장"), "국민은행", "123-456-789012", "가위원장")
    services.allowances.personal = None  # as when the program has no access to the key
    data = services.allowances.statement(m.id)
    assert [ln.account for ln in data.paid_lines if ln.name == "가위원장"] == ["(확인 불가)"]
    assert data.account_note and "(확인 불가)" in pdf_text(services.exports.allowances_pdf(m.id))


def test_refused_for_a_meeting_not_held_and_a_body_without_a_rate(services):
    body, m = held_meeting(services, held=False)
    with pytest.raises(ValidationError, match="개최"):
        services.allowances.statement(m.id)
    with pytest.raises(ValidationError, match="개최"):
        services.allowances.payments(m.id)
    services.meetings.update(m.id, {"status": "개최"})
    services.bodies.update_body(body.id, {"allowance_rate": 0})
    with pytest.raises(ValidationError, match="단가"):
        services.exports.allowances_pdf(m.id)
    assert services.allowances.compute(m.id)  # the editing screen still shows the lines


def test_yearly_totals_per_person_and_body(services):
    body, m1 = held_meeting(services)
    held_meeting(services, body=body, day=dt.datetime(2025, 9, 4, 14))
    held_meeting(services, body=body, day=dt.datetime(2025, 11, 6, 14), held=False)  # not held: no payment
    held_meeting(services, body=body, day=dt.datetime(2026, 2, 5, 14))  # another year
    data = services.allowances.year(2025)
    people = {p.name: p for p in data.people}
    assert sorted(people) == sorted(PAID)
    g = people["가위원장"]
    assert (g.payments, g.amount, g.taxable_income, g.income_tax, g.local_tax, g.net) == (
        2, 400_000, 160_000, 32_000, 3_200, 364_800)
    wb = load_workbook(io.BytesIO(services.allowances.year_xlsx(2025, body.id)))
    ws = wb["인별 집계"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=3)]
    first = next(r for r in rows if r[0] == "가위원장")
    assert first[2:11] == [body.name, "기타소득", 2, 400_000, 160_000, 32_000, 3_200, 35_200, 364_800]
    assert rows[-1][0] == "합계" and rows[-1][4:11] == [10, 1_800_000, 400_000, 76_000, 7_600, 83_600, 1_716_400]
    pay = wb["지급 내역"]
    assert pay.max_row == 1 + 10 and pay["A2"].value.date() == dt.date(2025, 6, 12)


@pytest.mark.sqlite_only
def test_cli_list_and_export(services, db_path, tmp_path):
    body, m = held_meeting(services)
    _b, planned = held_meeting(services, body=body, day=dt.datetime(2025, 9, 4, 14), held=False)
    rows = aict_json("list", "allowances", "--meeting", str(m.id), db=db_path)
    assert all(set(r) == {"id", "person", "status", "amount", "taxable_income", "income_tax", "local_tax", "net",
                          "tax_kind"} for r in rows)
    first = rows[0]
    assert (first["person"], first["status"], first["amount"], first["taxable_income"], first["income_tax"],
            first["local_tax"], first["net"], first["tax_kind"]) == ("가위원장", "출석", 200_000, 80_000, 16_000,
                                                                    1_600, 182_400, "기타소득")
    assert sum(r["net"] for r in rows) == 858_200
    r = aict("list", "allowances", "--meeting", str(planned.id), "--json", db=db_path)
    assert r.returncode == 1 and "개최" in r.stderr
    assert aict("list", "allowances", db=db_path).returncode == 2
    out = tmp_path / "조서.pdf"
    r = aict("export", "allowances", "--meeting", str(m.id), "--checked-by", "김팀장", "--out", str(out), db=db_path)
    assert r.returncode == 0, r.stderr
    in_order(pdf_text(out.read_bytes()), ["참석수당 지급 조서", "합계", "858,200", "김팀장 (인)"])
    year = tmp_path / "2025.xlsx"
    r = aict("export", "allowances", "--year", "2025", "--out", str(year), db=db_path)
    assert r.returncode == 0, r.stderr
    assert load_workbook(year)["인별 집계"]["A1"].value.startswith("2025년 참석수당")
    for bad in (["--year", "2025", "--format", "pdf"], ["--year", "이천"], ["--year", "2025", "--meeting", str(m.id)]):
        r = aict("export", "allowances", *bad, "--out", str(tmp_path / "x.pdf"), db=db_path)
        assert r.returncode == 1 and r.stderr.strip(), bad
    assert not (tmp_path / "x.pdf").exists()
    assert json.loads(aict("list", "allowances", "--meeting", str(m.id), "--json", db=db_path).stdout) == rows


@pytest.mark.sqlite_only
def test_upgrade_to_0004_gives_everyone_the_default_tax_kind(tmp_path):
    """The committed 0001 file (people stored) upgrades to 0004: every person is 기타소득, no budget is set."""
    import shutil
    from pathlib import Path

    from aict_desktop.domain.models import BodyBudget, Person
    from aict_desktop.services.container import Services
    from aict_desktop.store import migrate, open_store

    old = tmp_path / "old.sqlite"
    shutil.copyfile(Path(__file__).resolve().parents[1] / "fixtures" / "db_0001.sqlite", old)
    st = open_store(old)
    try:
        assert migrate.current_revision(st) == migrate.HEAD_REVISION
        with st.session() as s:
            people = s.exec(select(Person)).all()
            assert people and {p.tax_kind.value for p in people} == {"기타소득"}
            assert s.exec(select(BodyBudget)).all() == []
        sv = Services(st)
        assert sv.allowances.set_tax_kind(people[0].id, "사업소득").value == "사업소득"
        with pytest.raises(ValidationError):
            sv.allowances.set_tax_kind(people[0].id, "모름")
    finally:
        st.dispose()
