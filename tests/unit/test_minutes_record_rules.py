"""What a 회의록 needs before 확정 (시행령 제18조②) and who is still 미정: pure rules, no data file."""

from __future__ import annotations

from aict_desktop.domain.enums import AgendaKind, AttendanceStatus as S
from aict_desktop.domain.rules.attendance import Attendee
from aict_desktop.domain.rules.minutes_record import (
    RecordItem,
    attendance_recorded,
    missing_fields,
    unrecorded_members,
)


def people(*statuses, guest: S | None = None) -> list[Attendee]:
    rows = [Attendee(id=k, name=f"위원{k}", status=st) for k, st in enumerate(statuses, 1)]
    if guest is not None:
        rows.append(Attendee(id=99, name="배석자", status=guest, is_member=False))
    return rows


def test_unrecorded_are_members_left_undecided_in_order():
    rows = people(S.PRESENT, S.UNKNOWN, S.ABSENT, S.UNKNOWN, guest=S.UNKNOWN)
    assert unrecorded_members(rows) == ["위원2", "위원4"]  # the 배석자 is no member
    assert attendance_recorded(rows)


def test_no_member_recorded_means_no_attendance_list():
    assert not attendance_recorded(people(S.UNKNOWN, S.UNKNOWN, guest=S.PRESENT))
    assert not attendance_recorded([])


def test_missing_fields_name_each_item():
    items = [RecordItem(AgendaKind.REPORT, "", False), RecordItem(AgendaKind.RESOLUTION, "의결", False)]
    missing = missing_fields(title="제1차 회의", organiser="서초구", place="", attendance_recorded=False, items=items)
    assert missing == ["일시 및 장소", "참석자 및 배석자 명단", "발언 요지(안건 1)", "결정 사항 및 표결 내용(안건 2)"]
    assert missing_fields(title="t", organiser="o", place="p", attendance_recorded=True, items=[]) == [
        "진행 순서", "상정 안건"]
