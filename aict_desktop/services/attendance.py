"""Attendance (참석) and the live quorum — part of ``MeetingService``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from aict_desktop.domain.enums import AttendanceStatus
from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import Appointment, Attendance, Meeting
from aict_desktop.domain.quorum import OpenQuorum
from aict_desktop.domain.rules import (
    Attendee,
    BodyRules,
    Tally,
    counts_for_quorum,
    counts_for_vote,
    enrolled,
    is_paid,
)
from aict_desktop.i18n import _
from aict_desktop.services.attendees import meeting_count
from aict_desktop.services.meeting_host import MeetingHost
from aict_desktop.services.validation import clean_text, parse_enum


@dataclass
class AttendanceRow:
    """One line of the attendance list as meeting mode and ``aict list attendance`` show it."""

    id: int
    name: str
    affiliation: str
    position: str
    role: str
    is_member: bool
    status: str
    arrived_at: dt.time | None
    proxy_name: str = ""
    person_id: int | None = None
    appointment_id: int | None = None
    kind: str = ""
    left_at: dt.time | None = None
    enrolled: bool = False  # in 재적
    counts_for_quorum: bool = False
    counts_for_vote: bool = False
    paid: bool = False


def attendance_row(a: Attendee, rules: BodyRules) -> AttendanceRow:
    return AttendanceRow(
        id=a.id, name=a.name, affiliation=a.institution, position=a.position,
        role=a.role.value if a.role else "", is_member=a.is_member, status=a.status.value,
        arrived_at=a.arrived_at, proxy_name=a.proxy_name, person_id=a.person_id, appointment_id=a.appointment_id,
        kind=a.kind.value if a.kind else "", left_at=a.left_at, enrolled=enrolled(a, rules),
        counts_for_quorum=counts_for_quorum(a, rules), counts_for_vote=counts_for_vote(a, rules),
        paid=is_paid(a, rules),
    )


class AttendanceMixin(MeetingHost):
    """Attendance methods of ``MeetingService`` (needs ``store``, ``_get``, ``_require_draft``)."""

    def _attendance(self, s: Session, attendance_id: int) -> Attendance:
        """The record, read with its meeting in one statement (the callers' ``_get`` then finds it in the session)."""
        row = s.exec(select(Attendance, Meeting).outerjoin(Meeting, col(Attendance.meeting_id) == Meeting.id)
                     .where(Attendance.id == attendance_id)).first()
        if row is None:
            raise NotFound(_("The attendance record no longer exists."))
        return row[0]

    def attendance(self, meeting_id: int) -> list[Attendance]:
        with self.store.session() as s:
            return list(s.exec(select(Attendance).where(Attendance.meeting_id == meeting_id).order_by(col(Attendance.id))))

    def attendance_rows(self, meeting_id: int) -> list[AttendanceRow]:
        """Members in role order (위원장 … 간사), then walk-ins as added; with what each counts for."""
        with self.store.session() as s:
            mc = meeting_count(s, meeting_id)
            return [attendance_row(a, mc.rules) for a in mc.attendees]

    def set_attendance(self, attendance_id: int, status: AttendanceStatus | str, *, arrived_at: dt.time | None = None,
                       proxy_name: str | None = None, clear_arrival: bool = False) -> Attendance:
        with self.store.write() as s:
            att = self._attendance(s, attendance_id)
            self._require_draft(self._get(s, att.meeting_id))
            att.status = parse_enum(AttendanceStatus, status, _("Attendance"))
            if arrived_at is not None:
                att.arrived_at = arrived_at
            if clear_arrival:
                att.arrived_at = None
            if proxy_name is not None:
                att.proxy_name = clean_text(proxy_name, _("Proxy"), max_len=100)
            s.add(att)
            s.flush()
            return att

    def add_walk_in(self, meeting_id: int, name: str, affiliation: str = "") -> Attendance:
        """A 배석자 added on the spot (not counted for quorum)."""
        with self.store.write() as s:
            self._require_draft(self._get(s, meeting_id))
            att = Attendance(
                meeting_id=meeting_id, is_member=False,
                name=clean_text(name, _("Name"), required=True, max_len=100),
                affiliation=clean_text(affiliation, _("Affiliation"), max_len=200),
                status=AttendanceStatus.PRESENT,
                arrived_at=dt.datetime.now().time().replace(second=0, microsecond=0),
            )
            s.add(att)
            s.flush()
            return att

    def invite(self, meeting_id: int, appointment_id: int) -> Attendance:
        """Add a member (by appointment) to the invitation list."""
        with self.store.write() as s:
            m = self._get(s, meeting_id)
            self._require_draft(m)
            appt = s.get(Appointment, appointment_id)
            if appt is None or appt.body_id != m.body_id:
                raise ValidationError(_("This person is not appointed to the meeting's body."))
            existing = s.exec(select(Attendance).where(Attendance.meeting_id == meeting_id,
                                                       Attendance.person_id == appt.person_id)).first()
            if existing is not None:
                return existing
            att = Attendance(meeting_id=meeting_id, person_id=appt.person_id, appointment_id=appt.id, is_member=True)
            s.add(att)
            s.flush()
            return att

    def uninvite(self, attendance_id: int) -> None:
        """Take someone off the list (only before their attendance is recorded)."""
        with self.store.write() as s:
            att = self._attendance(s, attendance_id)
            self._require_draft(self._get(s, att.meeting_id))
            if att.is_member and att.status is not AttendanceStatus.UNKNOWN:
                raise ValidationError(_("Attendance was already recorded for this person; mark them absent instead."))
            s.delete(att)

    def set_departure(self, attendance_id: int, left_at: dt.time | None) -> Attendance:
        """퇴장 at ``left_at`` (``None``: back in the meeting). A member who left no longer counts for quorum."""
        with self.store.write() as s:
            att = self._attendance(s, attendance_id)
            self._require_draft(self._get(s, att.meeting_id))
            if left_at is not None and att.arrived_at is not None and left_at < att.arrived_at:
                raise ValidationError(_("The member cannot leave before arriving ({time}).").format(
                    time=att.arrived_at.strftime("%H:%M")))
            att.left_at = left_at
            s.add(att)
            s.flush()
            return att

    def tally(self, meeting_id: int) -> Tally:
        """재적, 출석, 재석 and what opening needs, by the body's rules."""
        with self.store.session() as s:
            return meeting_count(s, meeting_id).tally

    def counts(self, meeting_id: int) -> tuple[int, int]:
        """(enrolled, present) members of a meeting."""
        t = self.tally(meeting_id)
        return t.enrolled, t.present

    def quorum(self, meeting_id: int) -> OpenQuorum:
        """The opening quorum as it stands now (members who left are not counted)."""
        t = self.tally(meeting_id)
        return OpenQuorum(t.enrolled, t.present_now, t.required)
