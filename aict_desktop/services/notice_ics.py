"""The calendar entry of a 회의 개최 알림: an RFC 5545 ``.ics`` (via ``icalendar``).

One event per meeting with a stable UID, so a member's calendar replaces the
entry when the meeting changes: METHOD:REQUEST with a SEQUENCE that rises with
every change of time, place or title; a cancelled meeting is METHOD:CANCEL
(STATUS:CANCELLED). Times are the office's wall clock, Asia/Seoul, written with
its TZID and VTIMEZONE.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from zoneinfo import ZoneInfo

ZONE = "Asia/Seoul"
PRODID = "-//AICT Secretariat//AICT Desktop//KO"


@dataclass(frozen=True)
class CalendarEntry:
    uid: str
    sequence: int
    cancelled: bool
    title: str
    starts_at: dt.datetime  # naive, office wall clock
    ends_at: dt.datetime | None
    place: str
    description: str


def fingerprint(title: str, starts_at: dt.datetime, ends_at: dt.datetime | None, place: str, cancelled: bool) -> str:
    """What members' calendars show: a change of any of these raises the SEQUENCE."""
    text = "\x1f".join([title, starts_at.isoformat(), ends_at.isoformat() if ends_at else "", place, str(cancelled)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def next_sequence(state: dict, fp: str) -> tuple[int, dict]:
    """(SEQUENCE, new state) given the stored ``{"seq", "fp"}`` and today's fingerprint."""
    if not state:
        return 0, {"seq": 0, "fp": fp}
    seq = int(state.get("seq", 0))
    if state.get("fp") != fp:
        seq += 1
    return seq, {"seq": seq, "fp": fp}


def build_ics(entry: CalendarEntry, *, organizer: str = "", attendee: tuple[str, str] | None = None,
              stamp: dt.datetime | None = None) -> bytes:
    """The ``.ics`` bytes; ``attendee`` is (name, e-mail) of the one person the copy is for."""
    import icalendar

    zone = ZoneInfo(ZONE)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "CANCEL" if entry.cancelled else "REQUEST")
    ev = icalendar.Event()
    ev.add("uid", entry.uid)
    ev.add("sequence", entry.sequence)
    ev.add("dtstamp", stamp or dt.datetime.now(dt.timezone.utc))
    ev.add("dtstart", entry.starts_at.replace(tzinfo=zone))
    end = entry.ends_at or entry.starts_at + dt.timedelta(hours=2)
    ev.add("dtend", end.replace(tzinfo=zone))
    ev.add("summary", entry.title)
    if entry.place:
        ev.add("location", entry.place)
    if entry.description:
        ev.add("description", entry.description)
    ev.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
    ev.add("transp", "OPAQUE")
    if organizer:
        ev.add("organizer", icalendar.vCalAddress(f"mailto:{organizer}"))
    if attendee and attendee[1]:
        who = icalendar.vCalAddress(f"mailto:{attendee[1]}")
        who.params["cn"] = icalendar.vText(attendee[0])
        who.params["role"] = icalendar.vText("REQ-PARTICIPANT")
        who.params["partstat"] = icalendar.vText("NEEDS-ACTION")
        who.params["rsvp"] = icalendar.vText("FALSE")
        ev.add("attendee", who)
    cal.add_component(ev)
    cal.add_missing_timezones()
    return cal.to_ical()
