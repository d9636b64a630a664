"""Attendance (참석) and the live quorum — part of ``MeetingService``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, select

from aict_desktop.domain.enums import AttendanceStatus, Role
from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import Appointment, Attendance, Body, Institution, Person
from aict_desktop.domain.quorum import OpenQuorum, open_quorum
from aict_desktop.i18n import _
from aict_desktop.services.validation import clean_text, parse_enum


@dataclass
class AttendanceRow:
    """One line of the attendance list as meeting mode shows it."""

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


_ROLE_ORDER = {Role.CHAIR: 0, Role.VICE_CHAIR: 1, Role.MEMBER: 2, Role.GROUP_LEAD: 2, Role.SECRETARY: 3}


class AttendanceMixin:
    """Attendance methods of ``MeetingService`` (needs ``store``, ``_get``, ``_require_draft``)."""

    def _attendance(self, s: Session, attendance_id: int) -> Attendance:
        att = s.get(Attendance, attendance_id)
        if att is None:
            raise NotFound(_("The attendance record no longer exists."))
        return att

    def attendance(self, meeting_id: int) -> list[Attendance]:
        with self.store.session() as s:
            return list(s.exec(select(Attendance).where(Attendance.meeting_id == meeting_id).order_by(Attendance.id)))

    def attendance_rows(self, meeting_id: int) -> list[AttendanceRow]:
        """Members first (위원장, 부위원장, 위원 …, by name), then walk-ins in arrival order."""
        with self.store.session() as s:
            rows = []
            for att in s.exec(select(Attendance).where(Attendance.meeting_id == meeting_id).order_by(Attendance.id)):
                person = s.get(Person, att.person_id) if att.person_id else None
                appt = s.get(Appointment, att.appointment_id) if att.appointment_id else None
                inst = s.get(Institution, person.institution_id) if person and person.institution_id else None
                rows.append((
                    (0 if att.is_member else 1, _ROLE_ORDER.get(appt.role, 2) if appt else 2,
                     person.name if person and att.is_member else "", att.id),
                    AttendanceRow(
                        id=att.id, name=person.name if person else att.name,
                        affiliation=inst.name if inst else att.affiliation,
                        position=(appt.position_title if appt and appt.position_title else person.position if person else ""),
                        role=appt.role.value if appt else "", is_member=att.is_member, status=att.status.value,
                        arrived_at=att.arrived_at, proxy_name=att.proxy_name, person_id=att.person_id,
                        appointment_id=att.appointment_id,
                    ),
                ))
            return [r for _key, r in sorted(rows, key=lambda kr: kr[0])]

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

    def counts(self, meeting_id: int) -> tuple[int, int]:
        """(enrolled, present) members of a meeting."""
        with self.store.session() as s:
            rows = s.exec(select(Attendance).where(Attendance.meeting_id == meeting_id, Attendance.is_member)).all()
            return len(rows), sum(1 for a in rows if a.status.counts_for_quorum)

    def quorum(self, meeting_id: int) -> OpenQuorum:
        with self.store.session() as s:
            body = s.get(Body, self._get(s, meeting_id).body_id)
        enrolled, present = self.counts(meeting_id)
        return open_quorum(body.open_quorum, enrolled, present)
