"""The one attendee query: a meeting's attendance with each member's appointment, person and institution.

Attendance, the live quorum, decisions, allowances, the 참석자 명부 and the
minutes all read a meeting's people through :func:`meeting_attendees` (one
SQL statement, after one for the meeting and its body) and count them with ``domain.rules``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from aict_desktop.domain.errors import NotFound
from aict_desktop.domain.models import (
    Appointment,
    Attendance,
    Body,
    Institution,
    Meeting,
    Person,
)
from aict_desktop.domain.rules import (
    Attendee,
    BodyRules,
    Tally,
    printed_position,
    rules_of,
    sorted_attendees,
    tally,
)
from aict_desktop.i18n import _


def meeting_attendees(s: Session, meeting_id: int) -> list[Attendee]:
    """Everyone on the meeting's list, members in role order, then 배석자 as added."""
    q = (select(Attendance, Appointment, Person, Institution)
         .outerjoin(Appointment, col(Attendance.appointment_id) == Appointment.id)
         .outerjoin(Person, col(Attendance.person_id) == Person.id)
         .outerjoin(Institution, col(Person.institution_id) == Institution.id)
         .where(Attendance.meeting_id == meeting_id))
    out = []
    for att, appt, person, inst in s.exec(q).all():
        assert att.id is not None  # a stored row
        out.append(Attendee(
            id=att.id, name=person.name if person else att.name, status=att.status, is_member=att.is_member,
            role=appt.role if appt else None, kind=appt.kind if appt else None,
            institution=inst.name if inst else att.affiliation,
            position=printed_position(appt.position_title if appt else "", person.position if person else ""),
            is_public_official=bool(person and person.is_public_official),
            arrived_at=att.arrived_at, left_at=att.left_at, proxy_name=att.proxy_name,
            person_id=att.person_id, appointment_id=att.appointment_id,
        ))
    return sorted_attendees(out)


@dataclass(frozen=True)
class MeetingCount:
    """A meeting, its body, its body's rules, its attendees and their tally — read once."""

    meeting: Meeting
    body: Body
    rules: BodyRules
    attendees: list[Attendee]
    tally: Tally


def meeting_count(s: Session, meeting_id: int) -> MeetingCount:
    row = s.exec(select(Meeting, Body).join(Body, col(Meeting.body_id) == Body.id).where(Meeting.id == meeting_id)).first()
    if row is None:
        raise NotFound(_("The meeting no longer exists."))
    m, body = row
    rules = rules_of(body)
    people = meeting_attendees(s, meeting_id)
    return MeetingCount(meeting=m, body=body, rules=rules, attendees=people, tally=tally(people, rules))
