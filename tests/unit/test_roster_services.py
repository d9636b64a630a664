import datetime as dt

import pytest

from aict_desktop.domain.enums import AppointmentStatus, Role
from aict_desktop.domain.errors import ValidationError

D = dt.date


@pytest.fixture
def committee(services):
    return services.bodies.create_body(name="서초AICT 운영위원회", kind="위원회", issuer="서울특별시 서초구청장")


def test_body_names_are_unique_and_required(services, committee):
    with pytest.raises(ValidationError) as err:
        services.bodies.create_body(name="서초AICT 운영위원회")
    assert err.value.field == "name"
    with pytest.raises(ValidationError):
        services.bodies.create_body(name="   ")


def test_working_group_hierarchy_and_no_cycles(services):
    net = services.bodies.create_body(name="서초 AI 혁신 네트워크", kind="네트워크")
    wg = services.bodies.create_body(name="AI 인재양성 분과", kind="분과", parent_id=net.id)
    rows = services.bodies.list_bodies()
    assert [(r.name, r.parent) for r in rows] == [("서초 AI 혁신 네트워크", None), ("AI 인재양성 분과", "서초 AI 혁신 네트워크")]
    with pytest.raises(ValidationError):
        services.bodies.update_body(net.id, {"parent_id": wg.id})


def test_enum_values_accept_korean_english_and_refuse_others(services):
    inst = services.roster.create_institution(name="KAIST", sector="University")
    assert inst.sector.value == "대학"
    with pytest.raises(ValidationError) as err:
        services.roster.create_institution(name="X", sector="대기엄")
    assert "대기엄" in err.value.message and "대기업" in err.value.message


def test_text_is_trimmed_and_control_characters_refused(services):
    p = services.roster.create_person(name="  홍길동 ")
    assert p.name == "홍길동" and p.name_initials == "ㅎㄱㄷ"
    with pytest.raises(ValidationError):
        services.roster.create_person(name="홍\x00길동")
    # markup-looking names are data, kept as typed
    q = services.roster.create_person(name="<b>김&이</b>")
    assert services.roster.get_person(q.id).name == "<b>김&이</b>"


def test_people_search_by_initials(services):
    kt = services.roster.create_institution(name="KT", sector="대기업")
    for name in ("홍길동", "홍길순", "김민준"):
        services.roster.create_person(name=name, institution_id=kt.id)
    assert [r.name for r in services.roster.list_people(search="ㅎㄱㄷ")] == ["홍길동"]
    assert [r.name for r in services.roster.list_people(search="홍ㄱ")] == ["홍길동", "홍길순"]
    assert len(services.roster.list_people(search="KT")) == 3  # by institution too


def test_institution_members_of_a_body(services, committee):
    a = services.roster.create_institution(name="현대자동차", sector="대기업")
    services.roster.create_institution(name="LG전자", sector="대기업")
    services.roster.add_membership(a.id, committee.id)
    services.roster.add_membership(a.id, committee.id)  # no double membership
    assert [r.name for r in services.roster.list_institutions(body_id=committee.id)] == ["현대자동차"]


def test_delete_refuses_what_others_depend_on(services, committee):
    inst = services.roster.create_institution(name="ETRI", sector="연구기관")
    p = services.roster.create_person(name="이서준", institution_id=inst.id)
    services.appointments.appoint(p.id, committee.id, term_start=D(2026, 2, 12))
    with pytest.raises(ValidationError, match="이서준"):
        services.roster.delete_person(p.id)
    with pytest.raises(ValidationError):
        services.roster.delete_institution(inst.id)
    with pytest.raises(ValidationError):
        services.bodies.delete_body(committee.id)


def test_appointment_default_term_and_status(services, committee):
    p = services.roster.create_person(name="박지우")
    a = services.appointments.appoint(p.id, committee.id, role="위원장", term_start=D(2026, 2, 12))
    assert a.term_end == D(2028, 2, 11) and a.role is Role.CHAIR
    rows = services.appointments.list(body_id=committee.id)
    assert rows[0].status == "재임" and rows[0].person == "박지우"


def test_overlapping_appointments_are_refused(services, committee):
    p = services.roster.create_person(name="최유나")
    services.appointments.appoint(p.id, committee.id, term_start=D(2026, 2, 12))
    with pytest.raises(ValidationError, match="최유나"):
        services.appointments.appoint(p.id, committee.id, term_start=D(2027, 1, 1))


def test_reappointment_keeps_history(services, committee):
    p = services.roster.create_person(name="정하윤")
    first = services.appointments.appoint(p.id, committee.id, term_start=D(2024, 2, 12))
    second = services.appointments.reappoint(first.id)
    assert second.term_start == D(2026, 2, 12) and second.previous_id == first.id
    assert [a.id for a in services.appointments.history(second.id)] == [first.id, second.id]


def test_end_by_dismissal_and_resignation(services, committee):
    p = services.roster.create_person(name="강도윤")
    a = services.appointments.appoint(p.id, committee.id, term_start=D(2026, 2, 12))
    ended = services.appointments.end(a.id, "해촉", on=D(2026, 3, 1), note="본인 요청")
    assert services.appointments.status(ended) is AppointmentStatus.DISMISSED
    with pytest.raises(ValidationError):
        services.appointments.end(a.id, "사임")
    with pytest.raises(ValidationError):
        services.appointments.end(a.id, "재임")
    # after a dismissal the person can be appointed again later
    services.appointments.appoint(p.id, committee.id, term_start=D(2026, 6, 1))


def test_expiring_terms_filter(services, committee):
    today = dt.date.today()
    p1 = services.roster.create_person(name="윤서아")
    p2 = services.roster.create_person(name="임준호")
    services.appointments.appoint(p1.id, committee.id, term_start=today - dt.timedelta(days=700),
                                  term_end=today + dt.timedelta(days=30), partial_term=True)
    services.appointments.appoint(p2.id, committee.id, term_start=today)
    expiring = services.appointments.list(expiring_within=60)
    assert [r.person for r in expiring] == ["윤서아"]


def test_bulk_appoint_is_all_or_nothing(services, committee):
    a = services.roster.create_person(name="한지민")
    b = services.roster.create_person(name="오세진")
    services.appointments.appoint(b.id, committee.id, term_start=D(2026, 2, 12))
    with pytest.raises(ValidationError):
        services.appointments.appoint_many([a.id, b.id], committee.id, term_start=D(2026, 2, 12))
    assert services.appointments.list(person_id=a.id) == []
