"""The calendar entry of a notice: RFC 5545 via icalendar, parsed back; UID, SEQUENCE, METHOD."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar

from tests.unit.test_notice_mail import notice_meeting



def _event(ics: bytes):
    cal = icalendar.Calendar.from_ical(ics)
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 1
    return cal, events[0]


def test_ics_round_trip_with_seoul_time_place_agenda(services):
    _body, m, _ids = notice_meeting(services)
    ics = services.notices.calendar_ics(m.id, organizer="office@example.go.kr")
    assert b"DTSTART;TZID=Asia/Seoul:" + m.starts_at.strftime("%Y%m%dT%H%M%S").encode() in ics.replace(b"\r\n ", b"")
    cal, ev = _event(ics)
    assert str(cal["METHOD"]) == "REQUEST"
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Seoul"]
    seoul = ZoneInfo("Asia/Seoul")
    assert ev.decoded("DTSTART") == m.starts_at.replace(tzinfo=seoul)
    assert ev.decoded("DTSTART").utcoffset() == dt.timedelta(hours=9)
    assert ev.decoded("DTEND") == m.ends_at.replace(tzinfo=seoul)
    assert str(ev["SUMMARY"]) == m.title
    assert str(ev["LOCATION"]) == "서초구청 본관 3층 대회의실"
    desc = str(ev["DESCRIPTION"])
    assert "1. [의결] 2026년 하반기 사업계획(안) (간사)" in desc and "2. [보고] 상반기 추진 실적" in desc
    assert int(ev["SEQUENCE"]) == 0
    assert str(ev["ORGANIZER"]) == "mailto:office@example.go.kr"


def test_uid_is_stable_and_a_change_raises_the_sequence_and_a_cancel_cancels(services):
    _body, m, _ids = notice_meeting(services)
    _c, first = _event(services.notices.calendar_ics(m.id))
    _c, again = _event(services.notices.calendar_ics(m.id))
    assert str(first["UID"]) == str(again["UID"]) and int(again["SEQUENCE"]) == 0  # nothing changed
    later = m.starts_at + dt.timedelta(hours=1)
    services.meetings.update(m.id, {"starts_at": later, "ends_at": later + dt.timedelta(hours=2)})
    _c, moved = _event(services.notices.calendar_ics(m.id))
    assert str(moved["UID"]) == str(first["UID"])
    assert int(moved["SEQUENCE"]) == 1
    assert moved.decoded("DTSTART").hour == 15
    services.meetings.update(m.id, {"status": "취소"})
    cal, cancelled = _event(services.notices.calendar_ics(m.id))
    assert str(cal["METHOD"]) == "CANCEL" and str(cancelled["STATUS"]) == "CANCELLED"
    assert int(cancelled["SEQUENCE"]) == 2 and str(cancelled["UID"]) == str(first["UID"])


def test_two_meetings_have_different_uids(services):
    body, m, _ids = notice_meeting(services)
    m2 = services.meetings.create(body.id, starts_at=m.starts_at + dt.timedelta(days=30))
    _c, a = _event(services.notices.calendar_ics(m.id))
    _c, b = _event(services.notices.calendar_ics(m2.id))
    assert str(a["UID"]) != str(b["UID"])
