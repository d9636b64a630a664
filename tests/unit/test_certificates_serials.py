"""Serial prefixes per body (운영위 제2026-001호), the issue date, and finding a serial again."""

from __future__ import annotations

import datetime as dt

import pytest

from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.rules import rules_of
from tests.unit.test_certificates import make_body, register_counts
from tests.unit.test_documents_render import pdf_pages

ON = dt.date(2026, 3, 2)


def test_no_prefix_keeps_todays_format(services):
    body, _ids = make_body(services, ["홍길동"])
    assert rules_of(services.bodies.get_body(body.id)).certificate_serial_prefix == ""
    assert [c.serial for c in services.certificates.issue(body.id, on=ON).certificates] == ["제2026-001호"]


def test_two_bodies_of_one_issuer_print_different_serials(services):
    a, _ids = make_body(services, ["홍길동", "김위원"], name="서초AICT 운영위원회")
    b, _ids = make_body(services, ["이위원"], name="서초AICT 자문위원회")
    services.bodies.save_rules(a.id, {"certificate_serial_prefix": " 운영위 "})
    services.bodies.save_rules(b.id, {"certificate_serial_prefix": "자문위"})
    first = services.certificates.issue(a.id, on=ON)
    second = services.certificates.issue(b.id, on=ON)
    assert [c.serial for c in first.certificates] == ["운영위 제2026-001호", "운영위 제2026-002호"]
    assert [c.serial for c in second.certificates] == ["자문위 제2026-001호"]
    assert "운영위 제2026-001호" in pdf_pages(first.pdf)[0]
    rows = services.certificates.list()
    assert len({r.serial for r in rows}) == len(rows) == 3
    # a serial is found as printed, or by its number within the body
    assert "자문위 제2026-001호" in pdf_pages(services.certificates.reprint("자문위 제2026-001호"))[0]
    assert "운영위 제2026-002호" in pdf_pages(services.certificates.reprint("2026-002", a.id))[0]
    with pytest.raises(ValidationError, match="자문위원회"):  # the bare number is in both bodies
        services.certificates.reprint("2026-001")
    with pytest.raises(NotFound):
        services.certificates.reprint("자문위 제2026-002호")
    # the preview leaves the number blank but shows the prefix
    services.appointments.appoint(services.roster.create_person(name="박위원").id, a.id, term_start=ON)
    assert "운영위 제2026-    호" in pdf_pages(services.certificates.preview(a.id, on=ON))[0]


def test_a_prefix_changed_later_leaves_issued_serials_alone(services):
    body, ids = make_body(services, ["홍길동", "김위원"])
    services.certificates.issue(body.id, [ids[0]], on=ON)
    services.bodies.save_rules(body.id, {"certificate_serial_prefix": "운영위"})
    (c,) = services.certificates.issue(body.id, [ids[1]], on=ON).certificates
    assert c.serial == "운영위 제2026-002호"  # numbering continues; no number given twice
    assert [r.serial for r in services.certificates.list(body.id)] == ["제2026-001호", "운영위 제2026-002호"]


@pytest.mark.parametrize("bad", ["가" * 13, "운영위\u200b\t", "제1호", "운영위 제", 7])
def test_a_bad_prefix_is_refused_and_nothing_changes(services, bad):
    body, _ids = make_body(services, ["홍길동"])
    with pytest.raises(ValidationError) as err:
        services.bodies.save_rules(body.id, {"certificate_serial_prefix": bad})
    assert err.value.field == "certificate_serial_prefix"
    assert rules_of(services.bodies.get_body(body.id)).certificate_serial_prefix == ""


def test_a_prefix_the_font_cannot_print_stops_the_issue_before_recording(services):
    body, _ids = make_body(services, ["홍길동"])
    services.bodies.save_rules(body.id, {"certificate_serial_prefix": "운영☃"})
    before = register_counts(services.store)
    with pytest.raises(ValidationError, match="U\\+2603"):
        services.certificates.issue(body.id, on=ON)
    assert register_counts(services.store) == before


def test_the_issue_date_is_printed_and_kept(services):
    body, _ids = make_body(services, ["홍길동"])
    result = services.certificates.issue(body.id, on=dt.date(2026, 2, 27))
    assert "2026년 2월 27일" in pdf_pages(result.pdf)[0]
    (row,) = services.certificates.list(body.id)
    assert row.issued_on == dt.date(2026, 2, 27) and row.serial == "제2026-001호"


def test_a_bad_issue_date_is_refused(services):
    body, _ids = make_body(services, ["홍길동"])
    before = register_counts(services.store)
    with pytest.raises(ValidationError):
        services.certificates.issue(body.id, on="2026-03-02")
    with pytest.raises(ValidationError):
        services.certificates.issue(body.id, on=dt.datetime(2026, 3, 2, 9))
    assert register_counts(services.store) == before


def test_the_same_serial_under_one_issuer_is_warned_until_a_prefix_is_set(services):
    a, _ids = make_body(services, ["홍길동"], name="서초AICT 운영위원회")
    b, ids = make_body(services, ["이위원", "박위원"], name="서초AICT 자문위원회")
    assert services.certificates.issue(a.id, on=ON).warnings[1:] == []
    clash = services.certificates.issue(b.id, [ids[0]], on=ON)
    assert clash.certificates[0].serial == "제2026-001호"
    assert any("서초AICT 운영위원회" in w for w in clash.warnings)
    services.bodies.save_rules(b.id, {"certificate_serial_prefix": "자문위"})
    fine = services.certificates.issue(b.id, [ids[1]], on=ON)
    assert fine.certificates[0].serial == "자문위 제2026-002호"
    assert not any("서초AICT 운영위원회" in w for w in fine.warnings)
