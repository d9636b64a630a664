"""Composition rules at appointment time (RULES.md 1–4): 성별 cap, term length, 연임, 중복위촉; report and import."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import func, select

from aict_desktop.domain.enums import AppointmentKind
from aict_desktop.domain.errors import ValidationError
from aict_desktop.domain.models import Appointment, CompositionException, Institution, Person
from aict_desktop.domain.rules import Gender
from aict_desktop.services.appointments import Appointee, CompositionRefused
from aict_desktop.services.composition import CompositionService
from aict_desktop.services.importing import ImportService
from aict_desktop.store.audit import os_user
from tests.e2e.cli_helpers import aict, aict_json
from tests.unit.test_import import write_csv, write_xlsx

D = dt.date
START = D(2026, 2, 12)
M, F, U = Gender.MALE, Gender.FEMALE, Gender.UNKNOWN


@pytest.fixture
def body(services):
    return services.bodies.create_body(name="서초AICT 운영위원회", kind="위원회", issuer="서울특별시 서초구청장")


def people(services, genders, prefix="위원"):
    return [services.roster.create_person(name=f"{prefix}{i:02d}", gender=g) for i, g in enumerate(genders)]


def appoint_together(services, body, persons, **kw):
    return services.appointments.appoint_many([p.id for p in persons], body.id, term_start=START, **kw)


def count(services, model) -> int:
    with services.store.session() as s:
        return s.exec(select(func.count()).select_from(model)).one()


# --- 성별 and 출생연도 of a person ------------------------------------------------------------------


def test_gender_and_birth_year_of_a_person(services):
    roster = services.roster
    spelled = {"남": M, "여": F, "남성": M, "여성": F, "M": M, "f": F, "": U, None: U}
    for i, (text, expected) in enumerate(spelled.items()):
        assert roster.create_person(name=f"사람{i}", gender=text).gender is expected, text
    p = roster.create_person(name="홍길동", gender="여성", birth_year="1975")
    assert (p.gender, p.birth_year) == (F, 1975)
    row = next(r for r in roster.list_people() if r.id == p.id)
    assert (row.gender, row.birth_year) == ("여", 1975)
    assert next(r for r in roster.list_people() if r.name == "사람0").gender == "남"
    assert roster.update_person(p.id, {"gender": "M", "birth_year": ""}).birth_year is None
    assert roster.get_person(p.id).gender is M
    with pytest.raises(ValidationError) as err:
        roster.create_person(name="김", gender="X")
    assert err.value.field == "gender" and "'X'" in err.value.message
    for bad in ("1899", 2999, "천구백", "19.5"):
        with pytest.raises(ValidationError) as err:
            roster.create_person(name="이", birth_year=bad)
        assert err.value.field == "birth_year" and "1900" in err.value.message


def test_import_columns_gender_and_birth_year(services, tmp_path):
    path = write_csv(tmp_path / "p.csv", "성명,성별,출생연도\n가,남,1970\n나,여성,\n다,F,1988\n라,,\n", "utf-8")
    result = ImportService(services).run("people", path)
    assert result.problems == [] and result.rows == 4
    rows = {r.name: (r.gender, r.birth_year) for r in services.roster.list_people()}
    assert rows == {"가": ("남", 1970), "나": ("여", None), "다": ("여", 1988), "라": ("미입력", None)}

    bad = write_xlsx(tmp_path / "bad.xlsx", [["성명", "성별", "출생연도"], ["마", "X", 1975], ["바", "M", 1850],
                                           ["사", "남자", 2999], ["아", "여", "1990년"]])
    before = count(services, Person)
    result = ImportService(services).run("people", bad)
    assert [(p.row_number, p.column) for p in result.problems] == [(2, "성별"), (3, "출생연도"), (4, "출생연도")]
    assert result.problems[0].describe().startswith("2행 '성별'") and "'X'" in result.problems[0].message
    assert "1850" in result.problems[1].message
    assert count(services, Person) == before


# --- the 성별 cap (양성평등기본법 제21조) ----------------------------------------------------------------


def test_six_of_ten_is_allowed_seven_of_ten_refused(services, body):
    ok = people(services, [M] * 6 + [F] * 4, "가")
    check = services.appointments.check_many([Appointee(p.id, term_start=START) for p in ok], body.id)
    assert check.ok and check.after.by_gender == {"남": 6, "여": 4, "미입력": 0}

    over = people(services, [M] * 7 + [F] * 3, "나")
    check = services.appointments.check_many([Appointee(p.id, term_start=START) for p in over], body.id)
    assert check.refusals == [] and check.gender_problem
    assert "양성평등기본법 제21조" in check.gender_problem and "7" in check.gender_problem
    assert "위촉직 10명(남 7, 여 3, 미입력 0)" in check.gender_problem
    with pytest.raises(CompositionRefused) as err:
        appoint_together(services, body, over)
    assert err.value.after.by_gender["남"] == 7 and err.value.field == "exception_reason"
    assert count(services, Appointment) == 0

    appoint_together(services, body, ok)
    assert services.appointments.check(over[0].id, body.id, term_start=START).gender_problem  # 7 of 11
    assert services.appointments.check(over[-1].id, body.id, term_start=START).ok  # a woman: 6 of 11 men


def test_one_at_a_time_up_to_the_boundary(services, body):
    appoint_together(services, body, people(services, [M] * 5 + [F] * 4))
    man, another = people(services, [M, M], "추가")
    assert services.appointments.check(man.id, body.id, term_start=START).ok
    services.appointments.appoint(man.id, body.id, term_start=START)  # 6 of 10
    with pytest.raises(CompositionRefused, match="7"):
        services.appointments.appoint(another.id, body.id, term_start=START)  # 7 of 11


def test_not_given_counts_in_the_denominator_and_never_blocks(services, body):
    six_three = people(services, [M] * 6 + [F] * 3, "가")
    with pytest.raises(CompositionRefused):  # 6 of 9
        appoint_together(services, body, six_three)
    unknown = people(services, [U], "나")
    appoint_together(services, body, six_three + unknown)  # 6 of 10
    report = CompositionService(services.store).report(body.id, on=START)
    assert (report.commissioned, report.by_gender, report.gender_cap_ok) == (10, {"남": 6, "여": 3, "미입력": 1}, True)
    more_unknown = people(services, [U, U], "다")
    assert services.appointments.check(more_unknown[0].id, body.id, term_start=START).ok
    appoint_together(services, body, more_unknown)


def test_ex_officio_members_are_not_in_the_count(services, body):
    appoint_together(services, body, people(services, [M] * 3 + [F] * 2))  # 3 of 5
    officials = people(services, [M, M, M], "당연")
    appoint_together(services, body, officials, kind=AppointmentKind.EX_OFFICIO)
    report = CompositionService(services.store).report(body.id, on=START)
    assert (report.commissioned, report.ex_officio, report.by_gender["남"]) == (5, 3, 3) and report.gender_cap_ok


def test_exception_is_recorded_and_shown_in_the_report(services, body):
    appoint_together(services, body, people(services, [M] * 6 + [F] * 4))
    man = people(services, [M], "추가")[0]
    with pytest.raises(CompositionRefused):
        services.appointments.appoint(man.id, body.id, term_start=START, exception_reason="   ")
    assert count(services, CompositionException) == 0
    a = services.appointments.appoint(man.id, body.id, term_start=START, exception_reason="해당 분야 여성 전문가 부재")
    with services.store.session() as s:
        (row,) = s.exec(select(CompositionException)).all()
    assert (row.body_id, row.appointment_id, row.rule, row.by) == (body.id, a.id, "성별", os_user())
    assert row.counts == "위촉직 11명(남 7, 여 4, 미입력 0), 당연직 0명"
    report = CompositionService(services.store).report(body.id, on=START)
    assert not report.gender_cap_ok and report.by_gender == {"남": 7, "여": 4, "미입력": 0}
    (e,) = report.exceptions
    assert (e.person, e.reason, e.counts, e.by) == ("추가00", "해당 분야 여성 전문가 부재", row.counts, os_user())


# --- term, 연임, 중복위촉 ------------------------------------------------------------------------------


def test_term_longer_than_36_months_is_refused(services, body):
    p, q = people(services, [U, U])
    with pytest.raises(ValidationError, match="36"):
        services.appointments.appoint(p.id, body.id, term_start=START, term_end=D(2029, 2, 12))
    assert services.appointments.check(p.id, body.id, term_start=START, term_end=D(2029, 2, 12)).refusals
    a = services.appointments.appoint(p.id, body.id, term_start=START, term_end=D(2029, 2, 11))  # 36 months
    with pytest.raises(ValidationError, match="36"):
        services.appointments.update(a.id, {"term_end": D(2030, 1, 1)})
    # 당연직 has no such limit
    services.appointments.appoint(q.id, body.id, term_start=START, kind=AppointmentKind.EX_OFFICIO)
    long_body = services.bodies.create_body(name="긴 임기 위원회", kind="위원회", default_term_months=48)
    with pytest.raises(ValidationError, match="36"):
        services.appointments.appoint(q.id, long_body.id, term_start=START)  # the default term is too long


def test_renewal_limit_one_warns_at_the_first_and_refuses_the_second(services, body):
    services.bodies.save_rules(body.id, {"reappointment_limit": 1})
    (p,) = people(services, [U])
    first = services.appointments.appoint(p.id, body.id, term_start=D(2022, 2, 12))
    check = services.appointments.check(p.id, body.id, term_start=D(2024, 2, 12), previous_id=first.id)
    assert check.ok and len(check.warnings) == 1 and "1" in check.warnings[0]
    second = services.appointments.reappoint(first.id)
    check = services.appointments.check(p.id, body.id, term_start=D(2026, 2, 12), previous_id=second.id)
    assert check.refusals and "1" in check.refusals[0]
    with pytest.raises(ValidationError):
        services.appointments.reappoint(second.id)
    assert [a.id for a in services.appointments.history(second.id)] == [first.id, second.id]


def test_a_fourth_body_is_warned(services):
    (p,) = people(services, [U])
    bodies = [services.bodies.create_body(name=f"위원회{i}", kind="위원회") for i in range(4)]
    for b in bodies[:3]:
        assert services.appointments.check(p.id, b.id, term_start=START).warnings == []
        services.appointments.appoint(p.id, b.id, term_start=START)
    check = services.appointments.check(p.id, bodies[3].id, term_start=START)
    assert check.ok and len(check.warnings) == 1
    assert all(b.name in check.warnings[0] for b in bodies[:3]) and "4" in check.warnings[0]
    services.appointments.appoint(p.id, bodies[3].id, term_start=START)  # a warning does not stop it
    # only the bodies the person serves on at the term start count
    assert services.appointments.check(p.id, bodies[0].id, term_start=D(2020, 1, 1)).warnings == []


# --- import with a body and the CLI ----------------------------------------------------------------------


def people_file(tmp_path, genders) -> str:
    rows = "".join(f"위원{i:02d},{g},2026-02-12\n" for i, g in enumerate(genders))
    return str(write_csv(tmp_path / "위원.csv", "성명,성별,임기시작\n" + rows, "utf-8"))


def test_import_refuses_a_file_over_the_cap_unless_a_reason_is_given(services, body, tmp_path):
    path = people_file(tmp_path, ["남"] * 7 + ["여"] * 3)
    imp = ImportService(services)
    for dry_run in (True, False):
        result = imp.run("people", path, body_id=body.id, dry_run=dry_run)
        assert result.rows == 0 and result.composition_problem
        (problem,) = result.problems
        assert problem.row_number is None and "양성평등기본법 제21조" in problem.message and "남 7" in problem.message
    assert (count(services, Person), count(services, Appointment)) == (0, 0)
    result = imp.run("people", path, body_id=body.id, exception_reason="공모 결과 여성 지원자 부족")
    assert result.ok and result.rows == 10 and result.exception_reason == "공모 결과 여성 지원자 부족"
    report = CompositionService(services.store).report(body.id, on=START)
    assert report.by_gender["남"] == 7 and len(report.exceptions) == 7  # one per man appointed over the cap
    assert {e.reason for e in report.exceptions} == {"공모 결과 여성 지원자 부족"}


@pytest.mark.sqlite_only  # the CLI runs on the SQLite data file
def test_cli_import_and_report_composition(services, body, db_path, tmp_path):
    path = people_file(tmp_path, ["남"] * 7 + ["여"] * 3)

    def snapshot():
        return tuple(count(services, m) for m in (Institution, Person, Appointment, CompositionException))

    before = snapshot()
    for extra in ((), ("--dry-run",)):
        r = aict("import", "people", path, "--body", body.name, *extra, db=db_path)
        assert r.returncode == 1, r.stdout
        assert "양성평등기본법 제21조" in r.stderr and "남 7" in r.stderr and "--exception-reason" in r.stderr
    assert snapshot() == before == (0, 0, 0, 0)
    r = aict("import", "people", path, "--body", body.name, "--exception-reason", "여성 후보 부족", db=db_path)
    assert r.returncode == 0, r.stderr
    assert "여성 후보 부족" in r.stdout
    report = aict_json("report", "composition", "--body", body.name, db=db_path)
    assert set(report) == {"body", "commissioned", "ex_officio", "by_gender", "gender_cap_ok", "exceptions"}
    assert (report["body"], report["commissioned"], report["ex_officio"]) == (body.name, 10, 0)
    assert report["by_gender"] == {"남": 7, "여": 3, "미입력": 0} and report["gender_cap_ok"] is False
    first = report["exceptions"][0]
    assert set(first) == {"reason", "counts", "at", "by", "person"} and first["reason"] == "여성 후보 부족"
    assert dt.datetime.fromisoformat(first["at"]) and first["person"].startswith("위원")
    table = aict("report", "composition", "--body", str(body.id), db=db_path)
    assert table.returncode == 0 and "위촉직 10명(남 7, 여 3, 미입력 0)" in table.stdout and "여성 후보 부족" in table.stdout
    assert aict("report", "composition", "--body", "없는 기구", db=db_path).returncode == 1
    assert {p["gender"] for p in aict_json("list", "people", db=db_path)} == {"남", "여"}
